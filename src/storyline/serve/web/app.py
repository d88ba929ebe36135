"""The web app: server-rendered pages, a JSON API under /api, local static files, strict headers.

``create_app(db_path)`` is what ``storyline serve`` runs. Nothing is fetched from elsewhere: the
API docs page is rendered here from the OpenAPI schema instead of FastAPI's CDN-hosted Swagger UI.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import (
    FileResponse,
    HTMLResponse,
    JSONResponse,
    PlainTextResponse,
    RedirectResponse,
    Response,
)
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ... import __version__
from . import api, pages
from .database import prepare_store
from .rendering import STATIC_DIR, render

log = logging.getLogger(__name__)

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
STATIC_TYPES = {".css": "text/css", ".svg": "image/svg+xml", ".js": "text/javascript"}


class SecurityHeaders:
    """ASGI middleware: the same security headers on every response, errors included.

    An unexpected exception is logged and answered here with a plain 500, so even that response
    carries the headers (Starlette's own error page would be sent outside this middleware).
    """

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {name for name, _ in SECURITY_HEADERS}
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message["headers"] = headers + SECURITY_HEADERS
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            if started:
                raise
            log.exception("error while answering %s %s", scope.get("method"), scope.get("path"))
            await PlainTextResponse("Internal Server Error", status_code=500)(scope, receive, send_with_headers)


def create_app(db_path: str, write_token: str | None = None) -> FastAPI:
    """The storyline web app over the store at ``db_path``.

    Write endpoints answer 403 unless ``write_token`` is set, and then require
    ``Authorization: Bearer <write_token>``.
    """
    prepare_store(db_path)
    app = FastAPI(
        title="storyline",
        version=__version__,
        description="Stories, articles, entities and search over a storyline store.",
        openapi_url="/api/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    app.state.db_path = str(db_path)
    app.state.write_token = write_token or None
    app.include_router(api.router)
    app.include_router(pages.router)
    _add_static_route(app)
    _add_api_docs(app)
    _add_error_pages(app)
    app.add_middleware(SecurityHeaders)
    return app


def _add_static_route(app: FastAPI) -> None:
    """Serve only the files shipped in static/, by exact name: no path is ever joined from input."""
    files = {p.name: p for p in STATIC_DIR.iterdir() if p.is_file() and p.suffix in STATIC_TYPES}

    @app.get("/static/{name}", include_in_schema=False)
    def static_file(name: str) -> Response:
        path = files.get(name)
        if path is None:
            raise StarletteHTTPException(404, f"no static file {name!r}")
        return FileResponse(path, media_type=STATIC_TYPES[path.suffix],
                            headers={"Cache-Control": "public, max-age=3600"})


def _add_api_docs(app: FastAPI) -> None:
    @app.get("/docs", include_in_schema=False)
    def docs_redirect() -> RedirectResponse:
        return RedirectResponse("/api/docs", status_code=308)

    @app.get("/api", include_in_schema=False)
    def api_index() -> dict[str, Any]:
        """What the API offers, for whoever opens /api (the README points there)."""
        return {"docs": "/api/docs", "openapi": "/api/openapi.json",
                "endpoints": [{"method": op["method"], "path": op["path"], "summary": op["summary"]}
                              for op in _operations(app.openapi())]}

    @app.get("/api/docs", include_in_schema=False, response_class=HTMLResponse)
    def api_docs() -> HTMLResponse:
        spec = app.openapi()
        return HTMLResponse(render("api_docs.html", spec=spec, operations=_operations(spec),
                                   max_limit=api.MAX_LIMIT))


def _operations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    ops = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = [
                {
                    "name": p["name"],
                    "in": p["in"],
                    "required": p.get("required", False),
                    "type": p.get("schema", {}).get("type", ""),
                    "description": p.get("description", ""),
                }
                for p in op.get("parameters", [])
            ]
            ops.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                        "description": op.get("description", ""), "parameters": params})
    return ops


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


_TITLES = {400: "Bad request", 401: "Unauthorized", 403: "Forbidden", 404: "Not found",
           405: "Method not allowed", 413: "Too large", 422: "Invalid request"}


def _error_page(status: int, detail: str, headers: dict[str, str] | None = None) -> HTMLResponse:
    title = _TITLES.get(status, "Error")
    return HTMLResponse(render("error.html", status=status, title=title, detail=detail),
                        status_code=status, headers=headers)


def _add_error_pages(app: FastAPI) -> None:
    """HTML error pages for people, JSON errors under /api."""

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        detail = exc.detail if isinstance(exc.detail, str) else _TITLES.get(exc.status_code, "Error")
        if _wants_json(request):
            return JSONResponse({"detail": detail}, status_code=exc.status_code, headers=exc.headers)
        return _error_page(exc.status_code, detail, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError) -> Response:
        problems = [
            {"loc": list(e.get("loc", ())), "msg": e.get("msg", "invalid"), "type": e.get("type", "")}
            for e in exc.errors()
        ]
        if _wants_json(request):
            return JSONResponse({"detail": problems}, status_code=422)
        text = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:]) or 'request'}: {e['msg']}" for e in problems)
        return _error_page(422, text)
