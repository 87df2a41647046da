"""Reports for the ``html`` output tests: the seed report of four agencies, linted for real.

- 淄博市行政审批服务局 2023: a five-digit postcode (DL503, a span inside the opening paragraph);
- 淄博市财政局 2023: table 三 （一）予以公开 总计 changed from 2 to 3 (DL302 on that cell, DL303 on
  （七）总计 总计, the other cells of the sums related);
- 济南市教育局 2023: markup and script in its title, a paragraph and a table cell, which must
  show as text and never run;
- 青岛市民政局 2022: clean.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from disclosure_lint import Config, LintResult, lint_paths
from disclosure_lint.engine.linter import Linter
from disclosure_lint.plugins.manager import Plugins
from disclosure_lint.reporters.base import ReportContext
from disclosure_lint.reporters.html_report import html_reporter

SEED = (Path(__file__).resolve().parents[1] / "fixtures" / "seed.txt").read_text(encoding="utf-8")
AGENCY = "淄博市行政审批服务局"
SCRIPT = "<script>window.__pwned = 1; alert(1)</script>"
IMAGE = '<img src=x onerror="window.__pwned = 2; alert(2)">'
FILES = {
    "zibo-approval-2023.txt": "淄博市行政审批服务局",
    "zibo-finance-2023.txt": "淄博市财政局",
    "jinan-education-2023.txt": "济南市教育局",
    "qingdao-civil-2022.txt": "青岛市民政局",
}


def replace(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new)


def set_value(text: str, row_label: str, index: int, value: str) -> str:
    """Set the ``index``-th value (0-based) of a table row of the seed text (one TAB-led line each)."""
    start = text.index(row_label) + len(row_label)
    lines = text[start:].split("\n")
    assert lines[index].startswith("\t"), lines[index]
    lines[index] = "\t" + value
    return text[:start] + "\n".join(lines)


def texts() -> dict[str, str]:
    approval = replace(SEED, "邮编：255022", "邮编：25502")
    finance = set_value(SEED, "\t（一）予以公开\n", 6, "3").replace(AGENCY, "淄博市财政局")
    jinan = SEED.replace(AGENCY, "济南市教育局")
    jinan = replace(jinan, "济南市教育局2023年政府信息公开工作年度报告\n", f"济南市教育局{SCRIPT}2023年政府信息公开工作年度报告\n")
    jinan = replace(jinan, "五、存在的主要问题及改进情况\n", f"五、存在的主要问题及改进情况\n{IMAGE}{SCRIPT}问题段落。\n")
    jinan = set_value(jinan, "\t行政许可\n", 0, IMAGE)
    qingdao = SEED.replace(AGENCY, "青岛市民政局").replace("2023", "2022")
    return dict(zip(FILES, (approval, finance, jinan, qingdao), strict=True))


def write(folder: Path, names: tuple[str, ...] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts().items():
        if names is None or name in names:
            (folder / name).write_text(text, encoding="utf-8")
    return folder


@lru_cache(maxsize=1)
def linter() -> Linter:
    return Plugins().linter(Config())


def lint(folder: Path, names: tuple[str, ...] | None = None) -> list[LintResult]:
    write(folder, names)
    paths = sorted(str(folder / n) for n in (names or tuple(FILES)))
    return lint_paths(paths, linter=linter())


def context(lang: str = "zh") -> ReportContext:
    return ReportContext(rules=linter().rules, lang=lang)


def render(results: list[LintResult], lang: str = "zh") -> str:
    return html_reporter(results, context(lang))
