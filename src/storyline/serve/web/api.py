"""The JSON API under /api: the same records as the pages, in the export data-contract shape.

Lists answer ``{"total", "limit", "offset", "items"}``; ``limit`` is 1..MAX_LIMIT (more is a 422).
The one write endpoint (POST /api/articles) answers 403 unless the server was started with a
write token, and then needs ``Authorization: Bearer <token>``.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import asdict, fields
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from pydantic import ValidationError
from starlette.exceptions import HTTPException

from ...model import Analysis, Article, article_id_for, from_dict, to_dict
from ...store.sqlite import Store
from ..export import article_record
from ...store import reads
from .database import read_store
from .entity_view import load_entity_view
from .highlight import snippet_plain

router = APIRouter(prefix="/api", tags=["api"])

MAX_LIMIT = 200
MAX_QUERY = 500
MAX_POST_BYTES = 5_000_000
StoreDep = Annotated[Store, Depends(read_store)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"page size, 1 to {MAX_LIMIT}")]
Offset = Annotated[int, Query(ge=0, le=1_000_000_000, description="rows to skip")]
ANALYSIS_INPUT_FIELDS = [f.name for f in fields(Analysis) if f.name != "article_id"]


def _page(items: list[Any], total: int, limit: int, offset: int) -> dict[str, Any]:
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/stories", summary="Stories, largest or latest first")
def list_stories(
    store: StoreDep,
    limit: Limit = 50,
    offset: Offset = 0,
    sort: Literal["last_date", "first_date", "articles", "outlets", "sources", "title"] = "last_date",
) -> dict[str, Any]:
    rows = store.list_stories(limit=limit, offset=offset, sort=sort)
    return _page([dict(r) for r in rows], store.count_stories(), limit, offset)


@router.get("/stories/{story_id}", summary="One story: articles, copies, timeline, outlet comparison")
def get_story(story_id: str, store: StoreDep) -> dict[str, Any]:
    story = store.story(story_id)
    if story is None:
        raise HTTPException(404, f"no story with id {story_id!r}")
    return to_dict(story)


@router.get("/articles", summary="Article summaries, newest first")
def list_articles(store: StoreDep, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    rows = store.list_articles(limit=limit, offset=offset)
    return _page([dict(r) for r in rows], store.count_articles(), limit, offset)


@router.get(
    "/articles/{article_id}",
    summary="One article with its analysis (data-contract shape)",
    description="As `storyline export` writes it: entity ids in mentions, quotes and tone are corpus "
    "entity ids where linking mapped them; the article-level entities are in `article_entities`.",
)
def get_article(article_id: str, store: StoreDep) -> dict[str, Any]:
    article = store.article(article_id)
    if article is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    analysis = store.analysis(article_id)
    local_ids = [m.entity_id for m in analysis.mentions] + [e.id for e in analysis.entities] if analysis else []
    record = article_record(article, analysis, reads.corpus_entity_ids(store, local_ids))
    record["story_id"] = store.story_for_article(article_id)
    return record


@router.get("/entities", summary="Corpus entities, most mentioned first")
def list_entities(store: StoreDep, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    rows = store.list_entities(limit=limit, offset=offset)
    return _page([dict(r) for r in rows], reads.count_entities(store), limit, offset)


@router.get("/entities/{entity_id}", summary="One entity and the articles that mention it")
def get_entity(entity_id: str, store: StoreDep) -> dict[str, Any]:
    entity = store.entity(entity_id)
    if entity is None:
        raise HTTPException(404, f"no entity with id {entity_id!r}")
    ids = store.entity_article_ids(entity_id)
    view = load_entity_view(store, entity_id, ids)
    return {**to_dict(entity), "article_ids": ids,
            "names_used": [asdict(n) for n in view.names],  # each name, with the first sentence using it
            "roles_held": [asdict(r) for r in view.roles],  # role nouns read as it, over their articles' dates
            "quoted": [asdict(q) for q in view.quotes],
            "outlets": [{"outlet": o, "articles": n} for o, n in view.outlets]}


@router.get(
    "/search",
    summary="Full-text search over titles and texts",
    description="Each hit's snippet is plain text; `matches` holds the [start, end) of each matched word in it. "
                "A word ending in `*` matches the words it begins (`bridg*`).",
)
def search(
    store: StoreDep,
    q: Annotated[str, Query(min_length=1, max_length=MAX_QUERY, description="words to find")],
    limit: Limit = 20,
    offset: Offset = 0,
) -> dict[str, Any]:
    items = []
    for hit in store.search(q, limit=limit, offset=offset):
        snippet, matches = snippet_plain(hit.snippet)
        items.append({"article_id": hit.article_id, "title": hit.title, "outlet": hit.outlet,
                      "date": hit.date, "snippet": snippet, "matches": matches})
    return {"query": q, "limit": limit, "offset": offset, "items": items}


def require_write_token(request: Request) -> None:
    """403 when the server has no write token; 401 when the request does not carry it."""
    token = request.app.state.write_token
    if not token:
        raise HTTPException(403, "this server is read-only: start it with a write token to allow writes")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not secrets.compare_digest(given.strip().encode(), token.encode()):
        raise HTTPException(401, "missing or wrong bearer token", headers={"WWW-Authenticate": "Bearer"})


@router.post(
    "/articles",
    status_code=201,
    dependencies=[Depends(require_write_token)],
    summary="Store one article (data-contract JSON; analysis fields optional)",
    description="Needs `Authorization: Bearer <token>`. The article is stored as given, without "
    "extraction or linking; an article whose id is already stored is left as it is.",
)
async def post_article(request: Request) -> dict[str, Any]:
    body = await request.body()
    if len(body) > MAX_POST_BYTES:
        raise HTTPException(413, f"the article JSON is {len(body)} bytes; the limit is {MAX_POST_BYTES}")
    article, analysis = _parse_article(body)
    with Store(request.app.state.db_path) as store:
        result = store.add_batch([(article, analysis, None)])
    return {"id": article.id, "new": bool(result.new)}


def _parse_article(body: bytes) -> tuple[Article, Analysis]:
    try:
        data = json.loads(body)
    except ValueError as exc:
        raise HTTPException(400, f"the body is not JSON: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise HTTPException(422, "expected one article object with at least a string 'text'")
    article_fields = {f.name for f in fields(Article)}
    if "article_entities" in data:  # what `storyline export` calls the article-level entities
        data.setdefault("entities", data.pop("article_entities"))
    data.setdefault("id", article_id_for(data["text"], data.get("url")))
    data.setdefault("source", f"api:{data['id']}")
    try:
        article = from_dict(Article, {k: v for k, v in data.items() if k in article_fields})
        analysis = from_dict(Analysis, {"article_id": article.id,
                                        **{k: data[k] for k in ANALYSIS_INPUT_FIELDS if k in data}})
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise HTTPException(422, f"the article does not fit the data contract: {problems}") from None
    return article, analysis
