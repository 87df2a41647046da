"""DL501–DL509 and their helpers: phone classification, syntax checks, region lookups.

The rules' examples run through the reader and builder (tests/test_rule_examples.py and the
parametrised test below); the other tests pin the logic on reports built by hand, so a builder
change cannot hide a rule bug.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from disclosure_lint import load_report
from disclosure_lint.engine.finding import Finding
from disclosure_lint.engine.linter import Linter
from disclosure_lint.engine.rule import Example, RuleSpec
from disclosure_lint.model import Contact, ContactField, Location, Report, Severity, Text
from disclosure_lint.plugins.manager import Plugins
from disclosure_lint.run.examples import run_example
from disclosure_lint_rules._contact_values import (
    address_is_office_only,
    email_problem,
    postcode_problem,
    url_problem,
    web_address,
)
from disclosure_lint_rules._phones import PhoneKind, parse_phone
from disclosure_lint_rules._regions import area_code, city_codes, mentions, postcode_provinces, retired_codes

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seed.txt"
TITLE = "淄博市行政审批服务局2023年政府信息公开工作年度报告"
AGENCY = "淄博市行政审批服务局"
ADDRESS = "淄博市张店区西四路119号淄博市行政审批服务局信息公开领导小组办公室"
DL5 = ["DL501", "DL502", "DL503", "DL504", "DL505", "DL506", "DL507", "DL508", "DL509"]

_PLUGINS = Plugins(autoload=False)


@pytest.fixture(scope="module")
def linter() -> Linter:
    return _PLUGINS.linter()


def field(label: str, value: str, column: int = 1) -> ContactField:
    return ContactField(label=label, value=value, location=Location(line=3, column=column))


def seed_contact(**changes: object) -> Contact:
    base: dict[str, object] = {
        "address": field("地址", ADDRESS, 70), "postcode": field("邮编", "255022", 108),
        "phones": [field("电话", "0533-2306909", 118)], "email": field("邮箱", "sxzspfwjbgs@zb.shandong.cn", 134),
    }
    base.update(changes)
    return Contact(**base)  # type: ignore[arg-type]


def report(contact: Contact, *, title: str | None = TITLE, agency: str | None = AGENCY,
           year: int | None = 2023) -> Report:
    return Report(title=Text(text=title, location=Location(line=1)) if title else None, agency=agency,
                  title_year=year, contact=contact)


def lint(linter: Linter, rep: Report, *rules: str) -> list[Finding]:
    result = linter.lint_report(rep, only=list(rules) or DL5)
    assert not result.errors, result.errors[0].traceback
    return list(result.findings)


def ids(findings: list[Finding]) -> list[str]:
    return [f.rule_id for f in findings]


# ---- the rules' own examples, through reader and builder ----------------------------------------

def _example_cases() -> list[object]:
    cases = []
    for rule_id in DL5:
        spec = _PLUGINS.rules[rule_id]
        for kind, examples in (("valid", spec.examples.valid), ("invalid", spec.examples.invalid)):
            for i, example in enumerate(examples):
                cases.append(pytest.param(spec, example, kind, id=f"{rule_id}-{kind}-{i}"))
    return cases


@pytest.mark.parametrize(("spec", "example", "kind"), _example_cases())
def test_examples(linter: Linter, spec: RuleSpec, example: Example, kind: str) -> None:
    findings = run_example(linter, spec, example)
    assert len(findings) == (example.expect if kind == "invalid" else 0), [f.message.zh for f in findings]


def test_every_contact_rule_is_registered_with_examples() -> None:
    for rule_id in DL5:
        spec = _PLUGINS.rules[rule_id]
        assert spec.examples.valid and spec.examples.invalid, rule_id
        assert spec.summary and spec.description and spec.summary_en


def test_the_seed_is_clean(linter: Linter) -> None:
    result = linter.lint_report(load_report(SEED), only=DL5)
    assert not result.errors
    assert [f for f in result.findings if f.severity is not Severity.INFO] == []
    assert result.findings == ()


def test_issue_mutations_through_the_whole_pipeline(linter: Linter) -> None:
    """The three mutations the contact rules exist for, with every DL5xx rule selected."""
    from disclosure_lint.engine.rule import sample
    from disclosure_lint.run.examples import build_example

    def found(replace: dict[str, str]) -> list[str]:
        rep = build_example(sample("seed", replace=replace), linter.ruleset.origin.readers())
        return ids(lint(linter, rep))

    assert found({"邮编：255022": "邮编：25502"}) == ["DL503"]
    assert found({"电话：0533-2306909": "电话：2306909"}) == ["DL508"]
    assert found({"邮箱：sxzspfwjbgs@zb.shandong.cn": "邮箱：sxzspfwjbgs＠zb.shandong.cn"}) == ["DL504"]


# ---- phone classification -----------------------------------------------------------------------

@pytest.mark.parametrize(("raw", "kind", "canonical"), [
    ("0533-2306909", PhoneKind.LANDLINE, "0533-2306909"),
    ("0533—2306909", PhoneKind.LANDLINE, "0533-2306909"),
    ("0533－2306909", PhoneKind.LANDLINE, "0533-2306909"),
    ("05332306909", PhoneKind.LANDLINE, "0533-2306909"),
    ("（0533）2306909", PhoneKind.LANDLINE, "0533-2306909"),
    ("０５３３－２３０６９０９", PhoneKind.LANDLINE, "0533-2306909"),
    ("+86 533 2306909", PhoneKind.LANDLINE, "0533-2306909"),
    ("010-12345678", PhoneKind.LANDLINE, "010-12345678"),
    ("020-83123456", PhoneKind.LANDLINE, "020-83123456"),
    ("0533-2306909转8001", PhoneKind.LANDLINE, "0533-2306909"),
    ("0533-2306909-8001", PhoneKind.LANDLINE, "0533-2306909"),
    ("13912345678", PhoneKind.MOBILE, "13912345678"),
    ("12345", PhoneKind.SERVICE, "12345"),
    ("400-123-4567", PhoneKind.SERVICE, "4001234567"),
    ("0533-12345", PhoneKind.SERVICE, "053312345"),
    ("2306909", PhoneKind.LOCAL, None),
    ("23069090", PhoneKind.LOCAL, None),
    ("0533-230690", PhoneKind.INVALID, None),
    ("0300-2306909", PhoneKind.INVALID, None),
    ("1391234567", PhoneKind.INVALID, None),
    ("230690", PhoneKind.INVALID, None),
    ("0533-2306909 张老师", PhoneKind.INVALID, None),
])
def test_parse_phone(raw: str, kind: PhoneKind, canonical: str | None) -> None:
    phone = parse_phone(raw, 2023)
    assert phone.kind is kind, phone
    assert phone.canonical == canonical
    if kind is PhoneKind.INVALID:
        assert phone.problem_zh and phone.problem_en


def test_canonical_form() -> None:
    assert parse_phone("0533-2306909").is_canonical
    assert parse_phone("0533-2306909转8001").is_canonical
    assert parse_phone("0533-2306909-8001").is_canonical
    assert parse_phone("0533-2306909-8001").extension == "8001"
    assert not parse_phone("0533—2306909-8001").is_canonical
    assert not parse_phone("0533 2306909").is_canonical
    assert not parse_phone("（0533）2306909").is_canonical
    assert parse_phone("13912345678").is_canonical  # mobiles have no landline form to miss


def test_problem_names_the_length() -> None:
    phone = parse_phone("0533-230690")
    assert "7或8位" in (phone.problem_zh or "") and "6位" in (phone.problem_zh or "")
    assert phone.area_code == "0533"


def test_retired_area_code_depends_on_the_year() -> None:
    assert retired_codes()["0634"].successor == "0531"
    assert parse_phone("0634-6212345", 2018).kind is PhoneKind.LANDLINE
    assert parse_phone("0634-6212345", 2018).retired is not None
    late = parse_phone("0634-6212345", 2019)
    assert late.kind is PhoneKind.INVALID
    assert "0531" in (late.fix_zh or "") and "2019" in (late.problem_zh or "")
    assert parse_phone("0634-6212345", None).kind is PhoneKind.LANDLINE  # unknown year: not reported
    assert parse_phone("0634-621234", 2018).kind is PhoneKind.INVALID


def test_shared_area_code() -> None:
    phone = parse_phone("2306910", 2023, default_area="0533")
    assert phone.kind is PhoneKind.LANDLINE and phone.area_code == "0533"
    assert parse_phone("230691", 2023, default_area="0533").kind is PhoneKind.INVALID


# ---- postcodes, e-mail, web addresses, street addresses ----------------------------------------

@pytest.mark.parametrize(("value", "ok"), [
    ("255022", True), ("２５５０２２", True), ("255 022", True),
    ("25502", False), ("2550222", False), ("255O22", False), ("", False),
])
def test_postcode(value: str, ok: bool) -> None:
    assert (postcode_problem(value) is None) is ok


@pytest.mark.parametrize(("value", "ok"), [
    ("sxzspfwjbgs@zb.shandong.cn", True), ("zbxzsp@163.com", True), ("a.b-c+d@x.gov.cn", True),
    ("abc@xn--fiqs8s.cn", True),
    ("sxzspfwjbgs＠zb.shandong.cn", False), ("sxzspfwjbgs@zb，shandong.cn", False), ("abc@zbshandongcn", False),
    ("abc.zb.shandong.cn", False), ("a@@b.cn", False), ("a@b@c.cn", False), ("@b.cn", False), ("a..b@c.cn", False),
    ("a@-b.cn", False), ("a@b.c", False), ("a@b.123", False), ("a b@c.cn", False), ("abc@x．cn", False),
    ("邮箱@x.cn", False), ("a@.b.cn", False),
])
def test_email(value: str, ok: bool) -> None:
    assert (email_problem(value) is None) is ok, email_problem(value)


def test_email_problem_names_the_full_width_at() -> None:
    problem = email_problem("a＠b.cn")
    assert problem is not None and "＠" in problem[0]


@pytest.mark.parametrize(("value", "ok"), [
    ("http://www.zibo.gov.cn", True), ("https://www.zibo.gov.cn/col/col1.html?id=3", True), ("www.zibo.gov.cn", True),
    ("zibo.gov.cn/", True), ("http://10.1.2.3:8080/x", True), ("http://淄博.政务", True),
    ("http//www.zibo.gov.cn", False), ("ftp://www.zibo.gov.cn", False), ("www.zibo．gov.cn", False),
    ("wwwzibogovcn", False), ("http://", False), ("http://www.zibo.gov.cn:99999", False), ("www.zibo gov.cn", False),
    ("http://www..cn", False),
])
def test_url(value: str, ok: bool) -> None:
    assert (url_problem(value) is None) is ok, url_problem(value)


def test_web_address_inside_a_site_name() -> None:
    assert web_address("http://www.zibo.gov.cn") == "http://www.zibo.gov.cn"
    assert web_address("淄博市人民政府网（www.zibo.gov.cn）") == "www.zibo.gov.cn"
    assert web_address("淄博市人民政府门户网站") is None


@pytest.mark.parametrize(("address", "agency", "office_only"), [
    (ADDRESS, AGENCY, False),
    ("淄博市张店区西四路119号", None, False),
    ("淄博市行政审批服务局信息公开领导小组办公室", AGENCY, True),
    ("本局办公室", None, True),
    ("信息公开办公室", None, True),
    ("淄博市行政审批服务局办公室", None, False),  # without the agency, 淄博市 reads as a place: not fired
    ("北京市西城区", None, False),
])
def test_address_office_only(address: str, agency: str | None, office_only: bool) -> None:
    assert address_is_office_only(address, agency) is office_only


# ---- regions ------------------------------------------------------------------------------------

def test_area_codes_from_the_geocoder() -> None:
    zibo = area_code("0533")
    assert zibo is not None and zibo.province == "山东省" and zibo.cities == ("淄博市",)
    beijing = area_code("010")
    assert beijing is not None and beijing.province == "北京市"
    assert area_code("0634") is None  # retired: known only through the retired table
    assert area_code("0340") is None  # the geocoder's 034x fallback is not a real code
    assert city_codes()["淄博市"] == frozenset({"0533"})


@pytest.mark.parametrize(("postcode", "provinces"), [
    ("255022", {"山东省"}), ("100017", {"北京市"}), ("200000", {"上海市"}), ("276000", {"山东省"}),
    ("137400", {"吉林省", "内蒙古自治区"}), ("860000", set()), ("25502", set()),
])
def test_postcode_provinces(postcode: str, provinces: set[str]) -> None:
    assert postcode_provinces(postcode) == provinces


def test_mentions() -> None:
    m = mentions(ADDRESS)
    assert m.province == "山东省" and m.city == "淄博市"
    assert mentions("山东省人民政府办公厅").province == "山东省"
    assert mentions("上海市西藏中路1号").provinces == {"上海市"}  # a street named after a province
    assert mentions("青岛市山东路1号").province == "山东省"
    assert mentions("某某县人民政府").provinces == frozenset()
    both = mentions("淄博市驻北京市联络处")
    assert both.province is None


# ---- the rules on hand-made reports -------------------------------------------------------------

def test_hand_made_seed_is_clean(linter: Linter) -> None:
    assert lint(linter, report(seed_contact())) == []


def test_dl501_no_contact(linter: Linter) -> None:
    findings = lint(linter, report(Contact()))
    assert ids(findings) == ["DL501"]
    assert findings[0].severity is Severity.WARNING
    assert ids(lint(linter, report(Contact(postcode=field("邮编", "255022"))), "DL501")) == ["DL501"]
    assert lint(linter, report(Contact(email=field("邮箱", "a@b.cn"))), "DL501") == []


def test_dl502_invalid_and_dl508_supersedes(linter: Linter) -> None:
    bad = lint(linter, report(seed_contact(phones=[field("电话", "0533-230690")])))
    assert ids(bad) == ["DL502"]
    assert bad[0].severity is Severity.ERROR and "0533-230690" in bad[0].message.zh
    assert bad[0].place.pointer == "/contact/phones/0"
    local = lint(linter, report(seed_contact(phones=[field("电话", "2306909")])), "DL502", "DL508")
    assert ids(local) == ["DL508"]
    assert local[0].fix is not None and "0533-2306909" in local[0].fix.zh
    assert _PLUGINS.rules["DL508"].supersedes == {"DL502": "place"}


def test_dl502_retired_code(linter: Linter) -> None:
    phones = [field("电话", "0634-6212345")]
    assert lint(linter, report(seed_contact(phones=phones), year=2018), "DL502") == []
    late = lint(linter, report(seed_contact(phones=phones), year=2020), "DL502")
    assert ids(late) == ["DL502"] and late[0].fix is not None and "0531" in late[0].fix.zh


def test_dl502_second_number_of_a_list(linter: Linter) -> None:
    phones = [field("电话", "0533-2306909", 118), field("电话", "0533-230690", 131)]
    findings = lint(linter, report(seed_contact(phones=phones)), "DL502")
    assert len(findings) == 1 and findings[0].place.pointer == "/contact/phones/1"


def test_dl508_shared_area_code_only_in_the_same_paragraph(linter: Linter) -> None:
    same = [field("电话", "0533-2306909", 118), field("电话", "2306910", 131)]
    assert lint(linter, report(seed_contact(phones=same))) == []
    other = [field("电话", "0533-2306909", 118),
             ContactField(label="电话", value="2306910", location=Location(line=9, column=4))]
    assert ids(lint(linter, report(seed_contact(phones=other)))) == ["DL508"]


def test_dl508_suggests_the_citys_code(linter: Linter) -> None:
    findings = lint(linter, report(seed_contact(phones=[field("电话", "2306909")])), "DL508")
    assert findings[0].fix is not None and "0533-2306909" in findings[0].fix.zh
    anywhere = lint(linter, report(seed_contact(phones=[field("电话", "2306909")], address=None), title=None,
                                   agency=None), "DL508")
    assert len(anywhere) == 1 and "0533-2306909" in (anywhere[0].fix.zh if anywhere[0].fix else "")


def test_dl503_dl504_dl505(linter: Linter) -> None:
    contact = seed_contact(postcode=field("邮编", "25502"), email=field("邮箱", "a＠b.cn"),
                           website=field("网址", "http//www.zibo.gov.cn"))
    findings = lint(linter, report(contact))
    assert sorted(ids(findings)) == ["DL503", "DL504", "DL505"]
    by_id = {f.rule_id: f for f in findings}
    assert by_id["DL503"].severity is Severity.ERROR and "5位" in by_id["DL503"].message.zh
    assert by_id["DL504"].severity is Severity.ERROR
    assert by_id["DL505"].severity is Severity.WARNING
    assert by_id["DL505"].place.pointer == "/contact/website"


def test_dl506_postcode_against_title_and_address(linter: Linter) -> None:
    findings = lint(linter, report(seed_contact(postcode=field("邮编", "100022"))), "DL506")
    assert len(findings) == 1
    assert findings[0].place.pointer == "/contact/postcode"
    assert "北京市" in findings[0].message.zh and "淄博市" in findings[0].message.zh
    assert lint(linter, report(seed_contact(postcode=field("邮编", "266000"))), "DL506") == []


def test_dl506_phone_province_and_city(linter: Linter) -> None:
    beijing = lint(linter, report(seed_contact(phones=[field("电话", "010-12345678")])), "DL506")
    assert len(beijing) == 1 and beijing[0].place.pointer == "/contact/phones/0"
    jinan = lint(linter, report(seed_contact(phones=[field("电话", "0531-86012345")])), "DL506")
    assert len(jinan) == 1 and "0533" in jinan[0].message.zh
    # Only the title names a place: the city comparison still holds.
    title_only = report(seed_contact(phones=[field("电话", "0531-86012345")], address=field("地址", "西四路119号")))
    assert len(lint(linter, title_only, "DL506")) == 1


def test_dl506_without_a_reference_compares_phone_and_postcode(linter: Linter) -> None:
    contact = seed_contact(address=None, postcode=field("邮编", "100022"))
    findings = lint(linter, report(contact, title=None, agency=None), "DL506")
    assert len(findings) == 1 and findings[0].place.pointer == "/contact/postcode"
    assert len(findings[0].related) == 1
    agree = seed_contact(address=None)
    assert lint(linter, report(agree, title=None, agency=None), "DL506") == []


def test_dl506_stays_silent_when_unsure(linter: Linter) -> None:
    # Title and address disagree: no reference, and phone and postcode agree.
    contact = seed_contact(address=field("地址", "北京市西城区西长安街1号"))
    assert lint(linter, report(contact), "DL506") == []
    # A prefix shared by two provinces, a mobile from another province, a retired code in its time.
    hinggan = seed_contact(address=None, postcode=field("邮编", "137400"), phones=[field("电话", "0482-8212345")])
    assert lint(linter, report(hinggan, title=None, agency=None), "DL506") == []
    mobile = seed_contact(phones=[field("手机", "13912345678")])
    assert lint(linter, report(mobile), "DL506") == []
    laiwu = seed_contact(phones=[field("电话", "0634-6212345")])
    assert lint(linter, report(laiwu, year=2018), "DL506") == []
    # A county-level city not in the geocoder's index: province level only.
    county = report(seed_contact(address=field("地址", "山东省邹平市黛溪三路1号"), postcode=field("邮编", "256200")),
                    title="邹平市人民政府2023年政府信息公开工作年度报告", agency="邹平市人民政府")
    assert lint(linter, county, "DL506") == []


def test_dl507_incomplete(linter: Linter) -> None:
    findings = lint(linter, report(seed_contact(postcode=None, email=None)), "DL507")
    assert len(findings) == 1 and findings[0].severity is Severity.INFO
    assert "邮编" in findings[0].message.zh and "电子邮箱" in findings[0].message.zh
    office = lint(linter, report(seed_contact(address=field("地址", "淄博市行政审批服务局信息公开领导小组办公室"))),
                  "DL507")
    assert len(office) == 1 and office[0].place.pointer == "/contact/address"
    assert lint(linter, report(Contact()), "DL507") == []  # DL501's


def test_dl509_canonical_form(linter: Linter) -> None:
    for raw in ("0533—2306909", "0533－2306909", "05332306909", "（0533）2306909", "0533 2306909"):
        findings = lint(linter, report(seed_contact(phones=[field("电话", raw)])))
        assert ids(findings) == ["DL509"], raw
        assert findings[0].fix is not None and findings[0].fix.zh == "改为“0533-2306909”"
        assert findings[0].expected == "0533-2306909"
    for raw in ("13912345678", "12345", "400-123-4567", "0533-2306909"):
        assert lint(linter, report(seed_contact(phones=[field("电话", raw)])), "DL509") == [], raw
