"""Bytes to text: empty and binary inputs refused, UTF-8 first, then a detected encoding."""

from __future__ import annotations

import codecs

from sitrep.errors import BinaryInputError, EmptyInputError, EncodingError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# control bytes that never occur in text (tab, newlines, form feed and ESC excluded)
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
SNIFF_BYTES = 8192


def bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or more than 1 in 20 control bytes, in the first 8 KB (BOM-less)."""
    head = data[:SNIFF_BYTES]
    if not head or bom_encoding(head):
        return False
    if b"\x00" in head:
        return True
    controls = sum(head.count(bytes([c])) for c in _CONTROL)
    return controls * 20 > len(head)


def decode_bytes(data: bytes, location: str) -> tuple[str, list[str]]:
    """The text of ``data`` and warnings (e.g. the encoding used when not UTF-8)."""
    if not data.strip():
        raise EmptyInputError(location, "the file is empty: there is no article to read")
    if looks_binary(data):
        raise BinaryInputError(
            location, "this is a binary file, not text: give a .md, .html, .txt or .jsonl file"
        )
    encoding = bom_encoding(data) or "utf-8"
    try:
        return data.decode(encoding), []
    except UnicodeDecodeError as exc:
        first_error = exc
    return _detected(data, location, first_error)


def _detected(data: bytes, location: str, first_error: UnicodeDecodeError) -> tuple[str, list[str]]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding in ("utf_8", "utf_8_sig"):
        raise EncodingError(
            location,
            f"the text is not valid UTF-8 (byte {first_error.start}) and no other encoding fits: "
            "convert it to UTF-8 (e.g. `iconv -f cp1252 -t utf-8`)",
        )
    return str(best), [f"not valid UTF-8; decoded as {best.encoding}"]
