"""One reader per input format. Each yields RawDocument, or IngestError for what it cannot read,
and never raises for bad input: one broken file (or JSONL line) never stops the rest."""

from __future__ import annotations

import glob
import io
import json
import re
import zlib
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from ..extract.outlet import outlet_from_site_name
from ..model import IngestError, RawDocument
from .sniff import sniff

DEFAULT_MAX_BYTES = 64_000_000  # 64 MB, as --max-size counts them
Item = RawDocument | IngestError

_GLOB_CHARS = re.compile(r"[*?\[]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_\-]+)""", re.I)


def read_inputs(inputs: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Expand files, directories (recursively) and globs, then read each file."""
    for path in expand_inputs(inputs):
        if isinstance(path, IngestError):
            yield path
        else:
            yield from read_file(path, max_bytes=max_bytes)


def expand_inputs(inputs: Iterable[str]) -> Iterator[Path | IngestError]:
    seen: set[Path] = set()
    for spec in inputs:
        p = Path(spec)
        if p.is_dir():
            candidates = sorted(
                f for f in p.rglob("*")
                if f.is_file() and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
        elif p.is_file():
            candidates = [p]
        elif _GLOB_CHARS.search(spec):
            candidates = sorted(Path(m) for m in glob.glob(spec, recursive=True) if Path(m).is_file())
            if not candidates:
                yield IngestError(spec, "the pattern matched no files")
        else:
            yield IngestError(spec, "no such file or directory")
            continue
        for f in candidates:
            if f not in seen:
                seen.add(f)
                yield f


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    source = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield IngestError(
                source,
                f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit "
                "(raise it with --max-size MB); skipped",
            )
            return
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        yield IngestError(source, f"cannot read file: {exc.strerror or exc}")
        return
    yield from read_bytes(data, source, max_bytes=max_bytes)


def read_bytes(data: bytes, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Read one input's bytes whatever its format (sniffed from the content)."""
    fmt = sniff(data[:65536], source)
    if fmt == "gzip":
        try:
            data = _gunzip(data, max_bytes)
        except ValueError as exc:
            yield IngestError(source, str(exc))
            return
        fmt = sniff(data[:65536], source.removesuffix(".gz"))
        if fmt == "gzip":
            yield IngestError(source, "gzip inside gzip is not read")
            return
    if fmt == "empty":
        yield IngestError(source, "the file is empty")
    elif fmt == "binary":
        yield IngestError(source, "binary content, not text, HTML, JSONL, WARC or a feed")
    elif fmt == "warc":
        yield from read_warc(data, source)
    elif fmt == "jsonl":
        yield from read_jsonl(data, source)
    elif fmt == "json":
        yield from read_json(data, source)
    elif fmt == "feed":
        yield from read_feed(data, source)
    elif fmt == "html":
        yield RawDocument(source=source, content=decode_html(data), format="html")
    else:
        yield RawDocument(source=source, content=decode_text(data), format="text")


def _gunzip(data: bytes, max_bytes: int) -> bytes:
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = d.decompress(data, max_bytes + 1)
    except zlib.error as exc:
        raise ValueError(f"corrupt gzip data ({exc}); skipped") from exc
    if len(out) > max_bytes:
        raise ValueError(f"decompresses to more than the {max_bytes / 1e6:.0f} MB limit; skipped")
    if not d.eof:
        raise ValueError("truncated gzip file (the compressed stream ends early); skipped")
    return out


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM) when valid, else Windows-1252, else Latin-1 (never fails)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def decode_html(data: bytes) -> str:
    """Like decode_text, but a <meta charset> declared by the page wins when it decodes."""
    m = _META_CHARSET.search(data[:4096])
    if m:
        try:
            return data.decode(m.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(data)


# ------------------------------------------------------------------------------------ JSONL

_JSONL_STR_FIELDS = ("url", "title", "published", "outlet")
# other names common scrapers (news-please, newspaper, Media Cloud dumps) use for the same fields
_FIELD_ALIASES = {
    "published": ("date_publish", "publish_date", "date_published", "publication_date"),
    "outlet": ("source_domain", "site_name", "publisher"),
    "text": ("maintext", "content", "body"),
}


def read_json(data: bytes, source: str) -> Iterator[Item]:
    """A whole-file JSON document: one article object, a list of them, or {"articles": [...]}."""
    try:
        obj = json.loads(decode_text(data))
    except ValueError as exc:
        yield IngestError(source, f"not valid JSON ({exc})")
        return
    if isinstance(obj, dict) and isinstance(obj.get("articles"), list):
        obj = obj["articles"]
    if isinstance(obj, list):
        for i, item in enumerate(obj, start=1):
            yield _jsonl_record(item, f"{source}#{i}")
    elif isinstance(obj, dict) and _article_body(obj)[0] is not None:
        yield _jsonl_record(obj, source)
    else:
        yield IngestError(source, "JSON data without an article (no text or html field)", skipped=True)


def _article_body(obj: dict) -> tuple[object, str]:
    if obj.get("html") is not None:
        return obj["html"], "html"
    for key in ("text", *_FIELD_ALIASES["text"]):
        if obj.get(key) is not None:
            return obj[key], "text"
    return None, "text"


def read_jsonl(data: bytes, source: str) -> Iterator[Item]:
    """One article per line: ``text`` or ``html``, optional id, url, title, published, outlet, authors."""
    for lineno, raw_line in enumerate(io.BytesIO(data), start=1):
        line = raw_line.strip()
        if not line:
            continue
        where = f"{source}:{lineno}"
        try:
            obj = json.loads(decode_text(line))
        except ValueError as exc:
            yield IngestError(where, f"not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        yield _jsonl_record(obj, where)


def _jsonl_record(obj: object, where: str) -> Item:
    if not isinstance(obj, dict):
        return IngestError(where, f"expected a JSON object, got {type(obj).__name__}")
    body, fmt = _article_body(obj)
    if not isinstance(body, str) or not body.strip():
        return IngestError(where, 'needs a non-empty string field "text" or "html"')
    hints: dict[str, str | None] = {}
    for key in _JSONL_STR_FIELDS:
        value = obj.get(key)
        for alias in _FIELD_ALIASES.get(key, ()):
            value = value if value is not None else obj.get(alias)
        if value is not None and not isinstance(value, str):
            return IngestError(where, f'field "{key}" must be a string, got {type(value).__name__}')
        hints[key] = value or None
    authors = obj.get("authors") or []
    if isinstance(authors, str):
        authors = [authors]
    if not isinstance(authors, list) or not all(isinstance(a, str) for a in authors):
        return IngestError(where, 'field "authors" must be a list of strings')
    ext_id = obj.get("id")
    if ext_id is not None and not isinstance(ext_id, str | int):
        return IngestError(where, 'field "id" must be a string or a number')
    published = _iso_date(hints["published"])
    return RawDocument(
        source=where, content=body, format=fmt, url=hints["url"], title=hints["title"],
        published=published, outlet=hints["outlet"], authors=[a.strip() for a in authors if a.strip()],
        external_id=None if ext_id is None else str(ext_id),
    )


def _iso_date(value: str | None) -> str | None:
    """YYYY-MM-DD from an ISO date or datetime string; other shapes are left to extraction."""
    if not value:
        return None
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None


# ------------------------------------------------------------------------------------ WARC


def read_warc(data: bytes, source: str) -> Iterator[Item]:
    """HTML responses from a WARC file; other records are passed over silently."""
    from warcio.archiveiterator import ArchiveIterator

    n = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
            if record.rec_type != "response":
                continue
            n += 1
            where = f"{source}#{n}"
            ctype = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
            if "html" not in ctype.lower():
                continue
            try:
                body = record.content_stream().read()
            except Exception as exc:  # a broken record: name it, go on
                yield IngestError(where, f"unreadable WARC record: {exc}")
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            yield RawDocument(source=where, content=decode_html(body), format="html", url=url)
    except Exception as exc:
        yield IngestError(source, f"WARC file ends in a broken record after {n} responses: {exc}")


# ------------------------------------------------------------------------------------ feeds


def read_feed(data: bytes, source: str) -> Iterator[Item]:
    """Entries of an RSS/Atom file, with their full content when the feed carries it."""
    import feedparser

    parsed = feedparser.parse(data)
    # a feed's title names the outlet and often its section too ("Courier - Local News")
    outlet = outlet_from_site_name(parsed.feed.get("title"))
    if not parsed.entries:
        reason = f"feed has no entries ({parsed.get('bozo_exception', 'empty feed')})"
        yield IngestError(source, reason)
        return
    for i, entry in enumerate(parsed.entries, start=1):
        where = f"{source}#{i}"
        body = ""
        if entry.get("content"):
            body = entry["content"][0].get("value", "")
        body = body or entry.get("summary", "")
        if not body.strip():
            yield IngestError(where, "feed entry has no content or summary")
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = date(*stamp[:3]).isoformat() if stamp else None
        authors = [a.get("name", "").strip() for a in entry.get("authors", []) if a.get("name")]
        fmt = "html" if re.search(r"<(p|div|br|article)[\s/>]", body, re.I) else "text"
        if fmt == "html" and "<html" not in body[:500].lower():
            body = f"<html><body><article>{body}</article></body></html>"
        yield RawDocument(
            source=where, content=body, format=fmt, url=entry.get("link"),
            title=(entry.get("title") or None), published=published, outlet=outlet, authors=authors,
            external_id=entry.get("id"),
        )


__all__ = ["DEFAULT_MAX_BYTES", "read_inputs", "read_file", "read_bytes", "expand_inputs"]
