"""The precision set's reports as data, rendered in the seed's layout (see generate.py).

Each report is written as data — title, opening paragraph, the prose of each section, and
the figures of tables 二, 三 and 四 — and rendered in the seed's layout (a TAB-led line per cell,
an empty line after each row; the table labels are taken from tests/fixtures/seed.txt, so they are
the format's own). The figures are checked as they are rendered: every identity of docs/format.md §6
holds, 结转下年度 is computed from 新收 + 上年结转 − 办结, and a report's last year (when the set
has it) carried forward exactly what it carries over. The prose is written by hand (precision_data.py)
and states the same figures in many ways.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SEED = (ROOT / "tests" / "fixtures" / "seed.txt").read_text(encoding="utf-8")

# Table 三's data rows in the format's order (docs/format.md §10).
REQUEST_ROWS = (
    "new", "carried_over", "granted", "partially_granted",
    "denied_state_secret", "denied_prohibited_by_law", "denied_three_safety_one_stability", "denied_third_party",
    "denied_internal_affairs", "denied_process_info", "denied_enforcement_file", "denied_query_matter",
    "unavailable_not_held", "unavailable_needs_creation", "unavailable_unclear",
    "rejected_petition", "rejected_duplicate", "rejected_publication", "rejected_excessive", "rejected_confirmation",
    "other_no_correction", "other_fee_unpaid", "other_other", "handled_total", "carried_forward",
)
OUTCOMES = REQUEST_ROWS[2:23]
Six = tuple[int, int, int, int, int, int]
Four = tuple[int, int, int, int]  # 结果维持, 结果纠正, 其他结果, 尚未审结
ZERO6: Six = (0, 0, 0, 0, 0, 0)
ZERO4: Four = (0, 0, 0, 0)


@dataclass
class Active:
    """Table 二: 规章 and 行政规范性文件 (制发, 废止, 现行有效), 许可, 处罚, 强制, 收费 (万元)."""

    regulations: tuple[int, int, int] = (0, 0, 0)
    normative: tuple[int, int, int] = (0, 0, 0)
    licensing: int = 0
    penalty: int = 0
    enforcement: int = 0
    fees: str = "0"

    def values(self) -> list[str]:
        for issued, repealed, in_force in (self.regulations, self.normative):
            assert in_force >= issued - repealed, (issued, repealed, in_force)  # DL305
        assert float(self.fees) < 10000
        return [str(v) for v in (*self.regulations, *self.normative, self.licensing, self.penalty,
                                 self.enforcement)] + [self.fees]


@dataclass
class Requests:
    """Table 三: the rows that are not all zero; 办结 and 结转下年度 are computed."""

    rows: dict[str, Six] = field(default_factory=dict)

    def full(self) -> dict[str, Six]:
        unknown = set(self.rows) - set(REQUEST_ROWS[:23])
        assert not unknown, unknown
        rows = {k: self.rows.get(k, ZERO6) for k in REQUEST_ROWS[:23]}
        handled = tuple(sum(rows[k][c] for k in OUTCOMES) for c in range(6))
        forward = tuple(rows["new"][c] + rows["carried_over"][c] - handled[c] for c in range(6))
        assert min(forward) >= 0, ("more handled than received", forward)
        return {**rows, "handled_total": handled, "carried_forward": forward}  # type: ignore[dict-item]

    def total(self, row: str) -> int:
        return sum(self.full()[row])

    def values(self) -> list[str]:
        out: list[str] = []
        for six in self.full().values():
            out += [str(v) for v in six] + [str(sum(six))]
        return out


@dataclass
class Litigation:
    review: Four = ZERO4
    suit_direct: Four = ZERO4
    suit_after_review: Four = ZERO4

    def values(self) -> list[str]:
        return [str(v) for g in (self.review, self.suit_direct, self.suit_after_review) for v in (*g, sum(g))]


@dataclass
class Report:
    file: str
    title: str
    intro: str
    overview: list[str]
    active_text: list[str]
    requests_text: list[str]
    litigation_text: list[str]
    problems: list[str]
    other_matters: list[str]
    active: Active
    requests: Requests
    litigation: Litigation
    published_on: date
    previous: str | None = None  # the file of last year's report, when the set has it

    def text(self) -> str:
        tables = _tables(self.active.values() + self.requests.values() + self.litigation.values())
        part2, rest = tables.split("三、收到和处理政府信息公开申请情况\n", 1)
        part3, part4 = rest.split("四、政府信息公开行政复议、行政诉讼情况\n", 1)
        lines = [self.title, "", self.intro, "一、总体情况", *self.overview,
                 "二、主动公开政府信息情况", *self.active_text, part2.rstrip("\n") + "\n",
                 "三、收到和处理政府信息公开申请情况", *self.requests_text, part3.rstrip("\n") + "\n",
                 "四、政府信息公开行政复议、行政诉讼情况", *self.litigation_text, part4.rstrip("\n") + "\n",
                 "五、存在的主要问题及改进情况", *self.problems,
                 "六、其他需要报告的事项", *self.other_matters]
        return "\n".join(lines) + "\n"


_VALUE = re.compile(r"^\t\d+$")


def _tables(values: list[str]) -> str:
    """The seed's tables 二–四 (from the line after section 二's heading to section 五's heading),
    with its 200 figures replaced in order and the [bookmark: …] left-overs dropped."""
    start = SEED.index("二、主动公开政府信息情况\n") + len("二、主动公开政府信息情况\n")
    block = re.sub(r"\[bookmark: [^\]]*\]", "", SEED[start:SEED.index("五、存在的主要问题及改进情况")])
    lines = block.split("\n")
    slots = [i for i, line in enumerate(lines) if _VALUE.match(line)]
    assert len(slots) == len(values) == 200, (len(slots), len(values))
    for i, value in zip(slots, values, strict=True):
        lines[i] = "\t" + value
    return "\n".join(lines)


def check_pairs(reports: list[Report]) -> None:
    by_file = {r.file: r for r in reports}
    for r in reports:
        if r.previous is None:
            continue
        last = by_file[r.previous]
        assert last.requests.full()["carried_forward"] == r.requests.full()["carried_over"], r.file
        for now, before in ((r.active.regulations, last.active.regulations), (r.active.normative, last.active.normative)):
            assert now[2] == before[2] + now[0] - now[1], (r.file, now, before)


__all__ = ["Active", "Litigation", "Report", "Requests", "check_pairs"]
