"""Helpers for tests that link hand-made articles into stories and read the rows back (a helper
module, like web_samples; pyproject puts tests/ on the path)."""

from __future__ import annotations

from storyline.link import StoryLinker
from storyline.model import Analysis, Article, Story


def link(articles: list[Article], analyses: list[Analysis]) -> list[Story]:
    """The stories one linker makes of the articles."""
    linker = StoryLinker()
    for article, analysis in zip(articles, analyses):
        linker.add(article, analysis)
    return linker.result(articles, analyses).stories


def cells(row: dict, texts: dict[str, str]) -> list[str]:
    """The source words of every cell of a fact row."""
    return [texts[ev["article_id"]][ev["start"]:ev["end"]]
            for cell in row.get("cells", {}).values() for ev in cell["evidence"]]
