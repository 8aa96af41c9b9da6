"""Russian complaints that carry no sentiment word (see :mod:`insight.text.complaints`): "не отвечают",
"никто не перезвонил", "нет интернета", "висел на линии 40 минут", "уже третий день", "звонил пять раз",
"постоянно пропадает связь", "скорость ниже заявленной", "нужно улучшить поддержку"."""

from __future__ import annotations

from collections.abc import Sequence

from insight.text.complaint_cues import (
    RU_ABSENT, RU_BELOW, RU_CONTENTS, RU_CONTACT, RU_EVENTS, RU_EVENTS_WITH, RU_FREQUENT, RU_IMPROVE, RU_NEED, RU_NEGATORS,
    RU_NOT_NEGATING, RU_NUMBERS, RU_ORDINALS, RU_PROBLEM, RU_PROMISED, RU_QUICK, RU_REPEAT, RU_SHORTFALL_BY, RU_TIMES,
    RU_TOO, RU_UNITS, RU_WAITING,
)
from insight.text.cue_windows import SCOPE, clause_window, few_minutes, near, number as in_digits
from insight.text.disappointment import excess

# jobs done for the customer, told with how long they took ("карту перевыпускали месяц"; not "работает месяц")
_RU_JOBS = frozenset({"делать", "чинить", "ремонтировать", "рассматривать", "перевыпускать", "выпускать", "оформлять",
                      "возвращать", "доставлять", "везти", "устанавливать", "подключать", "проверять", "обрабатывать",
                      "решать", "исправлять", "восстанавливать", "согласовывать", "переводить", "менять", "искать"})
# what the customer has been trying for weeks ("три месяца пытаюсь расторгнуть договор", "добиваюсь возврата месяц")
_RU_TRYING = frozenset({"пытаться", "добиваться", "требовать", "просить"})
# what the customer asked for, then ignored ("оставил посылку у двери, хотя я просил передать лично")
_RU_ASKED = frozenset({"просить", "попросить", "предупреждать", "предупредить", "указать", "указывать", "написать",
                       "писать"})
# what the company keeps doing against the customer's will ("деньги продолжают списывать", "продолжают звонить")
_RU_KEPT_ON = frozenset({"списывать", "снимать", "начислять", "звонить", "присылать", "навязывать"})
# the words without which no Russian cue can fire (a quick test before the scan), and those at which one is read
RU_CUE_WORDS = frozenset(RU_NEGATORS | RU_WAITING | RU_TIMES | RU_REPEAT | RU_FREQUENT | RU_NEED | RU_TOO
                         | RU_SHORTFALL_BY | RU_PROMISED | _RU_JOBS | _RU_TRYING
                         | {"до", "так", "дважды", "трижды", "шаблон", "продолжать", "хотя", "трубка", "очередь",
                            "нигде", "бесплатный", "бесплатно"})
_STARTS = frozenset(RU_NEGATORS | set(RU_UNITS) | RU_TIMES | RU_FREQUENT | RU_TOO | RU_SHORTFALL_BY | RU_PROMISED | {
    "до", "опять", "снова", "повторно", "неоднократно", "многократно", "дважды", "трижды", "шаблон", "продолжать",
    "хотя", "трубка", "очередь", "нигде", "бесплатный", "бесплатно"})
# a queue told as huge ("огромные очереди", "очередь километровая"; not "очередь небольшая")
_RU_STATED = frozenset({"написать", "указать", "сказать", "упомянуть", "предупредить", "сообщить"})
_RU_CHARGED = frozenset({"счёт", "счет", "заплатить", "платить", "оплата", "оплатить", "списать", "снять", "деньга",
                         "стоимость", "платный", "доплатить", "доплата"})  # (promised free, then charged)
_RU_HUGE = frozenset({"огромный", "длинный", "большой", "бесконечный", "километровый", "дикий", "жуткий", "вечный"})


def russian(lemmas: Sequence[str]) -> float:
    """The sum of the Russian complaint cues of ``lemmas`` (each -1 or so)."""
    if RU_CUE_WORDS.isdisjoint(lemmas):
        return 0.0
    total = 0.0
    n = len(lemmas)
    fired: set[int] = set()
    for i in [i for i, lem in enumerate(lemmas) if lem in _STARTS]:
        lem = lemmas[i]
        nxt = lemmas[i + 1] if i + 1 < n else ""
        if lem in RU_NEGATORS:
            window = clause_window(lemmas, i + 1, SCOPE)
            if any(w in RU_NEED for w in window[:2]) or (window and window[0] in RU_NOT_NEGATING) \
                    or (i and lemmas[i - 1] == "пока"):
                continue
            if lem == "не" and nxt == "полностью" and (
                    ru_clause_closes(lemmas, i + 2) or (i and lemmas[i - 1] in RU_EVENTS)
                    or (i + 2 < n and lemmas[i + 2] in RU_EVENTS)):
                total -= 1.0  # "заказ пришёл не полностью", "вернули не полностью" (not "не полностью согласен")
                continue
            if lem == "не" and nxt == "тот" and tuple(lemmas[i + 2:i + 3]) != ("чтобы",):
                total -= 1.0  # "привезли не тот заказ", "не та пицца" (the wrong one; not "не то чтобы")
                continue
            if lem in ("нет", "без") and nxt in RU_ABSENT and i + 1 not in fired:
                total -= 1.0  # "нет интернета", "без связи"
                fired.add(i + 1)
                continue
            if lem == "нет" and _content_before(lemmas, i):
                total -= 1.0  # "мяса почти нет", "сыра вообще нет" (not "проблем нет")
                continue
            for j, w in enumerate(window, start=i + 1):
                if (w in RU_EVENTS or w in RU_EVENTS_WITH and not RU_EVENTS_WITH[w].isdisjoint(lemmas[j + 1:j + 4])) \
                        and j not in fired:
                    total -= 1.0  # "не отвечают", "никто не перезвонил", "так и не пришел", "не берут трубку"
                    fired.add(j)
                    break
        elif lem == "до" and tuple(lemmas[i + 1:i + 3]) in (("сей", "пора"), ("сих", "пор")):
            total -= 0.5  # "до сих пор"
        elif lem in RU_UNITS:
            total += _waited(lemmas, i)  # "висел на линии 40 минут", "уже третий день", "карту перевыпускали месяц"
        elif lem in RU_TIMES and i and (lemmas[i - 1] in RU_NUMBERS or in_digits(lemmas[i - 1])
                                         or lemmas[i - 1] in RU_REPEAT):
            if lemmas[i - 1] not in ("один", "первый") and near(lemmas, i, RU_CONTACT | RU_PROBLEM, 6):
                total -= 1.0  # "звонил пять раз", "несколько раз переносили"
        elif lem in RU_TOO and excess(lemmas, i, "ru"):
            total -= 1.0  # "слишком маленький размер", "чересчур долго"
        elif lem in ("опять", "снова", "повторно", "неоднократно", "многократно") \
                and near(lemmas, i, RU_CONTACT | RU_PROBLEM | RU_NEGATORS, 3, after_only=True):
            total -= 1.0
        elif lem in RU_FREQUENT and near(lemmas, i, RU_PROBLEM, 3, after_only=lem != "каждый"):
            total -= 1.0  # "постоянно пропадает связь", "пропадает каждый вечер"
        elif lem in ("дважды", "трижды") and near(lemmas, i, RU_CONTACT | RU_PROBLEM, 4):
            total -= 1.0  # "деньги списали дважды", "звонил трижды"
        elif lem in RU_PROMISED and not RU_BELOW.isdisjoint(lemmas[max(0, i - 2):i]):
            total -= 1.0  # "скорость ниже заявленной", "меньше обещанного"
        elif lem == "шаблон" and not _ANSWERED.isdisjoint(lemmas[max(0, i - 2):i]):
            total -= 1.0  # "поддержка отвечает шаблонами" (canned answers; not "удобные шаблоны")
        elif lem == "хотя" and not _RU_ASKED.isdisjoint(lemmas[i + 1:i + 4]) \
                and not {"я", "мы"}.isdisjoint(lemmas[i + 1:i + 3]):
            total -= 1.0  # an ask ignored: "оставил посылку у двери, хотя я просил передать лично" (not "хотя я думал")
        elif lem == "продолжать" and nxt in _RU_KEPT_ON and RU_NEGATORS.isdisjoint(lemmas[max(0, i - 2):i]):
            total -= 1.0  # "деньги продолжают списывать" (not "не продолжают")
        elif lem in ("бесплатный", "бесплатно") and _free_then_charged(lemmas, i):
            total -= 1.0  # "обещали бесплатную установку, а потом выставили счёт за выезд мастера"
        elif lem in ("трубка", "очередь", "нигде"):
            total += _hung_up_or_queued(lemmas, i)
        elif lem in RU_SHORTFALL_BY and not RU_IMPROVE.isdisjoint(lemmas[i + 1:i + 3]):
            total -= 1.0  # "нужно улучшить поддержку", "стоит доработать приложение"
    return total


def _free_then_charged(lemmas: Sequence[str], i: int) -> bool:
    """Whether "бесплатный" at ``i``, promised, was then charged for: "обещали бесплатную установку, а потом выставили
    счёт" (not "обещали бесплатную установку и сделали всё бесплатно")."""
    if {"обещать", "обещанный"}.isdisjoint(lemmas[max(0, i - 3):i]):
        return False
    after = lemmas[i + 1:i + 14]
    turn = next((k for k, w in enumerate(after) if w in ("а", "но", "однако")), None)
    return turn is not None and not _RU_CHARGED.isdisjoint(after[turn:])


def _waited(lemmas: Sequence[str], i: int) -> float:
    """-1 when the unit at ``i`` tells a wait: "висел на линии 40 минут", "уже третий день", "жду две недели", "очередь
    на час", a job that took weeks ("карту перевыпускали месяц", "чинили две недели"); 0 for "за неделю", "работает
    месяц"."""
    unit = RU_UNITS[lemmas[i]]
    before = lemmas[max(0, i - 5):i]
    number = lemmas[i - 1] if i else ""
    counted = number in RU_NUMBERS or in_digits(number) or lemmas[i] in ("полчаса", "сутки") or number == "на" or (
        unit >= 4 and number in _RU_JOBS)
    # "уже" waits only before an ordinal: "уже третий день" (but "уже 10 дней работает"); a queue "на час"
    waiting = any(w in RU_WAITING and w != "уже" for w in before) or (
        i >= 2 and lemmas[i - 2] == "уже" and number in RU_ORDINALS) or (number == "на" and "очередь" in before) or (
        unit >= 4 and (number in _RU_JOBS or (i >= 2 and lemmas[i - 2] in _RU_JOBS))) or (
        unit >= 4 and (not _RU_TRYING.isdisjoint(before) or not _RU_TRYING.isdisjoint(lemmas[i + 1:i + 2])))
    if counted and waiting and not few_minutes(number, unit) \
            and not any(w in RU_QUICK for w in lemmas[max(0, i - 4):i]) \
            and not any(w in RU_NEGATORS for w in lemmas[max(0, i - 6):i]):
        return -1.0
    return 0.0


def _hung_up_or_queued(lemmas: Sequence[str], i: int) -> float:
    """-1 at "трубка" after a hang-up ("оператор бросил трубку"), at "очередь" told as huge ("огромные очереди",
    "очередь бесконечная"; not "не было больших очередей"), at "нигде" before a term kept back ("нигде не было
    написано"; not "нигде не видел дешевле")."""
    if lemmas[i] == "нигде":  # a term kept back: "комиссия, о которой нигде не было написано"
        return -1.0 if tuple(lemmas[i + 1:i + 2]) == ("не",) and not _RU_STATED.isdisjoint(lemmas[i + 2:i + 5]) else 0.0
    if RU_NEGATORS.isdisjoint(lemmas[max(0, i - 3):i]) and (
            (lemmas[i] == "трубка" and i and lemmas[i - 1] in ("бросить", "бросать"))
            or (lemmas[i] == "очередь" and (not _RU_HUGE.isdisjoint(lemmas[max(0, i - 2):i + 2])))):
        return -1.0
    return 0.0


_ANSWERED = frozenset({"отвечать", "ответить", "ответ", "отписываться"})


def _content_before(lemmas: Sequence[str], i: int) -> bool:
    """Whether the "нет" at ``i`` closes its clause after what a dish is made of ("мяса почти нет", "начинки нет") or an
    order should hold ("чека нет", "половины товаров нет")."""
    if not ru_clause_closes(lemmas, i + 1):
        return False
    k = i - 1
    while k > 0 and lemmas[k] in RU_AT_ALL:
        k -= 1
    return k >= 0 and (lemmas[k] in RU_CONTENTS or lemmas[k] in _ITEMS
                       or (k > 0 and lemmas[k - 1] in ("половина", "часть")))


# what an order should have held ("одного блюда нет", "чека нет", "половины товаров нет": a part missing)
_ITEMS = frozenset({"товар", "позиция", "блюдо", "напиток", "прибор", "чек", "заказ", "посылка", "соус"})


RU_AT_ALL = frozenset({"почти", "совсем", "вообще", "практически", "совершенно", "просто"})


def ru_clause_closes(lemmas: Sequence[str], k: int) -> bool:
    """Whether the Russian clause ends at ``k`` (after words of degree: "мяса нет вообще")."""
    while k < len(lemmas) and lemmas[k] in RU_AT_ALL:
        k += 1
    return k == len(lemmas) or not lemmas[k].isalnum()

