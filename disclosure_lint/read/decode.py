"""Bytes → text for every text-based reader (plain text, structured YAML/JSON, HTML).

Chinese government reports reach us as UTF-8 (with or without BOM), as GB18030/GBK from older
Windows tools and CMSes, now and then as UTF-16 from Notepad, and with CRLF line ends. We decide
the encoding from the bytes with a fixed chain — BOM, then *strict* UTF-8, then GB18030 — instead of
guessing with a statistical detector: UTF-8 validation almost never accepts GBK bytes by accident,
and GB18030 is a superset of GB2312 and GBK, so reading a "gb2312" file as GB18030 never loses a
character that plain gb2312 would have decoded (and keeps the ones it would have choked on).

Line ends become LF so that line numbers are the same whatever the platform that wrote the file.

A byte string that no step of the chain accepts, or that decodes but is plainly not text (NUL bytes,
a high share of control characters), is binary: an `InputError` with a one-line message.
"""

from __future__ import annotations

import codecs
import re

from ..errors import InputError

# (BOM, codec) pairs, longest first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Declared charsets that are really GB18030 subsets: read them as GB18030 (docs/format.md §12).
# WHATWG labels of the GBK family (without "-" and "_"), which Python's codec registry lacks.
_GB_LABELS = frozenset({"gb2312", "gb231280", "csgb2312", "csgb231280", "chinese", "isoir58", "gbk",
                        "xgbk", "cp936", "gb18030"})
_GB_FAMILY = frozenset({"gb2312", "gbk", "gb18030", "cp936", "ms936", "euc_cn", "936"})

# Control characters that never occur in a text file. TAB, LF, CR, FF, VT and ESC (ANSI colour in
# pasted terminal output) are allowed; C1 controls (U+0080–U+009F) are not.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]")
# Private-use characters: GB18030 maps its user-defined byte ranges there, so random bytes that
# happen to decode as GB18030 are full of them, while real Chinese text has none.
_PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]")
_SAMPLE = 65536  # characters inspected by the binary heuristics: enough, and bounded in cost
_MAX_ODD_SHARE = 0.03

NOT_TEXT_ZH = "不是可识别的文本文件：无法按 UTF-8、UTF-16 或 GB18030 解码，可能是二进制文件或不支持的格式"
NOT_TEXT_EN = (
    "not a text file of a supported format: it decodes as neither UTF-8, UTF-16 nor GB18030 "
    "(a binary file, or a format disclosure-lint does not read)"
)
BINARY_ZH = "不是可识别的文本文件：含有空字节或大量控制字符，像是二进制文件"
BINARY_EN = (
    "not a text file of a supported format: it contains NUL bytes or many control characters "
    "(a binary file?)"
)


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR → LF, so line numbers count the same on every platform."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _strict(data: bytes, codec: str, final: bool) -> str | None:
    """Decode strictly; ``final=False`` tolerates a sequence cut at the end (a sniffed head)."""
    try:
        return codecs.getincrementaldecoder(codec)("strict").decode(data, final=final)
    except (UnicodeDecodeError, LookupError):
        return None


def _bom_codec(data: bytes) -> str | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec
    return None


def _utf16_without_bom(data: bytes, final: bool) -> tuple[str, str] | None:
    """UTF-16 without a BOM (rare: Notepad writes one). Tried only when the zero bytes sit on one
    byte parity, as ASCII characters in UTF-16 put them; such bytes are neither UTF-8 nor GB18030
    text anyway. The right byte order decodes line ends and ASCII (digits, TABs) as themselves,
    the wrong one turns them into U+0A00, U+3000 …, so the order with more of them wins."""
    head = data[:2 * _SAMPLE]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    # ASCII puts its zero byte on one side; binary data scatters zeros over both.
    if max(even, odd) < 2 * min(even, odd) + 2:
        return None
    best: tuple[int, str, str] | None = None
    for codec in ("utf-16-le", "utf-16-be"):
        text = _strict(data, codec, final)
        if text is None:
            continue
        sample = text[:_SAMPLE]
        if "\n" not in sample and len(sample) >= 200:  # a text file this long has a line end
            continue
        score = sum(1 for ch in sample if ch < "\x7f" and (ch.isprintable() or ch in "\t\n\r"))
        if score and (best is None or score > best[0]):
            best = (score, text, codec)
    return (best[1], best[2]) if best else None


def _looks_binary(text: str, codec: str) -> bool:
    sample = text[:_SAMPLE]
    if not sample:
        return False
    if "\x00" in sample:
        return True
    odd = len(_CONTROL.findall(sample))
    if codec == "gb18030":
        odd += len(_PRIVATE_USE.findall(sample))
    return odd / len(sample) > _MAX_ODD_SHARE


def _finish(text: str | None, codec: str) -> tuple[str, str]:
    if text is None:
        raise InputError(NOT_TEXT_ZH, NOT_TEXT_EN)
    if text.startswith("\ufeff"):  # a BOM the codec kept (utf-16-le/be, utf-32) is not content
        text = text[1:]
    if _looks_binary(text, codec):
        raise InputError(BINARY_ZH, BINARY_EN)
    return normalize_newlines(text), codec


def canonical_charset(declared: str | None) -> str | None:
    """A declared charset label as a Python codec name; the GB family becomes ``gb18030``.

    Unknown labels give ``None`` (ignored): a typo in a ``<meta charset>`` must not stop the run.
    """
    if not declared:
        return None
    label = declared.strip().strip("\"'").lower()
    if label.replace("-", "").replace("_", "") in _GB_LABELS:
        return "gb18030"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return "gb18030" if name in _GB_FAMILY else name


def decode_with_declared(data: bytes, declared: str | None, *, final: bool = True) -> tuple[str, str]:
    """Decode with the chain BOM → strict UTF-8 → ``declared`` → GB18030; LF line ends.

    ``declared`` is what the file says about itself (an HTML ``<meta charset>``): it is trusted
    only after a BOM and strict UTF-8, because CMSes often declare gb2312 for pages they serve as
    UTF-8. gb2312/gbk are read as GB18030. ``final=False`` is for sniffing a head cut at an
    arbitrary byte: an incomplete trailing sequence is then not an error.

    Returns ``(text, codec)``; raises `InputError` for binary data.
    """
    bom = _bom_codec(data)
    if bom is not None:
        return _finish(_strict(data, bom, final), bom)
    utf16 = _utf16_without_bom(data, final)
    if utf16 is not None:
        return _finish(*utf16)
    text = _strict(data, "utf-8", final)
    if text is not None:
        return _finish(text, "utf-8")
    chain = [c for c in (canonical_charset(declared), "gb18030") if c and c != "utf-8"]
    for codec in dict.fromkeys(chain):  # de-duplicated, order kept
        text = _strict(data, codec, final)
        if text is not None:
            return _finish(text, codec)
    raise InputError(NOT_TEXT_ZH, NOT_TEXT_EN)


def not_text_detail(data: bytes) -> InputError | None:
    """What exactly makes ``data`` — which no reader takes — unreadable as text, when the bytes
    tell: UTF-8 that stops being UTF-8 part-way (two encodings pasted into one file, or damage
    from there on), or a NUL byte in otherwise readable text. None when there is no more to say
    than "binary". The line numbers let the author find the place."""
    if _bom_codec(data) is not None or _utf16_without_bom(data, True) is not None:
        return None
    try:
        data.decode("utf-8")
        bad = -1
    except UnicodeDecodeError as exc:
        bad = exc.start
    nul = data.find(b"\x00")
    if bad >= 64 and not 0 <= nul < bad:
        line = data.count(b"\n", 0, bad) + 1
        return InputError(
            f"第 {line} 行起不再是 UTF-8 编码（此前是）：文件混用了两种编码（如 UTF-8 与 GB18030）或自该处损坏；"
            "请整体另存为 UTF-8",
            f"not UTF-8 from line {line} on, though UTF-8 before: the file mixes two encodings (such as UTF-8 "
            "and GB18030) or is damaged from there; save it all as UTF-8")
    rest = _strict(data.replace(b"\x00", b""), "utf-8", True) if nul >= 0 else None
    if rest is not None and not _looks_binary(rest, "utf-8"):
        line = data.count(b"\n", 0, nul) + 1
        return InputError(f"第 {line} 行含有空字节（NUL），文本文件中不应出现；文件可能已损坏，请检查后重新保存",
                          f"a NUL byte on line {line}, which text never holds: the file may be damaged; "
                          "check it and save it again")
    return None


def decode_text(data: bytes, *, final: bool = True) -> tuple[str, str]:
    """Decode a plain-text file: BOM (UTF-8, UTF-16) → strict UTF-8 → GB18030; LF line ends.

    Returns ``(text, codec)`` where codec is one of ``utf-8``, ``utf-8-sig``, ``utf-16-le``,
    ``utf-16-be``, ``utf-32-le``, ``utf-32-be`` or ``gb18030``. An empty input is ``("", "utf-8")``:
    an empty file is readable (the builder reports it as not a report, DL001), not binary.
    """
    return decode_with_declared(data, None, final=final)
