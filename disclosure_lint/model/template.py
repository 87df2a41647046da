"""The national format's tables as data: canonical keys and the official Chinese labels.

One name for every row, column and group (docs/format.md §10). The model, the builder, the rules,
JSON output, YAML expressions and fingerprints all use these keys; messages show the labels.
Keeping the format in one table of data means a template revision is an edit here, not a hunt
through readers and rules.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property


class TemplateVersion(StrEnum):
    """Which national format a report was filled on."""

    V2021 = "2021"  # 国办公开办函〔2021〕30号, reports for 2021 and later
    V2019 = "2019"  # trial format of 国办公开办函〔2019〕60号, reports for 2019 and 2020
    PRE2019 = "pre-2019"  # free-form reports under the 2007 regulation
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class RowSpec:
    key: str
    label: str  # the official label, as the format prints it
    group: str | None = None  # key of the group the row sums into (table 三)
    group_label: str | None = None
    aliases: tuple[str, ...] = ()  # accepted other wordings (not typos: those are reported)
    number: str | None = None  # the row's printed ordinal ("一、", "（一）", "1.")


@dataclass(frozen=True)
class ColumnSpec:
    key: str
    label: str
    unit: str = "件"  # 件 for counts, 万元 for the fee amount
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class SubTableSpec:
    """A block of table 二 (第二十条第（一）项 …) or a group of table 四."""

    key: str
    label: str
    rows: tuple[RowSpec, ...]
    columns: tuple[ColumnSpec, ...]


@dataclass(frozen=True)
class TableSpec:
    key: str  # "active" | "requests" | "litigation"
    label: str  # 表二 …
    section: str  # the section key the table belongs to
    blocks: tuple[SubTableSpec, ...] = field(default_factory=tuple)

    def row(self, key: str) -> RowSpec:
        try:
            return self._rows[key]
        except KeyError:
            raise KeyError(key) from None

    def column(self, row_key: str, column_key: str) -> ColumnSpec:
        """The column ``column_key`` of the first block that has both the row and the column."""
        try:
            return self._columns[row_key, column_key]
        except KeyError:
            raise KeyError(f"{row_key}.{column_key}") from None

    @cached_property
    def row_keys(self) -> tuple[str, ...]:
        return tuple(r.key for b in self.blocks for r in b.rows)

    # Lookups by key, built on first use: the rules ask for rows and columns thousands of times a
    # report. (A cached_property writes to the instance's __dict__, which frozen does not forbid.)
    @cached_property
    def _rows(self) -> dict[str, RowSpec]:
        out: dict[str, RowSpec] = {}
        for block in self.blocks:
            for row in block.rows:
                out.setdefault(row.key, row)
        return out

    @cached_property
    def _columns(self) -> dict[tuple[str, str], ColumnSpec]:
        out: dict[tuple[str, str], ColumnSpec] = {}
        for block in self.blocks:
            for row in block.rows:
                for col in block.columns:
                    out.setdefault((row.key, col.key), col)
        return out


# --------------------------------------------------------------------------------------------
# Sections (docs/format.md §2)

@dataclass(frozen=True)
class SectionSpec:
    key: str
    number: str  # 一 … 六
    heading: str  # as the format prints it, without the number
    variants: tuple[str, ...] = ()


SECTIONS: tuple[SectionSpec, ...] = (
    SectionSpec("overview", "一", "总体情况"),
    SectionSpec("active", "二", "主动公开政府信息情况"),
    SectionSpec("requests", "三", "收到和处理政府信息公开申请情况"),
    SectionSpec(
        "litigation",
        "四",
        "政府信息公开行政复议、行政诉讼情况",
        ("因政府信息公开工作被申请行政复议、提起行政诉讼情况",
         "因政府信息公开工作被申请行政复议和提起行政诉讼情况",
         "政府信息公开行政复议和行政诉讼情况"),
    ),
    SectionSpec("problems", "五", "存在的主要问题及改进情况",
                ("政府信息公开工作存在的主要问题及改进情况", "存在问题及改进情况")),
    SectionSpec("other_matters", "六", "其他需要报告的事项"),
)
SECTION_BY_KEY = {s.key: s for s in SECTIONS}

# --------------------------------------------------------------------------------------------
# Table 二 — 主动公开政府信息情况 (2021 format)

_COUNT = "件"
_ISSUED = ColumnSpec("issued", "本年制发件数")
_REPEALED = ColumnSpec("repealed", "本年废止件数")
_IN_FORCE = ColumnSpec("in_force", "现行有效件数")
_DECISIONS = ColumnSpec("decisions", "本年处理决定数量")

ACTIVE_2021 = TableSpec(
    key="active",
    label="主动公开政府信息情况",
    section="active",
    blocks=(
        SubTableSpec("item1", "第二十条第（一）项",
                     (RowSpec("regulations", "规章"), RowSpec("normative_documents", "行政规范性文件")),
                     (_ISSUED, _REPEALED, _IN_FORCE)),
        SubTableSpec("item5", "第二十条第（五）项", (RowSpec("licensing", "行政许可"),), (_DECISIONS,)),
        SubTableSpec("item6", "第二十条第（六）项",
                     (RowSpec("penalty", "行政处罚"), RowSpec("enforcement", "行政强制")), (_DECISIONS,)),
        SubTableSpec("item8", "第二十条第（八）项", (RowSpec("fees", "行政事业性收费"),),
                     (ColumnSpec("amount", "本年收费金额（单位：万元）", unit="万元"),)),
    ),
)

# The 2019 trial format's table 二 keeps its own layout and keys (docs/format.md §10).
_PREV = ColumnSpec("previous_count", "上一年项目数量")
_CHANGE = ColumnSpec("change", "本年增/减", aliases=("本年增／减",))
_DECISIONS_2019 = ColumnSpec("decisions", "处理决定数量")
ACTIVE_2019 = TableSpec(
    key="active",
    label="主动公开政府信息情况",
    section="active",
    blocks=(
        SubTableSpec("item1", "第二十条第（一）项",
                     (RowSpec("regulations", "规章"), RowSpec("normative_documents", "规范性文件")),
                     (ColumnSpec("new_made", "本年新制作数量"), ColumnSpec("new_published", "本年新公开数量"),
                      ColumnSpec("total_published", "对外公开总数量"))),
        SubTableSpec("item5", "第二十条第（五）项",
                     (RowSpec("licensing", "行政许可"), RowSpec("other_services", "其他对外管理服务事项")),
                     (_PREV, _CHANGE, _DECISIONS_2019)),
        SubTableSpec("item6", "第二十条第（六）项",
                     (RowSpec("penalty", "行政处罚"), RowSpec("enforcement", "行政强制")),
                     (_PREV, _CHANGE, _DECISIONS_2019)),
        SubTableSpec("item8", "第二十条第（八）项", (RowSpec("fees", "行政事业性收费"),), (_PREV, _CHANGE)),
        SubTableSpec("item9", "第二十条第（九）项", (RowSpec("procurement", "政府集中采购"),),
                     (ColumnSpec("items", "采购项目数量"), ColumnSpec("amount", "采购总金额", unit="万元"))),
    ),
)

# --------------------------------------------------------------------------------------------
# Table 三 — 收到和处理政府信息公开申请情况

REQUESTS_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
APPLICANT_COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("natural_person", "自然人"),
    ColumnSpec("commercial", "商业企业"),
    ColumnSpec("research", "科研机构"),
    ColumnSpec("social_welfare", "社会公益组织"),
    ColumnSpec("legal_services", "法律服务机构"),
    ColumnSpec("other_org", "其他"),
)
REQUESTS_COLUMNS: tuple[ColumnSpec, ...] = (*APPLICANT_COLUMNS, ColumnSpec("total", "总计"))

_RESULTS = "三、本年度办理结果"


def _leaf(key: str, label: str, group: str | None, group_label: str | None, number: str) -> RowSpec:
    return RowSpec(key, label, group, group_label, number=number)


_DENIED = ("denied", "（三）不予公开")
_UNAVAILABLE = ("unavailable", "（四）无法提供")
_REJECTED = ("rejected", "（五）不予处理")
_OTHER = ("other", "（六）其他处理")

REQUESTS_ROWS_HEAD: tuple[RowSpec, ...] = (
    RowSpec("new", "本年新收政府信息公开申请数量", number="一、"),
    RowSpec("carried_over", "上年结转政府信息公开申请数量", number="二、"),
    RowSpec("granted", "予以公开", number="（一）"),
    RowSpec("partially_granted", "部分公开（区分处理的，只计这一情形，不计其他情形）", number="（二）"),
    _leaf("denied_state_secret", "属于国家秘密", *_DENIED, "1."),
    _leaf("denied_prohibited_by_law", "其他法律行政法规禁止公开", *_DENIED, "2."),
    _leaf("denied_three_safety_one_stability", "危及“三安全一稳定”", *_DENIED, "3."),
    _leaf("denied_third_party", "保护第三方合法权益", *_DENIED, "4."),
    _leaf("denied_internal_affairs", "属于三类内部事务信息", *_DENIED, "5."),
    _leaf("denied_process_info", "属于四类过程性信息", *_DENIED, "6."),
    _leaf("denied_enforcement_file", "属于行政执法案卷", *_DENIED, "7."),
    _leaf("denied_query_matter", "属于行政查询事项", *_DENIED, "8."),
    _leaf("unavailable_not_held", "本机关不掌握相关政府信息", *_UNAVAILABLE, "1."),
    _leaf("unavailable_needs_creation", "没有现成信息需要另行制作", *_UNAVAILABLE, "2."),
    _leaf("unavailable_unclear", "补正后申请内容仍不明确", *_UNAVAILABLE, "3."),
    _leaf("rejected_petition", "信访举报投诉类申请", *_REJECTED, "1."),
    _leaf("rejected_duplicate", "重复申请", *_REJECTED, "2."),
    _leaf("rejected_publication", "要求提供公开出版物", *_REJECTED, "3."),
    _leaf("rejected_excessive", "无正当理由大量反复申请", *_REJECTED, "4."),
    _leaf("rejected_confirmation", "要求行政机关确认或重新出具已获取信息", *_REJECTED, "5."),
)
REQUESTS_ROWS_OTHER_2021: tuple[RowSpec, ...] = (
    _leaf("other_no_correction", "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", *_OTHER, "1."),
    _leaf("other_fee_unpaid", "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", *_OTHER, "2."),
    _leaf("other_other", "其他", *_OTHER, "3."),
)
REQUESTS_ROWS_OTHER_2019: tuple[RowSpec, ...] = (RowSpec("other_handling", "其他处理", "other", "（六）其他处理", number="（六）"),)
REQUESTS_ROWS_TAIL: tuple[RowSpec, ...] = (
    RowSpec("handled_total", "总计", number="（七）"),
    RowSpec("carried_forward", "结转下年度继续办理", number="四、"),
)

REQUESTS_2021 = TableSpec(
    "requests", "收到和处理政府信息公开申请情况", "requests",
    (SubTableSpec("requests", "收到和处理政府信息公开申请情况",
                  REQUESTS_ROWS_HEAD + REQUESTS_ROWS_OTHER_2021 + REQUESTS_ROWS_TAIL, REQUESTS_COLUMNS),),
)
REQUESTS_2019 = TableSpec(
    "requests", "收到和处理政府信息公开申请情况", "requests",
    (SubTableSpec("requests", "收到和处理政府信息公开申请情况",
                  REQUESTS_ROWS_HEAD + REQUESTS_ROWS_OTHER_2019 + REQUESTS_ROWS_TAIL, REQUESTS_COLUMNS),),
)

# Rows of table 三 that are outcomes: （七）总计 is their sum (identity 3).
OUTCOME_GROUP_LABEL = _RESULTS

# --------------------------------------------------------------------------------------------
# Table 四 — 政府信息公开行政复议、行政诉讼情况

LITIGATION_COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("upheld", "结果维持"),
    ColumnSpec("corrected", "结果纠正"),
    ColumnSpec("other", "其他结果"),
    ColumnSpec("pending", "尚未审结"),
    ColumnSpec("total", "总计"),
)
LITIGATION = TableSpec(
    "litigation", "政府信息公开行政复议、行政诉讼情况", "litigation",
    (SubTableSpec("litigation", "政府信息公开行政复议、行政诉讼情况",
                  (RowSpec("review", "行政复议"), RowSpec("suit_direct", "未经复议直接起诉", group="suit", group_label="行政诉讼"),
                   RowSpec("suit_after_review", "复议后起诉", group="suit", group_label="行政诉讼")),
                  LITIGATION_COLUMNS),),
)


def table_spec(key: str, version: TemplateVersion) -> TableSpec:
    """The layout of table ``key`` in the given format version (2021 when unknown)."""
    trial = version is TemplateVersion.V2019
    if key == "active":
        return ACTIVE_2019 if trial else ACTIVE_2021
    if key == "requests":
        return REQUESTS_2019 if trial else REQUESTS_2021
    if key == "litigation":
        return LITIGATION
    raise KeyError(key)


TABLE_LABELS = {"active": "表二", "requests": "表三", "litigation": "表四"}
TABLE_LABELS_EN = {"active": "Table 2", "requests": "Table 3", "litigation": "Table 4"}
