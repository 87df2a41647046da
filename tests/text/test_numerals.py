"""One numeral parser for the whole tool (text/numerals.py): every form reports write, read alike
wherever it stands — a year in a title, a date in the statistical period, a count in prose."""

from __future__ import annotations

import pytest

from disclosure_lint.builder.period import parse_period
from disclosure_lint.text.numerals import parse_number
from disclosure_lint.text.titles import parse_year


@pytest.mark.parametrize(("text", "value"), [
    ("二〇二三", 2023), ("二○二三", 2023), ("二零二三", 2023), ("二O二三", 2023), ("二Ｏ二三", 2023),
    ("两", 2), ("十二", 12), ("二十三", 23), ("一百零三", 103), ("一千二百", 1200), ("一万零五", 10005),
    ("２０２３", 2023), ("1,201", 1201),
])
def test_every_form(text: str, value: int) -> None:
    assert parse_number(text) == value
    assert parse_number(text, digit_by_digit=True) == value


@pytest.mark.parametrize(("text", "value"), [("一九九九", 1999), ("二0二三", 2023), ("一二", 12)])
def test_years_and_dates_are_read_digit_by_digit(text: str, value: int) -> None:
    assert parse_number(text) is None  # in prose "三四件" is "three or four", not 34
    assert parse_number(text, digit_by_digit=True) == value


@pytest.mark.parametrize("text", ["", "十十", "二三", "十百", "一万万", "7.5", "件", "①"])
def test_not_numbers(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize("written", ["二〇二三", "二○二三", "二零二三", "2023", "２０２３"])
def test_the_title_and_the_period_read_a_year_alike(written: str) -> None:
    found = parse_year(f"某某局{written}年政府信息公开工作年度报告")
    assert found is not None and found[0] == 2023
    period = parse_period(f"统计期限自{written}年1月1日起至{written}年十二月三十一日止")
    assert period is not None and (period[0].year, period[1].month, period[1].day) == (2023, 12, 31)
