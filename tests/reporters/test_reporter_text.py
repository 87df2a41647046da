"""The text outputs, ``full`` and ``concise``: exact text on a small case in both languages."""

from __future__ import annotations

import re

import reporter_cases as cases

from disclosure_lint.reporters.text import concise, full

ALL = ("RPT302", "RPT501", "RPT110", "RPT401", "RPT900")
ANSI = re.compile(r"\x1b\[[0-9;]*m")

FULL_ZH = """\
seed.txt:3:88: RPT501 [警告] 联系方式 › 邮编：邮编“25502”不是 6 位数字
    预期：6 位数字  实际：25502

seed.txt:47:2: RPT302 [错误] 表三 › 三、本年度办理结果 › （一）予以公开 › 总计：表三“予以公开”行“总计”列应为 4（六类申请人之和），实为 5
    预期：4  实际：5
    相关单元格：
      表三 › 三、本年度办理结果 › （一）予以公开 › 自然人 = 3（第41行第2列）
      表三 › 三、本年度办理结果 › （一）予以公开 › 商业企业 = 1（第42行第2列）
      表三 › 三、本年度办理结果 › （一）予以公开 › 科研机构 = 0（第43行第2列）
      表三 › 三、本年度办理结果 › （一）予以公开 › 社会公益组织 = 0（第44行第2列）
      表三 › 三、本年度办理结果 › （一）予以公开 › 法律服务机构 = 0（第45行第2列）
      表三 › 三、本年度办理结果 › （一）予以公开 › 其他 = 0（第46行第2列）
    修改建议：核对该行六类申请人的数字，更正“总计”

发现 2 个问题：错误 1 个，警告 1 个，提示 0 个。共检查 1 个文件。
"""

FULL_EN = """\
seed.txt:3:88: RPT501 [warning] contact details › postcode: postcode '25502' is not six digits
    expected: 6 位数字  found: 25502

seed.txt:47:2: RPT302 [error] Table 3 › 三、本年度办理结果 › （一）予以公开 [granted] › 总计 [total]: \
Table 3, row granted, column total: expected 4 (sum of the six applicant columns), found 5
    expected: 4  found: 5
    related cells:
      Table 3 › 三、本年度办理结果 › （一）予以公开 [granted] › 自然人 [natural_person] = 3 (line 41, column 2)
      Table 3 › 三、本年度办理结果 › （一）予以公开 [granted] › 商业企业 [commercial] = 1 (line 42, column 2)
      Table 3 › 三、本年度办理结果 › （一）予以公开 [granted] › 科研机构 [research] = 0 (line 43, column 2)
      Table 3 › 三、本年度办理结果 › （一）予以公开 [granted] › 社会公益组织 [social_welfare] = 0 (line 44, column 2)
      Table 3 › 三、本年度办理结果 › （一）予以公开 [granted] › 法律服务机构 [legal_services] = 0 (line 45, column 2)
      Table 3 › 三、本年度办理结果 › （一）予以公开 [granted] › 其他 [other_org] = 0 (line 46, column 2)
    fix: check the six applicant columns, then correct the total

Found 2 problems: 1 error, 1 warning, 0 info. 1 file checked.
"""

CONCISE_ZH = """\
seed.txt:3:88: RPT501 邮编“25502”不是 6 位数字
seed.txt:47:2: RPT302 表三“予以公开”行“总计”列应为 4（六类申请人之和），实为 5

发现 2 个问题：错误 1 个，警告 1 个，提示 0 个。共检查 1 个文件。
"""

CONCISE_EN = """\
seed.txt:3:88: RPT501 postcode '25502' is not six digits
seed.txt:47:2: RPT302 Table 3, row granted, column total: expected 4 (sum of the six applicant columns), found 5

Found 2 problems: 1 error, 1 warning, 0 info. 1 file checked.
"""


def test_full_chinese_is_exact() -> None:
    assert full([cases.lint(cases.text_report())], cases.context()) == FULL_ZH


def test_full_english_is_exact() -> None:
    assert full([cases.lint(cases.text_report())], cases.context(lang="en")) == FULL_EN


def test_concise_is_exact_in_both_languages() -> None:
    result = cases.lint(cases.text_report())
    assert concise([result], cases.context()) == CONCISE_ZH
    assert concise([result], cases.context(lang="en")) == CONCISE_EN


def test_docx_findings_point_at_table_cells_not_lines() -> None:
    result = cases.lint(cases.docx_report())
    out = full([result], cases.context())
    assert "seed.docx:第3段: RPT501 [警告]" in out
    assert "seed.docx:文档第3个表格第6行第10列: RPT302 [错误] 表三 › 三、本年度办理结果 › （一）予以公开 › 总计：" in out
    assert "自然人 = 3（文档第3个表格第6行第4列）" in out
    en = concise([result], cases.context(lang="en"))
    assert en.splitlines()[1].startswith("seed.docx:document table 3, row 6, cell 10: RPT302 Table 3, row granted")


def test_clean_file_is_one_line() -> None:
    clean = cases.lint(cases.text_report(postcode="255022"), only=["RPT501"])
    assert full([clean], cases.context(["RPT501"])) == "全部通过！共检查 1 个文件。\n"
    assert full([clean], cases.context(["RPT501"], lang="en")) == "All checks passed! 1 file checked.\n"
    assert concise([clean], cases.context(["RPT501"], lang="en")) == "All checks passed! 1 file checked.\n"


def test_skipped_rules_are_counted_and_listed_only_when_verbose() -> None:
    result = cases.lint(cases.text_report(postcode="255022"), only=["RPT501", "RPT401"])
    ctx_rules = ["RPT501", "RPT401"]
    assert full([result], cases.context(ctx_rules)) == (
        "已运行的检查全部通过。共检查 1 个文件；跳过 1 条规则（--verbose 显示原因）。\n")
    verbose = full([result], cases.context(ctx_rules, verbose=True, lang="en"))
    assert verbose == (
        "seed.txt: skipped RPT401 (previous-year-carry-over): no previous year's report was given (--previous)\n"
        "\n"
        "All checks that ran passed. 1 file checked; 1 rule skipped.\n")


def test_internal_errors_are_always_listed_with_rule_and_plugin() -> None:
    result = cases.lint(cases.text_report(), only=["RPT900"])
    line = "seed.txt: 内部错误：规则 RPT900（插件 reporter_test_plugin）运行出错：ZeroDivisionError: division by zero"
    for ctx in (cases.context(["RPT900"]), cases.context(["RPT900"], quiet=True)):
        assert full([result], ctx).splitlines()[0] == line
        assert concise([result], ctx).splitlines()[0] == line
    assert full([result], cases.context(["RPT900"])).splitlines()[-1] == "未发现问题。共检查 1 个文件；内部错误 1 个。"
    assert "Traceback" not in full([result], cases.context(["RPT900"]))
    assert "Traceback (most recent call last)" in full([result], cases.context(["RPT900"], verbose=True))


def test_input_error_is_one_line_without_the_repeated_file_name() -> None:
    out = full([cases.input_error()], cases.context())
    assert out == ("old.doc: 输入错误：这是旧版 Word（.doc）文件，请另存为 .docx 后再检查\n"
                   "\n"
                   "未发现问题。共检查 1 个文件；输入错误 1 个。\n")
    en = concise([cases.input_error()], cases.context(lang="en"))
    assert en.splitlines()[0] == "old.doc: input error: this is a legacy Word (.doc) file; save it as .docx and check again"


def test_several_files_sorted_with_a_summary_each_and_a_total() -> None:
    a = cases.lint(cases.text_report("b.txt", agency=None), only=ALL)
    b = cases.lint(cases.docx_report("a.docx"))
    out = full([a, cases.input_error("c.doc"), b], cases.context(ALL, lang="en"))
    files = [line.split(":", 1)[0] for line in out.splitlines() if line and not line.startswith(" ")]
    first_seen = list(dict.fromkeys(files))
    assert first_seen[:3] == ["a.docx", "b.txt", "c.doc"]
    assert "a.docx: Found 2 problems: 1 error, 1 warning, 0 info." in out.splitlines()
    assert "b.txt: Found 3 problems: 1 error, 1 warning, 1 info. 1 rule skipped; 1 internal error." in out.splitlines()
    assert out.splitlines()[-1] == ("Found 5 problems: 2 errors, 2 warnings, 1 info. 3 files checked; "
                                    "1 rule skipped (--verbose shows why); 1 internal error; 1 input error.")


def test_whole_report_finding_has_no_place() -> None:
    result = cases.lint(cases.text_report(agency=None), only=["RPT110"])
    assert full([result], cases.context(["RPT110"])).splitlines()[0] == "seed.txt: RPT110 [提示] 报告未写明发布机关"


def test_quiet_prints_only_the_findings() -> None:
    result = cases.lint(cases.text_report())
    quiet_full = full([result], cases.context(quiet=True))
    assert quiet_full == FULL_ZH[: FULL_ZH.index("\n\n发现")] + "\n"
    assert concise([result], cases.context(quiet=True)) == "".join(CONCISE_ZH.splitlines(keepends=True)[:2])
    clean = cases.lint(cases.text_report(postcode="255022"), only=["RPT501"])
    assert full([clean], cases.context(["RPT501"], quiet=True)) == ""


def test_statistics_most_frequent_first() -> None:
    a = cases.lint(cases.text_report("a.txt", agency=None), only=("RPT302", "RPT501", "RPT110"))
    b = cases.lint(cases.text_report("b.txt"), only=("RPT501",))
    out = full([a, b], cases.context(("RPT302", "RPT501", "RPT110"), statistics=True, lang="en"))
    lines = out.splitlines()
    start = lines.index("Findings per rule:")
    assert lines[start + 1: start + 4] == ["  2  RPT501  postcode-format", "  1  RPT110  agency-named",
                                           "  1  RPT302  requests-row-total"]
    assert "Findings per rule:" not in full([a, b], cases.context(("RPT302", "RPT501", "RPT110"), lang="en"))


def test_no_ansi_without_colour_and_ansi_with_it() -> None:
    result = cases.lint(cases.text_report(agency=None), only=ALL)
    for reporter in (full, concise):
        plain = reporter([result, cases.input_error()], cases.context(ALL, verbose=True, statistics=True))
        assert "\x1b" not in plain
        coloured = reporter([result, cases.input_error()], cases.context(ALL, verbose=True, statistics=True, color=True))
        assert "\x1b[1mRPT302\x1b[0m" in coloured  # the rule ID in bold
        assert ANSI.sub("", coloured) == plain  # colour changes nothing else
    coloured = full([result], cases.context(ALL, color=True))
    assert "\x1b[31m\x1b[1m[错误]\x1b[0m" in coloured and "\x1b[33m\x1b[1m[警告]\x1b[0m" in coloured


def test_passed_over_files_are_counted_not_listed() -> None:
    from disclosure_lint import LintResult

    skipped_file = LintResult(path="index.html", passed_over=True)
    clean = cases.lint(cases.text_report(postcode="255022"), only=["RPT501"])
    out = full([clean, skipped_file], cases.context(["RPT501"], lang="en"))
    assert out == "All checks passed! 1 file checked; 1 file passed over (not annual reports).\n"
    verbose = full([clean, skipped_file], cases.context(["RPT501"], verbose=True))
    assert "index.html: 已略过：不是政府信息公开工作年度报告" in verbose


def test_text_file_places_show_only_line_and_column() -> None:
    # The text reader records a cell's table position too; the line already says where it is.
    out = full([cases.lint(cases.text_report(grid=True))], cases.context())
    assert "seed.txt:47:2: RPT302" in out
    assert "自然人 = 3（第41行第2列）\n" in out


def test_pdf_places_name_the_page() -> None:
    result = cases.lint(cases.pdf_report())
    lines = concise([result], cases.context()).splitlines()
    assert lines[0] == "seed.pdf:第1页，第4行: RPT501 邮编“25502”不是 6 位数字"
    assert lines[1].startswith("seed.pdf:第5页，第5行: RPT302 表三“予以公开”行")
