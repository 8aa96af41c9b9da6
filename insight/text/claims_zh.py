"""Chinese complaints of a word broken: what was claimed (说是, 号称, 显示, 明明写着) or ordered (点的) turned out
otherwise (说是四十分钟送达，结果一个多小时; 我点的是香辣的，送来的是原味的), and what was asked for in a note was ignored
(备注了不要香菜还是放了, 备注了多放辣，一点都不辣). :mod:`insight.text.complaints_zh` reads them at their cue words."""

from __future__ import annotations

from collections.abc import Sequence

from insight.text.complaint_cues import ZH_ARRIVED, ZH_CLAUSE_ENDS, ZH_YET
from insight.text.disappointment import praise

_DENIALS = frozenset("不没别少免无")  # a request of "not": 不要, 别放, 少放, 免葱
_ASKING = frozenset("了要放多加点一些的请帮")  # the words of asking, not what is asked for
_CAME = frozenset({"送来", "来", "给", "收到", "到手", "拿到", "送到", "送过来", "送", "发"})  # what came (送来的是原味的)
_HOW = frozenset({"很", "挺", "太", "非常", "特别", "好", "快", "慢", "及时", "也", "都", "还", "真", "超", "蛮", "比较",
                  "有点", "准时", "不", "没", "时候", "时"})  # how or when it came, not what: 点的外卖送的很快
SENT_TO = ("送到", "送去", "送到了", "放到", "送给", "送给了", "给了")  # where the order went instead (给 / 了 / 隔壁)
_CAME_AS = frozenset((w, "的", "是") for w in _CAME)
_SAID = {"我点": "点", "我要": "点", "标的": "标着"}  # the segmenter's words of ordering and labelling
# what a claim turned out to be: 结果, 实际 (说是半小时送达，实际一个多小时)
_TURNED_OUT = frozenset({"结果", "结果还是", "实际", "实际上", "其实", "却"})  # and 根本 (写着送饮料，根本没有)


def ignored(lemmas: Sequence[str], i: int) -> bool:
    """What was noted at ``i`` was ignored: "and yet" (还是, 照样) after it, not before praise (还是很好吃: still
    tasty), it was not read (没看), or what was asked for is denied after it (备注了多放辣，一点都不辣; not 备注了不要葱，
    没有放葱: a request of "not" is met by a "not")."""
    n = len(lemmas)
    asked: set[str] = set()
    refused = ""  # what a request of "not" named: 香菜 in 备注了不要香菜
    end = n  # where the request's clause ends
    for k in range(i + 1, min(i + 5, n)):
        w = lemmas[k]
        if w in ZH_CLAUSE_ENDS:
            end = k
            break
        if w[:1] in _DENIALS:
            asked = set()
            refused = lemmas[k + 1] if k + 1 < n and lemmas[k + 1] not in ZH_CLAUSE_ENDS else ""
            break
        asked |= set(w) - _ASKING
    for j in range(i + 1, min(i + 12, n)):
        if lemmas[j] in ZH_YET and (not any(w in praise("zh") for w in lemmas[j + 1:j + 3])
                                    or _named_again(lemmas, refused, j)):
            return True
        if lemmas[j] in ("没", "不") and j + 1 < n and lemmas[j + 1] == "看":
            return True
        denied = lemmas[j][1:] if lemmas[j][:1] in ("不", "没") else ""
        if asked and j > i + 1 and (not asked.isdisjoint(denied) or (j > end and _denied_after(lemmas, asked, j))):
            return True
    return False


def _denied_after(lemmas: Sequence[str], asked: set[str], j: int) -> bool:
    """What was asked for is named at ``j`` and denied right after: 备注了多放点醋，一点醋都没放 (not 醋没得说: praise)."""
    if asked.isdisjoint(lemmas[j]):
        return False
    after = [w for w in lemmas[j + 1:j + 4] if w not in ("都", "也")]
    return bool(after) and after[0][:1] == "没" and after[0] not in praise("zh")


def _named_again(lemmas: Sequence[str], refused: str, j: int) -> bool:
    """What a request of "not" refused is there after "and yet" at ``j``: 备注了不要香菜，结果满满一层香菜, 结果满满一层
    (not 结果真的没放香菜)."""
    after = lemmas[j + 1:j + 6]
    if refused and not _HEAPS.isdisjoint(after[:2]):
        return True  # 备注了不要香菜，结果满满一层 (a heap of what was refused, unnamed)
    return bool(refused) and any(w == refused and not any(v[:1] in "不没" for v in after[max(0, k - 2):k])
                                 for k, w in enumerate(after))


_SAYERS = frozenset({"时候", "当时", "之前", "开始", "一开始", "销售", "客服", "店家", "商家", "卖家", "业务员", "工作人员",
                     "营业员", "经理", "师傅", "他们", "对方", "电话里", "宣传"})
_HEAPS = frozenset({"满满", "满满的", "满满一层", "一层", "好多", "很多", "全是", "一堆", "一大把", "一大堆", "超多"})


def claimed(lemmas: Sequence[str], i: int) -> bool:
    """What was claimed at ``i`` (说是, 说好, 号称, 承诺, 明明写着, 标的是, 显示, 预计) or ordered (点的) turned out otherwise: 结果 or
    实际 after it in its sentence (说是四十分钟送达，结果一个多小时; 说好的次日达，结果第三日才送到; 明明写着有鸡蛋，结果没有;
    显示半小时送达，实际一个多小时; 点的微辣，结果辣得一直喝水)."""
    return _turned_out(lemmas, i) >= 0


def broken_claims(lemmas: Sequence[str], shown: Sequence[int]) -> set[int]:
    """The positions of what a claim at one of ``shown`` (the positions of cue kind "shown") turned out to be, up to
    the end of its clause: 结果是微波炉热的 in 说是现做的，结果是微波炉热的 (no praise there: "hot" is the microwave's)."""
    found: set[int] = set()
    for i in shown:
        j = _turned_out(lemmas, i)
        if j >= 0:
            end = next((k for k in range(j + 1, len(lemmas)) if lemmas[k] in ZH_CLAUSE_ENDS), len(lemmas))
            found.update(range(j, end))
    return found


def _turned_out(lemmas: Sequence[str], i: int) -> int:
    """Where what the claim at ``i`` turned out to be is told (:func:`claimed`), or -1."""
    nxt = lemmas[i + 1] if i + 1 < len(lemmas) else ""
    said = _SAID.get(lemmas[i], lemmas[i])  # (我点 / 的, 标的: the segmenter's words)
    if (said == "说" and nxt not in ("是", "好") and (not i or lemmas[i - 1] not in _SAYERS)) or (
            said in ("点", "标", "写") and nxt != "的"):
        return -1  # (点的: what was ordered, 点的微辣，结果辣得一直喝水; 写的: what the listing says; 说 alone when the
        # company said it, or when the customer bought: 买的时候说包安装，结果安装要另外收费 - not 朋友说很好吃)
    if said not in ("说", "说是", "说好", "说好的", "号称", "承诺", "明明", "写着", "标着", "标", "显示", "点", "预计", "写"):
        return -1
    if said == "点":
        for j in range(max(0, i - 12), i - 2):
            if tuple(lemmas[j:j + 3]) in _CAME_AS and not ZH_CLAUSE_ENDS.isdisjoint(lemmas[j + 3:i]):
                return j  # 送过来的是冷面，我点的是热汤面 (what came told first; not 送来的是我点的)
    for j in range(i + 1, min(i + 14, len(lemmas))):
        if lemmas[j] in ("。", "！", "？", ".", "!", "?"):
            return -1
        if said == "点" and _came_instead(lemmas, i, j):
            return j  # 我点的是香辣的，送来的是原味的; 我要的是大份米饭，给的小份
        if (lemmas[j] in _TURNED_OUT or lemmas[j].startswith("根本")) and (
                said != "写" or not ZH_CLAUSE_ENDS.isdisjoint(lemmas[i:j])):  # (写的 in another clause: 书中写的其实…)
            # (not 结果很好吃: it came out well; not 实际二十分钟就到了, 结果提前送到了: early)
            after = lemmas[j + 1:j + 6]
            return j if not any(w in praise("zh") for w in after[:2]) and "提前" not in after and not any(
                w == "就" and after[k + 1:k + 2] and after[k + 1] in ZH_ARRIVED for k, w in enumerate(after)) else -1
    return -1


def _came_instead(lemmas: Sequence[str], i: int, j: int) -> bool:
    """What came (at ``j``, in a later clause than the order at ``i``, or right after what was ordered) is told beside
    it: 送来的是原味的, 给的小份, 点的大份给的小份 (not 送来的时候: when it came; not 点的外卖送的很快: how it came)."""
    if lemmas[j] not in _CAME or tuple(lemmas[j + 1:j + 2]) != ("的",) or j + 2 >= len(lemmas):
        return False
    got = lemmas[j + 2]
    if got == "是" or (got not in ("时候", "时") and not ZH_CLAUSE_ENDS.isdisjoint(lemmas[i:j])):
        return True
    return j == i + 3 and got != lemmas[i + 2] and got not in praise("zh") \
        and not any(got.startswith(w) for w in _HOW)  # 点 / 的 / 大份 / 给 / 的 / 小份 (startswith: 很快, 时候)
