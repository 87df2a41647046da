"""From a path (or bytes) to a `Report`: size limit, format sniffing, reader, builder.

The one place that knows both the readers and the builder, so the CLI, the library API, batches
and the rules' examples all read files the same way — through a `Loader`: a run's readers and its
limits (`disclosure_lint.limits`), which a `Linter` makes from its configuration. Nothing here
ever writes to the input.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .limits import DEFAULT_LIMITS, Limits, format_size
from .model import Report, SourceInfo
from .read.base import InputError

OWN_FILE_SIZE = 10 << 20  # a configuration, YAML rule pack or baseline file
_HEAD = 8192


def _too_large(p: Path | str, size: int | None, limit: int) -> InputError:
    """The file is over the size limit (``size`` None: a pipe or device, known only to be larger)."""
    mb = format_size(limit)
    zh = f"文件大小 {format_size(size)} 超过上限 {mb}" if size is not None else f"内容超过大小上限 {mb}"
    en = f"file size {format_size(size)} exceeds the limit of {mb}" if size is not None else f"more than {mb}, the size limit"
    return InputError(f"{p}：{zh}（可用 --max-file-size 或配置 limits.max-file-size 调整）",
                      f"{p}: {en} (see --max-file-size, or limits.max-file-size in the configuration)")


def read_bytes(path: str | Path, max_file_size: int = DEFAULT_LIMITS.max_file_size) -> bytes:
    """The file's bytes, or an InputError that says what is wrong in one line.

    A named pipe is opened without blocking (opening one nobody writes to would wait forever): if
    no process is writing to it, that is the error; a pipe with a writer (``check <(…)``) is read
    to its end. A pipe or device has no size until read: at most one byte past the limit is read.
    """
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError(f"{p}：是文件夹，不是文件", f"{p}: is a folder, not a file")
        size = p.stat().st_size
        if size > max_file_size:
            raise _too_large(p, size, max_file_size)
        nonblocking = getattr(os, "O_NONBLOCK", 0)
        fd = os.open(p, os.O_RDONLY | nonblocking | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as fh:
            first = b""
            if nonblocking and stat.S_ISFIFO(os.fstat(fd).st_mode):
                try:
                    first = os.read(fd, min(1 << 16, max_file_size + 1))
                except BlockingIOError:  # a writer, nothing written yet: wait for it below
                    pass
                else:
                    if not first:  # end of file at once: no process has the pipe open for writing
                        raise InputError(f"{p}：是命名管道，但没有进程向其写入内容",
                                         f"{p}: a named pipe that no process is writing to")
            if nonblocking:
                os.set_blocking(fd, True)
            data = first + fh.read(max_file_size + 1 - len(first))
        if len(data) > max_file_size:
            raise _too_large(p, None, max_file_size)
        return data
    except FileNotFoundError:
        raise InputError(f"{p}：文件不存在", f"{p}: no such file") from None
    except PermissionError:
        raise InputError(f"{p}：没有读取权限", f"{p}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{p}：是文件夹，不是文件", f"{p}: is a folder, not a file") from None
    except OSError as exc:
        raise InputError(f"{p}：无法读取（{exc.strerror}）", f"{p}: cannot be read ({exc.strerror})") from None


def read_own_file(path: str | Path) -> str:
    """The text of one of the linter's own files — a configuration, a YAML rule pack, a baseline.

    They may lie in folders others filled (the closest configuration applies), so they are read
    as reports are (`read_bytes`: at most `OWN_FILE_SIZE`, never blocking on a pipe) and must be
    UTF-8. Raises `InputError`."""
    try:
        size = os.stat(path).st_size
    except OSError:
        size = 0  # read_bytes says what is wrong
    if size > OWN_FILE_SIZE:  # no --max-file-size hint: that limit is for reports
        limit = format_size(OWN_FILE_SIZE)
        raise InputError(f"{path}：文件大小 {format_size(size)} 超过上限 {limit}，不像配置、规则或基线文件",
                         f"{path}: file size {format_size(size)} exceeds the limit of {limit}; not a "
                         "configuration, rule or baseline file")
    data = read_bytes(path, OWN_FILE_SIZE)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path}：须为 UTF-8 编码", f"{path}: must be UTF-8 text") from None


def parse_bytes(data: bytes, path: str, readers: Sequence[Any]) -> Report:
    """Sniff the format from the bytes, read and build. Raises InputError."""
    from .build.builder import build_report
    from .read.sniff import legacy_doc_error, sniff_format

    head = data[:_HEAD]
    kind = sniff_format(head)
    if kind == "ole2":
        if "EncryptedPackage".encode("utf-16-le") in data:  # an OOXML file with an open password
            raise InputError(f"{path}：文档设有打开密码，无法检查；请取消密码后另存为 .docx 再检查",
                             f"{path}: the document is password-protected; remove the password, "
                             "save it as .docx and lint that")
        raise legacy_doc_error(path)
    if kind == "binary":
        from .read.decode import not_text_detail

        detail = not_text_detail(data)
        if detail is not None:
            raise InputError(f"{path}：{detail.zh}", f"{path}: {detail.en}")
        raise InputError(f"{path}：不是可识别的文本文件，也不是支持的文档格式（支持 .txt .md .docx .html .pdf .yaml .json）",
                         f"{path}: neither readable text nor a supported document format "
                         "(supported: .txt .md .docx .html .pdf .yaml .json)")
    source = SourceInfo(path=path, format="unknown", sha256=hashlib.sha256(data).hexdigest(), size=len(data))
    for reader in readers:
        if reader.sniff(head, path):
            source = source.model_copy(update={"format": reader.name})
            read_report = getattr(reader, "read_report", None)
            if read_report is not None:
                return read_report(data, source)
            return build_report(reader.read(data, source))
    ext = os.path.splitext(path)[1] or "?"
    raise InputError(f"{path}：不是支持的文件格式（{ext}），支持 .txt .md .docx .html .pdf .yaml .json",
                     f"{path}: not a supported file format ({ext}); supported: .txt .md .docx .html .pdf .yaml .json")


@dataclass(frozen=True)
class Loader:
    """How a run reads files: its readers, built for its `Limits`, and the limits themselves.
    `Linter.loader` is the one for a linter's configuration."""

    readers: Sequence[Any]
    limits: Limits = DEFAULT_LIMITS

    @classmethod
    def default(cls, limits: Limits = DEFAULT_LIMITS) -> Loader:
        """The installed plugins' readers within ``limits``."""
        from .plugins.manager import Plugins

        return cls(Plugins().readers(limits), limits)

    def read(self, path: str | Path) -> bytes:
        """The file's bytes, within ``limits.max_file_size`` (`read_bytes`)."""
        return read_bytes(path, self.limits.max_file_size)

    def parse(self, data: bytes, path: str) -> Report:
        """Content already read (standard input, a file's bytes) to a `Report` (`parse_bytes`)."""
        if len(data) > self.limits.max_file_size:
            raise _too_large(path, None, self.limits.max_file_size)
        return parse_bytes(data, path, self.readers)

    def load(self, path: str | Path) -> Report:
        """Read and build the report at ``path``. Raises `InputError`."""
        return parse_bytes(self.read(path), str(path), self.readers)
