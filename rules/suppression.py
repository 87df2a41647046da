"""DL012, DL013 — suppressions that suppress nothing (docs/rules/DL012.md, DL013.md).

A suppression is a promise that a finding was looked at and accepted. One that no longer matches
anything hides nothing today but would silently swallow a new, unrelated defect tomorrow (an inline
range stays open, a baseline fingerprint can recur), so it is reported — as advice (info), which
never changes the exit code unless ``fail-on`` is ``info``.

Both rules judge what the engine did after the other rules ran (engine/suppress.py): they request
the fixtures ``unused_suppressions`` and ``stale_baseline``, so they run last, and a suppression is
judged only when the rules it names ran on the file — a comment about a rule deselected today, or
skipped for want of last year's report, says nothing wrong.
"""

from __future__ import annotations

from disclosure_lint import Check, Examples, StaleEntry, UnusedSuppression, rule, sample

_TAGS = {"document", "suppression"}
_INTRO = "\n本年度报告中所列数据的统计期限"


def _comment(directive: str) -> str:
    """The seed's opening paragraph (the contact details) with a comment line before it."""
    return f"\n<!-- disclosure-lint: {directive} -->{_INTRO}"


@rule(
    "DL012",
    name="unused-suppression",
    severity="info",
    summary_en="An inline suppression comment that suppressed nothing (or names no known rule).",
    tags=_TAGS,
    examples=Examples(
        valid=[
            sample("seed"),
            sample("seed", replace={_INTRO: _comment('disable-next=DL503 reason="邮编以邮政局核定为准"'),
                                    "邮编：255022": "邮编：25502"},
                   note="the comment suppresses DL503 on the next paragraph"),
            sample("seed", replace={_INTRO: _comment("disable=invalid-postcode"), "邮编：255022": "邮编：25502",
                                    "\n一、总体情况": "\n<!-- disclosure-lint: enable=DL503 -->\n一、总体情况"},
                   note="a range from disable to enable, the rule named by its name"),
            sample("seed", replace={_INTRO: _comment("disable-file=DL601")},
                   note="DL601 is skipped without last year's report: the comment cannot be judged"),
            sample("seed", replace={_INTRO: "\n<!-- 普通注释，不是给 disclosure-lint 的 -->" + _INTRO},
                   note="an ordinary comment is not a directive"),
        ],
        invalid=[
            sample("seed", replace={_INTRO: _comment("disable-next=DL503")}, expect=1,
                   note="the postcode is right: nothing to suppress"),
            sample("seed", replace={_INTRO: _comment("disable=DL999")}, expect=1, note="no such rule"),
            sample("seed", replace={_INTRO: _comment("disabel=DL503")}, expect=1, note="a misspelt action"),
            sample("seed", replace={_INTRO: _comment("enable=DL503")}, expect=1,
                   note="enable without a disable before it"),
            sample("seed", replace={_INTRO: _comment("disable-file=DL503,DL999"), "邮编：255022": "邮编：25502"},
                   expect=1, note="DL503 is used, DL999 is not a rule: one finding for the comment"),
        ],
    ),
)
def unused_suppression(unused_suppressions: list[UnusedSuppression], check: Check) -> None:
    """行内抑制注释没有抑制任何问题，或无法识别。

    HTML 与 Markdown 格式的报告可以用注释暂时接受某个问题：``<!-- disclosure-lint: disable=DL204
    reason="…" -->`` 至 ``<!-- disclosure-lint: enable=DL204 -->``（或文件末尾），``disable-next=…``
    只作用于紧随其后的一段、一个标题或一张表格，``disable-file=…`` 作用于整个文件。规则可写代码、前缀、
    名称或标签。

    以下情形报告本规则：注释所列规则在本文件中已运行，但在其作用范围内没有任何问题可以抑制（问题已改正，
    注释应一并删除，否则日后同一位置出现的新问题会被悄悄掩盖）；注释写了不存在的规则代码；注释无法识别
    （例如把 disable 拼错）；``enable=…`` 之前没有对应的 ``disable=…``。所列规则本次未运行（未选中，或因
    缺少上一年度报告等输入而跳过）时不作判断。

    An inline suppression comment that suppressed nothing although its rules ran, that names an
    unknown rule, that cannot be read, or an ``enable`` with no ``disable`` before it. Remove or
    correct the comment. Info: it never changes the exit code unless fail-on is info.
    """
    for item in unused_suppressions:
        zh, en = _unused_text(item)
        check.fail(zh, en, at=item.comment, fix_zh="删除或更正这条注释", fix_en="remove or correct the comment")


def _unused_text(item: UnusedSuppression) -> tuple[str, str]:
    quoted = f"“<!-- {item.text} -->”"
    if item.problem == "malformed":
        return (f"无法识别的 disclosure-lint 注释 {quoted}：应为 disable=…、disable-next=…、disable-file=… 或 enable=…",
                f"unrecognised disclosure-lint comment '{item.text}': expected disable=…, disable-next=…, "
                "disable-file=… or enable=…")
    if item.problem == "no-rules":
        return (f"注释 {quoted} 没有写明规则（例如 disable=DL204），不起作用",
                f"comment '{item.text}' names no rule (e.g. disable=DL204) and has no effect")
    if item.problem == "unmatched-enable":
        return (f"注释 {quoted} 之前没有对应的 disable=…，不起作用",
                f"comment '{item.text}' has no disable=… before it and has no effect")
    zh: list[str] = []
    en: list[str] = []
    if item.unknown:
        zh.append(f"未知的规则 {'、'.join(item.unknown)}")
        en.append(f"unknown rule(s) {', '.join(item.unknown)}")
    if item.unused:
        zh.append(f"{'、'.join(item.unused)} 在其作用范围内没有可抑制的问题")
        en.append(f"{', '.join(item.unused)} had nothing to suppress in its range")
    return f"抑制注释 {quoted}：{'；'.join(zh)}", f"suppression comment '{item.text}': {'; '.join(en)}"


@rule(
    "DL013",
    name="stale-baseline-entry",
    severity="info",
    summary_en="A baseline entry that no longer matches any finding (stale).",
    tags=_TAGS,
    examples=Examples(
        valid=[
            sample("seed"),
            sample("seed", baseline=[("DL601", "0" * 32)],
                   note="DL601 is skipped without last year's report: its entry cannot be judged"),
        ],
        invalid=[
            sample("seed", baseline=[("DL503", "0" * 32)], expect=1,
                   note="DL503 ran and found nothing the entry matches"),
            sample("seed", baseline=[("DL999", "1" * 32), ("DL503", "2" * 32)], expect=2,
                   note="a rule that no longer exists, and a fixed finding"),
        ],
    ),
)
def stale_baseline_entry(stale_baseline: list[StaleEntry], check: Check) -> None:
    """基线文件中的条目已不再对应任何问题（已过时）。

    基线（``--baseline FILE`` 或配置项 ``baseline``）记录某一天已接受的问题，按文件和指纹匹配，之后只报告
    新问题（``--write-baseline FILE`` 生成基线，每个条目附 ``reason`` 说明为何接受）。某个条目对应的规则
    在本文件中已运行、却没有与之匹配的问题，说明该问题已改正（或该规则已不存在）：应从基线中删除该条目，
    否则日后再次出现的同一问题不会被报告。条目所属规则本次未运行时不作判断。

    A baseline entry whose rule ran on the file and matched no finding: the finding was fixed, or
    the rule no longer exists. Remove the entry (or write the baseline again). Info: it never
    changes the exit code unless fail-on is info.
    """
    for item in stale_baseline:
        e = item.entry
        where = f"（{e.where}）" if e.where else ""
        where_en = f" ({e.where})" if e.where else ""
        if item.rule_exists:
            zh = f"基线文件 {item.baseline} 中 {e.rule}{where}的条目已不再对应任何问题，可以删除"
            en = f"baseline entry for {e.rule}{where_en} in {item.baseline} matches no finding any more"
        else:
            zh = f"基线文件 {item.baseline} 中的条目所属规则 {e.rule} 已不存在，可以删除"
            en = f"baseline entry in {item.baseline} is for rule {e.rule}, which no longer exists"
        check.fail(zh, en, actual=f"{e.rule} {e.fingerprint}",
                   fix_zh="从基线文件中删除该条目，或用 --write-baseline 重新生成基线",
                   fix_en="remove the entry from the baseline, or write it again with --write-baseline")
