"""List numbering of a .docx: the "一、" and "（一）" that Word draws but the text does not hold.

Reports whose headings come from Word's list numbering (``w:numPr`` on the paragraph, or on its
paragraph style) carry no ordinal in their text: "总体情况" instead of "一、总体情况". Section
recognition needs the ordinal, so the prefix is rebuilt the way Word renders it (ECMA-376 §17.9):
``numbering.xml`` maps a ``w:num`` to an ``w:abstractNum`` whose levels give a start value, a number
format (``chineseCounting`` → 一 二 … 十一) and a level text (``%1、``, ``（%2）``, ``%1.%2``);
``w:lvlOverride`` may restart or redefine a level for one list instance; counters advance in
document order and a level restarts when a higher level is used (unless ``w:lvlRestart`` says
otherwise).

Only what a prefix needs is modelled. Bullets and picture bullets give no prefix (their glyphs are
private-use characters of symbol fonts, noise in a text).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

W_TRANSITIONAL = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_MAX_LEVELS = 9
_MAX_STYLE_DEPTH = 32  # basedOn chains longer than this are cycles or garbage

# --------------------------------------------------------------------------------------------
# Number formats (ST_NumberFormat). Unknown formats fall back to decimal, as Word does.

_CN_DIGITS = "〇一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TW_LEGAL = "零壹貳參肆伍陸柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _digitwise(n: int, digits: str = _CN_DIGITS) -> str:
    return "".join(digits[int(d)] for d in str(n))


def _cn_counting(n: int, digits: str = _CN_DIGITS, units: str = "十百千", zero: str = "零",
                 short_ten: bool = True) -> str:
    """一 … 九, 十, 十一, 二十, 一百零一 …, up to 9999; larger numbers digit by digit."""
    if n <= 0 or n > 9999:
        return _digitwise(n, digits) if n >= 0 else str(n)
    parts: list[str] = []
    pending_zero = False
    for power in (3, 2, 1, 0):
        d = n // 10**power % 10
        if d == 0:
            if parts:
                pending_zero = True
            continue
        if pending_zero:
            parts.append(zero)
            pending_zero = False
        unit = units[power - 1] if power else ""
        if power == 1 and d == 1 and not parts and short_ten:
            parts.append(unit)  # 十一, not 一十一
        else:
            parts.append(digits[d] + unit)
    return "".join(parts)


def _cn_counting_short(n: int) -> str:
    """``chineseCounting``: counting form below 100 (一 … 九十九), digit by digit above."""
    return _cn_counting(n) if 0 < n < 100 else _digitwise(n)


def _letters(n: int, upper: bool) -> str:
    if n <= 0:
        return str(n)
    base = "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if upper else "abcdefghijklmnopqrstuvwxyz"
    return base[(n - 1) % 26] * ((n - 1) // 26 + 1)  # Word: Y, Z, AA, BB …


def _roman(n: int, upper: bool) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = []
    for value, symbol in _ROMAN:
        while n >= value:
            out.append(symbol)
            n -= value
    text = "".join(out)
    return text if upper else text.lower()


def _enclosed(n: int, ranges: tuple[tuple[int, int, int], ...]) -> str:
    for first, last, codepoint in ranges:
        if first <= n <= last:
            return chr(codepoint + n - first)
    return str(n)


def _cycle(n: int, symbols: str) -> str:
    return symbols[n - 1] if 0 < n <= len(symbols) else str(n)


_CIRCLED = ((1, 20, 0x2460), (21, 35, 0x3251), (36, 50, 0x32B1))
_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalHalfWidth": str,
    "decimalZero": lambda n: f"{n:02d}" if 0 <= n < 10 else str(n),
    "decimalFullWidth": lambda n: str(n).translate(str.maketrans("0123456789-", "０１２３４５６７８９－")),
    "decimalFullWidth2": lambda n: str(n).translate(str.maketrans("0123456789-", "０１２３４５６７８９－")),
    "upperRoman": lambda n: _roman(n, True),
    "lowerRoman": lambda n: _roman(n, False),
    "upperLetter": lambda n: _letters(n, True),
    "lowerLetter": lambda n: _letters(n, False),
    "chineseCounting": _cn_counting_short,
    "taiwaneseCounting": _cn_counting_short,
    "japaneseCounting": _cn_counting,
    "chineseCountingThousand": _cn_counting,
    "taiwaneseCountingThousand": _cn_counting,
    "ideographDigital": _digitwise,
    "taiwaneseDigital": _digitwise,
    "chineseLegalSimplified": lambda n: _cn_counting(n, _CN_LEGAL, "拾佰仟", "零", short_ten=False),
    "ideographLegalTraditional": lambda n: _cn_counting(n, _TW_LEGAL, "拾佰仟", "零", short_ten=False),
    "ideographTraditional": lambda n: _cycle(n, _TIANGAN),
    "ideographZodiac": lambda n: _cycle(n, _DIZHI),
    "decimalEnclosedCircle": lambda n: _enclosed(n, _CIRCLED),
    "decimalEnclosedCircleChinese": lambda n: _enclosed(n, _CIRCLED),
    "decimalEnclosedParen": lambda n: _enclosed(n, ((1, 20, 0x2474),)),
    "decimalEnclosedFullstop": lambda n: _enclosed(n, ((1, 20, 0x2488),)),
    "ideographEnclosedCircle": lambda n: _enclosed(n, ((1, 10, 0x3220),)),  # ㈠ ㈡ … ㈩
    "numberInDash": lambda n: f"- {n} -",
    "none": lambda n: "",
}
_NO_PREFIX = frozenset({"bullet"})


def format_number(n: int, fmt: str) -> str:
    """``n`` written in the number format ``fmt`` (decimal for formats not modelled here)."""
    return _FORMATS.get(fmt, str)(n)


# --------------------------------------------------------------------------------------------
# Definitions from numbering.xml


@dataclass(frozen=True, slots=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str | None = None  # w:lvlText; None: the level shows no number
    restart: int | None = None  # w:lvlRestart (None: restart after any higher level)
    legal: bool = False  # w:isLgl: the higher levels' numbers shown as decimals
    suffix: str = "tab"  # w:suff: tab, space or nothing
    style: str | None = None  # w:pStyle: the paragraph style linked to this level
    picture: bool = False  # w:lvlPicBulletId: a picture bullet


@dataclass(frozen=True, slots=True)
class Num:
    abstract: str
    starts: dict[int, int] = field(default_factory=dict)  # w:startOverride per level
    levels: dict[int, Level] = field(default_factory=dict)  # w:lvlOverride/w:lvl

    @property
    def own_list(self) -> bool:
        """An instance with overrides counts on its own; plain instances of one abstract
        definition share their counters (Word continues such lists)."""
        return bool(self.starts or self.levels)


def _int(value: str | None, default: int | None = None) -> int | None:
    if value is None:
        return default
    try:
        return int(value)
    except ValueError:
        return default


class _Tags:
    """Clark names of the WordprocessingML elements and attributes used here, for one namespace."""

    _ELEMENTS = ("abstractNum", "abstractNumId", "num", "numId", "lvl", "ilvl", "start", "numFmt",
                 "lvlText", "lvlRestart", "isLgl", "suff", "pStyle", "lvlPicBulletId",
                 "lvlOverride", "startOverride", "numStyleLink", "style", "basedOn", "pPr", "numPr")
    abstractNum: str
    abstractNumId: str
    num: str
    numId: str
    lvl: str
    ilvl: str
    start: str
    numFmt: str
    lvlText: str
    lvlRestart: str
    isLgl: str
    suff: str
    pStyle: str
    lvlPicBulletId: str
    lvlOverride: str
    startOverride: str
    numStyleLink: str
    style: str
    basedOn: str
    pPr: str
    numPr: str

    def __init__(self, ns: str) -> None:
        w = "{" + ns + "}"
        for name in self._ELEMENTS:
            setattr(self, name, w + name)
        self.val = w + "val"
        self.attr_abstract_id = w + "abstractNumId"
        self.attr_num_id = w + "numId"
        self.attr_ilvl = w + "ilvl"
        self.attr_type = w + "type"
        self.attr_style_id = w + "styleId"
        self.attr_default = w + "default"
        self.attr_format = w + "format"


TAGS = {ns: _Tags(ns) for ns in (W_TRANSITIONAL, W_STRICT)}


def tags_for(root: etree._Element) -> _Tags | None:
    """The tag set of ``root``'s WordprocessingML namespace (transitional or Strict), or None."""
    tag = root.tag
    if not isinstance(tag, str) or not tag.startswith("{"):
        return None
    return TAGS.get(tag[1:tag.index("}")])


def _num_fmt(lvl: etree._Element, t: _Tags) -> str:
    el = lvl.find(t.numFmt)
    if el is None:
        # Word 2010 writes custom formats as mc:AlternateContent: Choice w14 "custom", Fallback a
        # standard format. The Fallback's is the one a reader without w14 uses.
        for alt in lvl.iter(f"{{{MC}}}Fallback", f"{{{MC}}}Choice"):
            el = alt.find(t.numFmt)
            if el is not None:
                break
    if el is None:
        return "decimal"
    fmt = el.get(t.val) or "decimal"
    if fmt == "custom":  # w14 custom: "001, 002, 003, ..." → zero padded; else decimal
        sample = (el.get(t.attr_format) or "").split(",")[0].strip()
        return "decimalZero" if sample.startswith("0") and sample.isdigit() else "decimal"
    return fmt


def _level(lvl: etree._Element, t: _Tags) -> Level:
    def child_val(tag: str) -> str | None:
        el = lvl.find(tag)
        return None if el is None else el.get(t.val)

    text_el = lvl.find(t.lvlText)
    legal = lvl.find(t.isLgl)
    return Level(
        start=_int(child_val(t.start), 1) or 0,
        fmt=_num_fmt(lvl, t),
        text=None if text_el is None else (text_el.get(t.val) or ""),
        restart=_int(child_val(t.lvlRestart)),
        legal=legal is not None and legal.get(t.val, "1") not in ("0", "false", "off"),
        suffix=child_val(t.suff) or "tab",
        style=child_val(t.pStyle),
        picture=lvl.find(t.lvlPicBulletId) is not None,
    )


@dataclass
class Definitions:
    """The abstract definitions and list instances of ``numbering.xml``."""

    abstracts: dict[str, dict[int, Level]] = field(default_factory=dict)
    style_links: dict[str, str] = field(default_factory=dict)  # abstract id → w:numStyleLink
    nums: dict[str, Num] = field(default_factory=dict)

    @classmethod
    def from_xml(cls, root: etree._Element) -> Definitions:
        t = tags_for(root)
        out = cls()
        if t is None:
            return out
        for abstract in root.iterchildren(t.abstractNum):
            aid = abstract.get(t.attr_abstract_id)
            if aid is None:
                continue
            levels = {}
            for lvl in abstract.iterchildren(t.lvl):
                ilvl = _int(lvl.get(t.attr_ilvl), 0) or 0
                if 0 <= ilvl < _MAX_LEVELS:
                    levels[ilvl] = _level(lvl, t)
            out.abstracts[aid] = levels
            link = abstract.find(t.numStyleLink)
            if link is not None and link.get(t.val):
                out.style_links[aid] = link.get(t.val) or ""
        for num in root.iterchildren(t.num):
            nid = num.get(t.attr_num_id)
            ref = num.find(t.abstractNumId)
            if nid is None or ref is None or ref.get(t.val) is None:
                continue
            starts: dict[int, int] = {}
            overrides: dict[int, Level] = {}
            for override in num.iterchildren(t.lvlOverride):
                ilvl = _int(override.get(t.attr_ilvl), 0) or 0
                start = override.find(t.startOverride)
                if start is not None and (value := _int(start.get(t.val))) is not None:
                    starts[ilvl] = value
                lvl = override.find(t.lvl)
                if lvl is not None:
                    overrides[ilvl] = _level(lvl, t)
            out.nums[nid] = Num(ref.get(t.val) or "", starts, overrides)
        return out


# --------------------------------------------------------------------------------------------
# Paragraph styles from styles.xml (only what numbering needs)


@dataclass(frozen=True, slots=True)
class _StyleDef:
    based_on: str | None
    num_id: str | None
    ilvl: int | None


@dataclass
class Styles:
    """Paragraph (and numbering) styles: their ``w:numPr`` and ``w:basedOn``."""

    styles: dict[str, _StyleDef] = field(default_factory=dict)
    default: str | None = None  # the default paragraph style

    @classmethod
    def from_xml(cls, root: etree._Element) -> Styles:
        t = tags_for(root)
        out = cls()
        if t is None:
            return out
        for style in root.iterchildren(t.style):
            sid = style.get(t.attr_style_id)
            if sid is None or style.get(t.attr_type, "paragraph") not in ("paragraph", "numbering"):
                continue
            based = style.find(t.basedOn)
            num_id = ilvl = None
            ppr = style.find(t.pPr)
            numpr = ppr.find(t.numPr) if ppr is not None else None
            if numpr is not None:
                nid, lvl = numpr.find(t.numId), numpr.find(t.ilvl)
                num_id = nid.get(t.val) if nid is not None else None
                ilvl = _int(lvl.get(t.val)) if lvl is not None else None
            out.styles[sid] = _StyleDef(based.get(t.val) if based is not None else None, num_id, ilvl)
            if (style.get(t.attr_default) in ("1", "true", "on")
                    and style.get(t.attr_type, "paragraph") == "paragraph"):
                out.default = sid
        return out

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        """(numId, ilvl) a paragraph of this style inherits, through ``w:basedOn``."""
        num_id: str | None = None
        ilvl: int | None = None
        sid = style_id if style_id is not None else self.default
        for _ in range(_MAX_STYLE_DEPTH):
            if sid is None:
                break
            style = self.styles.get(sid)
            if style is None:
                break
            if num_id is None:
                num_id = style.num_id
            if ilvl is None:
                ilvl = style.ilvl
            if num_id is not None and ilvl is not None:
                break
            sid = style.based_on
        return num_id, ilvl


# --------------------------------------------------------------------------------------------
# Counting


class ListNumberer:
    """Rebuilds list prefixes paragraph by paragraph, in document order.

    ``styles`` is called at most once, and only when a paragraph's style matters (a paragraph
    with ``w:pStyle``, or numbering defined through a numbering style): most reports never pay
    for parsing ``styles.xml``.
    """

    def __init__(self, definitions: Definitions, styles: Callable[[], Styles | None]) -> None:
        self._defs = definitions
        self._styles_loader: Callable[[], Styles | None] | None = styles
        self._styles: Styles | None = None
        self._counters: dict[str, list[int | None]] = {}

    def _load_styles(self) -> Styles | None:
        if self._styles_loader is not None:
            self._styles = self._styles_loader()
            self._styles_loader = None
        return self._styles

    def _levels(self, num: Num) -> dict[int, Level]:
        levels = self._defs.abstracts.get(num.abstract, {})
        link = self._defs.style_links.get(num.abstract)
        if link is not None and not levels:  # the levels live in a numbering style's list
            styles = self._load_styles()
            linked_num = styles.numbering(link)[0] if styles else None
            target = self._defs.nums.get(linked_num) if linked_num else None
            if target is not None and target.abstract != num.abstract:
                levels = self._defs.abstracts.get(target.abstract, {})
        return {**levels, **num.levels} if num.levels else levels

    def prefix(self, num_id: str | None, ilvl: int | None, style_id: str | None) -> str:
        """The prefix Word draws before this paragraph ("一、", "（二）", "1.2 "), advancing the
        counters; "" for a paragraph that is not numbered (or has a bullet)."""
        if (num_id is None or ilvl is None) and style_id is not None:
            styles = self._load_styles()
            if styles is not None:
                style_num, style_ilvl = styles.numbering(style_id)
                num_id = num_id if num_id is not None else style_num
                ilvl = ilvl if ilvl is not None else style_ilvl
        if num_id is None or num_id == "0":
            return ""
        num = self._defs.nums.get(num_id)
        if num is None:
            return ""
        levels = self._levels(num)
        if ilvl is None:
            ilvl = next((i for i, lv in levels.items() if style_id and lv.style == style_id), 0)
        ilvl = min(max(ilvl, 0), _MAX_LEVELS - 1)
        level = levels.get(ilvl)
        if level is None:
            return ""
        values = self._advance(num_id, num, levels, ilvl)
        if level.fmt in _NO_PREFIX or level.picture or not level.text:
            return ""
        return _render(level, levels, values, num, ilvl)

    def _advance(self, num_id: str, num: Num, levels: dict[int, Level],
                 ilvl: int) -> list[int | None]:
        key = f"n:{num_id}" if num.own_list else f"a:{num.abstract}"
        counters = self._counters.setdefault(key, [None] * _MAX_LEVELS)
        current = counters[ilvl]
        counters[ilvl] = _start(num, levels, ilvl) if current is None else current + 1
        for deeper in range(ilvl + 1, _MAX_LEVELS):
            level = levels.get(deeper)
            restart = level.restart if level is not None else None
            if restart is None or (restart != 0 and ilvl < restart):
                counters[deeper] = None
        return counters


def _start(num: Num, levels: dict[int, Level], ilvl: int) -> int:
    if ilvl in num.starts:
        return num.starts[ilvl]
    level = levels.get(ilvl)
    return level.start if level is not None else 1


def _render(level: Level, levels: dict[int, Level], values: list[int | None], num: Num,
            ilvl: int) -> str:
    text = level.text or ""
    out: list[str] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "%" and i + 1 < len(text) and text[i + 1] in "123456789":
            ref = int(text[i + 1]) - 1
            value = values[ref]
            if value is None:  # a higher level not used yet: Word shows its start value
                value = _start(num, levels, ref)
            ref_level = levels.get(ref, Level())
            fmt = "decimal" if level.legal and ref != ilvl else ref_level.fmt
            out.append(format_number(value, fmt))
            i += 2
            continue
        out.append(ch)
        i += 1
    suffix = {"tab": " ", "space": " "}.get(level.suffix, "")
    rendered = "".join(out)
    return rendered + suffix if rendered else ""
