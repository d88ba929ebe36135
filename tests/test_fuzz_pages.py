"""Fuzz: real pages with their metadata and markup corrupted in many ways still give an article with a body.

Pages come from ``../shared/data/wcxb-dev-articles`` (skipped where absent), a deterministic sample of
every ``STRIDE``-th page with a body, so that a run stays within a couple of minutes. Each corruption
is a function of the page's HTML (and a seeded random generator); each test applies one to every
sampled page and lists every page that lost its article. A page must keep at least half of the words
storyline reads from it uncorrupted (a corruption of metadata or furniture must not cost the body).
"""

from __future__ import annotations

import gzip
import json
import random
import re
from collections import Counter

import pytest

from storyline.engine.local import extract_one
from storyline.model import IngestError, RawDocument

SAMPLE = 24  # pages per corruption
KEPT = 0.5  # share of the uncorrupted body's words a corrupted page must still give
_WORD = re.compile(r"\w+")
_LD = re.compile(r'(<script[^>]*ld\+json[^>]*>)(.*?)(</script>)', re.S | re.I)
_DATE_KEYS = re.compile(r'("(?:datePublished|dateCreated|dateModified|uploadDate)"\s*:\s*)"[^"]*"')
_META_DATE = re.compile(r'(<meta[^>]+(?:published_time|modified_time|pubdate|publish[-_]?date|date)["\'][^>]*content=["\'])[^"\']*',
                        re.I)
_TIME_ATTR = re.compile(r'(<time[^>]*datetime=["\'])[^"\']*', re.I)
_BODY_OPEN = re.compile(r"<body[^>]*>", re.I)
_HEAD_CLOSE = re.compile(r"</head\s*>", re.I)
VARIANTS: Counter = Counter()


@pytest.fixture(scope="module")
def pages(shared_dir):
    root = shared_dir / "data" / "wcxb-dev-articles"
    if not root.exists():
        pytest.skip(f"{root} is absent")
    with_body = []
    for truth in sorted((root / "ground-truth").glob("*.json")):
        gold = json.loads(truth.read_text(encoding="utf-8"))
        html_path = root / "html" / f"{truth.stem}.html.gz"
        if gold["ground_truth"].get("main_content") and html_path.exists():
            with_body.append((truth.stem, gold.get("url"), html_path))
    stride = max(1, len(with_body) // SAMPLE)
    chosen = []
    for page_id, url, path in with_body[::stride][:SAMPLE]:
        html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        words = Counter(_WORD.findall(_read(html, url).text.lower()))
        chosen.append((page_id, url, html, words))
    return chosen


def _read(content: str | bytes, url: str | None):
    return extract_one(RawDocument(source="fuzz", content=content, format="html", url=url))


def _in_head(html: str, markup: str) -> str:
    return _HEAD_CLOSE.sub(lambda m: markup + m.group(), html, count=1) if _HEAD_CLOSE.search(html) else markup + html


def _after_body_opens(html: str, markup: str) -> str:
    return _BODY_OPEN.sub(lambda m: m.group() + markup, html, count=1) if _BODY_OPEN.search(html) else markup + html


def _stated_dates(value: str):
    """Every date the page states (JSON-LD, <meta>, <time>) set to ``value``, and one more JSON-LD block saying it."""
    def corrupt(html: str, rng: random.Random) -> str:
        html = _LD.sub(lambda m: m[1] + _DATE_KEYS.sub(lambda d: d[1] + json.dumps(value), m[2]) + m[3], html)
        html = _META_DATE.sub(lambda m: m[1] + value, html)
        html = _TIME_ATTR.sub(lambda m: m[1] + value, html)
        block = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "datePublished": value,
                            "dateModified": value})
        return _in_head(html, f'<script type="application/ld+json">{block}</script>')
    return corrupt


def _empty_json_ld(html: str, rng: random.Random) -> str:
    emptied = ["", "{}", "[]", "null", '{"@graph": null}', '{"@type": "NewsArticle", "author": ', "\x00"]
    return _LD.sub(lambda m: m[1] + rng.choice(emptied) + m[3], html) + \
        '<script type="application/ld+json"></script>'


def _wrong_types_json_ld(html: str, rng: random.Random) -> str:
    odd = {"@context": "https://schema.org", "@type": ["NewsArticle", 7], "headline": ["a", {"b": None}],
           "datePublished": 20240305, "dateModified": {"@value": "2024"}, "author": [12, None, {"name": ["x"]}],
           "publisher": {"name": {"first": "x"}}, "articleBody": 42, "@id": ["not", "a", "string"]}
    return _in_head(html, f'<script type="application/ld+json">{json.dumps(odd)}</script>')


def _huge_json_ld(html: str, rng: random.Random) -> str:
    levels = 3000  # nested past Python's recursion limit
    deep = '{"@graph": [' * levels + '{"@type": "NewsArticle", "headline": "Deep"}' + "]}" * levels
    wide = {"@context": "https://schema.org", "@graph": [
        {"@type": "Person", "@id": f"#p{n}", "name": f"Person {n}"} for n in range(20000)],
        "articleBody": "word " * 200_000}
    return _in_head(html, f'<script type="application/ld+json">{deep}</script>'
                          f'<script type="application/ld+json">{json.dumps(wide)}</script>')


def _broken_encoding(html: str, rng: random.Random) -> bytes:
    """Bytes that are not what the page says: cp1252 under a UTF-8 declaration, stray invalid bytes,
    a NUL and lone surrogate escapes."""
    raw = html.encode("cp1252", errors="replace")
    cut = [rng.randrange(len(raw)) for _ in range(40)]
    for at in sorted(cut, reverse=True):
        raw = raw[:at] + rng.choice([b"\xff", b"\xc3", b"\xe2\x80", b"\x00", b"\xed\xa0\x80"]) + raw[at:]
    return b'<meta charset="utf-8">' + raw


def _mojibake(html: str, rng: random.Random) -> str:
    return html.encode("utf-8").decode("latin-1")


def _nested_tables(html: str, rng: random.Random) -> str:
    depth = 40
    opened = "".join(f'<table class="layout{n}"><tr><td>' for n in range(depth))
    closed = "</td></tr></table>" * depth
    html = _after_body_opens(html, opened)
    return re.sub(r"</body\s*>", lambda m: closed + m.group(), html, count=1, flags=re.I)


def _huge_menu(html: str, rng: random.Random) -> str:
    entries = "".join(f'<li><a href="/section/{n}">Section {n} news and more</a></li>' for n in range(10_000))
    return _after_body_opens(html, f'<nav class="menu"><ul>{entries}</ul></nav>')


def _unclosed_tags(html: str, rng: random.Random) -> str:
    """Every paragraph, list item and table cell left open (HTML allows it), and every <span>."""
    return re.sub(r"</(?:p|li|td|tr|span)\s*>", "", html, flags=re.I)


def _unclosed_divs(html: str, rng: random.Random) -> str:
    """Five <div>s left open: what follows each now sits inside it (a sidebar may swallow the article,
    so only a body is asked for, not the same one)."""
    closes = [m.start() for m in re.finditer(r"</div\s*>", html, flags=re.I)]
    for at in sorted(rng.sample(closes, min(5, len(closes))), reverse=True):
        html = html[:at] + html[at:].split(">", 1)[1]
    return html


def _closed_twice(html: str, rng: random.Random) -> str:
    """The template closes the page early and goes on (as some CMS themes do)."""
    return _after_body_opens(html, "<div>Skip to content</div></body></html><html><body>")


def _absurd_meta(html: str, rng: random.Random) -> str:
    tags = ['<meta property="article:published_time" content="99999-99-99T99:99:99+99:99">',
            '<meta name="author" content="' + "Jane Doe, " * 3000 + '">',
            '<meta property="og:site_name" content="">', '<meta property="og:title" content="' + "x" * 100_000 + '">',
            '<meta property="og:url" content="http://[::1">', '<html lang="\x00">']
    return _in_head(html, "".join(tags))


CORRUPTIONS = {
    "dates in year 1": _stated_dates("0001-01-01T00:00:00Z"),
    "dates in year 9999": _stated_dates("9999-12-31T23:59:59-12:00"),
    "dates in year 0": _stated_dates("0000-00-00T00:00:00"),
    "dates at +99:00": _stated_dates("2024-03-05T10:00:00+99:00"),
    "dates not dates": _stated_dates("not a date 32/13/2024"),
    "empty json-ld": _empty_json_ld,
    "wrongly typed json-ld": _wrong_types_json_ld,
    "huge json-ld": _huge_json_ld,
    "broken encoding": _broken_encoding,
    "mojibake": _mojibake,
    "nested tables": _nested_tables,
    "10k-entry menu": _huge_menu,
    "unclosed tags": _unclosed_tags,
    "unclosed divs": _unclosed_divs,
    "closed twice": _closed_twice,
    "absurd meta tags": _absurd_meta,
}


COSTLY = {"10k-entry menu": 3}  # a page takes about a second: every third sampled page
STRUCTURAL = {"unclosed divs": 0.0}  # the markup now says another thing: a body, not necessarily the same


@pytest.mark.parametrize("name", list(CORRUPTIONS))
def test_every_corrupted_page_still_gives_an_article_with_its_body(pages, name):
    corrupt = CORRUPTIONS[name]
    lost = []
    pages = pages[::COSTLY.get(name, 1)]
    for page_id, url, html, words in pages:
        rng = random.Random(f"{name}:{page_id}")
        article = _read(corrupt(html, rng), url)
        VARIANTS[name] += 1
        if isinstance(article, IngestError):
            lost.append(f"{page_id}: {article.reason}")
            continue
        got = Counter(_WORD.findall(article.text.lower()))
        kept = sum((got & words).values()) / max(1, sum(words.values()))
        if not article.text.strip() or kept < STRUCTURAL.get(name, KEPT):
            lost.append(f"{page_id}: body kept {kept:.0%} of its words ({len(article.text)} characters)")
        if article.published and not "1800" <= article.published[:4] <= "2200":
            lost.append(f"{page_id}: published {article.published}")
    assert not lost, f"{name}: {len(lost)} of {len(pages)} pages:\n" + "\n".join(lost)


def test_zz_the_fuzz_ran_its_variants(pages):
    """Runs after the corruptions (pytest keeps file order): how many variants were read."""
    if not VARIANTS:
        pytest.skip("run with the corruption tests")
    print(f"\nfuzz: {sum(VARIANTS.values())} corrupted pages read, {len(VARIANTS)} corruptions, "
          f"{len(pages)} sampled pages")
    assert sum(VARIANTS.values()) >= len(CORRUPTIONS) * len(pages) // 2
