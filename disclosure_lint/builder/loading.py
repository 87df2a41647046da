"""From a path (or bytes) to a `Report`: size limit, format sniffing, reader, builder.

The one place that knows both the readers and the builder, so the CLI, the library API, batches
and the rules' examples all read files the same way — through a `Loader`: a run's readers and its
limits (`disclosure_lint.limits`). The plugins make one for a configuration
(`disclosure_lint.plugins.manager.Plugins.loader`). Nothing here ever writes to the input.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..files import read_bytes, too_large
from ..limits import DEFAULT_LIMITS, Limits
from ..model import Report, SourceInfo
from ..read.sniff import HEAD_SIZE, legacy_doc_error, sniff_format

SUPPORTED_ZH = "支持 .txt .md .docx .html .pdf .yaml .json"
SUPPORTED_EN = "supported: .txt .md .docx .html .pdf .yaml .json"


def parse_bytes(data: bytes, path: str, readers: Sequence[Any]) -> Report:
    """Sniff the format from the bytes, read and build. Raises `InputError` about ``path``."""
    try:
        return _parse(data, path, readers)
    except InputError as exc:
        raise (exc if exc.path is not None else exc.at(path)) from None


def _parse(data: bytes, path: str, readers: Sequence[Any]) -> Report:
    head = data[:HEAD_SIZE]
    kind = sniff_format(head)
    if kind == "ole2":
        if "EncryptedPackage".encode("utf-16-le") in data:  # an OOXML file with an open password
            raise InputError("文档设有打开密码，无法检查；请取消密码后另存为 .docx 再检查",
                             "the document is password-protected; remove the password, "
                             "save it as .docx and lint that")
        raise legacy_doc_error()
    if kind == "binary":
        from ..read.decode import not_text_detail

        detail = not_text_detail(data)
        if detail is not None:
            raise InputError(detail.zh, detail.en)
        raise InputError(f"不是可识别的文本文件，也不是支持的文档格式（{SUPPORTED_ZH}）",
                         f"neither readable text nor a supported document format ({SUPPORTED_EN})")
    source = SourceInfo(path=path, format="unknown", sha256=hashlib.sha256(data).hexdigest(), size=len(data))
    for reader in readers:
        if reader.sniff(head, path):
            source = source.model_copy(update={"format": reader.name})
            read_report = getattr(reader, "read_report", None)
            if read_report is not None:
                return read_report(data, source)
            from .builder import build_report  # here: the builder costs 40 ms to import, a start needs none

            return build_report(reader.read(data, source))
    ext = os.path.splitext(path)[1] or "?"
    raise InputError(f"不是支持的文件格式（{ext}），{SUPPORTED_ZH}", f"not a supported file format ({ext}); {SUPPORTED_EN}")


@dataclass(frozen=True)
class Loader:
    """How a run reads files: its readers, built for its `Limits`, and the limits themselves."""

    readers: Sequence[Any]
    limits: Limits = DEFAULT_LIMITS

    def read(self, path: str | Path) -> bytes:
        """The file's bytes, within ``limits.max_file_size`` (`read_bytes`)."""
        return read_bytes(path, self.limits.max_file_size)

    def parse(self, data: bytes, path: str) -> Report:
        """Content already read (standard input, a file's bytes) to a `Report` (`parse_bytes`)."""
        if len(data) > self.limits.max_file_size:
            raise too_large(path, None, self.limits.max_file_size)
        return parse_bytes(data, path, self.readers)

    def load(self, path: str | Path) -> Report:
        """Read and build the report at ``path``. Raises `InputError`."""
        return parse_bytes(self.read(path), str(path), self.readers)


__all__ = ["Loader", "parse_bytes"]
