"""The HTML pages: stories, a story, articles, an article, entities, an entity, search."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import HTMLResponse
from starlette.exceptions import HTTPException

from ...store.sqlite import Store
from ...store import reads
from .database import read_store
from .rendering import render, url
from .article_view import build_article_view, parse_span
from .story_view import build_story_view
from .entity_view import load_entity_view

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

PAGE_SIZE = 50
MAX_QUERY = 500
StoreDep = Annotated[Store, Depends(read_store)]
PageNumber = Annotated[int, Query(ge=1, le=1_000_000, description="1-based page number")]
StorySort = Literal["last_date", "first_date", "articles", "outlets", "sources", "title"]
AttributionKind = Literal["direct", "partial", "indirect", "according-to", "belief"]

STORY_COLUMNS = (
    ("title", "Story", ""),
    ("articles", "Articles", "num"),
    ("outlets", "Outlets", "num"),
    ("sources", "Independent sources", "num"),
    ("first_date", "First", ""),
    ("last_date", "Latest", ""),
)


def _page_rows(rows: list) -> tuple[list, bool]:
    """The rows of one page from a query for PAGE_SIZE + 1 rows, and whether a next page exists."""
    return rows[:PAGE_SIZE], len(rows) > PAGE_SIZE


@router.get("/")
def stories_page(store: StoreDep, sort: StorySort = "last_date", page: PageNumber = 1) -> HTMLResponse:
    rows, has_next = _page_rows(
        store.list_stories(limit=PAGE_SIZE + 1, offset=(page - 1) * PAGE_SIZE, sort=sort)
    )
    return HTMLResponse(render(
        "stories.html", rows=rows, sort=sort, columns=STORY_COLUMNS, page=page, has_next=has_next,
        page_url=lambda n: url("/", sort=sort, page=n),
        total_stories=store.count_stories(), total_articles=store.count_articles(),
    ))


@router.get("/stories/{story_id}")
def story_page(story_id: str, store: StoreDep) -> HTMLResponse:
    story = store.story(story_id)
    if story is None:
        raise HTTPException(404, f"There is no story with id {story_id!r}.")
    return HTMLResponse(render("story.html", view=build_story_view(store, story)))


@router.get("/articles")
def articles_page(store: StoreDep, page: PageNumber = 1) -> HTMLResponse:
    rows, has_next = _page_rows(
        store.list_articles(limit=PAGE_SIZE + 1, offset=(page - 1) * PAGE_SIZE)
    )
    titles = reads.story_titles(store, [r["story_id"] for r in rows if r["story_id"]])
    return HTMLResponse(render(
        "articles.html", rows=rows, story_titles=titles, page=page, has_next=has_next,
        page_url=lambda n: f"/articles?page={n}", total=store.count_articles(),
    ))


@router.get("/articles/{article_id}")
def article_page(
    article_id: str,
    store: StoreDep,
    hl: Annotated[str | None, Query(max_length=24, description="START-END span to highlight")] = None,
    kind: Annotated[AttributionKind | None, Query(description="only the attributions of this kind")] = None,
) -> HTMLResponse:
    article = store.article(article_id)
    if article is None:
        raise HTTPException(404, f"There is no article with id {article_id!r}.")
    view = build_article_view(store, article, parse_span(hl, len(article.text)), quote_kind=kind)
    return HTMLResponse(render("article.html", view=view))


@router.get("/entities")
def entities_page(store: StoreDep, page: PageNumber = 1) -> HTMLResponse:
    rows, has_next = _page_rows(
        store.list_entities(limit=PAGE_SIZE + 1, offset=(page - 1) * PAGE_SIZE)
    )
    return HTMLResponse(render(
        "entities.html", rows=rows, page=page, has_next=has_next,
        page_url=lambda n: f"/entities?page={n}", total=reads.count_entities(store),
    ))


@router.get("/entities/{entity_id}")
def entity_page(entity_id: str, store: StoreDep) -> HTMLResponse:
    entity = store.entity(entity_id)
    if entity is None:
        raise HTTPException(404, f"There is no entity with id {entity_id!r}.")
    ids = store.entity_article_ids(entity_id)
    rows = reads.article_rows(store, ids)
    return HTMLResponse(render(
        "entity.html", entity=entity, articles=[rows[i] for i in ids if i in rows],
        stories=reads.stories_for_entity(store, entity_id), view=load_entity_view(store, entity_id, ids),
    ))


@router.get("/search")
def search_page(
    store: StoreDep,
    q: Annotated[str, Query(max_length=MAX_QUERY, description="words to find")] = "",
    page: PageNumber = 1,
) -> HTMLResponse:
    hits, has_next = [], False
    if q.strip():
        hits, has_next = _page_rows(
            store.search(q, limit=PAGE_SIZE + 1, offset=(page - 1) * PAGE_SIZE)
        )
    return HTMLResponse(render(
        "search.html", search_q=q, hits=hits, page=page, has_next=has_next,
        page_url=lambda n: url("/search", q=q, page=n),
    ))
