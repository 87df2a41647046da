"""Where a phone number, a postcode and a piece of text point to, at province and city level.

Three sources, each used only as far as it is reliable (docs/rules/DL506.md):

* **area codes** — the `phonenumbers` geocoder (山东省淄博市 for 0533), through a table derived
  from it and shipped as ``disclosure_lint/data/area_codes.json``: importing the geocoder costs
  about 350 ms, too much for every run of a command-line tool. The table is made by
  `derive_area_codes` from numbers `phonenumbers` itself accepts as valid, so a code the library
  only knows through a shorter fallback prefix (its data maps all of 034x to 朔州) is not taken as
  real; ``python -m disclosure_lint_rules._regions`` rewrites it and a test compares the two;
* **postcodes** — the first two digits, from ``disclosure_lint/data/regions.json``; a prefix used
  in two provinces gives both, an unknown prefix gives nothing;
* **text** (the title, the address) — full province names (山东省, never the bare 山东 that also
  names streets: 山东路) and the prefecture-level city names the geocoder uses (淄博市).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import phonenumbers


@dataclass(frozen=True)
class RetiredCode:
    """A long-distance code withdrawn when its prefecture was merged (0634 莱芜 → 0531, 2019)."""

    code: str  # with the leading 0
    place: str
    retired: int  # the year it stopped working
    successor: str


@dataclass(frozen=True)
class AreaCode:
    code: str  # with the leading 0: "0533"
    province: str  # full name: 山东省
    cities: tuple[str, ...]  # as the geocoder names them: ("淄博市",)
    description: str  # the geocoder's own words: 山东省淄博市


@dataclass(frozen=True)
class Mentions:
    """The provinces and cities a piece of text names."""

    provinces: frozenset[str]  # named directly or through a named city
    cities: frozenset[str]  # prefecture-level cities found in the geocoder's index

    @property
    def province(self) -> str | None:
        return next(iter(self.provinces)) if len(self.provinces) == 1 else None

    @property
    def city(self) -> str | None:
        return next(iter(self.cities)) if len(self.cities) == 1 else None


@cache
def _data() -> dict[str, Any]:
    ref = resources.files("disclosure_lint").joinpath("data", "regions.json")
    return json.loads(ref.read_text(encoding="utf-8"))


@cache
def provinces() -> tuple[tuple[str, str], ...]:
    """(full name, short name) of the 31 mainland provincial-level divisions."""
    return tuple((full, short) for full, short in _data()["provinces"])


@cache
def retired_codes() -> dict[str, RetiredCode]:
    return {r["code"]: RetiredCode(r["code"], r["place"], int(r["retired"]), r["successor"])
            for r in _data()["retired_area_codes"]}


def postcode_provinces(postcode: str) -> frozenset[str]:
    """Provinces a six-digit postcode can belong to (empty when its prefix is not in the table)."""
    table: dict[str, list[str]] = _data()["postcode_prefixes"]
    return frozenset(table.get(postcode[:2], ())) if re.fullmatch(r"\d{6}", postcode) else frozenset()


def split_description(description: str) -> tuple[str | None, tuple[str, ...]]:
    """"山东省淄博市" → ("山东省", ("淄博市",)); "广西壮族自治区南宁市、崇左市" → ("广西…", ("南宁市", "崇左市"))."""
    for full, short in provinces():
        for name in (full, short):
            if description.startswith(name):
                rest = description[len(name):]
                cities = tuple(c for c in rest.split("、") if c) if rest else ()
                return full, cities
    return None, ()


# Local numbers tried per code: phonenumbers accepts a code only with a plausible local number.
_SAMPLE_LOCALS = ("2123456", "21234567", "6123456", "61234567", "8123456", "81234567", "3123456",
                  "5123456", "7123456", "4123456", "9123456", "31234567", "51234567", "71234567")


def derive_area_codes() -> dict[str, str]:
    """Every geographic area code phonenumbers knows (with the leading 0) → its geocoder text."""
    from phonenumbers.geocoder import description_for_valid_number  # slow import: only here

    out: dict[str, str] = {}
    candidates = ["10", *(f"2{d}" for d in range(10)), *(str(c) for c in range(300, 1000))]
    for code in candidates:
        for local in _SAMPLE_LOCALS:
            number = phonenumbers.PhoneNumber(country_code=86, national_number=int(code + local))
            if not phonenumbers.is_valid_number(number):
                continue
            if phonenumbers.number_type(number) not in (phonenumbers.PhoneNumberType.FIXED_LINE,
                                                         phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE):
                break
            description = description_for_valid_number(number, "zh")
            if split_description(description)[0]:
                out["0" + code] = description
            break
    return out


@cache
def area_codes() -> dict[str, AreaCode]:
    """Every geographic area code in the shipped table, keyed by code with the leading 0."""
    ref = resources.files("disclosure_lint").joinpath("data", "area_codes.json")
    table: dict[str, str] = json.loads(ref.read_text(encoding="utf-8"))
    out: dict[str, AreaCode] = {}
    for code, description in table.items():
        province, cities = split_description(description)
        if province:
            out[code] = AreaCode(code, province, cities, description)
    return out


def area_code(code: str) -> AreaCode | None:
    return area_codes().get(code)


@cache
def city_codes() -> dict[str, frozenset[str]]:
    """Prefecture-level city name (淄博市) → the area codes whose geocoder description names it.

    Only names ending in 市 and at least three characters long are kept: shorter or suffix-less
    names (芒市, 兴安, 阿里) are too easily found inside other words.
    """
    out: dict[str, set[str]] = {}
    municipalities = {full for full, _ in provinces() if full.endswith("市")}
    for entry in area_codes().values():
        for city in entry.cities:
            if city.endswith("市") and len(city) >= 3 and city not in municipalities:
                out.setdefault(city, set()).add(entry.code)
    return {k: frozenset(v) for k, v in out.items()}


@cache
def _city_province() -> dict[str, str]:
    out: dict[str, str] = {}
    for entry in area_codes().values():
        for city in entry.cities:
            if city in city_codes():
                out[city] = entry.province
    return out


@cache
def _city_re() -> re.Pattern[str]:
    names = sorted(city_codes(), key=len, reverse=True)
    return re.compile("|".join(re.escape(n) for n in names))


@cache
def _province_re() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(full) for full, _ in sorted(provinces(), key=lambda p: -len(p[0]))))


def mentions(text: str) -> Mentions:
    """The provinces (full names only) and indexed cities ``text`` names."""
    named = set(_province_re().findall(text))
    cities = set(_city_re().findall(text))
    return Mentions(frozenset(named | {_city_province()[c] for c in cities}), frozenset(cities))


def short_name(province: str) -> str:
    return next((short for full, short in provinces() if full == province), province)


__all__ = ["AreaCode", "Mentions", "RetiredCode", "area_code", "area_codes", "city_codes",
           "mentions", "postcode_provinces", "provinces", "retired_codes", "short_name", "split_description"]


if __name__ == "__main__":  # regenerate the shipped table from the installed phonenumbers
    import sys
    from pathlib import Path

    target = Path(sys.argv[1] if len(sys.argv) > 1 else "disclosure_lint/data/area_codes.json")
    target.write_text(json.dumps(derive_area_codes(), ensure_ascii=False, indent=0, sort_keys=True) + "\n",
                      encoding="utf-8")
    print(f"wrote {target}")
