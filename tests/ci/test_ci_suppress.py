"""Inline suppressions and per-file-ignores on real reports (Markdown/text and HTML), DL012.

The seed with two placeholder cells — table 三 line 103 and table 四 line 390 (DL204 each) — and a
five-digit postcode in the opening paragraph, line 3 (DL503); comments are inserted as lines.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from disclosure_lint import LintResult
from disclosure_lint.api import lint_bytes
from disclosure_lint.config import Config, load_config_file
from disclosure_lint.engine.linter import Linter
from disclosure_lint.engine.suppress import parse_directive
from disclosure_lint.errors import ConfigError
from disclosure_lint.model import Comment, SourceInfo
from disclosure_lint.plugins.manager import Plugins
from disclosure_lint.read.html import read_html
from disclosure_lint.read.text import TextReader

ROOT = Path(__file__).resolve().parents[2]
SEED_LINES = (ROOT / "tests" / "fixtures" / "seed.txt").read_text(encoding="utf-8").split("\n")
HTML = (ROOT / "tests" / "fixtures" / "seed.html").read_text(encoding="utf-8")
TABLE3_CELL, TABLE4_CELL, OPENING, HEADING_1, HEADING_3, HEADING_4 = 103, 390, 3, 4, 63, 351


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Plugins().linter(Config())


def defective(comments: dict[int, str] | None = None, *, postcode: bool = True) -> str:
    """The seed with its three defects and ``comments`` inserted before the given (original) lines."""
    lines = list(SEED_LINES)
    lines[TABLE3_CELL - 1] = "\t/"
    lines[TABLE4_CELL - 1] = "\t/"
    if postcode:
        lines[OPENING - 1] = lines[OPENING - 1].replace("邮编：255022", "邮编：25502")
    for before, text in sorted((comments or {}).items(), reverse=True):
        lines.insert(before - 1, f"<!-- disclosure-lint: {text} -->")
    return "\n".join(lines)


def lint(linter: Linter, text: str, name: str = "report.md") -> LintResult:
    return lint_bytes(text.encode("utf-8"), name, linter)


def ids(result: LintResult) -> list[tuple[str, int | None]]:
    return [(f.rule_id, f.place.location.line) for f in result.findings]


# ---- reading the comments ----------------------------------------------------------------------
def test_text_reader_keeps_linter_comments_and_drops_every_comment_line() -> None:
    text = ("标题\n<!-- disclosure-lint: disable-next=DL204 reason=\"x\" -->\n一、总体情况\n  <!-- 编辑备注 -->\n"
            "正文 <!-- 行内 --> 保留\n<!--\ndisclosure-lint: disable-file=DL5\n-->\n末行")
    doc = TextReader().read(text.encode(), SourceInfo(path="r.md", format="text"))
    assert [(b.text, b.location.line) for b in doc.blocks] == [
        ("标题", 1), ("一、总体情况", 3), ("正文 <!-- 行内 --> 保留", 5), ("末行", 9)]
    assert [(c.text, c.location.line, c.location.end_line) for c in doc.comments] == [
        ('disclosure-lint: disable-next=DL204 reason="x"', 2, 2), ("disclosure-lint: disable-file=DL5", 6, 8)]


def test_html_reader_keeps_linter_comments_with_their_lines() -> None:
    page = ("<!-- disclosure-lint: disable-file=DL204 -->\n<html><head><!--[if gte mso 9]><xml>x</xml><![endif]-->"
            "</head><body>\n<p>一</p>\n<!-- disclosure-lint:\n disable-next=DL503 -->\n<p>二</p>\n</body></html>")
    doc = read_html(page.encode(), SourceInfo(path="r.html", format="html"))
    assert [(c.text, c.location.line, c.location.end_line) for c in doc.comments] == [
        ("disclosure-lint: disable-file=DL204", 1, 1), ("disclosure-lint: disable-next=DL503", 4, 5)]


def test_the_builder_copies_comments_to_the_report(linter: Linter) -> None:
    result = lint(linter, defective({HEADING_1: "disable-file=DL204"}))
    assert [c.text for c in result.report.comments] == ["disclosure-lint: disable-file=DL204"]


@pytest.mark.parametrize(("text", "action", "selectors", "reason"), [
    ('disclosure-lint: disable=DL204 reason="已核实"', "disable", ("DL204",), "已核实"),
    ("disclosure-lint：disable-next=DL204, DL5 reason=“邮编待核实”", "disable-next", ("DL204", "DL5"), "邮编待核实"),
    ("disclosure-lint: disable-file=invalid-postcode", "disable-file", ("invalid-postcode",), ""),
    ("Disclosure-Lint: ENABLE=ALL reason='done'", "enable", ("ALL",), "done"),
])
def test_directive_grammar(linter: Linter, text: str, action: str, selectors: tuple[str, ...], reason: str) -> None:
    d = parse_directive(Comment(text=text), linter.rules)
    assert (d.action, d.selectors, d.reason, d.unknown) == (action, selectors, reason, ())
    assert d.all_rules


@pytest.mark.parametrize("text", ["disclosure-lint: disabel=DL204", "disclosure-lint: disable DL204",
                                  "disclosure-lint please ignore", 'disclosure-lint: disable=DL204 because="x"'])
def test_malformed_directives(linter: Linter, text: str) -> None:
    assert parse_directive(Comment(text=text), linter.rules).action is None


# ---- what they suppress --------------------------------------------------------------------------
def test_without_comments_all_three_defects_are_reported(linter: Linter) -> None:
    assert ids(lint(linter, defective())) == [("DL503", OPENING), ("DL204", TABLE3_CELL), ("DL204", TABLE4_CELL)]


def test_disable_up_to_enable(linter: Linter) -> None:
    # +1 / +2: the comment lines shift what follows them.
    result = lint(linter, defective({HEADING_3: 'disable=DL204 reason="表三待更正"', HEADING_4: "enable=DL204"}))
    assert ids(result) == [("DL503", OPENING), ("DL204", TABLE4_CELL + 2)]
    (suppressed,) = result.suppressed
    assert (suppressed.rule_id, suppressed.place.location.line) == ("DL204", TABLE3_CELL + 1)
    assert suppressed.suppression is not None
    assert (suppressed.suppression.kind, suppressed.suppression.reason) == ("inline", "表三待更正")
    assert suppressed.suppression.source == f"report.md:{HEADING_3}"
    assert result.counts() == {"error": 1, "warning": 1, "info": 0}


def test_disable_without_enable_runs_to_the_end_of_the_file(linter: Linter) -> None:
    result = lint(linter, defective({HEADING_3: "disable=DL2"}))
    assert ids(result) == [("DL503", OPENING)]
    assert [f.rule_id for f in result.suppressed] == ["DL204", "DL204"]


def test_disable_next_covers_only_the_next_block(linter: Linter) -> None:
    # Before the table's first line: the whole of table 三, not table 四.
    result = lint(linter, defective({HEADING_3 + 1: "disable-next=DL204"}))
    assert ids(result) == [("DL503", OPENING), ("DL204", TABLE4_CELL + 1)]
    # Before the opening paragraph: its DL503; before the heading after it: nothing (DL012 instead).
    assert ("DL503", OPENING + 1) not in ids(lint(linter, defective({OPENING: "disable-next=DL503"})))
    after = lint(linter, defective({HEADING_1: "disable-next=DL503"}))
    assert [f.rule_id for f in after.findings] == ["DL503", "DL012", "DL204", "DL204"]


def test_disable_file_anywhere(linter: Linter) -> None:
    result = lint(linter, defective({len(SEED_LINES): "disable-file=cell-not-filled,invalid-postcode"}))
    assert ids(result) == []
    assert sorted(f.rule_id for f in result.suppressed) == ["DL204", "DL204", "DL503"]


def test_suppression_in_html(linter: Linter) -> None:
    page = HTML.replace("邮编：255022", "邮编：25502")
    at = page.index("<p", page.index("<body"))
    assert "DL503" in [f.rule_id for f in lint(linter, page, "r.html").findings]
    marked = page[:at] + '<!-- disclosure-lint: disable=DL503 reason="x" -->\n' + page[at:]
    result = lint(linter, marked, "r.html")
    assert "DL503" not in [f.rule_id for f in result.findings]
    assert [(f.rule_id, f.suppression.kind) for f in result.suppressed if f.suppression] == [("DL503", "inline")]


# ---- DL012 ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(("comment", "says"), [
    ("disable-next=DL204", "DL204 在其作用范围内没有可抑制的问题"),
    ("disable=DL999", "未知的规则 DL999"),
    ("disable=DL204,DL999", "未知的规则 DL999；DL204 在其作用范围内没有可抑制的问题"),
    ("disabel=DL204", "无法识别的 disclosure-lint 注释"),
    ("disable", "没有写明规则"),
    ("enable=DL204", "之前没有对应的 disable"),
])
def test_unused_or_broken_comments_are_dl012(linter: Linter, comment: str, says: str) -> None:
    result = lint(linter, defective({HEADING_1: comment}, postcode=False).replace("\t/", "\t0"))
    (finding,) = result.findings
    assert finding.rule_id == "DL012" and finding.severity.value == "info"
    assert says in finding.message.zh
    assert finding.place.location.line == HEADING_1
    assert result.exit_code() == 0  # info never fails the run unless fail-on is info


def test_comments_about_rules_that_did_not_run_are_not_judged() -> None:
    only_dl3 = Plugins().linter(Config(select=("DL3", "DL012")))
    text = defective({HEADING_1: "disable=DL204", HEADING_3: "disable-file=DL601"}, postcode=False)
    assert lint(only_dl3, text).findings == ()


def test_dl012_can_be_deselected_and_its_fingerprint_ignores_lines(linter: Linter) -> None:
    ignored = lint(Plugins().linter(Config(ignore=("DL012",))), defective({HEADING_1: "disable=DL999"}))
    assert "DL012" not in [f.rule_id for f in ignored.findings]
    one = lint(linter, defective({HEADING_1: "disable=DL999"}, postcode=False))
    two = lint(linter, defective({HEADING_1: "disable=DL999", OPENING: "disable-next=DL503"}, postcode=True))
    fp = {f.rule_id: f.fingerprint for f in one.findings}["DL012"]
    assert fp in [f.fingerprint for f in two.findings if f.rule_id == "DL012"]


# ---- per-file-ignores -----------------------------------------------------------------------------
def test_per_file_ignores_are_relative_to_the_config_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    (site / "reports" / "2019").mkdir(parents=True)
    (site / "disclosure-lint.yaml").write_text(
        "per-file-ignores:\n  'reports/2019/*.md': [DL2]\n  '草稿.md': invalid-postcode\n", encoding="utf-8")
    config = load_config_file(site / "disclosure-lint.yaml")
    linter = Plugins().linter(config)
    monkeypatch.chdir(tmp_path)  # the globs do not depend on the current directory
    old = lint(linter, defective(), "site/reports/2019/a.md")
    assert ids(old) == [("DL503", OPENING)]
    assert {(f.rule_id, f.suppression.kind) for f in old.suppressed if f.suppression} == {("DL204", "config")}
    newer = lint(linter, defective(), "site/reports/2020/a.md")
    assert [f.rule_id for f in newer.findings] == ["DL503", "DL204", "DL204"]
    draft = lint(linter, defective(), "site/reports/2020/草稿.md")  # a name without a slash: any depth
    assert [f.rule_id for f in draft.findings] == ["DL204", "DL204"]
    elsewhere = lint(linter, defective(), "reports/2019/a.md")  # not under the config's folder
    assert len(elsewhere.findings) == 3


def test_per_file_ignores_with_an_unknown_rule_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="DL999"):
        Plugins().linter(Config(per_file_ignores={"*.md": ("DL999",)}))


def test_per_file_ignores_merge_with_extended_files(tmp_path: Path) -> None:
    (tmp_path / "base").mkdir()
    (tmp_path / "base" / "shared.yaml").write_text("per-file-ignores:\n  'old/*.md': [DL204]\n", encoding="utf-8")
    (tmp_path / "disclosure-lint.yaml").write_text(
        "extends: base/shared.yaml\nper-file-ignores:\n  '*.html': [DL503]\n", encoding="utf-8")
    config = load_config_file(tmp_path / "disclosure-lint.yaml")
    assert sorted(config.per_file_ignores) == [f"{tmp_path.resolve().as_posix()}/**/*.html",
                                               f"{tmp_path.resolve().as_posix()}/base/old/*.md"]


def test_a_finding_without_a_line_is_only_suppressed_for_the_whole_file(linter: Linter) -> None:
    lines = list(SEED_LINES)
    del lines[403 - 1]  # the heading 五、存在的主要问题及改进情况: DL101, which has no line to point at
    text = "\n".join(["<!-- disclosure-lint: disable=DL101 -->", *lines])
    result = lint(linter, text)
    assert sorted((f.rule_id, f.place.location.line or 0) for f in result.findings) == [("DL012", 1), ("DL101", 0)]
    whole = lint(linter, "<!-- disclosure-lint: disable-file=DL101 -->\n" + "\n".join(lines))
    assert whole.findings == () and [f.rule_id for f in whole.suppressed] == ["DL101"]
