"""What one file may cost: the limits every reader works within (configuration key ``limits``).

Reports come from strangers. Each limit bounds a kind of work a crafted or broken file could make
unbounded — bytes read, bytes inflated from a .docx's zip archive or a PDF's streams, PDF drawing
instructions and objects, pages, seconds — and ends that file with a one-line input error instead
(docs/limits.md lists them with what a real report uses). The limits count work, not time, so a
file gets the same verdict on every machine; ``timeout-per-file`` is the one exception, and is off
by default.

They are configuration like any other key: ``limits:`` in ``disclosure-lint.yaml`` (a layer sets
only the limits it names, the others show through), the command line's ``--max-file-size``,
``--max-archive-size`` and ``--timeout-per-file``, or ``Config(limits=…)`` from Python. Sizes are
bytes or strings with a binary unit ("20MB" is 20 × 2²⁰ bytes, as in ``--max-file-size``).
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PositiveInt, WithJsonSchema

MB = 1 << 20
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]?i?b?)?\s*$", re.IGNORECASE)
_UNITS = {"": 1, "b": 1, "k": 1 << 10, "kb": 1 << 10, "kib": 1 << 10, "m": MB, "mb": MB, "mib": MB,
          "g": 1 << 30, "gb": 1 << 30, "gib": 1 << 30}


def parse_size(value: Any) -> int:
    """``20MB``, ``512k``, ``1.5G`` or a plain number of bytes → bytes (units are binary).
    Raises ValueError for anything else."""
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a size")
    if isinstance(value, int):
        return value
    m = _SIZE.match(str(value))
    unit = (m.group(2) or "").lower() if m else None
    if m is None or unit not in _UNITS:
        raise ValueError(f"{value!r} is not a size (e.g. 20MB, 512k, 1048576)")
    return int(float(m.group(1)) * _UNITS[unit])


def format_size(size: int) -> str:
    """Bytes as the messages show them: "20 MB", "512 KB", "1000 bytes"."""
    for unit, name in ((1 << 30, "GB"), (MB, "MB"), (1 << 10, "KB")):
        if size >= unit:
            return f"{size / unit:.{0 if size % unit == 0 else 1}f} {name}"
    return f"{size} bytes"


Size = Annotated[PositiveInt, BeforeValidator(parse_size), WithJsonSchema({
    "anyOf": [{"type": "integer", "exclusiveMinimum": 0},
              {"type": "string", "pattern": r"^\s*\d+(\.\d+)?\s*([kKmMgG]?[iI]?[bB]?)\s*$"}],
    "description": "bytes, or a size with a binary unit: 20MB, 512k, 1.5G"})]


class _Limits(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class ArchiveLimits(_Limits):
    """A .docx's zip archive (read/ziplimits.py). The seed report's .docx inflates to 1 MB."""

    members: PositiveInt = 10_000  # entries in the central directory
    expanded_size: Size = Field(default=200 * MB, alias="expanded-size")  # declared size of all members
    member_size: Size = Field(default=64 * MB, alias="member-size")  # bytes actually inflated for one member


class PdfLimits(_Limits):
    """A PDF read by pdfminer (read/pdf_limits.py). The 9-page seed report inflates to 0.3 MB,
    interprets 0.1 MB of content and draws 5,200 objects; a dense A4 page draws about 3,000
    glyphs. At the limits a file takes about ten seconds, whatever it holds."""

    inflated_size: Size = Field(default=256 * MB, alias="inflated-size")  # decoded from all streams
    page_content_size: Size = Field(default=4 * MB, alias="page-content-size")  # content interpreted, one page
    content_size: Size = Field(default=16 * MB, alias="content-size")  # … the whole file
    page_objects: PositiveInt = Field(default=50_000, alias="page-objects")  # glyphs, paths, images, one page
    objects: PositiveInt = 300_000  # … the whole file
    pages: PositiveInt = 2_000


class Limits(_Limits):
    """All limits of a run (configuration key ``limits``)."""

    max_file_size: Size = Field(default=20 * MB, alias="max-file-size")  # bytes of one file, stdin or pipe
    timeout_per_file: float | None = Field(default=None, gt=0, alias="timeout-per-file")  # seconds; None: none
    archive: ArchiveLimits = ArchiveLimits()
    pdf: PdfLimits = PdfLimits()


DEFAULT_LIMITS = Limits()


def given_limits(*, max_file_size: int | None = None, max_archive_size: int | None = None,
                 timeout_per_file: float | None = None) -> Limits | None:
    """The limits given as options (None: not given) as a `Limits` that sets only those — the one
    route the command line's ``--max-file-size`` … and the library's ``max_file_size=`` … both
    take, so a limit given there wins over the configuration's and leaves its other limits alone."""
    given: dict[str, Any] = {}
    if max_file_size is not None:
        given["max_file_size"] = max_file_size
    if max_archive_size is not None:
        given["archive"] = {"expanded_size": max_archive_size}
    if timeout_per_file is not None:
        given["timeout_per_file"] = timeout_per_file
    return Limits.model_validate(given) if given else None


__all__ = ["DEFAULT_LIMITS", "ArchiveLimits", "Limits", "PdfLimits", "Size", "format_size", "given_limits", "parse_size"]
