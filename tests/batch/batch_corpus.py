"""The batch tests' material: the seed, a report of any body and year, the test reader plugin, and
`make_corpus` — a small batch of every kind: formats, mutations with findings, a pair of
consecutive years, a file that is not a report, one that cannot be read. The PDF takes longer to
read than all the rest together: tests that want it name tests/fixtures/seed.pdf beside the folder."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
SEED = (FIXTURES / "seed.txt").read_text(encoding="utf-8")
PLUGIN = str(Path(__file__).resolve().parent / "slow_reader_plugin.py")
TITLE = "淄博市行政审批服务局2023年"
PERIOD = "2023年1月1日起，至2023年12月31日"


def report_text(year: int = 2023, agency: str = "淄博市行政审批服务局") -> str:
    return SEED.replace(TITLE, f"{agency}{year}年").replace(PERIOD, f"{year}年1月1日起，至{year}年12月31日")


def mutated(old: str, new: str) -> str:
    assert old in SEED
    return SEED.replace(old, new, 1)


def make_corpus(root: Path) -> Path:
    """a/: the seed as .txt .html .docx; b/: two reports with findings and an unreadable .docx;
    c/: the seed's body's report for 2022; notes/: a README that is not a report."""
    (root / "a").mkdir(parents=True)
    (root / "b").mkdir()
    (root / "c").mkdir()
    (root / "notes").mkdir()
    for name in ("seed.txt", "seed.html", "seed.docx"):  # the PDF (slow) only where a test adds it
        shutil.copy(FIXTURES / name, root / "a" / name)
    (root / "b" / "postcode.txt").write_text(mutated("邮编：255022", "邮编：25502"), encoding="utf-8")
    (root / "b" / "total.txt").write_text(report_text(2023, "淄博市教育局").replace("邮编：255022", "邮编：2550"),
                                          encoding="utf-8")
    (root / "c" / "2022.txt").write_text(report_text(2022), encoding="utf-8")  # last year's of a/seed.*
    (root / "notes" / "README.md").write_text("# 说明\n\n本文件夹存放各单位年度报告。\n", encoding="utf-8")
    (root / "b" / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip archive")
    return root
