"""The workspace's pages and API: each handler reads the request, calls the workspace or the store's
catalog, and renders a template or JSON."""

from __future__ import annotations

import math
from collections.abc import Callable
from urllib.parse import quote, unquote

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from insight.errors import InsightError
from insight.serve.guard import SESSION, USER, Guard, same, user_cookie, user_of
from insight.serve.analysts import Analysts
from insight.serve.data import SORTS, Workspace, discovered_in

PAGE = 50  # verbatims per page
THEME_FIELDS = ("theme_id", "label", "status", "owner", "updated_at", "responses", "share", "share_detractors",
                "share_promoters", "negative", "nps", "impact", "impact_ci_low", "impact_ci_high", "lost", "won",
                "trend", "low_n", "discovered")
FILTERS = ("wave", "status", "owner", "segment", "sort", "order")  # the themes list's query


def actor(request: Request) -> str:
    """Who makes a change: the name given at login or on the page, else the API's X-Insight-User header."""
    name = user_of(request) or unquote(request.headers.get("x-insight-user", "")) or "workspace"
    return name.strip()[:200] or "workspace"


def login(guard: Guard, page: Callable) -> Callable:
    """The login page: the token (when one is set) and the name changes are made under."""
    async def handler(request: Request) -> Response:
        target = _local(request.query_params.get("next", "/")) or "/"
        if request.method == "GET":
            return page(request, "login.html.j2", next=target, needs_token=guard.token is not None)
        form = await request.form()
        if not guard.csrf_ok(request, form.get("csrf")):
            return page(request, "problem.html.j2", 403, key="w_expired")
        if guard.token is not None and not same(form.get("token", ""), guard.token):
            return page(request, "login.html.j2", 401, next=target, needs_token=True, wrong=True)
        response = RedirectResponse(target, 303)
        response.set_cookie(SESSION, guard.session(), httponly=True, samesite="strict")
        name = str(form.get("name", "")).strip()[:200]
        if name:
            response.set_cookie(USER, user_cookie(name), httponly=True, samesite="strict", max_age=365 * 86400)
        return response
    return handler


class Pages:
    """The handlers of the pages and the API, on one workspace."""

    def __init__(self, ws: Workspace, guard: Guard, page: Callable, analysts: Analysts) -> None:
        self.ws, self.guard, self.page, self.analysts = ws, guard, page, analysts

    def routes(self) -> list[tuple[str, Callable, list[str]]]:
        """(path, handler, methods) of the pages and the API."""
        return [("/", self.overview, ["GET"]), ("/themes", self.themes, ["GET"]),
                ("/themes/{theme_id:path}", self.theme_or_triage, ["GET", "POST"]),
                ("/responses/{pk:int}", self.response_or_correct, ["GET", "POST"]),
                ("/review", self.review, ["GET"]), ("/models", self.models_or_decide, ["GET", "POST"]),
                ("/api/themes", self.api_themes, ["GET"]), ("/api/themes/{theme_id:path}", self.api_theme,
                                                             ["GET", "PATCH"]),
                ("/api/corrections", self.api_corrections, ["GET", "POST"])]

    def theme_or_triage(self, request: Request):
        return self.triage(request) if request.method == "POST" else self.theme(request)

    def overview(self, request: Request) -> Response:
        return self.page(request, "overview.html.j2", o=self.ws.overview())

    def _themes(self, request: Request) -> tuple[dict | None, list[dict], dict | None, dict[str, str]]:
        """The themes list a query asks for: its run, rows, the wave's segments and the query's filters
        (an unknown segment or sort is left out, not an error: the list shows what it did)."""
        q = request.query_params
        wave = q.get("wave") or None
        run = self.ws.store.latest_run(wave)
        segments = self.ws.segments(run["wave"]) if run is not None else {}
        segment = self.ws.segment(run["wave"], q.get("segment")) if run is not None else None
        order = q.get("order", "")
        run, rows = self.ws.themes(wave, q.get("status") or None, q.get("owner") or None, segment,
                                   q.get("sort") or "impact", {"desc": True, "asc": False}.get(order))
        chosen = {k: q.get(k, "") for k in FILTERS}
        chosen["segment"] = "=".join(segment) if segment else ""
        return run, rows, segments, chosen

    def themes(self, request: Request) -> Response:
        run, rows, segments, chosen = self._themes(request)
        waves = [h["wave"] for h in self.ws.history()]
        return self.page(request, "themes.html.j2", run=run, rows=rows, waves=waves, segments=segments,
                         chosen=chosen, sorts=SORTS)

    def theme(self, request: Request) -> Response:
        tid, q = request.path_params["theme_id"], request.query_params
        wave = q.get("wave") or None
        found = self.ws.theme(tid, wave, q.get("by") or None)
        if found is None:
            return self.page(request, "problem.html.j2", 404, key="e_no_theme", params={"id": tid})
        at = max(0, _int(q.get("page"), 1) - 1)
        search = q.get("q", "").strip()[:200]
        polarity = {"-1": -1, "0": 0, "1": 1, "+1": 1}.get(q.get("polarity", ""))
        verbatims, total = ([], 0) if found["run"] is None else self.ws.verbatims(
            found["run"]["id"], found["family"] + [c["theme_id"] for c in found["children"]], wave=wave,
            search=search, polarity=polarity, offset=at * PAGE, limit=PAGE)
        others = [r for r in self.ws.catalog_rows().values() if r["theme_id"] != tid and not r["merged_into"]]
        return self.page(request, "theme.html.j2", th=found, verbatims=verbatims, total=total, page=at + 1,
                         pages=max(1, -(-total // PAGE)), search=search, wave=wave or "", others=others,
                         polarity="" if polarity is None else str(polarity))

    async def triage(self, request: Request) -> Response:
        tid = request.path_params["theme_id"]
        form = await request.form()
        if not self.guard.csrf_ok(request, form.get("csrf")):
            return self.page(request, "problem.html.j2", 403, key="w_expired")
        await run_in_threadpool(self.change, tid, {str(form.get("action")): form.get("value", "")}, actor(request),
                                form.get("version") or None, str(form.get("lang") or self.ws.lang))
        return RedirectResponse(f"/themes/{quote(tid, safe='')}", 303)

    def change(self, tid: str, fields: dict, by: str, version: str | None, lang: str) -> None:
        catalog = self.ws.store
        for action, value in fields.items():
            value = "" if value is None else str(value)
            if action == "label":
                catalog.rename(tid, value, lang, by=by, expect=version)
            elif action == "status":
                catalog.set_status(tid, value, by=by, expect=version)
            elif action == "owner":
                catalog.assign(tid, value, by=by, expect=version)
            elif action == "note":
                catalog.set_note(tid, value, by=by, expect=version)
            elif action == "merge_into":
                catalog.merge([tid], value, by=by)
            elif action == "unmerge":
                catalog.unmerge(tid, by=by)
            else:
                raise InsightError(f"unknown change {action!r}: use label, status, owner, note, merge_into or unmerge")
            version = None  # one change per request is checked against the version the page showed

    def response_or_correct(self, request: Request):
        return self.correct(request) if request.method == "POST" else self.response(request)

    def response(self, request: Request) -> Response:
        pk = request.path_params["pk"]
        store = self.ws.store
        run_id = store.reading_run(pk)
        found = store.response(pk, run_id)
        if found is None:
            return self.page(request, "problem.html.j2", 404, key="e_no_response", params={"id": pk})
        catalog = self.ws.catalog_rows()
        run = next((r for r in store.runs() if r["id"] == run_id), None)
        labels = {tid: self.ws.discovered_label(names, tid) for tid, names in discovered_in(run).items()}
        labels.update({tid: r["label"] for tid, r in catalog.items()})
        corrections = store.corrections(pk)
        read = {}
        for m in found["mentions"]:
            read.setdefault(m["theme_id"], m["polarity"])
        now = store.corrected().get(pk)
        reading = now.labels(read) if now is not None else read
        themes = sorted((r for r in catalog.values() if not r["merged_into"]), key=lambda r: r["theme_id"])
        return self.page(request, "response.html.j2", r=found, labels=labels, corrections=corrections,
                         reading=reading, themes=themes, back=_local(request.query_params.get("back", "")))

    async def correct(self, request: Request) -> Response:
        pk = request.path_params["pk"]
        form = await request.form()
        if not self.guard.csrf_ok(request, form.get("csrf")):
            return self.page(request, "problem.html.j2", 403, key="w_expired")
        polarity = form.get("polarity")
        await run_in_threadpool(self.ws.store.correct, pk, str(form.get("theme_id", "")), str(form.get("action", "")),
                                _polarity(polarity), by=actor(request))
        back = _local(str(form.get("back", "")))
        return RedirectResponse(f"/responses/{pk}" + (f"?back={quote(back, safe='')}" if back else ""), 303)

    def review(self, request: Request) -> Response:
        labels = {tid: r["label"] for tid, r in self.ws.catalog_rows().items()}
        return self.page(request, "review.html.j2", here="review", queue=self.analysts.queue(), labels=labels)

    async def models_or_decide(self, request: Request) -> Response:
        if request.method == "GET":
            return await run_in_threadpool(self.models, request)
        form = await request.form()
        if not self.guard.csrf_ok(request, form.get("csrf")):
            return self.page(request, "problem.html.j2", 403, key="w_expired")
        action = str(form.get("action", ""))
        if action == "train":
            self.analysts.train(actor(request))
        elif action in ("accept", "reject"):
            await run_in_threadpool(self.ws.store.decide_model, _int(str(form.get("model", "")), -1),
                                    action == "accept", by=actor(request))
        else:
            raise InsightError(f"unknown action {action!r}: use train, accept or reject")
        return RedirectResponse("/models", 303)

    def models(self, request: Request) -> Response:
        return self.page(request, "models.html.j2", here="models", models=self.ws.store.models(),
                         training=self.analysts.training, corrections=len(self.ws.store.corrected()))

    def api_themes(self, request: Request) -> Response:
        run, rows, segments, chosen = self._themes(request)
        return JSONResponse({"run": json_safe(run), "segment": chosen["segment"] or None,
                             "segments": {name: [v for v, _ in values] for name, values in (segments or {}).items()},
                             "themes": [json_safe({k: r.get(k) for k in THEME_FIELDS}) for r in rows]})

    async def _api_body(self, request: Request, kinds: tuple[type, ...] = (dict,)):
        """A state-changing API request's JSON body, or the response refusing it: JSON only (a form a
        page elsewhere could post is not), and the token as ``Authorization: Bearer`` when one is set."""
        kind = request.headers.get("content-type", "").split(";")[0].strip()
        if not self.guard.bearer(request) and kind != "application/json":
            return JSONResponse({"error": "send JSON (Content-Type: application/json)"}, 415)
        if self.guard.token is not None and not self.guard.bearer(request):
            return JSONResponse({"error": "changes through the API need Authorization: Bearer <token>"}, 403)
        try:
            body = await request.json()
        except ValueError:
            return JSONResponse({"error": "the body is not JSON"}, 400)
        if not isinstance(body, kinds):
            return JSONResponse({"error": "the body must be a JSON object" + (" or a list of them" if list in kinds
                                                                              else "")}, 400)
        return body

    async def api_corrections(self, request: Request) -> Response:
        store = self.ws.store
        if request.method == "GET":
            pk = request.query_params.get("response")
            rows = await run_in_threadpool(store.corrections, _int(pk, -1) if pk else None)
            return JSONResponse({"corrections": json_safe(rows)})
        body = await self._api_body(request, (dict, list))
        if isinstance(body, Response):
            return body
        items = body if isinstance(body, list) else [body]
        if not items or not all(isinstance(x, dict) for x in items):
            return JSONResponse({"error": "send a correction object, or a list of them"}, 400)
        by = actor(request)

        def record() -> list[dict]:
            out = []
            for x in items:
                unknown = set(x) - {"response", "theme_id", "action", "polarity"}
                if unknown:
                    raise InsightError(f"unknown field {sorted(unknown)[0]!r}: a correction has response, theme_id, "
                                       "action (add or remove) and polarity (-1, 0 or 1)")
                if not isinstance(x.get("response"), int) or isinstance(x.get("response"), bool):
                    raise InsightError("response: the response's id in the store (an integer, as in /responses/ID)")
                out.append(store.correct(x["response"], str(x.get("theme_id", "")), str(x.get("action", "")),
                                         _polarity(x.get("polarity")), by=by))
            return out
        return JSONResponse({"corrections": json_safe(await run_in_threadpool(record))}, 201)

    async def api_theme(self, request: Request) -> Response:
        tid = request.path_params["theme_id"]
        if request.method == "PATCH":
            body = await self._api_body(request)
            if isinstance(body, Response):
                return body
            version = request.headers.get("if-match") or body.pop("version", None)
            lang = str(body.pop("lang", self.ws.lang))
            await run_in_threadpool(self.change, tid, body, actor(request), version, lang)
        q = request.query_params
        found = await run_in_threadpool(self.ws.theme, tid, q.get("wave") or None, q.get("by") or None)
        if found is None:
            return JSONResponse({"error": f"no theme {tid!r} in the catalog"}, 404)
        return JSONResponse(json_safe({"theme": found["entry"]} | {key: found.get(key, default) for key, default in (
            ("stats", None), ("drivers", []), ("per_wave", []), ("split", []), ("by", None), ("by_segment", []))}))


def _polarity(value: object) -> int | None:
    """A polarity as given in a form or JSON (-1, 0, 1, or nothing)."""
    if value is None or value == "":
        return None
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise InsightError(f"polarity {value!r} is not -1, 0 or 1") from None


def _local(target: str) -> str:
    """``target`` when it is a path of this site (not "//host" nor "/\\host", which browsers read as
    another site), else nothing."""
    return target if target.startswith("/") and not target.startswith("//") and "\\" not in target else ""


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text else default
    except ValueError:
        return default


def json_safe(value: object) -> object:
    """Rows for JSON: NaN as null, numpy numbers as Python's, times as ISO text."""
    if isinstance(value, dict):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_safe(v) for v in value]
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value
