"""What a phone number written in a report is, and whether it can be dialled.

docs/format.md §8: a landline is 0 + area code (010/02x, else three digits) + a 7- or 8-digit local
number, written "0533-2306909" (also "0533—2306909", "0533－2306909", "05332306909",
"（0533）2306909"); mobiles are 11 digits starting with 1; service numbers (12345, 400-…) appear
too. Validity per area code is `phonenumbers`' business; this module only decides which kind of
number the author wrote, finds the area code and local part, and adds what the library cannot
know: codes retired when their prefecture was merged, valid for reports of the years before.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from enum import StrEnum

import phonenumbers

from ._regions import RetiredCode, area_code, retired_codes


class PhoneKind(StrEnum):
    LANDLINE = "landline"  # with its area code
    MOBILE = "mobile"
    SERVICE = "service"  # 12345, 110, 400-…, 800-…, 95598, 0533-12345
    LOCAL = "local"  # a 7- or 8-digit local number without its area code (DL508)
    INVALID = "invalid"  # DL502


@dataclass(frozen=True)
class Phone:
    raw: str  # as written
    kind: PhoneKind
    area_code: str | None = None  # with its leading 0: "0533"
    local: str | None = None  # "2306909"
    canonical: str | None = None  # "0533-2306909" (landlines), the digits (mobiles)
    extension: str | None = None
    problem_zh: str | None = None  # why the number is invalid
    problem_en: str | None = None
    retired: RetiredCode | None = None  # its area code was withdrawn (still valid for the year)
    fix_zh: str | None = None
    fix_en: str | None = None
    written: str | None = None  # the number as written, without a bracketed note or an extension

    @property
    def core(self) -> str:
        return self.written if self.written is not None else _core(self.raw)

    @property
    def is_canonical(self) -> bool:
        """Written as area code-hyphen-number (landlines only; other kinds have no such form)."""
        return self.kind is not PhoneKind.LANDLINE or self.core == self.canonical


# A bracketed note without digits ("（办公室）"), and an extension ("转8001", "分机 8001").
_NOTE = re.compile(r"[（(][^（()）0-9０-９]*[)）]")
_EXTENSION = re.compile(r"\s*(?:转|分机|ext\.?|x)\s*([0-9０-９]+)\s*$", re.IGNORECASE)
_INTERNATIONAL = re.compile(r"^[(（]?\s*(?:\+|00)\s*86\s*[)）]?[\s\-－—–]*")
_PHONE_CHARS = re.compile(r"^[0-9\s\-‐‑–—―－()（）.]+$")
# Local service lines dialled with or without an area code: 110, 114, 12345, 12315, 95598, 96xxx.
_SERVICE_LOCAL = re.compile(r"1\d{2,4}|9[56]\d{3,6}")


def _core(raw: str) -> str:
    text = _NOTE.sub("", raw).strip()
    return _EXTENSION.sub("", text).strip()


def _invalid(raw: str, zh: str, en: str, **kw: object) -> Phone:
    return Phone(raw=raw, kind=PhoneKind.INVALID, problem_zh=zh, problem_en=en, **kw)  # type: ignore[arg-type]


# "0533-2306909-8001": an extension after a second hyphen.
_HYPHEN_EXTENSION = re.compile(r"^(?P<head>.*\d)\s*[\-－—–]\s*(?P<ext>\d{1,5})$")


def parse_phone(raw: str, year: int | None = None, *, default_area: str | None = None) -> Phone:
    """Classify one number as written. ``year`` is the report year (for retired area codes);
    ``default_area`` the area code of a number written just before it in the same field
    ("0533-2306909、2306910": the second shares the first's code)."""
    phone = _parse(raw, year, default_area)
    if phone.kind is PhoneKind.INVALID:
        m = _HYPHEN_EXTENSION.match(_core(raw))
        if m:
            head = _parse(m.group("head"), year, default_area)
            if head.kind is PhoneKind.LANDLINE:
                return replace(head, raw=raw, extension=m.group("ext"), written=_core(m.group("head")))
    return phone


def _parse(raw: str, year: int | None, default_area: str | None) -> Phone:
    text = unicodedata.normalize("NFKC", raw)
    ext = _EXTENSION.search(_NOTE.sub("", text))
    extension = ext.group(1) if ext else None
    core = _core(text)
    intl = _INTERNATIONAL.match(core)
    if intl:
        core = core[intl.end():]
    if not core or not _PHONE_CHARS.match(core):
        return _invalid(raw, "含有电话号码以外的字符", "contains characters that are not part of a phone number")
    digits = re.sub(r"\D", "", core)
    if intl and not digits.startswith(("0", "1")):
        digits = "0" + digits  # +86 533 2306909 → 0533 2306909
    if digits.startswith("0"):
        return _landline(raw, digits, year, extension)
    if digits.startswith("1"):
        if len(digits) == 11:
            number = phonenumbers.PhoneNumber(country_code=86, national_number=int(digits))
            if phonenumbers.is_valid_number(number):
                return Phone(raw=raw, kind=PhoneKind.MOBILE, canonical=digits, extension=extension)
            return _invalid(raw, f"“{digits[:3]}”不是有效的手机号段", f"{digits[:3]} is not a mobile number prefix")
        if _SERVICE_LOCAL.fullmatch(digits):
            return Phone(raw=raw, kind=PhoneKind.SERVICE, canonical=digits, extension=extension)
        return _invalid(raw, f"手机号码应为11位，实为{len(digits)}位",
                        f"a mobile number has 11 digits, found {len(digits)}")
    if re.fullmatch(r"[48]00\d{7}", digits) or _SERVICE_LOCAL.fullmatch(digits):
        return Phone(raw=raw, kind=PhoneKind.SERVICE, canonical=digits, extension=extension)
    if len(digits) in (7, 8):
        if default_area:
            inherited = _landline(raw, default_area + digits, year, extension)
            if inherited.kind is PhoneKind.LANDLINE:
                return Phone(raw=raw, kind=PhoneKind.LANDLINE, area_code=default_area, local=digits,
                             canonical=digits, extension=extension, retired=inherited.retired)
            return inherited
        return Phone(raw=raw, kind=PhoneKind.LOCAL, local=digits, extension=extension)
    return _invalid(raw, f"号码位数不对（{len(digits)}位）：固定电话应为区号加7或8位号码",
                    f"wrong number of digits ({len(digits)}): a landline is an area code and 7 or 8 digits")


def _split_area(digits: str) -> tuple[str, str]:
    """Area code and local number by the numbering plan: 010 and 02x are three digits with the 0,
    everything else four."""
    n = 3 if digits[1:2] in ("1", "2") else 4
    return digits[:n], digits[n:]


def _landline(raw: str, digits: str, year: int | None, extension: str | None) -> Phone:
    number = phonenumbers.PhoneNumber(country_code=86, national_number=int(digits[1:] or "0"))
    if len(digits) > 1 and phonenumbers.is_valid_number(number):
        kind = phonenumbers.number_type(number)
        if kind in (phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE):
            n = phonenumbers.length_of_geographical_area_code(number) + 1
            area, local = digits[:n], digits[n:]
            return Phone(raw=raw, kind=PhoneKind.LANDLINE, area_code=area, local=local,
                         canonical=f"{area}-{local}", extension=extension)
        return Phone(raw=raw, kind=PhoneKind.SERVICE, canonical=digits, extension=extension)
    area, local = _split_area(digits)
    retired = retired_codes().get(area)
    if retired is not None:
        if len(local) not in (7, 8) or local[0] in "01":
            return _invalid(raw, f"区号{area}后的号码应为7或8位且不以0或1开头，实为“{local}”",
                            f"after area code {area} a local number has 7 or 8 digits not starting "
                            f"with 0 or 1, found '{local}'", area_code=area, local=local)
        if year is None or year < retired.retired:
            return Phone(raw=raw, kind=PhoneKind.LANDLINE, area_code=area, local=local,
                         canonical=f"{area}-{local}", extension=extension, retired=retired)
        return _invalid(
            raw, f"区号{area}（{retired.place}）已于{retired.retired}年停用，并入{retired.successor}",
            f"area code {area} ({retired.place}) was withdrawn in {retired.retired} and merged into "
            f"{retired.successor}", area_code=area, local=local, retired=retired,
            fix_zh=f"请改用新区号{retired.successor}，并核实升位后的号码",
            fix_en=f"use the new area code {retired.successor} and check the number as renumbered")
    if _SERVICE_LOCAL.fullmatch(local) and area_code(area) is not None:
        return Phone(raw=raw, kind=PhoneKind.SERVICE, area_code=area, local=local, canonical=digits,
                     extension=extension)
    if area_code(area) is None:
        return _invalid(raw, f"区号{area}不存在", f"there is no area code {area}", area_code=area, local=local)
    if len(local) not in (7, 8):
        return _invalid(raw, f"区号{area}后的号码应为7或8位，实为{len(local)}位",
                        f"after area code {area} the local number should have 7 or 8 digits, found {len(local)}",
                        area_code=area, local=local)
    return _invalid(raw, f"“{local}”不是区号{area}下的有效号码", f"'{local}' is not a valid number in area {area}",
                    area_code=area, local=local)


__all__ = ["Phone", "PhoneKind", "parse_phone"]
