"""The ``junit`` output: JUnit XML, one test case per report and rule, for CI test views.

GitLab (``artifacts:reports:junit``), Jenkins, Azure Pipelines and most CI systems show JUnit XML
as a test report. The mapping: one ``<testsuite>`` per report file (named by its path), one
``<testcase>`` per rule that ran on it (``classname`` the path, ``name`` "DL302 requests-row-total").
A rule with findings at or above ``fail-on`` has a ``<failure>`` (``type`` its most severe level,
the findings one per line in the body); findings below ``fail-on`` leave the test passing and are
listed in ``<system-out>``; a skipped rule has ``<skipped>`` with the reason; a rule that raised has
an ``<error>``. A file that could not be read is a suite with one ``<error>`` test case, ``read``.
Files passed over as not reports are left out. Counts (``tests``, ``failures``, ``errors``,
``skipped``) are on every suite and on ``<testsuites>``; no timestamps, so runs compare byte for
byte. Written with the standard library's ElementTree (escaping included).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence

from ..engine.finding import Finding
from ..engine.result import LintResult
from ._common import describe, input_error_text, ordered
from .base import ReportContext, summaries_only


def _t(lang: str, zh: str, en: str) -> str:
    return en if lang == "en" else zh


def _line(path: str, f: Finding, lang: str) -> str:
    where = describe(f.place.location, lang)
    human = f.place.path.get(lang) if f.place.path is not None and f.place.logical != "report" else ""
    head = f"{path}" + (f" {where}" if where else "")
    body = (human + _t(lang, "：", ": ") if human else "") + f.text(lang)
    return f"{head}: [{f.severity.value}] {body}"


def _counts(el: ET.Element, tests: int, failures: int, errors: int, skipped: int) -> None:
    el.set("tests", str(tests))
    el.set("failures", str(failures))
    el.set("errors", str(errors))
    el.set("skipped", str(skipped))


def _suite(r: LintResult, ctx: ReportContext, lang: str) -> tuple[ET.Element, tuple[int, int, int, int]]:
    suite = ET.Element("testsuite", name=r.path)
    cases: list[ET.Element] = []
    failures = errors = skipped = 0
    if r.input_error is not None:
        case = ET.Element("testcase", classname=r.path, name="read")
        text = input_error_text(r, lang)
        ET.SubElement(case, "error", type="input-error", message=text).text = r.input_error.get(lang)
        cases.append(case)
        errors += 1
    by_rule: dict[str, list[Finding]] = {}
    for f in r.findings:
        by_rule.setdefault(f.rule_id, []).append(f)
    skips = {s.rule_id: s for s in r.skipped}
    raised = {e.rule_id: e for e in r.errors if e.rule_id}
    names = {f.rule_id: f.rule_name for f in r.findings} | {s.rule_id: s.rule_name for s in r.skipped}
    names |= {rid: spec.name for rid, spec in ctx.rules.items()}
    for rule_id in sorted({*r.rules_run, *by_rule}):
        case = ET.Element("testcase", classname=r.path, name=f"{rule_id} {names.get(rule_id, '')}".strip())
        found = by_rule.get(rule_id, [])
        failing = [f for f in found if f.severity.rank >= ctx.fail_on.rank]
        if rule_id in raised:
            e = raised[rule_id]
            ET.SubElement(case, "error", type="internal-error",
                          message=f"{e.plugin}: {e.message}").text = e.traceback or e.message
            errors += 1
        elif failing:
            worst = max((f.severity for f in failing), key=lambda s: s.rank)
            n = len(failing)
            message = _t(lang, f"{n} 个问题", f"{n} finding{'s' if n != 1 else ''}")
            ET.SubElement(case, "failure", type=worst.value, message=message).text = \
                "\n".join(_line(r.path, f, lang) for f in found)
            failures += 1
        elif rule_id in skips:
            ET.SubElement(case, "skipped", message=skips[rule_id].reason.get(lang))
            skipped += 1
        if found and not failing:
            ET.SubElement(case, "system-out").text = "\n".join(_line(r.path, f, lang) for f in found)
        cases.append(case)
    # Plugin errors not tied to a rule.
    for e in sorted((e for e in r.errors if not e.rule_id), key=lambda e: (e.plugin, e.message)):
        case = ET.Element("testcase", classname=r.path, name=f"plugin {e.plugin}")
        ET.SubElement(case, "error", type="internal-error", message=e.message).text = e.traceback or e.message
        cases.append(case)
        errors += 1
    counts = (len(cases), failures, errors, skipped)
    _counts(suite, *counts)
    suite.extend(cases)
    return suite, counts


@summaries_only
def junit_reporter(results: Sequence[LintResult], ctx: ReportContext) -> str:
    lang = "en" if ctx.lang == "en" else "zh"
    root = ET.Element("testsuites", name="disclosure-lint")
    totals = [0, 0, 0, 0]
    for r in ordered(results):
        if r.passed_over:
            continue
        suite, counts = _suite(r, ctx, lang)
        root.append(suite)
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
    _counts(root, *totals)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=False).join(
        ['<?xml version="1.0" encoding="UTF-8"?>\n', "\n"])


__all__ = ["junit_reporter"]
