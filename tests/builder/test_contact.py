"""Contact extraction: labelled fields only, values as written, located to the column."""

from __future__ import annotations

import pytest

from disclosure_lint.builder.contact import extract_contact, find_fields, has_contact_fields
from disclosure_lint.model import Location, Text

SEED_INTRO = ("本年度报告中所列数据的统计期限自2023年1月1日起，至2023年12月31日止。如对报告内容有疑问，请与淄博市"
              "行政审批服务局联系（地址：淄博市张店区西四路119号淄博市行政审批服务局信息公开领导小组办公室；邮编："
              "255022；电话：0533-2306909；邮箱：sxzspfwjbgs@zb.shandong.cn）。")


def fields(text: str) -> list[tuple[str, str, str]]:
    return [(f.kind, f.label, f.value) for f in find_fields(text)]


def test_seed_contact_line() -> None:
    contact = extract_contact([Text(text=SEED_INTRO, location=Location(line=3, column=1))])
    assert contact.address is not None
    assert contact.address.value == "淄博市张店区西四路119号淄博市行政审批服务局信息公开领导小组办公室"
    assert contact.postcode is not None and contact.postcode.value == "255022"
    assert [p.value for p in contact.phones] == ["0533-2306909"]
    assert contact.email is not None and contact.email.value == "sxzspfwjbgs@zb.shandong.cn"
    assert contact.website is None
    # Column of the value start: the paragraph starts at column 1 of line 3.
    phone = contact.phones[0]
    assert phone.location.line == 3
    assert SEED_INTRO[phone.location.column - 1:phone.location.end_column - 1] == "0533-2306909"
    assert contact.email.location.column == SEED_INTRO.index("sxzspfwjbgs") + 1


def test_column_offset_follows_the_paragraph_indent() -> None:
    text = "电话：0533-2306909"
    contact = extract_contact([Text(text=text, location=Location(line=7, column=5))])
    assert contact.phones[0].location.column == 5 + text.index("0533")
    assert contact.phones[0].location.end_column == 5 + len(text)


def test_location_without_lines_is_kept_as_is() -> None:
    loc = Location(paragraph=2)
    contact = extract_contact([Text(text="电话：0533-2306909", location=loc)])
    assert contact.phones[0].location == loc


def test_value_on_a_later_line_of_the_paragraph() -> None:
    text = "联系方式如下\n电话：0533-2306909"
    contact = extract_contact([Text(text=text, location=Location(line=10, column=3))])
    assert contact.phones[0].location.line == 11
    assert contact.phones[0].location.column == 4


@pytest.mark.parametrize(("text", "expected"), [
    ("通信地址：北京市西城区西长安街1号　邮政编码：100017　联系电话：010-12345678　E-mail：abc@x.gov.cn",
     [("address", "通信地址", "北京市西城区西长安街1号"), ("postcode", "邮政编码", "100017"),
      ("phone", "联系电话", "010-12345678"), ("email", "E-mail", "abc@x.gov.cn")]),
    ("通讯地址:济南市历下区1号;邮编号码:250000;电话号码:0531-86012345;电子信箱:a@b.cn",
     [("address", "通讯地址", "济南市历下区1号"), ("postcode", "邮编号码", "250000"),
      ("phone", "电话号码", "0531-86012345"), ("email", "电子信箱", "a@b.cn")]),
    ("咨询电话：12345，门户网站：http://www.zibo.gov.cn。",
     [("phone", "咨询电话", "12345"), ("website", "门户网站", "http://www.zibo.gov.cn")]),
    ("Email: foo@bar.cn 欢迎来信", [("email", "Email", "foo@bar.cn")]),
    ("ＥＭＡＩＬ：foo@bar.cn", [("email", "ＥＭＡＩＬ", "foo@bar.cn")]),
    ("网址：www.zibo.gov.cn", [("website", "网址", "www.zibo.gov.cn")]),
    ("网站：淄博市人民政府网（www.zibo.gov.cn）", [("website", "网站", "淄博市人民政府网（www.zibo.gov.cn）")]),
])
def test_label_variants(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert fields(text) == expected


def test_several_phones_in_one_field() -> None:
    got = fields("电话：0533-2306909、0533-2306910；邮编：255022")
    assert got == [("phone", "电话", "0533-2306909"), ("phone", "电话", "0533-2306910"),
                   ("postcode", "邮编", "255022")]
    assert fields("电话：0533-2306909/2306910") == [("phone", "电话", "0533-2306909"), ("phone", "电话", "2306910")]
    assert fields("电话：0533-2306909 0533-2306910") == [("phone", "电话", "0533-2306909"),
                                                      ("phone", "电话", "0533-2306910")]


def test_phone_forms_are_kept_as_written() -> None:
    assert fields("电话：（0533）2306909，手机：13912345678") == [
        ("phone", "电话", "（0533）2306909"), ("phone", "手机", "13912345678")]
    assert fields("电话：0533—2306909") == [("phone", "电话", "0533—2306909")]
    assert fields("电话：０５３３－２３０６９０９。") == [("phone", "电话", "０５３３－２３０６９０９")]
    assert fields("电话：0533-2306909转8001（工作日）") == [("phone", "电话", "0533-2306909转8001")]
    assert fields("电话（传真）：0533-2306909") == [("phone", "电话", "0533-2306909")]


def test_stop_labels_end_values_and_are_not_fields() -> None:
    assert fields("地址：淄博市张店区西四路119号 传真：0533-2306908 电话：0533-2306909") == [
        ("address", "地址", "淄博市张店区西四路119号"), ("phone", "电话", "0533-2306909")]
    assert fields("传真电话：0533-2306908") == []
    assert fields("地址：淄博市张店区西四路119号联系人：张三") == [("address", "地址", "淄博市张店区西四路119号")]
    assert fields("地址：淄博市张店区西四路119号 受理部门：办公室") == [("address", "地址", "淄博市张店区西四路119号")]


def test_brackets_opened_inside_a_value_stay_with_it() -> None:
    assert fields("（地址：西四路119号（市民中心B座）；电话：0533-2306909）") == [
        ("address", "地址", "西四路119号（市民中心B座）"), ("phone", "电话", "0533-2306909")]


def test_malformed_email_is_kept_whole() -> None:
    assert fields("邮箱：sxzspfwjbgs＠zb.shandong.cn）") == [("email", "邮箱", "sxzspfwjbgs＠zb.shandong.cn")]
    assert fields("邮箱：sxzspfwjbgs@zb，shandong.cn）") == [("email", "邮箱", "sxzspfwjbgs@zb，shandong.cn")]
    assert fields("邮箱：abc，def@x.cn。") == [("email", "邮箱", "abc，def@x.cn")]
    # A comma after a complete address is punctuation.
    assert fields("邮箱：a@b.cn，欢迎来信") == [("email", "邮箱", "a@b.cn")]


def test_numbers_in_prose_are_not_contact_details() -> None:
    prose = ("四是打造智慧化审批服务咨询新模式。“2512345”电话平台，以集中客服+窗口客服的模式，及时接听、流转咨询"
             "电话；申请受理渠道以及咨询电话畅通，拨打12345政务服务便民热线电话。")
    assert find_fields(prose) == []
    assert not has_contact_fields(prose)
    assert extract_contact([Text(text=prose)]).is_empty


def test_footer_line() -> None:
    contact = extract_contact([Text(text="主办单位：淄博市行政审批服务局  地址：淄博市张店区西四路119号  "
                                         "电话：0533-2306909")])
    assert contact.address is not None and contact.address.value == "淄博市张店区西四路119号"
    assert [p.value for p in contact.phones] == ["0533-2306909"]


def test_the_first_block_with_fields_wins() -> None:
    intro = Text(text="如有疑问请联系（电话：0533-2306909；邮箱：a@zb.gov.cn）。", location=Location(line=3))
    body = Text(text="开通热线电话：0533-12345，网址：www.zibo.gov.cn。", location=Location(line=9))
    contact = extract_contact([intro, Text(text="一、总体情况"), body])
    assert [p.value for p in contact.phones] == ["0533-2306909"]
    assert contact.website is None


def test_a_contact_block_over_several_lines() -> None:
    lines = ["地址：淄博市张店区西四路119号", "邮编：255022", "电话：0533-2306909", "邮箱：a@zb.gov.cn", "一、总体情况",
             "网址：www.other.cn"]
    contact = extract_contact([Text(text=t, location=Location(line=i + 1)) for i, t in enumerate(lines)])
    assert contact.address is not None and contact.postcode is not None and contact.email is not None
    assert contact.phones[0].location.line == 3
    assert contact.website is None  # after the block ended


def test_first_single_field_kept_and_phones_deduplicated() -> None:
    contact = extract_contact([Text(text="电话：0533-2306909；邮编：255022；电话：0533-2306909；邮编：255000")])
    assert [p.value for p in contact.phones] == ["0533-2306909"]
    assert contact.postcode is not None and contact.postcode.value == "255022"


def test_empty_values_are_skipped() -> None:
    assert fields("电话：；邮箱：") == []
    assert fields("电话：暂无") == []


def test_seed_report_contact_via_the_builder() -> None:
    from pathlib import Path

    from disclosure_lint import load_report

    report = load_report(Path(__file__).resolve().parent.parent / "fixtures" / "seed.txt")
    assert report.contact.postcode is not None and report.contact.postcode.value == "255022"
    assert [p.value for p in report.contact.phones] == ["0533-2306909"]
    assert report.contact.phones[0].location.line == 3
