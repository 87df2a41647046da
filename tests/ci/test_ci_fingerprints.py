"""What a pre-publication gate relies on: stable fingerprints and reproducible SARIF that GitHub
code scanning accepts — checked on the conformance reports, read from disk, with the built-in rules.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from disclosure_lint.api import lint_bytes
from disclosure_lint.config import Config
from disclosure_lint.engine.linter import Linter
from disclosure_lint.plugins.manager import Plugins

ROOT = Path(__file__).resolve().parents[2]
CONFORMANCE = ROOT / "tests" / "conformance"
SCHEMA = ROOT / "tests" / "fixtures" / "sarif-schema-2.1.0.json"
UNRELATED = "本机关将继续做好政府信息公开工作。"


def _utf8(path: Path) -> bool:
    try:
        path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:  # the GB18030 case: the insertion below edits UTF-8 text
        return False
    return True


REPORTS = sorted(p for p in CONFORMANCE.glob("*/report.*") if p.suffix in (".txt", ".html") and _utf8(p))


@lru_cache(maxsize=1)
def _linter() -> Linter:
    return Plugins().linter(Config())


def _with_unrelated_paragraphs(path: Path) -> tuple[str, str]:
    """The report's text, and the same with an unrelated paragraph after the first section heading
    and another before the end (so findings before, between and after them all move)."""
    text = path.read_bytes().decode("utf-8")
    if path.suffix == ".txt":
        lines = text.split("\n")
        first = next((i for i, line in enumerate(lines) if line.startswith("一、")), 1)
        for at in sorted((first + 1, len(lines) - 3), reverse=True):
            lines.insert(at, UNRELATED)
        return text, "\n".join(lines)
    start = text.find("<p", text.find("一、总体情况"))
    end = text.rfind("<p")
    assert 0 < start < end, path
    changed = text[:end] + f"<p>{UNRELATED}</p>\n" + text[end:]
    return text, changed[:start] + f"<p>{UNRELATED}</p>\n" + changed[start:]


def test_inserting_an_unrelated_paragraph_keeps_every_fingerprint() -> None:
    compared = 0
    formats = set()
    for path in REPORTS:
        before, after = _with_unrelated_paragraphs(path)
        a = lint_bytes(before.encode(), path.name, _linter())
        b = lint_bytes(after.encode(), path.name, _linter())
        assert a.input_error is None and b.input_error is None
        old = {f.fingerprint: (f.rule_id, f.place.logical) for f in a.findings}
        new = {f.fingerprint: (f.rule_id, f.place.logical) for f in b.findings}
        assert old == new, f"{path.parent.name}: lost {set(old.values()) - set(new.values())}, " \
                           f"gained {set(new.values()) - set(old.values())}"
        compared += len(old)
        formats.add(path.suffix)
    assert compared >= 50 and formats == {".txt", ".html"}


def test_fingerprints_do_not_depend_on_line_numbers() -> None:
    path = CONFORMANCE / "dl302-changed-cell" / "report.txt"
    before, after = _with_unrelated_paragraphs(path)
    a = {f.rule_id: f for f in lint_bytes(before.encode(), path.name, _linter()).findings}
    b = {f.rule_id: f for f in lint_bytes(after.encode(), path.name, _linter()).findings}
    assert a["DL302"].place.location.line != b["DL302"].place.location.line  # it did move …
    assert a["DL302"].fingerprint == b["DL302"].fingerprint  # … and kept its fingerprint


def _check(*args: str, cwd: Path) -> bytes:
    done = subprocess.run([sys.executable, "-m", "disclosure_lint", "check", *args], cwd=cwd,
                          capture_output=True, check=False)
    assert done.returncode in (0, 1), done.stderr.decode()
    return done.stdout


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A website folder with reports that have findings (a .txt, an .html) and an ordinary page."""
    root = tmp_path_factory.mktemp("site")
    (root / "reports").mkdir()
    shutil.copy(CONFORMANCE / "dl302-changed-cell" / "report.txt", root / "reports" / "2023.txt")
    html = next(p for p in REPORTS if p.suffix == ".html")
    shutil.copy(html, root / "reports" / "2023.html")
    (root / "reports" / "index.html").write_text("<html><body><p>信息公开</p></body></html>", encoding="utf-8")
    return root


def test_two_runs_give_byte_identical_sarif(site: Path) -> None:
    first = _check("reports", "--output-format", "sarif", cwd=site)
    second = _check("reports", "--output-format", "sarif", cwd=site)
    assert first == second
    assert b'"startTimeUtc"' not in first and b'"endTimeUtc"' not in first
    assert json.loads(first)["runs"][0]["results"]


def test_sarif_fingerprints_survive_an_unrelated_paragraph(site: Path, tmp_path: Path) -> None:
    def fingerprints(folder: Path) -> dict[str, tuple[str, str]]:
        log = json.loads(_check("reports", "-f", "sarif", cwd=folder))
        return {r["partialFingerprints"]["disclosureLint/v1"]: (r["ruleId"], r["locations"][0]["physicalLocation"]
                                                                ["artifactLocation"]["uri"])
                for r in log["runs"][0]["results"]}

    edited = tmp_path / "edited"
    shutil.copytree(site, edited)
    for path in (edited / "reports").glob("2023.*"):
        path.write_text(_with_unrelated_paragraphs(path)[1], encoding="utf-8")
    assert fingerprints(site) == fingerprints(edited)


@lru_cache(maxsize=1)
def _validator() -> Any:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.validators.validator_for(schema)(schema)


def test_sarif_of_real_reports_has_what_github_requires(site: Path) -> None:
    log = json.loads(_check("reports", "-f", "sarif", "--sarif-category", "site-reports", cwd=site))
    errors = sorted(_validator().iter_errors(log), key=lambda e: list(e.path))
    assert not errors, errors[0].message
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-schema-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "disclosure-lint" and driver["version"] and driver["informationUri"].startswith("https://")
    rules = driver["rules"]
    assert len(rules) >= 50 and len({r["id"] for r in rules}) == len(rules)
    for rule in rules:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["help"]["text"] and rule["help"]["markdown"]
        assert rule["helpUri"] == f"https://github.com/disclosure-lint/disclosure-lint/blob/main/docs/rules/{rule['id']}.md"
        assert (ROOT / "docs" / "rules" / f"{rule['id']}.md").is_file()
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
        assert rule["properties"]["problem.severity"] in ("error", "warning", "recommendation")
        assert len(rule["properties"]["tags"]) <= 20
    assert run["automationDetails"] == {"id": "site-reports/"}
    assert run["columnKind"] == "unicodeCodePoints"
    uris = {a["location"]["uri"] for a in run["artifacts"]}
    assert uris == {"reports/2023.html", "reports/2023.txt"}  # the ordinary page was passed over
    for artifact in run["artifacts"]:
        data = (site / artifact["location"]["uri"]).read_bytes()
        assert artifact["hashes"]["sha-256"] == hashlib.sha256(data).hexdigest()
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is True
    assert all(n["level"] == "note" for n in invocation["toolExecutionNotifications"])  # skipped DL6xx
    results = run["results"]
    assert {r["ruleId"] for r in results} >= {"DL302", "DL303"}
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["message"]["text"] and result["level"] in ("error", "warning", "note")
        physical = result["locations"][0]["physicalLocation"]
        assert physical["artifactLocation"]["uri"] in uris and physical["region"]["startLine"] >= 1
        assert result["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]
        assert len(result["partialFingerprints"]["disclosureLint/v1"]) == 32
    assert len({(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                 r["partialFingerprints"]["disclosureLint/v1"]) for r in results}) == len(results)
