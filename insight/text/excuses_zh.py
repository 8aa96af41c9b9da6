"""Chinese excuses read by :func:`insight.text.excuses.excused` that are no excuse word's: a cause outside the
company's hands told as the cause (疫情期间航班取消了, 因为下雨，晚了半小时), an obstacle the staff overcame (楼道很窄，他们硬是…),
an apology made at once after the slip it answers (晚了十几分钟，小哥一直道歉); and where a concession stands (理解 a clause alone,
不计较)."""

from __future__ import annotations

from collections.abc import Sequence

from insight.text.bygones import CLAUSE_END as _CLAUSE_END, SENTENCE_END as _SENTENCE_END, clause_start

# Chinese: a cause outside the company's hands, told as the cause (因为下雨, 疫情期间, 天气原因, 受台风影响)
_ZH_CAUSES = frozenset({"疫情", "台风", "暴雨", "大雪", "暴雪", "大雾", "雷雨", "下雪", "下大雨", "下雨", "天气", "雨天",
                        "雪天", "大雨"})
_ZH_BECAUSE = frozenset({"因为", "由于", "受", "因"})
_ZH_CAUSE_TAILS = frozenset({("期间",), ("原因",), ("影响",), ("关系",), ("的", "原因"), ("的", "影响"), ("的", "关系")})
_ZH_SAID = frozenset({"说", "称", "解释", "借口", "理由"})  # the company's own excuse, reported (骑手说因为下雨…)
_ZH_BUT = frozenset({"但", "但是", "可是", "不过", "然而", "也", "还", "就"})
# an apology made at once, after the slip it answers (晚了十几分钟，小哥一直道歉: the customer tells it as made good)
ZH_APOLOGY = frozenset({"道歉", "赔礼道歉", "道歉了", "赔不是"})
_ZH_EARNEST = frozenset({"一直", "连连", "连声", "主动", "赶紧", "马上", "立刻", "不停", "一个劲", "再三", "诚恳", "很",
                         "非常", "特别", "连忙", "就"})  # (一进门就道歉)
_ZH_HOLLOW = frozenset({"有什么用", "没用", "也没用", "有用", "都没有", "也没有", "没有", "都没"})
_ZH_NOT = frozenset({"不", "没", "没有", "也没", "都没"})
ZH_LET_PASS = frozenset({"不", "不想", "没"})  # 计较 after them: the customer lets it pass (就不计较了)


def zh_alone(lemmas: Sequence[str], i: int) -> bool:
    """Whether the Chinese concession at ``i`` (理解, 接受, ...) ends its clause: "…，还送了小菜，理解。" (its start is asked
    where it is read: :func:`insight.text.excuses.excused`)."""
    return i + 1 == len(lemmas) or lemmas[i + 1] in _CLAUSE_END or (
        lemmas[i + 1] in ("了", "啦") and (i + 2 == len(lemmas) or lemmas[i + 2] in _CLAUSE_END))


def zh_caused(lemmas: Sequence[str]) -> set[int]:
    """The positions a Chinese cause outside the company's hands, or an obstacle overcome, covers (see the module)."""
    covered = _caused(lemmas) if not _ZH_CAUSES.isdisjoint(lemmas) else set()
    return covered | _overcome(lemmas) if "硬是" in lemmas else covered


def apology_head(lemmas: Sequence[str], i: int) -> int:
    """Where the apology at ``i`` begins when it answers the slip before it (一直道歉, 连连道歉), else -1 (道歉有什么用,
    一句道歉都没有, 也没道歉)."""
    if not i or lemmas[i - 1] not in _ZH_EARNEST or not _ZH_NOT.isdisjoint(lemmas[max(0, i - 3):i]) \
            or not _ZH_HOLLOW.isdisjoint(lemmas[i + 1:i + 4]):
        return -1
    return i - 1


def _caused(lemmas: Sequence[str]) -> set[int]:
    """The Chinese clause that a cause outside the company's hands opens, told as the cause (疫情期间航班取消了, 因为下雨，
    晚了半小时, 受台风影响延误了; not 下雨天还准时送到, 下雨的时候送得很慢, 骑手说因为下雨所以晚了, 虽然下雨，但是晚了一个半小时
    也太离谱了): from the cause to its clause's end, and the next clause too when the cause's own holds nothing else
    (因为下雨，晚了半小时)."""
    covered: set[int] = set()
    for i in [i for i, w in enumerate(lemmas) if w in _ZH_CAUSES]:
        if not ((i and lemmas[i - 1] in _ZH_BECAUSE)
                or (i >= 2 and lemmas[i - 1] == "下" and lemmas[i - 2] in _ZH_BECAUSE)  # (因为 / 下 / 大雨)
                or tuple(lemmas[i + 1:i + 2]) in _ZH_CAUSE_TAILS
                or tuple(lemmas[i + 1:i + 3]) in _ZH_CAUSE_TAILS) or not _ZH_SAID.isdisjoint(lemmas[max(0, i - 4):i]):
            continue
        end = next((k for k in range(i + 1, len(lemmas)) if lemmas[k] in _CLAUSE_END), len(lemmas))
        if end - i <= 2 and end < len(lemmas) and lemmas[end] not in _SENTENCE_END \
                and lemmas[end + 1:end + 2] and lemmas[end + 1] not in _ZH_BUT:
            end = next((k for k in range(end + 1, len(lemmas)) if lemmas[k] in _CLAUSE_END), len(lemmas))
        covered.update(range(i, end))
    return covered


def _overcome(lemmas: Sequence[str]) -> set[int]:
    """The Chinese clause before one that opens with 硬是 (managed all the same): an obstacle the staff overcame
    (楼道很窄，他们硬是把大衣柜抬上了六楼)."""
    covered: set[int] = set()
    for i in [i for i, w in enumerate(lemmas) if w == "硬是"]:
        start = clause_start(lemmas, i)
        if start and i - start <= 2 and lemmas[start - 1] not in _SENTENCE_END:
            covered.update(range(clause_start(lemmas, start - 1), start))
    return covered
