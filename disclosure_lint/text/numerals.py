"""Numbers as reports write them: Arabic digits (half- or full-width, with thousands commas) and
Chinese numerals in every form — positional (十二, 二十三, 一百零五, 一千二百, 一万二千, 两) and digit
by digit (二〇二三, 二○二三, 二零二三, 二O二三).

One parser for the whole tool, so a year in a title, a date in the statistical period and a count
in the prose are read alike. Digit-by-digit numerals are ambiguous in prose ("三四件" is "three or
four", not 34): there they need a written zero; in years and dates (``digit_by_digit=True``) they
are always read. We considered ``cn2an`` (MIT): it spends ~80 ms importing, for what these forty
lines do.
"""

from __future__ import annotations

from .normalize import HALF_WIDTH

# Zero as typed in years: the numeral, the circle, and the letter O a keyboard gives in its place.
ZEROS = "〇零○ＯO"
CN_DIGITS = {**dict.fromkeys(ZEROS, 0), "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
             "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}


def parse_number(text: str, *, digit_by_digit: bool = False) -> int | None:
    """An integer written in Arabic digits ("7", "1,201", "７") or Chinese numerals ("三", "十二",
    "两", "二十三", "一百零五", "一千二百", "一万二千", "二〇二三", "〇"). None when it is not a
    number. ``digit_by_digit``: a year or date, where "一九九九" and "二0二三" are read too."""
    text = text.translate(HALF_WIDTH).replace(",", "").strip()
    if not text:
        return None
    if text.isascii() and text.isdigit():
        return int(text)
    if len(text) > 1 and all(c in CN_DIGITS or (digit_by_digit and c.isascii() and c.isdigit()) for c in text):
        # digit by digit ("二〇二三"); in prose it needs a written zero: "三四件" is not 34
        if not digit_by_digit and not any(c in ZEROS for c in text):
            return None
        return int("".join(str(CN_DIGITS[c]) if c in CN_DIGITS else c for c in text))
    if any(c not in CN_DIGITS and c not in CN_UNITS and c != "万" for c in text):
        return None
    high, sep, low = text.partition("万")
    if not sep:
        return _below_ten_thousand(text)
    if "万" in low:
        return None
    ten_thousands = _below_ten_thousand(high) if high else 1
    rest = _below_ten_thousand(low) if low else 0
    if ten_thousands is None or rest is None:
        return None
    return ten_thousands * 10000 + rest


def _below_ten_thousand(text: str) -> int | None:
    """"一千二百零五" → 1205; a lone unit ("十") counts one of it; digits need a unit between them."""
    total, digit, last_unit = 0, None, 10000
    for c in text:
        if c in CN_DIGITS:
            if digit is not None and CN_DIGITS[c] != 0 and digit != 0:
                return None  # two digits in a row ("二三")
            digit = CN_DIGITS[c]
        else:
            unit = CN_UNITS[c]
            if unit >= last_unit:
                return None  # "十百"
            total += (1 if digit is None else digit) * unit
            digit, last_unit = None, unit
    return total + (digit or 0)


__all__ = ["CN_DIGITS", "CN_UNITS", "ZEROS", "parse_number"]
