"""Document → Report: one builder for every input format.

Readers hand over paragraphs and tables in document order; this module decides what they *are*:
the title, the intro, the six sections, the three standard tables (by their labels, wherever
they stand), the template version and the statistical period. Whatever it cannot place is kept
in ``Report.unrecognised`` for the rules to report — the builder never drops text silently and
never raises on odd input (an empty document, a one-column table, a ragged grid): it returns
what it found.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..model import (
    Contact,
    Document,
    Location,
    Paragraph,
    Report,
    Section,
    StandardTable,
    TableBlock,
    TemplateVersion,
    Text,
)
from .grid import RowView, TablePart, classify_table, scan_rows, summary
from .period import extract_period
from .sections import Heading, find_headings
from .tables import build_active, build_litigation, build_requests
from .template_version import detect_template
from .title import find_title

_BUILDERS: dict[str, Callable[[list[RowView], TemplateVersion, Location], StandardTable]] = {
    "active": build_active,
    "requests": build_requests,
    "litigation": build_litigation,
}


def _contact_extractor() -> Callable[[list[Text]], Contact] | None:
    """The contact extractor lives in its own module (written separately); without it the
    report simply has no contact details yet."""
    try:
        from .contact import extract_contact
    except ModuleNotFoundError as exc:  # only the module's absence; its own import errors surface
        if exc.name != f"{__package__}.contact":
            raise
        return None
    return extract_contact


@dataclass
class _SectionAcc:
    heading: Heading
    paragraphs: list[Text] = field(default_factory=list)
    tables: list[str] = field(default_factory=list)
    other_tables: int = 0

    def freeze(self) -> Section:
        h = self.heading
        return Section(key=h.key, number=h.number, heading=h.heading, location=h.location,
                       paragraphs=self.paragraphs, tables=self.tables, other_tables=self.other_tables)


def _stripped(p: Paragraph) -> Text:
    """The paragraph without its indentation ("　　", "&nbsp;"), its location moved to match, so
    an offset into the text is still an offset into the source line."""
    text = p.text.strip()
    lead = p.text[: len(p.text) - len(p.text.lstrip())]
    loc = p.location
    if lead and loc.line is not None:
        breaks = lead.count("\n")
        after = lead[lead.rfind("\n") + 1:]
        column = (1 if breaks else (loc.column or 1)) + len(after)
        loc = loc.model_copy(update={"line": loc.line + breaks, "column": column})
    elif lead and loc.column is not None:
        loc = loc.model_copy(update={"column": loc.column + len(lead)})
    return Text(text=text, location=loc)


def build_report(doc: Document) -> Report:
    """Build the `Report` the rules check from a reader's `Document`."""
    blocks = list(doc.blocks)

    # Paragraphs (non-empty, indentation stripped) with their block index.
    para_block: list[int] = []
    paras: list[Text] = []
    for i, b in enumerate(blocks):
        if isinstance(b, Paragraph) and b.text.strip():
            para_block.append(i)
            paras.append(_stripped(b))
    adjacent = [not any(isinstance(blocks[k], TableBlock) for k in range(para_block[j] + 1, para_block[j + 1]))
                for j in range(len(paras) - 1)]

    # Tables: consecutive tables of the same kind are one table (cut by a page break, or
    # published as separate sub-tables).
    parts: list[TablePart] = []
    part_of: dict[int, TablePart] = {}
    last_table_block = -2
    for i, b in enumerate(blocks):
        if not isinstance(b, TableBlock):
            if isinstance(b, Paragraph) and b.text.strip():
                last_table_block = -2
            continue
        rows = scan_rows(b)
        kind = classify_table(rows)
        prev = parts[-1] if parts else None
        if prev is None or kind is None or prev.kind != kind or last_table_block != prev.blocks[-1][0]:
            prev = TablePart(kind=kind)
            parts.append(prev)
        prev.add(i, b, rows)
        part_of[i] = prev
        last_table_block = i

    # Headings, then the title among the paragraphs before the first heading.
    headings = find_headings(paras, adjacent)
    first_heading = headings[0].start if headings else len(paras)
    title = find_title(paras, first_heading)
    title_last = max(title.blocks) if title else -1
    headings = [h for h in headings if h.start > title_last]
    heading_at = {h.start: h for h in headings}

    # Template version, from the tables' labels and the headings.
    decision = detect_template([(p.kind, p.rows) for p in parts], paras)
    versions = {"active": decision.active, "requests": decision.requests, "litigation": decision.litigation}

    # The standard tables: the first table of each kind.
    standard: dict[str, StandardTable] = {}
    standard_part: dict[str, TablePart] = {}
    for p in parts:
        if p.kind is not None and p.kind not in standard:
            standard[p.kind] = _BUILDERS[p.kind](p.rows, versions[p.kind], p.location)
            standard_part[p.kind] = p

    # Walk the blocks in order, placing each.
    intro: list[Text] = []
    unrecognised: list[Text] = []
    sections: list[_SectionAcc] = []
    current: _SectionAcc | None = None
    para_index = {b: j for j, b in enumerate(para_block)}
    skip_until = -1
    seen_parts: set[int] = set()
    for i, b in enumerate(blocks):
        if isinstance(b, Paragraph):
            j = para_index.get(i)
            if j is None or (title is not None and j in title.blocks) or j <= skip_until:
                continue
            h = heading_at.get(j)
            if h is not None:
                current = _SectionAcc(h)
                sections.append(current)
                skip_until = j + h.span - 1
            elif current is not None:
                current.paragraphs.append(paras[j])
            elif title is None or j > title_last:
                intro.append(paras[j])
            else:
                unrecognised.append(paras[j])
            continue
        part = part_of.get(i)
        if part is None or id(part) in seen_parts:
            continue  # a continuation of a table already placed
        seen_parts.add(id(part))
        is_standard = part.kind is not None and standard_part.get(part.kind) is part
        if current is not None:
            if is_standard and part.kind is not None:
                if part.kind not in current.tables:
                    current.tables.append(part.kind)
            else:
                current.other_tables += 1
        elif not is_standard:
            unrecognised.append(Text(text=summary(part.blocks[0][1]), location=part.location))

    title_text = title.title if title else None
    period = extract_period(([title_text] if title_text else []) + intro,
                            [p for s in sections for p in s.paragraphs] + unrecognised,
                            default_year=title.year if title else None)

    contact = Contact()
    extract = _contact_extractor()
    if extract is not None:
        # The intro first (where the details normally stand), then a contact line anywhere else.
        contact = extract(intro + [p for s in sections for p in s.paragraphs] + unrecognised)

    return Report(
        source=doc.source,
        title=title_text,
        agency=title.agency if title else None,
        title_year=title.year if title else None,
        period=period,
        contact=contact,
        intro=intro,
        sections=[s.freeze() for s in sections],
        active=standard.get("active"),
        requests=standard.get("requests"),
        litigation=standard.get("litigation"),
        template=decision.info,
        unrecognised=unrecognised,
        notices=list(doc.notices),
        comments=list(doc.comments),
        published_on=doc.published_on,
    )
