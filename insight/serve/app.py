"""The workspace's web application (Starlette): pages rendered on the server from the history store,
plain HTML forms for triage (no script needed), and a small JSON API beside them.

Safety: every user text is escaped by Jinja2's autoescape; every state-changing form carries a CSRF
value (a random SameSite-strict cookie per browser and the same value in the form), and with a token
set (``--token``) every request needs it - the login page's cookie or ``Authorization: Bearer``;
a changed theme is refused, not overwritten, when someone changed it since the page was loaded.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path
from urllib.parse import quote, urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from insight.errors import InsightError
from insight.report import number_filters
from insight.serve import pages
from insight.serve.analysts import Analysts
from insight.serve.data import Workspace
from insight.serve.guard import CSRF, Guard, user_of
from insight.serve.strings import strings
from insight.store import Store, StoreConflict
from insight.store.schema import STATUSES
from insight.text.normalize import redact

_TEMPLATES = Path(__file__).resolve().parent / "templates"
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'"


def highlight(comment: str | None, evidence: str | list | None) -> Markup:
    """A comment, contact details redacted, escaped, with the first place each of its evidences stands
    marked (``<mark>``; found whatever its case and spacing; one not there - a lemma, a model's
    reading - marks nothing)."""
    text = redact(comment or "")
    spans: list[tuple[int, int]] = []
    for piece in [evidence] if isinstance(evidence, str) else evidence or []:
        words = redact(piece or "").split()
        found = re.search(r"\s+".join(map(re.escape, words)), text, re.IGNORECASE) if words else None
        if found is not None and not any(a < found.end() and found.start() < b for a, b in spans):
            spans.append(found.span())
    out, at = Markup(""), 0
    for a, b in sorted(spans):
        out += Markup("{}<mark>{}</mark>").format(text[at:a], text[a:b])
        at = b
    return out + Markup.escape(text[at:])


def create_app(store: Store, *, token: str | None = None, lang: str = "en", warm: bool = False,
               models: str | Path = "models/workspace", semantic: str = "auto") -> Starlette:
    """The workspace on ``store`` (``token``: required of every request when set; ``lang``: the UI
    language of the pages and theme labels; ``warm``: compute the newest wave's tables now, in a
    thread, so that the first visitor does not wait for them; ``models``: the folder the models
    trained from the corrections are saved in, as its versions; ``semantic``: the semantic tier for
    that training and the review queue, as ``--semantic`` says)."""
    guard, ws = Guard(token), Workspace(store, lang)
    analysts = Analysts(store, models, semantic)
    if warm:
        threading.Thread(target=ws.warm, daemon=True, name="insight-warm").start()
    env = Environment(loader=FileSystemLoader(_TEMPLATES), autoescape=select_autoescape(["html", "j2"]),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(number_filters(lang))  # the report's: 1,234.5 or, in Russian, 1 234,5
    env.filters["redact"] = redact
    env.filters["highlight"] = highlight
    env.filters["q"] = lambda v: quote(str(v), safe="")
    env.filters["query"] = lambda params, **changes: urlencode({k: v for k, v in {**params, **changes}.items() if v})

    def page(request: Request, name: str, status: int = 200, **context) -> HTMLResponse:
        csrf = guard.csrf(request)
        html = env.get_template(name).render(t=strings(lang), lang=lang, csrf=csrf, statuses=STATUSES,
                                             user=user_of(request), **context)
        response = HTMLResponse(html, status_code=status)
        response.set_cookie(CSRF, csrf, httponly=True, samesite="strict")
        return response

    def guarded(handler):
        async def run(request: Request) -> Response:
            if not guard.allowed(request):
                if request.url.path.startswith("/api/"):
                    return JSONResponse({"error": "a token is required (Authorization: Bearer ...)"}, 401)
                return RedirectResponse(f"/login?next={quote(request.url.path, safe='/')}", 303)
            try:
                out = await run_in_threadpool(handler, request)  # the store's calls block: not on the loop
                return await out if hasattr(out, "__await__") else out
            except StoreConflict as exc:
                return _problem(request, exc, 409)
            except InsightError as exc:
                return _problem(request, exc, 400)
        return run

    def _problem(request: Request, exc: InsightError, status: int) -> Response:
        """The error as JSON (the command line's English words, for scripts) or as a page in the
        workspace's language when the store named it (:class:`StoreError` ``key``)."""
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": str(exc)}, status)
        return page(request, "problem.html.j2", status, message=str(exc), key=getattr(exc, "key", None),
                    params=getattr(exc, "params", None))

    routes = [Route("/healthz", lambda request: PlainTextResponse("ok")),
              Route("/login", pages.login(guard, page), methods=["GET", "POST"])]
    routes += [Route(path, guarded(handler), methods=methods)
               for path, handler, methods in pages.Pages(ws, guard, page, analysts).routes()]
    return Starlette(routes=routes, middleware=[Middleware(SafeHeaders)])


class SafeHeaders:
    """Every response forbids requests leaving the page, sniffing and referrers (an ASGI middleware)."""

    HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
               (b"referrer-policy", b"no-referrer")]

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        async def sending(message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *self.HEADERS]}
            await send(message)

        await self.app(scope, receive, sending)
