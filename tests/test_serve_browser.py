"""The workspace in a real browser (Debian chromium via Playwright, as the report's browser tests):
a product manager triages themes and the next report shows it; an analyst corrects comments, retrains
and accepts the model; hostile comments stay text; changes without the token or the CSRF value are
refused; two people changing one theme at once lose nothing."""

from __future__ import annotations

import socket
import threading
import time

import pytest
from bs4 import BeautifulSoup

from insight.demo import COLUMNS, generate
from insight.serve.app import create_app
from tests.test_browser import PAYLOADS, browser  # noqa: F401 - the browser fixture
from tests.test_serve import report_wave, two_reported_waves

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """Two reported demo waves (the second with hostile comments) served by uvicorn on a free port."""
    folder = tmp_path_factory.mktemp("serve-browser")
    frame = generate(800, seed=9)
    for k, payload in enumerate(PAYLOADS):
        frame.loc[frame.index[-1 - k], COLUMNS["comment"]] = payload
        frame.loc[frame.index[-1 - k], COLUMNS["score"]] = "2"
    store, url = two_reported_waves(folder, frame)
    base, server, thread = _serve(create_app(store, models=folder / "models" / "ws", semantic="off"))
    yield {"base": base, "store": store, "url": url, "folder": folder}
    server.should_exit = True
    thread.join(10)


def _serve(app) -> tuple[str, object, threading.Thread]:
    """``app`` served by uvicorn on a free loopback port: its base URL, the server and its thread."""
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started
    return f"http://127.0.0.1:{port}", server, thread


def _page(browser, served):  # noqa: F811 - the fixture
    page = browser.new_page()
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(served["base"]) else None)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    return page, outside, dialogs


def test_a_product_manager_triages_and_the_next_report_shows_it(browser, served):  # noqa: F811
    page, outside, dialogs = _page(browser, served)
    base = served["base"]
    page.goto(f"{base}/login")
    page.fill("input[name=name]", "Maya")
    page.click("button[type=submit]")
    page.goto(f"{base}/themes")
    page.click("#theme-table a:text-is('Delivery')")
    assert page.url.endswith("/themes/delivery")
    page.fill("#triage form:has(input[value=label]) input[name=value]", "Shipping")
    page.click("#triage button:text-is('Rename')")
    page.select_option("#triage form:has(input[value=status]) select", "in progress")
    page.click("#triage button:text-is('Set')")
    page.fill("#triage form:has(input[value=owner]) input[name=value]", "Maya")
    page.click("#triage button:text-is('Assign')")
    assert page.locator("h1").inner_text().startswith("Shipping")
    history = page.locator("#history").inner_text()
    assert "Maya" in history and "rename" in history and "status" in history and "assign" in history
    page.goto(f"{base}/themes/packaging")
    page.select_option("#triage form:has(input[value=merge_into]) select", "delivery")
    page.click("#triage button:text-is('Merge')")
    assert "merged into" in page.locator("p.note").first.inner_text()
    assert not outside and not dialogs

    store = served["store"]
    entry = store.theme("delivery")
    assert entry["labels"]["en"] == "Shipping" and entry["status"] == "in progress" and entry["owner"] == "Maya"
    out = served["folder"] / "after.html"
    report_wave(served["url"], "2026-Q2", out)
    soup = BeautifulSoup(out.read_text(encoding="utf-8"), "html.parser")
    assert "Shipping" in soup.find(id="theme-table").get_text()
    assert "Packaging" not in soup.find(id="theme-table").get_text()  # merged away
    assert "in progress · Maya" in soup.find(id="drivers").get_text()
    page.close()


def test_an_analyst_corrects_twenty_comments_retrains_and_accepts(browser, served):  # noqa: F811
    page, outside, dialogs = _page(browser, served)
    base, store = served["base"], served["store"]
    page.goto(f"{base}/login")
    page.fill("input[name=name]", "Ana")
    page.click("button[type=submit]")
    for k in range(20):  # the review queue's first comment each time: a corrected one leaves the queue
        page.goto(f"{base}/review")
        page.click("#queue a >> nth=0")
        assert "/responses/" in page.url
        page.select_option("#add-theme select[name=theme_id]", "communication")
        page.select_option("#add-theme select[name=polarity]", "-1")
        page.click("#add-theme button")
        assert "communication" in page.locator("#reading").inner_text()
        assert "Ana" in page.locator("#corrections").inner_text()
    corrections = store.corrections()
    assert len(corrections) == 20 and {c["actor"] for c in corrections} == {"Ana"}
    assert len({c["response_id"] for c in corrections}) == 20

    page.goto(f"{base}/models")
    page.click("#train")
    deadline = time.monotonic() + 300
    while not page.locator("table.comparison").count() and time.monotonic() < deadline:
        time.sleep(1)
        page.reload()
    table = page.locator("table.comparison").inner_text()
    assert "rules ecommerce" in table and "ws v1" in table and "Held-back comments: 5" in table
    assert store.active_model() is None  # not until accepted
    page.click("button[value=accept]")
    assert "active" in page.locator(".model .status").first.inner_text()
    assert store.active_model()["trained_by"] == "Ana" and store.active_model()["decided_by"] == "Ana"
    assert not outside and not dialogs
    page.close()


def test_hostile_comments_stay_text_in_the_workspace(browser, served):  # noqa: F811
    page, outside, dialogs = _page(browser, served)
    base = served["base"]
    shown = 0
    for tid in ("delivery", "customer_service", "website_app", "price", "packaging"):
        page.goto(f"{base}/themes/{tid}?wave=2026-Q2")
        text = page.locator("body").inner_text()
        shown += sum(payload.split(">")[0] + ">" in text for payload in PAYLOADS)
        for href in [a.get_attribute("href") for a in page.locator(".quote a").all()[:3]]:
            page.goto(base + href)  # a response's page
            assert page.evaluate("window.__xss") is None
    assert shown >= 3  # the payloads are there, as text
    assert page.evaluate("window.__xss") is None
    assert not dialogs and not outside
    page.close()


def test_changes_without_token_or_csrf_are_refused_in_the_browser(browser, served):  # noqa: F811
    """A workspace with a token: pages and API refuse a visitor without it (401 or the login page), a
    form another site's page submits is refused (403) even with the signed-in cookie, and the theme
    is unchanged; signed in with the token, the same change from the page lands."""
    store = served["store"]
    base, server, thread = _serve(create_app(store, token="s3cret-token", semantic="off",
                                             models=served["folder"] / "models" / "guarded"))
    try:
        context = browser.new_context()
        page = context.new_page()
        before = store.theme("returns_refunds")["status"]
        page.goto(f"{base}/themes/returns_refunds")
        assert "/login" in page.url  # no token: the login page, not the theme
        assert context.request.patch(f"{base}/api/themes/returns_refunds", data={"status": "ignored"}).status == 401
        assert context.request.get(f"{base}/api/themes").status == 401
        page.fill("input[name=token]", "wrong")
        page.fill("input[name=name]", "Mallory")
        page.click("button[type=submit]")
        assert "/login" in page.url and "That token is not this workspace's." in page.locator("body").inner_text()
        page.fill("input[name=token]", "s3cret-token")
        page.fill("input[name=name]", "Ana")
        page.click("button[type=submit]")
        page.goto(f"{base}/themes/returns_refunds")
        assert page.locator("h1").count() and "/login" not in page.url
        # another page (not the workspace's) posts a triage form with the signed-in cookie but no CSRF value
        page.set_content(f'<form method="post" action="{base}/themes/returns_refunds">'
                         '<input name="action" value="status"><input name="value" value="ignored">'
                         '<button id="go">go</button></form>')
        with page.expect_navigation() as navigation:
            page.click("#go")
        assert navigation.value.status == 403
        # the API with the cookie but no bearer: refused too
        r = context.request.patch(f"{base}/api/themes/returns_refunds", data={"status": "ignored"})
        assert r.status == 403
        assert store.theme("returns_refunds")["status"] == before
        page.goto(f"{base}/themes/returns_refunds")
        page.select_option("#triage form:has(input[value=status]) select", "confirmed")
        page.click("#triage button:text-is('Set')")
        assert store.theme("returns_refunds")["status"] == "confirmed"
        assert [h["actor"] for h in store.theme("returns_refunds")["history"] if h["action"] == "status"][-1] == "Ana"
        context.close()
    finally:
        server.should_exit = True
        thread.join(10)


def test_two_people_changing_one_theme_at_once_lose_nothing(browser, served):  # noqa: F811
    """Two signed-in people open the same theme; both change it. The first change lands; the second,
    made on a page that is now out of date, gets a clear conflict instead of overwriting; done again
    on the fresh page it lands, and both changes are in the catalog with their authors."""
    base, store = served["base"], served["store"]
    people = []
    for name in ("Ann", "Ben"):
        context = browser.new_context()
        page = context.new_page()
        page.goto(f"{base}/login")
        page.fill("input[name=name]", name)
        page.click("button[type=submit]")
        page.goto(f"{base}/themes/website_app")
        people.append((context, page))
    (ann_context, ann), (ben_context, ben) = people
    ann.fill("#triage form:has(input[value=owner]) input[name=value]", "Ann")
    ann.click("#triage button:text-is('Assign')")
    ben.fill("#triage form:has(input[value=note]) input[name=value]", "check the checkout crash")
    with ben.expect_navigation() as navigation:
        ben.click("#triage button:text-is('Save')")
    assert navigation.value.status == 409 and "Someone else changed this theme" in ben.locator("body").inner_text()
    ben.goto(f"{base}/themes/website_app")
    ben.fill("#triage form:has(input[value=note]) input[name=value]", "check the checkout crash")
    ben.click("#triage button:text-is('Save')")
    entry = store.theme("website_app")
    assert entry["owner"] == "Ann" and entry["note"] == "check the checkout crash"
    actors = {h["action"]: h["actor"] for h in entry["history"]}
    assert actors.get("assign") == "Ann" and actors.get("note") == "Ben"
    ann_context.close()
    ben_context.close()
