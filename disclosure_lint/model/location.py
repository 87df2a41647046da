"""Where something came from in the source file.

One model for every format, with the fields each format can fill: text and HTML have lines and
columns, .docx has paragraph / table / row / cell indexes, PDF has pages and boxes, HTML also an
element path. Findings carry it so a message can point at the exact place the author must edit.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Location(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    line: int | None = None  # 1-based
    column: int | None = None  # 1-based, in characters (SARIF columnKind unicodeCodePoints)
    end_line: int | None = None
    end_column: int | None = None
    page: int | None = None  # PDF, 1-based
    bbox: tuple[float, float, float, float] | None = None  # PDF points: x0, top, x1, bottom
    paragraph: int | None = None  # .docx body paragraph index, 0-based
    table: int | None = None  # table index in the document, 0-based
    row: int | None = None  # grid row in that table, 0-based
    cell: int | None = None  # grid column in that table, 0-based
    path: str | None = None  # HTML element path, e.g. /html/body/div[2]/table[1]/tr[5]/td[3]

    def describe(self, lang: str = "zh") -> str:
        """A short human description: 第12行, 第3页, 表格2 第5行第3列 …"""
        zh = lang != "en"
        parts: list[str] = []
        if self.page is not None:
            parts.append(f"第{self.page}页" if zh else f"page {self.page}")
        if self.line is not None:
            if zh:
                parts.append(f"第{self.line}行" + (f"第{self.column}列" if self.column else ""))
            else:
                parts.append(f"line {self.line}" + (f", column {self.column}" if self.column else ""))
        if self.table is not None:
            t = f"文档第{self.table + 1}个表格" if zh else f"document table {self.table + 1}"
            if self.row is not None:
                t += f"第{self.row + 1}行" if zh else f", row {self.row + 1}"
            if self.cell is not None:
                t += f"第{self.cell + 1}列" if zh else f", cell {self.cell + 1}"
            parts.append(t)
        elif self.paragraph is not None:
            parts.append(f"第{self.paragraph + 1}段" if zh else f"paragraph {self.paragraph + 1}")
        if self.path and self.line is None:
            parts.append(self.path)
        return "，".join(parts) if zh else ", ".join(parts)
