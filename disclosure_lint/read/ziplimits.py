"""Opening a zip container (.docx) without trusting it.

A .docx is a zip archive, and a zip can claim anything: a few kilobytes may inflate to gigabytes
(a "zip bomb"), the central directory may list a million members, a header may understate a
member's size. The linter reads files from strangers, so every archive is checked before any
member is read — member count and declared total size — and every member is inflated in chunks,
stopping as soon as the bytes actually produced exceed the cap (the header's ``file_size`` is not
trusted). Every failure is an `InputError` with a one-line message; the callers add the file name.
"""

from __future__ import annotations

import zipfile
import zlib
from io import BytesIO

from ..errors import InputError
from ..limits import ArchiveLimits, format_size

_CHUNK = 1 << 16
DEFAULT_LIMITS = ArchiveLimits()

# What zipfile and zlib raise on damaged, truncated, encrypted or exotic archives.
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, KeyError)


def _damaged(detail_zh: str = "", detail_en: str = "") -> InputError:
    return InputError(
        "文件已损坏，无法作为 .docx（zip 压缩包）读取" + (f"（{detail_zh}）" if detail_zh else "")
        + "；请用 Word/WPS 打开后重新保存为 .docx",
        "the file is damaged and cannot be read as a .docx (zip archive)"
        + (f" ({detail_en})" if detail_en else "") + "; open it in Word/WPS and save it as .docx again",
    )


def open_archive(data: bytes, limits: ArchiveLimits = DEFAULT_LIMITS) -> zipfile.ZipFile:
    """The archive in ``data``, after checking its directory against ``limits``."""
    try:
        zf = zipfile.ZipFile(BytesIO(data))
    except (*_ZIP_ERRORS, RuntimeError, NotImplementedError):
        raise _damaged() from None
    infos = zf.infolist()
    if len(infos) > limits.members:
        zf.close()
        raise InputError(
            f"压缩包内有 {len(infos)} 个文件，超过上限 {limits.members}，不像正常的 .docx，已拒绝读取（上限见配置 limits.archive.members）",
            f"the archive holds {len(infos)} members, more than the limit of {limits.members}; "
            "not a normal .docx, refused (limits.archive.members in the configuration)")
    total = sum(max(i.file_size, 0) for i in infos)
    if total > limits.expanded_size:
        zf.close()
        raise too_large(limits.expanded_size)
    return zf


def too_large(limit: int) -> InputError:
    size = format_size(limit)
    return InputError(
        f"压缩包解压后超过 {size}（疑似“压缩炸弹”），已拒绝读取（上限可在配置 limits.archive 中调整）",
        f"the archive inflates to more than {size} (a possible zip bomb); refused (the limits are "
        "set under limits.archive in the configuration)")


def read_member(zf: zipfile.ZipFile, name: str, limits: ArchiveLimits = DEFAULT_LIMITS) -> bytes | None:
    """The inflated bytes of member ``name`` (None when the archive has no such member).

    Inflates in chunks and stops once more than ``limits.member_size`` bytes came out, whatever the
    header says. A damaged, encrypted or unsupported member is an `InputError`.
    """
    try:
        info = zf.getinfo(name)
    except KeyError:
        return None
    if info.file_size > limits.member_size:
        raise too_large(limits.member_size)
    chunks: list[bytes] = []
    size = 0
    try:
        with zf.open(info) as fh:
            while True:
                chunk = fh.read(_CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > limits.member_size:
                    raise too_large(limits.member_size)
                chunks.append(chunk)
    except RuntimeError:  # zipfile: "File … is encrypted, password required for extraction"
        raise InputError(f"压缩包成员 {name} 已加密，无法读取；请取消密码保护后另存为 .docx",
                         f"archive member {name} is encrypted; remove the password and save as .docx "
                         "again") from None
    except NotImplementedError:
        raise _damaged(f"{name} 使用了不支持的压缩方式", f"{name} uses an unsupported compression method") from None
    except _ZIP_ERRORS:
        raise _damaged(f"{name} 无法解压", f"{name} cannot be inflated") from None
    return b"".join(chunks)
