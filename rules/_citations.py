"""Citations of the national format notice in a report's prose (DL006).

The current format was issued with 国办公开办函〔2021〕30号; the trial format, used for the 2019 and
2020 reports, with 国办公开办函〔2019〕60号. Reports often cite the notice — and often wrongly:
国办发〔2021〕30号, 国办函〔2021〕30号, 国办公开函〔2021〕30号, a wrong number, or the superseded
2019 notice in a report for 2021 or later.

A document number is only taken for a citation *of the format notice* when the text says so,
because a report cites many other documents (工作要点, 实施方案 …) with numbers of their own:

- the number stands right after a mention of the format (“…年度报告格式》的通知》（…）”, with
  nothing but closing quotes, 的通知 and an opening bracket in between), or
- it is 〔2021〕30号 or 〔2019〕60号 of a 国办 issuer in a sentence about the report or its format.

Bracket styles (〔〕 ﹝﹞ [] ［］ () 【】), spaces and 第…号 are all fine: only the issuer and the
number matter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from disclosure_lint.text.normalize import compact, nfkc

from ._text import sentences

RIGHT_ISSUER = "国办公开办函"
CURRENT = (2021, 30)
TRIAL = (2019, 60)
FIRST_YEAR_CURRENT = 2021

# After NFKC: 〔〕 stay, ﹝﹞ become 〔〕, full-width brackets and digits become half-width.
_NUMBER = re.compile(r"(?P<issuer>[\u4e00-\u9fff]{0,12})[〔\[(【]\s*(?P<year>(?:19|20)\d\d)\s*[〕\])】]\s*第?\s*"
                     r"(?P<number>\d{1,4})\s*号")
_FORMAT_MENTION = re.compile(r"格式")
# What may stand between a mention of the format and its document number.
_FILLER = re.compile(r"^(?:[(（]试行[)）])?[〉>》”\"'’]*(?:的通知|通知)?[〉>》”\"'’]*[(（]?$")
_ABOUT_REPORT = ("格式", "年度报告", "年报", "本报告")


@dataclass(frozen=True)
class Citation:
    text: str  # the citation as found (after NFKC): 国办发〔2021〕30号
    issuer: str
    year: int
    number: int

    @property
    def is_right(self) -> bool:
        return self.issuer == RIGHT_ISSUER and (self.year, self.number) in (CURRENT, TRIAL)

    @property
    def is_trial(self) -> bool:
        return (self.year, self.number) == TRIAL


def _issuer(run: str) -> str:
    """The issuer code in the characters before a bracket: from 国办 / 国务院办公厅 on, if present."""
    for marker in ("国务院办公厅", "国办"):
        i = run.rfind(marker)
        if i >= 0:
            return run[i:]
    return run[-8:]


def format_citations(text: str) -> list[Citation]:
    """Every citation of the format notice in ``text`` (right or wrong), in order."""
    out: list[Citation] = []
    key = compact(nfkc(text))
    if "号" not in key:  # every citation ends in 号; most paragraphs have none, and _NUMBER is slow to fail
        return out
    for sentence in sentences(key):
        if "号" not in sentence:
            continue
        about_report = any(w in sentence for w in _ABOUT_REPORT)
        for m in _NUMBER.finditer(sentence):
            issuer = _issuer(m.group("issuer"))
            year, number = int(m.group("year")), int(m.group("number"))
            start = m.start() + len(m.group("issuer")) - len(issuer)
            named = issuer.startswith(("国办", "国务院办公厅")) and (year, number) in (CURRENT, TRIAL) and about_report
            if named or _follows_format_mention(sentence[:start]):
                out.append(Citation(sentence[start:m.end()], issuer, year, number))
    return out


def _follows_format_mention(before: str) -> bool:
    mentions = list(_FORMAT_MENTION.finditer(before))
    return bool(mentions) and bool(_FILLER.match(before[mentions[-1].end():]))


__all__ = ["CURRENT", "Citation", "FIRST_YEAR_CURRENT", "RIGHT_ISSUER", "TRIAL", "format_citations"]
