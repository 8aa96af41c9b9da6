"""What a Chinese order came without or with too little of (see :mod:`insight.text.complaints_zh`): a dish all
filler (全是骨头), a content said absent (一点肉都没有, 一块鸡肉都找不到), a count of pieces that was all there was
(虾仁只有三个, 只来了一份), a flavour the dish's name promised absent (麻辣香锅一点都不麻), worse than before or not even
half of the picture."""

from __future__ import annotations

from collections.abc import Sequence

from insight.text.complaint_cues import ZH_ALL_OF, ZH_BAD_SMELLS, ZH_CLAUSE_ENDS, ZH_CONTENTS, ZH_ONLY, ZH_SEEN

_UNLIKE_THAT = frozenset({"不是", "并不是", "不像"})  # 不是那种全是骨头的: not all bone
# the cue kinds (complaints_zh.zh_kind) read here
DISH_KINDS = frozenset({"little", "count", "outweighs", "filler", "flavour", "savour", "worse", "half", "whiff", "bit",
                        "shown", "water", "meals"})


def dish_cue(kind: str, lemmas: Sequence[str], i: int) -> bool:
    """Whether the cue word at ``i`` (of ``kind``) tells of an order short of what it should be: 实际就一点点, 一份就几块肉
    (not 就一点点钱: cheap); 辣椒比肉还多; 全是骨头, 都是面粉; 麻辣香锅一点都不麻 (the flavour its name promised, absent);
    一点豆味都没有; 比上次差一点 (worse than last time); 连图片的一半都没有 (not even half of it); 一股冰箱味; 量就这么点."""
    if kind == "little":
        glued = lemmas[i].startswith(tuple(ZH_ONLY)) and "钱" not in lemmas[i + 1:i + 2]  # (就几块: a pattern's word)
        return glued or bool(i and (lemmas[i - 1] in ZH_ONLY or only_got(lemmas, i) or (
            i >= 2 and lemmas[i - 1] in ("那么", "这么") and lemmas[i - 2] in ZH_ONLY))  # 肉就那么几片
            and "钱" not in lemmas[i + 1:i + 2])
    if kind in ("worse", "half"):
        return short_of(lemmas, i, kind)
    if kind in ("bit", "shown"):
        return so_little(lemmas, i)
    if kind == "savour" and tuple(lemmas[i + 1:i + 2]) == ("呢",) and lemmas[i + 2:i + 3] and lemmas[i + 2] in _ASKED:
        return True  # 辣椒炒肉，肉呢？ (where is it?)
    return {"count": few, "outweighs": _outweighs, "filler": filler, "flavour": promised, "savour": savour_absent,
            "whiff": whiff, "water": _watery, "meals": _meals_for}[kind](lemmas, i)


_ASKED = frozenset({"?", "？"})


def so_called(lemmas: Sequence[str], i: int) -> bool:
    """这 at ``i`` in a question that scorns what came: 三十块钱就这？, 这也叫大份？, 就这份量还要四十多 (as 就这还卖 is)."""
    after = lemmas[i + 1:i + 6]
    if i and lemmas[i - 1] == "就":
        return not after or after[0] in _ASKED or (len(after) > 1 and after[1] in ("还要", "还卖", "还收", "还敢"))
    return tuple(after[:2]) in (("也", "叫"), ("也", "算"), ("叫",)) and any(w in _ASKED for w in after)


_LIKE = frozenset({"跟", "像", "和", "如同", "就像", "好像", "跟喝", "像喝", "同"})
_SAME = frozenset({"一样", "似的", "一般", "差不多", "没区别"})


def _watery(lemmas: Sequence[str], i: int) -> bool:
    """The water at ``i`` is what a dish or drink was like: 淡得跟水一样, 跟白水煮的一样, 奶茶像白开水似的 (not 跟水果一样)."""
    return not _LIKE.isdisjoint(lemmas[max(0, i - 3):i]) and not _SAME.isdisjoint(lemmas[i + 1:i + 4]) \
        and ZH_CLAUSE_ENDS.isdisjoint(lemmas[i + 1:i + 3])


_PRICES = frozenset({"价格", "价钱", "钱", "价"})
_COULD = frozenset({"能", "可以", "够", "都能", "足够", "能够", "够吃", "能吃"})


_PLACES = frozenset({"店里", "外面", "别家", "别的", "食堂", "堂食", "楼下", "自己", "超市", "饭店", "餐馆", "店"})


def _meals_for(lemmas: Sequence[str], i: int) -> bool:
    """The meals at ``i`` are what the price would buy elsewhere: 这个价格在店里能吃两顿了, 这个价钱在外面够吃三顿 (not
    二十块钱够我吃两顿: a big portion, cheap; nor 一天吃两顿)."""
    before = lemmas[max(0, i - 8):i]
    return not _PRICES.isdisjoint(before) and not _COULD.isdisjoint(before) and not _PLACES.isdisjoint(before) \
        and ZH_CLAUSE_ENDS.isdisjoint(before)


def _outweighs(lemmas: Sequence[str], i: int) -> bool:
    """比肉 at ``i`` before 多 or 厚: 辣椒比肉还多."""
    return not {"多", "厚"}.isdisjoint("".join(lemmas[i + 1:i + 3]))


def filler(lemmas: Sequence[str], i: int) -> bool:
    """The filler at ``i`` is all a dish was made of (全是骨头, 都是面粉; not 不是那种全是骨头的), or a content of it
    said absent (汤包里面一点汤都没有)."""
    all_of = i and lemmas[i - 1] in ZH_ALL_OF or tuple(lemmas[max(0, i - 2):i]) in (("都", "是"), ("全", "是"))
    return bool(all_of and _UNLIKE_THAT.isdisjoint(lemmas[max(0, i - 4):i])) or (
        lemmas[i] in ZH_CONTENTS and savour_absent(lemmas, i))


_COUNTED_ELSE = frozenset({"钱", "人", "字", "词"})  # a count of no goods: 就一个人, 就一个字：爽 (one word: great)
_GOT_VERBS = frozenset("来送给剩放到发装")  # what came: 只来了一份, 只剩半碗, 只送了一份, 只放了两片


def only_got(lemmas: Sequence[str], i: int) -> bool:
    """The count at ``i`` is all that came: 只来了一份, 只 / 剩 / 半碗, 只送了两个 (not 只点了一份: the customer's own)."""
    k = i - 1 - (lemmas[i - 1] == "了")
    if k < 0:
        return False
    word = lemmas[k]
    if len(word) == 2 and word[0] == "只" and word[1] in _GOT_VERBS:
        return True
    return (word in _GOT_VERBS or word in ZH_SEEN or (len(word) == 2 and word[0] in _GOT_VERBS and word[1] in "来到")) \
        and k > 0 and lemmas[k - 1] == "只"  # (只 / 送来 / 两个, 只 / 找到 / 三个)


_BITS = frozenset({"点", "点儿", "一点", "一点儿", "一丁点"})
_SO = frozenset({"这么", "那么"})


def so_little(lemmas: Sequence[str], i: int) -> bool:
    """The bit at ``i`` is all that came, told with "so little": 量就这么点, 这个价格就给这么点, 只有那么一点儿 (not
    就这么点钱: cheap)."""
    if lemmas[i] not in _BITS or i < 2 or lemmas[i - 1] not in _SO or "钱" in lemmas[i + 1:i + 2]:
        return False
    k = i - 2 - (i >= 3 and lemmas[i - 2] in _GOT_VERBS)  # (就 / 给 / 这么 / 点)
    return lemmas[k] in ZH_ONLY


def few(lemmas: Sequence[str], i: int) -> bool:
    """The count of pieces at ``i`` is all there was: 虾仁只有三个, 只来了一份, 一份就三块肉 (not 就一个 of anything:
    就一个缺点, only one flaw; nor 也就两个, just; nor a count of money, people or words: 才三十块, 就一个人)."""
    if not i or not _COUNTED_ELSE.isdisjoint(lemmas[i + 1:i + 2]):
        return False
    prev = lemmas[i - 1]
    return prev in ("只有", "只", "才") or only_got(lemmas, i) or (
        prev == "就" and (i < 2 or lemmas[i - 2] != "也") and not lemmas[i].endswith("个"))


def promised(lemmas: Sequence[str], i: int) -> bool:
    """Whether the flavour said absent at ``i`` (不辣) is one a dish named before it promised: 麻辣香锅…不麻, 酸辣粉…
    不酸 (not 微辣…不辣: mild was asked; not a flavour that was only wished away, 不要辣)."""
    flavour = lemmas[i][1]
    return any(flavour in w and len(w) > 1 and not w.startswith(("不", "微", "免", "少")) and "要" not in w
               for w in lemmas[max(0, i - 12):i])


def short_of(lemmas: Sequence[str], i: int, kind: str) -> bool:
    """Worse than before (kind "worse" at ``i``: 比上次差一点; 差一点就 alone is "nearly") or not even half of what it
    should be (kind "half": 分量连图片的一半都没有; not 吃了一半就饱了)."""
    if kind == "worse":
        return "比" in lemmas[max(0, i - 4):i]
    return "连" in lemmas[max(0, i - 6):i] and not {"没有", "没", "不到"}.isdisjoint(lemmas[i + 1:i + 3])


def savour_absent(lemmas: Sequence[str], i: int) -> bool:
    """Whether the savour or content at ``i`` (豆味, 奶味, 肉) is said absent: 一点豆味都没有, 一点肉也没有 (not 一点味道都没有, which
    praises a room as often as it blames a dish; ZH_ODOURS are no savours; 一点骨头味都没有: 味 after its noun), or
    not tasted (喝不出茶味)."""
    k = i - 1 - (lemmas[i] == "味" and i > 1 and ZH_BAD_SMELLS.isdisjoint(lemmas[i - 1]))
    if k >= 0 and lemmas[k] in _UNTASTED and ZH_BAD_SMELLS.isdisjoint(lemmas[i]):
        return True  # 喝不出茶味, 吃不出肉味 (not 闻不出异味)
    return k >= 0 and lemmas[k] in _NOT_ONE and any(w in _NOT_THERE for w in lemmas[i + 1:i + 3])


_UNTASTED = frozenset({"喝不出", "吃不出", "尝不出", "品不出", "喝不到", "吃不到"})


def whiff(lemmas: Sequence[str], i: int) -> bool:
    """一股 at ``i`` before a smell or taste in its clause: 一股冰箱味, 一股药水味, 一股说不清的味道 (in the dev
    halves 157 negative and 16 positive reviews hold one; not 一股香味, 一股果香味, 一股酸爽味: a fragrance)."""
    for w in lemmas[i + 1:i + 6]:
        if w in ZH_CLAUSE_ENDS or "香" in w or "爽" in w:
            return False
        if w.endswith(_SMELLS):
            return True
    return False


_SMELLS = ("味", "味道", "味儿", "气味", "气息")
# "not a single": 一点豆味都没有, 一块鸡肉都找不到; and "not there"
_NOT_ONE = frozenset({"一点", "一点儿", "一丝", "半点", "一块", "一片", "一根", "一粒", "一颗", "一个", "一只"})
_NOT_THERE = frozenset({"没有", "没", "找不到", "看不到", "吃不到", "见不到", "没见", "吃不出来", "吃不出", "尝不出", "尝不出来",
                        "没了"})
