"""Pairing a report with last year's: names, years, --previous FILE|DIR, batches, --published-on."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from disclosure_lint import lint_path, lint_paths, load_report
from disclosure_lint.builder.loading import Loader
from disclosure_lint.cli.main import cli
from disclosure_lint.errors import InputError
from disclosure_lint.model import Report
from disclosure_lint.plugins.manager import Plugins
from disclosure_lint.run.pairing import Candidate, agency_key, find_previous, pair_batch, resolve_previous, same_body

SEED_PATH = Path(__file__).resolve().parent / "fixtures" / "seed.txt"
SEED = SEED_PATH.read_text(encoding="utf-8")
TITLE = "淄博市行政审批服务局2023年"
PERIOD = "2023年1月1日起，至2023年12月31日"
LOADER = Loader(Plugins(autoload=False).readers())


def report_text(year: int = 2023, agency: str = "淄博市行政审批服务局", carried_forward: str | None = None) -> str:
    text = SEED.replace(TITLE, f"{agency}{year}年").replace(PERIOD, f"{year}年1月1日起，至{year}年12月31日")
    if carried_forward is not None:  # 四、结转下年度继续办理, 自然人 and 总计
        head = "\t四、结转下年度继续办理\n"
        start = text.index(head) + len(head)
        lines = text[start:].split("\n")
        lines[0] = lines[6] = f"\t{carried_forward}"
        text = text[:start] + "\n".join(lines)
    return text


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def cand(path: str, year: int, agency: str = "淄博市行政审批服务局") -> Candidate:
    return Candidate(path, Report(title_year=year, agency=agency))


# ---- names -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(("a", "b", "same"), [
    ("淄博市行政审批服务局", "淄博市行政审批服务局", True),
    ("淄博市人民政府", "淄博市政府", True),
    ("淄博市行政审批服务局", "山东省淄博市行政审批服务局", True),
    ("张店区教育局", "淄博市张店区教育局", True),
    ("中华人民共和国水利部", "水利部", True),
    ("淄博市行政审批服务局（淄博市政务服务中心）", "淄博市行政审批服务局", True),
    ("淄博市 行政审批服务局", "《淄博市行政审批服务局》", True),
    ("淄博市行政審批服務局", "淄博市行政审批服务局", True),  # Traditional characters on a mirror page
    ("淄博市人民政府", "淄博市人民政府办公室", False),
    ("淄博市教育局", "张店区教育局", False),
    ("淄博市教育局", "市教育局", False),  # "淄博" is not a place name with its level
    ("淄博市教育局", "教育局", False),
    ("淄博市教育局", None, None),
])
def test_same_body(a: str, b: str | None, same: bool | None) -> None:
    assert same_body(a, b) is same
    assert same_body(b, a) is same


def test_agency_key() -> None:
    assert agency_key("关于淄博市人民政府") == "淄博市政府"
    assert agency_key("") is None and agency_key(None) is None


# ---- choosing ----------------------------------------------------------------------------------------
def test_find_previous_by_body_and_year() -> None:
    report = Report(title_year=2023, agency="淄博市行政审批服务局")
    pool = [cand("a2021.txt", 2021), cand("a2022.txt", 2022), cand("b2022.txt", 2022, "淄博市教育局"),
            cand("a2023.txt", 2023)]
    assert find_previous(report, pool).path == "a2022.txt"  # type: ignore[union-attr]
    assert find_previous(Report(title_year=2023), pool) is None  # no name: no pair
    assert find_previous(Report(agency="淄博市行政审批服务局"), pool) is None  # no year: no pair


def test_find_previous_prefers_the_exact_name_then_the_same_file_type_else_none() -> None:
    report = Report(title_year=2023, agency="淄博市行政审批服务局")
    exact = [cand("x.txt", 2022, "山东省淄博市行政审批服务局"), cand("y.txt", 2022)]
    assert find_previous(report, exact).path == "y.txt"  # type: ignore[union-attr]
    formats = [cand("y.pdf", 2022), cand("y.txt", 2022)]
    assert find_previous(report, formats, path="r.txt").path == "y.txt"  # type: ignore[union-attr]
    assert find_previous(report, [cand("y.pdf", 2022), cand("z.pdf", 2022)], path="r.txt") is None  # ambiguous


def test_a_report_is_never_its_own_previous(tmp_path: Path) -> None:
    path = str(tmp_path / "r.txt")
    report = Report(title_year=2023, agency="淄博市行政审批服务局")
    assert find_previous(report, [Candidate(path, Report(title_year=2022, agency="淄博市行政审批服务局"))],
                         path=path) is None


def test_pair_batch_pairs_consecutive_years_only() -> None:
    items = [cand("a2021.txt", 2021), cand("a2023.txt", 2023), cand("a2022.txt", 2022), cand("b2023.txt", 2023, "淄博市教育局")]
    pairs = pair_batch(items)
    assert {k: v.path for k, v in pairs.items()} == {"a2023.txt": "a2022.txt", "a2022.txt": "a2021.txt"}


# ---- resolve_previous: what --previous means ---------------------------------------------------------
def test_resolve_previous_one_report_and_a_file_is_forced(tmp_path: Path) -> None:
    other = write(tmp_path, "other.txt", report_text(2019, "淄博市教育局"))
    pairing = resolve_previous([Candidate("r.txt", Report(title_year=2023, agency="淄博市行政审批服务局"))], other,
                               loader=LOADER)
    assert pairing.previous["r.txt"].agency == "淄博市教育局"  # DL604 will say it does not fit


def test_resolve_previous_folder_and_batch(tmp_path: Path) -> None:
    write(tmp_path / "prev", "x.txt", report_text(2022))
    write(tmp_path / "prev", "notes.md", "# 说明\n\n这不是报告。\n")
    items = [Candidate("a2023.txt", Report(title_year=2023, agency="淄博市行政审批服务局")),
             Candidate("b2024.txt", Report(title_year=2024, agency="淄博市教育局")),
             Candidate("b2025.txt", Report(title_year=2025, agency="淄博市教育局"))]
    pairing = resolve_previous(items, tmp_path / "prev", loader=LOADER)
    assert pairing.previous["a2023.txt"].year == 2022
    assert pairing.previous["b2025.txt"].year == 2024  # the batch pairs among itself too
    assert pairing.unmatched == ("b2024.txt",)


def test_resolve_previous_file_with_several_reports_is_a_pool(tmp_path: Path) -> None:
    prev = write(tmp_path, "p.txt", report_text(2022))
    items = [Candidate("a.txt", Report(title_year=2023, agency="淄博市行政审批服务局")),
             Candidate("b.txt", Report(title_year=2023, agency="淄博市教育局"))]
    pairing = resolve_previous(items, prev, loader=LOADER)
    assert set(pairing.previous) == {"a.txt"}


def test_resolve_previous_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        resolve_previous([cand("a.txt", 2023)], tmp_path / "missing.txt", loader=LOADER)


# ---- the library ---------------------------------------------------------------------------------------
def test_lint_path_with_a_previous_folder(tmp_path: Path) -> None:
    this = write(tmp_path, "2023.txt", report_text(2023))
    write(tmp_path / "old", "a.txt", report_text(2022, carried_forward="2"))
    write(tmp_path / "old", "b.txt", report_text(2022, "淄博市教育局", carried_forward="9"))
    result = lint_path(this, previous=tmp_path / "old")
    assert sorted(f.rule_id for f in result.findings if f.rule_id == "DL601") == ["DL601", "DL601"]
    assert {f.expected for f in result.findings if f.rule_id == "DL601"} == {"2"}


def test_lint_paths_pairs_a_batch_and_applies_the_date_to_all(tmp_path: Path) -> None:
    a = write(tmp_path, "a.txt", report_text(2023))
    b = write(tmp_path, "b.txt", report_text(2022, carried_forward="2"))
    results = {Path(r.path).name: r for r in lint_paths([a, b], published_on=date(2024, 2, 15))}
    codes = lambda name: sorted(f.rule_id for f in results[name].findings if f.rule_id[:3] in ("DL6", "DL4"))  # noqa: E731
    assert "DL601" in codes("a.txt") and "DL603" in codes("a.txt")
    assert not any(c.startswith("DL6") for c in codes("b.txt"))  # no 2021 report in the batch
    assert "DL408" in codes("a.txt") and "DL408" in codes("b.txt")  # due 2024-01-31 and 2023-01-31


# ---- the command line ----------------------------------------------------------------------------------
def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def rule_ids(out: str) -> list[str]:
    return sorted(f["rule_id"] for r in json.loads(out)["files"] for f in r["findings"])


def test_cli_previous_file_and_published_on(tmp_path: Path) -> None:
    this = write(tmp_path, "2023.txt", report_text(2023))
    last = write(tmp_path, "2022.txt", report_text(2022, carried_forward="1"))
    code, out, _ = run("check", str(this), "--previous", str(last), "--published-on", "2024-03-01",
                       "--select", "DL6,DL408", "-f", "json")
    assert code == 1
    assert rule_ids(out) == ["DL408", "DL601", "DL601", "DL602", "DL603"]


def test_cli_previous_that_does_not_fit(tmp_path: Path) -> None:
    this = write(tmp_path, "2023.txt", report_text(2023))
    code, out, _ = run("check", str(this), "--previous", str(this), "--select", "DL6", "-f", "json")
    assert code == 1 and rule_ids(out) == ["DL604"]


def test_cli_batch_pairs_automatically_and_without_pairs_skips(tmp_path: Path) -> None:
    write(tmp_path, "a2023.txt", report_text(2023))
    write(tmp_path, "a2022.txt", report_text(2022, carried_forward="3"))
    code, out, _ = run("check", str(tmp_path), "--select", "DL601", "-f", "json")
    assert code == 1 and rule_ids(out) == ["DL601", "DL601"]
    code, out, _ = run("check", str(tmp_path / "a2023.txt"), "--select", "DL601", "-f", "json")
    assert code == 0 and rule_ids(out) == []
    skipped = [s["rule_id"] for r in json.loads(out)["files"] for s in r["skipped"]]
    assert skipped == ["DL601"]


def test_cli_previous_folder_without_a_match_says_so(tmp_path: Path) -> None:
    this = write(tmp_path, "2023.txt", report_text(2023))
    write(tmp_path / "old", "x.txt", report_text(2022, "淄博市教育局"))
    code, _, err = run("check", str(this), "--previous", str(tmp_path / "old"), "--select", "DL6")
    assert code == 0 and "没有找到" in err and "no report of the same body" in err


@pytest.mark.parametrize(("args", "message"), [
    (["--published-on", "2024-13-01"], "--published-on"),
    (["--published-on", "15/02/2024"], "--published-on"),
    (["--previous", "/nonexistent/prev.txt"], "--previous"),
])
def test_cli_bad_values_are_usage_errors(args: list[str], message: str) -> None:
    code, _, err = run("check", str(SEED_PATH), *args)
    assert code == 2 and message in err


def test_cli_unreadable_previous_file_is_a_usage_error(tmp_path: Path) -> None:
    binary = tmp_path / "prev.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    code, _, err = run("check", str(SEED_PATH), "--previous", str(binary))
    assert code == 2 and "--previous" in err


def test_load_report_of_the_seed_is_a_fitting_candidate() -> None:
    seed = load_report(SEED_PATH)
    assert (seed.agency, seed.year) == ("淄博市行政审批服务局", 2023)
