"""Bytes to text, refusing what is not an article rather than guessing wildly."""

from __future__ import annotations

import re
import unicodedata


class SourceError(ValueError):
    """A file that cannot be read as an article; the message says why."""


class EmptySource(SourceError):
    pass


class BinarySource(SourceError):
    pass


class UndecodableSource(SourceError):
    pass


# Single-byte encodings wire archives are commonly saved in, tried after UTF-8.
FALLBACK_ENCODINGS = ("cp1252", "cp1251", "latin-1")


def decode_source(raw: bytes) -> tuple[str, str]:
    """Return (text, encoding): the text exactly as the file holds it, without a byte-order
    mark. Raises a SourceError naming the problem."""
    if not raw.strip():
        raise EmptySource("the file is empty")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as error:
            raise UndecodableSource(f"not valid UTF-16 ({error.reason})") from error
    if b"\x00" in raw[:8192]:
        raise BinarySource("the file is binary, not text")
    try:
        return raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        for encoding in FALLBACK_ENCODINGS:
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError:
                continue
            if _looks_like_text(text):
                return text, encoding
        raise UndecodableSource(
            f"not UTF-8 (byte {utf8_error.start}: {utf8_error.reason}) and no fallback encoding fits"
        ) from utf8_error


def _looks_like_text(text: str) -> bool:
    """Whether a fallback decoding reads as prose: no control characters, words with spaces."""
    if not text:
        return False
    control = sum(1 for char in text if unicodedata.category(char) == "Cc" and char not in "\n\r\t\f")
    spaces = sum(1 for char in text if char.isspace())
    wordlike = sum(1 for char in text if char.isalnum() or char.isspace() or char in ".,;:!?'\"()-")
    return control <= len(text) * 0.01 and spaces >= len(text) * 0.05 and wordlike >= len(text) * 0.9


def normalize_text(text: str) -> str:
    """The form extraction reads: NFC, Unix newlines, plain spaces."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Non-breaking and other exotic spaces become plain spaces; newlines stay meaningful.
    return _RARE_WHITESPACE.sub(_plain_space, text)


# Every space separator (Zs) is whitespace to `re`: only the rare ones need a look.
_RARE_WHITESPACE = re.compile(r"[^\S\n\t ]")


def _plain_space(match: re.Match) -> str:
    char = match.group()
    return " " if unicodedata.category(char) == "Zs" else char
