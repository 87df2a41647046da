"""The same report in every format yields the same model and the same findings ."""

from __future__ import annotations

from pathlib import Path

import pytest

from disclosure_lint import lint_path, load_report
from disclosure_lint.model import Report
from disclosure_lint.text.normalize import compact

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = FIXTURES / "seed.txt"
FILES = sorted(p for p in [*FIXTURES.glob("seed.*"), *(FIXTURES / "variants").iterdir()]
               if p.suffix != ".json" and p.name != "seed_legacy.doc")


def _values(report: Report) -> dict[str, str]:
    out = {}
    for table in (report.active, report.requests, report.litigation):
        assert table is not None
        for cell in table.cells():
            out[cell.key] = f"{cell.kind.value}:{cell.value}"
    return out


def _summary(report: Report) -> dict[str, object]:
    return {
        "title": report.title.text if report.title else None,
        "agency": report.agency,
        "year": report.year,
        "period": (report.period.start, report.period.end) if report.period else None,
        "contact": [f.value if f else None for f in (report.contact.address, report.contact.postcode,
                                                     report.contact.email)],
        "phones": [p.value for p in report.contact.phones],
        "sections": [(s.key, s.number, compact(s.heading), [compact(p.text) for p in s.paragraphs])
                     for s in report.sections],
        "template": report.template.version.value,
    }


@pytest.fixture(scope="module")
def reference() -> Report:
    return load_report(SEED)


def test_there_are_files_in_every_format() -> None:
    assert {p.suffix for p in FILES} == {".txt", ".docx", ".html", ".pdf"}
    assert len(FILES) >= 12


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_same_model(path: Path, reference: Report) -> None:
    report = load_report(path)
    assert _summary(report) == _summary(reference)
    values = _values(report)
    assert len(values) == 200
    assert values == _values(reference)


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_same_findings(path: Path) -> None:
    result = lint_path(path)
    assert result.input_error is None and not result.errors
    got = sorted(f.rule_id for f in result.findings if f.rule_id != "DL007")
    assert got == sorted(f.rule_id for f in lint_path(SEED).findings)
    assert result.exit_code() == 0
