"""The shipped area-code table agrees with the phonenumbers geocoder it was derived from."""

from __future__ import annotations

from disclosure_lint_rules._regions import area_code, area_codes, derive_area_codes


def test_shipped_table_matches_the_geocoder() -> None:
    derived = derive_area_codes()
    shipped = {code: entry.description for code, entry in area_codes().items()}
    # A newer phonenumbers may rename a few prefectures; the bulk must agree.
    agree = sum(1 for code, text in shipped.items() if derived.get(code) == text)
    assert agree >= 0.95 * len(derived), f"regenerate: python -m disclosure_lint_rules._regions ({agree}/{len(derived)})"
    assert len(shipped) > 300


def test_known_codes() -> None:
    zibo = area_code("0533")
    assert zibo is not None and zibo.province == "山东省" and zibo.cities == ("淄博市",)
    assert area_code("010") is not None and area_code("010").province == "北京市"  # type: ignore[union-attr]
    assert area_code("0340") is None  # only a fallback prefix in phonenumbers, not a real code
