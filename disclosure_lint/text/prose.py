"""Counts in Chinese prose, and what they count: the narrative side of DL404–DL407, DL409, DL410.

Report authors restate the tables in words ("共收到政府信息公开申请7件，其中予以公开2件……"), and
evaluators check the words against the tables. This module reads such sentences and returns
*claims*: a value, what it counts (a row of table 三, a cell of table 二 or 四), for which applicants,
and where it was written. The rules compare claims with the tables; this module never sees a table.

Precision comes before recall (a linter that cries wolf on a correct report gets switched off), so
the extraction is deliberately narrow:

- A number is tied to a measure only when the words between them are known filler ("共", "计",
  "为", "的" …); "收到申请减少2件", "较上年增加2件" tie nothing.
- A count of applications needs the object 申请 with a known qualifier: "收到自然人提交的政府信息
  公开申请7件" is a claim about the 自然人 column; "受理行政许可申请1000件" and "收到涉及征收的申请
  5件" are not claims — and they make the outcome counts that follow them unusable (they might
  describe that subset), until the next count of all applications.
- A count written for another year ("2022年收到申请5件", "上年度……") or approximately ("约10件",
  "十余件") is not a claim.
- An ambiguous verb keeps every reading: "办理…申请N件" may mean the new applications, those
  handled, or new plus carried over. The rules fire only when the value fits none of the readings.

Numbers may be Arabic ("7", "1,201", full-width "７") or Chinese ("三", "十二", "两", "一百零五").
:func:`parse_number` parses them. We considered ``cn2an`` (MIT): it spends ~80 ms importing (it
compiles its patterns and imports ``proces`` at import time) and its wheel installs stray top-level
``build``, ``example`` and ``src`` folders into site-packages; counts in reports are small
integers, so twenty lines of our own, tested against the same cases, do the job.

Everything here is a pure function of the text (and the report year where a claim may be dated).
Positions are given in the original text, so a message can quote exactly what the author wrote.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import combinations
from typing import Literal

from .normalize import HALF_WIDTH, replacer
from .numerals import parse_number

# ----------------------------------------------------------------------------------------------
# Text preparation and numbers

_WHITESPACE = re.compile(r"[\s\u3000\u00a0\u200b-\u200d\u2060\ufeff\u00ad]")
_NOT_WHITESPACE = re.compile(r"[^\s\u3000\u00a0\u200b-\u200d\u2060\ufeff\u00ad]")
# The same as a replacement: faster than str.translate on whole paragraphs (text/normalize.py).
_half_width = replacer({chr(c): chr(m) for c, m in HALF_WIDTH.items()})

_CN_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万"
# An Arabic or Chinese integer that is not part of a longer number or a decimal.
NUMBER = (rf"(?<![\d.{_CN_NUMERAL_CHARS}])"
          rf"(?:\d{{1,3}}(?:,\d{{3}})+(?![\d.])|\d+(?![\d.])|[{_CN_NUMERAL_CHARS}]+)")
# Words that make the number after them approximate ("约10件", "近百件", "数十件").
_APPROXIMATE_BEFORE = ("约", "近", "超过", "超", "逾", "数", "几", "多达", "将近", "接近", "上")


@dataclass(frozen=True)
class Prepared:
    """The text as the patterns read it — white space removed, full-width ASCII folded to
    half-width — with the position in the original of every character kept."""

    text: str
    origin: Sequence[int]  # a range when nothing was removed
    original: str

    @classmethod
    def of(cls, original: str) -> Prepared:
        if not _WHITESPACE.search(original):  # the common case: nothing to remove
            return cls(_half_width(original), range(len(original)), original)
        keep = [m.start() for m in _NOT_WHITESPACE.finditer(original)]
        folded = _half_width("".join(original[i] for i in keep))
        return cls(folded, tuple(keep), original)

    @classmethod
    def of_text(cls, text: str | Prepared) -> Prepared:
        """``text`` prepared, unless it already is (the ``prose`` fixture prepares each paragraph
        once for all the narrative rules)."""
        return text if isinstance(text, Prepared) else cls.of(text)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the prepared span [start, end)."""
        if start >= end:
            pos = self.origin[start] if start < len(self.origin) else len(self.original)
            return pos, pos
        return self.origin[start], self.origin[end - 1] + 1

    def quote(self, start: int, end: int) -> str:
        a, b = self.span(start, end)
        return " ".join(self.original[a:b].split())


_SENTENCE_END = re.compile(r"[。!?\n]")
_CLAUSE_DELIMITERS = ",;:。、!?()"


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences of prepared text, split at 。！？ (never at ；, which separates items of a list)."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if m.end() > start:
            spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


# ----------------------------------------------------------------------------------------------
# Claims

Subject = Literal["requests", "active", "litigation"]


@dataclass(frozen=True)
class Claim:
    """One figure of the prose tied to what it counts.

    ``readings`` are the alternative meanings of the figure, each a ``+``-joined sum of measures
    (table 三: ``new``, ``carried_over``, ``granted``, ``partially_granted``, ``denied``,
    ``unavailable``, ``rejected``, ``other``, ``handled_total``, ``carried_forward``; table 二:
    ``normative_documents.issued`` …, ``licensing.decisions`` …; table 四: ``review``, ``suit``
    (both suit groups), ``suit_direct``, ``suit_after_review``). The text contradicts the table
    only when the value fits none of them. ``column`` scopes a table 三 figure to applicants:
    ``total``, one applicant column, or ``legal_entities`` (the five 法人或其他组织 columns).
    """

    subject: Subject
    readings: tuple[str, ...]
    value: int
    span: tuple[int, int]  # in the original paragraph text
    fragment: str  # the words as written, e.g. "予以公开2件"
    sentence: str
    column: str = "total"

    @property
    def measure(self) -> str:
        """The first (preferred) reading."""
        return self.readings[0]


# Filler allowed between a measure and its number: nothing that changes what is counted.
_FILL = r"(?:的|了|共计|共|合计|总计|计|为|有|达到|达|:|是|数量|件数|总数|数)*"
_REQUEST_UNIT = r"(?:件|宗|份|个)"
_DOC_UNIT = r"(?:件|个|份|部|项|篇)"
_DECISION_UNIT = r"(?:件|份|个|起|宗|项)"
_CASE_UNIT = r"(?:件|起|宗|个|次)"


def _count(unit: str, name: str = "num") -> str:
    return rf"(?P<{name}>{NUMBER}){unit}"


# Applicants, as prose names them, and the column each one scopes a count to.
_APPLICANTS: tuple[tuple[str, str], ...] = (
    ("公民、法人和其他组织", "total"), ("公民、法人或其他组织", "total"), ("公民、法人及其他组织", "total"),
    ("公民法人和其他组织", "total"), ("公民、法人和其它组织", "total"),
    ("法人或其他组织", "legal_entities"), ("法人和其他组织", "legal_entities"), ("法人及其他组织", "legal_entities"),
    ("法人或者其他组织", "legal_entities"), ("法人、其他组织", "legal_entities"), ("法人或其它组织", "legal_entities"),
    ("自然人", "natural_person"), ("公民", "natural_person"),
    ("商业企业", "commercial"), ("科研机构", "research"), ("社会公益组织", "social_welfare"),
    ("法律服务机构", "legal_services"), ("法人", "legal_entities"), ("企业", "commercial"),
)
APPLICANT = "(?:" + "|".join(re.escape(a) for a, _ in sorted(_APPLICANTS, key=lambda p: -len(p[0]))) + ")"
_APPLICANT_COLUMN = dict(_APPLICANTS)
LEGAL_ENTITY_COLUMNS = ("commercial", "research", "social_welfare", "legal_services", "other_org")

# Words that may stand between a verb and 申请 without narrowing what is counted.
_QUAL_TOKEN = (rf"(?:{APPLICANT}(?:(?:提交|提出|递交|申请|来)(?:的)?)?|来自|了|到|共计|共|合计|总计|计|本年度|本年|政府信息|"
               r"今年|全年|年度|年内|新|各类|各种|依法|的|、|和|或|及)")
_QUAL_OK = re.compile(rf"(?:{_QUAL_TOKEN})*")
# 申请人, 申请书, 申请表 … are not applications counted.
_APP_NOUN = r"(?:(?:(?:政府信息公开|信息公开|政府信息|公开)申请|申请)(?![人书表者])|依申请公开(?:申请|事项|件)?)"
_APP_NOUN_FULL = r"(?:(?:政府信息公开|信息公开)申请(?![人书表者])|依申请公开(?:申请|事项)?)"
# Verbs of receiving and of handling; "办理" and mixtures of the two are ambiguous.
_RECEIVE = ("新受理", "收到", "受理", "新收", "接收", "接到")
_HANDLE = ("办理完毕", "办理完成", "处理完毕", "办结", "答复")
_AMBIGUOUS = ("办理", "处理")
_VERB = "(?:" + "|".join(_HANDLE[:3] + _RECEIVE + _HANDLE[3:] + _AMBIGUOUS) + ")"
_VERB_GROUP = rf"(?P<verb>{_VERB}(?:(?:并|和|及|且|、){_VERB})*)"
# Subjects that may stand before a verbless count ("本机关政府信息公开申请7件").
_SUBJECT_OK = re.compile(rf"(?:\d{{4}}年度?|全年|本年度|本年|今年|年内|[本我](?:机关|单位|部门|局|委|办|院|厅|区|市|县|镇|乡|街道|中心)?|{_QUAL_TOKEN})*")

_OUTCOMES: tuple[tuple[str, str], ...] = (
    ("予以公开", "granted"), ("同意公开", "granted"), ("全部公开", "granted"),
    ("部分公开", "partially_granted"), ("不予公开", "denied"), ("无法提供", "unavailable"),
    ("不予处理", "rejected"), ("其他处理", "other"),
)
_CARRIED_OVER = r"(?:上一?年度?结转|结转上一?年度?|上一?年度?遗留)"
_CARRIED_FORWARD = r"(?:(?:结转|转入)(?:至|到|入)?(?:下一?年度?|\d{4}年度?)(?:继续办理|办理)?)"
_OUTCOME_KW = "(?:" + "|".join(k for k, _ in _OUTCOMES) + rf"|{_CARRIED_OVER}|{_CARRIED_FORWARD}|已办结|办结|已答复|答复|办理完毕|办理完成)"
# "按时办结" is a subset of those handled, not their number.
_SUBSET_BEFORE = ("按时", "按期", "及时", "限时", "如期", "逾期", "提前", "当场", "当日", "即时", "超期", "延期")


def _outcome_measure(keyword: str) -> str:
    for word, measure in _OUTCOMES:
        if keyword == word:
            return measure
    if re.fullmatch(_CARRIED_OVER, keyword):
        return "carried_over"
    if re.fullmatch(_CARRIED_FORWARD, keyword):
        return "carried_forward"
    return "handled_total"


def _verb_readings(verb: str) -> tuple[str, ...]:
    words = re.findall(_VERB, verb)
    if all(w in _RECEIVE for w in words):
        return ("new",)
    if all(w in _HANDLE for w in words):
        return ("handled_total",)
    return ("new", "handled_total", "new+carried_over")


_REQUEST_PATTERNS = {
    # 收到/办理 + qualifier + 申请 + count: "共办理自然人提交的政府信息公开申请7件"
    "verb_noun": re.compile(rf"{_VERB_GROUP}(?P<qual>[^,;:。!?()\d]{{0,24}}?){_APP_NOUN}{_FILL}{_count(_REQUEST_UNIT)}"),
    # 收到 + count + 申请: "共收到7件政府信息公开申请"
    "verb_count_noun": re.compile(rf"{_VERB_GROUP}{_FILL}{_count(_REQUEST_UNIT)}(?P<qual>(?:{_QUAL_TOKEN})*?){_APP_NOUN}"),
    # no verb: "政府信息公开申请共7件"
    "noun": re.compile(rf"{_APP_NOUN_FULL}{_FILL}{_count(_REQUEST_UNIT)}"),
    # outcome first: "予以公开2件", "结转下年度继续办理1件", "办结7件"
    # "予以公开和部分公开的共44件" counts both together; "予以公开、部分公开各2件" each
    "outcome": re.compile(rf"(?P<kws>(?:{_OUTCOME_KW}(?:以及|和|及|与|、|或))*)(?P<kw>{_OUTCOME_KW})(?P<each>各)?(?:的)?"
                          rf"(?:{_APP_NOUN})?{_FILL}{_count(_REQUEST_UNIT)}"),
    # number first: "2件予以公开"
    "count_outcome": re.compile(rf"{_count(_REQUEST_UNIT)}(?:已|均|被|为)?(?P<kw>(?:予以公开|部分公开|不予公开|无法提供|不予处理|其他处理|{_CARRIED_FORWARD}))"),
    # applicants only, in a breakdown: "其中自然人申请5件"
    "applicant": re.compile(rf"(?P<app>{APPLICANT})(?:(?:提交|提出|递交)(?:的)?)?(?:的)?(?:{_APP_NOUN})?{_FILL}{_count(_REQUEST_UNIT)}"),
    # none received: "未收到政府信息公开申请"
    "none_received": re.compile(rf"(?:未|没有)(?:收到|接到|受理|新收|产生|发生)(?:过)?(?:任何)?(?P<qual>[^,;:。!?()\d]{{0,16}}?)(?:{_APP_NOUN_FULL}|申请)"),
    "none_new": re.compile(rf"(?:无|没有)(?:新收|新增)?(?:的)?(?:{_APP_NOUN_FULL})"),
    "none_carried_over": re.compile(rf"(?:无|没有){_CARRIED_OVER}"),
    "none_carried_forward": re.compile(r"(?:无|没有)(?:需要|需)?(?:结转|转入)(?:至|到)?下一?年度"),
}
# "涉及征收的申请中，……": the outcomes that follow describe a subset.
_SUBSET_CLAUSE = re.compile(r"(?P<qual>[^,;:。!?()\d]{0,20}?)申请中")
_SUBSET_QUAL_OK = re.compile(rf"(?:在|所|上述|这些|以上|{'|'.join(_RECEIVE + _HANDLE + _AMBIGUOUS)}|{_QUAL_TOKEN})*")

# Time marks: the last one before a figure (in its sentence) dates it.
_TIME_MARK = re.compile(r"(?P<year>\d{4})年|(?P<last>(?<![比较与同])(?:上一年度|上一年|上年度|上年|去年|前年)(?!结转|度结转|遗留|度遗留)|同期)"
                        r"|(?P<this>今年|本年度|本年|全年)|(?P<since>以来|历年|至今)")


def _dated_elsewhere(sentence: str, pos: int, year: int | None, ignore: list[tuple[int, int]]) -> bool:
    """True when the last time mark before ``pos`` puts the figure in another year (or in a span
    of years: "2019年以来", "历年")."""
    verdict = False
    for m in _TIME_MARK.finditer(sentence, 0, pos):
        if any(a <= m.start() < b for a, b in ignore):
            continue
        if m.group("year"):
            verdict = year is not None and int(m.group("year")) != year
        elif m.group("last"):
            verdict = True
        elif m.group("this"):
            verdict = False
        else:
            verdict = True
    return verdict


def _approximate(sentence: str, num_start: int) -> bool:
    return any(sentence.endswith(w, 0, num_start) for w in _APPROXIMATE_BEFORE)


@dataclass
class _Candidate:
    kind: str
    start: int
    end: int
    num_start: int
    value: int | None
    readings: tuple[str, ...] = ()
    column: str | None = "total"  # None: a scope we do not handle
    is_whole: bool = False
    needs_context: bool = False  # the paragraph must speak of applications
    needs_sentence_context: bool = False  # the sentence itself must ("办结7件" is too common a phrase)


def _qual_column(qual: str) -> str | None:
    """The applicant column a qualifier scopes a count to; None when it narrows it otherwise."""
    if not _QUAL_OK.fullmatch(qual):
        return None
    columns = {_APPLICANT_COLUMN[m.group(0)] for m in re.finditer(APPLICANT, qual)}
    if not columns:
        return "total"
    if "total" in columns or {"natural_person", "legal_entities"} <= columns:
        return "total"
    return columns.pop() if len(columns) == 1 else None


# What each pattern cannot match without: most sentences of a report hold none of these words, and
# a plain search for them is far cheaper than the patterns (tests/rules/test_narrative_prefilter.py
# checks that no pattern matches a sentence its words are missing from).
_APPLICATION_WORD = re.compile("申请")
_OUTCOME_WORD = re.compile("予以公开|同意公开|全部公开|部分公开|不予公开|无法提供|不予处理|其他处理|结转|遗留|转入|办结|答复|办理完毕|办理完成")
_APPLICANT_WORD = re.compile(APPLICANT)
_REQUEST_NEEDS: dict[str, re.Pattern[str]] = {
    "verb_noun": _APPLICATION_WORD, "verb_count_noun": _APPLICATION_WORD, "noun": _APPLICATION_WORD,
    "outcome": _OUTCOME_WORD, "count_outcome": _OUTCOME_WORD, "applicant": _APPLICANT_WORD,
    "none_received": _APPLICATION_WORD, "none_new": _APPLICATION_WORD,
    "none_carried_over": _OUTCOME_WORD, "none_carried_forward": _OUTCOME_WORD,
}


class _Finder:
    """The request patterns' matches in one sentence, skipping the patterns whose words it lacks."""

    def __init__(self, s: str) -> None:
        self.s = s
        self.present = {_APPLICATION_WORD: "申请" in s, _OUTCOME_WORD: _OUTCOME_WORD.search(s) is not None,
                        _APPLICANT_WORD: _APPLICANT_WORD.search(s) is not None}

    def finditer(self, name: str) -> Iterator[re.Match[str]]:
        if not self.present[_REQUEST_NEEDS[name]]:
            return iter(())
        return _REQUEST_PATTERNS[name].finditer(self.s)

    @property
    def nothing(self) -> bool:
        return not any(self.present.values())


def _request_candidates(s: str) -> list[_Candidate]:
    out: list[_Candidate] = []
    p = _Finder(s)
    if p.nothing:
        return out
    for m in p.finditer("verb_noun"):
        out.append(_Candidate("whole", m.start(), m.end(), m.start("num"), parse_number(m.group("num")),
                              _verb_readings(m.group("verb")), _qual_column(m.group("qual")), is_whole=True))
    for m in p.finditer("verb_count_noun"):
        out.append(_Candidate("whole", m.start(), m.end(), m.start("num"), parse_number(m.group("num")),
                              _verb_readings(m.group("verb")), _qual_column(m.group("qual")), is_whole=True))
    for m in p.finditer("noun"):
        clause_start = max(s.rfind(d, 0, m.start()) for d in _CLAUSE_DELIMITERS) + 1
        column = _qual_column(s[clause_start:m.start()]) if _SUBJECT_OK.fullmatch(s[clause_start:m.start()]) else None
        out.append(_Candidate("whole", m.start(), m.end(), m.start("num"), parse_number(m.group("num")),
                              ("new", "handled_total", "new+carried_over"), column, is_whole=True))
    for name in ("outcome", "count_outcome"):
        for m in p.finditer(name):
            kw = m.group("kw")
            if kw in ("办结", "已办结", "答复", "已答复", "办理完毕", "办理完成") and \
                    any(s.endswith(w, 0, m.start()) for w in _SUBSET_BEFORE):
                continue
            groups = m.groupdict()
            measures = [_outcome_measure(k) for k in re.findall(_OUTCOME_KW, groups.get("kws") or "")]
            measures.append(_outcome_measure(kw))
            each = bool(groups.get("each")) and len(measures) > 1
            readings = tuple(measures) if each else ("+".join(measures),)
            out.append(_Candidate("each" if each else "part", m.start(), m.end(), m.start("num"),
                                  parse_number(m.group("num")), readings, None, needs_context=True,
                                  needs_sentence_context="handled_total" in measures and "申请" not in m.group(0)))
    for m in p.finditer("applicant"):
        out.append(_Candidate("applicant", m.start(), m.end(), m.start("num"), parse_number(m.group("num")),
                              (), _APPLICANT_COLUMN[m.group("app")]))
    for m in p.finditer("none_received"):
        if s.endswith("尚", 0, m.start()):
            continue
        out.append(_Candidate("whole", m.start(), m.end(), m.end(), 0, ("new",), _qual_column(m.group("qual")),
                              is_whole=True))
    for name, measure in (("none_new", "new"), ("none_carried_over", "carried_over"),
                          ("none_carried_forward", "carried_forward")):
        for m in p.finditer(name):
            out.append(_Candidate("whole" if measure == "new" else "part", m.start(), m.end(), m.end(), 0,
                                  (measure,), "total" if measure == "new" else None, is_whole=measure == "new",
                                  needs_context=measure != "new"))
    return out


_INCLUDES_CARRIED_OVER = re.compile(rf"\(?(?:含|包括|包含|其中)(?:了)?{_CARRIED_OVER}")


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """Non-overlapping candidates, earliest and then longest first; a number is used once."""
    chosen: list[_Candidate] = []
    for c in sorted(candidates, key=lambda c: (c.start, -(c.end - c.start))):
        if any(c.start < o.end and o.start < c.end for o in chosen):
            continue
        chosen.append(c)
    return chosen


_APP_CONTEXT = re.compile(r"信息公开申请|依申请|公开申请|申请公开")


def has_request_context(text: str | Prepared) -> bool:
    """True when the text speaks of applications for disclosure (so "予以公开2件" counts them)."""
    return bool(_APP_CONTEXT.search(Prepared.of_text(text).text))


def find_request_claims(text: str | Prepared, *, year: int | None = None, context: bool = False) -> list[Claim]:
    """Figures about 政府信息公开申请 (table 三) in a paragraph.

    ``context`` says the paragraph sits where applications are the topic (section 三, or after a
    heading such as "（二）依申请公开情况"); otherwise outcome counts without the word 申请 need the
    paragraph itself to speak of applications.
    """
    prep = Prepared.of_text(text)
    context = context or bool(_APP_CONTEXT.search(prep.text))
    claims: list[Claim] = []
    scope: str | None = "total"  # the applicant scope of the latest count(s) of all applications
    whole: tuple[str, ...] | None = None  # the readings of that count
    for a, b in sentence_spans(prep.text):
        s = prep.text[a:b]
        chosen = _select(_request_candidates(s))
        if not chosen:  # nothing in this sentence; nothing it would change for the next
            continue
        for c in chosen:  # "收到申请46件（含上年结转3件）" counts the carried-over ones too
            if c.is_whole and c.readings == ("new",) and _INCLUDES_CARRIED_OVER.match(s, c.end):
                c.readings = ("new", "new+carried_over")
        used = [(c.start, c.end) for c in chosen]
        subset_at = _subset_clause(s)
        # consecutive counts of all applications ("收到自然人申请5件、法人或其他组织申请2件") together
        # set the scope of the outcomes that follow them
        group: list[tuple[str | None, tuple[str, ...]]] = []
        after_part = True
        readings: tuple[str, ...]
        column: str | None
        for c in chosen:
            unusable = c.value is None or _approximate(s, c.num_start) or _dated_elsewhere(s, c.start, year, used)
            if c.is_whole:
                if after_part:
                    group, after_part = [], False
                group.append((None if unusable else c.column, c.readings))
                scope = _union_column([g[0] for g in group])
                whole = group[0][1] if len({g[1] for g in group}) == 1 else None
                if unusable or c.column is None:
                    continue
                readings, column = c.readings, c.column
            elif unusable:
                continue
            elif c.kind == "applicant":
                before = [o for o in chosen if o.end <= c.start]
                opener = s.rfind("其中", before[-1].end if before else 0, c.start)
                if whole is None or not before or before[-1].kind not in ("whole", "sibling", "breakdown"):
                    continue
                if before[-1].kind == "breakdown" or opener >= 0:
                    c.kind = "breakdown"  # "其中自然人申请10件，法人或其他组织申请2件"
                elif not after_part:
                    # "收到自然人申请5件、法人或其他组织申请2件": the same count for other applicants
                    c.kind = "sibling"
                    group.append((c.column, whole))
                    scope = _union_column([g[0] for g in group])
                else:
                    continue
                readings, column = whole, c.column
            else:
                after_part = True
                if c.needs_context and not context:
                    continue
                if c.needs_sentence_context and not (_APP_CONTEXT.search(s) or any(o.is_whole for o in chosen)):
                    continue
                readings = c.readings
                column = scope if subset_at is None or c.start < subset_at[0] else subset_at[1]
                if column is None:
                    continue
            if c.value is not None and column is not None:
                # "各2件": one claim for each measure named
                alternatives = [(r,) for r in readings] if c.kind == "each" else [readings]
                for reading in alternatives:
                    claims.append(Claim("requests", reading, c.value, prep.span(a + c.start, a + c.end),
                                        prep.quote(a + c.start, a + c.end), prep.quote(a, b), column))
    return claims


def _union_column(columns: list[str | None]) -> str | None:
    """The scope of several counts together: one column, all applicants, or None (unknown)."""
    if None in columns:
        return None
    found = set(columns)
    if "total" in found or {"natural_person", "legal_entities"} <= found:
        return "total"
    return found.pop() if len(found) == 1 else None


def _subset_clause(s: str) -> tuple[int, str | None] | None:
    """Where "……申请中" narrows the outcomes after it, and to which applicants (None: unknown)."""
    if "申请中" not in s:  # the pattern's own words; searching for them is much cheaper
        return None
    for m in _SUBSET_CLAUSE.finditer(s):
        qual = m.group("qual")
        if _SUBSET_QUAL_OK.fullmatch(qual):
            columns = {_APPLICANT_COLUMN[x.group(0)] for x in re.finditer(APPLICANT, qual)}
            if columns:
                return m.end(), columns.pop() if len(columns) == 1 else None
            continue
        return m.end(), None
    return None


# ---- table 二 --------------------------------------------------------------------------------

_DOC = r"(?P<doc>(?<!非)(?:行政)?规范性文件|规章(?!制度))"
_ISSUE_VERBS = r"(?:新制发|新制定|新出台|新印发|制发|印发|制定|出台)"
_REPEAL_VERBS = r"(?:废止|废除)"
_DOC_VERB = rf"(?P<verb>{_ISSUE_VERBS}|{_REPEAL_VERBS})"
_ACT = r"行政(?P<act>许可|处罚|强制)"
_NOT_DONE_BEFORE = ("拟", "建议", "计划", "将", "待", "累计")
_PUBLISHED_BEFORE = ("公开", "公示", "发布", "上传", "推送", "归集", "报送", "撤销", "变更", "延续", "注销", "解读")

_ACTIVE_PATTERNS = {
    "verb_doc": re.compile(rf"{_DOC_VERB}(?:了)?(?:各类)?{_DOC}{_FILL}{_count(_DOC_UNIT)}"),
    "doc_verb": re.compile(rf"{_DOC}(?:的)?(?P<verb>{_ISSUE_VERBS}|{_REPEAL_VERBS}|现行有效)(?:的)?(?:件数|数量|数)?{_FILL}{_count(_DOC_UNIT)}"),
    "in_force_doc": re.compile(rf"(?P<verb>现行有效)(?:的)?{_DOC}{_FILL}{_count(_DOC_UNIT)}"),
    "verb_count_doc": re.compile(rf"{_DOC_VERB}(?:了)?{_FILL}{_count(_DOC_UNIT)}(?:的)?{_DOC}"),
    "verb_count": re.compile(rf"(?P<verb>{_ISSUE_VERBS}|{_REPEAL_VERBS}|现行有效){_FILL}{_count(_DOC_UNIT)}"),
    "none_doc": re.compile(rf"(?:未|没有|无)(?:新)?{_DOC_VERB}(?:过)?(?:任何)?(?:新的)?(?:的)?{_DOC}"),
    "decisions": re.compile(rf"{_ACT}(?:处理)?决定(?:书)?{_FILL}{_count(_DECISION_UNIT)}"),
    "made_decisions": re.compile(rf"(?:作出|做出)(?:了)?(?:各类)?{_ACT}(?:处理)?(?:决定)?(?:书)?{_FILL}{_count(_DECISION_UNIT)}"),
    "made_count_decisions": re.compile(rf"(?:作出|做出)(?:了)?{_FILL}{_count(_DECISION_UNIT)}{_ACT}(?:处理)?决定"),
    "none_decisions": re.compile(rf"(?:未|没有)(?:作出|做出|实施|发生|有)(?:过)?(?:任何)?{_ACT}"),
}


_ALSO_DOC = re.compile(rf"(?:和|及|、|或|与){_DOC}")
# Every table 二 pattern names a document (规章, 规范性文件) or an act (行政许可 …): the words to look for
# before running them (tests/rules/test_narrative_prefilter.py).
_ACTIVE_WORD = re.compile("规章|规范性文件|行政许可|行政处罚|行政强制")


def _doc_measure(doc: str, verb: str) -> str:
    row = "regulations" if doc == "规章" else "normative_documents"
    column = "in_force" if verb == "现行有效" else "repealed" if re.fullmatch(_REPEAL_VERBS, verb) else "issued"
    return f"{row}.{column}"


def _sentences_with(prep: Prepared, word: re.Pattern[str]) -> Iterator[tuple[int, int, str]]:
    """The sentences of ``prep`` (start, end, text) that contain ``word``; none at all, without
    splitting, when the text lacks it — the patterns are slow, the word check is cheap."""
    if not word.search(prep.text):
        return
    for a, b in sentence_spans(prep.text):
        s = prep.text[a:b]
        if word.search(s):
            yield a, b, s


def find_active_claims(text: str | Prepared, *, year: int | None = None) -> list[Claim]:
    """Figures about table 二: 规章 / 行政规范性文件 制发, 废止, 现行有效; 行政许可, 行政处罚, 行政强制
    decisions. "普通政府部门文件9件", "公开清理结果1条", "1201个事项办事指引" are not such figures."""
    prep = Prepared.of_text(text)
    claims: list[Claim] = []
    for a, b, s in _sentences_with(prep, _ACTIVE_WORD):
        candidates: list[tuple[int, int, int, int | None, str]] = []  # start, end, num_start, value, measure
        for name, pattern in _ACTIVE_PATTERNS.items():
            if name == "verb_count":
                continue
            for m in pattern.finditer(s):
                clause = s[max(s.rfind(d, 0, m.start()) for d in _CLAUSE_DELIMITERS) + 1:m.start()]
                if any(clause.endswith(w) for w in _NOT_DONE_BEFORE) or "累计" in clause:
                    continue
                value = parse_number(m.group("num")) if "num" in m.groupdict() and m.group("num") else 0
                num_start = m.start("num") if "num" in m.groupdict() and m.group("num") else m.end()
                if "act" in m.groupdict() and m.group("act"):
                    if any(w in clause for w in _PUBLISHED_BEFORE):
                        continue
                    measure = {"许可": "licensing", "处罚": "penalty", "强制": "enforcement"}[m.group("act")] + ".decisions"
                else:
                    measure = _doc_measure(m.group("doc"), m.group("verb"))
                candidates.append((m.start(), m.end(), num_start, value, measure))
        for m in _ACTIVE_PATTERNS["none_doc"].finditer(s):
            also = _ALSO_DOC.match(s, m.end())
            if also:
                candidates.append((m.end(), also.end(), also.end(), 0, _doc_measure(also.group("doc"), m.group("verb"))))
        chosen = _select([_Candidate("active", st, en, ns, v, (ms,)) for st, en, ns, v, ms in candidates])
        # "制发行政规范性文件3件，废止1件": a bare verb and count after a claim inherit its document.
        docs = [c for c in chosen if c.readings[0].split(".")[0] in ("regulations", "normative_documents")]
        if docs:
            for m in _ACTIVE_PATTERNS["verb_count"].finditer(s):
                before = [c for c in docs if c.end <= m.start()]
                if not before or any(m.start() < c.end and c.start < m.end() for c in chosen):
                    continue
                row = before[-1].readings[0].split(".")[0]
                measure = _doc_measure("规章" if row == "regulations" else "规范性文件", m.group("verb"))
                chosen.append(_Candidate("active", m.start(), m.end(), m.start("num"), parse_number(m.group("num")),
                                         (measure,)))
        used = [(c.start, c.end) for c in chosen]
        for c in sorted(chosen, key=lambda c: c.start):
            if c.value is None or _approximate(s, c.num_start) or _dated_elsewhere(s, c.start, year, used):
                continue
            claims.append(Claim("active", c.readings, c.value, prep.span(a + c.start, a + c.end),
                                prep.quote(a + c.start, a + c.end), prep.quote(a, b)))
    return claims


# ---- table 四 --------------------------------------------------------------------------------

_LITIGATION_CONTEXT = re.compile(r"信息公开|依申请|公开申请|被申请|被提起|被诉|被起诉")
# Every table 四 pattern names 行政复议 or 诉讼 (tests/rules/test_narrative_prefilter.py).
_LITIGATION_WORD = re.compile("行政复议|诉讼")
_LITIGATION_VERB = r"(?:(?:被申请|被提起|被|发生|涉及|产生|出现|提起)(?:的)?)?"
# A body that handles reviews ("受理行政复议申请3件", "处理涉及政府信息公开行政复议3件") is the reviewing
# authority: table 四 counts the reviews and suits against the reporting body only.
_REVIEWING_AUTHORITY = ("处理", "办理", "审理", "受理", "收到", "审结", "作出", "办结", "接收")
_REVIEW_NOUN = rf"{_LITIGATION_VERB}行政复议(?:申请|案件|案)?"
_SUIT_NOUN = rf"{_LITIGATION_VERB}行政诉讼(?:案件|案)?"
_LITIGATION_PATTERNS = {
    "both": re.compile(rf"{_LITIGATION_VERB}行政复议(?:案件)?(?:和|及|、|与|或){_LITIGATION_VERB}(?:行政)?诉讼(?:案件|案)?(?P<each>各)?{_FILL}{_count(_CASE_UNIT)}"),
    "both_zero": re.compile(r"行政复议(?:案件)?(?:和|及|、|与|或)(?:行政)?诉讼(?:案件)?(?:数量|数)?(?:均|都|皆)?为(?:0|零)(?:件|起)?"),
    "review": re.compile(rf"{_REVIEW_NOUN}{_FILL}{_count(_CASE_UNIT)}"),
    "suit": re.compile(rf"{_SUIT_NOUN}{_FILL}{_count(_CASE_UNIT)}"),
    "none": re.compile(r"(?:(?<!尚)未|没有|暂无|均无|并无|全年无|本年度无)(?:发生|出现|产生|收到|接到|有|涉及|被申请|被提起|被)?(?:过)?(?:任何)?"
                       r"(?P<np>[^,;:。!?()\d]{0,30}?(?:行政复议|诉讼)(?:[、和及与或](?:被提起|提起|被申请|被)?(?:行政)?(?:复议|诉讼))*)"),
}


def find_litigation_claims(text: str | Prepared, *, year: int | None = None, context: bool = False) -> list[Claim]:
    """Figures about table 四: "被申请行政复议2件", "提起行政诉讼1件", "未发生行政复议、行政诉讼"
    (zero for each named). A count of reviews a body decides as the reviewing authority ("办理
    行政复议案件120件" in a 司法局 report) is not one: the sentence must speak of disclosure, or of
    this body as the respondent (被申请, 被提起), unless ``context`` (section 四) says so."""
    prep = Prepared.of_text(text)
    claims: list[Claim] = []
    for a, b, s in _sentences_with(prep, _LITIGATION_WORD):
        if not (context or _LITIGATION_CONTEXT.search(s)):
            continue
        cands: list[_Candidate] = []
        for name, pattern in _LITIGATION_PATTERNS.items():
            for m in pattern.finditer(s):
                if name == "none":
                    np_ = m.group("np")
                    if "未经" in np_ or "审结" in np_ or "尚未" in np_:
                        continue
                    named = []
                    if "复议" in np_:
                        named.append("review")
                    if "诉讼" in np_:
                        named.append("suit")
                    for measure in named:
                        cands.append(_Candidate(f"none:{measure}", m.start(), m.end(), m.end(), 0, (measure,)))
                    continue
                if name == "both_zero":
                    cands.append(_Candidate("both", m.start(), m.end(), m.end(), 0, ("review+suit",)))
                    continue
                value = parse_number(m.group("num"))
                if name == "both":
                    readings = ("review", "suit") if m.group("each") else ("review+suit",)
                    cands.append(_Candidate("both", m.start(), m.end(), m.start("num"), value, readings))
                elif name == "review":
                    if s.endswith("经", 0, m.start()):
                        continue
                    cands.append(_Candidate("review", m.start(), m.end(), m.start("num"), value, ("review",)))
                else:
                    clause = s[max(s.rfind(d, 0, m.start()) for d in _CLAUSE_DELIMITERS) + 1:m.start()]
                    measure = "suit_after_review" if "复议后" in clause else "suit_direct" if "直接" in clause else "suit"
                    cands.append(_Candidate("suit", m.start(), m.end(), m.start("num"), value, (measure,)))
        kept, excluded_end = [], -1
        for c in sorted(cands, key=lambda c: c.start):
            if c.kind.startswith("none:"):
                kept.append(c)
                continue
            clause = s[max(s.rfind(d, 0, c.start) for d in _CLAUSE_DELIMITERS) + 1:c.start]
            # the verb also governs the next count of the list: "处理……行政复议3件，行政诉讼14件"
            if any(w in clause for w in _REVIEWING_AUTHORITY) or (
                    excluded_end >= 0 and re.fullmatch(r"[,、和及与]*", s[excluded_end:c.start])):
                excluded_end = c.end
                continue
            kept.append(c)
        cands = kept
        # "未发生行政复议" names two zero claims over one span: keep them together.
        none_cands = [c for c in cands if c.kind.startswith("none:")]
        chosen = _select([c for c in cands if not c.kind.startswith("none:")] + none_cands[:1])
        if none_cands and none_cands[0] in chosen:
            chosen += [c for c in none_cands[1:] if c.start == none_cands[0].start]
        used = [(c.start, c.end) for c in chosen]
        for c in sorted(chosen, key=lambda c: c.start):
            if c.value is None or _approximate(s, c.num_start) or _dated_elsewhere(s, c.start, year, used):
                continue
            if c.kind == "both" and len(c.readings) == 2:  # "各1件": one claim for each
                for r in c.readings:
                    claims.append(Claim("litigation", (r,), c.value, prep.span(a + c.start, a + c.end),
                                        prep.quote(a + c.start, a + c.end), prep.quote(a, b)))
                continue
            claims.append(Claim("litigation", c.readings, c.value, prep.span(a + c.start, a + c.end),
                                prep.quote(a + c.start, a + c.end), prep.quote(a, b)))
    return claims


# ----------------------------------------------------------------------------------------------
# The 信息处理费 (DL407)

@dataclass(frozen=True)
class FeeStatement:
    """What a sentence says about the 信息处理费: none charged, or an amount (in 元)."""

    kind: Literal["none", "amount"]
    amount: Decimal
    span: tuple[int, int]
    fragment: str
    sentence: str


_FEE_CONTEXT = re.compile(r"信息处理费|处理费|(?:收费|收取|费用|免费).*(?:申请|答复|信息公开)"
                          r"|(?:申请|答复|信息公开).*(?:收费|收取费用|免费)")
_FEE_NONE = re.compile(
    r"(?:未|没有|不|免|无)(?:收取|收|征收)(?:过)?(?:任何)?(?:信息处理费|处理费|费用|费)"
    r"|(?:未|没有|不|免)收(?:取)?(?:任何)?(?:信息处理)?费"
    r"|无(?:收取)?(?:信息处理费|处理费)"
    r"|(?:均|都|全部|一律)?(?:未|没有|不|免)收费|免费"
    r"|(?:未|没有)(?:产生|发生|涉及)(?:任何)?(?:信息处理费|处理费|收费)"
    r"|(?:信息处理费|处理费)(?:收入|金额|总额)?(?:为|是|共计|共|计|合计)?(?:0|零)(?:\.0+)?(?:元|万元)?(?!\d|\.\d)"
    r"|收取(?:信息处理费|处理费|费用)(?:为|共计|共|计|合计)?(?:0|零)(?:\.0+)?(?:元|万元)(?!\d)")
_FEE_AMOUNT = re.compile(
    r"(?:(?:收取|收费|征收|收缴|收)(?:了)?(?:信息处理费|处理费|费用)?|信息处理费|处理费)(?:收入|金额|总额)?"
    r"(?:为|是|共计|共|计|合计|总计)?(?P<amount>\d+(?:\.\d+)?)(?P<unit>元|万元)(?![/每])")
# The fee rules quoted ("同一申请人一个自然月内累计申请10件以下的，不收费；……100元/件") are not statements
# about what was charged.
_FEE_RULES = re.compile(r"标准|按件|按量|自然月|超额|累进|以下|以上|管理办法规定|收费通知")
_FEE_SCOPED = ("对", "部分", "除", "其中", "个别", "超出", "超过", "如")


def find_fee_statements(text: str | Prepared, *, year: int | None = None) -> list[FeeStatement]:
    """Statements about the 信息处理费 (never table 二's 行政事业性收费). A statement scoped to some
    applications ("对自然人申请未收取……") or dated to another year is left out."""
    prep = Prepared.of_text(text)
    out: list[FeeStatement] = []
    for a, b in sentence_spans(prep.text):
        s = prep.text[a:b].replace("行政事业性收费", "＿" * len("行政事业性收费"))
        if not _FEE_CONTEXT.search(s) or _FEE_RULES.search(s):
            continue
        for m in _FEE_AMOUNT.finditer(s):
            amount = Decimal(m.group("amount")) * (10000 if m.group("unit") == "万元" else 1)
            if amount > 0 and not _dated_elsewhere(s, m.start(), year, []):
                out.append(FeeStatement("amount", amount, prep.span(a + m.start(), a + m.end()),
                                        prep.quote(a + m.start(), a + m.end()), prep.quote(a, b)))
        for m in _FEE_NONE.finditer(s):
            clause = s[max(s.rfind(d, 0, m.start()) for d in _CLAUSE_DELIMITERS) + 1:m.start()]
            conditional = s[:m.start()].rstrip(",").endswith("的") and m.group(0) in ("不收费", "免费")
            if any(w in clause for w in _FEE_SCOPED) or conditional or _dated_elsewhere(s, m.start(), year, []):
                continue
            if m.group(0) == "免费":
                end = min([i for i in (s.find(d, m.end()) for d in _CLAUSE_DELIMITERS) if i >= 0], default=len(s))
                if not re.search("申请|答复|信息处理费", s[s.rfind(",", 0, m.start()) + 1:end]):
                    continue
            out.append(FeeStatement("none", Decimal(0), prep.span(a + m.start(), a + m.end()),
                                    prep.quote(a + m.start(), a + m.end()), prep.quote(a, b)))
    return out


# ----------------------------------------------------------------------------------------------
# Unfilled template text (DL409)

@dataclass(frozen=True)
class Placeholder:
    span: tuple[int, int]
    fragment: str
    kind: Literal["letters", "omitted", "instruction", "missing-number", "blank"]


_PLACEHOLDER_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "XX件", "XXX局", "××", "20XX年" — not inside an e-mail address, a URL or a Latin word
    ("letters", re.compile(r"(?<![A-Za-z@._/\\\-])(?:[Xx]{2,}|×{2,})(?![A-Za-z0-9@._/\\\-])")),
    ("letters", re.compile(r"(?<![A-Za-z0-9@._/\\\-])[Xx×](?=[件条个项次篇人场期家份宗起部年月日元%])")),
    ("omitted", re.compile(r"[(\[【]略[)\]】]")),
    # "有待补充完善" is prose; "请填写申请表" may be too
    ("instruction", re.compile(r"(?<![有尚亟仍])待(?:补充|填写|填报|填充)|此处填写|此处输入|单击或点击此处|点击此处输入|单击此处输入")),
    # a count phrase with no number: "共主动公开条", "收到申请件。", "申请____件"
    ("missing-number", re.compile(r"(?:公开|申请|收到|受理|办结|结转|制发|废止|发布|信息|复议|诉讼|共计|合计|累计|共)"
                                  r"(?:_+|\(\)|【】|\[\])?(?:件|条|篇)(?=[,;:。、!?)]|$)")),
    ("blank", re.compile(r"(?<![A-Za-z0-9@.])_{3,}(?![A-Za-z0-9@])")),
)
# What each pattern above cannot match without (the same order): the patterns open with a look-behind,
# which makes them slow to scan a paragraph that has none of these (tests/rules/test_narrative_prefilter.py).
_PLACEHOLDER_NEEDS: tuple[re.Pattern[str], ...] = (
    re.compile("[Xx×]"), re.compile("[Xx×]"), re.compile("略"), re.compile("待|此处"), re.compile("[件条篇]"),
    re.compile("___"),
)


def find_placeholders(text: str | Prepared) -> list[Placeholder]:
    """Unfilled template text: "XX件", "××", "（略）", "待补充", a count phrase without its number."""
    prep = Prepared.of_text(text)
    found: list[tuple[int, int, str]] = []
    for (kind, pattern), needs in zip(_PLACEHOLDER_PATTERNS, _PLACEHOLDER_NEEDS, strict=True):
        if not needs.search(prep.text):
            continue
        for m in pattern.finditer(prep.text):
            if not any(m.start() < e and s < m.end() for s, e, _ in found):
                found.append((m.start(), m.end(), kind))
    out = []
    for start, end, kind in sorted(found):
        # quote a few characters before ("共主动公开条", "信息XX条"), within the clause
        q_start = max(start - (8 if kind in ("missing-number", "letters") else 0), 0,
                      max(prep.text.rfind(d, 0, start) for d in _CLAUSE_DELIMITERS) + 1)
        q_end = end + 1 if kind == "letters" and end < len(prep.text) and prep.text[end] not in _CLAUSE_DELIMITERS else end
        out.append(Placeholder(prep.span(start, end), prep.quote(q_start, q_end), kind))  # type: ignore[arg-type]
    return out


# ----------------------------------------------------------------------------------------------
# Arithmetic inside the prose (DL410)

_ANY_UNIT = r"(?:人次|件|条|个|项|次|篇|场|期|家|份|宗|起|部|批|所|名|户|人)"
_ITEM_COUNT = re.compile(rf"(?P<num>{NUMBER})(?P<unit>{_ANY_UNIT})")
_PERCENT = r"\d+(?:\.\d+)?%"
_RATE_AFTER = re.compile(rf"(?:\(|,)?(?:占比为|占比|约占|占总数的|占总量的|占全部的|占申请总数的|占)(?P<pct>{_PERCENT})\)?")
_OTHER_PERCENT = re.compile(rf",?[^,;:。、!?()\d]{{0,8}}{_PERCENT}\)?|\([^()]{{0,30}}\)")
_ITEM = re.compile(rf"(?P<label>[^,;:。、!?()\d]{{1,14}}?)(?P<num>{NUMBER})(?P<unit>{_ANY_UNIT})")
_LABEL_STOP = ("其中", "另", "此外", "同时", "还", "并", "也", "共", "累计", "总", "比", "较", "增", "减", "以上", "上述",
               "全年", "达", "约", "近", "超")
_NOT_EXHAUSTIVE_AFTER = ("等", "其余", "另有", "剩余", "余下", "此外", "另外")
_FAMILIES: dict[str, tuple[str, ...]] = {
    "outcome": ("予以公开", "同意公开", "全部公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理", "结转",
                "正在办理", "办理中", "未办结", "尚未办结", "不属于", "信息不存在", "非本机关", "告知"),
    "applicant": ("自然人", "公民", "法人", "组织", "企业", "机构", "律师", "个人"),
    "proposal": ("主办", "分办", "会办", "协办", "独办", "联办", "建议", "提案"),
}
_WILDCARD_LABELS = ("其他", "其它", "其余")


@dataclass(frozen=True)
class Part:
    label: str
    value: int
    percent: Decimal | None = None  # "（占比20%）" written beside it
    percent_text: str = ""


@dataclass(frozen=True)
class Breakdown:
    """A "…N件，其中A a件、B b件…" statement: the counts before 其中 and the parts after it."""

    wholes: tuple[int, ...]  # counts (in the parts' unit) written before 其中 in the sentence
    parts: tuple[Part, ...]
    unit: str
    exhaustive: bool  # the parts look like a complete breakdown (one kind, nothing left over)
    family: str | None  # the kind of breakdown: "outcome", "applicant", "proposal"; None when mixed
    received_only: bool  # the count before 其中 is of applications received, and nothing is said of 结转
    cuts: tuple[int, ...]  # numbers of leading parts after which a "；" may have ended the list
    span: tuple[int, int]
    fragment: str
    sentence: str

    def part_lists(self) -> list[tuple[Part, ...]]:
        """The parts as a complete list, and cut at each "；" (the list may have ended there)."""
        return [self.parts[:k] for k in self.cuts] + [self.parts]

    def whole_candidates(self) -> set[int]:
        """Every sum of the counts before 其中 (one of them, or several together)."""
        out: set[int] = set()
        values = self.wholes[:6]
        for n in range(1, len(values) + 1):
            for combo in combinations(values, n):
                out.add(sum(combo))
        return out


def _family(label: str) -> str | None:
    if any(label.endswith(w) or label == w for w in _WILDCARD_LABELS):
        return "*"
    found = {name for name, words in _FAMILIES.items() if any(w in label for w in words)}
    return found.pop() if len(found) == 1 else None


def find_breakdowns(text: str | Prepared) -> list[Breakdown]:
    """Every "其中" list of counts, with the counts written before it in the same sentence."""
    prep = Prepared.of_text(text)
    out: list[Breakdown] = []
    for a, b in sentence_spans(prep.text):
        s = prep.text[a:b]
        segment_start = whole_from = 0
        for opener in re.finditer("其中", s):
            if opener.start() < segment_start:
                continue
            pos = opener.end()
            while pos < len(s) and s[pos] in ",:":
                pos += 1
            parts: list[Part] = []
            cuts: list[int] = []  # the list may end at a "；": "其中予以公开11件……；结转下年度办理2件"
            unit = None
            last_start = last_end = pos
            while True:
                m = _ITEM.match(s, pos)
                if not m or any(w in m.group("label") for w in _LABEL_STOP) or _approximate(s, m.start("num")):
                    break
                value = parse_number(m.group("num"))
                if value is None or (unit is not None and m.group("unit") != unit):
                    break
                unit = m.group("unit")
                pct, pct_text, end = None, "", m.end()
                r = _RATE_AFTER.match(s, end)
                if r:
                    pct, pct_text, end = Decimal(r.group("pct")[:-1]), r.group("pct"), r.end()
                else:
                    o = _OTHER_PERCENT.match(s, end)
                    if o and "%" in o.group(0):
                        end = o.end()
                parts.append(Part(m.group("label"), value, pct, pct_text))
                last_start, last_end = m.start("label"), end
                if end < len(s) and s[end] in "、,;":
                    if s[end] == ";":
                        cuts.append(len(parts))
                    pos = end + 1
                    continue
                break
            if not parts or unit is None:
                continue
            # a nested list ("无法提供3件，其中自然人3件") is a breakdown of the item before it
            whole_from_before = whole_from
            wholes = tuple(v for m in _ITEM_COUNT.finditer(s, whole_from, opener.start())
                           if m.group("unit") == unit and not _approximate(s, m.start())
                           and (v := parse_number(m.group("num"))) is not None)
            segment_start, whole_from = last_end, last_start
            rest = s[last_end:]
            families = {_family(p.label) for p in parts} - {"*"}
            # complete: one kind of part, nothing said to be left over, no further count after the list
            # (one more part the list did not parse, "另有1件结转下年度")
            exhaustive = (len(families) == 1 and None not in families
                          and not any(w in rest for w in _NOT_EXHAUSTIVE_AFTER)
                          and not any(m.group("unit") == unit for m in _ITEM_COUNT.finditer(rest)))
            family = next(iter(families)) if len(families) == 1 else None
            pre = s[whole_from_before:opener.start()]
            received_only = bool(re.search("|".join(_RECEIVE), pre)) and "结转" not in pre
            out.append(Breakdown(wholes, tuple(parts), unit, exhaustive, family, received_only, tuple(cuts),
                                 prep.span(a + opener.start(), a + last_end),
                                 prep.quote(a + opener.start(), a + last_end), prep.quote(a, b)))
    return out


@dataclass(frozen=True)
class Rate:
    """"办结率100%" beside the counts it is a rate of."""

    percent: Decimal
    decimals: int
    numerator: int
    denominators: tuple[int, ...]  # the readings of the whole it is a share of
    span: tuple[int, int]
    fragment: str
    sentence: str


_COMPLETION_RATE = re.compile(rf"(?<!按时)(?<!按期)(?<!及时)(?<!如期)(?<!限时)办结率(?:为|是|达到|达)?(?P<pct>{_PERCENT})")


def find_completion_rates(text: str | Prepared, *, year: int | None = None) -> list[Rate]:
    """"办结率N%" in a sentence that also gives the applications handled and received."""
    prep = Prepared.of_text(text)
    out: list[Rate] = []
    if "办结率" not in prep.text:  # the pattern's own words: no rate, no need to read the claims
        return out
    claims = find_request_claims(prep, year=year, context=True)
    for a, b in sentence_spans(prep.text):
        s = prep.text[a:b]
        for m in _COMPLETION_RATE.finditer(s):
            lo, hi = prep.span(a, b)
            here = [c for c in claims if lo <= c.span[0] < hi and c.column == "total"]
            handled = [c.value for c in here if c.readings == ("handled_total",)]
            received = [c.value for c in here if "new" in c.readings and len(c.readings) == 1]
            carried = sum(c.value for c in here if c.readings == ("carried_over",))
            forward = sum(c.value for c in here if c.readings == ("carried_forward",))
            if len(handled) != 1 or len(received) != 1:
                continue
            pct = m.group("pct")[:-1]
            dens = [received[0]]
            if any(c.readings == ("carried_over",) for c in here):
                dens.append(received[0] + carried)
            if any(c.readings == ("carried_forward",) for c in here):
                dens.append(handled[0] + forward)
            dens = [d for d in dict.fromkeys(dens) if d > 0]
            out.append(Rate(Decimal(pct), len(pct.partition(".")[2]), handled[0], tuple(dens),
                            prep.span(a + m.start(), a + m.end()), prep.quote(a + m.start(), a + m.end()),
                            prep.quote(a, b)))
    return out


def percent_fits(percent: Decimal, decimals: int, numerator: int, denominator: int) -> bool:
    """True when ``percent`` (written with ``decimals`` places) is numerator/denominator rounded
    either way: 66%, 67% and 66.7% all fit 2/3."""
    if denominator <= 0:
        return True
    exact = Decimal(numerator) * 100 / Decimal(denominator)
    return abs(exact - percent) < Decimal(1).scaleb(-decimals)


__all__ = [
    "APPLICANT", "LEGAL_ENTITY_COLUMNS", "NUMBER", "Breakdown", "Claim", "FeeStatement", "Part", "Placeholder",
    "Prepared", "Rate", "find_active_claims", "find_breakdowns", "find_completion_rates", "find_fee_statements",
    "find_litigation_claims", "find_placeholders", "find_request_claims", "has_request_context",
    "percent_fits", "sentence_spans",
]
