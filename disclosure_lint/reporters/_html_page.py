"""One report's page of the ``html`` output: summary, tables, findings by section, and text.

Every finding is tied to an element of the page: a table cell, a row or table heading, a section
heading, a paragraph, or a span inside a paragraph (a postcode, the statistical period). That
element is highlighted, shows the finding (message, expected and found value) on hover or
keyboard focus, carries a numbered badge linking to the finding, and the finding links back to it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import pairwise

from ..engine.finding import Finding, Place
from ..engine.result import LintResult
from ..model import Location, Report, Severity, Text
from ..model.template import SECTION_BY_KEY, SECTIONS, TABLE_LABELS
from ._common import describe, input_error_text, totals
from ._html_common import el, esc, severity_class, worst
from ._html_tables import TableDrawer, anchor
from .base import ReportContext

_TABLES = ("active", "requests", "litigation")
_FRONT = ("title", "intro", "period", "contact")


@dataclass(frozen=True)
class Mark:
    """A finding (by its number on the page) that concerns an element, directly or as related."""

    number: int
    finding: Finding
    related: bool = False


@dataclass
class Span:
    """Characters ``start:end`` of a paragraph that findings point at."""

    start: int
    end: int
    element_id: str
    marks: list[Mark] = field(default_factory=list)


def template_label(report: Report | None, s: dict[str, str]) -> str:
    version = report.template.version.value if report is not None else "unknown"
    return s.get(f"template_{version}", version)


class Page:
    """The page of one result; ``pid`` (``r1``, ``r2`` …) prefixes every id on it."""

    def __init__(self, result: LintResult, pid: str, ctx: ReportContext, s: dict[str, str], *, batch: bool) -> None:
        self.r = result
        self.report = result.report
        self.pid = pid
        self.ctx = ctx
        self.lang = "en" if ctx.lang == "en" else "zh"
        self.s = s
        self.batch = batch
        self.numbers = {id(f): i for i, f in enumerate(result.findings, 1)}
        self.paragraphs = self._paragraphs()
        self._paragraph_ids = {pid for pid, _ in self.paragraphs}
        self.marks: dict[str, list[Mark]] = defaultdict(list)  # element id → marks
        self.spans: dict[str, list[Span]] = defaultdict(list)  # paragraph id → spans
        self.links: dict[int, str | None] = {}  # finding number → id of the element it is about
        self.tips: list[tuple[str, str]] = []  # (id, HTML) of the tooltip texts
        self._span_count = 0
        if self.report is not None:
            for f in result.findings:
                n = self.numbers[id(f)]
                self.links[n] = self._attach(f.place, Mark(n, f))
                for place in f.related:
                    self._attach(place, Mark(n, f, related=True))

    # ---- where findings point ------------------------------------------------------------------
    def _paragraphs(self) -> list[tuple[str, Text]]:
        """Every paragraph shown in the text part, with its element id."""
        report = self.report
        if report is None:
            return []
        out: list[tuple[str, Text]] = []
        if report.title is not None:
            out.append((f"{self.pid}-title", report.title))
        out += [(f"{self.pid}-i{i}", t) for i, t in enumerate(report.intro)]
        for i, sec in enumerate(report.sections):
            out += [(f"{self.pid}-s{i}-p{j}", t) for j, t in enumerate(sec.paragraphs)]
        out += [(f"{self.pid}-u{i}", t) for i, t in enumerate(report.unrecognised)]
        return out

    def _element_for(self, pointer: str) -> str | None:
        """The id of the element a JSON Pointer names (or its closest enclosing one)."""
        parts = [p for p in pointer.split("/") if p]
        while parts:
            head = parts[0]
            if head in _TABLES and self.report is not None:
                if len(parts) == 1 or self.report.table(head) is None:
                    return anchor(self.pid, head)
                if len(parts) >= 3 and parts[1] == "rows":
                    return anchor(self.pid, head, parts[2], *(parts[4:5] if len(parts) >= 5 else ()))
            if head == "title" and len(parts) == 1 and self.report is not None and self.report.title is not None:
                return f"{self.pid}-title"
            if head == "intro" and len(parts) == 2 and parts[1].isdigit():
                return f"{self.pid}-i{parts[1]}"
            if head == "sections":
                if len(parts) == 1:
                    return f"{self.pid}-text"
                if len(parts) == 2 and parts[1].isdigit():
                    return f"{self.pid}-s{parts[1]}"
                if len(parts) == 4 and parts[1].isdigit() and parts[2] == "paragraphs" and parts[3].isdigit():
                    return f"{self.pid}-s{parts[1]}-p{parts[3]}"
            parts.pop()
        return None

    def _value_at(self, pointer: str) -> str | None:
        """The text a contact or period place stands for, to find it inside a paragraph."""
        report = self.report
        if report is None:
            return None
        if pointer == "/period":
            return report.period.text if report.period is not None and report.period.text else None
        parts = pointer.strip("/").split("/")
        if parts[0] != "contact" or len(parts) < 2:
            return None
        if parts[1] == "phones" and len(parts) == 3 and parts[2].isdigit():
            i = int(parts[2])
            return report.contact.phones[i].value if i < len(report.contact.phones) else None
        node = getattr(report.contact, parts[1], None)
        value = getattr(node, "value", None)
        return value if isinstance(value, str) and value else None

    @staticmethod
    def _same_place(a: Location, b: Location) -> bool:
        if a.line is not None and b.line is not None:
            return (a.end_line or a.line) >= b.line >= a.line
        if a.paragraph is not None and b.paragraph is not None:
            return a.paragraph == b.paragraph
        return a.page is not None and a.page == b.page

    def _find_span(self, place: Place, value: str | None) -> tuple[str, int, int] | None:
        loc = place.location
        single_line = loc.line is not None and loc.column is not None and loc.end_column is not None \
            and loc.end_line in (None, loc.line) and loc.page is None
        if single_line:
            for pid, t in self.paragraphs:
                pl = t.location
                if pl.line == loc.line and pl.column is not None and pl.end_line in (None, pl.line):
                    start, end = loc.column - pl.column, loc.end_column - pl.column  # type: ignore[operator]
                    if 0 <= start < end <= len(t.text) and (value is None or t.text[start:end] == value):
                        return pid, start, end
        if not value:
            return None
        near = [p for p in self.paragraphs if self._same_place(p[1].location, loc)]
        for pid, t in near + self.paragraphs:
            i = t.text.find(value)
            if i >= 0:
                return pid, i, i + len(value)
        return None

    def _add_span(self, para_id: str, start: int, end: int, mark: Mark) -> str:
        for span in self.spans[para_id]:
            if (span.start, span.end) == (start, end):
                span.marks.append(mark)
                return span.element_id
        self._span_count += 1
        span = Span(start, end, f"{self.pid}-m{self._span_count}", [mark])
        self.spans[para_id].append(span)
        return span.element_id

    def _attach(self, place: Place, mark: Mark) -> str | None:
        """Record that ``mark`` concerns ``place``; return the id of the element it lands on."""
        pointer = place.pointer
        value = self._value_at(pointer)
        element = self._element_for(pointer)
        if value is not None or element in self._paragraph_ids:
            found = self._find_span(place, value)  # a span inside a paragraph, when one is known
            if found is not None:
                return self._add_span(*found, mark)
        if pointer == "/contact" and self.report is not None:
            first = next((f for f in (self.report.contact.address, self.report.contact.postcode,
                                      *self.report.contact.phones, self.report.contact.email,
                                      self.report.contact.website) if f is not None), None)
            near = [p for p in self.paragraphs if first is not None and first.value in p[1].text]
            if near:
                self.marks[near[0][0]].append(mark)
                return near[0][0]
        if element is None and value is not None:  # a contact field or period not found in the text
            element = next((pid for pid, t in self.paragraphs if self._same_place(t.location, place.location)), None)
        if element is not None and element != f"{self.pid}-text":
            self.marks[element].append(mark)
        return element

    # ---- decoration ----------------------------------------------------------------------------
    def _tip(self, element_id: str, marks: list[Mark]) -> str:
        """The tooltip text of an element: each finding's severity, rule, message, values."""
        lines = []
        direct = {m.number for m in marks if not m.related}
        seen: set[tuple[int, bool]] = set()
        for m in marks:
            if (m.number, m.related) in seen or (m.related and m.number in direct):
                continue  # a finding's own place may also be among its related cells: say it once
            seen.add((m.number, m.related))
            f = m.finding
            sev = el("b", esc(f.severity.label(self.lang)), class_=f"sev {severity_class(f.severity)}")
            if m.related:
                head = esc(self.s["related_to"].format(n=m.number)) + " · "
                lines.append(el("span", head + esc(f.rule_id) + " " + esc(f.text(self.lang)), class_="tl rel"))
                continue
            lines.append(el("span", f"{sev} {esc(f.rule_id)} {esc(f.text(self.lang))}", class_="tl"))
            values = self._values(f)
            if values:
                lines.append(el("span", values, class_="tl vals"))
        tip_id = f"{element_id}-tip"
        self.tips.append((tip_id, "".join(lines)))
        return tip_id

    def _values(self, f: Finding) -> str:
        parts = []
        if f.expected is not None:
            parts.append(el("span", esc(self.s["expected"]) + el("b", esc(f.expected)), class_="exp"))
        if f.actual is not None:
            shown = f.actual if f.actual.strip() else self.s["blank"]
            parts.append(el("span", esc(self.s["actual"]) + el("b", esc(shown)), class_="act"))
        return "　".join(parts)

    def decorate(self, element_id: str, marks: list[Mark] | None = None) -> tuple[list[str], dict[str, object], str]:
        """Classes, attributes and badges for an element that findings may concern."""
        marks = self.marks.get(element_id, []) if marks is None else marks
        if not marks:
            return [], {}, ""
        direct = [m for m in marks if not m.related]
        level = worst([m.finding.severity for m in direct])
        classes = ["flag", severity_class(level)] if level is not None else ["flag", "related"]
        tip = self._tip(element_id, marks)
        numbers = sorted({m.number for m in direct})
        badges = "".join(
            el("a", str(n), href=f"#{self.pid}-f{n}", class_=f"badge {severity_class(self._by_number(n).severity)}",
               aria_label=self.s["finding_n"].format(n=n))
            for n in numbers)
        return classes, {"tabindex": "0", "data_tip": tip, "aria_describedby": tip}, badges

    def _by_number(self, n: int) -> Finding:
        return self.r.findings[n - 1]

    # ---- the page ------------------------------------------------------------------------------
    def render(self) -> str:
        parts = [self._header(), self._summary()]
        if self.report is not None:
            parts.append(self._section("tables", TableDrawer(self.pid, self.report, self.decorate, self.s).draw()))
            parts.append(self._section("findings", self._findings()))
            parts.append(self._section("text", self._text()))
        tips = "".join(el("span", html, id=tip_id, class_="tipsrc") for tip_id, html in self.tips)
        parts.append(el("div", tips, hidden=True, class_="tips"))
        return el("article", "".join(parts), id=self.pid, class_="page report")

    def title(self) -> str:
        report = self.report
        if report is not None and report.title is not None and report.title.text.strip():
            return report.title.text
        return self.r.path

    def _section(self, key: str, inner: str) -> str:
        return el("section", el("h2", esc(self.s[key])) + inner, id=f"{self.pid}-{key}", class_=f"part part-{key}")

    def _header(self) -> str:
        s = self.s
        nav = []
        if self.batch:
            nav.append(el("a", esc(s["back"]), href="#dashboard", class_="back"))
        if self.report is not None:
            for key in ("summary", "tables", "findings", "text"):
                nav.append(el("a", esc(s[f"nav_{key}"]), href=f"#{self.pid}-{key}"))
        report = self.report
        meta = [(s["file"], self.r.path)]
        if report is not None:
            meta += [
                (s["agency"], report.agency or s["unknown"]),
                (s["year"], str(report.year) if report.year is not None else s["unknown"]),
                (s["template"], template_label(report, s)),
                (s["format"], report.source.format if report.source is not None else s["unknown"]),
            ]
        dl = "".join(el("div", el("dt", esc(k)) + el("dd", esc(v))) for k, v in meta)
        return el("header", el("nav", "".join(nav), class_="pnav") + el("h1", esc(self.title()))
                  + el("dl", dl, class_="meta"), class_="phead")

    def _summary(self) -> str:
        s, r = self.s, self.r
        t = totals([r])
        if r.input_error is not None:
            body = el("p", esc(s["input_error"].format(message=input_error_text(r, self.lang))), class_="input-error")
            return el("section", el("h2", esc(s["summary"])) + body, id=f"{self.pid}-summary", class_="part")
        cards = "".join(
            el("div", el("span", str(getattr(t, sev.value)), class_="n") + el("span", esc(sev.label(self.lang)), class_="l"),
               class_=f"card {severity_class(sev)}" + (" zero" if getattr(t, sev.value) == 0 else ""))
            for sev in (Severity.ERROR, Severity.WARNING, Severity.INFO))
        verdict = ""
        if t.findings == 0 and not r.errors:
            verdict = el("p", esc(s["all_passed"] if not r.skipped else s["ran_passed"]), class_="verdict ok")
        extra = []
        if r.errors:
            items = []
            for e in sorted(r.errors, key=lambda e: (e.rule_id or "", e.plugin, e.message)):
                text = (s["internal_error"].format(rule=e.rule_id, plugin=e.plugin, message=e.message) if e.rule_id
                        else s["internal_error_plugin"].format(plugin=e.plugin, message=e.message))
                items.append(el("li", esc(text)))
            extra.append(el("div", el("h3", esc(s["internal"])) + el("ul", "".join(items)), class_="internal"))
        if r.skipped:
            skipped = "".join(
                el("li", el("code", esc(k.rule_id)) + " " + esc(k.rule_name) + esc(s["colon"]) + esc(k.reason.get(self.lang)))
                for k in sorted(r.skipped, key=lambda k: k.rule_id))
            extra.append(el("details", el("summary", esc(s["skipped_n"].format(n=len(r.skipped)))) + el("ul", skipped),
                            class_="skipped"))
        return el("section", el("h2", esc(s["summary"])) + el("div", cards, class_="cards") + verdict + "".join(extra),
                  id=f"{self.pid}-summary", class_="part")

    # ---- findings ------------------------------------------------------------------------------
    def _group(self, f: Finding) -> str:
        parts = [p for p in f.place.pointer.split("/") if p]
        if not parts:
            return "report"
        if parts[0] in _FRONT:
            return "front"
        if parts[0] in _TABLES:
            return parts[0]
        if parts[0] == "sections" and len(parts) >= 2 and parts[1].isdigit() and self.report is not None:
            i = int(parts[1])
            if i < len(self.report.sections):
                return self.report.sections[i].key
        return "report"

    def _group_heading(self, key: str) -> str:
        s = self.s
        if key == "report":
            return s["whole_report"]
        if key == "front":
            return s["front"]
        section = self.report.section(key) if self.report is not None else None
        if section is not None:
            return s["section"].format(number=section.number, heading=section.heading)
        spec = SECTION_BY_KEY.get(key)
        if spec is not None:
            return s["section"].format(number=spec.number, heading=spec.heading)
        return s["other_places"]

    def _findings(self) -> str:
        if not self.r.findings:
            return el("p", esc(self.s["no_findings"]), class_="verdict ok")
        groups: dict[str, list[Finding]] = defaultdict(list)
        for f in self.r.findings:
            groups[self._group(f)].append(f)
        order = ["report", "front", *(s.key for s in SECTIONS)]
        order += sorted(k for k in groups if k not in order)
        out = []
        for key in order:
            if key not in groups:
                continue
            items = "".join(self._finding(f) for f in groups[key])
            out.append(el("section", el("h3", esc(self._group_heading(key))) + el("ol", items, class_="findings"),
                          class_="fgroup", data_group=key))
        return "".join(out)

    def _finding(self, f: Finding) -> str:
        s = self.s
        n = self.numbers[id(f)]
        target = self.links.get(n)
        human = f.place.path.get(self.lang) if f.place.path is not None and f.place.logical != "report" else None
        head = el("span", str(n), class_="num") + el("span", esc(f.severity.label(self.lang)),
                                                     class_=f"sev {severity_class(f.severity)}")
        head += el("code", esc(f.rule_id), class_="rid") + el("span", esc(f.rule_name), class_="rname")
        if human:
            head += el("span", esc(human), class_="hpath")
        if target is not None:
            head += el("a", esc(s["goto"]) + " →", href=f"#{target}", class_="goto")
        body = [el("div", head, class_="fhead"), el("p", esc(f.text(self.lang)), class_="msg")]
        values = self._values(f)
        if values:
            body.append(el("p", values, class_="vals"))
        where = describe(f.place.location, self.lang)
        if where:
            body.append(el("p", esc(s["where"]) + esc(where), class_="where"))
        if f.related:
            items = []
            for p in f.related:
                name = (p.path.get(self.lang) if p.path is not None else None) or p.pointer or p.logical
                if p.value is not None:
                    name += f" = {p.value.strip() or s['blank']}"
                link = self._element_for(p.pointer)
                items.append(el("li", el("a", esc(name), href=f"#{link}") if link else esc(name)))
            body.append(el("details", el("summary", esc(s["related"]) + f" ({len(f.related)})")
                           + el("ul", "".join(items)), class_="rel"))
        if f.fix is not None:
            body.append(el("p", esc(s["fix"]) + esc(f.fix.get(self.lang)), class_="fix"))
        return el("li", "".join(body), id=f"{self.pid}-f{n}", class_=f"finding {severity_class(f.severity)}",
                  data_rule=f.rule_id)

    # ---- text ----------------------------------------------------------------------------------
    def _paragraph(self, tag: str, element_id: str, text: Text, classes: list[str] | None = None) -> str:
        more, attributes, badges = self.decorate(element_id)
        inner = self._marked(element_id, text.text) + badges
        return el(tag, inner, id=element_id, class_=" ".join([*(classes or []), *more]) or None, **attributes)  # type: ignore[arg-type]

    def _marked(self, para_id: str, text: str) -> str:
        """The paragraph's text with the spans findings point at marked (overlaps split)."""
        spans = sorted(self.spans.get(para_id, []), key=lambda sp: (sp.start, sp.end))
        if not spans:
            return esc(text)
        cuts = sorted({0, len(text), *(sp.start for sp in spans), *(sp.end for sp in spans)})
        out = []
        for a, b in pairwise(cuts):
            covering = [sp for sp in spans if sp.start <= a and b <= sp.end]
            piece = esc(text[a:b])
            if not covering:
                out.append(piece)
                continue
            starting = [sp for sp in covering if sp.start == a]
            marks = [m for sp in covering for m in sp.marks]
            seg_id = starting[0].element_id if starting else f"{covering[0].element_id}-{a}"
            out += [el("span", "", id=sp.element_id) for sp in starting[1:]]
            more, attributes, badges = self.decorate(seg_id, marks)
            ends = any(sp.end == b for sp in covering)
            out.append(el("mark", piece, id=seg_id, class_=" ".join(more), **attributes)  # type: ignore[arg-type]
                       + (badges if ends else ""))
        return "".join(out)

    def _text(self) -> str:
        report = self.report
        assert report is not None
        s = self.s
        out = []
        if report.title is not None:
            out.append(self._paragraph("p", f"{self.pid}-title", report.title, ["rtitle"]))
        out += [self._paragraph("p", f"{self.pid}-i{i}", t) for i, t in enumerate(report.intro)]
        for i, sec in enumerate(report.sections):
            heading = Text(text=f"{sec.number}、{sec.heading}", location=sec.location)
            out.append(self._paragraph("h3", f"{self.pid}-s{i}", heading, ["shead"]))
            out += [self._paragraph("p", f"{self.pid}-s{i}-p{j}", t) for j, t in enumerate(sec.paragraphs)]
            for key in sec.tables:
                if key in TABLE_LABELS:
                    out.append(el("p", el("a", esc(s["see_table"].format(label=TABLE_LABELS[key])),
                                          href=f"#{anchor(self.pid, key)}"), class_="tableref"))
        if report.unrecognised:
            out.append(el("h3", esc(s["unrecognised"]), class_="shead"))
            out += [self._paragraph("p", f"{self.pid}-u{i}", t) for i, t in enumerate(report.unrecognised)]
        return el("div", "".join(out), class_="rtext")
