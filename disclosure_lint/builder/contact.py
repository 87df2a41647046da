"""The contact details a report gives for itself: labelled fields only.

Reports end their opening paragraph with something like "（地址：淄博市张店区西四路119号…；邮编：
255022；电话：0533-2306909；邮箱：sxzspfwjbgs@zb.shandong.cn）". Only *labelled* values are
contact details (docs/format.md §8.5): a label (docs/format.md §8 variants), a colon, and the value up to
"；;，,。" or a closing bracket that the value did not open, a line break, or the next label. A
number in prose ("“2512345”电话平台", a 12345 hotline) has no label-and-colon and is never taken.

Values are kept as written (trimmed), so the rules can quote them and judge their form (DL509);
matching runs on a length-preserving half-width copy of the text, so offsets into it are offsets
into the original and each field can point at the column where its value starts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from ..model import Contact, ContactField, Location, Text
from ..text.normalize import HALF_WIDTH

FieldKind = Literal["address", "postcode", "phone", "email", "website"]

# Label variants, docs/format.md §8 plus a few common spellings. Longer variants first so that
# "通信地址" is taken whole rather than as "地址".
LABELS: dict[FieldKind, tuple[str, ...]] = {
    "address": ("通信地址", "通讯地址", "联系地址", "办公地址", "地址"),
    "postcode": ("邮政编码", "邮编号码", "邮编"),
    "phone": ("联系电话", "电话号码", "咨询电话", "办公电话", "手机号码", "电话", "手机"),
    "email": ("电子邮箱", "电子信箱", "电子邮件", "联系邮箱", "邮箱", "e-mail", "email"),
    "website": ("门户网站", "网址", "网站"),
}
# Labels that are not contact fields of the model but end the value before them ("传真电话：" must
# not be read as a phone label, "联系人：张三" must not run into the address).
STOP_LABELS = ("传真电话", "传真号码", "传真", "联系人", "联系部门", "办公时间", "工作时间", "受理时间",
               "微信公众号", "微信", "QQ", "主办单位", "承办单位")

# Full-width ASCII → ASCII and U+3000 → space: one character for one, so offsets survive.
_HALF = {**HALF_WIDTH, 0x3000: 0x20}

_ALL_LABELS = sorted(
    [(label, kind) for kind, labels in LABELS.items() for label in labels]
    + [(label, None) for label in STOP_LABELS],
    key=lambda item: -len(item[0]))


def _norm(label: str) -> str:
    return re.sub(r"[\s\-‐‑–—]", "", label.lower())


_KIND_OF = {_norm(label): kind for label, kind in _ALL_LABELS}


def _label_pattern(label: str) -> str:
    if label.lower() == "e-mail":
        return r"e\s*[-‐‑–—]?\s*mail"
    return re.escape(label)


# label, an optional bracketed note ("电话（传真）："), then a colon (half-width after translation).
_LABEL_RE = re.compile(
    r"(?P<label>" + "|".join(_label_pattern(label) for label, _ in _ALL_LABELS) + r")"
    r"\s*(?:\([^()]{1,8}\))?\s*:\s*",
    re.IGNORECASE)
# An unknown label also ends a value: a short run of Chinese after white space, then a colon.
_OTHER_LABEL_RE = re.compile(r"\s[\u3400-\u9fff]{2,6}\s*:")

_ENDS = set("；;，,。\n")
_OPEN, _CLOSE = "([【[", ")]】]"
_CJK = re.compile(r"[\u3400-\u9fff]")
_TRIM = " \t\u3000\u00a0\u200b\ufeff、，,；;。:："
# One phone number inside a phone field: optional bracketed area code or +86, digits with
# separators, an optional extension. Lists ("…、…", "…/…", "…或…") split into several numbers.
_PHONE_RE = re.compile(
    r"(?:[(（][+＋]?[0-9０-９][0-9０-９ \-－]{1,7}[)）][ \u3000\-－]*)?"
    r"[+＋]?[0-9０-９](?:[0-9０-９ \u3000\-－—–―‐‑]*[0-9０-９])?"
    r"(?:\s*(?:转|分机)\s*[0-9０-９]+)?")
# A bracketed note inside a phone field ("（工作日8:30-17:00）"): hidden before numbers are looked for.
_PHONE_NOTE = re.compile(r"[(（][^()（）]*[^()（）0-9０-９ \-－+＋][^()（）]*[)）]")
_DIGIT = re.compile(r"[0-9０-９]")
_DOMAIN_TAIL = re.compile(r"[A-Za-z0-9.\-]*\.[A-Za-z]{2,}")


@dataclass(frozen=True)
class RawField:
    """A labelled value found in a piece of text, with offsets into that text."""

    kind: FieldKind
    label: str  # as written
    value: str  # as written, trimmed
    start: int  # offset of the value in the text


def _half(text: str) -> str:
    return text.translate(_HALF)


def _value_end(text: str, start: int, next_label: int) -> int:
    """Where a value starting at ``start`` ends: a separator, an unmatched closing bracket, a line
    break or the next label, whichever comes first. Brackets the value opens are kept whole, so
    "（0533）2306909" and "西四路119号（市民中心）" stay intact."""
    depth = 0
    stop = next_label
    other = _OTHER_LABEL_RE.search(text, start, next_label)
    if other:
        stop = other.start()
    for i in range(start, stop):
        ch = text[i]
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            if depth == 0:
                return i
            depth -= 1
        elif ch in _ENDS and depth == 0:
            return i
    return stop


def _trimmed(text: str, start: int, end: int) -> tuple[str, int]:
    raw = text[start:end]
    lead = len(raw) - len(raw.lstrip(_TRIM))
    return raw.strip(_TRIM), start + lead


def _email_value(original: str, half: str, start: int, end: int, limit: int) -> tuple[int, int]:
    """An e-mail value ends at white space or a Chinese character. One typed with a Chinese comma
    inside ("abc，def@x.cn", "abc@zb，shandong.cn") is kept whole, so DL504 names the comma
    rather than a truncated address."""
    stop = start
    while stop < end and not half[stop].isspace() and not _CJK.match(half[stop]):
        stop += 1
    if stop < limit and original[stop:stop + 1] in "，、":
        tail = stop + 1
        while tail < limit and not half[tail].isspace() and half[tail] not in "；;。),，" \
                and not _CJK.match(half[tail]):
            tail += 1
        head, rest = half[start:stop], half[stop + 1:tail]
        if ("@" not in head and "@" in rest) or (
                "@" in head and "." not in head.split("@")[-1] and _DOMAIN_TAIL.fullmatch(rest)):
            stop = tail
    return start, stop


def find_fields(text: str) -> list[RawField]:
    """Every labelled contact value in ``text``, in order (several phones from one field each)."""
    half = _half(text)
    matches = list(_LABEL_RE.finditer(half))
    out: list[RawField] = []
    for i, m in enumerate(matches):
        kind = _KIND_OF.get(_norm(m.group("label")))
        if kind is None:  # a stop label: it only ends the value before it
            continue
        label = text[m.start("label"):m.end("label")]
        start = m.end()
        next_label = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        end = _value_end(half, start, next_label)
        if kind == "phone":
            out.extend(_phones(text, label, start, end))
            continue
        if kind == "email":
            start, end = _email_value(text, half, start, end, next_label)
        elif kind == "postcode":
            stop = start
            while stop < end and not _CJK.match(half[stop]):
                stop += 1
            end = stop
        value, at = _trimmed(text, start, end)
        if value and kind in ("email", "website"):
            value = value.rstrip(".")
        if value:
            out.append(RawField(kind, label, value, at))
    return out


def _phones(text: str, label: str, start: int, end: int) -> list[RawField]:
    """The numbers of one phone field: "0533-2306909、0533-2306910" gives two."""
    found: list[RawField] = []
    masked = _PHONE_NOTE.sub(lambda m: " " * len(m.group(0)), text[:end])
    for m in _PHONE_RE.finditer(masked, start, end):
        chunk = m.group(0)
        parts = [(chunk, m.start())]
        # "0533-2306909 0533-2306910": two full numbers separated by white space.
        pieces = [p for p in re.finditer(r"\S+", chunk)]
        if len(pieces) > 1 and all(len(_DIGIT.findall(p.group(0))) >= 7 for p in pieces):
            parts = [(p.group(0), m.start() + p.start()) for p in pieces]
        for raw, at in parts:
            value, offset = _trimmed(text, at, at + len(raw))
            if _DIGIT.search(value):
                found.append(RawField("phone", label, value, offset))
    return found


def has_contact_fields(text: str) -> bool:
    """True when ``text`` holds at least one labelled contact value (for choosing a contact line)."""
    return bool(find_fields(text))


def _located(location: Location, text: str, offset: int, length: int) -> Location:
    """The paragraph's location narrowed to the value, where the location has line and column
    information (HTML gives lines without columns: an offset in the text is no file column)."""
    if location.line is None or location.column is None:
        return location
    before = text[:offset]
    breaks = before.count("\n")
    line = location.line + breaks
    if breaks:
        column = offset - before.rfind("\n")
    else:
        column = location.column + offset
    return location.model_copy(update={"line": line, "column": column, "end_line": line,
                                       "end_column": column + length})


def extract_contact(paragraphs: list[Text]) -> Contact:
    """The report's contact details from ``paragraphs`` (the intro first, title excluded).

    The details are the first paragraph that holds a labelled field, together with the paragraphs
    right after it that hold fields too (a contact block written one field per line). Later
    paragraphs are not read: a hotline named with a label in the body ("热线电话：12345") is prose
    about the agency's work, not the report's own contact details (docs/format.md §8.5). Within that
    block the first address, postcode, e-mail and web address are kept, and every phone number.
    """
    single: dict[str, ContactField] = {}
    phones: list[ContactField] = []
    seen_phones: set[str] = set()
    started = False
    for para in paragraphs:
        fields = find_fields(para.text)
        if not fields:
            if started:
                break
            continue
        started = True
        for f in fields:
            field = ContactField(label=f.label, value=f.value,
                                 location=_located(para.location, para.text, f.start, len(f.value)))
            if f.kind == "phone":
                if f.value not in seen_phones:
                    seen_phones.add(f.value)
                    phones.append(field)
            else:
                single.setdefault(f.kind, field)
    return Contact(address=single.get("address"), postcode=single.get("postcode"), phones=phones,
                   email=single.get("email"), website=single.get("website"))


__all__ = ["LABELS", "STOP_LABELS", "RawField", "extract_contact", "find_fields", "has_contact_fields"]
