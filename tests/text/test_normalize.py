"""The fast text keys of text/normalize.py give exactly what the plain definitions give: NFKC by
unicodedata, and str.translate for the character tables."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from disclosure_lint.text import normalize as n

ROOT = Path(__file__).resolve().parents[2]
# Characters where NFKC does something: compatibility forms, combining marks and what they compose
# with, Hangul jamo, full-width and half-width forms, and the report's own Chinese.
ALPHABET = st.sampled_from(
    [chr(c) for c in (*range(0x20, 0x80), *range(0xA0, 0x180), *range(0x300, 0x370), *range(0x1100, 0x1176),
                      *range(0x2000, 0x2070), *range(0x2460, 0x2480), *range(0x3000, 0x3040), *range(0x3200, 0x3260),
                      *range(0xF900, 0xF920), *range(0xFE30, 0xFE70), *range(0xFF00, 0xFFF0))]
    + list("政府信息公开申请予以部分不处理件年度报告总计自然人，。（）：；、“”…—")
)


_FOLD: dict[str, str | int | None] = {
    "“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "—": "-", "–": "-", "－": "-", "―": "-", "─": "-",
    "、": ",", "，": ",", "／": "/"}
_T2S: dict[str, str | int | None] = dict(zip(n._T2S_PAIRS[::2], n._T2S_PAIRS[1::2], strict=True))


def _plain_label_key(text: str) -> str:
    return n.compact(unicodedata.normalize("NFKC", text)).translate(str.maketrans(_FOLD))


def test_every_folded_character_decomposes_to_its_replacement() -> None:
    for char, ascii_ in n.COMPAT_ASCII.items():
        assert unicodedata.normalize("NFKD", char) == ascii_, hex(ord(char))
        assert unicodedata.normalize("NFKD", ascii_) == ascii_


@settings(max_examples=20 * settings.default.max_examples, deadline=None)
@given(st.text(ALPHABET, max_size=120))
def test_nfkc_is_unicodedata_nfkc(text: str) -> None:
    assert n.nfkc(text) == unicodedata.normalize("NFKC", text)


@settings(max_examples=10 * settings.default.max_examples, deadline=None)
@given(st.text(ALPHABET, max_size=80))
def test_label_keys_are_the_plain_definitions(text: str) -> None:
    assert n.label_key(text) == _plain_label_key(text)
    assert n.match_key(text) == _plain_label_key(text.translate(str.maketrans(_T2S)))


@pytest.mark.parametrize("path", sorted((ROOT / "tests").glob("**/*.txt"))[:80])
def test_nfkc_of_report_lines(path: Path) -> None:
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        assert n.nfkc(line) == unicodedata.normalize("NFKC", line)


def test_replacer_refuses_a_table_whose_replacements_would_be_replaced_again() -> None:
    with pytest.raises(ValueError):
        n.replacer({"a": "b", "b": "c"})
    assert n.replacer({"a": "x", "b": "y"})("abba cab") == "abba cab".translate(str.maketrans("ab", "xy"))
