"""Chinese complaints that carry no sentiment word (see :mod:`insight.text.complaints`): 还没到, 没人理,
等了一个多小时才送到, 打了三次电话, 经常掉线, 太软, 没有想象中的好, 看不下去. :func:`zh_kind` gives each
token its cue kind once; :func:`chinese` reads a span's cues (what a claim or a note came out as: in
:mod:`insight.text.claims_zh`; what a dish came without: in :mod:`insight.text.dishes_zh`)."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from insight.text.complaint_cues import (
    ZH_ABSENT, ZH_ARRIVED, ZH_BAD_SMELLS, ZH_CANNOT_GO_ON, ZH_CLAUSE_ENDS, ZH_COMPARING, ZH_CONTACT, ZH_CONTENTS,
    ZH_DEGREES, ZH_DELIVERING, ZH_DIGITS, ZH_ELSEWHERE, ZH_EVENTS, ZH_FEW, ZH_FEW_PIECES, ZH_FILLERS, ZH_FLAVOURS, ZH_FREQUENT,
    ZH_GAPS, ZH_LATER, ZH_LITTLE, ZH_NEED, ZH_NEGATORS, ZH_NOBODY_EVENTS, ZH_NOTED, ZH_ODOURS, ZH_ODOUR_DEGREES,
    ZH_ONLY, ZH_OUTWEIGHS, ZH_PIECES, ZH_PROBLEM, ZH_QUICK, ZH_REPEAT, ZH_SAME, ZH_SEEN, ZH_SHOWN, ZH_STILL,
    ZH_STILL_NEGATED, ZH_THEN, ZH_UNITS, ZH_UNLIKE, ZH_WAITING, ZH_WORSE,
)
from insight.text.claims_zh import SENT_TO, claimed, ignored
from insight.text.disappointment import short_of_standard, zh_excess
from insight.text.dishes_zh import DISH_KINDS, dish_cue, so_called
from insight.text.lexicons import NEGATORS
from insight.text.nlp import lexicon


def _took_long(lemmas: Sequence[str], i: int, size: int) -> bool:
    """The unit at ``i`` (of ``size``) is hours or more that the delivery took: 送了两个小时, 送了一个多小时 (not
    送了半小时, 送了二十分钟: a usual time), or a long time waited for (等 / 得 / 有点 / 久, 等得太久)."""
    if size < 2 or lemmas[i].startswith("半"):
        return False
    if "等" in lemmas[max(0, i - 3):i] and "得" in lemmas[max(0, i - 3):i]:
        return True
    k = i - 1
    while k >= 0 and i - k <= 3 and (lemmas[k] == "了" or lemmas[k][:1] in ZH_DIGITS or lemmas[k] in ("一个", "两个")):
        k -= 1
    return 0 <= k < i - 1 and lemmas[k] in ZH_DELIVERING and not any(w.startswith("半") for w in lemmas[k + 1:i])


def _early(lemmas: Sequence[str], i: int) -> bool:
    """没到 at ``i`` says "before": 还没到预计时间就送来了, 没到半小时就到了 (before the time, it was here
    already): a 就 within four words and an arrival right after it (not 还没到就点了送达, marked delivered
    before it came)."""
    if lemmas[i].endswith("没") and i + 1 < len(lemmas) and lemmas[i + 1] == "到":
        i += 1  # (没 / 到: the segmenter's two words)
    elif not lemmas[i].endswith("没到"):
        return False
    for j in range(i + 1, min(i + 5, len(lemmas))):
        if lemmas[j] == "就":
            after = [w for w in lemmas[j + 1:j + 3] if w not in ("已经", "已")]
            return bool(after) and after[0] in ZH_ARRIVED
    return False


_CARELESS = frozenset({"了", "不问", "不顾", "啊", "呀", "的", "吗"})  # what may follow 不管 that does not care
_WAITED = ("等了", "排了", "等", "排")
_LEADS = ("迟迟", "一直", "始终", "至今", "打")
_PENDING = frozenset({"审核", "处理", "路上", "等", "排队", "核实", "走流程", "申请", "退款", "派送", "运输", "中转", "审批"})
# the kinds of single words, read in chinese: 就这么一点 (bit: dishes_zh.so_little), 客服根本不管 (uncaring; not 不管多远:
# no matter how far), 就这？, 这也叫大份？ (this: dishes_zh.so_called), 一股冰箱味 (whiff: dishes_zh.whiff), 连图片的一半都没有
# (half), 跟白水煮的一样 (water: as bland as water)
_OWN_KINDS = {**dict.fromkeys(("一点", "一点儿", "点儿", "一丁点"), "bit"),
              **dict.fromkeys(("不管", "都不管", "也不管", "根本不管", "完全不管", "从来不管"), "uncaring"),
              "这": "this", "一股": "whiff", "一半": "half", "一小半": "half",
              **dict.fromkeys(("没说", "没说过", "没提", "没提过", "没讲", "没讲过", "没告诉", "没告诉过"), "untold"),
              **dict.fromkeys(("水", "白水", "清水", "白开水", "开水", "刷锅水", "喝水", "喝白开水"), "water")}


# the kinds told by the token alone (zh_kind), the first listed winning: read in reverse, so that it is written last
_WHOLE_KINDS = {word: kind for words, kind in reversed((
    (ZH_STILL, "still"), (ZH_THEN, "then"), (ZH_WAITING, "waiting"), (ZH_NOTED, "noted"), (ZH_ODOURS, "odour"),
    (ZH_SHOWN, "shown"), (ZH_LITTLE, "little"), (ZH_OUTWEIGHS, "outweighs"), (ZH_FILLERS, "filler"),
    (ZH_ELSEWHERE, "elsewhere"), (ZH_WORSE, "worse"))) for word in words}
# what a token must start or end with for zh_kind's glued forms to be worth trying
_UNIT_ENDS, _ONLY_STARTS, _OFTEN_STARTS = tuple(ZH_UNITS), tuple(ZH_ONLY), tuple(ZH_FREQUENT)


@functools.lru_cache(maxsize=100_000)
def zh_kind(token: str) -> tuple[str, int]:
    """A Chinese token's cue kind: ("negated", 0) for a negator glued to an event (没到, 不回复, 没人接),
    ("negator", 0), ("still", 0), ("unit", size), ("then", 0), ("repeat", 0), ("frequent", 0),
    ("waiting", 0), ("noted", 0) for 备注, ("absent", 0) for 没信号, 没下文, ("odour", 0) for 味道, 气味, ("shown", 0)
    for 图片, 描述, ("little", 0) for 一点点, ("count", 0) for 三个, ("outweighs", 0) for 比肉, ("filler", 0) for 骨头,
    ("elsewhere", 0) for 别的, ("worse", 0) for 差一点, ("flavour", 0) for 不辣, ("savour", 0) for 豆味, ("half", 0) for
    一半, ("water", 0) for 白水, ("meals", 0) for 两顿, or ("", 0). Each glued form is tried only when the token starts
    or ends as it must (each distinct token is read once: the cache)."""
    kind = _WHOLE_KINDS.get(token)
    if kind is not None:
        return kind, 0
    if token in ZH_UNITS:
        return "unit", ZH_UNITS[token]
    if 2 <= len(token) <= 3 and token[0] in ZH_FEW and token[-1] in ZH_PIECES and token[1:-1] in ("", "小"):
        return "count", 0  # 只有 / 三个, 只有 / 两块 (肉), 就 / 两小块: a count of pieces, small
    if token.endswith(_UNIT_ENDS):
        for unit, size in ZH_UNITS.items():  # 两个小时, 一个多小时, 40分钟, 三天
            if token.endswith(unit) and len(token) > len(unit) \
                    and all(ch in ZH_DIGITS or ch == "个" for ch in token[:-len(unit)]):
                return "unit", size
    glued = _glued(token)
    if glued is not None:
        return glued
    if token in ZH_REPEAT or (token.endswith(("次", "遍")) and len(token) > 1 and all(ch in ZH_DIGITS or ch == "好"
                                                                                   for ch in token[:-1])):
        return "repeat", 0
    for words, kind in ((ZH_FREQUENT, "frequent"), (ZH_COMPARING, "negator"), (ZH_DEGREES, "degree")):
        if token in words:
            return kind, 0
    if token.startswith(_OFTEN_STARTS):
        for often in ZH_FREQUENT:  # glued: 经常断, 老是卡
            if token.startswith(often) and token[len(often):] in ZH_PROBLEM:
                return "often", 0
    if token.startswith(ZH_DEGREES):
        for degree in ZH_DEGREES:
            if token.startswith(degree) and zh_excess(token[len(degree):]):
                return "excess", 0  # 太软, 过于复杂
    if token.endswith(ZH_CANNOT_GO_ON) and len(token) > 3:
        return "negated", 0
    if token.startswith(ZH_NEGATORS):
        for neg in ZH_NEGATORS:
            if token == neg:
                return "negator", 0
            if token.startswith(neg):
                rest = token[len(neg):]
                if _event(rest):
                    return "negated", 0
                if neg in ("没", "没有", "无", "无人", "没人") and rest in ZH_ABSENT:
                    return "absent", 0
                if neg in ("没", "还没", "一直没") and _event(rest + "好"):
                    return "unfinished", 0  # 没装 / 好, 还没修 / 好: the segmenter cut the event in two
    if len(token) == 2 and token[0] == "不" and token[1] in ZH_FLAVOURS:
        return "flavour", 0  # 不辣, 不麻: said absent (read against the dish's name: _promised)
    if token in _OWN_KINDS:
        return _OWN_KINDS[token], 0
    if token.endswith("顿") and 1 < len(token) <= 3 and all(ch in ZH_DIGITS or ch in "好几" for ch in token[:-1]):
        return "meals", 0  # 这个价格能吃两顿了 (read in chinese: dishes_zh.meals_for)
    if (1 <= len(token) <= 3 and token[-1] in "味香" and ZH_BAD_SMELLS.isdisjoint(token) and token[0] not in "不没") \
            or token in ZH_CONTENTS:
        return "savour", 0  # 豆味, 奶味, 豆香, 肉, 味 (骨头 / 味): absent after 一点 ... 没有 (_savour_absent)
    if token in ZH_PROBLEM:
        return "problem", 0
    if token in ZH_CONTACT:
        return "contact", 0
    return "", 0


_TOLD_BEFORE = frozenset({"之前", "事先", "提前", "当时", "事前", "办的时候", "买的时候", "签约", "之前也", "当初"})


def _glued(token: str) -> tuple[str, int] | None:
    """The kind of a codeframe's pattern glued into one token, read as its parts are: a wait (等了很久, 等了几天, 排了很久),
    a little (就几块, 只有几块), a non-event after a lead (打不通, 迟迟不开通, 一直没回复); None for other tokens."""
    if token.startswith(_WAITED):
        for waited in _WAITED:
            rest = zh_kind(token[len(waited):]) if token.startswith(waited) and len(token) > len(waited) else None
            if rest is not None and rest[0] == "unit":
                return rest
    if token.startswith(_ONLY_STARTS):
        for only in ZH_ONLY:
            if token.startswith(only) and token[len(only):] in ZH_LITTLE:
                return "little", 0
    if token.startswith(_LEADS):
        lead = next(lead for lead in _LEADS if token.startswith(lead))
        rest = token[len(lead):]
        if rest[:1] in ("不", "没") and _event(rest[1:]):
            return "negated", 0
    return None


_GIVEN = frozenset({"放", "给", "送", "带", "配"})  # 没放筷子, 没给退款: what should have come with it


def _strong(lemmas: Sequence[str], i: int) -> bool:
    """The smell named at ``i`` is said to be strong: 大 follows, a degree word before it or glued to it
    (很大, 太大了, 非常 / 大), not denied (不大, 不太大)."""
    for word in lemmas[i + 1:i + 3]:
        core = word
        for degree in ZH_ODOUR_DEGREES:
            if core.startswith(degree) and len(core) > len(degree):
                core = core[len(degree):]
                break
        core = core.rstrip("了啊呀的")
        if core == "大":
            return True
        if word not in ZH_ODOUR_DEGREES:
            return False
    return False


def _unlike(lemmas: Sequence[str], i: int) -> bool:
    """What was shown, said or ordered at ``i`` (图片, 描述, 宣传, 点的) differs from what came, later in its clause:
    跟图片完全不一样, 与宣传的不同, 和图片上的差距很大, 送来的菜和点的不一样 - not 没什么差别, not 相差不大, not 一样."""
    if lemmas[i] in ("说", "点", "我点", "我要", "标") and (i + 1 == len(lemmas) or lemmas[i + 1] != "的"):
        return False  # what was said (说的) or ordered (和点的不一样), not saying, not 点 alone
    after: list[str] = []
    for w in lemmas[i + 1:i + 7]:
        if w in ZH_CLAUSE_ENDS:
            break
        after.append(w)
    for k, w in enumerate(after):
        if w in ZH_UNLIKE or (w == "不" and k + 1 < len(after) and after[k + 1] in ZH_SAME):
            return True
        if w in ZH_GAPS:
            if any(v in ZH_NEGATORS or v in ("没什么", "没啥") for v in after[max(0, k - 2):k]):
                return False
            for v in after[k + 1:k + 3]:  # 差距很大, 差别太大了; not 相差不大, 差别不是很大
                if v[:1] in ("不", "没"):
                    return False
                if "大" in v:
                    return True
            return False
    return False


_AHEAD = frozenset({"提前", "及时", "主动"})  # 不提前通知, 没有及时处理, 也不主动联系: how it should have come


def _after_negator(lemmas: Sequence[str], i: int) -> float:
    """The cue of the Chinese negator at ``i`` (its own token): a non-event (没 / 到, 没人 / 管), a thing absent
    (没 / 信号), could not go on (读 / 不 / 下去), short of what was expected (没有想象中的好); else 0."""
    window = lemmas[i + 1:i + 1 + 2]
    if any(w in ZH_NEED or w in ("知道", "晓得") for w in window[:1]):
        return 0.0  # 不用等, 不需要催; 不知道 (don't know) negates nothing that follows
    if lemmas[i] in ("不", "不到") and window and window[0][:1] in ZH_DIGITS or _early(lemmas, i):
        return 0.0  # 不到一小时; 没 / 到 / 半小时 / 就 / 送到了
    if window and (_event(window[0]) or "".join(window).replace("个", "") in ZH_EVENTS
                   or (window[0] in _AHEAD and len(window) > 1 and _event(window[1]))
                   or (window[0][:2] in _AHEAD and _event(window[0][2:]))
                   or (lemmas[i] in ("没人", "无人", "没有人") and window[0] in ZH_NOBODY_EVENTS)):
        return -1.0  # 没 / 到, 还没 / 发货, 没人 / 管, 也不 / 打个 / 电话, 不 / 提前 / 通知, 没有 / 及时 / 处理
    if lemmas[i] in ("没", "没有", "无") and len(window) > 1 and window[0] == "人" and (
            window[1] in ZH_EVENTS or window[1] in ZH_NOBODY_EVENTS):
        return -1.0  # 没 / 人 / 处理 (the segmenter left "nobody" in two)
    if lemmas[i] in ("没", "没有") and i and lemmas[i - 1] in ("跟", "和", "像") and window and window[0][:1] in "放加" \
            and "一样" in lemmas[i + 1:i + 4]:
        return -1.0  # 炒面跟没放盐一样 (as if none was put in)
    if lemmas[i] in ("没", "没有", "没什么") and window and (window[0] in ZH_CONTENTS or zh_kind(window[0])[0] == "savour") \
            and tuple(window[1:2]) != ("的",) and (lexicon("zh").get(window[0]) or 0) >= 0:
        return -1.0  # 鱼香肉丝里面没有肉丝, 汤面送来没有汤了, 全是骨头，没什么肉, 完全没有茶味 (not 没有肉的菜: a kind of
        # dish; not 没有异味, 没有味精味: a bad smell or taste absent)
    if lemmas[i] in ("没", "没有", "无") and window and (window[0] in ZH_ABSENT or window[0] in ZH_FEW_PIECES or (
            window[1:2] and ((window[0] in ZH_SEEN and window[1] in ZH_FEW_PIECES)
                             or (window[0] in _GIVEN and window[1] in ZH_ABSENT)))):
        return -1.0  # 没 / 信号; 没 / 几块 / 肉 (hardly any); 没 / 看到 / 几根 / 肉丝; 没 / 放 / 筷子
    if lemmas[i] in ("不如", "还不如", "远不如") and window and window[0] in _BEFORE_NOW and (
            len(window) == 1 or window[1] in ZH_CLAUSE_ENDS or window[1] == "了"):
        return -2.0  # 现在不如以前, 不如以前了: worse than it was (-2: outweighs the praise of the past)
    if lemmas[i] in ("不如", "还不如", "倒不如", "真不如") and window and window[0] == "自己":
        return -1.0  # 还不如自己做饭, 不如自己去店里吃: rather do it oneself
    if lemmas[i] in ("没有", "没") and i >= 2 and lemmas[i - 1] in ("都", "也") and lemmas[i - 2] in _ONE_PIECE and (
            not window or window[0] in ZH_CLAUSE_ENDS or window[0] in _FOUND) \
            and not any((lexicon("zh").get(w) or 0) < 0 for w in lemmas[max(0, i - 5):i - 2]):
        return -1.0  # 里面一块都没找到, 一片也没有 (not 一块都没坏, 坏的一个都没有: a blame denied)
    if lemmas[i] in ("没有", "没") and _lost_since(lemmas, i, window):
        return -1.0  # 以前还送个钢化膜，现在都没有了 (something had before, gone now)
    if lemmas[i] == "不" and i and window and "不" + window[0] in ZH_CANNOT_GO_ON:
        return -1.0  # 读 / 不 / 下去
    return -2.0 if short_of_standard(lemmas, i) else 0.0  # 没有想象中的好: outweighs the praise it denies


def _lost_since(lemmas: Sequence[str], i: int, window: Sequence[str]) -> bool:
    """The 没有 at ``i`` ends a clause that says "now ... too" (以前还送个钢化膜，现在都没有了; 以前免费，现在也没了):
    what was had is lost. (现在没有了 alone is left: 以前有异味，现在没有了 is a smell gone, and the clause of before is
    read apart from it, insight.text.bygones.bygone.)"""
    before = lemmas[max(0, i - 3):i]
    return tuple(window[:1]) == ("了",) and (len(window) == 1 or window[1] in ZH_CLAUSE_ENDS) \
        and not _NOW.isdisjoint(before) and ("也" in before or "都" in before)


_NOW = frozenset({"现在", "如今", "现"})
_ONE_PIECE = frozenset({"一块", "一片", "一颗", "一粒", "一根", "一只", "一个", "一口"})  # (一点都没有: of a smell, praise)
_FOUND = frozenset({"找到", "看到", "吃到", "见到", "有", "看见", "吃出来", "放"})


# verbs 不到 completes as "not": 想不到, 意 / 不到 (unexpectedly) - not "did not arrive" (找不到 stays: 找不到驱蚊香,
# 客服都找不到 are complaints as often as the rider's 找不到地址 is none)
_SOUGHT = frozenset({"想", "意", "料", "猜"})
_BEFORE_NOW = frozenset({"以前", "之前", "从前", "原来", "上次", "过去", "以往"})


def _not_made_to(lemmas: Sequence[str], i: int) -> bool:
    """Not made to bear the excess at ``i``: 没让我等太久, 不会让你等太久 (不用等太久 is _NO_NEED's)."""
    before = lemmas[max(0, i - 4):i]
    return "让" in before and any(w in NEGATORS["zh"] or w in ("不会", "没让", "不让") for w in before)


_NO_NEED = frozenset({"不用", "无需", "不需要", "不必", "没必要"})


def _wait_denied(lemmas: Sequence[str], i: int) -> bool:
    """The wait told before the time at ``i`` is denied: 没有等很久, 不用等一个小时 (not 没有送到等了两个小时: the
    negator must stand right before the waiting word)."""
    for k in range(max(1, i - 3), i):
        if lemmas[k] in ("等", "等了") or zh_kind(lemmas[k])[0] == "waiting":
            return lemmas[k - 1] in _NO_NEED or lemmas[k - 1] in ("没", "没有", "并没有", "不会")
    return False


def _less_than(lemmas: Sequence[str], i: int) -> bool:
    """不到 at ``i`` says "less than" a time or amount: 不到一小时, 二十分钟不到就送到了."""
    return lemmas[i].startswith("不到") and (
        (i + 1 < len(lemmas) and lemmas[i + 1][:1] in ZH_DIGITS) or (lemmas[i] == "不到" and i > 0
                                                                     and zh_kind(lemmas[i - 1])[0] == "unit"))


def _event(word: str) -> bool:
    """Something that should have happened (ZH_EVENTS), 了 after it or not: 到, 到了, 回复."""
    return word in ZH_EVENTS or word.rstrip("了") in ZH_EVENTS


def chinese(lemmas: Sequence[str], kinds: Sequence[tuple[str, int]] | None = None) -> float:
    """The sum of the Chinese complaint cues of ``lemmas`` (each -1 or so; ``kinds``: their
    :func:`zh_kind`, when a reading has them already)."""
    if kinds is None:  # (given, they come from a reading that found a cue's word in the span)
        kinds = [zh_kind(t) for t in lemmas]
        if not any(k for k, _ in kinds):
            return 0.0
    total = 0.0
    n = len(lemmas)
    for i, (kind, size) in enumerate(kinds):
        if not kind:
            continue  # (most tokens: no cue's word)
        if kind in ("negated", "absent"):  # 没到, 不回复; 没信号 (not 不到一小时, 二十分钟不到: less than an hour)
            if kind == "absent" or not (_less_than(lemmas, i) or _early(lemmas, i)
                                        or (lemmas[i] == "不到" and i and lemmas[i - 1] in _SOUGHT)):
                total -= 1.0
        elif kind == "negator":
            total += _after_negator(lemmas, i)
        elif kind == "still":
            nxt = lemmas[i + 1] if i + 1 < n else ""
            if lemmas[i] in ZH_STILL_NEGATED:  # 还没 / 发货: a non-event (还没用 - not used yet - is none)
                if _event(nxt):
                    total -= 1.5
            elif lemmas[i] == "迟迟" or any(k in ("negator", "negated") for k, _ in kinds[i + 1:i + 3]):
                total -= 0.5  # 迟迟不发货, 至今没有回复
        elif kind == "unit":
            before = lemmas[max(0, i - 4):i]
            after = lemmas[i + 1:i + 4]
            if any(w in ZH_QUICK for w in before) or any(w in ("内", "以内", "之内") or w[:1] == "就" for w in after[:1]) \
                    or any(w in ZH_LATER for w in after) or _not_made_to(lemmas, i) or _wait_denied(lemmas, i):
                continue  # 不到一小时, 一小时内, 两天就到了, 过了两天就好了, 等过两天再说, 没让我等很久, 没有等很久
            waited = any(zh_kind(w)[0] == "waiting" for w in before) or (i and lemmas[i - 1] == "等") \
                or lemmas[i].startswith(_WAITED) or (
                i >= 2 and lemmas[i - 2] in ("等", "晚", "迟", "过", "饿")  # 等 / 两 / 小时, 晚 / 了 / 四十分钟, 饿 / 了 / 两个小时
                and (lemmas[i - 1][:1] in ZH_DIGITS or lemmas[i - 1] == "了")) or _took_long(lemmas, i, size)
            late = after[1:] if after and after[0] == "了" else after  # 一个小时了才出餐
            then = any(zh_kind(w)[0] == "then" for w in after[:2]) or (
                len(late) >= 2 and late[0] == "才" and _event(late[1])) or (  # 申请了一周还在审核中: pending since
                tuple(late[:2]) == ("还", "在") and len(late) > 2 and late[2] in _PENDING)
            if waited or then:
                total -= 1.0  # 等了一个多小时, 等了很久, 两个小时才送到
        elif kind == "repeat":
            window = lemmas[max(0, i - 4):i + 4]
            if any(w in ZH_CONTACT or w == "催了" or zh_kind(w)[0] == "problem" for w in window):  # (说 is also "shown")
                total -= 1.0  # 打了三次电话, 催了好几次, 反复掉线
        elif kind == "often":
            total -= 1.0  # 经常断, 老是卡 (one token)
        elif kind == "frequent" and any(zh_kind(w)[0] == "problem" for w in lemmas[i + 1:i + 4]):
            total -= 1.0  # 经常掉线, 老是死机
        elif kind in ("excess", "degree") and not (i and lemmas[i - 1] in NEGATORS["zh"]) \
                and not any(w in _NO_NEED for w in lemmas[max(0, i - 2):i]) and not _not_made_to(lemmas, i):
            total -= 1.0 if kind == "excess" or (i + 1 < n and zh_excess(lemmas[i + 1])) else 0.0  # 太软, 太/灵敏
        elif kind == "waiting" and lemmas[i] in ("催", "催了", "催单", "催单了"):
            total -= 0.7  # 催了 (had to chase)
        elif kind == "odour" and _strong(lemmas, i):
            total -= 1.0  # 味道太大, 气味 / 很大, 异味 / 非常 / 大
        elif kind == "shown" and (_unlike(lemmas, i) or claimed(lemmas, i) or (
                lemmas[i] == "说" and tuple(lemmas[i + 1:i + 2]) == ("了",) and ignored(lemmas, i + 1))):
            total -= 1.0  # 跟图片不一样, 和描述的不同: not what was shown; 说是四十分钟送达，结果一个多小时
        elif kind == "uncaring" and (i + 1 == n or lemmas[i + 1] in ZH_CLAUSE_ENDS or lemmas[i + 1] in _CARELESS):
            total -= 1.0  # 客服根本不管, 商家不管不问 (not 不管多远都送)
        elif (kind in DISH_KINDS and dish_cue(kind, lemmas, i)) or (kind == "this" and so_called(lemmas, i)):
            total -= 1.0  # 实际就一点点, 全是骨头, 麻辣香锅一点都不麻, 一点豆味都没有, 比上次差一点, 一股冰箱味, 量就这么点
        elif kind in ("unfinished", "untold", "noted"):
            total += _not_done_as_told(lemmas, i, kind)
        elif kind == "elsewhere" and "".join(lemmas[max(0, i - 3):i]).endswith(SENT_TO):
            total -= 1.0  # 把我的饭送到了别的楼, 送给了别人, 把我的餐给了隔壁: delivered to the wrong place
    return total


def _not_done_as_told(lemmas: Sequence[str], i: int, kind: str) -> float:
    """-1 at a job left unfinished (宽带装了半个月还没装好: 没装 / 好; not 我还没装呢, not installed yet by the customer), a
    fee or term kept back (要收材料费，之前没说过; not 没说的, 没说什么), a request ignored (备注了不要香菜还是放了, 备注的要求都没看,
    明明备注了不要)."""
    if kind == "unfinished":
        return -1.0 if tuple(lemmas[i + 1:i + 2]) in (("好",), ("好了",)) else 0.0
    if kind == "untold":
        return -1.0 if not _TOLD_BEFORE.isdisjoint(lemmas[max(0, i - 2):i]) else 0.0
    return -1.0 if not (i and lemmas[i - 1] in ("按", "按照", "照")) and (
        ignored(lemmas, i) or (i and lemmas[i - 1] == "明明")) else 0.0
