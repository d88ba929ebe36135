"""HTML extraction on the WCXB dev pages: storyline's pipeline beside trafilatura and htmldate.

    python benchmarks/bench_extract_html.py [--limit N] [--only MODE,...] [--worst K] [--date-misses]

Body: token-level precision/recall/F1 (bag of lowercased word tokens, averaged over pages; an empty
extraction scores 0) against ``ground_truth.main_content``. Title/author/date: exact match over the
pages whose ground truth has that field. Normalisation: title and author casefolded, curly quotes
made straight, whitespace collapsed and surrounding punctuation stripped; an author string is split into names on ``,`` ``;`` ``&``
``and`` / ``|`` and compared as a set, so "A; B" matches "A, and B"; dates are cut to YYYY-MM-DD.
"undat." is the share of pages the gold leaves undated (no publish date) to which the mode gives a
date anyway: an invented date misplaces an article on a timeline, where no date lets storyline
date it from its story. "unauth." is the same for the writer: the share of pages the gold credits to
nobody that the mode credits to someone. "no art." counts the pages with a body in the ground truth that
gave no article at all (no body text: for storyline, an error or an empty body, as `storyline extract`
would report it); a page whose script draws everything (gold body empty) is not counted.
A page whose ground truth has no ``main_content`` counts for metadata only.
Speed is pages per second of this process's CPU time (robust to other load on the machine), on each
subset of pages, each
mode first run untimed on a few pages so that one-time costs (imports, dateparser's language tables,
which htmldate's extensive search loads) do not land on whichever mode happens to run first.
Rows are printed for all pages, for even-numbered pages (tuned on) and odd-numbered (held out), and
for the pages whose JSON-LD types them NewsArticle (or one of its kinds).
Skips with a message when ../shared/data/wcxb-dev-articles is absent.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("STORYLINE_SHARED", REPO.parent / "shared"))
DATA = SHARED / "data" / "wcxb-dev-articles"

_TOKEN = re.compile(r"\w+")
WARM_UP_PAGES = 5
_AUTHOR_SPLIT = re.compile(r"\s*(?:[,;&|/]|\band\b)\s*", re.IGNORECASE)
_EDGE_PUNCT = re.compile(r"^[\W_]+|[\W_]+$")
NEWS_TYPE = re.compile(r'(?:"@type"\s*:\s*(?:\[[^\]]*)?"|schema\.org/)(?:Reportage|Analysis|Opinion|Background|Review)?NewsArticle\b')


def tokens(text: str | None) -> Counter:
    return Counter(_TOKEN.findall((text or "").lower()))


def body_scores(predicted: str | None, gold: str) -> tuple[float, float, float]:
    pred, ref = tokens(predicted), tokens(gold)
    common = sum((pred & ref).values())
    if not common:
        return 0.0, 0.0, 0.0
    p, r = common / sum(pred.values()), common / sum(ref.values())
    return p, r, 2 * p * r / (p + r)


_QUOTES = str.maketrans("\u2018\u2019\u201c\u201d", "''\"\"")


def norm_title(title: str | None) -> str:
    return _EDGE_PUNCT.sub("", " ".join((title or "").translate(_QUOTES).split()).casefold())


def norm_authors(author: str | list[str] | None) -> frozenset[str]:
    if isinstance(author, list):
        author = ", ".join(author)
    names = (norm_title(n) for n in _AUTHOR_SPLIT.split(author or ""))
    return frozenset(n for n in names if n)


def norm_date(date: str | None) -> str:
    return (date or "")[:10]


# --------------------------------------------------------------------------- extractors
# each returns (body, title, author, date); None where the extractor does not produce it


def _trafilatura(**options) -> Callable[[str, str], tuple]:
    import trafilatura

    def run(html: str, url: str) -> tuple:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, **options)
        if doc is None:
            return "", None, None, None
        return doc.text, doc.title, doc.author, doc.date

    return run


def _htmldate(html: str, url: str) -> tuple:
    from htmldate import find_date

    return None, None, None, find_date(html, url=url)


def _storyline(html: str, url: str) -> tuple:
    from storyline.engine.local import extract_one  # what `storyline extract` and ingest run: errors become no article
    from storyline.model import IngestError, RawDocument

    article = extract_one(RawDocument(source=url, content=html, format="html", url=url))
    if isinstance(article, IngestError):
        return "", None, None, None
    return article.text, article.title, article.authors, article.published


MODES: dict[str, Callable[[], Callable[[str, str], tuple]]] = {
    "trafilatura": lambda: _trafilatura(),
    "traf-precision": lambda: _trafilatura(favor_precision=True),
    "traf-fast": lambda: _trafilatura(fast=True),
    "htmldate": lambda: _htmldate,
    "storyline": lambda: _storyline,
}


def load_pages(limit: int | None) -> list[dict]:
    pages = []
    for truth_path in sorted((DATA / "ground-truth").glob("*.json")):
        html_path = DATA / "html" / f"{truth_path.stem}.html.gz"
        if not html_path.exists():
            continue
        record = json.loads(truth_path.read_text(encoding="utf-8"))
        html = gzip.decompress(html_path.read_bytes()).decode("utf-8", errors="replace")
        pages.append({"id": truth_path.stem, "url": record.get("url"), "html": html, **record["ground_truth"]})
        if limit and len(pages) >= limit:
            break
    return pages


def score_mode(pages: list[dict], run: Callable[[str, str], tuple]) -> tuple[list[dict], float]:
    rows = []
    for page in pages[:WARM_UP_PAGES]:  # one-time costs (imports, date-parser tables) are not per page
        run(page["html"], page["url"])
    outputs, seconds = [], []
    for page in pages:
        start = time.process_time()
        outputs.append(run(page["html"], page["url"]))
        seconds.append(time.process_time() - start)
    elapsed = sum(seconds)
    for page, (body, title, author, date), spent in zip(pages, outputs, seconds):
        row: dict = {"id": page["id"], "seconds": spent,
                     "no_article": bool(page.get("main_content")) and body is not None and not body.strip()}
        if body is not None and page.get("main_content"):
            row["p"], row["r"], row["f1"] = body_scores(body, page["main_content"])
        if title is not None or body is not None:
            row["title"] = norm_title(title) == norm_title(page["title"])
        if page.get("author") and (author is not None or body is not None):
            row["author"] = norm_authors(author) == norm_authors(page["author"])
        elif author is not None or body is not None:
            row["invented_author"] = bool(norm_authors(author))  # a writer on a page the gold credits to nobody
        if page.get("publish_date"):
            row["date"] = norm_date(date) == norm_date(page["publish_date"])
            row["date_given"] = date
        elif date is not None or body is not None:
            row["invented_date"] = bool(date)  # a date on a page the gold leaves undated
        rows.append(row)
    return rows, elapsed


def summarise(rows: list[dict]) -> dict[str, float | None]:
    def mean(key: str) -> float | None:
        values = [row[key] for row in rows if key in row]
        return sum(values) / len(values) if values else None

    return {key: mean(key) for key in ("p", "r", "f1", "title", "author", "date", "invented_date",
                                                          "invented_author")}


def news_ids(pages: list[dict]) -> set[str]:
    """Pages whose markup calls them news articles (schema.org NewsArticle and its kinds): the closest
    this set has to the news pages storyline is for."""
    return {page["id"] for page in pages if NEWS_TYPE.search(page["html"])}


def print_table(results: dict[str, tuple[list[dict], float]], news: set[str] = frozenset()) -> None:
    head = (f"{'mode':<15} {'subset':<6} {'pages':>5} {'P':>6} {'R':>6} {'F1':>6} {'title':>6} {'author':>6} {'date':>6} "
            f"{'undat.':>6} {'unauth.':>7} {'no art.':>7} {'pages/s':>8}")
    print(head)
    print("-" * len(head))
    for mode, (rows, _) in results.items():
        subsets = {
            "all": rows,
            "even": [r for r in rows if int(r["id"]) % 2 == 0],
            "odd": [r for r in rows if int(r["id"]) % 2 == 1],
            "news": [r for r in rows if r["id"] in news],
        }
        for name, subset in subsets.items():
            s = summarise(subset)
            cells = " ".join(f"{s[k]:6.3f}" if s[k] is not None else f"{'-':>6}"
                             for k in ("p", "r", "f1", "title", "author", "date", "invented_date"))
            cells += f" {s['invented_author']:7.3f}" if s["invented_author"] is not None else f" {'-':>7}"
            cells += f" {sum(r['no_article'] for r in subset):7d}"
            spent = sum(r["seconds"] for r in subset)
            speed = f"{len(subset) / spent:8.1f}" if spent else ""
            print(f"{mode:<15} {name:<6} {len(subset):>5} {cells} {speed}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages")
    parser.add_argument("--only", default=",".join(MODES), help="comma-separated modes to run")
    parser.add_argument("--worst", type=int, default=0, help="list the K pages where storyline's F1 is lowest")
    parser.add_argument("--date-misses", action="store_true", help="list storyline's date misses on even pages with every candidate date")
    args = parser.parse_args(argv)
    if not DATA.exists():
        print(f"skipped: {DATA} is absent (../shared is only beside a developer checkout)")
        return 0
    logging.disable(logging.CRITICAL)
    sys.path.insert(0, str(REPO / "src"))
    pages = load_pages(args.limit)
    results = {}
    for mode in args.only.split(","):
        results[mode] = score_mode(pages, MODES[mode]())
    print(f"WCXB dev: {len(pages)} pages from {DATA}")
    print_table(results, news_ids(pages))
    if args.worst and "storyline" in results:
        worst = sorted((r for r in results["storyline"][0] if "f1" in r), key=lambda r: r["f1"])[: args.worst]
        print("lowest storyline F1:", " ".join(f"{r['id']}:{r['f1']:.2f}(P{r['p']:.2f}/R{r['r']:.2f})" for r in worst))
    if args.date_misses and "storyline" in results:
        print_date_misses(pages, results["storyline"][0])
    return 0


def print_date_misses(pages: list[dict], rows: list[dict]) -> None:
    """For each date miss on an even page: the gold date, storyline's, and every date the page offers."""
    by_id = {page["id"]: page for page in pages}
    misses = [r for r in rows if r.get("date") is False and int(r["id"]) % 2 == 0]
    print(f"storyline date misses on even pages: {len(misses)}")
    for row in misses:
        page = by_id[row["id"]]
        print(f"{row['id']} gold={norm_date(page['publish_date'])} storyline={row['date_given']} {page['url']}")
        print("    " + "  ".join(f"{k}={v}" for k, v in date_candidates(page["html"], page["url"]).items() if v))


def date_candidates(html: str, url: str) -> dict[str, str | None]:
    from htmldate import find_date
    from storyline.extract.html import _parse, _url_date
    from storyline.extract.html_metadata import read_page_metadata
    from storyline.extract.visible import shown_dates, visible_text

    tree = _parse(html)
    if tree is None:
        return {}
    meta = read_page_metadata(tree)
    headline = meta.h1[0] if meta.h1 else None
    shown = shown_dates(visible_text(tree), headline)
    found = {
        "url": _url_date(url), "ld_published": meta.published, "ld_modified": meta.modified,
        "meta_published": meta.meta_published, "time": meta.time_published, "byline": meta.shown_date,
        "shown": ",".join(f"{d.iso}{'(updated)' if d.updated else ''}@{d.offset}" for d in shown[:4]),
    }
    for name, original in (("htmldate_original", True), ("htmldate_updated", False)):
        try:
            found[name] = find_date(html, url=url, original_date=original, extensive_search=True)
        except Exception:  # htmldate on odd markup: leave the candidate out
            found[name] = None
    return found


if __name__ == "__main__":
    sys.exit(main())
