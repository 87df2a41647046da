"""Text of a PDF's text layer: spaces, page numbers, and paragraphs rebuilt from lines.

A PDF has no paragraphs, only positioned lines. pdfplumber clusters characters into lines (and puts
Latin quotes and the "." of "1." in the right place); what is left to us is the typography a
government report follows (GB/T 9704): body lines run from the left to the right margin, a paragraph
starts with a two-character first-line indent and ends with a line that stops short of the right
margin, titles are centred, and the page number is a centred ``— 4 —`` at the foot.

Extractors infer spaces from gaps between glyphs, and LibreOffice and Word leave gaps between
Chinese and Latin/digit runs ("2023 年"): a space next to a CJK character is layout, not text, and is
dropped; spaces between Latin words and numbers are kept.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

Box = tuple[float, float, float, float]  # x0, top, x1, bottom (PDF points, origin top-left)

# CJK ideographs and punctuation, full-width forms, and the curly quotes Chinese text uses.
_CJK = "\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3200-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef“”‘’"
_CJK_SPACES = re.compile(rf"(?<=[{_CJK}])[ \u00a0]+|[ \u00a0]+(?=[{_CJK}])")
_DASHES = "—–－―─-"
_PAGE_NUMBER = re.compile(
    rf"[{_DASHES}]+\d{{1,4}}[{_DASHES}]+"  # — 4 —, - 4 -
    r"|第\d{1,4}页(?:[,，/]?共\d{1,4}页)?"  # 第4页 共9页
    r"|\d{1,4}/\d{1,4}"  # 4 / 9
    r"|(?i:page)\d{1,4}(?:(?i:of)\d{1,4})?"  # Page 4 of 9
)
_LONE_NUMBER = re.compile(r"\d{1,4}")
# Section and sub-section headings: 一、 一. （一） (一)
HEADING = re.compile(r"[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]")
_WORD_END = re.compile(r"[A-Za-z0-9]$")
_WORD_START = re.compile(r"^[A-Za-z0-9]")
_FIRST_TOKEN = re.compile(rf"[A-Za-z0-9@._%+\-/:]+|[^{_CJK}\s]|.")


def drop_cjk_spaces(text: str) -> str:
    """Remove spaces next to CJK characters (``2023 年`` → ``2023年``); keep ``AI 客服`` → ``AI客服``
    but ``e-mail me`` as it is."""
    return _CJK_SPACES.sub("", text)


def join_lines(lines: list[str]) -> str:
    """Join wrapped lines of one paragraph or cell: no separator in CJK text (a Chinese line break
    is never a space), one space between two Latin words, none after a hyphen or slash."""
    out = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if out and _WORD_END.search(out) and _WORD_START.search(line):
            out += " "
        out += line
    return drop_cjk_spaces(out)


def is_page_number(text: str, box: Box, width: float, height: float) -> bool:
    """A running page number: ``— 4 —``, ``- 4 -``, ``第4页 共9页``, ``4/9`` anywhere in the top or
    bottom margin, or a lone number centred there."""
    x0, top, x1, bottom = box
    if top < 0.82 * height and bottom > 0.12 * height:
        return False
    compacted = re.sub(r"\s+", "", text)
    if _PAGE_NUMBER.fullmatch(compacted):
        return True
    centre = (x0 + x1) / 2
    return bool(_LONE_NUMBER.fullmatch(compacted)) and abs(centre - width / 2) < 0.1 * width


@dataclass
class Line:
    """One text line outside the tables."""

    text: str
    box: Box
    size: float  # median glyph size: the font size of the line
    page: int


@dataclass
class Margins:
    """The body's left and right margin, measured over the whole document."""

    left: float
    right: float


@dataclass
class Para:
    lines: list[Line] = field(default_factory=list)

    @property
    def text(self) -> str:
        return join_lines([ln.text for ln in self.lines])

    @property
    def page(self) -> int:
        return self.lines[0].page

    @property
    def box(self) -> Box:
        first = [ln.box for ln in self.lines if ln.page == self.page]
        return (min(b[0] for b in first), min(b[1] for b in first),
                max(b[2] for b in first), max(b[3] for b in first))


def margins(lines: list[Line]) -> Margins:
    """Left margin = the most common line start; right margin = where full lines end.

    Most lines of a report are full body lines, so the mode of the start positions is the left
    margin (indented first lines and centred titles are fewer); the right margin is a high
    percentile of the ends of lines that start there.
    """
    if not lines:
        return Margins(0.0, 0.0)
    starts = Counter(round(ln.box[0]) for ln in lines)
    left_round = min(x for x, n in starts.items() if n == max(starts.values()))
    body = [ln for ln in lines if abs(ln.box[0] - left_round) <= 1.5]
    left = min(ln.box[0] for ln in body)
    ends = sorted(ln.box[2] for ln in body)
    right = ends[min(len(ends) - 1, int(0.9 * len(ends)))] if len(ends) >= 3 else max(ln.box[2] for ln in lines)
    return Margins(left, right)


def _centred(line: Line, m: Margins) -> bool:
    gap_left, gap_right = line.box[0] - m.left, m.right - line.box[2]
    return gap_left > 2 and gap_right > 2 and abs(gap_left - gap_right) <= max(line.size, 3.0)


def _indented(line: Line, m: Margins) -> bool:
    return line.box[0] - m.left > 0.5 * line.size


def _first_token_width(line: Line) -> float:
    """Width of the line's first word (a Latin word, or one CJK character): the room the previous
    line would have needed to take it."""
    text = line.text.lstrip()
    match = _FIRST_TOKEN.match(text)
    n = len(match.group()) if match else 1
    if not text or n <= 1:
        return line.size
    share = n / max(len(text.replace(" ", "")), 1)
    return share * (line.box[2] - line.box[0])


def _ends_short(prev: Line, line: Line, m: Margins) -> bool:
    """``prev`` stops short of the right margin by more than ``line``'s first word, plus one
    character for the rule that a line may not start with closing punctuation."""
    return m.right - prev.box[2] > _first_token_width(line) + prev.size


def paragraphs(lines: list[Line], m: Margins) -> list[Para]:
    """Group consecutive lines (no table between them) into paragraphs.

    A line starts a paragraph when it is indented, follows a line that ends short, changes font
    size or alignment (centred titles), follows a vertical gap of more than 1.5 lines, or is a
    stand-alone numbered heading (``一、总体情况``, ``（一）…``) that does not fill its line.
    Paragraphs run on across page breaks.
    """
    out: list[Para] = []
    prev: Line | None = None
    for line in lines:
        if prev is None or _starts(prev, line, m):
            out.append(Para())
        out[-1].lines.append(line)
        prev = line
    return out


def _starts(prev: Line, line: Line, m: Margins) -> bool:
    centred = _centred(line, m)
    if centred != _centred(prev, m) or abs(line.size - prev.size) > 0.15 * max(line.size, prev.size):
        return True
    if line.page == prev.page and line.box[1] - prev.box[3] > 1.5 * line.size:
        return True
    if centred:
        return False
    if _indented(line, m) or _ends_short(prev, line, m):
        return True
    return bool(HEADING.match(line.text.lstrip())) and m.right - line.box[2] > line.size
