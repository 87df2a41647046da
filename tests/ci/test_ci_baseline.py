"""The baseline workflow through the command line: write, check against, keep reasons, go stale."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from disclosure_lint.cli.main import cli

ROOT = Path(__file__).resolve().parents[2]
SEED = (ROOT / "tests" / "fixtures" / "seed.txt").read_text(encoding="utf-8")
POSTCODE = ("邮编：255022", "邮编：25502")  # DL503 in the opening paragraph
PHONE = ("电话：0533-2306909", "电话：2306909")  # DL508 in the same paragraph


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["check", *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def write(path: Path, *edits: tuple[str, str]) -> Path:
    text = SEED
    for old, new in edits:
        assert old in text
        text = text.replace(old, new, 1)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture()
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "reports" / "a.txt", POSTCODE)
    write(tmp_path / "reports" / "b.txt")
    return tmp_path


def test_write_baseline_records_findings_and_never_touches_the_reports(site: Path) -> None:
    before = {p: p.read_bytes() for p in (site / "reports").iterdir()}
    code, out, err = run("reports", "--write-baseline", "baseline.yaml")
    assert code == 0, out
    assert "wrote 1 finding(s) to the baseline baseline.yaml" in err
    assert {p: p.read_bytes() for p in (site / "reports").iterdir()} == before
    text = (site / "baseline.yaml").read_text(encoding="utf-8")
    assert text.startswith("# disclosure-lint baseline")
    data = yaml.safe_load(text)
    assert data["disclosure_lint_baseline"] == 1
    (entry,) = data["findings"]
    assert entry["file"] == "reports/a.txt" and entry["rule"] == "DL503" and entry["reason"] == ""
    assert len(entry["fingerprint"]) == 32 and entry["where"] == "联系方式 › 邮编" and "25502" in entry["message"]
    assert list(entry) == ["file", "rule", "fingerprint", "reason", "message", "where"]


def test_baseline_reports_only_new_findings(site: Path) -> None:
    assert run("reports", "--write-baseline", "baseline.yaml")[0] == 0
    assert run("reports", "--baseline", "baseline.yaml")[0] == 0
    write(site / "reports" / "a.txt", POSTCODE, PHONE)  # a new defect beside the accepted one
    code, out, _ = run("reports", "--baseline", "baseline.yaml", "--output-format", "concise")
    assert code == 1
    assert "DL508" in out and "DL503" not in out
    assert "已抑制 1 个问题" in out


def test_baseline_survives_edits_elsewhere_in_the_report(site: Path) -> None:
    assert run("reports", "--write-baseline", "baseline.yaml")[0] == 0
    write(site / "reports" / "a.txt", POSTCODE,
          ("（一）持续深化主动公开\n", "（一）持续深化主动公开\n新插入的一段说明。\n"),
          ("一、总体情况\n", "一、总体情况\n本年度工作概述如下。\n"))
    code, out, _ = run("reports", "--baseline", "baseline.yaml", "--output-format", "concise")
    assert code == 0, out


def test_rewriting_keeps_the_reasons(site: Path) -> None:
    run("reports", "--write-baseline", "baseline.yaml")
    data = yaml.safe_load((site / "baseline.yaml").read_text(encoding="utf-8"))
    data["findings"][0]["reason"] = "邮编以邮政局核定为准（张三，2024-03-01）"
    (site / "baseline.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    write(site / "reports" / "b.txt", PHONE)
    assert run("reports", "--baseline", "baseline.yaml", "--write-baseline", "baseline.yaml")[0] == 0
    entries = yaml.safe_load((site / "baseline.yaml").read_text(encoding="utf-8"))["findings"]
    assert [(e["file"], e["rule"], e["reason"]) for e in entries] == [
        ("reports/a.txt", "DL503", "邮编以邮政局核定为准（张三，2024-03-01）"), ("reports/b.txt", "DL508", "")]


def test_json_baseline_by_extension(site: Path) -> None:
    assert run("reports", "--write-baseline", "baseline.json")[0] == 0
    data = json.loads((site / "baseline.json").read_text(encoding="utf-8"))
    assert data["findings"][0]["rule"] == "DL503"
    assert run("reports", "--baseline", "baseline.json")[0] == 0


def test_stale_entries_are_dl013_and_only_fail_with_fail_on_info(site: Path) -> None:
    run("reports", "--write-baseline", "baseline.yaml")
    write(site / "reports" / "a.txt")  # fixed
    code, out, _ = run("reports", "--baseline", "baseline.yaml", "--output-format", "concise")
    assert code == 0
    assert "reports/a.txt: DL013 基线文件 baseline.yaml 中 DL503（联系方式 › 邮编）的条目已不再对应任何问题" in out
    assert run("reports", "--baseline", "baseline.yaml", "--fail-on", "info")[0] == 1
    # Linting only another file says nothing about a.txt's entries.
    assert "DL013" not in run("reports/b.txt", "--baseline", "baseline.yaml")[1]
    # Deselecting DL503 leaves its entry unjudged.
    assert "DL013" not in run("reports", "--baseline", "baseline.yaml", "--ignore", "DL503")[1]


def test_writing_drops_stale_entries(site: Path) -> None:
    run("reports", "--write-baseline", "baseline.yaml")
    write(site / "reports" / "a.txt")
    code, out, _ = run("reports", "--baseline", "baseline.yaml", "--write-baseline", "baseline.yaml")
    assert code == 0 and "DL013" not in out
    assert yaml.safe_load((site / "baseline.yaml").read_text(encoding="utf-8"))["findings"] == []


def test_the_baseline_may_not_be_an_input(site: Path) -> None:
    code, _, err = run("reports", "--write-baseline", "reports/a.txt")
    assert code == 2 and "--write-baseline must not be one of the files being checked" in err
    assert "25502" in (site / "reports" / "a.txt").read_text(encoding="utf-8")  # untouched
    code, _, err = run("reports", "--write-baseline", "x.sarif", "--output-file", "x.sarif")
    assert code == 2


def test_config_baseline_is_relative_to_the_config_file(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (site / "ci").mkdir()
    assert run("reports", "--write-baseline", "ci/accepted.yaml")[0] == 0
    (site / "disclosure-lint.yaml").write_text("baseline: ci/accepted.yaml\n", encoding="utf-8")
    monkeypatch.chdir(site / "reports")
    assert run("a.txt")[0] == 0
    assert run("a.txt", "--isolated")[0] == 1


def test_a_missing_baseline_is_empty_and_a_broken_one_an_error(site: Path) -> None:
    assert run("reports", "--baseline", "nowhere.yaml")[0] == 1
    (site / "bad.yaml").write_text("findings: [1, 2]\n", encoding="utf-8")
    code, _, err = run("reports", "--baseline", "bad.yaml")
    assert code == 2 and "disclosure_lint_baseline" in err
    (site / "bad.yaml").write_text("disclosure_lint_baseline: 1\nfindings:\n- {file: a, rule: DL503}\n",
                                   encoding="utf-8")
    code, _, err = run("reports", "--baseline", "bad.yaml")
    assert code == 2 and "fingerprint" in err


def test_report_suppressed_shows_them_marked(site: Path) -> None:
    run("reports", "--write-baseline", "baseline.yaml")
    code, out, _ = run("reports", "--baseline", "baseline.yaml", "--report-suppressed", "--lang", "en")
    assert code == 0
    assert "DL503" in out and "[suppressed: baseline]" in out
    doc = json.loads(run("reports", "--baseline", "baseline.yaml", "--report-suppressed", "-f", "json")[1])
    a = next(f for f in doc["files"] if f["path"].endswith("a.txt"))
    assert a["findings"] == [] and a["suppressed"][0]["suppression"]["kind"] == "baseline"
    assert doc["summary"]["suppressed"] == 1
    plain = json.loads(run("reports", "--baseline", "baseline.yaml", "-f", "json")[1])
    assert all(f["suppressed"] == [] for f in plain["files"]) and plain["summary"]["suppressed"] == 1
