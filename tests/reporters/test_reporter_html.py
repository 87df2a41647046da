"""The ``html`` output without a browser: structure, escaping, self-containment, determinism."""

from __future__ import annotations

import base64
import fnmatch
import hashlib
import json
import re
import tomllib
from pathlib import Path

import html_cases as cases
import lxml.html
import pytest
import reporter_cases as rcases
from click.testing import CliRunner

from disclosure_lint import lint_path
from disclosure_lint.cli.main import cli
from disclosure_lint.reporters._html_common import json_script
from disclosure_lint.reporters.html_report import html_reporter
from disclosure_lint.reporters.registry import builtin_reporters

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> list:
    return cases.lint(tmp_path_factory.mktemp("reports"))


def _doc(text: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(text)


def _by_id(doc: lxml.html.HtmlElement, element_id: str) -> lxml.html.HtmlElement:
    found = doc.xpath(f'//*[@id="{element_id}"]')
    assert len(found) == 1, element_id
    return found[0]


def _classes(element: lxml.html.HtmlElement) -> set[str]:
    return set((element.get("class") or "").split())


def _single(batch: list, name: str) -> list:
    return [r for r in batch if r.path.endswith(name)]


# ---- registration and the command line -----------------------------------------------------------
def test_registered_and_written_by_the_cli(tmp_path: Path) -> None:
    assert builtin_reporters()["html"] is html_reporter
    report = cases.write(tmp_path / "in", ("zibo-approval-2023.txt",)) / "zibo-approval-2023.txt"
    out = tmp_path / "out.html"
    result = CliRunner().invoke(cli, ["check", str(report), "--isolated", "-f", "html", "-o", str(out)])
    assert result.exit_code == 1, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>\n") and text.endswith("</html>\n")
    assert "DL503" in text


def test_assets_are_package_data() -> None:
    """The CSS and script files ship in the wheel (they are read at run time)."""
    globs = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["disclosure_lint"]
    assets = sorted((ROOT / "disclosure_lint" / "reporters" / "html_assets").iterdir())
    assert {a.name for a in assets} >= {"report.css", "report.js"}
    for asset in assets:
        rel = asset.relative_to(ROOT / "disclosure_lint").as_posix()
        assert any(fnmatch.fnmatch(rel, g) for g in globs), rel


# ---- one report ------------------------------------------------------------------------------------
def test_single_report_page_has_the_four_parts(batch: list) -> None:
    doc = _doc(cases.render(_single(batch, "zibo-finance-2023.txt")))
    assert doc.get("lang") == "zh-CN"
    assert not doc.xpath('//*[@id="dashboard"]')  # one report: no dashboard
    page = _by_id(doc, "r1")
    assert [s.get("id") for s in page.xpath("./section")] == ["r1-summary", "r1-tables", "r1-findings", "r1-text"]
    assert page.xpath(".//h1")[0].text_content() == "淄博市财政局2023年政府信息公开工作年度报告"
    cards = {c.xpath('./span[@class="l"]')[0].text: c.xpath('./span[@class="n"]')[0].text
             for c in doc.xpath("//section[@id='r1-summary']//div[contains(concat(' ', @class, ' '), ' card ')]")}
    assert cards == {"错误": "2", "警告": "0", "提示": "0"}


def test_flagged_cell_is_highlighted_described_and_linked(batch: list) -> None:
    doc = _doc(cases.render(_single(batch, "zibo-finance-2023.txt")))
    cell = _by_id(doc, "r1-requests-granted-total")
    assert cell.tag == "td" and {"flag", "sev-error"} <= _classes(cell) and cell.get("tabindex") == "0"
    assert cell.text == "3"
    tip = _by_id(doc, cell.get("aria-describedby"))
    assert cell.get("data-tip") == tip.get("id")
    text = tip.text_content()
    assert "DL302" in text and "预期：2" in text and "实际：3" in text
    # its badge links to the finding, and the finding links back
    badge = cell.xpath('./a[contains(@class, "badge")]')[0]
    finding = _by_id(doc, badge.get("href")[1:])
    assert finding.get("data-rule") == "DL302"
    assert finding.xpath('.//a[@class="goto"]')[0].get("href") == "#r1-requests-granted-total"
    # the cells of the broken sum are marked as related, not as findings of their own
    related = _by_id(doc, "r1-requests-granted-natural_person")
    assert {"flag", "related"} <= _classes(related) and not related.xpath("./a")
    # an untouched cell is plain
    assert "flag" not in _classes(_by_id(doc, "r1-requests-new-commercial"))


def test_findings_grouped_by_section(batch: list) -> None:
    doc = _doc(cases.render([*_single(batch, "zibo-finance-2023.txt")]))
    groups = doc.xpath('//section[@class="fgroup"]')
    assert [g.get("data-group") for g in groups] == ["requests"]
    assert groups[0].xpath("./h3")[0].text == "三、收到和处理政府信息公开申请情况"
    assert [li.get("data-rule") for li in groups[0].xpath("./ol/li")] == ["DL302", "DL303"]
    doc = _doc(cases.render(_single(batch, "zibo-approval-2023.txt")))
    assert [g.get("data-group") for g in doc.xpath('//section[@class="fgroup"]')] == ["front"]


def test_span_in_the_text_is_marked(batch: list) -> None:
    doc = _doc(cases.render(_single(batch, "zibo-approval-2023.txt")))
    marks = doc.xpath('//div[@class="rtext"]//mark')
    assert len(marks) == 1 and marks[0].text == "25502" and "sev-error" in _classes(marks[0])
    assert marks[0].getparent().get("id") == "r1-i0"  # inside the opening paragraph
    assert "DL503" in _by_id(doc, marks[0].get("aria-describedby")).text_content()
    assert doc.xpath('//li[@id="r1-f1"]//a[@class="goto"]')[0].get("href") == f"#{marks[0].get('id')}"


def test_tables_in_the_official_layout(batch: list) -> None:
    doc = _doc(cases.render(_single(batch, "qingdao-civil-2022.txt")))
    requests = doc.xpath('//table[contains(@class, "t-requests")]')[0]
    assert len(requests.xpath("./thead/tr")) == 3 and len(requests.xpath("./tbody/tr")) == 25
    note = requests.xpath("./thead/tr[1]/th[1]")[0]
    assert (note.get("rowspan"), note.get("colspan")) == ("3", "3") and "勾稽关系" in note.text_content()
    spans = {th.text_content(): th.get("rowspan") for th in requests.xpath('.//th[@class="group"]')}
    assert spans == {"三、本年度办理结果": "22", "（三）不予公开": "8", "（四）无法提供": "3", "（五）不予处理": "5",
                     "（六）其他处理": "3"}
    assert len(requests.xpath('.//td[contains(@class, "v")]')) == 25 * 7
    active = doc.xpath('//table[contains(@class, "t-active")]')[0]
    assert [th.text for th in active.xpath('.//th[@class="block"]')] == [
        "第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项"]
    assert _by_id(doc, "r1-active-licensing-decisions").get("colspan") == "3"
    litigation = doc.xpath('//table[contains(@class, "t-litigation")]')[0]
    assert [th.text_content() for th in litigation.xpath("./thead/tr[1]/th")] == ["行政复议", "行政诉讼"]
    assert len(litigation.xpath("./tbody/tr/td")) == 15
    assert doc.xpath('//*[contains(@class, "flag")]') == []  # a clean report: nothing highlighted


def test_missing_table() -> None:
    result = rcases.lint(rcases.text_report(table=False))
    doc = _doc(html_reporter([result], rcases.context()))
    assert "未找到表三" in _by_id(doc, "r1-requests").text_content()


def test_row_label_as_written_beside_the_official_one(tmp_path: Path) -> None:
    path = tmp_path / "typo.txt"
    path.write_text(cases.replace(cases.SEED, "只计这一情形", "只计这一情况"), encoding="utf-8")
    doc = _doc(cases.render([lint_path(path, linter=cases.linter())]))
    label = _by_id(doc, "r1-requests-partially_granted")
    assert label.text.startswith("（二）部分公开（区分处理的，只计这一情形") and "flag" in _classes(label)
    assert "只计这一情况" in label.xpath('./span[@class="as-written"]')[0].text_content()
    assert "DL203" in _by_id(doc, label.get("aria-describedby")).text_content()


def test_both_languages(batch: list) -> None:
    results = _single(batch, "zibo-finance-2023.txt")
    en = _doc(cases.render(results, lang="en"))
    assert en.get("lang") == "en"
    finding = _by_id(en, "r1-f1")
    assert results[0].findings[0].message.en in finding.text_content()
    assert "Findings" in en.xpath('//section[@id="r1-findings"]/h2')[0].text
    assert "expected: " in _by_id(en, "r1-requests-granted-total-tip").text_content()
    zh = _doc(cases.render(results))
    assert results[0].findings[0].message.zh in _by_id(zh, "r1-f1").text_content()


# ---- a batch ----------------------------------------------------------------------------------------
def test_dashboard_rows_chart_and_pages(batch: list) -> None:
    results = [rcases.input_error("old.doc"), *batch]
    doc = _doc(cases.render(results))
    rows = doc.xpath('//table[@id="reports"]/tbody/tr')
    assert [r.get("data-path").rsplit("/", 1)[-1] for r in rows] == [  # by path
        "jinan-education-2023.txt", "qingdao-civil-2022.txt", "zibo-approval-2023.txt", "zibo-finance-2023.txt",
        "old.doc"]
    finance = rows[3]
    assert finance.get("data-agency") == "淄博市财政局" and finance.get("data-year") == "2023"
    assert finance.xpath('./td[contains(@class, "c-errors")]')[0].get("data-v") == "2"
    assert finance.get("data-rules") == "DL302 DL303"
    assert rows[4].xpath('.//span[contains(@class, "status")]')[0].text == "无法读取"
    assert [th.xpath("./button")[0].get("data-sort") for th in doc.xpath('//table[@id="reports"]/thead//th')] == [
        "agency", "year", "template", "errors", "warnings", "info", "status", "file"]
    # one page per report, each linked from its row
    for i, row in enumerate(rows, 1):
        assert row.xpath(".//a")[0].get("href") == f"#r{i}"
        assert _by_id(doc, f"r{i}").tag == "article"
    assert "无法读取" in _by_id(doc, "r5").text_content()
    # the chart: one bar per rule, most frequent first, as inline SVG
    bars = doc.xpath('//svg[contains(@class, "chart-svg")]/g')
    assert sorted(b.get("data-rule") for b in bars) == ["DL205", "DL302", "DL303", "DL503"]
    widths = [float(b.xpath("./rect")[0].get("width")) for b in bars]
    assert widths == sorted(widths, reverse=True)


def test_passed_over_files_are_listed() -> None:
    from disclosure_lint import LintResult

    doc = _doc(html_reporter([rcases.lint(rcases.text_report()), rcases.lint(rcases.text_report("b.txt")),
                              LintResult(path="notes.txt", passed_over=True)], rcases.context()))
    assert "notes.txt" in doc.xpath('//div[@class="passed-over"]')[0].text_content()
    assert len(doc.xpath('//table[@id="reports"]/tbody/tr')) == 2


# ---- escaping and self-containment ------------------------------------------------------------------
def test_report_markup_is_escaped(batch: list) -> None:
    text = cases.render(batch)
    doc = _doc(text)
    assert len(doc.xpath("//script")) == 2  # the data and the page's own script, nothing else
    assert doc.xpath("//img") == []
    for element in doc.iter():
        assert not any(name.lower().startswith("on") for name in element.attrib), element.tag
    assert cases.SCRIPT not in text and cases.IMAGE not in text
    assert "&lt;script&gt;window.__pwned = 1; alert(1)&lt;/script&gt;" in text
    # the text survives as text: title, paragraph, table cell, message
    jinan = _by_id(doc, "r1")
    assert cases.SCRIPT in jinan.xpath(".//h1")[0].text_content()
    assert cases.IMAGE + cases.SCRIPT + "问题段落。" in jinan.xpath('.//div[@class="rtext"]')[0].text_content()
    assert _by_id(doc, "r1-active-licensing-decisions").text.strip() == cases.IMAGE
    assert cases.IMAGE in _by_id(doc, "r1-f1").text_content()


def test_no_external_references(batch: list) -> None:
    doc = _doc(cases.render(batch))
    for element in doc.iter():
        for name in ("src", "href", "action", "xlink:href", "srcset", "poster", "data"):
            value = element.get(name)
            if value is not None:
                assert value.startswith(("#", "data:")), (element.tag, name, value)
    assert not doc.xpath('//link[@rel="stylesheet"]') and not doc.xpath("//script[@src]")
    assert not doc.xpath("//iframe|//object|//embed|//base")


def _sha(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


def test_content_security_policy_allows_only_the_page_own_style_and_script(batch: list) -> None:
    doc = _doc(cases.render(batch))
    csp = doc.xpath('//meta[@http-equiv="Content-Security-Policy"]')[0].get("content")
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == f"'{_sha(doc.xpath('//script[not(@type)]')[0].text)}'"
    assert directives["style-src"] == f"'{_sha(doc.xpath('//style')[0].text)}'"
    assert directives["img-src"] == "data:"


def test_json_for_the_script_cannot_close_its_element() -> None:
    text = json_script({"x": "</script><script>alert(1)</script>&"}, "d")
    assert text.count("</script>") == 1 and text.endswith("</script>")
    assert json.loads(re.sub(r"^<script[^>]*>|</script>$", "", text)) == {"x": "</script><script>alert(1)</script>&"}


def test_deterministic(batch: list) -> None:
    first = cases.render(batch)
    assert cases.render(list(reversed(batch))) == first
    assert not re.search(r"20\d\d-\d\d-\d\dT\d\d:", first)  # no timestamp


def test_json_data_for_the_script(batch: list) -> None:
    doc = _doc(cases.render(batch, lang="en"))
    data = json.loads(_by_id(doc, "dl-data").text)
    assert data == {"batch": True, "lang": "en", "strings": {"shown": "showing {shown} of {total} reports"}}
