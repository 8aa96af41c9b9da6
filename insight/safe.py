"""Make exported cells safe to open in a spreadsheet.

A cell that starts with ``=``, ``+``, ``-``, ``@`` (or their full-width forms, or U+2212 minus),
a tab or a carriage return can be run as a formula by Excel, LibreOffice or Google Sheets
(OWASP "CSV injection"). Such text cells are prefixed with an apostrophe, which spreadsheets
show as plain text. Numbers stay numbers.
"""

from __future__ import annotations

import pandas as pd

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "\u2212", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def safe_cell(value: object) -> object:
    """Return ``value`` with an apostrophe in front when it is text a spreadsheet could execute."""
    if isinstance(value, str) and value.startswith(_TRIGGERS):
        return "'" + value
    return value


def spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells cannot run as spreadsheet formulas."""
    out = frame.copy()
    for col in out.columns:
        s = out[col]
        if s.dtype == object or isinstance(s.dtype, pd.StringDtype):
            text = s.astype("string")
            risky = text.str.startswith(_TRIGGERS).fillna(False)
            if risky.any():
                out[col] = text.mask(risky, "'" + text)
    out.columns = [safe_cell(str(c)) for c in out.columns]
    return out
