"""Codeframes: the shipped ones are complete; bad files give one error naming the line and field."""

from __future__ import annotations

import pytest

from insight.themes.codeframe import CodeframeError, load_codeframe, parse_codeframe, shipped_names


def test_shipped_codeframes():
    assert {"ecommerce", "restaurant", "airline"} <= set(shipped_names())


def test_ecommerce_codeframe_covers_the_service_nps_themes_in_three_languages():
    cf = load_codeframe("ecommerce")
    assert cf is not None and cf.name == "ecommerce"
    roots = cf.roots
    assert len(roots) >= 12
    for expected in ("delivery", "customer_service", "price", "product_quality", "range_stock", "website_app",
                     "payment_checkout", "returns_refunds", "communication", "packaging", "loyalty"):
        assert expected in roots
    for sub in ("delivery.speed", "delivery.damage", "delivery.tracking", "delivery.courier",
                "customer_service.reachability", "customer_service.attitude", "customer_service.resolution",
                "price.fees", "price.discounts", "product_quality.defects", "product_quality.durability",
                "product_quality.fit_size", "website_app.usability", "website_app.bugs", "website_app.crashes"):
        assert cf[sub].parent == sub.split(".")[0]
    for tid in roots:
        theme = cf[tid]
        assert set(theme.patterns) == {"en", "zh", "ru"}, tid
        assert set(theme.label) == {"en", "zh-Hans", "zh-Hant", "ru"}, tid


def test_restaurant_codeframe_top_level_ids():
    assert load_codeframe("restaurant").roots == ["food", "service", "price", "ambience", "location"]


def test_airline_codeframe_has_the_rated_aspects():
    roots = load_codeframe("airline").roots
    for tid in ("seat_comfort", "cabin_staff", "food_beverages", "inflight_entertainment", "ground_service", "wifi",
                "value_money"):
        assert tid in roots


def test_default_is_ecommerce_and_paths_load(tmp_path):
    assert load_codeframe(None).name == "ecommerce"
    path = tmp_path / "mine.yaml"
    path.write_text("themes:\n  - id: wifi\n    label: {en: Wi-Fi}\n    patterns: {en: [wifi]}\n", encoding="utf-8")
    cf = load_codeframe(str(path))
    assert cf.ids == ["wifi"] and cf.name == "mine"


GOOD_THEME = "  - id: a\n    label: {en: A}\n"


@pytest.mark.parametrize(
    "text,message",
    [("themes:\n  - id: a\n    label: {en: A\n", "YAML syntax error"),
     ("themes:\n" + GOOD_THEME + "    patterns: {fr: [bonjour]}\n", ":4: theme 'a' patterns: unknown language key 'fr'"),
     ("themes:\n" + GOOD_THEME + GOOD_THEME, ":4: duplicate theme id 'a' (first defined at line 2)"),
     ("themes:\n  - id: a\n    parent: b\n    label: {en: A}\n  - id: b\n    parent: a\n    label: {en: B}\n",
      "parent cycle a -> b -> a"),
     ("themes:\n  - id: a\n    parent: zzz\n    label: {en: A}\n", ":2: theme 'a': unknown parent 'zzz'"),
     ("themes:\n  - id: a\n    patterns: {en: [x]}\n", ":2: theme 'a': missing 'label'"),
     ("themes:\n  - id: a\n    label: {ru: А}\n", ":3: theme 'a': label needs at least 'en'"),
     ("themes:\n  - label: {en: A}\n", ":2: theme without an 'id'"),
     ("themes:\n" + GOOD_THEME + "    colour: red\n", ":4: theme 'a': unknown field 'colour'"),
     ("themes: []\n", "'themes' must be a non-empty list"),
     ("name: x\n", "missing field 'themes'"),
     ("", "the codeframe is empty"),
     ("themes:\n" + GOOD_THEME + "    polarity: {en: {late: very}}\n", "expected a number")],
)
def test_invalid_codeframes_name_the_line_and_field(text, message):
    with pytest.raises(CodeframeError) as exc:
        parse_codeframe(text, "cf.yaml")
    assert str(exc.value).startswith("cf.yaml")
    assert message in str(exc.value)


def test_validate_command(tmp_path, run_cli):
    ok = run_cli("codeframe", "validate", "restaurant")
    assert ok.code == 0 and "5 top-level themes" in ok.out
    bad = tmp_path / "bad.yaml"
    bad.write_text("themes:\n" + GOOD_THEME + GOOD_THEME, encoding="utf-8")
    res = run_cli("codeframe", "validate", bad)
    assert res.code == 2
    assert res.err.strip() == f"insight: error: {bad}:4: duplicate theme id 'a' (first defined at line 2)"
    assert run_cli("codeframe", "validate", tmp_path / "missing.yaml").code == 2


def test_show_command_in_traditional_chinese(run_cli):
    res = run_cli("codeframe", "show", "ecommerce", "--lang", "zh-Hant")
    assert res.code == 0
    assert "物流配送" in res.out and "退換貨與退款" in res.out and "delivery.courier" in res.out
