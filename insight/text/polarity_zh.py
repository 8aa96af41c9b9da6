"""Chinese words whose polarity depends on where they stand: 高 and 低 after a noun of which high is praise
(性价比高), praise hoped for or unknown (希望好用, 不知道是不是正品), blame asked or feared (会不会坏, 怕不脆), blame
denied at the clause's end (一个坏的都没有). Read by :class:`insight.text.polarity.Reading`."""

from __future__ import annotations

from collections.abc import Sequence

from insight.text.zh_tokens import readings

NEG_SCOPE = 3  # words after a negator that it flips (measured: 3 beats the whole clause)
HIGH_LOW = frozenset({"高", "低"})
# Chinese words after which praise is not given but hoped for or unknown: 希望好用 (hope it works well),
# 不知道是不是正品 (don't know if it is genuine); the 知道 words count after 不
ZH_HOPE = frozenset({"希望", "但愿"})
ZH_UNSURE = ZH_HOPE | {"知道", "晓得"}
# 不知道为什么 / 是什么原因 (for some reason): what follows is said, not unknown (不知道为什么宝宝不喜欢看)
ZH_WHY = frozenset({"为什么", "为啥", "怎么回事", "咋回事", "怎么搞的", "何故", "什么原因", "啥原因"})
ZH_FEARS = frozenset({"怕", "担心", "生怕", "就怕", "担忧", "害怕"})  # blame after them is feared, not found


_ZH_FAULTING = frozenset({"挑剔", "抱怨", "吐槽", "挑", "挑的", "埋怨"})  # (没什么好 X 的: nothing to X)
ZH_TROUBLES = frozenset({"问题", "毛病", "故障"})
_ZH_HAVING = frozenset({"有", "遇到", "碰到", "出", "出了", "有什么", "有啥", "一有", "每次有"})
_ZH_CONTACTED = frozenset({"打", "找", "联系", "问", "咨询", "打电话", "找客服", "打客服", "反馈", "反映", "报修"})


def why(lemmas: Sequence[str], i: int) -> bool:
    """不知道 at ``i`` asks why (为什么, 是什么原因), not whether."""
    after = list(lemmas[i + 1:i + 4])
    if after[:1] == ["是"]:
        after = after[1:]
    return bool(after) and (after[0] in ZH_WHY or "".join(after[:2]) in ZH_WHY)


def in_place(value: float | None, cores: frozenset[str], i: int, lemmas: Sequence[str], cls: Sequence[tuple],
             high_noun: int, lo: int, hi: int, high_good_at: int, unsure_at: int) -> float | None:
    """The value of the Chinese word ``i`` where it stands (``cls``: the words' tokens, a noun of which high is praise
    of kind ``high_noun``; ``high_good_at``, ``unsure_at``: the last such noun, the last 希望 or 不知道, in the span
    ``lo..hi``): 高 or 低 after such a noun or before it (性价比高, 很高的性价比: good value); no praise where it is
    hoped for or unknown (希望好用, 不知道是不是正品); no blame in a question (能不能用: 能 + 不能用)."""
    after = (i + 1, i + 2) if i + 1 < hi and lemmas[i + 1] == "的" else (i + 1,)  # 很高的性价比
    if not HIGH_LOW.isdisjoint(cores) and ((high_good_at >= lo and 0 < i - high_good_at <= NEG_SCOPE)
                                            or any(j < hi and cls[j][0] == high_noun for j in after)):
        turned = next((m for m, core in readings(lemmas[i]) if core in HIGH_LOW), 1.0) < 0  # (性价比不高: poor value)
        return (1.0 if "高" in cores else -1.0) * (-1.0 if turned else 1.0)
    if lemmas[i] == "好" and i + 1 < hi and lemmas[i + 1] in _ZH_FAULTING and i > lo and (
            lemmas[i - 1] in ("没什么", "没啥", "没有什么")
            or (lemmas[i - 1] in ("啥", "什么") and tuple(lemmas[i - 2:i - 1]) in (("没",), ("没有",)))):
        return -1.5  # 没什么好挑剔的 (nothing to pick at: the negator before turns it to praise; not 没什么好说的)
    if value and value > 0 and (unsure_at >= lo or (lemmas[i][-1:] == "得" and i + 1 < hi and (cls[i + 1][1] or 0) < 0)):
        return 0.0  # (甜得 / 发腻: the complement after 得 judges; 好得 / 没话说 keeps its praise)
    if value and value < 0 and i > lo and ((lemmas[i][:1] in ("不", "没") and lemmas[i - 1]
                                             and lemmas[i][1:].startswith(lemmas[i - 1])) or _asked(lemmas, i, lo)):
        return 0.0  # 能 + 不能用, 有没有烂的, 会不会坏: asked; 怕不脆, 担心会坏: feared
    if value and value < 0 and lemmas[i] in ZH_TROUBLES and i > lo and lemmas[i - 1] in _ZH_HAVING \
            and not _ZH_CONTACTED.isdisjoint(lemmas[i + 1:min(i + 3, hi)]):
        return 0.0  # an occasion: 有问题打客服马上就有人接, 遇到问题找他们都很耐心 (the contact's answer judges)
    if value and value < 0:  # blame denied after it, at the clause's end: 一个坏的都没有, 一点破损都没有 (none)
        j = i + 1 + (i + 1 < hi and lemmas[i + 1] == "的")
        j += j < hi and lemmas[j] in ("一个", "一块", "一颗", "一粒", "一只", "一根", "一片")  # 坏的一个都没有
        j += j < hi and lemmas[j] in ("都", "也")
        if j < hi and lemmas[j] in ("没有", "没", "无") and (j + 1 == hi or not lemmas[j + 1][:1].isalnum()
                                                          or lemmas[j + 1] in ("了", "啊", "哦", "呢", "哈")):
            return -0.8 * value
    return value


def _asked(lemmas: Sequence[str], i: int, lo: int) -> bool:
    """Whether the Chinese word ``i`` follows a question of whether it is so (有没有, 会不会, 会 + 不会;
    是不是 is left out: "是不是假货" doubts aloud) or a fear of it (怕, 担心 会)."""
    before, prev = (lemmas[i - 2] if i - 2 >= lo else ""), lemmas[i - 1]
    if len(prev) == 3 and prev[1] in "不没" and prev[2] == prev[0] != "是":
        return True
    if len(prev) == 2 and prev[0] in "不没" and prev[1] == before != "是":
        return True
    return prev in ZH_FEARS or (prev in ("会", "要") and before in ZH_FEARS)
