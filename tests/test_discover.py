"""Discovery: proposals people recognise, deterministic, no filler themes, written into a codeframe."""

from __future__ import annotations

import random

import pytest

from insight.demo import COLUMNS, generate, write
from insight.themes.codeframe import load_codeframe
from insight.themes.discover import discover
from insight.themes.discovered import append_to_codeframe

ONLY_DELIVERY = "themes:\n  - id: delivery\n    label: {en: Delivery}\n    patterns: {en: [delivery]}\n"


@pytest.fixture(scope="module")
def demo_comments():
    frame = generate(1500, seed=13, malformed=False)
    return frame[COLUMNS["comment"]].tolist()


def test_proposals_are_recognisable_and_cover_most_comments(demo_comments):
    found = discover(demo_comments, seed=0, n_jobs=1)
    p = found.proposals
    assert len(p) >= 3
    assert found.unassigned / found.considered < 0.2
    text = " ".join(p["terms"])
    assert any(word in text for word in ("app", "return", "price", "courier", "refund", "packaging"))
    assert all(1 <= len(q) <= 5 for q in p["quotes"])
    assert p["share"].sum() + found.unassigned / found.considered == pytest.approx(1.0)
    assert sum(found.unassigned_why.values()) == found.unassigned  # each unassigned comment has a reason
    ids = found.member_ids()  # every comment considered is in one proposal or unassigned
    assert len(ids) == len(demo_comments) and sum(i is not None for i in ids) == found.considered
    assert ids.count("") == found.unassigned
    assert all(ids.count(pid) == size for pid, size in zip(p["id"], p["size"]))
    for pid, quotes in zip(p["id"], p["quotes"]):  # its quotes are its members'
        assert set(quotes) <= {c for c, i in zip(demo_comments, ids) if i == pid}


def test_same_themes_in_any_row_order_and_with_any_number_of_workers(demo_comments):
    a = discover(demo_comments, seed=0, n_jobs=1).proposals
    shuffled = list(demo_comments)
    random.Random(3).shuffle(shuffled)
    b = discover(shuffled, seed=0, n_jobs=2).proposals
    assert a[["label", "size"]].equals(b[["label", "size"]])


def test_fillers_never_make_a_theme():
    comments = ["no comment", "n/a", "nothing", "无", "нет", "-", "👍"] * 40
    comments += ["the app crashes when I pay", "app keeps crashing at checkout", "the app froze again"] * 5
    found = discover(comments, min_size=5, n_jobs=1)
    assert found.considered == 15
    for label in found.proposals["label"]:
        assert not any(f in label for f in ("comment", "n/a", "nothing"))


def test_comments_without_a_shared_topic_make_no_catch_all_theme():
    # k-means gives comments that fit no cluster a cluster of their own, which the label then names
    # after a few of their words: 200 comments of made-up words were one "theme" of 53% before
    rng = random.Random(0)
    topics = {"app": ["the app crashes at checkout", "app crashed again when paying", "the app keeps crashing"],
              "courier": ["the courier was late", "courier came two days late", "courier arrived late and rude"],
              "refund": ["refund took weeks", "still waiting for my refund", "slow refund process"]}
    comments = [rng.choice(v) + f" order {rng.choice('abcdefghij')}" for v in topics.values() for _ in range(60)]
    words = ["".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(3)) for _ in range(150)]
    comments += [" ".join(rng.sample(words, 3)) for _ in range(200)]
    found = discover(comments, n_jobs=1)
    p = found.proposals
    assert sum(found.unassigned_why.values()) == found.unassigned and found.unassigned_why.get("no shared topic")
    real = p[[any(t in label for t in topics) for label in p["label"]]]
    assert sorted(real["size"]) == [60, 60, 60] and real["label"].str.split(" · ").str[0].isin(list(topics)).all()
    assert (p.drop(real.index)["size"] < 60).all()


def test_opinion_words_glued_to_a_negator_or_degree_word_name_no_theme():
    from insight.themes.discover import _stop_words, _topical

    stop = _stop_words()
    for word in ("不脆", "太小", "还好", "差差", "好吃的", "一般般", "不错", "great", "n't"):
        assert not _topical(word, stop), word
    for word in ("手机", "发票", "价格便宜", "courier", "refund"):
        assert _topical(word, stop), word


def test_small_inputs_do_not_crash():
    assert discover([], n_jobs=1).proposals.empty
    found = discover(["the app is slow", "great prices"] * 25, n_jobs=1)
    assert found.considered == 50
    # too few different comments to cluster: none proposed, and the report says why
    assert found.proposals.empty and found.unassigned_why == {"too few different comments": 50}
    assert discover([], n_jobs=1).unassigned_why == {}
    found = discover(["ok", "good", "great", "bad", "fine"] * 3 + [f"word{i} word{i}x" for i in range(12)], n_jobs=1)
    assert sum(found.unassigned_why.values()) == found.unassigned == found.considered


def test_accepted_proposals_are_appended_to_a_codeframe(demo_comments, tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("# our codeframe\n" + ONLY_DELIVERY, encoding="utf-8")
    p = discover(demo_comments, seed=0, n_jobs=1).proposals
    ids = append_to_codeframe(path, p, [p["id"].iloc[0]])
    cf = load_codeframe(str(path))
    assert cf.ids == ["delivery", *ids]
    assert path.read_text(encoding="utf-8").startswith("# our codeframe")
    with pytest.raises(Exception, match="no proposal 'discovered_99'"):
        append_to_codeframe(path, p, ["discovered_99"])


def test_discover_command(tmp_path, run_cli):
    survey = tmp_path / "survey.csv"
    write(generate(900, seed=2), survey)
    cf = tmp_path / "cf.yaml"
    cf.write_text(ONLY_DELIVERY, encoding="utf-8")
    out = tmp_path / "themes.csv"
    members = tmp_path / "members.csv"
    res = run_cli("discover", survey, "--codeframe", cf, "-o", out, "--append-to", cf, "--accept", "discovered_1",
                  "--members", members)
    assert res.code == 0, res.err
    import pandas as pd

    m, themes = pd.read_csv(members, keep_default_na=False), pd.read_csv(out)
    assert m["proposal"].value_counts().drop("unassigned", errors="ignore").sort_index().equals(
        themes.set_index("id")["size"].sort_index().rename("count").rename_axis("proposal"))
    assert m["proposal"].iloc[0] == "discovered_1" and m["row"].is_unique
    assert "proposed themes" in res.out and "appended" in res.out and out.exists()
    assert len(load_codeframe(str(cf)).ids) == 2
    assert run_cli("discover", survey, "--accept", "discovered_1").code == 2


def test_a_discovery_result_is_read_without_importing_scikit_learn():
    # a report runs discovery in a forked process and unpickles its result in the caller: the
    # module that defines Discovery must not make the caller import scikit-learn (~1 s)
    import subprocess
    import sys

    code = ("import pickle, sys\nimport insight.analysis\nfrom insight.themes.discover import Discovery\n"
            "import pandas as pd\npickle.loads(pickle.dumps(Discovery(pd.DataFrame(), 0, 0)))\n"
            "print('sklearn' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "False", done.stderr


def test_report_tag_and_discover_find_the_same_discovered_themes(tmp_path, run_cli):
    # issue 19: `discover` clustered the quarantined rows too and gave other ids than the report
    import insight
    import pandas as pd

    from insight.analysis import analyze

    survey = tmp_path / "survey.csv"
    frame = generate(1200, seed=5, malformed=True)  # malformed rows: quarantined, some with comments
    write(frame, survey)
    cf = tmp_path / "cf.yaml"
    cf.write_text(ONLY_DELIVERY + "  - id: delivery.speed\n    parent: delivery\n    label: {en: Speed}\n"
                  "    patterns: {en: [fast delivery, slow delivery]}\n"
                  "  - id: general\n    label: {en: Overall}\n    fallback: true\n", encoding="utf-8")
    themes, tagged = tmp_path / "themes.csv", tmp_path / "tagged.csv"
    assert run_cli("discover", survey, "--codeframe", cf, "-o", themes).code == 0
    assert run_cli("tag", survey, "--codeframe", cf, "-o", tagged).code == 0
    results = analyze(insight.load(survey), str(cf), n_boot=20, n_jobs=1)
    proposed = pd.read_csv(themes)
    assert len(proposed) >= 3
    assert proposed[["id", "label", "size"]].values.tolist() == results.discovered[["id", "label", "size"]].values.tolist()
    rows = pd.read_csv(tagged, dtype=str, keep_default_na=False)
    sizes = rows.loc[rows["discovered"] != "", "discovered"].value_counts().sort_index()
    assert sizes.to_dict() == dict(zip(proposed["id"], proposed["size"]))  # quarantined rows' comments included
    assert (rows.loc[rows["discovered"] != "", "themes"] == rows.loc[rows["discovered"] != "", "discovered"]).all()
    # first-class: in the theme table and the drivers, flagged
    table = results.themes.set_index("theme_id")
    assert table.loc[proposed["id"], "discovered"].all() and not table.loc["delivery", "discovered"]
    assert set(proposed["id"]) & set(results.drivers["theme_id"])
    # the drivers stay top-level: a sub-theme's mentions still count towards its parent
    assert set(results.drivers["theme_id"]) <= {*results.codeframe.roots, "(no theme)"}
    top = results.mentions.drop_duplicates("theme_id").set_index("theme_id")["top_theme"]
    assert all(top[t] == results.codeframe.top_level(t) for t in top.index)


def test_discovered_themes_are_named_by_noun_phrases_in_the_comments_language():
    from insight.themes.labels import _render, label_clusters
    import numpy as np

    docs = ([["the", "engineer", "visit", "be", "late"]] * 6 + [["broadband", "speed", "be", "slow", "tonight"]] * 6
            + [["router", "keep", "reset"]] * 5)
    langs = ["en"] * len(docs)
    labels = np.array([0] * 6 + [1] * 6 + [2] * 5)
    stop = {"the", "be", "late", "slow", "keep", "tonight"}
    named = label_clusters(docs, langs, np.ones(len(docs)), labels, [0, 1, 2], lambda w: w not in stop)
    assert named == {0: "engineer visit", 1: "broadband speed", 2: "router"}
    # a verb of fixing names no theme though WordNet lists its lemma as a noun ("sorted the same day": no "sort")
    fixed = [["issue", "sort", "quickly"]] * 4 + [["sort", "same", "day"]] * 3 + [["router", "keep", "reset"]] * 5
    named = label_clusters(fixed, ["en"] * 12, np.ones(12), np.array([0] * 7 + [1] * 5), [0, 1],
                           lambda w: w not in stop)
    assert named[0] and "sort" not in named[0].split()
    assert _render(("быстрый", "доставка"), "ru") == "быстрая доставка"
    assert _render(("скорость", "интернет"), "ru") == "скорость интернета"
    assert _render(("物流", "速度"), "zh") == "物流速度"


def test_beyond_its_sample_size_discovery_places_the_other_comments_in_its_themes(demo_comments, monkeypatch):
    """Fitted on the first FIT_MAX distinct comments (canonical order) and the rest placed in the
    nearest theme: every comment still has a theme or a reason, in any row order."""
    from insight.themes import discover as D

    whole = discover(demo_comments, seed=0, n_jobs=1)
    monkeypatch.setattr(D, "FIT_MAX", 10_000)  # above the comments: as before
    assert whole.proposals.equals(discover(demo_comments, seed=0, n_jobs=1).proposals)
    monkeypatch.setattr(D, "FIT_MAX", 300)
    found = discover(demo_comments, seed=0, n_jobs=1)
    p, ids = found.proposals, found.member_ids()
    assert len(p) >= 3 and found.considered == whole.considered
    assert found.unassigned / found.considered < 0.25
    assert sum(found.unassigned_why.values()) == found.unassigned
    assert all(ids.count(pid) == size for pid, size in zip(p["id"], p["size"]))
    assert set(p["label"]) & set(whole.proposals["label"])  # the same main topics
    shuffled = list(demo_comments)
    random.Random(5).shuffle(shuffled)
    assert p[["label", "size"]].equals(discover(shuffled, seed=0, n_jobs=1).proposals[["label", "size"]])


def test_clusters_named_alike_are_one_theme_and_a_cluster_no_phrase_names_is_none(demo_comments, monkeypatch):
    from insight.themes import discover as D

    real, seen = D.label_clusters, {}

    def second_named_like_first_third_unnamed(*args):
        named = real(*args)
        seen.update(named)
        first, second, third = sorted(named)[:3]
        return {**{c: n for c, n in named.items() if c != third}, second: named[first]}

    whole = discover(demo_comments, seed=0, n_jobs=1).proposals.set_index("label")["size"]
    monkeypatch.setattr(D, "label_clusters", second_named_like_first_third_unnamed)
    found = discover(demo_comments, seed=0, n_jobs=1)
    first, second, third = (seen[c] for c in sorted(seen)[:3])
    sizes = found.proposals.set_index("label")["size"]
    assert len(set(whole.index)) == len(whole) and len(set(sizes.index)) == len(sizes) == len(whole) - 2
    assert sizes[first] == whole[first] + whole[second] and second not in sizes and third not in sizes
    assert found.unassigned_why["no shared topic"] >= whole[third]
    assert sizes.sum() + found.unassigned == found.considered
    assert D._phrases("头发与头皮屑") == D._phrases("头皮屑与头发") == {"头发", "头皮屑"}
