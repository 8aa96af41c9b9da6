"""Read an export file into a table of raw values, keeping every row accounted for.

CSV/TSV are parsed by pyarrow with every column as text (so "9.0" and "09" reach the score
parser as written); rows that do not fit the header are kept as malformed rows with a reason.
"""

from __future__ import annotations

import io
import json
import os
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

from insight.errors import LoadError
from insight.load import sniff
from insight.load.columns import header_row


@dataclass
class RawTable:
    """Raw values of an export, before any column is interpreted."""

    frame: pd.DataFrame  # one row per data record; original header names (made unique)
    row_numbers: pd.Series  # 1-based position of each record in the file (data rows, or sheet rows)
    malformed: list[tuple[int | None, str, str]] = field(default_factory=list)  # (row, raw text, reason)
    format: str = "csv"
    encoding: str | None = None
    delimiter: str | None = None
    header_row: int = 1  # 1-based record number of the header
    notes: list[str] = field(default_factory=list)


FORMATS = ("csv", "xlsx", "parquet", "jsonl")


# Files people export from elsewhere that are no survey export, by their first bytes.
_NOT_EXPORTS = (
    (b"%PDF-", "a PDF document"), (b"\x1f\x8b", "gzip-compressed data, e.g. an R .rda/.rds file"),
    (b"RDX2\n", "an R data file"), (b"RDX3\n", "an R data file"), (b"BZh91AY&SY", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"), (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"), (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x89PNG\r\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF89a", "a GIF image"), (b"GIF87a", "a GIF image"),
    (b"SQLite format 3\x00", "an SQLite database"), (b"$FL2", "an SPSS .sav file"), (b"$FL3", "an SPSS .sav file"),
    (b"\x7fELF", "a program"),
)
_TEXT_CONTROLS = frozenset(b"\x00\t\n\r\f\x1b")  # NULs: some exports pad with them (removed on reading)


def detect_format(path: Path, head: bytes) -> str:
    """Format from the file's first bytes, then its extension."""
    suffix = path.suffix.lower()
    what = next((name for magic, name in _NOT_EXPORTS if head.startswith(magic)), None)
    if what is not None:
        raise LoadError(f"{path}: not a survey export ({what}); export the survey as CSV, Excel (.xlsx), "
                        "Parquet or JSON lines")
    if head.startswith(b"PK\x03\x04"):
        _check_workbook(path)
        return "xlsx"
    if head.startswith(b"PAR1"):
        return "parquet"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise LoadError(f"{path}: old binary Excel (.xls) is not supported; save it as .xlsx or CSV")
    if suffix in (".jsonl", ".ndjson", ".json"):
        return "jsonl"
    if suffix in (".xlsx", ".xlsm", ".parquet", ".pq"):
        # The extension promises a binary format but the bytes say otherwise.
        raise LoadError(f"{path}: the file is named {suffix} but is not a valid {suffix[1:]} file")
    if _binary(head):
        raise LoadError(f"{path}: not a survey export (binary data, not text); export the survey as CSV, Excel "
                        "(.xlsx), Parquet or JSON lines")
    return "csv"


def _check_workbook(path: Path) -> None:
    """A zip file must be a workbook (an .xlsx is a zip of XML parts); any other zip is named for what it is."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise LoadError(f"{path}: not a readable .xlsx workbook or zip archive ({_first_line(str(exc))})") from None
    if "xl/workbook.xml" not in names:
        inside = ", ".join(n for n in names[:3]) + (", ..." if len(names) > 3 else "")
        raise LoadError(f"{path}: not a survey export (a zip archive{f' of {inside}' if inside else ''}); "
                        "unpack it and load the export inside")


def _binary(head: bytes) -> bool:
    """Bytes that are no text in any encoding we read: control characters other than NULs, tabs and
    line ends in more than 5% of the first 4 KB (random bytes have ~11%; UTF-16 text excepted)."""
    sample = head[:4096]
    if not sample or sniff.looks_utf16(sample) or sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    controls = sum(1 for b in sample if b < 32 and b not in _TEXT_CONTROLS)
    return controls > 0.05 * len(sample)


def read_raw(
    path: str | os.PathLike[str],
    encoding: str | None = None,
    sheet: str | None = None,
    hints: Sequence[str] = (),
    sniff_bytes: int = 1 << 20,
    header_search_rows: int = 20,
) -> RawTable:
    """Read ``path`` into a :class:`RawTable`; raise :class:`LoadError` with one clear line if it cannot.
    ``hints``: column names the caller knows the file has (the header is the row that holds them)."""
    path = Path(path)
    if not path.exists():
        raise LoadError(f"{path}: no such file")
    if path.is_dir():
        raise LoadError(f"{path}: is a folder, not a file")
    size = path.stat().st_size
    if size == 0:
        raise LoadError(f"{path}: the file is empty")
    with path.open("rb") as fh:
        head = fh.read(sniff_bytes)
    fmt = detect_format(path, head)
    if fmt == "xlsx":
        return _read_xlsx(path, sheet, hints, header_search_rows)
    if fmt == "parquet":
        return _read_parquet(path)
    enc = sniff.normalize_encoding(encoding) if encoding else sniff.detect_encoding(head, size <= len(head))
    if fmt == "jsonl":
        return _read_jsonl(path, enc)
    return _read_csv(path, head, size, enc, hints, header_search_rows)


def _decode(data: bytes, enc: str, path: Path, complete: bool = True) -> str:
    """Decode ``data``; a sample cut from a longer file may end inside a character."""
    try:
        return data.decode(enc, errors="strict" if complete else "ignore")
    except UnicodeDecodeError as exc:
        raise LoadError(f"{path}: byte {exc.start} cannot be decoded as {enc}; name the encoding with --encoding") from None


def unique_names(names: list[object]) -> list[str]:
    """Header names made usable: blanks named ``column_N``, repeats suffixed `` (2)``."""
    out: list[str] = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(names, 1):
        name = str(raw).strip() if raw is not None and str(raw).strip() else f"column_{i}"
        if name in seen:
            seen[name] += 1
            name = f"{name} ({seen[name]})"
        else:
            seen[name] = 1
        out.append(name)
    return out


def _read_csv(path: Path, head: bytes, size: int, enc: str, hints: Sequence[str], search: int) -> RawTable:
    complete = size <= len(head)
    text = _decode(head, enc, path, complete)
    if not text.strip("\x00\r\n\t \ufeff"):
        raise LoadError(f"{path}: the file holds no text")
    delimiter = sniff.sniff_delimiter(text.replace("\x00", ""))
    split = delimiter or sniff.ONE_COLUMN
    records = sniff.read_records(text.lstrip("\ufeff").replace("\x00", ""), split, search)
    records = [r for r in records if any(c.strip() for c in r)] or records
    hdr_idx = header_row(records, hints)
    header = unique_names(records[hdr_idx])
    notes = []
    if hdr_idx:
        notes.append(f"skipped {hdr_idx} line(s) above the header row")

    # pyarrow reads UTF-8 directly; anything else (or a file with NUL bytes) is decoded here first.
    utf8 = enc in ("utf-8", "utf-8-sig")
    has_nul = b"\x00" in head if utf8 else False
    if utf8 and not has_nul:
        source: object = str(path)
    else:
        decoded = _decode(path.read_bytes(), enc, path)
        nuls = decoded.count("\x00")
        if nuls:
            decoded = decoded.replace("\x00", "")
            notes.append(f"removed {nuls} NUL character(s)")
        source = io.BytesIO(decoded.lstrip("\ufeff").encode("utf-8"))

    malformed: list[tuple[int | None, str, str]] = []
    width = len(header)

    def on_invalid(row: pacsv.InvalidRow) -> str:
        malformed.append(
            (row.number, row.text, f"row has {row.actual_columns} field(s), the header has {row.expected_columns}")
        )
        return "skip"

    table = _arrow_read(path, source, header, hdr_idx, split, on_invalid, size)
    frame = table.to_pandas(types_mapper=_string_mapper)
    frame.columns = header[: len(frame.columns)]
    if len(frame.columns) != width:  # pragma: no cover - pyarrow always returns the named columns
        raise LoadError(f"{path}: could not read the columns of the header row")
    # The header was counted among the lines we skipped to reach the data.
    return RawTable(
        frame=frame,
        row_numbers=pd.Series(range(1, len(frame) + 1), index=frame.index),
        malformed=malformed,
        format="csv",
        encoding=enc,
        delimiter=delimiter,
        header_row=hdr_idx + 1,
        notes=notes,
    )


def _string_mapper(dtype: pa.DataType) -> object:
    return pd.StringDtype("pyarrow") if pa.types.is_string(dtype) or pa.types.is_large_string(dtype) else None


def _arrow_read(path, source, header, hdr_idx, delimiter, on_invalid, size) -> pa.Table:
    block = 1 << 22
    while True:
        if isinstance(source, io.BytesIO):
            source.seek(0)
        try:
            return pacsv.read_csv(
                source,
                read_options=pacsv.ReadOptions(
                    column_names=header, skip_rows=hdr_idx + 1, block_size=block, use_threads=True
                ),
                parse_options=pacsv.ParseOptions(
                    delimiter=delimiter, newlines_in_values=True, invalid_row_handler=on_invalid
                ),
                convert_options=pacsv.ConvertOptions(
                    column_types={name: pa.large_string() for name in header},  # no cast into pandas
                    strings_can_be_null=False,
                    quoted_strings_can_be_null=False,
                ),
            )
        except pa.ArrowInvalid as exc:
            msg = str(exc)
            if "straddling" in msg.lower() and block < max(size, 1) * 2:
                block *= 8  # one record (a pasted-in essay) is larger than a parse block
                continue
            if "utf8" in msg.lower().replace("-", ""):
                raise LoadError(
                    f"{path}: the file is not valid UTF-8 past its start; name the encoding with --encoding"
                ) from None
            raise LoadError(f"{path}: cannot parse as {_delim_name(delimiter)}-separated text: {_first_line(msg)}") from None


def _delim_name(d: str) -> str:
    return {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe", sniff.ONE_COLUMN: "line"}.get(d, repr(d))


def _first_line(msg: str) -> str:
    return msg.strip().splitlines()[0] if msg.strip() else "unknown error"


def _read_xlsx(path: Path, sheet: str | None, hints: Sequence[str], search: int) -> RawTable:
    import openpyxl  # imported here: most runs read CSV

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise LoadError(f"{path}: not a readable .xlsx workbook ({_first_line(str(exc))})") from None
    try:
        if sheet is not None:
            if sheet not in book.sheetnames:
                raise LoadError(f"{path}: no sheet {sheet!r} (sheets: {', '.join(book.sheetnames)})")
            ws = book[sheet]
        else:
            ws = book.worksheets[0]
        rows = [list(r) for r in ws.iter_rows(values_only=True)]
    finally:
        book.close()
    if not any(any(c is not None and str(c).strip() for c in r) for r in rows):
        raise LoadError(f"{path}: the sheet {ws.title!r} is empty")
    hdr_idx = header_row(rows[:search], hints)
    header = unique_names(rows[hdr_idx])
    width = len(header)
    data, numbers, malformed = [], [], []
    for i, r in enumerate(rows[hdr_idx + 1 :], start=hdr_idx + 2):
        if not any(c is not None and str(c).strip() for c in r):
            continue  # a blank sheet row is not a response
        extra = [c for c in r[width:] if c is not None and str(c).strip()]
        if extra:
            malformed.append((i, " | ".join("" if c is None else str(c) for c in r), f"row has values beyond the {width} header columns"))
            continue
        data.append((list(r) + [None] * width)[:width])
        numbers.append(i)
    frame = pd.DataFrame(data, columns=header, dtype=object)
    notes = [f"sheet {ws.title!r}"] + ([f"skipped {hdr_idx} row(s) above the header row"] if hdr_idx else [])
    return RawTable(frame, pd.Series(numbers, index=frame.index, dtype="int64"), malformed, "xlsx", None, None, hdr_idx + 1, notes)


def _read_parquet(path: Path) -> RawTable:
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(path)
    except (pa.ArrowInvalid, OSError) as exc:
        raise LoadError(f"{path}: not a readable Parquet file ({_first_line(str(exc))})") from None
    frame = _one_value_per_cell(table).to_pandas(types_mapper=_string_mapper)
    frame.columns = unique_names(list(frame.columns))
    frame = frame.reset_index(drop=True)
    return RawTable(frame, pd.Series(range(1, len(frame) + 1), index=frame.index), [], "parquet", None, None, 0, [])


def _one_value_per_cell(table: pa.Table) -> pa.Table:
    """``table`` with its nested columns (lists - a multi-choice answer, say -, structs, maps) as
    their JSON text and its binary columns as text (UTF-8, undecodable bytes replaced), as a cell of
    a CSV export would hold them."""
    columns = []
    for column in table.columns:
        kind = column.type
        if pa.types.is_nested(kind):
            column = pa.array([None if v is None else _json_text(v) for v in column.to_pylist()], pa.string())
        elif pa.types.is_binary(kind) or pa.types.is_large_binary(kind) or pa.types.is_fixed_size_binary(kind):
            column = pa.array([None if v is None else v.decode("utf-8", "replace") for v in column.to_pylist()],
                              pa.string())
        columns.append(column)
    return pa.Table.from_arrays(columns, names=table.column_names)


def _json_text(value: object) -> str:
    """A nested value (list, object) as the text a cell holds: its JSON, non-ASCII kept."""
    return json.dumps(value, ensure_ascii=False, default=str)


_JSON_WS = re.compile(r"^\s*$")


def _read_jsonl(path: Path, enc: str) -> RawTable:
    text = _decode(path.read_bytes(), enc, path).lstrip("\ufeff")
    records: list[dict] = []
    numbers: list[int] = []
    malformed: list[tuple[int | None, str, str]] = []
    if text.lstrip().startswith("["):
        try:
            items = json.loads(text)
        except json.JSONDecodeError as exc:
            raise LoadError(f"{path}: invalid JSON at line {exc.lineno}: {exc.msg}") from None
        lines = [(i, item, None) for i, item in enumerate(items, 1)]
    else:
        lines = []
        for i, line in enumerate(text.splitlines(), 1):
            if _JSON_WS.match(line):
                continue
            try:
                lines.append((i, json.loads(line), line))
            except json.JSONDecodeError as exc:
                malformed.append((i, line[:1000], f"invalid JSON: {exc.msg}"))
    for i, item, line in lines:
        if not isinstance(item, dict):
            malformed.append((i, (line or json.dumps(item, ensure_ascii=False))[:1000], "a JSON line must be an object"))
            continue
        # a nested object or list in a field is kept as its JSON text (a cell holds one value)
        records.append({k: _json_text(v) if isinstance(v, (dict, list)) else v for k, v in item.items()})
        numbers.append(i)
    if not records and not malformed:
        raise LoadError(f"{path}: the file holds no records")
    columns: dict[str, None] = {}
    for r in records:
        for k in r:
            columns.setdefault(k, None)
    # (records that are all empty objects have no columns: pandas would make no rows of them)
    frame = (pd.DataFrame.from_records(records, columns=list(columns)) if columns
             else pd.DataFrame(index=pd.RangeIndex(len(records)))).astype(object)
    frame = frame.where(frame.notna(), None)
    frame.columns = unique_names(list(frame.columns))
    return RawTable(frame, pd.Series(numbers, index=frame.index, dtype="int64"), malformed, "jsonl", enc, None, 0, [])
