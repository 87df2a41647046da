"""DL5xx — the report's own contact details (docs/format.md §8.5).

Only the labelled fields the builder found (地址, 邮编, 电话, 电子邮箱, 网址 and their variants) are
checked; numbers in the body's prose ("“2512345”电话平台", a 12345 hotline) never are. Whether a
report must give contact details is practice, not law, so their absence is a warning (DL501) and
an incomplete set advice (DL507); details that are given and malformed are wrong (DL502–DL504).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from disclosure_lint import Check, Examples, rule, sample
from disclosure_lint.model import Contact, ContactField, Location, Report

from ._contact_values import (
    address_is_office_only,
    email_problem,
    postcode_digits,
    postcode_problem,
    url_problem,
    web_address,
)
from ._phones import Phone, PhoneKind, parse_phone
from ._regions import Mentions, area_code, city_codes, mentions, postcode_provinces, split_description

TAGS = {"contact"}

# The seed's contact details, as edited by the examples below.
_SEED_CONTACT = ("（地址：淄博市张店区西四路119号淄博市行政审批服务局信息公开领导小组办公室；邮编：255022；"
                 "电话：0533-2306909；邮箱：sxzspfwjbgs@zb.shandong.cn）")
_PHONE = "电话：0533-2306909"
_POSTCODE = "邮编：255022"
_EMAIL = "邮箱：sxzspfwjbgs@zb.shandong.cn"
_ADDRESS = "地址：淄博市张店区西四路119号淄博市行政审批服务局信息公开领导小组办公室"
_SEED_TITLE_YEAR = "服务局2023年政府信息公开"


# ---- shared helpers ---------------------------------------------------------------------------

def _same_paragraph(a: Location, b: Location) -> bool:
    """Two fields from one paragraph (their locations differ only in the column)."""
    strip = {"column": None, "end_column": None}
    return a.model_copy(update=strip) == b.model_copy(update=strip)


def parsed_phones(contact: Contact, year: int | None) -> list[tuple[ContactField, Phone]]:
    """Every phone field with what it is. A bare local number written right after a number with
    an area code in the same paragraph ("0533-2306909、2306910") shares that area code."""
    out: list[tuple[ContactField, Phone]] = []
    previous: tuple[ContactField, Phone] | None = None
    for field in contact.phones:
        area = None
        if previous is not None and previous[1].area_code and _same_paragraph(previous[0].location, field.location):
            area = previous[1].area_code
        phone = parse_phone(field.value, year, default_area=area)
        out.append((field, phone))
        previous = (field, phone)
    return out


def _field_zh(field: ContactField) -> str:
    return f"联系方式中的{field.label}“{field.value}”"


def _field_en(field: ContactField, what: str) -> str:
    return f"contact details, {what} '{field.value}'"


# ---- DL501 ------------------------------------------------------------------------------------

@rule("DL501", name="no-contact-details", severity="warning",
      summary_en="The report gives no contact details (no phone, address or e-mail).",
      tags=TAGS,
      examples=Examples(
          valid=[
              sample("seed"),
              sample("seed", replace={_SEED_CONTACT: "（电话：0533-2306909）"}, note="a phone alone is contact details"),
              sample("seed", replace={_SEED_CONTACT: "（邮箱：sxzspfwjbgs@zb.shandong.cn）"},
                     note="an e-mail alone is contact details"),
          ],
          invalid=[
              sample("seed", replace={_SEED_CONTACT: ""}, expect=1,
                     note="no labelled details; “2512345”电话平台 and 咨询电话 in the body are prose, not contact details"),
              sample("seed", replace={_SEED_CONTACT: "（邮编：255022）"}, expect=1,
                     note="a postcode alone reaches nobody"),
          ]))
def no_contact_details(contact: Contact, check: Check) -> None:
    """报告未提供联系方式（电话、地址、电子邮箱均未找到）。

    年度报告通常在开头段落写明“如对报告内容有疑问，请与……联系（地址：……；邮编：……；电话：……；
    邮箱：……）”，便于公众就报告内容咨询。本规则只认带标签的字段（地址、邮编、电话、电子邮箱、网址及
    其常见写法，docs/format.md §8）；正文中提到的热线（如“2512345”电话平台、12345热线）不是报告的联系方式。
    是否必须提供联系方式属于实践惯例而非法定要求，因此为警告。

    The report's own contact details are the labelled fields, normally at the end of the opening
    paragraph. None of phone, address and e-mail was found.
    """
    if contact.phones or contact.address or contact.email:
        return
    check.fail(
        "报告未提供联系方式：开头段落及全文均未找到带标签的电话、地址或电子邮箱（如“电话：0533-2306909”）",
        "The report gives no contact details: no labelled phone, address or e-mail was found "
        "(e.g. '电话：0533-2306909')",
        at="contact",
        fix_zh="建议在开头段落注明咨询联系方式，如“（地址：……；邮编：……；电话：……；邮箱：……）”",
        fix_en="State the contact details in the opening paragraph: （地址：…；邮编：…；电话：…；邮箱：…）")


# ---- DL502 ------------------------------------------------------------------------------------

@rule("DL502", name="invalid-phone-number", severity="error",
      summary_en="A phone number in the contact details is not a valid Chinese number.",
      tags=TAGS,
      examples=Examples(
          valid=[
              sample("seed"),
              sample("seed", replace={_PHONE: "电话：13912345678"}, note="a mobile number"),
              sample("seed", replace={_PHONE: "电话：（0533）2306909"}, note="non-canonical form: DL509, not DL502"),
              sample("seed", replace={_PHONE: "电话：2306909"}, note="a bare local number is DL508's"),
              sample("seed", replace={_PHONE: "咨询电话：12345"}, note="a service number"),
              sample("seed", replace={_PHONE: "电话：400-123-4567"}, note="a 400 service number"),
              sample("seed", replace={_PHONE: "电话：0533-2306909、2306910"},
                     note="the second number shares the first one's area code"),
              sample("seed", replace={_PHONE: "电话：0634-6212345", _SEED_TITLE_YEAR: "服务局2018年政府信息公开"},
                     note="0634 (莱芜) was still in use in 2018"),
          ],
          invalid=[
              sample("seed", replace={_PHONE: "电话：0533-230690"}, expect=1, note="six digits after 0533"),
              sample("seed", replace={_PHONE: "电话：0533-2306909、0533-230690"}, expect=1,
                     note="the second of two numbers is short"),
              sample("seed", replace={_PHONE: "电话：1391234567"}, expect=1, note="a mobile number one digit short"),
              sample("seed", replace={_PHONE: "电话：0300-2306909"}, expect=1, note="no such area code"),
              sample("seed", replace={_PHONE: "电话：0634-6212345"}, expect=1,
                     note="0634 was merged into 0531 in 2019, before this 2023 report"),
          ]))
def invalid_phone_number(report: Report, contact: Contact, check: Check) -> None:
    """联系方式中的电话号码不是有效的中国电话号码（位数不对、区号不存在或已停用）。

    固定电话应为“0+区号（010、02X为两位，其余三位）+7或8位号码”，手机号码为以1开头的11位数字，
    12345、400等服务号码也视为有效。号码有效性按 phonenumbers 库的编号规则逐区号校验。已撤并的区号
    （如莱芜0634于2019年并入济南0531）对撤并之前年度的报告仍然有效；之后仍使用的，报告错误并提示新区号。
    缺少区号的本地号码由 DL508 报告，写法不规范由 DL509 提示。

    Landlines are checked per area code with `phonenumbers`; a retired area code is accepted for
    report years before its retirement.
    """
    for field, phone in parsed_phones(contact, report.year):
        if phone.kind is not PhoneKind.INVALID:
            continue
        check.fail(
            f"{_field_zh(field)}不是有效的电话号码：{phone.problem_zh}",
            f"{_field_en(field, 'phone')} is not a valid Chinese phone number: {phone.problem_en}",
            at=field, actual=field.value, fix_zh=phone.fix_zh, fix_en=phone.fix_en)


# ---- DL503 ------------------------------------------------------------------------------------

@rule("DL503", name="invalid-postcode", severity="error",
      summary_en="The postcode in the contact details is not six digits.",
      tags=TAGS,
      examples=Examples(
          valid=[
              sample("seed"),
              sample("seed", replace={_POSTCODE: "邮政编码：255022"}, note="another label"),
              sample("seed", replace={_POSTCODE: "邮编：２５５０２２"}, note="full-width digits are still six digits"),
          ],
          invalid=[
              sample("seed", replace={_POSTCODE: "邮编：25502"}, expect=1, note="five digits"),
              sample("seed", replace={_POSTCODE: "邮编：2550222"}, expect=1, note="seven digits"),
              sample("seed", replace={_POSTCODE: "邮编：255O22"}, expect=1, note="a letter O for a zero"),
          ]))
def invalid_postcode(contact: Contact, check: Check) -> None:
    """联系方式中的邮政编码不是6位数字。

    中国邮政编码为6位数字，前两位表示省份（如25–27为山东）。少写、多写一位或混入字母的邮编会导致信件无法
    投递。

    A Chinese postcode is exactly six digits.
    """
    field = contact.postcode
    if field is None:
        return
    problem = postcode_problem(field.value)
    if problem:
        check.fail(f"{_field_zh(field)}无效：{problem[0]}", f"{_field_en(field, 'postcode')} is not valid: {problem[1]}",
                   at=field, expected="6位数字", actual=field.value)


# ---- DL504 ------------------------------------------------------------------------------------

@rule("DL504", name="invalid-email", severity="error",
      summary_en="The e-mail address in the contact details is not syntactically valid.",
      tags=TAGS,
      examples=Examples(
          valid=[
              sample("seed"),
              sample("seed", replace={_EMAIL: "E-mail：zbxzsp@163.com"}, note="another label and provider"),
              sample("seed", replace={_EMAIL: "电子邮箱：sxzs.pfw-jbgs@zb.shandong.cn"}, note="dots and hyphens"),
          ],
          invalid=[
              sample("seed", replace={_EMAIL: "邮箱：sxzspfwjbgs＠zb.shandong.cn"}, expect=1, note="full-width ＠"),
              sample("seed", replace={_EMAIL: "邮箱：sxzspfwjbgs@zb，shandong.cn"}, expect=1,
                     note="a Chinese comma inside the domain"),
              sample("seed", replace={_EMAIL: "邮箱：sxzspfwjbgs@zbshandongcn"}, expect=1, note="no dot in the domain"),
              sample("seed", replace={_EMAIL: "邮箱：sxzspfwjbgs.zb.shandong.cn"}, expect=1, note="no @"),
          ]))
def invalid_email(contact: Contact, check: Check) -> None:
    """联系方式中的电子邮箱地址格式不正确。

    有效的邮箱地址含且仅含一个半角“@”，“@”前为用户名，“@”后为含“.”和顶级域名的域名，全部为半角字符。
    常见错误是全角“＠”“．”、中文逗号、漏写“.”或“@”。

    One '@', a valid user name before it, a domain with a dot and a top-level domain after it,
    ASCII only.
    """
    field = contact.email
    if field is None:
        return
    problem = email_problem(field.value)
    if problem:
        check.fail(f"{_field_zh(field)}格式不正确：{problem[0]}", f"{_field_en(field, 'e-mail')} is not valid: {problem[1]}",
                   at=field, actual=field.value)


# ---- DL505 ------------------------------------------------------------------------------------

_WITH_SITE = "邮箱：sxzspfwjbgs@zb.shandong.cn；网址：{}"


@rule("DL505", name="invalid-web-address", severity="warning",
      summary_en="The web address in the contact details does not parse.",
      tags=TAGS,
      examples=Examples(
          valid=[
              sample("seed", note="no web address given"),
              sample("seed", replace={_EMAIL: _WITH_SITE.format("http://www.zibo.gov.cn")}),
              sample("seed", replace={_EMAIL: _WITH_SITE.format("www.zibo.gov.cn/col/col1.html")}, note="a bare domain"),
              sample("seed", replace={_EMAIL: "邮箱：sxzspfwjbgs@zb.shandong.cn；门户网站：淄博市人民政府网"},
                     note="the site is named, not addressed"),
          ],
          invalid=[
              sample("seed", replace={_EMAIL: _WITH_SITE.format("http//www.zibo.gov.cn")}, expect=1,
                     note="colon missing after http"),
              sample("seed", replace={_EMAIL: _WITH_SITE.format("www.zibo．gov.cn")}, expect=1, note="a full-width dot"),
              sample("seed", replace={_EMAIL: _WITH_SITE.format("ftp://www.zibo.gov.cn")}, expect=1,
                     note="not a web scheme"),
          ]))
def invalid_web_address(contact: Contact, check: Check) -> None:
    """联系方式中的网址无法解析。

    网址应为 http:// 或 https:// 开头的地址，或直接写域名（如 www.zibo.gov.cn）；域名须含“.”和有效的
    顶级域名，且不含全角字符或空格。只写网站名称（如“门户网站：淄博市人民政府网”）不检查。

    http(s)://host or a bare domain, parsed with urllib.parse; the host must be a valid domain.
    """
    field = contact.website
    if field is None:
        return
    address = web_address(field.value)
    if address is None:
        return
    problem = url_problem(address)
    if problem:
        check.fail(f"{_field_zh(field)}无法解析为网址：{problem[0]}",
                   f"{_field_en(field, 'web address')} does not parse: {problem[1]}", at=field, actual=field.value)


# ---- DL506 ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Reference:
    """The province (and city) the title and the address agree on, and which of them name it."""

    province: str
    city: str | None
    nodes: tuple[Any, ...]  # the title and/or address field, for ``related``
    zh: str  # "标题和地址"
    en: str  # "the title and the address"

    @property
    def place(self) -> str:
        return f"{self.city}（{self.province}）" if self.city else self.province


def _reference(report: Report) -> _Reference | None:
    """Where the title (the agency's name) and the address say the agency is.

    A source naming several provinces or cities says nothing; sources that disagree leave no
    reference at all (a provincial office's branch, an address in the capital): then only phone
    and postcode are compared.
    """
    sources: list[tuple[Any, Mentions, str, str]] = []
    title_text = report.agency or (report.title.text if report.title else "")
    if title_text:
        sources.append((report.title, mentions(title_text), "标题", "the title"))
    if report.contact.address is not None:
        sources.append((report.contact.address, mentions(report.contact.address.value), "地址", "the address"))
    if any(len(m.provinces) > 1 for _, m, _, _ in sources):
        return None
    naming = [(node, m, zh, en) for node, m, zh, en in sources if m.province]
    provinces = {m.province for _, m, _, _ in naming}
    if len(provinces) != 1:
        return None
    cities = {m.city for _, m, _, _ in naming if m.city}
    ambiguous = any(len(m.cities) > 1 for _, m, _, _ in naming)
    return _Reference(
        province=provinces.pop() or "", city=cities.pop() if len(cities) == 1 and not ambiguous else None,
        nodes=tuple(node for node, _, _, _ in naming if node is not None),
        zh="和".join(zh for _, _, zh, _ in naming), en=" and ".join(en for _, _, _, en in naming))


def _phone_province(phone: Phone) -> tuple[str | None, str | None]:
    """Province and the geocoder's wording for a landline's area code."""
    if phone.area_code is None:
        return None, None
    if phone.retired is not None:
        province, _ = split_description(phone.retired.place)
        return province, phone.retired.place
    entry = area_code(phone.area_code)
    return (entry.province, entry.description) if entry else (None, None)


@rule("DL506", name="contact-region-mismatch", severity="warning",
      summary_en="The phone's area code, the postcode and the place named in the title or address point to "
                 "different provinces (or cities).",
      tags=TAGS,
      examples=Examples(
          valid=[
              sample("seed"),
              sample("seed", replace={_POSTCODE: "邮编：266000"},
                     note="a 青岛 postcode is still 山东: postcodes are compared at province level"),
              sample("seed", replace={_PHONE: "电话：13912345678"}, note="a mobile's home area is not compared"),
              sample("seed", replace={_PHONE: "电话：0533-12345"}, note="a service number dialled with the area code"),
          ],
          invalid=[
              sample("seed", replace={_POSTCODE: "邮编：100022"}, expect=1, note="a 北京 postcode for a 淄博 office"),
              sample("seed", replace={_PHONE: "电话：010-12345678"}, expect=1, note="a 北京 area code"),
              sample("seed", replace={_PHONE: "电话：0531-86012345"}, expect=1,
                     note="济南's area code, while title and address name 淄博市 (0533)"),
          ]))
def contact_region_mismatch(report: Report, contact: Contact, check: Check) -> None:
    """电话区号、邮政编码与标题或地址中的地名指向不同的省份（或城市）。

    以标题（报告单位名称）和地址中写明的省、市为参照：固定电话的区号（按 phonenumbers 的地理编码，如
    0533 → 山东省淄博市）和邮编（前两位，如25–27为山东）应在同一省份。邮编数据和行政区划会变化，因此默认只
    在省级比较；只有标题和地址写明的地级市一致（或只有其中之一写明）、且该市有独立区号时，才比较电话区号
    是否属于该市。标题和地址均未写明地名、或两者指向不同省份时，只比较电话与邮编。手机号码的归属地不作比较。

    Compared at province level; city level only for a landline against a prefecture-level city
    that the title and address agree on and that has its own area code.
    """
    phones = [(f, p) for f, p in parsed_phones(contact, report.year)
              if p.kind in (PhoneKind.LANDLINE, PhoneKind.SERVICE) and p.area_code]
    ref = _reference(report)
    postcode = postcode_digits(contact.postcode.value) if contact.postcode else None
    post_provinces = postcode_provinces(postcode) if postcode else frozenset()
    if ref is not None:
        for field, phone in phones:
            province, where = _phone_province(phone)
            if province is None:
                continue
            if province != ref.province:
                check.fail(
                    f"{_field_zh(field)}的区号{phone.area_code}属于{where}，与{ref.zh}所示的{ref.place}不符",
                    f"{_field_en(field, 'phone')}: area code {phone.area_code} is in {where}, but {ref.en} "
                    f"point to {ref.place}", at=field, related=ref.nodes, expected=ref.province, actual=where)
                continue
            codes = city_codes().get(ref.city or "", frozenset())
            if codes and phone.retired is None and phone.area_code not in codes:
                listed = "、".join(sorted(codes))
                check.fail(
                    f"{_field_zh(field)}的区号{phone.area_code}属于{where}，与{ref.zh}所示的{ref.city}"
                    f"（区号{listed}）不符",
                    f"{_field_en(field, 'phone')}: area code {phone.area_code} is in {where}, but {ref.en} "
                    f"point to {ref.city} (area code {', '.join(sorted(codes))})",
                    at=field, related=ref.nodes, expected=listed, actual=phone.area_code)
        if contact.postcode is not None and postcode and post_provinces and ref.province not in post_provinces:
            names = "或".join(sorted(post_provinces))
            check.fail(
                f"{_field_zh(contact.postcode)}的前两位“{postcode[:2]}”属于{names}，与{ref.zh}所示的{ref.place}不符",
                f"contact details, postcode '{contact.postcode.value}': prefix {postcode[:2]} is used in {names}, "
                f"but {ref.en} point to {ref.place}",
                at=contact.postcode, related=ref.nodes, expected=ref.province, actual=postcode)
        return
    if contact.postcode is None or not post_provinces:
        return
    for field, phone in phones:
        province, where = _phone_province(phone)
        if province is not None and province not in post_provinces:
            names = "或".join(sorted(post_provinces))
            check.fail(
                f"{_field_zh(contact.postcode)}属于{names}，而{_field_zh(field)}的区号{phone.area_code}属于{where}，"
                "两者指向不同省份",
                f"contact details: postcode '{contact.postcode.value}' is in {names} but the area code "
                f"{phone.area_code} of phone '{field.value}' is in {where}",
                at=contact.postcode, related=[field], expected=province, actual=names)
            return


# ---- DL507 ------------------------------------------------------------------------------------

_FIELD_NAMES = (("address", "地址", "address"), ("postcode", "邮编", "postcode"), ("phones", "电话", "phone"),
                ("email", "电子邮箱", "e-mail"))


@rule("DL507", name="incomplete-contact-details", severity="info",
      summary_en="The contact details lack one of 地址, 邮编, 电话, 电子邮箱, or the address is only an office name.",
      tags=TAGS,
      examples=Examples(
          valid=[
              sample("seed"),
              sample("seed", replace={_ADDRESS: "地址：淄博市张店区西四路119号"}, note="a street address alone"),
              sample("seed", replace={_EMAIL: _WITH_SITE.format("http://www.zibo.gov.cn")},
                     note="a web address is welcome but not required"),
              sample("seed", replace={_SEED_CONTACT: ""}, note="no contact details at all is DL501's"),
          ],
          invalid=[
              sample("seed", replace={"邮编：255022；": ""}, expect=1, note="no postcode"),
              sample("seed", replace={"邮编：255022；": "", f"；{_EMAIL}": ""}, expect=1,
                     note="no postcode and no e-mail: one finding naming both"),
              sample("seed", replace={_ADDRESS: "地址：淄博市行政审批服务局信息公开领导小组办公室"}, expect=1,
                     note="the address is only the agency's office"),
          ]))
def incomplete_contact_details(report: Report, contact: Contact, check: Check) -> None:
    """联系方式不完整：缺少地址、邮编、电话、电子邮箱之一，或地址只写了办公室名称。

    完整的联系方式便于公众以信函、电话、邮件等方式咨询。地址应能据以投递信件：只写“××局办公室”而
    没有市、区、街道、门牌号等内容的，视为不完整。完全没有联系方式的由 DL501 报告。网址不作要求。

    A full set is address, postcode, phone and e-mail; an address must say where the office is,
    not only which office it is.
    """
    if not (contact.phones or contact.address or contact.email):
        return  # DL501
    missing = [(zh, en) for attr, zh, en in _FIELD_NAMES if not getattr(contact, attr)]
    if missing:
        check.fail(
            f"联系方式不完整：缺少{'、'.join(zh for zh, _ in missing)}",
            f"The contact details are incomplete: no {', '.join(en for _, en in missing)}",
            at=contact, actual="、".join(zh for zh, _ in missing),
            fix_zh="建议补齐地址、邮编、电话和电子邮箱", fix_en="Give address, postcode, phone and e-mail")
    if contact.address is not None and address_is_office_only(contact.address.value, report.agency):
        check.fail(
            f"{_field_zh(contact.address)}只有办公室名称，没有所在市、区、街道和门牌号",
            f"{_field_en(contact.address, 'address')} names only an office, not where it is "
            "(city, district, street, number)",
            at=contact.address, actual=contact.address.value,
            fix_zh="建议写明完整的通信地址，如“淄博市张店区西四路119号”",
            fix_en="Give the full postal address (city, district, street and number)")


# ---- DL508 ------------------------------------------------------------------------------------

def _suggest_area(report: Report, contact: Contact, phones: list[tuple[ContactField, Phone]]) -> str | None:
    """The area code the author probably left out: another phone's, else the single code of the
    city the title and address name."""
    codes = {p.area_code for _, p in phones if p.kind is PhoneKind.LANDLINE and p.area_code}
    if len(codes) == 1:
        return codes.pop()
    ref = _reference(report)
    city_set = city_codes().get(ref.city or "", frozenset()) if ref else frozenset()
    return next(iter(city_set)) if len(city_set) == 1 else None


@rule("DL508", name="phone-without-area-code", severity="warning",
      summary_en="A landline is given without its area code (a 7- or 8-digit local number).",
      tags=TAGS,
      supersedes={"DL502": "place"},
      examples=Examples(
          valid=[
              sample("seed"),
              sample("seed", replace={_PHONE: "电话：（0533）2306909"}, note="the area code in brackets"),
              sample("seed", replace={_PHONE: "电话：0533-2306909、2306910"},
                     note="the second number shares the first one's area code"),
              sample("seed", replace={_PHONE: "咨询电话：12345"}, note="a service number needs no area code"),
              sample("seed", replace={_PHONE: "电话：13912345678"}, note="a mobile number"),
          ],
          invalid=[
              sample("seed", replace={_PHONE: "电话：2306909"}, expect=1, note="seven digits, no area code"),
              sample("seed", replace={_PHONE: "电话：23069090"}, expect=1, note="eight digits, no area code"),
          ]))
def phone_without_area_code(report: Report, contact: Contact, check: Check) -> None:
    """固定电话未写区号（只有7或8位本地号码），外地公众无法直接拨打。

    报告面向全国公开，联系电话应写明区号，如“0533-2306909”。同一字段中紧跟在带区号号码之后的号码
    （如“0533-2306909、2306910”）视为沿用前一个区号。本规则与 DL502 描述的是同一问题时只报告本规则。

    A public report is read outside the city: a landline needs its area code.
    """
    phones = parsed_phones(contact, report.year)
    area = _suggest_area(report, contact, phones)
    for field, phone in phones:
        if phone.kind is not PhoneKind.LOCAL:
            continue
        fix_zh = f"请补充区号，如“{area}-{phone.local}”" if area else "请在号码前补充区号，如“0533-2306909”"
        fix_en = f"add the area code, e.g. '{area}-{phone.local}'" if area else "add the area code, e.g. '0533-2306909'"
        check.fail(
            f"{_field_zh(field)}缺少区号（只有{len(phone.local or '')}位本地号码），外地公众无法拨打",
            f"{_field_en(field, 'phone')} has no area code (only the {len(phone.local or '')}-digit local number): "
            "it cannot be dialled from outside the city",
            at=field, actual=field.value, fix_zh=fix_zh, fix_en=fix_en)


# ---- DL509 ------------------------------------------------------------------------------------

@rule("DL509", name="phone-not-canonical", severity="info",
      summary_en="A landline is not written in the canonical form area code-hyphen-number (0533-2306909).",
      tags=TAGS,
      examples=Examples(
          valid=[
              sample("seed"),
              sample("seed", replace={_PHONE: "电话：13912345678"}, note="mobile numbers are written as 11 digits"),
              sample("seed", replace={_PHONE: "咨询电话：12345"}, note="a service number"),
              sample("seed", replace={_PHONE: "电话：400-123-4567"}, note="a 400 service number"),
              sample("seed", replace={_PHONE: "电话：2306909"}, note="no area code at all is DL508's"),
              sample("seed", replace={_PHONE: "电话：0533-230690"}, note="an invalid number is DL502's"),
          ],
          invalid=[
              sample("seed", replace={_PHONE: "电话：0533—2306909"}, expect=1, note="an em dash"),
              sample("seed", replace={_PHONE: "电话：0533－2306909"}, expect=1, note="a full-width hyphen"),
              sample("seed", replace={_PHONE: "电话：05332306909"}, expect=1, note="no separator"),
              sample("seed", replace={_PHONE: "电话：（0533）2306909"}, expect=1, note="the area code in brackets"),
          ]))
def phone_not_canonical(report: Report, contact: Contact, check: Check) -> None:
    """固定电话未按“区号-号码”的规范形式书写（如“0533—2306909”“（0533）2306909”）。

    规范写法为区号、半角连字符、本地号码，如“0533-2306909”。破折号、全角连字符、括号或不加分隔符的写法
    虽可辨认，但不便复制拨号和检索。手机号码（11位）和服务号码不适用本规则。

    Canonical: area code, ASCII hyphen, local number.
    """
    for field, phone in parsed_phones(contact, report.year):
        if phone.kind is not PhoneKind.LANDLINE or phone.is_canonical or phone.canonical == phone.local:
            continue
        check.fail(
            f"{_field_zh(field)}的写法不规范，应写作“{phone.canonical}”",
            f"{_field_en(field, 'phone')} is not in the canonical form; write '{phone.canonical}'",
            at=field, expected=phone.canonical, actual=phone.core,
            fix_zh=f"改为“{phone.canonical}”", fix_en=f"write '{phone.canonical}'")
