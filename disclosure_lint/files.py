"""Reading a file's bytes within a size limit, without ever blocking or writing.

Reports, configurations, rule packs and baselines may all come from folders others filled, so
every file the linter reads goes through `read_bytes`: a size cap, a named pipe opened without
blocking, one-line errors. At the bottom of the package: the configuration, the engine (baselines)
and the YAML rules read their own files with `read_own_file`.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import InputError
from .limits import DEFAULT_LIMITS, format_size

OWN_FILE_SIZE = 10 << 20  # a configuration, YAML rule pack or baseline file


def too_large(path: Path | str, size: int | None, limit: int) -> InputError:
    """The file is over the size limit (``size`` None: a pipe or device, known only to be larger)."""
    mb = format_size(limit)
    zh = f"文件大小 {format_size(size)} 超过上限 {mb}" if size is not None else f"内容超过大小上限 {mb}"
    en = f"file size {format_size(size)} exceeds the limit of {mb}" if size is not None else f"more than {mb}, the size limit"
    return InputError(f"{zh}（可用 --max-file-size 或配置 limits.max-file-size 调整）",
                      f"{en} (see --max-file-size, or limits.max-file-size in the configuration)", path=str(path))


def read_bytes(path: str | Path, max_file_size: int = DEFAULT_LIMITS.max_file_size) -> bytes:
    """The file's bytes, or an InputError that says what is wrong in one line.

    A named pipe is opened without blocking (opening one nobody writes to would wait forever): if
    no process is writing to it, that is the error; a pipe with a writer (``check <(…)``) is read
    to its end. A pipe or device has no size until read: at most one byte past the limit is read.
    """
    try:
        return _read(Path(path), max_file_size)
    except InputError as exc:
        raise exc.at(str(path)) from None


def _read(p: Path, max_file_size: int) -> bytes:
    try:
        if p.is_dir():
            raise InputError("是文件夹，不是文件", "is a folder, not a file")
        size = p.stat().st_size
        if size > max_file_size:
            raise too_large(p, size, max_file_size)
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
                        raise InputError("是命名管道，但没有进程向其写入内容",
                                         "a named pipe that no process is writing to")
            if nonblocking:
                os.set_blocking(fd, True)
            data = first + fh.read(max_file_size + 1 - len(first))
        if len(data) > max_file_size:
            raise too_large(p, None, max_file_size)
        return data
    except FileNotFoundError:
        raise InputError("文件不存在", "no such file") from None
    except PermissionError:
        raise InputError("没有读取权限", "permission denied") from None
    except IsADirectoryError:
        raise InputError("是文件夹，不是文件", "is a folder, not a file") from None
    except OSError as exc:
        raise InputError(f"无法读取（{exc.strerror}）", f"cannot be read ({exc.strerror})") from None


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
        raise InputError(f"文件大小 {format_size(size)} 超过上限 {limit}，不像配置、规则或基线文件",
                         f"file size {format_size(size)} exceeds the limit of {limit}; not a "
                         "configuration, rule or baseline file", path=str(path))
    data = read_bytes(path, OWN_FILE_SIZE)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("须为 UTF-8 编码", "must be UTF-8 text", path=str(path)) from None


__all__ = ["OWN_FILE_SIZE", "read_bytes", "read_own_file", "too_large"]
