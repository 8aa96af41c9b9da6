"""Find the score, comment, date and id columns from header names in English, Chinese and Russian."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from insight.errors import ColumnError

ROLES = ("score", "comment", "date", "id")

# (priority, pattern) per role, matched against the normalised header (NFKC, case-folded,
# whitespace collapsed, leading question numbers like "Q3 - " removed). Higher priority wins;
# equal priority is settled by the column's content, and if that cannot settle it the columns
# are ambiguous and the user is asked to name one.
_PATTERNS: dict[str, list[tuple[int, str]]] = {
    "score": [
        (3, r"(nps|net promoter( score)?|score|rating|ltr|likelihood to recommend|recommend score|nps score|nps rating)"),
        (3, r".*how likely.*recommend.*"),
        (3, r".*(likelihood|likely|willing).*recommend.*"),
        (3, r".*(推荐|推薦).*(可能|意愿|意願|程度|分|打分).*"),
        (3, r".*(可能|意愿|意願).*(推荐|推薦).*"),
        (3, r"(nps|推荐值|推薦值|净推荐值|淨推薦值|评分|評分|分数|分數|打分|得分|推荐分|推薦分)"),
        (3, r".*насколько (вероятно|вы готовы|охотно).*(рекоменд|посовет).*"),
        (3, r"(оценка|балл|nps оценка|оценка nps|индекс nps)"),
        (2, r".*\b(nps|score|rating)\b.*"),
        (2, r".*(评分|評分|分数|分數|打分|推荐|推薦).*"),
        (2, r".*(оценк|балл|рекоменд).*"),
    ],
    "comment": [
        (3, r"(comments?|feedback|verbatim|text|reason|why|open[ -]?ended( response)?|response text|review|remarks?)"),
        (3, r"(评论|評論|意见|意見|原因|反馈|反饋|留言|建议|建議|备注|備註|评价|評價|理由)"),
        (3, r"(комментари[йи]|отзыв|причина|почему|пояснение|текст|мнение)"),
        (2, r".*\b(why|reason|comment|comments|feedback|tell us|explain|main reason|verbatim)\b.*"),
        (2, r".*(原因|为什么|為什麼|意见|意見|评论|評論|反馈|反饋|建议|建議|理由).*"),
        (2, r".*(почему|причин|комментар|отзыв|поясн).*"),
        # a survey's other open questions: "What should we improve?", "Anything else?"
        (2, r".*\b(improve|improvement|better|suggestions?|anything else|other comments?|what (else|could|would|should))\b.*"),
        (2, r".*(改进|改進|改善|提高|还有什么|還有什麼|其他意见|其他意見|希望).*"),
        (2, r".*(улучш|что (еще|ещё|бы)|пожелани|предложени).*"),
    ],
    "date": [
        (3, r"(submitted( at| on| date)?|submission date|completed( at| on| date)?|end date|date submitted|response date|survey date|timestamp|date ?time|created( at| on)?|date)"),
        (3, r"(提交时间|提交時間|提交日期|日期|时间|時間|完成时间|完成時間|填写时间|填寫時間|创建时间|建立時間)"),
        (3, r"(дата|время|дата ответа|дата отправки|дата заполнения|отправлено|создано)"),
        (2, r"(start date|started( at)?|start time|开始时间|開始時間|дата начала)"),
        (1, r".*\b(date|time|submitted|timestamp)\b.*"),
        (1, r".*(日期|时间|時間).*"),
        (1, r".*(дата|время).*"),
    ],
    "id": [
        (3, r"(response ?id|respondent ?id|record ?id|submission ?id|review ?id|feedback ?id|responseid|respondentid|id)"),
        (3, r"(编号|編號|序号|序號|答卷编号|答卷編號|id号|问卷编号|問卷編號)"),
        (3, r"(ид|id ответа|номер ответа|номер анкеты|номер)"),
        (1, r".*\b(response|respondent) ?(id|#|number)\b.*"),
    ],
}

_COMPILED = {role: [(p, re.compile(rx)) for p, rx in pats] for role, pats in _PATTERNS.items()}
_QUESTION_PREFIX = re.compile(r"^(q\d+[a-z]?|question \d+|\d+)\s*[-.:)、．。]\s*")


def normalize_header(name: object) -> str:
    """Normalise a header for matching: NFKC, case-folded, whitespace collapsed, question number dropped."""
    text = unicodedata.normalize("NFKC", str(name)).casefold()
    text = re.sub(r"[\s_]+", " ", text).strip(" *:?？：()[]")
    return _QUESTION_PREFIX.sub("", text).strip()


def header_priority(role: str, name: object) -> int:
    """Priority (0 = no match) with which header ``name`` looks like the column for ``role``."""
    norm = normalize_header(name)
    best = 0
    for priority, rx in _COMPILED[role]:
        if priority > best and rx.fullmatch(norm):
            best = priority
    return best


@dataclass(frozen=True)
class ColumnMap:
    """Which original column plays which role (``None`` when the file has none)."""

    score: str | None  # None only when loaded with score_required=False from a file without one
    comment: str | None  # the open question, or the first of several
    date: str | None
    id: str | None
    # every open question ("Why?", "What should we improve?"), in file order, when there are several:
    # their answers are read together (the responses' comment) and one by one
    questions: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, object]:
        return {"score": self.score, "comment": self.comment, "date": self.date, "id": self.id,
                "questions": list(self.questions)}


def column_named(given: str, columns: Sequence) -> object | None:
    """The column ``given`` names: itself, else the one whose header reads the same with case, spaces
    and underscores aside ("survey_sub_type" is "SURVEY_SUB_TYPE", "customer type" "Customer  Type")."""
    if given in columns:
        return given
    folded = {normalize_header(c): c for c in columns}
    return folded.get(normalize_header(given))


def _named(role: str, given: str, columns: Sequence[str]) -> str:
    found = column_named(given, columns)
    if found is not None:
        return found
    shown = ", ".join(repr(c) for c in columns[:20])
    raise ColumnError(f"--{role}-col {given!r} is not a column of the file (columns: {shown})")


def choose_columns(
    columns: Sequence[str],
    content_score: Callable[[str, str], float],
    score: str | None = None,
    comment: str | Sequence[str] | None = None,
    date: str | None = None,
    id: str | None = None,
    score_required: bool = True,
) -> ColumnMap:
    """Map roles to columns.

    Named columns are used as given. Otherwise each role takes the header with the highest
    priority; ``content_score(role, column)`` (0..1, how well the values fit the role) breaks ties
    and rules out headers whose content clearly does not fit. Two score columns that cannot be told
    apart raise :class:`ColumnError` naming both; so does a file without one, unless
    ``score_required`` is false (comments only: the comment column is then required).
    """
    named_questions = [comment] if isinstance(comment, str) else list(comment or ())
    given = {"score": score, "comment": named_questions[0] if named_questions else None, "date": date, "id": id}
    chosen: dict[str, str | None] = {}
    taken: set[str] = set()
    for role in ROLES:
        if given[role] is not None:
            chosen[role] = _named(role, given[role], columns)
            taken.add(chosen[role])
    for role in ROLES:
        if role in chosen:
            continue
        chosen[role] = _detect(role, [c for c in columns if c not in taken], content_score, columns, score_required)
        if chosen[role] is not None:
            taken.add(chosen[role])
    if chosen["score"] is None and chosen["comment"] is None:
        free = [c for c in columns if c not in taken]
        if len(free) != 1:
            raise ColumnError(f"neither a score nor a comment column found {_among(columns)}; name one with "
                              "--score-col or --comment-col")
        chosen["comment"] = free[0]  # a file of comments alone, under any header
    if len(named_questions) > 1:
        questions = [chosen["comment"], *(_named("comment", q, columns) for q in named_questions[1:])]
        twice = next((q for q in questions if questions.count(q) > 1), None)
        if twice is not None:
            raise ColumnError(f"--comment-col {twice!r} is named twice")
    elif chosen["comment"] is not None and not named_questions:
        others = [c for c in columns if c not in taken and header_priority("comment", c) >= 2
                  and content_score("question", c) >= 0.15]
        questions = [c for c in columns if c == chosen["comment"] or c in others]  # in file order
    else:
        questions = [chosen["comment"]] if chosen["comment"] is not None else []
    if len(questions) > 1:
        chosen["comment"] = questions[0]
    return ColumnMap(**chosen, questions=tuple(questions) if len(questions) > 1 else ())  # type: ignore[arg-type]


def _among(columns: Sequence[str]) -> str:
    """Where a column was looked for, for an error: "among 'a', 'b'", or "(the file has no columns)"."""
    if not columns:
        return "(the file has no columns)"
    return "among " + ", ".join(repr(c) for c in columns[:20]) + (", ..." if len(columns) > 20 else "")


# A candidate column must also hold fitting values -- except a score column with an exact name
# ("score", "NPS", "Оценка"), which is taken even when most of its values are bad: those rows go
# to the quarantine with reasons rather than the whole file being refused.
_MIN_FIT = {"score": 0.5, "comment": 0.0, "date": 0.5, "id": 0.0}


def _detect(
    role: str, columns: Sequence[str], content_score: Callable[[str, str], float], all_columns: Sequence[str],
    score_required: bool = True,
) -> str | None:
    ranked = []
    for col in columns:
        priority = header_priority(role, col)
        if priority:
            fit = content_score(role, col)
            if (role == "score" and priority >= 3) or fit >= _MIN_FIT[role] or fit != fit:  # nan = no values to judge by
                ranked.append((priority, 0.0 if fit != fit else fit, col))
    if not ranked:
        if role == "score" and score_required:
            raise ColumnError(f"no score column found {_among(all_columns)}; name it with --score-col "
                              "(comments without scores can be tagged and explored: insight tag, insight discover)")
        return None
    ranked.sort(key=lambda t: (-t[0], -t[1]))
    if role == "score" and len(ranked) > 1:
        (p1, f1, c1), (p2, f2, c2) = ranked[0], ranked[1]
        if p1 == p2 and abs(f1 - f2) < 0.2:
            raise ColumnError(
                f"ambiguous score column: both {c1!r} and {c2!r} look like 0-10 scores; name one with --score-col"
            )
    return ranked[0][2]


HEADER_MAX_CHARS = 150  # a longer cell is prose (a comment), not a column name


def header_row(records: Sequence[Sequence[object]], hints: Sequence[str] = ()) -> int:
    """Index of the header row among the first records of a sheet or file.

    Exports often put a title, a date line or a blank line above the header. The header is the row
    that holds the most of the columns the caller named (``hints``: --score-col, --text-col, ...),
    else the first row of short cells (a column name, not a comment) with a recognised score
    header, else the first row that is as wide as the data below it.
    """
    if not records:
        return 0
    targets = {normalize_header(h) for h in hints if h}
    if targets:
        held = [len(targets & {normalize_header(c) for c in rec if c is not None}) for rec in records]
        if max(held):
            return held.index(max(held))
    for i, rec in enumerate(records):
        cells = [c for c in rec if c is not None and str(c).strip()]
        if len(cells) >= 2 and all(len(str(c)) <= HEADER_MAX_CHARS for c in cells) \
                and any(header_priority("score", c) >= 3 for c in cells):
            return i
    widths = [sum(1 for c in rec if c is not None and str(c).strip()) for rec in records]
    full = max(widths)
    return next(i for i, w in enumerate(widths) if w == full)
