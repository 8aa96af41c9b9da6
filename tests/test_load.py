"""Loading exports: formats, encodings, column detection, score and date parsing."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from insight.errors import ColumnError
from insight.load import load
from insight.load.columns import header_priority
from insight.load.values import parse_score

ROWS = [("r1", "2024-01-05", "10", "great"), ("r2", "2024-01-06", "3", "bad"), ("r3", "2024-02-01", "8", "ok")]


def write_csv(path, header, rows, encoding="utf-8", delimiter=",", newline="\n"):
    lines = [delimiter.join(header)] + [delimiter.join(r) for r in rows]
    path.write_bytes((newline.join(lines) + newline).encode(encoding))
    return path


@pytest.mark.parametrize(
    "raw,expected",
    [("9", 9), ("9.0", 9), ("09", 9), (" 10 ", 10), ("10 - Extremely likely", 10), ("0: Not at all likely", 0),
     ("９", 9), ("１０", 10), ("9/10", 9), ("7 分", 7), ("8 баллов", 8), (9, 9), (9.0, 9), ("0", 0),
     # the label first (issue 22, item 2: these rows, all 0s and 10s, were quarantined)
     ("Extremely likely - 10", 10), ("Not at all likely - 0", 0), ("10 = Extremely likely", 10), ("极有可能 10", 10),
     ("10 — обязательно порекомендую", 10), ("Very likely (9)", 9), ("极不可能 0分", 0), ("Оценка: 8 баллов", 8),
     ("9/10 - great", 9)],
)
def test_scores_exports_write_are_read(raw, expected):
    assert parse_score(raw) == (expected, None)


@pytest.mark.parametrize(
    "raw,reason",
    [("", "missing score"), (None, "missing score"), ("11", "outside 0-10"), ("-1", "outside 0-10"),
     ("7.5", "not a whole number"), ("ten", "not a number"), (7.5, "not a whole number"), (True, "true/false"),
     ("9 or 10", "not a number"), ("1e1", "not a number"), (float("nan"), "missing score"),
     ("9 10", "not a number"), ("Likely - 7.5", "not a whole number"), ("NPS 11", "outside 0-10"),
     # a range is no score: "7-8" was read as 7
     ("7-8", "holds more than one number"), ("9 - 10", "holds more than one number")],
)
def test_other_scores_are_quarantined_with_a_reason(raw, reason):
    score, why = parse_score(raw)
    assert score is None and reason in why


@pytest.mark.parametrize(
    "header,role",
    [("NPS", "score"), ("Score", "score"), ("How likely are you to recommend us to a friend?", "score"),
     ("Q1 - How likely is it that you would recommend Acme to a friend or colleague?", "score"),
     ("您向朋友推荐我们的可能性有多大？", "score"), ("推荐意愿", "score"), ("评分", "score"), ("分数", "score"),
     ("評分", "score"), ("Оценка", "score"), ("Насколько вероятно, что вы порекомендуете нас друзьям?", "score"),
     ("Comment", "comment"), ("What is the main reason for your score?", "comment"), ("评论", "comment"),
     ("原因", "comment"), ("Комментарий", "comment"), ("Почему вы поставили такую оценку?", "comment"),
     ("Submitted At", "date"), ("提交时间", "date"), ("Дата", "date"), ("Response ID", "id"), ("编号", "id")],
)
def test_headers_in_three_languages_are_recognised(header, role):
    assert header_priority(role, header) >= 2


def test_csv_columns_are_detected(tmp_path):
    p = write_csv(tmp_path / "a.csv", ["Response ID", "Date", "NPS", "Comment", "Channel"],
                  [r + ("web",) for r in ROWS])
    s = load(p, segments=["channel"])
    assert s.info.columns.as_dict() == {"score": "NPS", "comment": "Comment", "date": "Date", "id": "Response ID",
                                        "questions": []}
    assert s.responses["score"].tolist() == [10, 3, 8]
    assert s.responses["category"].tolist() == ["promoter", "detractor", "passive"]
    assert s.responses["response_id"].tolist() == ["r1", "r2", "r3"]
    assert s.responses["submitted_at"].tolist() == list(pd.to_datetime(["2024-01-05", "2024-01-06", "2024-02-01"]))
    assert s.responses["Channel"].tolist() == ["web"] * 3


def test_chinese_and_russian_headers(tmp_path):
    p = write_csv(tmp_path / "zh.csv", ["编号", "提交时间", "推荐可能性", "原因"], ROWS)
    assert load(p).info.columns.as_dict() == {"score": "推荐可能性", "comment": "原因", "date": "提交时间", "id": "编号",
                                            "questions": []}
    p = write_csv(tmp_path / "ru.csv", ["Номер", "Дата", "Оценка", "Комментарий"], ROWS)
    assert load(p).info.columns.as_dict() == {"score": "Оценка", "comment": "Комментарий", "date": "Дата", "id": "Номер",
                                                "questions": []}


def test_a_file_of_comments_alone_loads_when_no_score_is_required(tmp_path):
    p = tmp_path / "c.csv"
    p.write_text("Отзыв,Дата\nдоставка быстрая,2024-01-05\nкурьер грубый,2024-01-06\n", encoding="utf-8")
    with pytest.raises(ColumnError, match="no score column found"):
        load(p)
    s = load(p, score_required=False)
    assert s.info.columns.as_dict() == {"score": None, "comment": "Отзыв", "date": "Дата", "id": None,
                                        "questions": []}
    assert s.responses["comment"].tolist() == ["доставка быстрая", "курьер грубый"]
    assert s.responses["score"].isna().all() and s.responses["category"].isna().all()
    assert any("no score column" in note for note in s.info.notes) and s.info.rows_quarantined == 0
    # one column under any header is the comment; two unrecognised columns need a name
    one = tmp_path / "one.csv"
    one.write_text("Spalte\nschnelle Lieferung\n", encoding="utf-8")
    assert load(one, score_required=False).info.columns.comment == "Spalte"
    # a file of one column: an unquoted comma inside a comment is text (it was taken for a
    # delimiter, that line for the header row, and the load failed)
    lines = tmp_path / "lines.csv"
    lines.write_text("comment\nThe app crashes\nДоставка быстрая, спасибо\n送货太慢了\n", encoding="utf-8")
    s = load(lines, score_required=False)
    assert s.responses["comment"].tolist() == ["The app crashes", "Доставка быстрая, спасибо", "送货太慢了"]
    assert s.info.rows_quarantined == 0 and s.info.delimiter is None
    two = tmp_path / "two.csv"
    two.write_text("a,b\nx,y\n", encoding="utf-8")
    with pytest.raises(ColumnError, match="neither a score nor a comment column"):
        load(two, score_required=False)
    assert load(two, comment="b", score_required=False).responses["comment"].tolist() == ["y"]
    # a score column, when there is one, is read as always
    scored = write_csv(tmp_path / "s.csv", ["Response ID", "Date", "NPS", "Comment"], ROWS)
    assert load(scored, score_required=False).responses["score"].tolist() == [10, 3, 8]


def test_named_columns_override_detection(tmp_path):
    p = write_csv(tmp_path / "a.csv", ["a", "b", "c", "d"], ROWS)
    s = load(p, score="c", comment="d", date="b", id="a")
    assert s.responses["score"].tolist() == [10, 3, 8]
    with pytest.raises(ColumnError, match="'zzz' is not a column"):
        load(p, score="zzz")


def test_missing_ids_get_stable_distinct_hashes(tmp_path):
    p = write_csv(tmp_path / "a.csv", ["score", "comment"], [("9", "same"), ("9", "same"), ("3", "other")])
    first = load(p).responses["response_id"].tolist()
    assert len(set(first)) == 3
    assert first == load(p).responses["response_id"].tolist()


@pytest.mark.parametrize(
    "ids,scored,repeated",
    [(["a1", "a2", "a3", "a4"], 4, None),  # in order: proven distinct without hashing
     (["a1", "a2", "a2", "a4"], 3, "a2"),  # in order but repeated
     (["a1", " a2", "a3", "a2 "], 3, "a2"),  # padded ids are trimmed before they are compared
     (["a4", "a3", "a1", "a3"], 3, "a3"),  # out of order
     (["a1", "a2", "", "a4"], 4, None)],  # a missing id is generated, not a repeat
)
def test_response_ids_are_trimmed_and_repeats_quarantined(tmp_path, ids, scored, repeated):
    rows = [(i, "2024-01-05", "9", "fine") for i in ids]
    survey = load(write_csv(tmp_path / "a.csv", ["id", "date", "score", "comment"], rows))
    assert survey.info.rows_scored == scored
    got = survey.responses["response_id"].tolist()
    assert len(set(got)) == len(got) and all(g == g.strip() and g for g in got)
    if repeated:
        assert survey.quarantine["reason"].tolist() == [f"duplicate response id {repeated!r} (first seen in data row 2)"]


def test_segment_values_are_stripped_categories_with_missing_marked(tmp_path):
    rows = [(f"r{i}", "2024-01-05", "9", "ok", seg) for i, seg in enumerate(["web", " app", "", "web", "store "])]
    survey = load(write_csv(tmp_path / "a.csv", ["id", "date", "score", "comment", "channel"], rows), segments=["channel"])
    channel = survey.responses["channel"]
    assert channel.tolist() == ["web", "app", "(missing)", "web", "store"]
    assert list(channel.cat.categories) == ["(missing)", "app", "store", "web"]


@pytest.mark.parametrize(
    "values,expected",
    [(["2024-03-05", "2024-03-06"], ["2024-03-05", "2024-03-06"]),
     (["2024-03-05T10:00:00Z", "2024-03-05T12:00:00+02:00"], ["2024-03-05 10:00", "2024-03-05 10:00"]),
     (["2024-03-05 10:00:00", "2024-03-05T12:00:00+02:00", " 2024-03-06 "], ["2024-03-05 10:00", "2024-03-05 10:00", "2024-03-06"]),
     (["03/05/2024", "12/31/2024"], ["2024-03-05", "2024-12-31"]),
     (["31/12/2024", "05/03/2024"], ["2024-12-31", "2024-03-05"]),
     (["05.03.2024", "31.12.2024 10:30"], ["2024-03-05", "2024-12-31 10:30"]),
     (["2024年3月5日", "2024/3/6"], ["2024-03-05", "2024-03-06"]),
     (["3/5/2024 2:30 PM", "3/6/2024 9:15 AM"], ["2024-03-05 14:30", "2024-03-06 09:15"]),
     (["Mar 5, 2024", "5 March 2024"], ["2024-03-05", "2024-03-05"])],
)
def test_dates_in_common_export_formats(tmp_path, values, expected):
    rows = [(f"r{i}", v, "9", "x") for i, v in enumerate(values)]
    p = tmp_path / "d.csv"
    pd.DataFrame(rows, columns=["id", "date", "score", "comment"]).to_csv(p, index=False)
    s = load(p)
    assert s.info.rows_quarantined == 0
    assert s.responses["submitted_at"].tolist() == list(pd.to_datetime(expected, format="ISO8601"))


@pytest.mark.parametrize("ext", ["xlsx", "parquet", "jsonl", "tsv"])
def test_other_formats(tmp_path, ext):
    frame = pd.DataFrame(ROWS, columns=["Response ID", "Date", "Score", "Comment"])
    p = tmp_path / f"a.{ext}"
    if ext == "xlsx":
        frame.to_excel(p, index=False)
    elif ext == "parquet":
        frame.assign(Score=frame["Score"].astype(int)).to_parquet(p)
    elif ext == "jsonl":
        p.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in frame.to_dict("records")), encoding="utf-8")
    else:
        frame.to_csv(p, sep="\t", index=False)
    s = load(p)
    assert s.info.format == {"tsv": "csv"}.get(ext, ext)
    assert s.responses["score"].tolist() == [10, 3, 8]
    assert s.responses["comment"].tolist() == ["great", "bad", "ok"]


def test_excel_native_numbers_and_dates(tmp_path):
    frame = pd.DataFrame({"Score": [9.0, 7.5, 10], "Date": pd.to_datetime(["2024-01-01", "2024-01-02", "2024-01-03"])})
    p = tmp_path / "a.xlsx"
    frame.to_excel(p, index=False)
    s = load(p)
    assert s.responses["score"].tolist() == [9, 10]
    assert s.quarantine["reason"].tolist() == ["score 7.5 is not a whole number"]
    assert s.responses["submitted_at"].tolist() == list(pd.to_datetime(["2024-01-01", "2024-01-03"]))


def test_quarantine_can_be_written_and_is_spreadsheet_safe(tmp_path):
    p = write_csv(tmp_path / "a.csv", ["score", "comment"], [("=1+1", "=HYPERLINK(\"x\")"), ("9", "fine")])
    s = load(p)
    out = tmp_path / "q.csv"
    s.write_quarantine(out)
    q = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert q["score"].tolist() == ["'=1+1"]
    assert q["comment"].tolist() == ["'=HYPERLINK(\"x\")"]
    assert "not a number" in q["reason"][0]


def test_a_five_point_rating_is_flagged(tmp_path):
    p = tmp_path / "r.csv"
    p.write_text("rating,comment\n" + "".join(f"{1 + i % 5},x\n" for i in range(40)), encoding="utf-8")
    notes = load(p).info.notes
    assert any("1-5 rating" in n for n in notes)


def test_a_yes_no_score_is_flagged_with_its_scale(tmp_path):
    p = tmp_path / "r.csv"
    p.write_text("recommend,comment\n" + "".join(f"{i % 2},x\n" for i in range(40)), encoding="utf-8")
    notes = load(p, score="recommend").info.notes
    assert any("only 0 and 1" in n and "yes/no" in n for n in notes), notes
    assert not any("1-5 rating" in n for n in notes)


def test_column_names_match_whatever_their_case_and_spacing(tmp_path, run_cli):
    # --by survey_sub_type against SURVEY_SUB_TYPE failed listing internal names; "customer type"
    # against "Customer  Type" found no column
    p = tmp_path / "s.csv"
    rows = "".join(f"{i},{i % 11},ok,{'AB'[i % 2]},{['new', 'returning'][i % 2]}\n" for i in range(40))
    p.write_text("ID,SCORE,COMMENT,SURVEY_SUB_TYPE,Customer  Type\n" + rows, encoding="utf-8")
    res = run_cli("score", p, "--by", "survey_sub_type", "--by", "customer type", "--json")
    assert res.code == 0, res.err
    columns = {row["column"] for row in json.loads(res.out)["by_segment"]}
    assert columns == {"SURVEY_SUB_TYPE", "Customer  Type"}
    res = run_cli("score", p, "--by", "nope")
    assert res.code == 2 and "'SURVEY_SUB_TYPE'" in res.err and "'response_id'" not in res.err


def test_the_library_reads_segment_names_as_the_cli_does(tmp_path):
    import insight

    p = tmp_path / "s.csv"
    p.write_text("score,comment,Sales Channel\n" + "".join(f"{i % 11},ok,{'web' if i % 3 else 'app'}\n"
                                                           for i in range(60)), encoding="utf-8")
    survey = load(p, segments=["sales_channel"])
    out = insight.summarize(survey.responses, by=["SALES CHANNEL"])
    assert {row["column"] for row in out["by_segment"]} == {"Sales Channel"}
    with pytest.raises(ColumnError, match="'Sales Channel'"):
        insight.summarize(survey.responses, by=["region"])


def test_a_quarantine_that_moves_the_nps_is_warned_with_its_values(tmp_path, run_cli):
    # 23 of 120 rows, all 0s and 10s written label first, were quarantined with only "quarantined 23"
    # said (issue 22, item 2): such a quarantine is named, with its values, on the terminal and in the report
    p = tmp_path / "s.csv"
    rows = [f"{i},{'Top box ten' if i % 8 == 0 else 'Bottom box zero' if i % 8 == 4 else i % 11},c{i}" for i in range(200)]
    p.write_text("id,score,comment\n" + "\n".join(rows) + "\n", encoding="utf-8")
    info = load(p).info
    warning = info.quarantine_warning
    assert warning["rows"] == 50 and warning["of"] == 200
    assert warning["values"] == [["Bottom box zero", 25], ["Top box ten", 25]]
    res = run_cli("report", p, "-o", tmp_path / "r.html", "--lang", "zh-Hans")
    assert res.code == 0 and "warning: 50 of 200 rows (25.0%) are quarantined" in res.err
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    box = html[html.index('id="quarantine-warning"'):]
    assert "200 行中有 50 行" in box[:300] and "«Top box ten» (25)" in box[:600]


def test_a_small_scattered_quarantine_is_no_warning(tmp_path):
    p = tmp_path / "s.csv"
    bad = {5: "x", 50: "", 90: "11", 130: "7.5", 170: "n/a"}
    rows = [f"{i},{bad.get(i, i % 11)},c{i}" for i in range(200)]
    p.write_text("id,score,comment\n" + "\n".join(rows) + "\n", encoding="utf-8")
    info = load(p).info
    assert info.rows_quarantined == 5 and info.quarantine_warning is None


def test_a_quarantine_of_malformed_rows_alone_is_warned(tmp_path):
    # the rows that do not fit the header have no values: the warning read their empty score column
    # (floats) as text and crashed every command
    p = tmp_path / "s.csv"
    rows = [f"{i},{i % 11},{'a, b' if i % 3 == 0 else 'ok'}" for i in range(60)]
    p.write_text("id,score,comment\n" + "\n".join(rows) + "\n", encoding="utf-8")
    info = load(p).info
    assert info.rows_quarantined == 20 and info.quarantine_warning["rows"] == 20
    assert info.quarantine_warning["values"] == []
