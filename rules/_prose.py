"""The fixture ``prose``: the report's prose paragraphs as the narrative rules read them.

Six rules (DL404–DL407, DL409, DL410) read every paragraph of a report, each looking for its own
kind of figure. What they read is the same — the paragraph with white space removed and full-width
forms folded (`_narrative.Prepared`), where it stands, whether applications are its topic — so it
is worked out once per report here, instead of once per rule and paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass

from disclosure_lint import fixture
from disclosure_lint.model import Report, Text
from disclosure_lint.text.prose import Prepared, has_request_context


@dataclass(frozen=True)
class ProseParagraph:
    text: Text
    where_zh: str  # "“一、总体情况”" / "标题" / "开头段落"
    where_en: str
    section: str | None  # the section key, None for the title and the opening paragraphs
    context: bool  # applications are the topic here (section 三, or under a 依申请公开 heading)
    prepared: Prepared  # the text as the narrative patterns read it


@fixture()
def prose(report: Report) -> tuple[ProseParagraph, ...]:
    """Every prose paragraph in order (title, opening paragraphs, sections), with where it stands
    and whether applications are its topic."""
    out: list[ProseParagraph] = []
    if report.title:
        out.append(ProseParagraph(report.title, "标题", "the title", None, False, Prepared.of(report.title.text)))
    for para in report.intro:
        out.append(ProseParagraph(para, "开头段落", "the opening paragraph", None, False, Prepared.of(para.text)))
    for section in report.sections:
        heading = f"{section.number}、{section.heading}" if section.number else section.heading
        topic = section.key == "requests"
        for para in section.paragraphs:
            prepared = Prepared.of(para.text)
            if len(para.text.strip()) <= 30:  # a sub-heading sets the topic of what follows it
                topic = section.key == "requests" or has_request_context(prepared)
            out.append(ProseParagraph(para, f"“{heading}”", f"section {section.number or ''} ({section.key})",
                                      section.key, topic, prepared))
    return tuple(out)


__all__ = ["ProseParagraph", "prose"]
