"""Guess how a delimited text export is written: encoding, delimiter, header row."""

from __future__ import annotations

import codecs
import csv
import io

from charset_normalizer import from_bytes

from insight.errors import LoadError

# Encodings real survey exports use. Order matters only for ties.
CANDIDATE_ENCODINGS = ("utf_8", "gb18030", "big5", "cp1251", "koi8_r", "utf_16")
DELIMITERS = (",", ";", "\t", "|")
# splits nothing: how a file of one column is parsed (the ASCII unit separator, which no export writes)
ONE_COLUMN = "\x1f"

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# csv's default limit (128 KiB a field) is below a real pasted-in comment; a row that is larger
# than this is a broken file rather than a comment.
csv.field_size_limit(1 << 30)


def normalize_encoding(name: str) -> str:
    """Return Python's canonical codec name for ``name`` or raise a one-line error."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise LoadError(f"unknown encoding {name!r} (try utf-8, gb18030, big5, cp1251, koi8-r, utf-16)") from None


def detect_encoding(sample: bytes, complete: bool) -> str:
    """Detect the encoding of a file from its first bytes.

    ``complete`` says whether ``sample`` is the whole file (then a trailing partial character is
    an error, not an artefact of cutting the sample).
    """
    for bom, name in _BOMS:
        if sample.startswith(bom):
            return name
    if looks_utf16(sample):
        return "utf-16-le" if sample[1:2] == b"\x00" else "utf-16-be"
    if _is_utf8(sample, complete):
        return "utf-8"
    best = from_bytes(sample, cp_isolation=list(CANDIDATE_ENCODINGS[1:]), explain=False).best()
    if best is None:
        raise LoadError(
            "cannot tell the file's encoding (not UTF-8, UTF-16, GB18030, Big5, Windows-1251 or KOI8-R); "
            "name it with --encoding"
        )
    return codecs.lookup(best.encoding).name


def _is_utf8(sample: bytes, complete: bool) -> bool:
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A sample cut in the middle of a multi-byte character is still UTF-8.
        return not complete and exc.start >= len(sample) - 3 and exc.reason == "unexpected end of data"
    return True


def looks_utf16(sample: bytes) -> bool:
    """UTF-16 without a BOM: text in Latin script has a NUL in every other byte."""
    head = sample[:4096]
    if len(head) < 4:
        return False
    even_nuls = head[0::2].count(0) / len(head[0::2])
    odd_nuls = head[1::2].count(0) / len(head[1::2])
    return max(even_nuls, odd_nuls) > 0.4 and min(even_nuls, odd_nuls) < 0.05


def sniff_delimiter(text: str) -> str | None:
    """Pick the delimiter that splits the first lines into the most consistent number of fields;
    None when none splits most of them: a file of one column (a comment's comma is then text)."""
    best, best_key = None, (-1.0, 0)
    for delim in DELIMITERS:
        widths = [len(r) for r in read_records(text, delim, 50) if any(f.strip() for f in r)]
        if not widths:
            continue
        modal = max(set(widths), key=widths.count)
        if modal < 2:
            continue
        agreement = widths.count(modal) / len(widths)
        key = (agreement, modal)
        if key > best_key:
            best, best_key = delim, key
    return best


def read_records(text: str, delimiter: str, limit: int) -> list[list[str]]:
    """Parse up to ``limit`` records from the start of ``text`` (the last may be cut)."""
    records = []
    # newline="" keeps \r, \n and \r\n line ends for csv to split (old Mac exports end lines in \r).
    for record in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
        records.append(record)
        if len(records) >= limit:
            break
    return records
