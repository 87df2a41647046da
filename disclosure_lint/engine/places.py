"""Turn a node of the report into a place a person (and SARIF) can find.

Rules say ``at=cell`` or ``at=section``; this module answers with the JSON Pointer into the report,
the source location, a stable logical name for fingerprints, and the human path a message shows
(表三 › 三、本年度办理结果 › （七）总计 › 自然人). The index is built once per report, on first use,
and holds only where each node sits: its pointer, logical name and path are worked out for the few
nodes findings are made at (a report has hundreds of cells; a finding names one or two).
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from typing import Any

from ..model import Cell, Location, Report, TemplateVersion
from ..model.template import SECTION_BY_KEY, TABLE_LABELS, TABLE_LABELS_EN, TableSpec, table_spec
from ..text.normalize import compact
from .finding import Message, Place

_SEP = " › "
_RESULTS_ROWS_START = "granted"
_FIELD_ZH = {"title": "标题", "period": "统计期限", "contact": "联系方式", "address": "地址", "postcode": "邮编",
             "phones": "电话", "email": "电子邮箱", "website": "网址", "intro": "开头段落"}


def _digest(text: str) -> str:
    return hashlib.sha256(compact(text).encode()).hexdigest()[:12]


@lru_cache(maxsize=2048)
def cell_path(key: str, version: TemplateVersion = TemplateVersion.V2021) -> Message:
    """Human path of a table cell from its canonical key, in the format's own labels.

    Cached: the same few hundred keys in every report, and a `Message` is immutable."""
    table, _, rest = key.partition(".")
    row_key, _, col_key = rest.partition(".")
    try:
        spec = table_spec(table, version)
        parts_zh, parts_en = _row_path(spec, row_key)
        if col_key:
            col = spec.column(row_key, col_key)
            parts_zh.append(col.label)
            parts_en.append(f"{col.label} [{col_key}]")
    except KeyError:
        return Message(zh=key, en=key)
    return Message(zh=_SEP.join([TABLE_LABELS[table], *parts_zh]),
                   en=_SEP.join([TABLE_LABELS_EN[table], *parts_en]))


def _row_path(spec: TableSpec, row_key: str) -> tuple[list[str], list[str]]:
    row = spec.row(row_key)
    zh: list[str] = []
    if spec.key == "active":
        zh.append(next(b.label for b in spec.blocks if row in b.rows))
    if spec.key == "requests":
        keys = spec.row_keys
        if keys.index(_RESULTS_ROWS_START) <= keys.index(row_key) <= keys.index("handled_total"):
            zh.append("三、本年度办理结果")
    if row.group_label and (row.number or "") != row.group_label[:3]:
        zh.append(row.group_label)
    zh.append(f"{row.number or ''}{row.label}")
    en = list(zh[:-1]) + [f"{zh[-1]} [{row_key}]"]
    return zh, en


def _unindexed(node: Any) -> str:
    """A logical name for a node outside the index (unplaced text, a label as found, a template
    signature, an inline comment): its kind, its key if it has one, and a digest of its text — never
    its position, so two such findings of one rule stay apart and survive edits elsewhere."""
    name = type(node).__name__
    key = getattr(node, "key", None)
    if isinstance(key, str) and key:
        name = f"{name}.{key}"
    text = next((v for a in ("text", "found", "detail", "value")
                 if isinstance(v := getattr(node, a, None), str) and v), None)
    return f"{name}#{_digest(text)}" if text else name


# Where a node sits: its kind and the positions describing it, e.g. ("paragraph", section, i, j).
_Entry = tuple[Any, ...]


class Locator:
    """Finds where a node sits in one report."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self._index: dict[int, _Entry] | None = None

    def _build(self) -> dict[int, _Entry]:
        """Every node a finding may be made at, by identity (a later entry wins, as it always did)."""
        index: dict[int, _Entry] = {}
        r = self.report

        def add(node: Any, *entry: Any) -> None:
            if node is not None:
                index[id(node)] = entry

        add(r.title, "title")
        add(r.period, "period")
        add(r.contact, "contact")
        for name in ("address", "postcode", "email", "website"):
            add(getattr(r.contact, name), "contact-field", name)
        for i, phone in enumerate(r.contact.phones):
            add(phone, "phone", i, phone)
        for i, para in enumerate(r.intro):
            add(para, "intro", i, para)
        for i, sec in enumerate(r.sections):
            add(sec, "section", i, sec)
            for j, para in enumerate(sec.paragraphs):
                add(para, "paragraph", i, sec, j, para)
        for table in (r.active, r.requests, r.litigation):
            if table is None:
                continue
            add(table, "table", table)
            for row_key, row in table.rows.items():
                add(row, "row", table, row_key, row)
                for col_key, cell in row.cells.items():
                    add(cell, "cell", table, row_key, col_key, cell)
        return index

    @staticmethod
    def _describe(entry: _Entry) -> tuple[str, str, Message]:
        """The pointer, logical name and human path of an indexed node."""
        kind = entry[0]
        if kind == "title":
            return "/title", "title", Message(zh="标题", en="title")
        if kind == "period":
            return "/period", "period", Message(zh="统计期限", en="statistical period")
        if kind == "contact":
            return "/contact", "contact", Message(zh="联系方式", en="contact details")
        if kind == "contact-field":
            name = entry[1]
            return (f"/contact/{name}", f"contact.{name}",
                    Message(zh=f"联系方式{_SEP}{_FIELD_ZH[name]}", en=f"contact details{_SEP}{name}"))
        if kind == "phone":
            _, i, phone = entry
            return (f"/contact/phones/{i}", f"contact.phones.{_digest(phone.value)}",
                    Message(zh=f"联系方式{_SEP}电话", en=f"contact details{_SEP}phone"))
        if kind == "intro":
            _, i, para = entry
            return (f"/intro/{i}", f"intro#{_digest(para.text)}",
                    Message(zh=f"开头段落（第{i + 1}段）", en=f"opening paragraph {i + 1}"))
        if kind == "section":
            _, i, sec = entry
            heading = f"{sec.number}、{sec.heading}"
            return f"/sections/{i}", f"sections.{sec.key}", Message(zh=heading, en=f"section {sec.key} ({heading})")
        if kind == "paragraph":
            _, i, sec, j, para = entry
            heading = f"{sec.number}、{sec.heading}"
            return (f"/sections/{i}/paragraphs/{j}", f"sections.{sec.key}#{_digest(para.text)}",
                    Message(zh=f"{heading}{_SEP}第{j + 1}段", en=f"section {sec.key} ({heading}){_SEP}paragraph {j + 1}"))
        if kind == "table":
            table = entry[1]
            return f"/{table.key}", table.key, Message(zh=TABLE_LABELS[table.key], en=TABLE_LABELS_EN[table.key])
        if kind == "row":
            _, table, row_key, row = entry
            try:
                zh, en = _row_path(table_spec(table.key, table.version), row_key)
            except KeyError:
                zh, en = [row.label], [row_key]
            return (f"/{table.key}/rows/{row_key}", f"{table.key}.{row_key}",
                    Message(zh=_SEP.join([TABLE_LABELS[table.key], *zh]), en=_SEP.join([TABLE_LABELS_EN[table.key], *en])))
        _, table, row_key, col_key, cell = entry  # a cell
        return f"/{table.key}/rows/{row_key}/cells/{col_key}", cell.key, cell_path(cell.key, table.version)

    def place(self, node: Any) -> Place:
        """The place of ``node`` (a model node, a canonical cell key, a section key, or None)."""
        if self._index is None:
            self._index = self._build()
        if node is None:
            return Place(pointer="", logical="report", path=Message(zh="全文", en="whole report"))
        if isinstance(node, str):
            node = self._resolve_key(node)
            if isinstance(node, Place):
                return node
        found = self._index.get(id(node))
        location = getattr(node, "location", None)
        if not isinstance(location, Location):
            location = Location()
        if found is None:
            return Place(pointer="", logical=_unindexed(node), location=location)
        pointer, logical, path = self._describe(found)
        value = node.raw if isinstance(node, Cell) else None
        key = node.key if isinstance(node, Cell) else None
        return Place(pointer=pointer, logical=logical, key=key, path=path, location=location, value=value)

    def _resolve_key(self, key: str) -> Any:
        if key in ("period", "contact"):
            node = getattr(self.report, key)
            if node is not None and (key != "contact" or not node.is_empty):
                return node
            # Absent: name it by key (stable fingerprints) and point at the opening of the report,
            # where it belongs.
            opening = self.report.intro[0] if self.report.intro else self.report.title
            return Place(pointer=f"/{key}", logical=key, path=Message(zh=_FIELD_ZH[key], en=key),
                         location=opening.location if opening else Location())
        if key in SECTION_BY_KEY:
            section = self.report.section(key)
            if section is not None:
                return section
            spec = SECTION_BY_KEY[key]
            heading = f"{spec.number}、{spec.heading}"
            return Place(pointer="/sections", logical=f"sections.{key}", path=Message(zh=heading, en=heading))
        if key.count(".") == 2:
            cell = self.report.cell(key)
            if cell is not None:
                return cell
            table = self.report.table(key.split(".")[0])
            version = table.version if table else TemplateVersion.V2021
            return Place(pointer=f"/{key.split('.')[0]}", logical=key, key=key, path=cell_path(key, version),
                         location=table.location if table else Location())
        if key in ("active", "requests", "litigation"):
            table = self.report.table(key)
            if table is not None:
                return table
            return Place(pointer=f"/{key}", logical=key,
                         path=Message(zh=TABLE_LABELS[key], en=TABLE_LABELS_EN[key]))
        return Place(pointer="", logical=key, path=Message(zh=key, en=key))
