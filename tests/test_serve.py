"""`insight serve`: the workspace's pages, triage, API and safety, on a store with two reported waves."""

from __future__ import annotations

import threading

import pytest
from bs4 import BeautifulSoup
from starlette.testclient import TestClient

from insight.demo import generate
from insight.load import load
from insight.store import Store, file_sha256
from insight.serve.app import create_app
from insight.themes.codeframe import load_codeframe

HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>'


def report_wave(url: str, wave: str, out) -> None:
    """``insight report --wave`` on the store at ``url``, which records the wave's run."""
    from insight.cli import main

    with pytest.raises(SystemExit) as done:
        main(["report", "--db", url, "--wave", wave, "-o", str(out), "--codeframe", "ecommerce", "--semantic", "off"])
    assert done.value.code in (0, None)


def two_reported_waves(folder, frame) -> tuple[Store, str]:
    """A store at ``folder`` holding ``frame``'s halves as waves 2026-Q1 and 2026-Q2, each reported;
    the store and its URL."""
    half = len(frame) // 2
    url = f"sqlite:///{folder / 'store.db'}"
    store = Store.open(url)
    for name, part in (("2026-Q1", frame.head(half)), ("2026-Q2", frame.tail(len(frame) - half))):
        path = folder / f"{name}.csv"
        part.to_csv(path, index=False)
        store.import_survey(load(path), wave=name, file_hash=file_sha256(path), source=str(path),
                            codeframe=load_codeframe("ecommerce"))
    for name in ("2026-Q1", "2026-Q2"):  # a report of each wave records its run
        report_wave(url, name, folder / f"{name}.html")
    return store, url


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Store:
    """Two waves of the demo survey, the second with a hostile comment, reported with --wave (a run)."""
    frame = generate(900, seed=5)
    frame.loc[frame.index[-1], "Comment"] = f"Delivery was late {HOSTILE}"
    return two_reported_waves(tmp_path_factory.mktemp("serve"), frame)[0]


@pytest.fixture
def client(store) -> TestClient:
    return TestClient(create_app(store), follow_redirects=False)


def _csrf(client: TestClient, path: str) -> tuple[str, BeautifulSoup]:
    page = client.get(path)
    assert page.status_code == 200, page.text
    soup = BeautifulSoup(page.text, "html.parser")
    return soup.find("input", {"name": "csrf"})["value"], soup


def test_health_and_overview(client, store):
    assert client.get("/healthz").text == "ok"
    page = client.get("/")
    assert page.status_code == 200
    soup = BeautifulSoup(page.text, "html.parser")
    assert soup.find("h1").get_text() == "2026-Q2"
    history = store.history()
    waves = soup.find(id="waves").get_text()
    assert "2026-Q1" in waves and f"{history[-1]['nps']:,.1f}" in waves
    fix = soup.find(id="fix-first").find_all("a")
    assert fix and all(a["href"].startswith("/themes/") for a in fix)
    assert soup.find(id="rising").find_all("a")  # compared with 2026-Q1's own report
    assert "default-src 'none'" in page.headers["content-security-policy"]


def test_the_workspace_numbers_are_the_report_s(client, store):
    """The theme table's impact and responses match the analysis of the same wave."""
    from insight.analysis import analyze

    rows = client.get("/api/themes", params={"wave": "2026-Q2"}).json()["themes"]
    delivery = next(r for r in rows if r["theme_id"] == "delivery")
    results = analyze(store.survey("2026-Q2", only=True), codeframe="ecommerce", discover_themes=False,
                      semantic="off", n_boot=200)
    expected = results.themes.set_index("theme_id").loc["delivery"]
    assert delivery["responses"] == int(expected["responses"])
    assert delivery["impact"] == pytest.approx(float(expected["impact"]), abs=1e-9)


def test_triage_from_the_page_reaches_the_catalog_with_its_author(client, store):
    client.cookies.set("insight_user", "Maya")
    csrf, soup = _csrf(client, "/themes/price")
    version = soup.find("input", {"name": "version"})["value"]
    for action, value in (("label", "Prices & fees"), ("status", "in progress"), ("owner", "Maya")):
        version = store.theme("price")["updated_at"]
        r = client.post("/themes/price", data={"csrf": csrf, "action": action, "value": value, "version": version})
        assert r.status_code == 303, r.text
    entry = store.theme("price")
    assert entry["labels"]["en"] == "Prices & fees" and entry["status"] == "in progress" and entry["owner"] == "Maya"
    assert {h["actor"] for h in entry["history"] if h["action"] in ("rename", "status", "assign")} == {"Maya"}
    page = client.get("/themes/price").text
    assert "Prices &amp; fees" in page and "Maya" in page


def test_a_stale_page_gets_a_conflict_not_a_lost_write(client, store):
    csrf, soup = _csrf(client, "/themes/returns_refunds")
    stale = soup.find("input", {"name": "version"})["value"]
    store.set_note("returns_refunds", "someone else's note", by="Ann")
    r = client.post("/themes/returns_refunds", data={"csrf": csrf, "action": "note", "value": "mine", "version": stale})
    assert r.status_code == 409 and "Someone else changed this theme" in r.text
    assert store.theme("returns_refunds")["note"] == "someone else's note"
    api = client.patch("/api/themes/returns_refunds", json={"note": "mine", "version": stale})
    assert api.status_code == 409 and "changed by someone else" in api.json()["error"]  # scripts: the CLI's words


def test_a_refusal_is_said_in_the_workspace_s_language(store):
    client = TestClient(create_app(store, lang="ru"), follow_redirects=False)
    csrf, _ = _csrf(client, "/themes/price")
    r = client.post("/themes/price", data={"csrf": csrf, "action": "merge_into", "value": "price"})
    text = BeautifulSoup(r.text, "html.parser").find(class_="error").get_text()
    assert r.status_code == 400 and text == "Тему нельзя объединить с ней самой."
    r = client.post("/themes/price", data={"csrf": csrf, "action": "unmerge", "value": ""})
    assert "price не объединена с другой темой." in r.text
    missing = client.get("/responses/999999999")
    assert missing.status_code == 404 and "В хранилище нет ответа 999999999." in missing.text
    assert "Форма устарела" in client.post("/themes/price", data={"csrf": "forged", "action": "owner", "value": "x"}).text


def test_concurrent_patches_to_one_theme_lose_nothing(client, store):
    fields = [{"owner": "Ann"}, {"status": "confirmed"}, {"note": "call the carrier"}, {"label": "Courier"}]
    codes = []

    def patch(body):
        codes.append(client.patch("/api/themes/delivery.courier", json=body).status_code)

    threads = [threading.Thread(target=patch, args=(body,)) for body in fields]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert codes == [200] * 4
    entry = store.theme("delivery.courier")
    assert (entry["owner"], entry["status"], entry["note"], entry["labels"]["en"]) == (
        "Ann", "confirmed", "call the carrier", "Courier")


def test_merge_from_the_page_and_the_next_report_shows_it(client, store, tmp_path):
    csrf, _ = _csrf(client, "/themes/packaging")
    r = client.post("/themes/packaging", data={"csrf": csrf, "action": "merge_into", "value": "delivery"})
    assert r.status_code == 303
    assert store.theme("packaging")["merged_into"] == "delivery"
    rows = client.get("/api/themes").json()["themes"]
    assert "packaging" not in {r["theme_id"] for r in rows}  # its mentions count towards delivery now
    results_page = client.get("/themes/delivery").text
    assert "takes in packaging" in results_page
    per_wave = BeautifulSoup(results_page, "html.parser").find(id="per-wave").get_text()
    assert "2026-Q1" in per_wave and "no report" not in per_wave
    csrf, _ = _csrf(client, "/themes/packaging")
    assert client.post("/themes/packaging", data={"csrf": csrf, "action": "unmerge"}).status_code == 303
    assert store.theme("packaging")["merged_into"] is None


def test_forms_without_csrf_and_foreign_json_are_refused(client, store):
    before = store.theme("website_app")
    assert client.post("/themes/website_app", data={"action": "status", "value": "resolved"}).status_code == 403
    assert client.post("/themes/website_app", data={"csrf": "forged", "action": "status", "value": "resolved"}
                       ).status_code == 403
    # another site's form: a real value, but the browser sends no (SameSite strict) cookie with it
    csrf, _ = _csrf(client, "/themes/website_app")
    stranger = TestClient(create_app(store), follow_redirects=False)
    assert stranger.post("/themes/website_app", data={"csrf": csrf, "action": "status", "value": "resolved"}
                         ).status_code == 403
    # a form-encoded or text body (what another site can make a browser send) is not an API call
    assert client.patch("/api/themes/website_app", content='{"status": "resolved"}',
                        headers={"content-type": "text/plain"}).status_code == 415
    assert store.theme("website_app")["status"] == before["status"]


def test_a_token_guards_every_page_and_change(store):
    app = TestClient(create_app(store, token="s3cret"), follow_redirects=False)
    assert app.get("/healthz").status_code == 200
    assert app.get("/").status_code == 303 and app.get("/").headers["location"].startswith("/login")
    assert app.get("/api/themes").status_code == 401
    assert app.patch("/api/themes/price", json={"owner": "Eve"}).status_code == 401
    assert app.get("/api/themes", headers={"Authorization": "Bearer wrong"}).status_code == 401
    ok = app.patch("/api/themes/price", json={"owner": "Bo"}, headers={"Authorization": "Bearer s3cret",
                                                                        "X-Insight-User": "script"})
    assert ok.status_code == 200 and ok.json()["theme"]["owner"] == "Bo"
    assert store.theme("price")["history"][-1]["actor"] == "script"
    csrf, _ = _csrf(app, "/login")
    assert app.post("/login", data={"csrf": csrf, "token": "nope", "name": "Eve"}).status_code == 401
    r = app.post("/login?next=/themes", data={"csrf": csrf, "token": "s3cret", "name": "Eve"})
    assert r.status_code == 303 and r.headers["location"] == "/themes"
    assert app.get("/themes").status_code == 200  # the session cookie now
    # any script in a token, a name or a CSRF value: an answer, never a server error
    assert app.post("/login", data={"csrf": csrf, "token": "тайна", "name": "Мария"}).status_code == 401
    r = app.post("/login", data={"csrf": csrf, "token": "s3cret", "name": "Мария 张伟"})
    assert r.status_code == 303
    assert app.post("/themes/price", data={"csrf": "тест", "action": "note", "value": "x"}).status_code == 403
    csrf_now, _ = _csrf(app, "/themes/price")
    version = store.theme("price")["updated_at"]
    assert app.post("/themes/price", data={"csrf": csrf_now, "action": "note", "value": "проверка", "version": version}
                    ).status_code == 303
    assert store.theme("price")["history"][-1]["actor"] == "Мария 张伟"
    for elsewhere in ("//evil.example/x", "/\\evil.example/x", "https://evil.example/"):  # no open redirect
        r = app.post("/login", params={"next": elsewhere}, data={"csrf": csrf, "token": "s3cret", "name": "Eve"})
        assert r.headers["location"] == "/", elsewhere
    assert app.patch("/api/themes/price", json={"owner": "Eve"}).status_code == 403  # the API wants the bearer


def test_user_text_is_escaped_everywhere(client, store):
    page = client.get("/themes/delivery", params={"q": "late"})
    soup = BeautifulSoup(page.text, "html.parser")
    assert HOSTILE in soup.get_text()  # shown as text
    assert not soup.find("script") and not soup.find("img")
    link = next(a["href"] for a in soup.select(".quote a") if HOSTILE[:8] in a.parent.get_text())
    detail = BeautifulSoup(client.get(link).text, "html.parser")
    assert HOSTILE in detail.get_text() and not detail.find("script")
    store.rename("loyalty", HOSTILE, by="Mallory")
    listing = BeautifulSoup(client.get("/themes").text, "html.parser")
    assert HOSTILE in listing.get_text() and not listing.find("script")
    assert client.get("/themes/%3Cscript%3E").status_code == 404


def test_verbatims_are_paged_and_searched(client):
    first = BeautifulSoup(client.get("/themes/delivery").text, "html.parser")
    shown = first.select(".quote")
    assert 0 < len(shown) <= 50
    found = BeautifulSoup(client.get("/themes/delivery", params={"q": "LATE"}).text, "html.parser").select(".quote")
    assert found and all("late" in q.get_text().lower() for q in found)
    assert "No comment with" in client.get("/themes/delivery", params={"q": "%_zzz"}).text
    # any script's case (SQLite's own lower() folds ASCII only)
    russian = BeautifulSoup(client.get("/themes/delivery", params={"q": "ДОСТАВКА"}).text, "html.parser")
    assert russian.select(".quote") and all("доставка" in q.get_text().casefold() for q in russian.select(".quote"))


def test_the_command_refuses_a_wide_bind_without_saying_the_token(tmp_path, monkeypatch, run_cli):
    import insight.cli.serve as serve

    seen = {}
    monkeypatch.setattr("uvicorn.run", lambda app, **kw: seen.update(kw))
    r = run_cli("serve", "--db", f"sqlite:///{tmp_path / 's.db'}", "--host", "0.0.0.0", "--port", "9999")
    assert r.code == 0 and "every request needs this token:" in r.err
    assert seen == {"host": "0.0.0.0", "port": 9999, "log_level": "warning"}
    assert serve.loopback("127.0.0.1") and serve.loopback("::1") and not serve.loopback("192.168.1.5")



def test_every_workspace_string_in_every_language_with_its_placeholders():
    import string

    from insight.languages import UI_LANGS
    from insight.serve.strings import _STRINGS

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    for key, values in _STRINGS.items():
        assert len(values) == len(UI_LANGS) and all(v.strip() for v in values), key
        assert len({frozenset(fields(v)) for v in values}) == 1, key


@pytest.mark.parametrize("lang, heading, label", [("ru", "Исправить в первую очередь", "Доставка"),
                                                  ("zh-Hans", "优先解决", "物流配送"), ("zh-Hant", "優先解決", "物流配送")])
def test_pages_in_the_workspace_language(store, lang, heading, label):
    app = TestClient(create_app(store, lang=lang), follow_redirects=False)
    overview = BeautifulSoup(app.get("/").text, "html.parser")
    assert overview.find("html")["lang"] == lang and heading in overview.get_text()
    theme = BeautifulSoup(app.get("/themes/delivery").text, "html.parser")
    assert theme.find("h1").get_text().startswith(label)
    assert "Verbatims" not in theme.get_text() and "Triage" not in theme.get_text()


def test_a_sub_theme_has_its_own_numbers(client, store):
    run = store.latest_run("2026-Q2")
    responses, mentions = store.run_frames(run["id"])
    rows = mentions.loc[mentions["theme_id"] == "delivery.speed", "response"].unique()
    categories = responses["category"].to_numpy()[rows]
    by_hand = 100 * ((categories == 2).mean() - (categories == 0).mean())
    page = BeautifulSoup(client.get("/themes/delivery.speed").text, "html.parser")
    assert len(rows) >= 10 and f"{len(rows):,}" in page.find(class_="grid").get_text()
    last = page.find(id="per-wave").find_all("tr")[-1].get_text(" ", strip=True)
    assert last.startswith("2026-Q2") and f"{by_hand:.1f}" in last
    assert page.find(id="sub-drivers") is not None and page.find(id="drivers") is None
    parent = BeautifulSoup(client.get("/themes/delivery").text, "html.parser").find(id="sub-themes")
    row = next(tr for tr in parent.find_all("tr") if tr.find("a", href="/themes/delivery.speed"))
    assert f"{len(rows):,}" in row.get_text() and f"{by_hand:.1f}" in row.get_text()


def test_sqlite_knows_the_tables_sizes_so_a_page_reads_only_its_own_mentions(store):
    import sqlalchemy as sa

    from insight.store import schema as t

    run = store.latest_run()
    m = t.mentions
    query = (sa.select(m.c.response_id, m.c.polarity, m.c.evidence)
             .where(m.c.run_id == run["id"], m.c.theme_id.in_(["delivery", "delivery.speed"]),
                    m.c.response_id.in_([1, 2, 3])).order_by(m.c.id))
    sql = str(query.compile(store.engine, compile_kwargs={"literal_binds": True}))
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM sqlite_stat1").scalar() > 0  # refreshed by import and run
        plan = " ".join(str(row) for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))
    assert "ix_mentions_run_theme_response" in plan and "response_id=?" in plan, plan


def test_a_theme_s_verbatims_are_counted_once_per_run(client, store, monkeypatch):
    calls = []
    real = Store.verbatims

    def counting(self, *args, **kwargs):
        calls.append(kwargs.get("total"))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Store, "verbatims", counting)
    first = BeautifulSoup(client.get("/themes/price?page=1").text, "html.parser")
    again = BeautifulSoup(client.get("/themes/price?page=1").text, "html.parser")
    assert calls[-1] is not None  # the second page view reused the number
    shown = [[q.get_text() for q in page.find_all(class_="quote")]
             + [next(h.get_text() for h in page.find_all("h2") if h.get_text().startswith("Verbatims"))]
             for page in (first, again)]
    assert shown[0] == shown[1] and len(shown[0]) > 1
    client.get("/themes/price", params={"q": "price"})
    assert calls[-1] is None  # a search is counted each time


def test_an_answer_asked_for_by_several_threads_at_once_is_computed_once(store):
    import time

    from insight.serve.data import Workspace

    ws, calls, answers = Workspace(store), [], []

    def slow() -> int:
        calls.append(1)
        time.sleep(0.3)
        return 42

    threads = [threading.Thread(target=lambda: answers.append(ws._kept_or(("k",), slow))) for _ in range(4)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert answers == [42] * 4 and len(calls) == 1

    def failing() -> int:
        calls.append(1)
        raise RuntimeError("no")

    with pytest.raises(RuntimeError):
        ws._kept_or(("bad",), failing)
    assert ws._kept_or(("bad",), lambda: 7) == 7  # a failed computation is not kept


def test_the_themes_list_has_drivers_and_trend_sorts_and_filters_by_segment(client, store):
    """lost/won are the report's detractor/promoter drivers; trend is the change of share since the
    previous wave; a segment's numbers are the report's segment drivers; every column sorts."""
    from insight.analysis import analyze

    wave = store.survey("2026-Q2", only=True)
    results = analyze(wave, codeframe="ecommerce", discover_themes=False, semantic="off", n_boot=200,
                      by=["Channel"])
    q2 = client.get("/api/themes", params={"wave": "2026-Q2"}).json()
    assert q2["segments"]["Channel"] and "Order value" not in q2["segments"]  # amounts are not segments
    delivery = next(r for r in q2["themes"] if r["theme_id"] == "delivery")
    drivers = results.drivers[results.drivers["theme_id"] == "delivery"].set_index("kind")["contribution"]
    assert delivery["lost"] == pytest.approx(drivers["detractor"]) and delivery["won"] == pytest.approx(
        drivers.get("promoter", 0.0))
    q1 = {r["theme_id"]: r for r in client.get("/api/themes", params={"wave": "2026-Q1"}).json()["themes"]}
    assert delivery["trend"] == pytest.approx(100 * (delivery["share"] - q1["delivery"]["share"]))
    assert all(r["trend"] is None for r in client.get("/api/themes", params={"wave": "2026-Q1"}).json()["themes"])

    app = client.get("/api/themes", params={"wave": "2026-Q2", "segment": "Channel=app"}).json()
    assert app["segment"] == "Channel=app"
    in_app = next(r for r in app["themes"] if r["theme_id"] == "delivery")
    sd = results.segment_drivers
    expected = sd[(sd["column"] == "Channel") & (sd["segment"] == "app") & (sd["theme_id"] == "delivery")]
    assert in_app["lost"] == pytest.approx(float(expected.loc[expected["kind"] == "detractor", "contribution"].iloc[0]))
    assert in_app["responses"] < delivery["responses"]
    unknown = client.get("/api/themes", params={"wave": "2026-Q2", "segment": "Channel=moon"}).json()
    assert unknown["segment"] is None and len(unknown["themes"]) == len(q2["themes"])  # not a filter: all shown

    def order(**params):
        return [r for r in client.get("/api/themes", params={"wave": "2026-Q2", **params}).json()["themes"]]
    impacts = [r["impact"] for r in order()]
    assert impacts == sorted(impacts)  # most costly first by default
    assert [r["responses"] for r in order(sort="responses")] == sorted((r["responses"] for r in order()), reverse=True)
    assert [r["responses"] for r in order(sort="responses", order="asc")] == sorted(r["responses"] for r in order())
    labels = [r["label"].casefold() for r in order(sort="theme")]
    assert labels == sorted(labels)
    assert [r["theme_id"] for r in order(sort="nonsense")] == [r["theme_id"] for r in order()]

    page = BeautifulSoup(client.get("/themes", params={"wave": "2026-Q2", "sort": "lost"}).text, "html.parser")
    head = page.find(id="theme-table").find("tr")
    active = head.find("th", attrs={"aria-sort": True})
    assert active["aria-sort"] == "descending" and "order=asc" in active.find("a")["href"]  # a click turns it
    assert len(head.find_all("th")) == 12 and "wave=2026-Q2" in active.find("a")["href"]
    options = [o["value"] for o in page.find("select", {"name": "segment"}).find_all("option")]
    assert "Channel=app" in options


def test_a_theme_page_splits_its_mentions_by_polarity_and_its_drivers_by_segment(client, store):
    run = store.latest_run("2026-Q2")
    responses, mentions = store.run_frames(run["id"])
    theme = mentions[mentions["theme_id"].isin(["delivery", "delivery.speed", "delivery.cost"])]
    page = BeautifulSoup(client.get("/themes/delivery").text, "html.parser")
    split = page.find(id="polarity-split").find_all("tr")[1:]
    blaming = theme.loc[theme["polarity"] < 0, "response"].nunique()
    blame_row = next(tr for tr in split if "blames it" in tr.get_text())
    assert f"{blaming:,}" in blame_row.find_all("td")[1].get_text()
    link = blame_row.find("a")["href"]
    assert "polarity=-1" in link
    shown = BeautifulSoup(client.get("/themes/delivery" + link.split("#")[0]).text, "html.parser")
    quotes = shown.find_all(class_="quote")
    assert quotes and all("p-1" in q["class"] for q in quotes)
    assert f"{blaming:,}" in shown.find(id="verbatims").get_text()

    by = page.find(id="by-segment")
    segments = client.get("/api/themes", params={"wave": "2026-Q2"}).json()["segments"]
    assert by.find("th").get_text() == next(iter(segments))  # the first segment column by default
    channel = BeautifulSoup(client.get("/themes/delivery", params={"by": "Channel"}).text, "html.parser")
    rows = {tr.find("td").get_text(): tr for tr in channel.find(id="by-segment").find_all("tr")[1:]}
    assert set(rows) == {"web", "app", "store"}
    app = next(r for r in client.get("/api/themes", params={"wave": "2026-Q2", "segment": "Channel=app"}
                                     ).json()["themes"] if r["theme_id"] == "delivery")
    cells = [td.get_text() for td in rows["app"].find_all("td")]
    assert cells[3] == f"{app['responses']:,}" and cells[6] == f"{app['lost']:,.1f}"
    api = client.get("/api/themes/delivery", params={"by": "Channel"}).json()
    assert api["by"] == "Channel" and {r["value"] for r in api["by_segment"]} == {"web", "app", "store"}
    assert {s["polarity"] for s in api["split"]} <= {"-1", "0", "+1"}


def test_evidence_is_marked_in_the_comment_and_the_rest_stays_text():
    from insight.serve.app import highlight

    assert str(highlight("Ждал на линии 40 минут, никто не ответил.", ["ждал  на линии", "никто не ответил"])) == (
        "<mark>Ждал на линии</mark> 40 минут, <mark>никто не ответил</mark>.")
    marked = str(highlight(f"late <b>{HOSTILE}</b> mail me: a.b@example.com", "LATE"))
    assert marked.startswith("<mark>late</mark> &lt;b&gt;&lt;script&gt;") and "example.com" not in marked
    assert str(highlight("fast delivery", "delivered")) == "fast delivery"  # a lemma: nothing marked
    assert str(highlight("a <i>b</i>", ["<i>b", "b</i>"])) == "a <mark>&lt;i&gt;b</mark>&lt;/i&gt;"  # overlaps: first
    assert str(highlight(None, None)) == ""


def test_a_theme_s_verbatims_mark_their_evidence(client):
    page = BeautifulSoup(client.get("/themes/delivery").text, "html.parser")
    marks = [q.find("mark") for q in page.find_all(class_="quote")]
    assert sum(m is not None for m in marks) >= len(marks) // 2 > 0


@pytest.fixture(scope="module")
def discovered_store(tmp_path_factory) -> Store:
    """One reported wave whose detractors keep naming something no ecommerce theme covers (parking)."""
    import pandas as pd

    from insight.demo import COLUMNS

    folder = tmp_path_factory.mktemp("discovered")
    frame = generate(400, seed=6)
    extra = frame.sample(30, random_state=1).copy()
    openers = ["The parking lot was full", "No parking spaces left", "Parking lot always full", "Could not find parking",
               "Parking was impossible", "The car park was full"]
    tails = ["again", "on saturday", "near the entrance", "all afternoon", "when I came"]
    extra[COLUMNS["id"]] = [f"P{i}" for i in range(30)]
    extra[COLUMNS["comment"]] = [f"{openers[i % 6]} {tails[i // 6]}" for i in range(30)]
    extra[COLUMNS["score"]] = "3"
    path = folder / "w1.csv"
    pd.concat([frame, extra]).to_csv(path, index=False)
    url = f"sqlite:///{folder / 'store.db'}"
    store = Store.open(url)
    store.import_survey(load(path), wave="w1", file_hash=file_sha256(path), source=str(path),
                        codeframe=load_codeframe("ecommerce"))
    report_wave(url, "w1", folder / "w1.html")
    return store


def test_discovered_themes_are_in_the_workspace_with_their_labels_and_no_triage(discovered_store):
    client = TestClient(create_app(discovered_store), follow_redirects=False)
    found = discovered_store.latest_run("w1")["settings"]["discovered"]
    assert found  # the run recorded the labels of the themes discovery proposed
    rows = {r["theme_id"]: r for r in client.get("/api/themes").json()["themes"]}
    tid = max(found, key=lambda k: rows.get(k, {}).get("responses", 0))
    assert rows[tid]["discovered"] and rows[tid]["label"] == found[tid]["en"] and rows[tid]["status"] is None
    assert not rows["delivery"]["discovered"] and rows["delivery"]["status"] == "new"
    listing = BeautifulSoup(client.get("/themes").text, "html.parser")
    row = next(tr for tr in listing.find(id="theme-table").find_all("tr") if tr.find("a", href=f"/themes/{tid}"))
    assert "discovered" in row.get_text() and found[tid]["en"] in row.get_text()
    page = BeautifulSoup(client.get(f"/themes/{tid}").text, "html.parser")
    assert found[tid]["en"] in page.find("h1").get_text()
    assert "insight discover" in page.find(id="triage").get_text() and not page.find("input", {"name": "action"})
    quotes = [q.get_text() for q in page.find_all(class_="quote")]
    assert quotes and all("park" in q.lower() for q in quotes)
    assert client.get(f"/api/themes/{tid}").json()["theme"]["discovered"] is True
    assert client.get("/themes/discovered_99").status_code == 404
    one = page.find(class_="quote").find("a")["href"]  # the response's page names the theme by its label
    mention = BeautifulSoup(client.get(one).text, "html.parser").find("a", href=f"/themes/{tid}")
    assert mention.get_text() == found[tid]["en"]
