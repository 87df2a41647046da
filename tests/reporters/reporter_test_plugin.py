"""A small rule pack for the reporter tests: realistic findings of every shape.

Its own prefix (RPT) as any third-party plugin must have. The rules mirror built-in ones closely
enough that the output looks like a real run: a broken row total with its related cells and a fix
hint, a malformed postcode, a whole-report remark, a rule skipped for want of the previous year's
report, and a rule that raises.
"""

from __future__ import annotations

from disclosure_lint import Check, hookimpl, rule
from disclosure_lint.model import Contact, Report, StandardTable

APPLICANTS = ("natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org")


@rule("RPT302", name="requests-row-total", severity="error", tags={"arithmetic", "table3"},
      summary_en="Table 3: a row's total differs from the sum of its six applicant columns.")
def requests_row_total(requests: StandardTable, check: Check) -> None:
    """表三每一行的“总计”须等于六类申请人之和。

    表三各行“总计”列是六类申请人（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他）之和。
    """
    for row in requests.rows.values():
        total = check.total(row.cells[c] for c in APPLICANTS if c in row.cells)
        check.equal(row.cells.get("total"), total, at=row.cells.get("total"),
                    related=total.cells if total else (),
                    zh=f"表三“{row.label}”行“总计”列应为 " + "{expected}（六类申请人之和），实为 {actual}",
                    en=f"Table 3, row {row.key}, column total: expected " + "{expected} (sum of the six applicant "
                       "columns), found {actual}",
                    fix_zh="核对该行六类申请人的数字，更正“总计”", fix_en="check the six applicant columns, then correct the total")


@rule("RPT501", name="postcode-format", severity="warning", tags={"contact"},
      summary_en="The postcode is not six digits.")
def postcode_format(contact: Contact, check: Check) -> None:
    """邮编须为 6 位数字。"""
    field = contact.postcode
    if field is not None and not (len(field.value) == 6 and field.value.isdigit()):
        check.fail(f"邮编“{field.value}”不是 6 位数字", f"postcode '{field.value}' is not six digits",
                   at=field, expected="6 位数字", actual=field.value)


@rule("RPT110", name="agency-named", severity="info", summary_en="The report names no agency.")
def agency_named(report: Report, check: Check) -> None:
    """报告应写明发布机关。"""
    if not report.agency:
        check.fail("报告未写明发布机关", "the report does not name the publishing agency")


@rule("RPT401", name="previous-year-carry-over", severity="warning", summary_en="Carry-over matches last year.")
def previous_year(previous: Report, check: Check) -> None:
    """上年结转数应等于上一年度报告的结转下年度数。"""


@rule("RPT900", name="always-raises", severity="error", summary_en="Always raises (a bug in a plugin).")
def always_raises(report: Report) -> None:
    """总是出错，用于检验内部错误的报告。"""
    raise ZeroDivisionError("division by zero")


@hookimpl
def disclosure_lint_rules() -> list[object]:
    return [requests_row_total, postcode_format, agency_named, previous_year, always_raises]
