"""Complaints that carry no sentiment word: non-events, waiting, durations, repetition.

Customers complain in facts as often as in opinions: "no one called back", "never arrived",
"still don't have a line", "on hold for 40 minutes", "had to call back twice", "cancelled four
times", "还没到", "等了一个多小时才送到", "уже третий день не отвечают", "звонил пять раз". None of
these holds a word a polarity lexicon knows, so a lexicon reads them as neutral - or, with "help"
in "call for help taking 35 minutes to answer", as praise. :func:`complaint` finds them in a span
of lemmas; :func:`insight.text.polarity.judge` adds what it finds to the lexicon's score.

The cues (per language, below):

* **non-events**: a negator (or "nobody", 没人, никто) before something that should have happened
  (arrive, call back, reply, work, fix, refund; 到, 回复, 处理; ответить, прийти, починить) -
  unless it was something one should not have to do ("never had to call", "no need to chase");
  "no" / 没 / нет / без before something that should be there ("no internet", "no reply", 没信号,
  нет связи);
* **waiting**: "still" with a negation (还没, 至今没, до сих пор не, так и не), "on hold";
* **durations**: a number of minutes, hours, days, weeks or months after a waiting word (wait,
  hold, queue, chase; 等了; ждать, висеть, уже) or after "took" when it took days or more, or
  minutes and hours to answer, reply or arrive - not after "within", "only", "less than";
  Chinese 一个小时才送到 (only then);
* **repetition**: "N times", "twice", "again and again", "keep ..." with a contact or problem verb
  (call, chase, explain, cancel, drop, crash), "always"/"constantly" with a problem verb, "had to"
  with a contact verb; 打了三次电话, 催了好几次, 反复; звонил пять раз, постоянно пропадает.

Every cue counts -1 here; :func:`insight.text.polarity.judge` weighs the sum by WEIGHT against the
lexicon's words, so that a fact outweighs a mild word beside it ("help" in "call for help taking
35 minutes to answer"). The 0-10 score is never read: this is the text alone.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

# -- English --------------------------------------------------------------------------------------

_EN_NEGATORS = frozenset({"not", "no", "never", "n't", "nobody", "noone", "none", "nothing", "neither", "nor",
                          "cannot", "without", "hardly", "barely", "yet", "nowhere"})
# what should have happened (its absence is a complaint)
_EN_EVENTS = frozenset({
    "arrive", "come", "turn", "show", "call", "ring", "phone", "reply", "respond", "answer", "contact", "work", "fix",
    "resolve", "sort", "receive", "deliver", "refund", "connect", "load", "send", "bother", "listen", "care",
    "follow", "honour", "honor", "return", "acknowledge", "update", "inform", "tell", "hear", "email", "e-mail",
    "pick", "solve", "repair", "install", "activate", "credit", "compensate", "apologise", "apologize",
    "appear", "reach", "materialise", "materialize", "process", "confirm", "notify",
})
# what should be there ("no internet", "no reply", "no one", "without signal")
_EN_ABSENT = frozenset({
    "internet", "broadband", "wifi", "wi-fi", "signal", "connection", "service", "line", "phone", "tv", "power",
    "electricity", "heating", "water", "gas", "reception", "coverage", "answer", "reply", "response", "callback",
    "call", "update", "refund", "help", "support", "apology", "compensation", "explanation", "feedback", "contact",
    "information", "acknowledgement", "communication", "show", "sign", "word", "idea", "record", "clue",
    "follow", "dial", "tone", "access", "data", "delivery", "engineer", "technician", "resolution", "progress",
})
_EN_NEED = frozenset({"need", "have", "must", "necessary", "reason", "hesitate"})  # "never had to call"
_EN_STILL = frozenset({"still"})
_EN_UNITS = {"minute": 1, "min": 1, "mins": 1, "minutes": 1, "hour": 2, "hr": 2, "hrs": 2, "day": 3, "week": 4,
             "fortnight": 4, "month": 5, "age": 5, "ages": 5}
_EN_NUMBERS = frozenset({"a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                         "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "ninety",
                         "hundred", "several", "few", "couple", "many", "half", "multiple", "numerous", "countless",
                         "45", "another", "extra", "over", "nearly", "almost", "about", "around", "+"})
_EN_WAITING = frozenset({"wait", "hold", "queue", "chase", "still", "spend", "spent", "hang", "waste", "later", "ago"})
_EN_TAKE = frozenset({"take", "took"})
_EN_QUICK = frozenset({"within", "only", "just", "less", "under", "few", "in", "fast", "quick", "quickly", "merely"})
_EN_AWAITED = frozenset({"answer", "reply", "respond", "arrive", "come", "connect", "get", "pick", "deliver", "fix",
                         "resolve", "sort", "refund", "through"})
_EN_TIMES = frozenset({"time"})  # "four times": lemma of "times"
_EN_REPEAT = frozenset({"twice", "repeatedly", "again", "keep", "umpteen", "continually", "multiple", "numerous",
                        "countless", "several", "many"})
_EN_FREQUENT = frozenset({"always", "constantly", "often", "frequently", "regularly", "continually", "continuously",
                          "daily", "nightly", "keep", "intermittently", "randomly"})
_EN_CONTACT = frozenset({"call", "ring", "phone", "chase", "contact", "email", "e-mail", "complain", "explain", "repeat",
                         "cancel", "reschedule", "rebook", "ask", "tell", "chat", "write", "message", "send",
                         "escalate", "follow", "report", "raise", "query", "remind"})
_EN_PROBLEM = frozenset({"drop", "crash", "freeze", "disconnect", "buffer", "lose", "cut", "fail", "break", "reset", "restart", "reboot",
                         "lose", "go", "buffer", "lag", "glitch", "stop", "die", "overcharge", "charge", "bill",
                         "error", "fault", "cancel", "reschedule"})
_EN_HAVE_TO = frozenset({"have", "need", "must"})

# -- Chinese --------------------------------------------------------------------------------------

# negators glued to or standing before what should have happened (还没到, 不回复, 没人接, 未收到)
_ZH_NEGATORS = ("没有人", "无人", "没人", "没有", "还没", "至今没", "一直没", "迟迟没", "从没", "从来没", "并没有", "并没",
                "没", "未", "不", "别")
_ZH_EVENTS = frozenset({
    "到", "来", "送", "送到", "送达", "送来", "收到", "到货", "发货", "发", "回", "回复", "回应", "答复", "理", "接",
    "接听", "处理", "解决", "退", "退款", "退还", "退钱", "联系", "打电话", "回电", "回电话", "上门", "修", "修好", "打通",
    "给", "派送", "安排", "见到", "拿到", "受理", "兑现", "到账", "退货", "换", "补", "补发", "通知",
    "告知", "反馈", "跟进", "搭理", "人理", "人管", "人接", "人问", "人回", "人处理", "人联系", "送货", "配送",
    "上", "上菜", "上齐", "改善", "改进", "收拾", "招呼", "理会", "加水", "兑现",
})
# after "nobody" (没人, 无人) also what someone should have done: 没人管, 没人问, 没人来 (没人排队 - no queue - is none)
_ZH_NOBODY_EVENTS = frozenset({"管", "问", "来", "加", "吃", "看", "帮", "说", "提醒", "主动"})
_ZH_ABSENT = frozenset({"信号", "网", "网络", "回复", "回应", "答复", "消息", "退款", "赔偿", "解释", "下文", "音讯",
                        "结果", "反应", "动静", "回音", "说法", "电", "水", "热水", "空调", "筷子", "餐具"})
_ZH_NEED = frozenset({"用", "需要", "必要", "必", "怎么"})  # 不用等, 不需要催
_ZH_STILL = frozenset({"还没", "还没有", "还未", "至今", "至今没", "至今没有", "到现在", "现在还", "仍然", "仍未", "依然",
                       "一直没", "迟迟", "迟迟没", "还是没", "还是没有", "到今天"})
_ZH_STILL_NEGATED = frozenset({"还没", "还没有", "还未", "至今没", "至今没有", "一直没", "迟迟没", "还是没", "还是没有",
                               "仍未"})
_ZH_UNITS = {"分钟": 1, "分": 1, "小时": 2, "个小时": 2, "个多小时": 2, "钟头": 2, "个钟": 2, "个钟头": 2, "半小时": 2,
             "半个小时": 2, "天": 3, "日": 3, "周": 4, "星期": 4, "个星期": 4, "礼拜": 4, "月": 5, "个月": 5, "多月": 5,
             # "a long time", said of waiting (等了很久, 排队好久, 等了半天)
             "很久": 3, "好久": 3, "许久": 3, "半天": 2, "老半天": 2, "好半天": 2, "久": 3, "很长时间": 3, "好长时间": 3}
# perfective waiting words: 等了一个小时 (waited an hour), not 等两天再说 (wait two days, then see); bare 等
# counts only right before its duration (等很久)
_ZH_WAITING = frozenset({"等了", "等待", "等候", "排队", "排了", "拖了", "催了", "足足", "整整", "花了", "耗了", "等到"})
_ZH_THEN = frozenset({"才到", "才送到", "才来", "才送来", "才发货", "才回复", "才收到", "才送达", "才接", "才处理"})
_ZH_LATER = frozenset({"再说", "再看", "再评", "再评价", "再来", "看看", "以后", "后再"})  # 过两天再说: no wait
_ZH_QUICK = frozenset({"不到", "就", "内", "以内", "之内", "只", "只用", "仅", "不用"})
_ZH_REPEAT = frozenset({"次", "遍", "多次", "几次", "好几次", "无数次", "反复", "再三", "屡次", "一次又一次", "三番五次",
                        "一再", "N次", "多遍", "好多次", "很多次", "两次", "三次", "四次", "五次"})
_ZH_FREQUENT = frozenset({"总是", "老是", "经常", "动不动", "时不时", "三天两头", "天天", "每次", "总", "常常"})
_ZH_CONTACT = frozenset({"打电话", "打", "电话", "联系", "催", "投诉", "反映", "找", "问", "修", "维修", "退", "换", "申请",
                         "沟通", "咨询", "留言", "上门", "跑", "说", "报修"})
_ZH_PROBLEM = frozenset({"掉线", "断", "断网", "断线", "坏", "死机", "重启", "卡", "卡死", "闪退", "出问题", "故障", "停电",
                         "停水", "失灵", "黑屏"})
_ZH_DIGITS = frozenset("0123456789一二两三四五六七八九十百几半多整")

# -- Russian --------------------------------------------------------------------------------------

_RU_NEGATORS = frozenset({"не", "нет", "ни", "никто", "никогда", "никакой", "ничего", "без"})
_RU_EVENTS = frozenset({
    "ответить", "отвечать", "перезвонить", "позвонить", "звонить", "прийти", "приходить", "приехать", "приезжать",
    "доставить", "привезти", "работать", "починить", "вернуть", "подключить", "получить", "прислать",
    "связаться", "явиться", "сообщить", "предупредить", "исправить", "устранить", "реагировать", "отреагировать",
    "дождаться", "отправить", "выполнить", "перевести", "зачислить", "поступить", "объяснить", "заработать",
    "отозваться", "перезванивать", "дозвониться", "достучаться", "доходить", "дойти",
})
# events only with their object: "не берут трубку", "не решили проблему" ("не могли решить, что заказать" is none)
_RU_EVENTS_WITH = {"брать": frozenset({"трубка"}), "взять": frozenset({"трубка"}),
                   "решить": frozenset({"проблема", "вопрос"}), "решать": frozenset({"проблема", "вопрос"})}
# "не первый раз" (not the first time), "пока не" (until), "ни разу не" (never once failed): no non-event
_RU_NOT_NEGATING = frozenset({"первый", "раз", "только"})
_RU_ABSENT = frozenset({"интернет", "связь", "сигнал", "ответ", "звонок", "информация", "возврат", "компенсация",
                        "объяснение", "реакция", "результат", "свет", "вода", "отопление", "газ", "телевидение",
                        "обратный", "извинение", "сеть", "доступ", "решение", "мастер", "курьер"})
_RU_NEED = frozenset({"нужно", "надо", "пришлось", "прийтись", "нужный", "приходиться"})
_RU_UNITS = {"минута": 1, "час": 2, "полчаса": 2, "сутки": 3, "день": 3, "неделя": 4, "месяц": 5}
_RU_NUMBERS = frozenset({"один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять", "десять",
                         "двадцать", "тридцать", "сорок", "пятьдесят", "несколько", "пара", "много", "полтора",
                         "второй", "третий", "четвертый", "пятый", "шестой", "седьмой", "десятый", "целый", "больше",
                         "более", "около", "почти", "уже", "который"})
_RU_ORDINALS = frozenset({"второй", "третий", "четвертый", "пятый", "шестой", "седьмой", "восьмой", "девятый",
                          "десятый"})
_RU_WAITING = frozenset({"ждать", "ожидать", "ожидание", "прождать", "висеть", "провисеть", "тратить", "потратить",
                         "пройти", "уже", "спустя", "подождать", "жду", "очередь"})
_RU_QUICK = frozenset({"за", "через", "всего", "лишь", "только", "меньше", "менее", "быстро", "течение"})
_RU_TIMES = frozenset({"раз"})
_RU_REPEAT = frozenset({"опять", "снова", "несколько", "много", "очередной", "повторно", "неоднократно", "многократно"})
_RU_FREQUENT = frozenset({"постоянно", "вечно", "регулярно", "часто", "всё", "периодически", "то", "каждый"})
_RU_CONTACT = frozenset({"звонить", "позвонить", "писать", "написать", "обращаться", "обратиться", "объяснять",
                         "повторять", "приезжать", "переносить", "перенести", "отменять", "отменить", "жаловаться",
                         "напоминать", "просить"})
_RU_PROBLEM = frozenset({"пропадать", "обрываться", "отключаться", "зависать", "глючить", "тормозить", "падать",
                         "ломаться", "сбрасываться", "вылетать", "выключаться", "отваливаться", "пропасть", "отключить",
                         "сломаться", "обрыв", "сбой"})

WEIGHT = 1.5  # of a cue against the lexicon's words (which run from -2 to 2)
_SCOPE = 3  # words after a negator that it reaches (as the lexicon's negation)
# a clause ends here: a negator's reach, or a cue's, does not cross it
_PUNCT = frozenset({",", ";", ":", "(", ")", "-", "–", "—", ".", "!", "?", "，", "；", "：", "。", "！", "？", "、", "…"})


def _clause_window(lemmas: Sequence[str], start: int, width: int) -> Sequence[str]:
    """Up to ``width`` words from ``start``, stopping at the end of the clause."""
    window = lemmas[start:start + width]
    for k, w in enumerate(window):
        if w in _PUNCT:
            return window[:k]
    return window


def _number(lem: str) -> bool:
    return lem[:1].isdigit()


def complaint(lemmas: Sequence[str], lang: str) -> float:
    """Sum of the complaint cues in ``lemmas`` (one clause or sentence): 0.0 or negative."""
    if lang == "en":
        return _english(lemmas)
    if lang == "zh":
        return _chinese(lemmas)
    if lang == "ru":
        return _russian(lemmas)
    return 0.0


@functools.lru_cache(maxsize=1)
def _cue_words() -> dict[str, frozenset[str]]:
    """Per language, the words without which no cue can fire (a quick test before the scan)."""
    en = (_EN_NEGATORS | _EN_STILL | _EN_WAITING | _EN_TAKE | _EN_TIMES | _EN_REPEAT | _EN_FREQUENT | _EN_HAVE_TO
          | {"hold", "non", "nonexistent"})
    ru = _RU_NEGATORS | _RU_WAITING | _RU_TIMES | _RU_REPEAT | _RU_FREQUENT | _RU_NEED | {"до", "так"}
    return {"en": frozenset(en), "ru": frozenset(ru)}


@functools.lru_cache(maxsize=1)
def _starts() -> dict[str, frozenset[str]]:
    """Per language, the words at which a cue is read (the scan visits only them)."""
    en = (_EN_NEGATORS | _EN_STILL | set(_EN_UNITS) | _EN_TIMES | _EN_REPEAT | _EN_FREQUENT | _EN_HAVE_TO
          | {"hold", "non", "nonexistent", "twice", "repeatedly", "umpteen", "again", "keep", "time"})
    ru = _RU_NEGATORS | set(_RU_UNITS) | _RU_TIMES | _RU_FREQUENT | {"до", "опять", "снова", "повторно",
                                                                    "неоднократно", "многократно"}
    return {"en": frozenset(en), "ru": frozenset(ru)}


def _english(lemmas: Sequence[str]) -> float:
    cues = _cue_words()["en"]
    if cues.isdisjoint(lemmas):
        return 0.0
    total = 0.0
    n = len(lemmas)
    fired: set[int] = set()  # one cue per event word
    starts = _starts()["en"]
    for i in [i for i, lem in enumerate(lemmas) if lem in starts]:
        lem = lemmas[i]
        nxt = lemmas[i + 1] if i + 1 < n else ""
        if lem in _EN_NEGATORS:
            first = i + 2 if lem == "no" and nxt == "one" else i + 1  # "no one called back"
            window = _clause_window(lemmas, first, _SCOPE)
            if any(w in _EN_NEED and (w != "have" or (j + 1 < n and lemmas[j + 1] == "to"))
                   for j, w in enumerate(window[:3], start=first)):
                continue  # "never had to call", "no need to chase", "don't hesitate" (not "nobody has called")
            if lem in ("no", "without") and nxt in _EN_ABSENT and i + 1 not in fired:
                total -= 1.0  # "no internet", "no reply", "no one", "without signal"
                fired.add(i + 1)
                continue
            for j, w in enumerate(window, start=first):
                if (w in _EN_EVENTS or (w == "get" and j + 1 < n and lemmas[j + 1] in ("back", "through"))) \
                        and j not in fired:
                    total -= 1.0  # "never arrived", "didn't call back", "nobody has got back to me"
                    fired.add(j)
                    break
        elif lem in _EN_STILL and any(w in _EN_NEGATORS or w == "wait" for w in lemmas[i + 1:i + 4]):
            total -= 0.5  # "still waiting", "still don't have a line" (the rest is counted by its own cue)
        elif lem == "hold" and i and lemmas[i - 1] == "on":
            total -= 1.0  # "on hold"
        elif (lem == "non" and nxt in ("-", "existent") and "existent" in lemmas[i + 1:i + 3]) or lem == "nonexistent":
            total -= 1.5
        elif lem in _EN_UNITS:
            total += _en_duration(lemmas, i)
        elif lem in _EN_TIMES and i and (lemmas[i - 1] in _EN_NUMBERS or _number(lemmas[i - 1])) \
                and lemmas[i - 1] not in ("a", "an", "one", "first", "half", "another"):
            if _near(lemmas, i, _EN_CONTACT | _EN_PROBLEM, 6):
                total -= 1.0  # "cancelled four times", "called 5 times"
        elif lem in ("twice", "repeatedly", "umpteen") or (lem == "again" and nxt == "and"):
            if _near(lemmas, i, _EN_CONTACT | _EN_PROBLEM, 6):
                total -= 1.0
        elif lem == "keep" and nxt in (_EN_CONTACT | _EN_PROBLEM | {"on"}):
            total -= 1.0  # "keeps dropping", "kept calling", "keep on chasing"
        elif lem in _EN_FREQUENT and _near(lemmas, i, _EN_PROBLEM, 3, after_only=True):
            total -= 1.0  # "constantly drops", "always goes down"
        elif lem == "time" and i >= 2 and lemmas[i - 2] in ("all", "every") and lemmas[i - 1] == "the" \
                and _near(lemmas, i, _EN_PROBLEM, 5):
            total -= 1.0  # "freezes all the time", "drops every time"
        elif lem in _EN_HAVE_TO and nxt == "to" and i + 2 < n and lemmas[i + 2] in _EN_CONTACT \
                and not any(w in _EN_NEGATORS or w == "no" for w in lemmas[max(0, i - 3):i]):
            total -= 0.7  # "had to call back", "have to chase them"
    return total


def _en_duration(lemmas: Sequence[str], i: int) -> float:
    """-1 for a duration at ``i`` (a unit) that someone waited: "on hold for 40 minutes", "waited 2
    hours", "took 3 weeks", "taking 35 minutes to answer"; 0 for "within 2 days", "took 10 minutes"."""
    unit = _EN_UNITS[lemmas[i]]
    before = lemmas[max(0, i - 8):i]
    counted = i and (lemmas[i - 1] in _EN_NUMBERS or _number(lemmas[i - 1]) or lemmas[i] in ("age", "ages"))
    if not counted or _few_minutes(lemmas[i - 1], unit):
        return 0.0
    if any(w in _EN_QUICK for w in lemmas[max(0, i - 4):i]):
        return 0.0
    negated = any(w in _EN_NEGATORS for w in before)
    if any(w in _EN_WAITING for w in before) or (i + 1 < len(lemmas) and lemmas[i + 1] in ("later", "ago")
                                                 and _near(lemmas, i, _EN_NEGATORS | {"still"}, 6, after_only=True)):
        return 0.0 if negated else -1.0
    if any(w in _EN_TAKE for w in before):
        if unit >= 3:
            return -1.0  # "took 3 weeks"
        after = lemmas[i + 1:i + 4]
        if "to" in after and any(w in _EN_AWAITED for w in after):
            return -1.0  # "taking 35 minutes to answer"
    return 0.0


def _few_minutes(number: str, unit: int) -> bool:
    """"2 minutes", "1-2 минуты": too short to be a complaint."""
    return unit == 1 and number.isdigit() and int(number) <= 5


def _near(lemmas: Sequence[str], i: int, words: frozenset[str], width: int, after_only: bool = False) -> bool:
    """Whether one of ``words`` is within ``width`` words of position ``i`` (after it only, or on either side)."""
    before = () if after_only else lemmas[max(0, i - width):i]
    return any(w in words for w in before) or any(w in words for w in lemmas[i + 1:i + 1 + width])


# -- Chinese --------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=100_000)
def _zh_kind(token: str) -> tuple[str, int]:
    """A Chinese token's cue: ("negated", 0) for a negator glued to an event (没到, 不回复, 没人接),
    ("negator", 0), ("still", 0), ("unit", size), ("then", 0), ("repeat", 0), ("frequent", 0),
    ("waiting", 0), ("absent", 0) for 没信号, 没下文, or ("", 0)."""
    if token in _ZH_STILL:
        return "still", 0
    if token in _ZH_THEN:
        return "then", 0
    if token in _ZH_WAITING:
        return "waiting", 0
    if token in _ZH_UNITS:
        return "unit", _ZH_UNITS[token]
    for unit, size in _ZH_UNITS.items():  # 两个小时, 一个多小时, 40分钟, 三天
        if token.endswith(unit) and len(token) > len(unit) and all(ch in _ZH_DIGITS or ch == "个" for ch in token[:-len(unit)]):
            return "unit", size
    if token in _ZH_REPEAT or (token.endswith(("次", "遍")) and len(token) > 1 and all(ch in _ZH_DIGITS or ch == "好"
                                                                                   for ch in token[:-1])):
        return "repeat", 0
    if token in _ZH_FREQUENT:
        return "frequent", 0
    for neg in _ZH_NEGATORS:
        if token == neg:
            return "negator", 0
        if token.startswith(neg):
            rest = token[len(neg):]
            if rest in _ZH_EVENTS or rest.rstrip("了") in _ZH_EVENTS:
                return "negated", 0
            if neg in ("没", "没有", "无", "无人", "没人") and rest in _ZH_ABSENT:
                return "absent", 0
    if token in _ZH_PROBLEM:
        return "problem", 0
    if token in _ZH_CONTACT:
        return "contact", 0
    return "", 0


def _chinese(lemmas: Sequence[str]) -> float:
    kinds = [_zh_kind(t) for t in lemmas]
    if not any(k for k, _ in kinds):
        return 0.0
    total = 0.0
    n = len(lemmas)
    for i, (kind, size) in enumerate(kinds):
        if kind == "negated":
            if i + 1 < n and lemmas[i].startswith("不到") and lemmas[i + 1][:1] in _ZH_DIGITS:
                continue  # 不到一小时 (less than an hour)
            total -= 1.0
        elif kind == "absent":
            total -= 1.0
        elif kind == "negator":
            window = lemmas[i + 1:i + 1 + 2]
            if any(w in _ZH_NEED for w in window[:1]):
                continue  # 不用等, 不需要催
            if lemmas[i] in ("不", "不到") and window and window[0][:1] in _ZH_DIGITS:
                continue  # 不到一小时
            if window and (window[0] in _ZH_EVENTS or window[0].rstrip("了") in _ZH_EVENTS
                           or (lemmas[i] in ("没人", "无人", "没有人") and window[0] in _ZH_NOBODY_EVENTS)):
                total -= 1.0  # 没 / 到, 还没 / 发货, 没人 / 管
            elif lemmas[i] in ("没", "没有", "无") and window and window[0] in _ZH_ABSENT:
                total -= 1.0  # 没 / 信号
        elif kind == "still":
            nxt = lemmas[i + 1] if i + 1 < n else ""
            if lemmas[i] in _ZH_STILL_NEGATED:  # 还没 / 发货: a non-event (还没用 - not used yet - is none)
                if nxt in _ZH_EVENTS or nxt.rstrip("了") in _ZH_EVENTS:
                    total -= 1.5
            elif lemmas[i] == "迟迟" or any(k in ("negator", "negated") for k, _ in kinds[i + 1:i + 3]):
                total -= 0.5  # 迟迟不发货, 至今没有回复
        elif kind == "unit":
            before = lemmas[max(0, i - 4):i]
            after = lemmas[i + 1:i + 4]
            if any(w in _ZH_QUICK for w in before) or any(w in ("内", "以内", "之内", "就") for w in after[:1]) \
                    or any(w in _ZH_LATER for w in after):
                continue  # 不到一小时, 一小时内, 两天就到了, 等过两天再说
            waited = any(_zh_kind(w)[0] == "waiting" for w in before) or (i and lemmas[i - 1] == "等") or (
                i >= 2 and lemmas[i - 2] == "等" and lemmas[i - 1][:1] in _ZH_DIGITS)
            then = any(_zh_kind(w)[0] == "then" for w in after[:2]) or (
                len(after) >= 2 and after[0] == "才" and (after[1] in _ZH_EVENTS or after[1].rstrip("了") in _ZH_EVENTS))
            if waited or then:
                total -= 1.0  # 等了一个多小时, 等了很久, 两个小时才送到
        elif kind == "repeat":
            window = lemmas[max(0, i - 4):i + 4]
            if any(_zh_kind(w)[0] in ("contact", "problem") or w in ("催", "催了") for w in window):
                total -= 1.0  # 打了三次电话, 催了好几次, 反复掉线
        elif kind == "frequent":
            if any(_zh_kind(w)[0] == "problem" for w in lemmas[i + 1:i + 4]):
                total -= 1.0  # 经常掉线, 老是死机
        elif kind == "waiting" and lemmas[i] in ("催", "催了"):
            total -= 0.7  # 催了 (had to chase)
    return total


# -- Russian --------------------------------------------------------------------------------------


def _russian(lemmas: Sequence[str]) -> float:
    if _cue_words()["ru"].isdisjoint(lemmas):
        return 0.0
    total = 0.0
    n = len(lemmas)
    fired: set[int] = set()
    starts = _starts()["ru"]
    for i in [i for i, lem in enumerate(lemmas) if lem in starts]:
        lem = lemmas[i]
        nxt = lemmas[i + 1] if i + 1 < n else ""
        if lem in _RU_NEGATORS:
            window = _clause_window(lemmas, i + 1, _SCOPE)
            if any(w in _RU_NEED for w in window[:2]) or (window and window[0] in _RU_NOT_NEGATING) \
                    or (i and lemmas[i - 1] == "пока"):
                continue
            if lem in ("нет", "без") and nxt in _RU_ABSENT and i + 1 not in fired:
                total -= 1.0  # "нет интернета", "без связи"
                fired.add(i + 1)
                continue
            for j, w in enumerate(window, start=i + 1):
                if (w in _RU_EVENTS or w in _RU_EVENTS_WITH and not _RU_EVENTS_WITH[w].isdisjoint(lemmas[j + 1:j + 4])) \
                        and j not in fired:
                    total -= 1.0  # "не отвечают", "никто не перезвонил", "так и не пришел", "не берут трубку"
                    fired.add(j)
                    break
        elif lem == "до" and tuple(lemmas[i + 1:i + 3]) in (("сей", "пора"), ("сих", "пор")):
            total -= 0.5  # "до сих пор"
        elif lem in _RU_UNITS:
            before = lemmas[max(0, i - 5):i]
            number = lemmas[i - 1] if i else ""
            counted = number in _RU_NUMBERS or _number(number) or lem in ("полчаса", "сутки")
            # "уже" waits only before an ordinal: "уже третий день" (but "уже 10 дней работает")
            waiting = any(w in _RU_WAITING and w != "уже" for w in before) or (
                i >= 2 and lemmas[i - 2] == "уже" and number in _RU_ORDINALS)
            if counted and waiting and not _few_minutes(number, _RU_UNITS[lem]) \
                    and not any(w in _RU_QUICK for w in lemmas[max(0, i - 4):i]) \
                    and not any(w in _RU_NEGATORS for w in lemmas[max(0, i - 6):i]):
                total -= 1.0  # "висел на линии 40 минут", "уже третий день", "жду две недели"
        elif lem in _RU_TIMES and i and (lemmas[i - 1] in _RU_NUMBERS or _number(lemmas[i - 1])
                                         or lemmas[i - 1] in _RU_REPEAT):
            if lemmas[i - 1] not in ("один", "первый") and _near(lemmas, i, _RU_CONTACT | _RU_PROBLEM, 6):
                total -= 1.0  # "звонил пять раз", "несколько раз переносили"
        elif lem in ("опять", "снова", "повторно", "неоднократно", "многократно") \
                and _near(lemmas, i, _RU_CONTACT | _RU_PROBLEM | _RU_NEGATORS, 3, after_only=True):
            total -= 1.0
        elif lem in _RU_FREQUENT and _near(lemmas, i, _RU_PROBLEM, 3, after_only=True):
            total -= 1.0  # "постоянно пропадает связь"
    return total
