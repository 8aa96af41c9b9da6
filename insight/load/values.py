"""Read scores and dates from the values real exports hold; say why a value cannot be read."""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, datetime

import numpy as np
import pandas as pd

# "9", "9.0", "09", "10 - Extremely likely", "0: Not at all likely", "9/10", "9 分", "9 баллов".
_SCORE = re.compile(
    r"(?P<num>[+-]?\d+(?:[.,]\d+)?)"
    r"(?:\s*/\s*10)?"
    r"(?:\s*(?:[-–—:=|(]\s*.*|分|балл(?:а|ов)?|points?|pts?)?)?",
    re.DOTALL,
)
_OUT_OF_TEN = re.compile(r"^\s*/\s*10(?!\d)")  # "9/10": the scale, not another number
# The label first: "Extremely likely - 10", "Not at all likely - 0", "极有可能 10", "Very likely (9)".
# Read only when the text holds this one number and its label some letters (never "9 10" or "7-8").
_SCORE_LABEL_FIRST = re.compile(
    r"(?P<label>[^\d]*[^\W\d_][^\d]*?)\s*[-–—:=|(]?\s*(?P<num>\d+(?:[.,]\d+)?)\s*\)?"
    r"(?:\s*/\s*10)?\s*(?:分|балл(?:а|ов)?|points?|pts?)?\.?",
    re.DOTALL,
)


def parse_score(value: object) -> tuple[int | None, str | None]:
    """Parse one raw score: ``(score, None)`` for a whole number 0-10, else ``(None, reason)``."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA or value is pd.NaT:
        return None, "missing score"
    if isinstance(value, (bool, np.bool_)):
        return None, f"score is a true/false value ({value}), not 0-10"
    if isinstance(value, (int, np.integer)):
        return _in_range(int(value), value)
    if isinstance(value, (float, np.floating)):
        if not math.isfinite(value):
            return None, f"score {value!r} is not a number"
        if value != int(value):
            return None, f"score {value:g} is not a whole number"
        return _in_range(int(value), value)
    if isinstance(value, (datetime, date)):
        return None, f"score {value!s} is a date, not 0-10"
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if not text:
        return None, "missing score"
    m = _SCORE.fullmatch(text) or _SCORE_LABEL_FIRST.fullmatch(text)
    if m is None:
        return None, f"score {_short(text)!r} is not a number 0-10"
    if any(ch.isdigit() for ch in _OUT_OF_TEN.sub("", text[m.end("num"):])):  # "7-8", "9 - 10": a range
        return None, f"score {_short(text)!r} holds more than one number"
    num = m.group("num").replace(",", ".")
    number = float(num)
    if number != int(number):
        return None, f"score {_short(text)!r} is not a whole number"
    return _in_range(int(number), text)


def _in_range(score: int, raw: object) -> tuple[int | None, str | None]:
    if 0 <= score <= 10:
        return score, None
    return None, f"score {_short(str(raw))!r} is outside 0-10"


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def parse_scores(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Parse a column of raw scores.

    Returns ``(scores, reasons)``: ``scores`` is int8 with -1 where unreadable; ``reasons`` is an
    object array, ``None`` where the score was read. Each distinct raw value is parsed once, so a
    million rows cost as much as their few distinct values.
    """
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    parsed = [parse_score(u) for u in uniques]
    lookup_score = np.array([s if s is not None else -1 for s, _ in parsed] + [-1], dtype=np.int8)
    lookup_reason = np.array([r for _, r in parsed] + ["missing score"], dtype=object)
    # factorize marks missing values with -1, which indexes the trailing "missing" entry.
    return lookup_score[codes], lookup_reason[codes]


# Formats tried after ISO 8601, in this order. Day-first vs month-first is decided per column.
_DAY_FIRST = ("%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M", "%d.%m.%Y", "%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M",
              "%d/%m/%Y %I:%M:%S %p", "%d/%m/%Y %I:%M %p", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%y", "%d/%m/%y")
_MONTH_FIRST = ("%m/%d/%Y %H:%M:%S", "%m/%d/%Y %H:%M", "%m/%d/%Y %I:%M:%S %p", "%m/%d/%Y %I:%M %p",
                "%m/%d/%Y", "%m-%d-%Y", "%m/%d/%y", "%m/%d/%y %H:%M")
_OTHER = ("%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M", "%Y/%m/%d", "%Y.%m.%d", "%Y%m%d",
          "%d %b %Y", "%d %B %Y", "%b %d, %Y", "%B %d, %Y", "%b %d %Y", "%d-%b-%Y", "%d-%b-%y",
          "%a, %d %b %Y %H:%M:%S", "%Y年%m月%d日 %H:%M:%S", "%Y年%m月%d日 %H:%M", "%Y年%m月%d日", "%Y年%m月")
_NUMERIC_DATE = re.compile(r"^\s*(\d{1,2})[./-](\d{1,2})[./-]\d{2,4}")


def date_order(samples: list[str]) -> str:
    """``"day"`` or ``"month"``: which comes first in slash/dot dates like 03/05/2024.

    A first field above 12 proves day-first, a second field above 12 proves month-first; dotted
    dates (05.03.2024, the Russian and German style) are day-first. With no evidence, month-first
    (the US default of SurveyMonkey and Google Forms) is assumed and the caller says so.
    """
    day_votes = month_votes = 0
    for s in samples:
        m = _NUMERIC_DATE.match(s)
        if not m:
            continue
        a, b = int(m.group(1)), int(m.group(2))
        if a > 12 or "." in s[: m.end()]:
            day_votes += 1
        elif b > 12:
            month_votes += 1
    return "day" if day_votes > month_votes else "month"


def parse_dates(values: pd.Series) -> tuple[pd.Series, np.ndarray, str | None]:
    """Parse a column of raw dates.

    Returns ``(dates, reasons, note)``: naive UTC timestamps (NaT where empty or unreadable),
    a reason per row where a non-empty value could not be read, and a note describing an
    assumption made (e.g. month-first dates), if any.

    Text columns take a vectorised ISO 8601 pass over all rows first (timestamps are nearly all
    distinct, so there is nothing to gain from parsing distinct values); whatever that leaves is
    parsed per distinct value against the other export formats.
    """
    values = values.reset_index(drop=True)
    n = len(values)
    if isinstance(values.dtype, pd.StringDtype):
        text = values.fillna("")  # padded values miss the fast pass and are stripped below
        dates = _iso_dates(text)
        left = ((text != "") & dates.isna()).to_numpy()
    else:
        dates = pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns]")
        left = values.notna().to_numpy()
    note = None
    reasons = np.full(n, None, dtype=object)
    if left.any():
        rest = values[left]
        codes, uniques = pd.factorize(rest, use_na_sentinel=True)
        parsed, failed, note = _parse_distinct(pd.Series(uniques, dtype=object))
        fill = np.append(parsed.to_numpy(), np.datetime64("NaT", "ns"))[codes]
        dates = dates.copy()
        dates[left] = fill
        bad = np.append(failed, False)[codes]
        if bad.any():
            where = np.flatnonzero(left)[bad]
            reasons[where] = [f"date {_short(str(v))!r} is not a date this tool reads (a day of the years "
                              f"{FIRST_DAY.year}-{LAST_DAY.year})" for v in values[where]]
    return dates, reasons, note


_ISO_SHAPES = (
    (re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}"), "%Y-%m-%d %H:%M:%S"),
    (re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}"), "%Y-%m-%dT%H:%M:%S"),
    (re.compile(r"\d{4}-\d{2}-\d{2}"), "%Y-%m-%d"),
)


def _iso_dates(text: pd.Series) -> pd.Series:
    """ISO 8601 pass over a whole text column.

    When the first value has one of the plain shapes exports write most ("2024-03-05 14:22:01"),
    pyarrow's strptime reads the column in one go and leaves the rest (offsets, fractions, other
    shapes) missing: the caller parses those per distinct value, ISO 8601 first. Otherwise the
    whole column goes through pandas' ISO 8601 parser.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    first = next((v for v in text.head(100) if v), "")
    for shape, fmt in _ISO_SHAPES:
        if shape.fullmatch(first):
            arr = pc.strptime(pa.array(text, type=pa.large_string()), format=fmt, unit="s", error_is_null=True)
            return _dates_in_range(pd.Series(arr.to_numpy(zero_copy_only=False), index=text.index))
    return _to_datetime(text, "ISO8601")


def _parse_distinct(raw: pd.Series) -> tuple[pd.Series, np.ndarray, str | None]:
    """Parse distinct raw date values of any type; return dates, a failed-mask and an optional note."""
    parsed = pd.Series(pd.NaT, index=raw.index, dtype="datetime64[ns]")
    is_dt = raw.map(lambda v: isinstance(v, (datetime, date, np.datetime64))).astype(bool)
    if is_dt.any():
        stamps = pd.to_datetime(pd.Series(list(raw[is_dt]), index=raw.index[is_dt]), errors="coerce", utc=True)
        parsed[is_dt] = _dates_in_range(stamps.dt.tz_convert(None))
    is_num = raw.map(lambda v: isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool)).astype(bool)
    text = raw.where(~(is_dt | is_num), None).map(
        lambda v: unicodedata.normalize("NFKC", str(v)).strip() if v is not None else ""
    )
    todo = (text != "") & parsed.isna()
    note = None
    if todo.any():
        parsed[todo] = _to_datetime(text[todo], "ISO8601")
        left = todo & parsed.isna()
        if left.any():
            order = date_order(text[left].head(5000).tolist())
            numeric = _DAY_FIRST + _MONTH_FIRST if order == "day" else _MONTH_FIRST + _DAY_FIRST
            for fmt in numeric + _OTHER:
                left = todo & parsed.isna()
                if not left.any():
                    break
                parsed[left] = _to_datetime(text[left], fmt)
            if order == "month" and any(_NUMERIC_DATE.match(s) for s in text[todo].head(5000)):
                note = "dates like 03/05/2024 were read month-first (no value proves day-first)"
    if is_num.any():
        # Excel serial day numbers (days since 1899-12-30) arrive as numbers from some exports.
        serial = pd.to_numeric(raw[is_num], errors="coerce")
        good = serial.between(20000, 80000)
        parsed[serial[good].index] = pd.Timestamp("1899-12-30") + pd.to_timedelta(serial[good], unit="D")
    failed = (parsed.isna() & ((text != "") | is_num | is_dt)).to_numpy()
    return parsed, failed, note


def _to_datetime(text: pd.Series, fmt: str) -> pd.Series:
    out = pd.to_datetime(text, format=fmt, errors="coerce", utc=True)
    return _dates_in_range(out.dt.tz_convert(None))


# the days a nanosecond timestamp holds (whole years): "9999-12-31", a common stand-in for "no
# date", or year 1 would overflow it; they are dates this tool does not read
FIRST_DAY, LAST_DAY = pd.Timestamp("1678-01-01"), pd.Timestamp("2261-12-31 23:59:59")


def _dates_in_range(dates: pd.Series) -> pd.Series:
    """``dates`` (naive, any unit) as nanosecond timestamps, missing outside FIRST_DAY..LAST_DAY."""
    return dates.where((dates >= FIRST_DAY) & (dates <= LAST_DAY)).astype("datetime64[ns]")
