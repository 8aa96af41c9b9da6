"""Codeframes: the shipped ones are complete; bad files give one error naming the line and field."""

from __future__ import annotations

import pytest

from insight.themes.codeframe import CodeframeError, load_codeframe, parse_codeframe, shipped_names


def test_shipped_codeframes():
    assert {"ecommerce", "restaurant", "airline", "core", "telecom", "software", "banking", "food_delivery",
            "hotel", "airport"} <= set(shipped_names())


@pytest.mark.parametrize("name", ["core", "telecom", "software", "banking", "food_delivery", "hotel", "airport"])
def test_core_and_packs_speak_every_language(name):
    cf = load_codeframe(name)
    assert cf.fallback == "general"
    for theme in cf.themes:
        assert set(theme.label) == {"en", "zh-Hans", "zh-Hant", "ru"}, theme.id
        if theme.parent is None:
            assert {lang for lang in ("en", "zh", "ru") if theme.pattern_count(lang)} == {"en", "zh", "ru"}, theme.id
    if name != "core":
        assert cf.base == f"core {load_codeframe('core').version}" and set(cf.domain_words) == {"en", "zh", "ru"}
        assert set(load_codeframe("core").ids) < set(cf.ids)


@pytest.mark.parametrize("name", shipped_names())
def test_a_glued_chinese_pattern_that_judges_has_a_value(name):
    # the segmenter keeps a pattern whole: 送餐快 is one token, and its 快 is not read on its own (a
    # one-character tail is not read as the token's comment: 信用卡 is a credit card, not 卡, stuck), so
    # the theme's own polarity words give it its value (not the lexicon: as a lexicon word it would be
    # glued in every survey, and 上菜速度快 would lose its 上菜速度)
    from insight.cli.codeframes import silent_judging_patterns

    assert silent_judging_patterns(load_codeframe(name)) == []


def test_validate_notes_a_glued_chinese_pattern_without_a_value(tmp_path, run_cli):
    from insight.cli.codeframes import silent_judging_patterns

    text = ("name: mine\nversion: '1'\nthemes:\n  - id: wait\n    label: {en: Wait}\n"
            "    patterns: {zh: [上菜慢, 上菜快], en: [wait]}\n    polarity: {zh: {上菜快: 1}}\n")
    path = tmp_path / "mine.yaml"
    path.write_text(text, encoding="utf-8")
    assert silent_judging_patterns(load_codeframe(path)) == [("wait", "上菜慢")]
    res = run_cli("codeframe", "validate", path)
    assert res.code == 0 and "上菜慢" in res.err and "上菜快" not in res.err


def test_the_core_has_the_cross_industry_themes():
    roots = load_codeframe("core").roots
    for tid in ("waiting", "cancellations", "staff", "reachability", "communication", "billing", "price",
                "reliability", "performance", "ease", "resolution", "contract", "quality", "premises", "general"):
        assert tid in roots


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
    assert load_codeframe("restaurant").roots == ["food", "service", "price", "ambience", "location", "general"]


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
    assert ok.code == 0 and "6 top-level themes" in ok.out
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


CONTEXT_CF = """
themes:
  - id: staff
    label: {en: Staff}
    patterns:
      en: [advisor, {pattern: service, near: [advisor, call, rude, helpful]}]
      zh: [{pattern: 服务, near: [客服, 电话]}]
  - id: installation
    label: {en: Installation}
    patterns:
      en: [{pattern: fitting, near: [engineer, appointment], not_near: [dress, size]}]
"""


def test_a_pattern_counts_only_with_its_context_words_in_the_clause():
    from insight.themes.tagger import RuleTagger

    result = RuleTagger(parse_codeframe(CONTEXT_CF, "cf.yaml")).tag(
        ["The service keeps dropping out", "I called and the service was rude", "客服电话服务很差", "服务很差",
         "The engineer botched the fitting", "The fitting of the dress is wrong, the engineer at the shop said so"])
    assert result.themes[0] == [] and result.themes[1] == ["staff"] and result.themes[2] == ["staff"]
    assert result.themes[3] == []  # 服务 without a contact word: the service itself, not the staff
    assert result.themes[4] == ["installation"]
    assert result.themes[5] == []  # "dress" in the clause excludes it


def test_context_patterns_are_validated_and_shown(tmp_path, run_cli):
    cf = parse_codeframe(CONTEXT_CF, "cf.yaml")
    assert cf["staff"].pattern_count("en") == 2
    assert cf["installation"].context["en"][0].describe() == "fitting (near: engineer, appointment; not near: dress, size)"
    path = tmp_path / "cf.yaml"
    path.write_text(CONTEXT_CF, encoding="utf-8")
    shown = run_cli("codeframe", "show", str(path))
    assert shown.code == 0 and "fitting (near: engineer, appointment; not near: dress, size)" in shown.out


@pytest.mark.parametrize(
    "patterns,message",
    [("{en: [{pattern: service}]}", "has no context words"),
     ("{en: [{near: [x]}]}", "needs 'pattern'"),
     ("{en: [{pattern: service, close: [x]}]}", "unknown field 'close'")],
)
def test_bad_context_patterns_name_the_line(patterns, message):
    with pytest.raises(CodeframeError, match=message):
        parse_codeframe("themes:\n" + GOOD_THEME + f"    patterns: {patterns}\n", "cf.yaml")
    with pytest.raises(CodeframeError, match="belong in 'patterns'"):
        parse_codeframe("themes:\n" + GOOD_THEME + "    exclude: {en: [{pattern: x, near: [y]}]}\n", "cf.yaml")


def test_a_pack_builds_on_its_base_and_extends_its_themes(tmp_path):
    (tmp_path / "base.yaml").write_text(
        "name: base\nversion: '3'\nthemes:\n  - id: waiting\n    label: {en: Waiting, ru: Ожидание}\n"
        "    patterns: {en: [wait]}\n  - id: price\n    label: {en: Price}\n    patterns: {en: [price]}\n",
        encoding="utf-8")
    pack = tmp_path / "pack.yaml"
    pack.write_text(
        "name: food\nversion: '1'\nbase: base.yaml\nextend:\n  - id: waiting\n    label: {en: Delivery time}\n"
        "    patterns: {en: [delivery time]}\nthemes:\n  - id: taste\n    label: {en: Taste}\n    patterns: {en: [taste]}\n"
        "  - id: taste.salt\n    parent: taste\n    label: {en: Salt}\n  - id: price.delivery_fee\n    parent: price\n"
        "    label: {en: Delivery fee}\n", encoding="utf-8")
    cf = load_codeframe(str(pack))
    assert cf.ids == ["waiting", "price", "taste", "taste.salt", "price.delivery_fee"]
    assert cf.base == "base 3" and cf.title == "food 1 (on base 3)"
    assert cf["waiting"].label == {"en": "Delivery time", "ru": "Ожидание"}
    assert cf["waiting"].patterns["en"] == ("wait", "delivery time")
    assert cf.top_level("price.delivery_fee") == "price"


def test_an_extended_fallback_theme_stays_the_fallback():
    # extending the base's fallback theme with polarity words made a codeframe with no fallback at all (session 31)
    cf = parse_codeframe("name: p\nbase: core\nextend:\n  - id: general\n    polarity: {zh: {一般: -1}}\n"
                         "themes:\n" + GOOD_THEME, "pack.yaml")
    assert cf.fallback == "general" and cf["general"].polarity["zh"]["一般"] == -1
    assert cf["general"].patterns == load_codeframe("core")["general"].patterns


@pytest.mark.parametrize(
    "body,message",
    [("base: nowhere\nthemes:\n" + GOOD_THEME, "base 'nowhere': no shipped codeframe"),
     ("extend:\n  - id: x\nthemes:\n" + GOOD_THEME, "name one with 'base'"),
     ("base: core\nextend:\n  - id: no_such_theme\nthemes:\n" + GOOD_THEME, "base 'core' has no theme 'no_such_theme'"),
     ("base: core\nthemes:\n  - id: price\n    label: {en: P}\n", "a theme of the base 'core'; add to it with 'extend'"),
     ("base: core\nextend:\n  - id: price\n    parent: staff\nthemes:\n" + GOOD_THEME, "unknown field 'parent'")],
)
def test_bad_packs_name_the_line(body, message):
    with pytest.raises(CodeframeError, match=message):
        parse_codeframe(body, "pack.yaml")


def test_help_lists_every_shipped_codeframe(run_cli):
    # `report --help` listed two codeframes (issue 22, item 5): the list comes from the package
    import re

    from insight.themes.codeframe import shipped_names

    for command in ("report", "tag", "discover"):
        text = " ".join(run_cli(command, "--help").out.split())
        listed = re.search(r"shipped codeframe \(([^)]*)\)", text).group(1).split(", ")
        assert listed == shipped_names() and len(listed) >= 8
