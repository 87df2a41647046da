"""The three standard tables, redrawn in the national format's own layout (docs/format.md §3–§5).

Drawn from the layouts in `disclosure_lint.model.template` (not from the file's own table), so
every report looks the same whatever its source format, with the official labels and merged
header cells; each value cell is an element whose id is built from its canonical key, so a finding
about ``requests.granted.total`` can highlight and link to exactly that cell.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model import Report, StandardTable
from ..model.cells import CellKind
from ..model.template import (
    APPLICANT_COLUMNS,
    OUTCOME_GROUP_LABEL,
    REQUESTS_NOTE,
    TABLE_LABELS,
    RowSpec,
    TableSpec,
    table_spec,
)
from ._html_common import el, esc

# Decorates an element of the page by its id: returns (extra classes, extra attributes, inner
# HTML to append — the finding badges). Supplied by the page, which knows the findings.
Decorate = Callable[[str], tuple[list[str], dict[str, object], str]]

_ORG_LABEL = "法人或其他组织"
_APPLICANTS_LABEL = "申请人情况"
_CONTENT_LABEL = "信息内容"
_LITIGATION_HEADS = {"review": "行政复议", "suit": "行政诉讼"}


def anchor(pid: str, *keys: str) -> str:
    """The id of a table, row or cell on page ``pid``: ``r1-requests-granted-total``."""
    return "-".join((pid, *keys))


class TableDrawer:
    """Draws one report's tables; ``decorate`` marks the elements findings are about."""

    def __init__(self, pid: str, report: Report, decorate: Decorate, s: dict[str, str]) -> None:
        self.pid = pid
        self.report = report
        self.decorate = decorate
        self.s = s

    # ---- pieces --------------------------------------------------------------------------------
    def _element(self, tag: str, inner: str, element_id: str | None, classes: list[str], **extra: object) -> str:
        attributes: dict[str, object] = dict(extra)
        if element_id is not None:
            more, flagged, badges = self.decorate(element_id)
            classes = [*classes, *more]
            attributes.update(flagged)
            inner += badges
            attributes["id"] = element_id
        if classes:
            attributes["class_"] = " ".join(classes)
        return el(tag, inner, **attributes)  # type: ignore[arg-type]

    def _value(self, table: StandardTable, row: str, col: str, colspan: int = 1) -> str:
        cell = table.cell(row, col)
        key = anchor(self.pid, table.key, row, col)
        if cell is None:
            return self._element("td", "", key, ["v", "missing"], title=self.s["missing_cell"],
                                 colspan=colspan if colspan > 1 else None)
        classes = ["v"] if cell.kind in (CellKind.NUMBER, CellKind.ZERO) else ["v", f"k-{cell.kind.value}"]
        return self._element("td", esc(cell.raw), key, classes, colspan=colspan if colspan > 1 else None)

    def _label(self, table: StandardTable, row: RowSpec, text: str, **span: int) -> str:
        """A row's label cell: the official label, and the label as written when it differs."""
        found = next((u.found for u in table.labels if u.kind == "row" and u.key == row.key and u.differs), None)
        inner = esc(text)
        if found is not None:
            inner += el("span", esc(self.s["as_written"]) + esc(found), class_="as-written")
        spans = {k: v for k, v in span.items() if v > 1}
        return self._element("th", inner, anchor(self.pid, table.key, row.key), ["rl"], scope="row", **spans)

    def _figure(self, key: str, spec: TableSpec, body: str, table: StandardTable) -> str:
        title = f"{TABLE_LABELS[key]}　{spec.label}"
        caption = self._element("figcaption", esc(title), anchor(self.pid, key), ["tcap"])
        extra = ""
        if table.unmatched:
            items = "".join(el("li", esc(t.text)) for t in table.unmatched)
            extra = el("div", el("p", esc(self.s["unmatched"])) + el("ul", items), class_="unmatched")
        return el("figure", caption + el("div", el("table", body, class_=f"official t-{key}"), class_="twrap") + extra,
                  class_="tfig")

    def _absent(self, key: str) -> str:
        text = self.s["table_absent"].format(label=TABLE_LABELS[key])
        return el("figure", self._element("figcaption", esc(text), anchor(self.pid, key), ["tcap", "absent"]),
                  class_="tfig")

    # ---- the tables ----------------------------------------------------------------------------
    def draw(self) -> str:
        out = []
        for key, draw in (("active", self._active), ("requests", self._requests), ("litigation", self._litigation)):
            table = self.report.table(key)
            if table is None:
                out.append(self._absent(key))
                continue
            spec = table_spec(key, table.version)
            out.append(self._figure(key, spec, draw(table, spec), table))
        return "".join(out)

    def _active(self, table: StandardTable, spec: TableSpec) -> str:
        """Table 二: each 第二十条 block under a full-width heading; the last value column of a
        narrower block spans the rest, as the format prints it."""
        width = max(len(b.columns) for b in spec.blocks)
        rows = []
        for block in spec.blocks:
            spans = [1] * (len(block.columns) - 1) + [width - len(block.columns) + 1]
            rows.append(el("tr", el("th", esc(block.label), colspan=width + 1, scope="colgroup", class_="block")))
            heads = "".join(el("th", esc(c.label), scope="col", colspan=n if n > 1 else None)
                            for c, n in zip(block.columns, spans))
            rows.append(el("tr", el("th", esc(_CONTENT_LABEL), scope="col") + heads))
            for row in block.rows:
                cells = "".join(self._value(table, row.key, c.key, n) for c, n in zip(block.columns, spans))
                rows.append(el("tr", self._label(table, row, row.label) + cells))
        return el("tbody", "".join(rows))

    def _requests(self, table: StandardTable, spec: TableSpec) -> str:
        """Table 三: the 3×3 note cell, 申请人情况 over seven columns with 法人或其他组织 over five;
        三、本年度办理结果 spanning the outcome rows, and （三）…（六） spanning their sub-rows."""
        columns = [c for b in spec.blocks for c in b.columns]
        orgs = [c for c in APPLICANT_COLUMNS[1:]]
        head = (
            el("tr", el("th", esc(REQUESTS_NOTE), rowspan=3, colspan=3, class_="note")
               + el("th", esc(_APPLICANTS_LABEL), colspan=len(columns), scope="colgroup"))
            + el("tr", el("th", esc(APPLICANT_COLUMNS[0].label), rowspan=2, scope="col")
                 + el("th", esc(_ORG_LABEL), colspan=len(orgs), scope="colgroup")
                 + el("th", esc(columns[-1].label), rowspan=2, scope="col"))
            + el("tr", "".join(el("th", esc(c.label), scope="col") for c in orgs))
        )
        keys = list(spec.row_keys)
        first, last = keys.index("granted"), keys.index("handled_total")
        rows_spec = [spec.row(k) for k in keys]
        body = []
        for i, row in enumerate(rows_spec):
            labels = ""
            if i == first:
                labels += el("th", esc(OUTCOME_GROUP_LABEL), rowspan=last - first + 1, class_="group", scope="rowgroup")
            number = row.number or ""
            nested = bool(row.group_label) and number != (row.group_label or "")[:3]
            if not first <= i <= last:
                labels += self._label(table, row, number + row.label, colspan=3)
            elif nested:
                members = [r for r in rows_spec if r.group == row.group and r.group_label == row.group_label]
                if members[0].key == row.key:
                    labels += el("th", esc(row.group_label), rowspan=len(members), class_="group", scope="rowgroup")
                labels += self._label(table, row, number + row.label)
            else:
                labels += self._label(table, row, number + row.label, colspan=2)
            body.append(el("tr", labels + "".join(self._value(table, row.key, c.key) for c in columns)))
        return el("thead", head) + el("tbody", "".join(body))

    def _litigation(self, table: StandardTable, spec: TableSpec) -> str:
        """Table 四: 行政复议 (5) | 行政诉讼 (10) over 未经复议直接起诉 (5) and 复议后起诉 (5); one
        row of fifteen values."""
        block = spec.blocks[0]
        review, *suits = block.rows
        columns = block.columns
        n = len(columns)
        head = (
            el("tr", self._group_head(table, review, colspan=n)
               + el("th", esc(suits[0].group_label or _LITIGATION_HEADS["suit"]), colspan=n * len(suits),
                    scope="colgroup"))
            + el("tr", "".join(el("th", esc(c.label), rowspan=2, scope="col") for c in columns)
                 + "".join(self._group_head(table, r, colspan=n) for r in suits))
            + el("tr", "".join(el("th", esc(c.label), scope="col") for _ in suits for c in columns))
        )
        values = "".join(self._value(table, r.key, c.key) for r in block.rows for c in columns)
        return el("thead", head) + el("tbody", el("tr", values))

    def _group_head(self, table: StandardTable, row: RowSpec, *, colspan: int) -> str:
        return self._element("th", esc(row.label), anchor(self.pid, table.key, row.key), [],
                             colspan=colspan, scope="colgroup")
