"""The structured YAML/JSON form: recognised by its marker key, validated, and safe to load."""

from __future__ import annotations

import json
import time
from decimal import Decimal
from pathlib import Path

import pytest

from disclosure_lint.errors import InputError
from disclosure_lint.guarded_yaml import MAX_ALIASES
from disclosure_lint.model import STRUCTURED_MARKER, Document, Report, SourceInfo
from disclosure_lint.read import Reader
from disclosure_lint.read.structured import StructuredReader
from disclosure_lint.read.text import TextReader

DATA = Path(__file__).resolve().parent / "data"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SOURCE = SourceInfo(path="report.yaml", format="structured")


def _read(data: bytes) -> Report:
    return StructuredReader().read_report(data, SOURCE)


def _error(data: bytes) -> InputError:
    with pytest.raises(InputError) as err:
        _read(data)
    assert "\n" not in err.value.zh and "\n" not in err.value.en  # one line, both languages
    assert err.value.path == "report.yaml" and not err.value.zh.startswith("report.yaml")  # named once
    assert err.value.located().startswith("report.yaml：") and err.value.located("en").startswith("report.yaml: ")
    return err.value


def test_protocol_and_priority_over_the_text_reader() -> None:
    reader = StructuredReader()
    assert isinstance(reader, Reader) and hasattr(reader, "read_report")
    assert (reader.name, reader.priority) == ("structured", 50)
    assert reader.priority > TextReader().priority
    empty = reader.read(b"disclosure_lint_report: 1\n", SOURCE)
    assert isinstance(empty, Document) and empty.blocks == [] and empty.source == SOURCE


def test_yaml_report_is_validated_into_the_model() -> None:
    report = _read((DATA / "report.yaml").read_bytes())
    assert report.title is not None and report.title.text.startswith("淄博市行政审批服务局")
    assert report.period is not None and report.period.is_calendar_year and report.year == 2023
    assert report.contact.postcode is not None and report.contact.postcode.value == "255022"
    assert report.contact.phones[0].value == "0533-2306909"
    assert report.section("overview") is not None
    assert report.cell("active.licensing.decisions").value == 18463
    fee = report.cell("active.fees.amount")
    assert fee.value == Decimal("1.50") and fee.unit == "万元"  # Decimal, never float
    assert report.source == SOURCE


def test_json_is_read_too_and_a_dumped_report_round_trips() -> None:
    original = _read((DATA / "report.yaml").read_bytes())
    dumped = json.dumps(original.model_dump(mode="json", exclude={"source"}), ensure_ascii=False)
    again = _read(dumped.encode("utf-8"))
    assert again == original
    # JSON in GB18030 with a BOM-less CRLF layout decodes through the same chain.
    assert _read(dumped.replace(",", ",\r\n").encode("gb18030")) == original


def test_the_files_own_source_is_replaced_by_the_real_one() -> None:
    report = _read(b"disclosure_lint_report: 1\nsource: {path: elsewhere.docx, format: docx}\n")
    assert report.source == SOURCE
    # Even an incomplete one (hand-written) is not an error: it is never used.
    assert _read(b"disclosure_lint_report: 1\nsource: {path: x}\n").source == SOURCE


def test_yaml_dates_in_text_fields_stay_text() -> None:
    # YAML 1.1 would turn an unquoted 2024-01-15 into a date, which a text field rejects.
    report = _read(b"disclosure_lint_report: 1\nintro:\n  - text: 2024-01-15\nperiod: {start: 2023-01-01}\n")
    assert report.intro[0].text == "2024-01-15"
    assert report.period is not None and report.period.start.isoformat() == "2023-01-01"


@pytest.mark.parametrize(("data", "zh", "en"), [
    (b"disclosure_lint_report: 1\nsections:\n  - key: overview\n    number: x\n",
     "sections.0.heading：缺少必填字段", "field sections.0.heading: Field required"),
    (b"disclosure_lint_report: 1\nagnecy: x\n", "agnecy：未知字段", "field agnecy: Extra inputs"),
    (b"disclosure_lint_report: 1\ntitle_year: twenty\n", "title_year：应为整数", "field title_year"),
])
def test_validation_errors_name_the_first_bad_field(data: bytes, zh: str, en: str) -> None:
    err = _error(data)
    assert zh in err.zh and en in err.en


@pytest.mark.parametrize(("data", "zh"), [
    (b"agency: x\n", "顶层缺少标记键"),
    (b"- disclosure_lint_report: 1\n", "顶层缺少标记键"),  # not a mapping
    (b"", "顶层缺少标记键"),
    (b"disclosure_lint_report: 2\n", "不支持的结构化报告版本"),
    (b"disclosure_lint_report: true\n", "不支持的结构化报告版本"),
    (b"disclosure_lint_report: 1\nagency: [x\n", "YAML 有误（第3行"),
    (b'{"disclosure_lint_report": 1, "agency": }', "JSON 语法错误（第1行第41列）"),
    (b"disclosure_lint_report: 1\nagency: a\nagency: b\n", "YAML 第3行：重复的键 'agency'"),
    (b'{"disclosure_lint_report": 1, "agency": "a", "agency": "b"}', "JSON 中重复的键 'agency'"),
])
def test_bad_input_is_a_one_line_input_error(data: bytes, zh: str) -> None:
    assert zh in _error(data).zh


def test_unsafe_tags_are_refused() -> None:
    err = _error(b"disclosure_lint_report: 1\nagency: !!python/object/apply:os.system ['echo pwned']\n")
    assert "python/object/apply" in err.en


def test_yaml_bombs_are_refused_quickly() -> None:
    levels = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for prev, name in zip("abcdefgh", "bcdefghi"):
        levels.append(f"{name}: &{name} [{', '.join([f'*{prev}'] * 9)}]")
    bomb = ("disclosure_lint_report: 1\n" + "\n".join(levels) + "\n").encode()
    start = time.perf_counter()
    err = _error(bomb)
    assert time.perf_counter() - start < 0.5
    assert "别名" in err.zh and "alias" in err.en


def test_too_many_aliases_and_recursive_aliases_are_refused() -> None:
    many = "disclosure_lint_report: 1\nx: &a 1\ny: [" + ", ".join(["*a"] * (MAX_ALIASES + 1)) + "]\n"
    assert f"超过 {MAX_ALIASES} 个" in _error(many.encode()).zh
    assert "递归" in _error(b"disclosure_lint_report: 1\nx: &a [*a]\n").zh
    # A few aliases are fine (they are ordinary YAML).
    fine = b"disclosure_lint_report: 1\nagency: &n name\nintro: [{text: *n}]\n"
    assert _read(fine).intro[0].text == "name"


def test_deep_nesting_is_an_input_error_not_a_crash() -> None:
    assert "嵌套过深" in _error(b'{"disclosure_lint_report": 1, "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}").zh


def test_sniff_uses_the_marker_never_the_extension() -> None:
    reader = StructuredReader()
    marked_yaml = b"# exported\ndisclosure_lint_report: 1\nagency: x\n"
    marked_json = b'{\n  "agency": "x",\n  "disclosure_lint_report": 1\n}'
    assert reader.sniff(marked_yaml, "report.txt") and reader.sniff(marked_json, "data")
    assert not reader.sniff(b"select: [DL1]\nignore: []\n", "report.yaml")  # a config file
    assert not reader.sniff((FIXTURES / "seed.expected.json").read_bytes()[:8192], "seed.expected.json")
    assert not reader.sniff((FIXTURES / "seed.txt").read_bytes()[:8192], "seed.yaml")
    assert not reader.sniff(b"<html><body>disclosure_lint_report: 1</body></html>", "x.yaml")
    assert STRUCTURED_MARKER == "disclosure_lint_report"
