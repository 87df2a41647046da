"""Syntax checks for the other contact fields: postcode, e-mail, web address, street address.

Pragmatic rather than exhaustive: each check accepts what a reader can use and names what is
wrong in words the author understands ("全角＠", "缺少顶级域名"), because the usual defects are
typing slips — a full-width character, a Chinese comma, a missing dot — not exotic RFC corners.
Each returns None when the value is fine, else a (zh, en) reason.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from urllib.parse import urlsplit

Problem = tuple[str, str]

_LOCAL_PART = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
_LABEL = re.compile(r"(?!-)[A-Za-z0-9-]{1,63}(?<!-)")
_TLD = re.compile(r"[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59}")
_WIDE_OR_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def postcode_problem(value: str) -> Problem | None:
    """A postcode is exactly six digits (full-width digits and spaces between them are tolerated)."""
    digits = re.sub(r"\s", "", unicodedata.normalize("NFKC", value))
    if re.fullmatch(r"\d{6}", digits):
        return None
    if digits.isdigit():
        return (f"邮编应为6位数字，实为{len(digits)}位", f"a postcode has six digits, found {len(digits)}")
    return ("邮编应为6位数字，含有数字以外的字符", "a postcode has six digits and nothing else")


def postcode_digits(value: str) -> str | None:
    digits = re.sub(r"\s", "", unicodedata.normalize("NFKC", value))
    return digits if re.fullmatch(r"\d{6}", digits) else None


def domain_problem(host: str) -> Problem | None:
    """A host name: dot-separated labels of letters, digits and hyphens, ending in a TLD."""
    if not host:
        return ("缺少域名", "the domain is missing")
    labels = host.split(".")
    if len(labels) < 2:
        return (f"域名“{host}”缺少“.”和顶级域名", f"the domain '{host}' has no dot and top-level domain")
    if any(not label for label in labels):
        return (f"域名“{host}”中有空的部分（连续的点或首尾的点）", f"the domain '{host}' has an empty label")
    bad = next((label for label in labels if not _LABEL.fullmatch(label)), None)
    if bad is not None:
        return (f"域名中的“{bad}”含有不允许的字符", f"the domain label '{bad}' has characters that are not allowed")
    if not _TLD.fullmatch(labels[-1]):
        return (f"顶级域名“{labels[-1]}”无效", f"the top-level domain '{labels[-1]}' is not valid")
    return None


def email_problem(value: str) -> Problem | None:
    """One @, a dot-atom local part, a domain with a dot and a top-level domain, ASCII only."""
    if "＠" in value:
        return ("使用了全角“＠”，应为半角“@”", "a full-width '＠' is used instead of '@'")
    wide = _WIDE_OR_CJK.search(value)
    if wide:
        return (f"含有全角或中文字符“{wide.group(0)}”", f"contains the full-width or Chinese character '{wide.group(0)}'")
    if re.search(r"\s", value):
        return ("含有空格", "contains white space")
    if value.count("@") != 1:
        return ("应含有且仅含有一个“@”", "must contain exactly one '@'")
    local, domain = value.split("@")
    if not local or len(local) > 64 or not _LOCAL_PART.fullmatch(local):
        return (f"“@”前的用户名“{local}”无效", f"the part before '@' ('{local}') is not valid")
    if len(domain) > 253:
        return ("域名过长", "the domain is too long")
    return domain_problem(domain)


def url_problem(value: str) -> Problem | None:
    """http(s)://host[/path] or a bare host[/path]; the host a domain name, an IP address, or an
    internationalised domain (中文.政务) that encodes to IDNA."""
    wide = re.search(r"[\u3000-\u303f\uff00-\uffef]", value)
    if wide:
        return (f"含有全角字符“{wide.group(0)}”", f"contains the full-width character '{wide.group(0)}'")
    if re.search(r"\s", value):
        return ("含有空格", "contains white space")
    text = value if "://" in value else "http://" + value
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        return ("无法解析为网址", "cannot be parsed as a web address")
    if parts.scheme.lower() not in ("http", "https"):
        return (f"协议“{parts.scheme}”不是 http 或 https", f"the scheme '{parts.scheme}' is not http or https")
    host = parts.hostname or ""
    try:
        ipaddress.ip_address(host)
        return None
    except ValueError:
        pass
    if any(ord(c) > 127 for c in host):
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            return (f"域名“{parts.hostname}”无效", f"the domain '{parts.hostname}' is not valid")
    return domain_problem(host)


# A web value is sometimes a site's name with its address in brackets: take the address out.
_URL_TOKEN = re.compile(r"(?:https?://)?[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+(?::\d+)?(?:/[^\s（）()，,；;。]*)?",
                        re.IGNORECASE)


def web_address(value: str) -> str | None:
    """The web address a 网址/网站 field gives: the value itself, the address inside a site's
    name ("淄博市人民政府网（www.zibo.gov.cn）"), or None when it only names the site."""
    if not re.search(r"[\u3400-\u9fff]", value):
        return value
    if not re.search(r"[A-Za-z0-9]", value) and "." not in value and "．" not in value:
        return None  # "淄博市人民政府门户网站": a name, not an address
    token = _URL_TOKEN.search(value)
    if token:
        return token.group(0)
    return value


# Parts of a postal address that locate it: administrative units, streets, numbers, buildings.
_PLACE_PARTS = re.compile(r"[省市区县旗盟镇乡村路街巷弄道号里]|胡同|大厦|广场|园区|小区|社区|大楼|中心|\d")


def address_is_office_only(address: str, agency: str | None = None) -> bool:
    """True when the address names only an office ("信息公开办公室", "本局办公室"), nothing a
    letter could be sent to. The agency's own name is removed first: "淄博市行政审批服务局办公室"
    names 淄博市 only as part of the agency's name."""
    text = re.sub(r"\s", "", unicodedata.normalize("NFKC", address))
    if agency:
        text = text.replace(re.sub(r"\s", "", unicodedata.normalize("NFKC", agency)), "")
    return bool(text) and not _PLACE_PARTS.search(text)


__all__ = ["address_is_office_only", "domain_problem", "email_problem", "postcode_digits", "postcode_problem",
           "url_problem", "web_address"]
