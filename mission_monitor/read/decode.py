"""Bytes -> text: encoding detection that never raises anything but :class:`ValueError`.

UTF-8 (with or without a byte-order mark) and UTF-16 with a BOM are taken as they are; any other
bytes go through charset-normalizer. Where it finds several encodings equally plausible (short
texts in a single-byte encoding often fit cp1250, cp1252 and cp1257 alike), windows-1252 wins, as
the WHATWG encoding standard makes it the fallback for Western pages and it is a superset of
Latin-1 for printable text.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

#: Preferred where charset-normalizer ranks encodings as equally good (see the module docstring).
PREFERRED_FALLBACKS = ("utf_8", "cp1252", "latin_1", "iso8859_15")
#: More than this share of control characters (other than tab/newline/CR/FF) means binary.
MAX_CONTROL_SHARE = 0.01
SNIFF_BYTES = 8192


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:SNIFF_BYTES]
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
    return bad / len(sample)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data`` to ``(text, encoding)``.

    Raises ``ValueError("empty file")`` for no (or only blank) content and
    ``ValueError("binary file ...")`` for data that is not text in any encoding.
    """
    if not data.strip():
        raise ValueError("empty file")
    for bom, enc in (
        (codecs.BOM_UTF8, "utf_8_sig"),
        (codecs.BOM_UTF16_LE, "utf_16"),
        (codecs.BOM_UTF16_BE, "utf_16"),
    ):
        if data.startswith(bom):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError as exc:
                raise ValueError(f"binary file (broken {enc} text: {exc.reason})") from exc
            return _checked(text, enc)
    if b"\x00" in data[:SNIFF_BYTES]:
        raise ValueError("binary file (NUL bytes)")
    try:
        return _checked(data.decode("utf-8"), "utf_8")
    except UnicodeDecodeError:
        pass
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise ValueError("binary file (no text encoding fits its bytes)")
    chosen = best
    for match in matches:
        if (
            match.encoding in PREFERRED_FALLBACKS
            and abs(match.chaos - best.chaos) < 0.01
            and abs(match.coherence - best.coherence) < 0.01
        ):
            chosen = match
            break
    return _checked(str(chosen), chosen.encoding)


def _checked(text: str, encoding: str) -> tuple[str, str]:
    if not text.strip():
        raise ValueError("empty file")
    if _control_share(text) > MAX_CONTROL_SHARE:
        raise ValueError("binary file (control characters)")
    return text, encoding
