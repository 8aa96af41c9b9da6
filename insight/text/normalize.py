"""Per-comment normalisation: a matching form, filler detection, PII redaction.

The original comment is always kept for display; these functions derive what the engine
matches on (``matching_form``) and what is shown to people (``redact``).
"""

from __future__ import annotations

import functools
import re
import unicodedata

_LINE_BREAKS = re.compile(r"\s*(?:[\r\n\x0b\x0c\x85\u2028\u2029]|\\+[rn])(?:\s|\\+[rn])*")
_BREAK_CHARS = "\r\n\x0b\x0c\x85\u2028\u2029\\"
_WS = re.compile(r"[^\S\n]+")
# (vertical tab, form feed and the Unicode line/paragraph separators are line breaks by then)
_CTRL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\u200b-\u200f\ufeff]")


def clean(text: str) -> str:
    """NFKC, control characters removed, whitespace collapsed, stripped; a line break stays one
    (it ends a sentence: bullet lists, one point per line), and so does an escaped one, the two
    characters ``\\n`` some exports write for it (or ``\\\\n``, escaped twice, as scraped corpora have it)."""
    text = unicodedata.normalize("NFKC", text)
    if any(ch in text for ch in _BREAK_CHARS):  # most comments are one line: skip the slower regex
        text = _LINE_BREAKS.sub("\n", text)
    text = _CTRL.sub("", text)
    return _WS.sub(" ", text).strip()


@functools.lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional -> Simplified Chinese (OpenCC ``t2s``), used for matching only."""
    return _t2s().convert(text)


def matching_form(text: str, lang: str, cleaned: bool = False) -> str:
    """The form the tagger matches on: cleaned, lower-cased, Chinese in Simplified characters
    (``cleaned``: ``text`` comes from :func:`clean` already)."""
    text = (text if cleaned else clean(text)).lower()
    if lang == "zh":
        text = to_simplified(text)
    return text


# Answers that say nothing, matched on the whole cleaned, lower-cased comment without trailing
# punctuation; kept and counted, never tagged. Short answers that do say something ("good",
# "ok", "一般", "нормально") are not fillers: they are thin, but they are an opinion.
FILLERS = frozenset(
    {
        "", "-", "--", "---", ".", "..", "...", "?", "/", "x", "n/a", "na", "n.a", "n a", "none", "nothing",
        "no", "nope", "nil", "null", "no comment", "no comments", "nothing to add", "nothing else",
        "nothing really", "nothing to say", "not really", "no idea", "dunno", "idk", "not applicable",
        "无", "没有", "暂无", "无意见", "没意见", "没什么", "没有意见", "没啥", "沒有", "無", "暫無", "無意見",
        "沒意見", "沒什麼", "没", "沒", "无所谓", "無所謂", "不知道", "无话可说", "無話可說",
        "нет", "ничего", "без комментариев", "нечего добавить", "нет комментариев", "не знаю", "никак",
        "нечего сказать", "затрудняюсь ответить",
    }
)
_LONGEST_FILLER = max(map(len, FILLERS))
_TRAILING = " .!?。！？,，;；:：~～…"


def is_filler(text: str, cleaned: bool = False) -> bool:
    """True for comments that carry no content: empty, "n/a", "nothing", "无", "нет", "-", ...
    (``cleaned``: ``text`` comes from :func:`clean` already)."""
    core = (text if cleaned else clean(text)).rstrip(_TRAILING)  # clean() left only plain spaces
    return len(core) <= _LONGEST_FILLER and core.lower() in FILLERS


def has_content(text: str) -> bool:
    """True when the comment has letters or CJK characters (not only emoji, digits or punctuation)."""
    return any(ch.isalpha() for ch in text)


# --- PII -----------------------------------------------------------------------------------

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
# Card-like runs: 13-19 digits, optionally grouped by spaces or dashes.
_CARD = re.compile(r"\b(?:\d[ -]?){12,18}\d\b")
# Phone numbers: international (+1 415 555 0134, +7 912 345-67-89), Chinese mobiles
# (13812345678), Taiwanese mobiles (0912 345 678), Russian 8 (912) 345-67-89, and local
# groups of 7+ digits with separators.
_PHONE = re.compile(
    r"(?:\+?\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]?\d{2,4}){1,4}"
)


def redact(text: str) -> str:
    """Replace emails, URLs, card-like digit runs and phone numbers with placeholders."""
    text = _EMAIL.sub("[email]", text)
    text = _URL.sub("[url]", text)
    text = _CARD.sub(_card_or_keep, text)
    return _PHONE.sub(_phone_or_keep, text)


def _card_or_keep(m: re.Match[str]) -> str:
    return "[card]" if sum(ch.isdigit() for ch in m.group()) >= 13 else m.group()


def _phone_or_keep(m: re.Match[str]) -> str:
    digits = sum(ch.isdigit() for ch in m.group())
    # 7..15 digits is a phone number (E.164 allows 15); shorter runs are prices, years, order sizes.
    return "[phone]" if 7 <= digits <= 15 and not _looks_like_date(m.group()) else m.group()


_DATEISH = re.compile(r"^\d{4}[-.]\d{1,2}[-.]\d{1,2}$|^\d{1,2}[-.]\d{1,2}[-.]\d{2,4}$")


def _looks_like_date(s: str) -> bool:
    return bool(_DATEISH.match(s.strip()))
