"""The history store: imports, waves, the theme catalog and reports from the store, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import sqlalchemy as sa

from insight.analysis import analyze
from insight.demo import generate
from insight.load import load
from insight.store import Store, StoreError, file_sha256
from insight.store import schema as t
from insight.themes.codeframe import load_codeframe

ROOT = Path(__file__).resolve().parents[1]


def _write(frame: pd.DataFrame, path: Path) -> Path:
    frame.to_csv(path, index=False)
    return path


@pytest.fixture(scope="module")
def demo_frame() -> pd.DataFrame:
    return generate(1200, seed=3, malformed=True)


def _import(store: Store, path: Path, wave: str, **kw):
    return store.import_survey(load(path), wave=wave, file_hash=file_sha256(path), source=str(path), **kw)


def _count(store: Store, table: sa.Table) -> int:
    with store.engine.connect() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()


# -- imports -----------------------------------------------------------------------------------------


def test_import_is_idempotent_for_files_and_responses(db_url, tmp_path, demo_frame):
    store = Store.open(db_url)
    a = _write(demo_frame, tmp_path / "a.csv")
    first = _import(store, a, "w1", codeframe=load_codeframe("ecommerce"))
    survey = load(a)
    assert first.added == survey.info.rows_scored and first.quarantined == survey.info.rows_quarantined
    assert _count(store, t.responses) == first.added and _count(store, t.quarantine) == first.quarantined
    again = _import(store, a, "w1")
    assert again.duplicate_file is not None and again.added == 0 and "nothing added" in again.message()
    # the same responses in another file (rows reordered): nothing added, and no import recorded
    shuffled = _write(demo_frame.sample(frac=1.0, random_state=1), tmp_path / "b.csv")
    same = _import(store, shuffled, "w2")
    assert same.added == 0 and same.already_stored == first.added and "already stored" in same.message()
    assert _count(store, t.imports) == 1 and [w["wave"] for w in store.waves()] == ["w1"]
    # a file with some new responses adds exactly those
    extra = demo_frame.copy()
    extra["Response ID"] = [f"N{i}" for i in range(len(extra))]
    mixed = _write(pd.concat([demo_frame.head(100), extra.head(50)]), tmp_path / "c.csv")
    new = load(_write(extra.head(50), tmp_path / "new.csv")).info.rows_scored  # the usable new ones
    part = _import(store, mixed, "w2")
    assert part.added == new and part.added + part.already_stored == load(mixed).info.rows_scored
    assert _count(store, t.responses) == first.added + new


def test_rows_without_ids_are_answers_of_their_wave(db_url, tmp_path):
    rows = pd.DataFrame({"score": ["10", "10", "3"], "comment": ["Great", "Great", "Slow delivery"]})
    one = _write(rows, tmp_path / "one.csv")
    two = _write(pd.concat([rows, rows.head(1)]), tmp_path / "two.csv")  # a different file, same answers + 1
    store = Store.open(db_url)
    assert _import(store, one, "w1").added == 3  # two identical rows are two answers
    assert _import(store, two, "w1").added == 1  # same wave: only the new (third "Great") one
    assert _import(store, two, "w2").duplicate_file is not None  # a file belongs to one wave
    three = _write(pd.concat([rows.head(1), rows]), tmp_path / "three.csv")
    assert _import(store, three, "w2").added == 4  # another wave: identical rows are new answers
    assert [(h["wave"], h["n"]) for h in store.history()] == [("w1", 4), ("w2", 4)]


def test_a_failure_mid_import_leaves_the_store_as_before(db_url, tmp_path, demo_frame, monkeypatch):
    store = Store.open(db_url)
    _import(store, _write(demo_frame.head(300), tmp_path / "a.csv"), "w1")
    before = {tab.name: _count(store, tab) for tab in (t.imports, t.responses, t.quarantine, t.waves)}

    def boom(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(Store, "_insert_quarantine", boom)  # runs after the responses are written
    with pytest.raises(RuntimeError):
        _import(store, _write(demo_frame.tail(600), tmp_path / "b.csv"), "w2")
    assert {tab.name: _count(store, tab) for tab in (t.imports, t.responses, t.quarantine, t.waves)} == before


def _big_csv(path: Path, n: int, seed: int = 0, prefix: str = "R") -> Path:
    rng = np.random.default_rng(seed)
    words = np.array(["fast delivery", "rude staff", "great price", "app crashed", "love it", "late parcel"])
    pd.DataFrame({
        "Response ID": [f"{prefix}{i}" for i in range(n)],
        "Score": rng.integers(0, 11, n),
        "Comment": words[rng.integers(0, len(words), n)],
        "Date": pd.Timestamp("2026-01-01") + pd.to_timedelta(rng.integers(0, 86400 * 90, n), unit="s"),
        "Channel": rng.choice(["web", "app"], n),
    }).to_csv(path, index=False)
    return path


def _cli(*args: str, **popen) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "insight", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, **popen)


@pytest.mark.slow
def test_an_import_killed_with_sigkill_leaves_nothing(db_url, tmp_path):
    store = Store.open(db_url)
    small = _big_csv(tmp_path / "small.csv", 500, seed=1, prefix="S")
    _import(store, small, "w0")
    big = _big_csv(tmp_path / "big.csv", 200_000)
    proc = _cli("import", str(big), "--wave", "w1", "--db", db_url)
    line = proc.stderr.readline()  # printed after loading, just before the transaction
    while line.startswith("note: "):  # how it was read, which codeframe
        line = proc.stderr.readline()
    assert line.startswith("importing"), line
    time.sleep(1.5)
    assert proc.poll() is None, "the import finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    store = Store.open(db_url)
    assert _count(store, t.responses) == 500 and _count(store, t.imports) == 1
    assert [w["wave"] for w in store.waves()] == ["w0"]
    if db_url.startswith("sqlite"):
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    result = _import(store, big, "w1")  # and the file can be imported afterwards
    assert result.added == 200_000


@pytest.mark.slow
def test_concurrent_imports_neither_corrupt_nor_duplicate(db_url, tmp_path):
    Store.open(db_url)  # create the schema first, as any earlier command would have
    a = _big_csv(tmp_path / "a.csv", 30_000, seed=1, prefix="R")
    b = tmp_path / "b.csv"  # overlaps a: the second half of a's ids plus new ones
    frame = pd.read_csv(a)
    other = frame.copy()
    other["Response ID"] = [f"R{i + 15_000}" for i in range(len(frame))]
    other.to_csv(b, index=False)
    procs = [_cli("import", str(p), "--wave", "w1", "--db", db_url) for p in (a, b, a)]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], outs
    store = Store.open(db_url)
    assert _count(store, t.responses) == 45_000  # the union of ids, each once
    assert _count(store, t.imports) == 2  # the same file twice: one import, one "already imported"
    assert sum("already imported" in out for out, _ in outs) == 1


def test_bad_urls_and_unknown_waves_are_one_line_errors(tmp_path, run_cli):
    for url, expected in (("not a url", "is not a database URL"), ("mysql://x/y", "not supported"),
                          ("postgresql+psycopg://nobody@127.0.0.1:1/none", "cannot use the database")):
        r = run_cli("history", "--db", url)
        assert r.code == 2 and expected in r.err and len(r.err.strip().splitlines()) == 1, r.err
    db = f"sqlite:///{tmp_path / 's.db'}"
    r = run_cli("report", "--db", db)
    assert r.code == 2 and "holds no responses yet" in r.err


def test_without_file_or_db_the_report_reads_the_default_store_if_there_is_one(tmp_path, demo_frame, run_cli,
                                                                                monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("INSIGHT_DB", raising=False)
    r = run_cli("report", "--wave", "w1")
    assert r.code == 2 and "there is no insight.db here" in r.err and not (tmp_path / "insight.db").exists()
    data = _write(demo_frame.head(300), tmp_path / "w1.csv")
    assert run_cli("import", data, "--wave", "w1").code == 0  # into ./insight.db, the default
    r = run_cli("report", "--wave", "w1", "-o", tmp_path / "w1.html")
    assert r.code == 0 and "wave 'w1'" in r.out and (tmp_path / "w1.html").is_file()


# -- migrations --------------------------------------------------------------------------------------


def test_migrations_build_the_schema_the_code_uses(db_url):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    store = Store.open(db_url)
    assert store.revision() == store.head() == "0005"
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), t.metadata)
    assert diff == []


def test_upgrade_from_the_previous_schema_keeps_the_data(db_url, tmp_path, demo_frame):
    store = Store.open(db_url, migrate=False)
    store.upgrade("0001")
    assert store.revision() == "0001"
    with store.engine.begin() as conn:  # data written by the previous version
        when = pd.Timestamp("2026-01-01", tz="UTC").to_pydatetime()
        wave = conn.execute(sa.insert(t.waves).values(name="old", created_at=when).returning(t.waves.c.id)).scalar_one()
        imp = conn.execute(sa.insert(t.imports).values(
            file_hash="0" * 64, source="old.csv", wave_id=wave, imported_at=when, format="csv", rows_read=2,
            rows_scored=2, rows_quarantined=0, rows_added=2, rows_already_stored=0, columns={},
        ).returning(t.imports.c.id)).scalar_one()
        conn.execute(sa.insert(t.responses), [
            {"response_key": "A", "response_id": "A", "import_id": imp, "wave_id": wave, "row": 1, "score": 10,
             "comment": "fast delivery", "submitted_at": None, "segments": {"Channel": "web"}},
            {"response_key": "B", "response_id": "B", "import_id": imp, "wave_id": wave, "row": 2, "score": 2,
             "comment": "rude staff", "submitted_at": None, "segments": {"Channel": "app"}},
        ])
    store = Store.open(db_url)  # opening migrates to the newest revision
    assert store.revision() == store.head()
    assert store.history()[0]["n"] == 2
    _import(store, _write(demo_frame.head(200), tmp_path / "new.csv"), "new")
    survey = store.survey()
    assert list(survey.responses["wave"].cat.categories) == ["old", "new"]
    assert survey.responses["Channel"].iloc[:2].tolist() == ["web", "app"]


# -- triage ------------------------------------------------------------------------------------------


@pytest.fixture
def filled(db_url, tmp_path, demo_frame) -> Store:
    store = Store.open(db_url)
    half = len(demo_frame) // 2
    _import(store, _write(demo_frame.head(half), tmp_path / "w1.csv"), "2026-Q1", codeframe=load_codeframe("ecommerce"))
    _import(store, _write(demo_frame.tail(len(demo_frame) - half), tmp_path / "w2.csv"), "2026-Q2",
            codeframe=load_codeframe("ecommerce"))
    return store


def test_triage_commands_change_the_catalog_and_keep_history(filled, run_cli):
    db = filled.url if "sqlite" in filled.url else filled.engine.url.render_as_string(hide_password=False)
    assert run_cli("themes", "rename", "delivery", "Shipping", "--db", db).code == 0
    assert run_cli("themes", "rename", "delivery", "发货", "--lang", "zh-Hans", "--db", db).code == 0
    assert run_cli("themes", "merge", "packaging", "--into", "delivery", "--db", db).code == 0
    assert run_cli("themes", "status", "delivery", "in-progress", "--db", db).code == 0
    assert run_cli("themes", "assign", "delivery", "Ann Lee", "--db", db).code == 0
    assert run_cli("themes", "note", "delivery", "Courier contract renegotiated in May", "--db", db).code == 0
    shown = json.loads(run_cli("themes", "show", "delivery", "--db", db, "--json").out)
    assert shown["label"] == "Shipping" and shown["labels"]["zh-Hans"] == "发货"
    assert (shown["status"], shown["owner"]) == ("in progress", "Ann Lee")
    assert shown["merged_from"] == ["packaging"]
    actions = [(e["theme_id"], e["action"]) for e in shown["history"]]
    assert ("packaging", "created") in actions and ("packaging", "merge") in actions  # histories combined
    assert ("delivery", "rename") in actions and ("delivery", "assign") in actions
    listed = json.loads(run_cli("themes", "list", "--db", db, "--json", "--status", "in-progress").out)
    assert [r["theme_id"] for r in listed] == ["delivery"]
    table = run_cli("themes", "list", "--db", db).out  # 80 columns: ids folded, never cut; no column cropped
    assert "…" not in table and "Ann Lee" in table and "mentions ┃" in table
    # errors are one line, exit 2
    for args, expected in ((("status", "delivery", "done"), "unknown status"),
                           (("rename", "nope", "X"), "no theme 'nope'"),
                           (("merge", "delivery", "--into", "packaging"), "is merged into"),
                           (("merge", "packaging", "--into", "delivery"), "already merged"),
                           (("merge", "price", "--into", "price"), "cannot be merged into itself")):
        r = run_cli("themes", *args, "--db", db)
        assert r.code == 2 and expected in r.err and len(r.err.strip().splitlines()) == 1, (args, r.err)
    # merging into a merged theme goes to the end of its chain; unmerge undoes one link
    filled.merge(["returns_refunds"], "packaging")
    assert filled.catalog().target("returns_refunds") == "delivery"
    filled.unmerge("packaging")
    assert filled.catalog().target("packaging") == "packaging"
    # a codeframe import refreshes labels the analysts did not set, and keeps the ones they did
    filled.register_themes(load_codeframe("ecommerce"))
    entry = filled.catalog().entries["delivery"]
    assert entry.labels["en"] == "Shipping" and entry.labels["ru"] == "Доставка"


def test_report_from_the_store_applies_the_catalog(filled, tmp_path, run_cli):
    from bs4 import BeautifulSoup

    filled.rename("delivery", "Shipping <b>&</b> parcels")
    filled.merge(["packaging"], "delivery")
    filled.set_status("delivery", "in progress")
    filled.assign("delivery", "Ann")
    db = filled.engine.url.render_as_string(hide_password=False)
    out = tmp_path / "r.html"
    r = run_cli("report", "--db", db, "-o", out, "--export", tmp_path / "exp", "--by", "Channel")
    assert r.code == 0, r.err
    assert "wave '2026-Q2'" in r.out
    soup = BeautifulSoup(out.read_text(encoding="utf-8"), "html.parser")
    assert "Shipping <b>&</b> parcels" in soup.get_text()  # the rename, escaped
    assert soup.find("b", string="&") is None
    assert "Wave 2026-Q2" in soup.find(id="focus").get_text()
    table = soup.find(id="theme-table").get_text()
    assert "Packaging" not in table  # merged away
    drivers = soup.find(id="drivers").get_text()
    assert "in progress · Ann" in drivers
    trend = soup.find(id="theme-trend-table")
    assert "2026-Q1" in trend.get_text() and "2026-Q2" in trend.get_text()
    runs = filled.runs()
    assert len(runs) == 1 and runs[0]["codeframe"].startswith("ecommerce")
    themes = {r["theme_id"]: r for r in filled.themes()}
    assert themes["delivery"]["mentions_last_run"] > 0 and themes["packaging"]["mentions_last_run"] == 0
    exported = pd.read_csv(tmp_path / "exp" / "responses.csv")
    assert len(exported) == filled.history()[-1]["n"]  # the reported wave's responses
    assert not exported["themes"].fillna("").str.contains("packaging").any()


def test_trends_are_the_same_from_files_and_from_the_store(filled, tmp_path, demo_frame):
    whole = load(_write(demo_frame, tmp_path / "all.csv"))
    stored = filled.survey()
    a = analyze(whole, period="M", discover_themes=False, n_boot=50)
    b = analyze(stored, period="M", discover_themes=False, n_boot=50)
    assert a.periods == b.periods
    pd.testing.assert_frame_equal(a.theme_trend, b.theme_trend)
    pd.testing.assert_frame_equal(a.period_change, b.period_change)
    assert a.nps == {**b.nps, "quarantined": a.nps["quarantined"]} and b.nps["quarantined"] == a.nps["quarantined"]
    # by wave: the same as the two files with their wave named
    half = len(demo_frame) // 2
    parts = [load(_write(demo_frame.head(half), tmp_path / "x1.csv")),
             load(_write(demo_frame.tail(len(demo_frame) - half), tmp_path / "x2.csv"))]
    frames = [p.responses.assign(wave=w) for p, w in zip(parts, ("2026-Q1", "2026-Q2"))]
    combined = pd.concat(frames, ignore_index=True)
    combined["wave"] = pd.Categorical(combined["wave"], categories=["2026-Q1", "2026-Q2"], ordered=True)
    files = analyze(type(whole)(combined, whole.quarantine, whole.info), period="wave", discover_themes=False,
                    n_boot=50, focus_last=True)
    store = analyze(stored, period="wave", discover_themes=False, n_boot=50, focus_last=True)
    assert files.periods == store.periods and [p["period"] for p in store.periods] == ["2026-Q1", "2026-Q2"]
    pd.testing.assert_frame_equal(files.theme_trend, store.theme_trend)
    assert store.nps["n"] == store.periods[-1]["n"] and store.nps["nps"] == store.periods[-1]["nps"]
    # the wave report reconciles the wave's own rows: its responses plus its quarantined rows
    wave2 = load(tmp_path / "x2.csv")
    assert (store.load["rows_scored"], store.load["rows_quarantined"]) == (wave2.info.rows_scored,
                                                                          wave2.info.rows_quarantined)
    assert store.nps["quarantined"] == wave2.info.rows_quarantined
    hist = filled.history()
    assert [(h["wave"], h["n"], h["nps"], h["ci_low"]) for h in hist] == [
        (p["period"], p["n"], p["nps"], p["ci_low"]) for p in store.periods]


def test_history_json(filled, run_cli):
    db = filled.engine.url.render_as_string(hide_password=False)
    rows = json.loads(run_cli("history", "--db", db, "--json").out)
    assert [r["wave"] for r in rows] == ["2026-Q1", "2026-Q2"]
    for r in rows:
        assert {"wave", "n", "nps", "ci_low", "ci_high"} <= set(r) and r["ci_low"] < r["nps"] < r["ci_high"]
    plain = run_cli("history", "--db", db)
    assert plain.code == 0 and "2026-Q2" in plain.out


def test_wave_names_and_ids_are_checked(db_url, tmp_path):
    store = Store.open(db_url)
    path = _write(pd.DataFrame({"score": ["9"], "comment": ["ok"]}), tmp_path / "a.csv")
    with pytest.raises(StoreError, match="must not be empty"):
        _import(store, path, "  ")
    with pytest.raises(StoreError, match="no wave 'nope'"):
        _import(store, path, "w1") and store.survey("nope")


@pytest.mark.slow
def test_rename_and_merge_survive_a_retrain(tmp_path, demo_frame, run_cli):
    from bs4 import BeautifulSoup

    db = f"sqlite:///{tmp_path / 's.db'}"
    data = _write(demo_frame.head(700), tmp_path / "w1.csv")
    assert run_cli("import", data, "--wave", "w1", "--db", db).code == 0
    store = Store.open(db)
    store.rename("delivery", "Getting it to you")
    store.merge(["packaging"], "delivery")
    models = tmp_path / "models" / "m"

    def report_with_latest_model() -> BeautifulSoup:
        out = tmp_path / "r.html"
        r = run_cli("report", "--db", db, "--model", models, "-o", out)
        assert r.code == 0, r.err
        return BeautifulSoup(out.read_text(encoding="utf-8"), "html.parser")

    for seed in ("1", "2"):  # train, report; retrain (a new version), report again
        r = run_cli("train", data, "--bootstrap", "--codeframe", "ecommerce", "-o", models, "--folds", "2", "--seed", seed)
        assert r.code == 0, r.err
        soup = report_with_latest_model()
        table = soup.find(id="theme-table").get_text()
        assert "Getting it to you" in table and "Packaging" not in table and "Delivery" not in table
    assert sorted(p.name for p in models.iterdir()) == ["v1", "v2"]
    runs = store.runs()
    assert [r["model"] is not None for r in runs] == [True, True]


def test_a_file_report_can_use_the_stores_decisions(filled, tmp_path, demo_frame, run_cli):
    filled.rename("price", "What it costs")
    filled.merge(["packaging"], "delivery")
    filled.set_status("price", "resolved")
    db = filled.engine.url.render_as_string(hide_password=False)
    out = tmp_path / "f.html"
    r = run_cli("report", _write(demo_frame, tmp_path / "all.csv"), "--db", db, "-o", out)
    assert r.code == 0, r.err
    html = out.read_text(encoding="utf-8")
    assert "What it costs" in html and ">Packaging<" not in html and "resolved" in html
    assert filled.runs() == []  # a file's report is not a run of the store
    r = run_cli("report", tmp_path / "all.csv", "--db", db, "--wave", "2026-Q1")
    assert r.code == 2 and "--wave" in r.err


def test_history_flags_a_rise_of_detractors_and_fails_on_it(tmp_path, run_cli):
    # issue 22, item 11: watch the detractors grow between waves; a scheduled job fails on it
    db = f"sqlite:///{tmp_path / 'alerts.db'}"
    store = Store.open(db)
    calm = pd.DataFrame({"score": [str(s) for s in [9, 10, 8, 7, 9, 3] * 30], "comment": ["ok"] * 180})
    worse = pd.DataFrame({"score": [str(s) for s in [9, 2, 3, 7, 1, 3] * 30], "comment": ["late"] * 180})
    _import(store, _write(calm, tmp_path / "w1.csv"), "W1")
    _import(store, _write(worse, tmp_path / "w2.csv"), "W2")
    rows = json.loads(run_cli("history", "--db", db, "--json").out)
    assert rows[0]["alert"] is None
    alert = rows[-1]["alert"]
    assert (alert["from"], alert["to"]) == ("W1", "W2") and alert["before"] == pytest.approx(1 / 6)
    assert alert["after"] == pytest.approx(4 / 6) and alert["p_holm"] < 0.001
    failed = run_cli("history", "--db", db, "--fail-on-alert")
    assert failed.code == 3 and "alert: detractors rose: 16.7% -> 66.7% of all responses (W1 -> W2)" in failed.err
    _import(store, _write(calm.assign(comment="fine"), tmp_path / "w3.csv"), "W3")  # better again: no alert
    assert run_cli("history", "--db", db, "--fail-on-alert").code == 0


def test_the_store_keeps_embeddings_by_model_and_text(db_url):
    from insight.text import embed as E

    store = Store.open(db_url)
    a, b = E.text_key("late delivery"), E.text_key("rude staff")
    va, vb = np.arange(E.DIM, dtype=np.float32), np.ones(E.DIM, dtype=np.float32)
    store.put_embeddings(E.MODEL_ID, {a: va})
    store.put_embeddings(E.MODEL_ID, {a: vb, b: vb})  # a vector already kept stays as it is
    got = store.get_embeddings(E.MODEL_ID, [a, b, E.text_key("unknown")])
    assert set(got) == {a, b} and np.array_equal(got[a], va) and np.array_equal(got[b], vb)
    assert store.get_embeddings("another-model/v2", [a, b]) == {}
    assert store.known_keys(E.MODEL_ID, [a, E.text_key("unknown"), b]) == {a, b}
    # embed() reads what a store holds inside `using(store)`: nothing is embedded again
    with E.using(store):
        assert E.current_cache() is store
        kept = E.embed(["late delivery", "rude staff", "late delivery"])
    assert kept.computed == 0 and kept.cached == 2
    assert np.array_equal(kept.vectors[0], va) and np.array_equal(kept.vectors[2], va)
    assert isinstance(E.current_cache(), E.FileCache)


def test_segments_are_read_from_the_stored_json_on_both_databases(db_url, tmp_path):
    """The workspace's segment reads (JSON extraction in SQL) agree with the file, on SQLite and PostgreSQL."""
    frame = generate(300, seed=8)
    frame.loc[frame.index[:5], "Channel"] = ""  # empty: not a value
    path = _write(frame, tmp_path / "w.csv")
    store = Store.open(db_url)
    _import(store, path, "w1")
    names = store.segment_names("w1")
    assert {"Channel", "Region", "Customer type"} <= set(names)
    counts = store.segment_counts("Channel", "w1")
    kept = load(path).responses  # the scored rows only: the stored ones
    expected = kept["Channel"].dropna()[kept["Channel"].dropna() != ""].value_counts()
    assert dict(counts) == {str(k): int(v) for k, v in expected.items()}
    assert [n for _, n in counts] == sorted((n for _, n in counts), reverse=True)
    assert store.segment_counts("Order value", "w1") is None  # amounts: too many values for a segment
    assert store.segment_counts("Channel", "no such wave") == []
    column = store.segment_column("Channel", "w1")
    assert len(column) == len(kept) and column.isna().sum() == kept["Channel"].fillna("").eq("").sum()
    assert column.value_counts().to_dict() == dict(counts)
