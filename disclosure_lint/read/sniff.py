"""Which format a file is, decided from its bytes (docs/format.md §12).

Extensions lie: reports are renamed (.doc saved as .docx, .html saved as .txt, a PDF uploaded as
.doc), so the engine looks at the bytes and every reader's ``sniff`` builds on `sniff_format`.
A renamed or unsupported file must end in a clear one-line `InputError`, never a traceback.
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from io import BytesIO
from typing import Literal

from ..errors import InputError
from ..model import STRUCTURED_MARKER
from .decode import decode_text

Format = Literal["pdf", "docx", "zip", "ole2", "html", "structured-candidate", "text", "binary"]

HEAD_SIZE = 8192  # what the engine hands to ``sniff``
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")  # a member, or an empty archive
# Content types of a WordprocessingML main part: .docx, .docm, .dotx, .dotm, transitional or
# Strict (Strict keeps these content types and changes the namespaces to purl.oclc.org/ooxml).
_WORD_MARKERS = (
    b"wordprocessingml.document.main",
    b"wordprocessingml.template.main",
    b"ms-word.document.macroenabled.main",
    b"ms-word.template.macroenabledtemplate.main",
    b"purl.oclc.org/ooxml/wordprocessingml",
)
_CONTENT_TYPES = "[Content_Types].xml"
_MAX_CONTENT_TYPES = 1 << 20  # a real [Content_Types].xml is a few KiB; never inflate more

_HTML_START = re.compile(r"<(?:[a-zA-Z]|!|\?)")
_YAML_KEY_LINE = re.compile(r"""^(?:[A-Za-z_][\w.-]*|"[^"\n]+"|'[^'\n]+')[ \t]*:(?:[ \t]|$)""")
# The marker as a top-level YAML key (column 0) or as a JSON key anywhere in the head.
_MARKER = re.compile(
    rf"""(?m)^(?:{STRUCTURED_MARKER}|"{STRUCTURED_MARKER}"|'{STRUCTURED_MARKER}')[ \t]*:"""
    rf"""|"{STRUCTURED_MARKER}"\s*:"""
)


def is_docx(data: bytes) -> bool:
    """True when ``data`` is a zip whose ``[Content_Types].xml`` declares a WordprocessingML part.

    Needs the whole file (the zip directory is at its end). Only ``[Content_Types].xml`` is read,
    and at most 1 MiB of it, so a zip bomb cannot make sniffing expensive.
    """
    try:
        with zipfile.ZipFile(BytesIO(data)) as zf:
            try:
                with zf.open(_CONTENT_TYPES) as f:
                    content = f.read(_MAX_CONTENT_TYPES)
            except KeyError:
                return False
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError, ValueError,
            zlib.error):
        return False
    return _declares_word(content)


def _declares_word(content: bytes) -> bool:
    lowered = content.lower()
    return any(m in lowered for m in _WORD_MARKERS)


def _content_types_verdict(chunk: bytes, method: int) -> bool | None:
    try:
        if method == 8:
            content = zlib.decompressobj(-15).decompress(chunk, _MAX_CONTENT_TYPES)
        else:
            content = chunk if method == 0 else b""
    except zlib.error:
        return None
    if _declares_word(content):
        return True
    if b"</Types>" in content:  # the whole part was seen: definitely no Word part
        return False
    return None


def _docx_from_head(head: bytes) -> bool | None:
    """Judge a zip from its first local file headers only: True/False, or None when undecided.

    The engine sniffs 8 KiB, not the whole file; Word and python-docx write
    ``[Content_Types].xml`` first, LibreOffice writes ``word/…`` members early.
    """
    pos, word_member = 0, False
    while 0 <= pos and pos + 30 <= len(head):
        flags, method = struct.unpack_from("<HH", head, pos + 6)
        csize = struct.unpack_from("<I", head, pos + 18)[0]
        name_len, extra_len = struct.unpack_from("<HH", head, pos + 26)
        name = head[pos + 30:pos + 30 + name_len]
        start = pos + 30 + name_len + extra_len
        if name == _CONTENT_TYPES.encode():
            verdict = _content_types_verdict(head[start:start + csize] if csize else head[start:],
                                             method)
            if verdict is not None:
                return verdict
        word_member = word_member or name.startswith(b"word/")
        # Sizes may only be in a trailing data descriptor (LibreOffice): then look for the next
        # header signature instead of skipping by size. A false match only costs a name check.
        nxt = start + csize if csize and not flags & 0x08 else start
        pos = head.find(b"PK\x03\x04", nxt)
    return True if word_member else None


def head_text(head: bytes) -> str | None:
    """The head decoded with the text chain (a cut last character tolerated), or None if binary."""
    try:
        return decode_text(head, final=False)[0]
    except InputError:
        return None


def _skip_comments(text: str) -> str:
    """Text after leading ``<!-- … -->`` comments: Markdown may open with a suppression comment."""
    if not text.startswith("<!--"):
        return text
    while text.startswith("<!--"):
        end = text.find("-->")
        if end < 0:
            return text
        text = text[end + 3:].lstrip()
    return text if text else "<!"  # a file of comments only is still markup


def has_structured_marker(text: str) -> bool:
    """True when the text carries the structured form's marker key (top-level YAML or JSON key)."""
    return _MARKER.search(text) is not None


def _looks_structured(text: str) -> bool:
    """YAML or JSON at first sight: ``{``/``[``, a YAML document marker, or ``key:`` first."""
    if has_structured_marker(text):
        return True
    stripped = text.lstrip()
    if stripped.startswith(("{", "[", "---", "%YAML")):
        return True
    for line in stripped.split("\n", 50)[:50]:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        return _YAML_KEY_LINE.match(line) is not None
    return False


def sniff_format(head: bytes) -> Format:
    """Classify a file from its first bytes (the engine passes 8 KiB; the whole file also works).

    ``docx`` vs ``zip`` is decided from the head when it can be (see `_docx_from_head`); a zip the
    head leaves undecided is reported as ``zip`` and the caller should confirm with `is_docx` on
    the whole file. ``structured-candidate`` means "looks like YAML/JSON": only the marker key
    makes it a structured report (`has_structured_marker`); otherwise it is read as text.
    """
    pdf_at = head.find(b"%PDF-", 0, 1024)
    if pdf_at == 0 or (pdf_at > 0 and not head[:pdf_at].strip(b" \t\r\n\x00\xef\xbb\xbf")):
        return "pdf"
    if head.startswith(_ZIP_MAGICS):
        # is_docx works when the head is the whole file (small files, or a caller passing it all).
        return "docx" if is_docx(head) or _docx_from_head(head) else "zip"
    if head.startswith(_OLE2_MAGIC):
        return "ole2"
    text = head_text(head)
    if text is None:
        return "binary"
    start = text.lstrip()
    if _HTML_START.match(_skip_comments(start)):
        return "html"
    if _looks_structured(start):
        return "structured-candidate"
    return "text"


def legacy_doc_error() -> InputError:
    """The error for a legacy binary Word/WPS file (OLE2: .doc, .wps, or one renamed to .docx)."""
    return InputError(
        "这是旧版 Word/WPS 二进制文档（.doc/.wps），无法检查；请用 Word/WPS 另存为 .docx 后再检查",
        "a legacy binary Word/WPS document (.doc/.wps) cannot be linted; "
        "save it as .docx in Word or WPS and lint that",
    )
