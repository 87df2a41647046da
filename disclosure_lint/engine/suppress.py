"""Suppressions, applied once the rules have run: per-file-ignores, inline comments, the baseline.

Three ways to accept a finding without fixing it, tried in this order (a finding the first
suppresses is not offered to the next):

1. ``per-file-ignores`` in the configuration (glob → rules), as in ruff;
2. inline comments in HTML and Markdown reports — ``<!-- disclosure-lint: disable=DL204
   reason="…" -->`` up to a matching ``<!-- disclosure-lint: enable=DL204 -->`` (or the end of the
   file), ``disable-next=…`` for the next block (paragraph, heading or table), ``disable-file=…``
   for the whole file. Rules are named as everywhere else: codes, prefixes, names, tags, ``ALL``;
3. a baseline (``--baseline FILE`` or ``baseline:``): the findings recorded on one day, each by
   file and fingerprint, with the reason the team accepted it (``--write-baseline FILE``).

A suppressed finding is set aside with its `Suppression` (`LintResult.suppressed`, shown with
``--report-suppressed``), never dropped silently. A suppression that suppressed nothing is itself
reported — an inline comment by DL012, a baseline entry by DL013 (rules/suppression.py) — but
only when the rules it names ran on the file: a comment about a rule deselected today, or skipped
for want of an input, cannot be judged. Those two rules request the fixtures `LATE_FIXTURES`,
which the engine fills in after this step, so they run last.

Fingerprints never involve line numbers (engine/places.py), so a baseline survives edits elsewhere
in the report; an inline range does move with its comment, as the author expects.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, cast

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from ..config.model import Config
from ..config.per_file import ignored_for
from ..config.select import match
from ..errors import ConfigError, InputError
from ..files import read_own_file
from ..guarded_yaml import CONFIG_NODES, load_yaml
from ..model import Comment, Location, Report
from .finding import Finding, Suppression
from .rule import RuleSpec

# Fixtures the engine provides after the other rules ran and suppressions were applied.
UNUSED_SUPPRESSIONS = "unused_suppressions"
STALE_BASELINE = "stale_baseline"
LATE_FIXTURES = (UNUSED_SUPPRESSIONS, STALE_BASELINE)

BASELINE_MARKER = "disclosure_lint_baseline"
BASELINE_VERSION = 1

Action = Literal["disable", "enable", "disable-next", "disable-file"]
Problem = Literal["malformed", "no-rules", "unmatched-enable", "selectors"]

_DIRECTIVE = re.compile(
    r"""^disclosure-lint\s*[:：]\s*
        (?P<action>disable-next|disable-file|disable|enable)\b
        (?:\s*=\s*(?P<selectors>[^\s,"'“”=]+(?:\s*,\s*[^\s,"'“”=]+)*))?
        (?:\s+reason\s*=\s*(?P<reason>"[^"]*"|'[^']*'|“[^”]*”|[^\s"'“”]+))?
        \s*$""",
    re.VERBOSE | re.IGNORECASE,
)


def uses_late_fixtures(spec: RuleSpec) -> bool:
    """Whether the rule judges suppressions (DL012, DL013): it runs after the others."""
    return any(name in LATE_FIXTURES for name in spec.fixtures)


# ---- inline directives --------------------------------------------------------------------------
@dataclass(frozen=True)
class Directive:
    """One ``disclosure-lint:`` comment, parsed. ``action`` is None when it could not be read."""

    comment: Comment
    action: Action | None
    selectors: tuple[str, ...] = ()
    reason: str = ""
    rules: Mapping[str, frozenset[str]] = field(default_factory=dict)  # selector → rule IDs
    unknown: tuple[str, ...] = ()  # selectors that name no rule

    @property
    def line(self) -> int | None:
        return self.comment.location.line

    @property
    def end_line(self) -> int | None:
        return self.comment.location.end_line or self.comment.location.line

    @property
    def all_rules(self) -> frozenset[str]:
        return frozenset().union(*self.rules.values()) if self.rules else frozenset()


@dataclass(frozen=True)
class UnusedSuppression:
    """An inline comment that suppressed nothing, or could not (what DL012 reports)."""

    comment: Comment
    problem: Problem
    unknown: tuple[str, ...] = ()  # selectors naming no rule
    unused: tuple[str, ...] = ()  # selectors whose rules ran and had nothing to suppress here

    @property
    def location(self) -> Location:
        return self.comment.location

    @property
    def text(self) -> str:
        return self.comment.text


def parse_directive(comment: Comment, rules: Mapping[str, RuleSpec]) -> Directive:
    m = _DIRECTIVE.match(comment.text)
    if m is None:
        return Directive(comment, None)
    selectors = tuple(s.strip() for s in (m.group("selectors") or "").split(",") if s.strip())
    reason = (m.group("reason") or "").strip("\"'“”")
    resolved: dict[str, frozenset[str]] = {}
    unknown: list[str] = []
    for s in selectors:
        try:
            resolved[s] = frozenset(match(s, rules))
        except ConfigError:
            unknown.append(s)
    return Directive(comment, cast(Action, m.group("action").lower()), selectors, reason, resolved, tuple(unknown))


def _has_line(location: Location) -> bool:
    return location.line is not None and location.page is None


def _block_spans(report: Report) -> list[tuple[int, int]]:
    """(first line, last line) of every block of the report with lines, in order: title, intro,
    headings, paragraphs, unplaced text, and each standard table as a whole."""
    spans: list[tuple[int, int]] = []

    def add(loc: Location) -> None:
        if _has_line(loc):
            assert loc.line is not None
            spans.append((loc.line, max(loc.line, loc.end_line or loc.line)))

    for text in [*([report.title] if report.title else []), *report.intro, *report.unrecognised]:
        add(text.location)
    for section in report.sections:
        add(section.location)
        for para in section.paragraphs:
            add(para.location)
    for table in (report.active, report.requests, report.litigation):
        if table is None:
            continue
        locs = [table.location, *(r.location for r in table.rows.values()), *(c.location for c in table.cells())]
        lines = [x for loc in locs if _has_line(loc) for x in (loc.line, loc.end_line) if x is not None]
        if lines:
            spans.append((min(lines), max(lines)))
    return sorted(set(spans))


@dataclass
class _Range:
    directive: Directive
    rules: frozenset[str]
    first: int | None  # None with last None: the whole file
    last: float | None
    hits: set[str] = field(default_factory=set)  # rule IDs it suppressed

    def covers(self, rule_id: str, location: Location) -> bool:
        if rule_id not in self.rules:
            return False
        if self.first is None:
            return True
        return _has_line(location) and self.first <= location.line <= self.last  # type: ignore[operator]


def _ranges(directives: Sequence[Directive], report: Report) -> tuple[list[_Range], list[UnusedSuppression]]:
    """The line ranges the directives cover; problems found on the way (malformed, unmatched)."""
    ranges: list[_Range] = []
    problems: list[UnusedSuppression] = []
    open_: dict[str, _Range] = {}  # rule ID → the disable range it is in
    spans: list[tuple[int, int]] | None = None
    for d in sorted(directives, key=lambda d: (d.line or 0, d.end_line or 0)):
        if d.action is None:
            problems.append(UnusedSuppression(d.comment, "malformed"))
            continue
        if not d.selectors:
            problems.append(UnusedSuppression(d.comment, "no-rules"))
            continue
        rules = d.all_rules
        if d.action == "disable-file":
            ranges.append(_Range(d, rules, None, None))
        elif d.action == "disable":
            for rid in sorted(rules - open_.keys()):  # a rule already disabled stays in its range
                open_[rid] = _Range(d, frozenset({rid}), d.line if d.line is not None else 0, float("inf"))
                ranges.append(open_[rid])
        elif d.action == "disable-next":
            spans = spans if spans is not None else _block_spans(report)
            after = d.end_line or 0
            nxt = next((s for s in spans if s[0] > after), None)
            ranges.append(_Range(d, rules, nxt[0] if nxt else 0, nxt[1] if nxt else -1))
        else:  # enable
            closed = [open_.pop(rid) for rid in sorted(rules & open_.keys())]
            for r in closed:
                r.last = d.end_line or 0
            if not closed:
                problems.append(UnusedSuppression(d.comment, "unmatched-enable"))
    return ranges, problems


# ---- the baseline -------------------------------------------------------------------------------
class BaselineEntry(BaseModel):
    """One accepted finding. ``message`` and ``where`` are for the people filling in ``reason``;
    matching uses only the file, the rule and the fingerprint."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    file: str  # relative to the baseline file's folder, with forward slashes
    rule: str
    fingerprint: str
    reason: str = ""
    message: str = ""
    where: str = ""


class BaselineFile(BaseModel):
    """The file ``--write-baseline`` writes (YAML, or JSON by its extension)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    disclosure_lint_baseline: int = BASELINE_VERSION  # marker and format version
    findings: list[BaselineEntry] = []


@dataclass(frozen=True)
class StaleEntry:
    """A baseline entry that no longer matches any finding (what DL013 reports)."""

    entry: BaselineEntry
    baseline: str  # the baseline file
    rule_exists: bool = True


class Baseline:
    """A baseline file, loaded: its entries by the file they are about."""

    def __init__(self, entries: Iterable[BaselineEntry], folder: str | Path, path: str | Path | None = None) -> None:
        self.folder = Path(folder).resolve()
        self.path = str(path) if path is not None else None
        self.entries: list[BaselineEntry] = list(entries)
        self._by_file: dict[str, list[BaselineEntry]] = {}
        for e in self.entries:
            self._by_file.setdefault(_norm(e.file), []).append(e)

    @classmethod
    def load(cls, path: str | Path) -> Baseline:
        """Read a baseline file. A file that does not exist is an empty baseline (it can only make
        more findings appear, never hide one); a file that cannot be read or parsed is an error."""
        p = Path(path)
        if not p.exists():
            return cls([], p.resolve().parent, _shown(p))
        try:
            data: Any = load_yaml(read_own_file(p), CONFIG_NODES) or {}
        except InputError as exc:
            raise ConfigError(f"{p}: 无法读取基线文件 / cannot read the baseline file: {exc.en}") from None
        if not isinstance(data, dict) or BASELINE_MARKER not in data:
            raise ConfigError(f"{p}: 不是 disclosure-lint 基线文件（缺少 {BASELINE_MARKER}） / "
                              f"not a disclosure-lint baseline (no {BASELINE_MARKER!r} key)")
        try:
            model = BaselineFile.model_validate(data)
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(str(x) for x in err["loc"])
            raise ConfigError(f"{p}: 基线文件无效 / invalid baseline: {where}: {err['msg']}") from None
        if model.disclosure_lint_baseline != BASELINE_VERSION:
            raise ConfigError(f"{p}: 不支持的基线版本 / unsupported baseline version {model.disclosure_lint_baseline}")
        return cls(model.findings, p.resolve().parent, _shown(p))

    def key(self, path: str) -> str:
        """How an entry names the file at ``path`` (as linted: relative to the current directory)."""
        return _norm(os.path.relpath(Path(path).resolve(), self.folder))

    def entries_for(self, path: str) -> list[BaselineEntry]:
        return self._by_file.get(self.key(path), [])


def _shown(path: Path) -> str:
    """The baseline's path as messages show it: relative to the current directory when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


def _norm(path: str) -> str:
    return Path(path).as_posix().removeprefix("./")


def baseline_entries(results: Iterable[Any], baseline_path: str | Path, *, old: Sequence[Baseline] = (),
                     exclude: Iterable[str] = (), lang: str = "zh") -> BaselineFile:
    """A baseline of the results' findings — those reported and those an earlier baseline
    suppressed — keeping the reasons already written for them. ``exclude``: rule IDs never
    recorded (the suppression rules themselves)."""
    target = Baseline([], Path(baseline_path).resolve().parent, baseline_path)
    reasons = {(_norm(os.path.relpath(Path(old_b.folder / e.file), target.folder)), e.rule, e.fingerprint): e.reason
               for old_b in old for e in old_b.entries}
    skip = set(exclude)
    entries: list[BaselineEntry] = []
    for r in sorted(results, key=lambda r: r.path):
        recorded = [*r.findings, *(f for f in r.suppressed if f.suppression and f.suppression.kind == "baseline")]
        for f in sorted(recorded, key=lambda f: f.fingerprint):
            if f.rule_id in skip:
                continue
            file = target.key(r.path)
            where = f.place.path.get(lang) if f.place.path is not None else ""
            entries.append(BaselineEntry(file=file, rule=f.rule_id, fingerprint=f.fingerprint,
                                         reason=reasons.get((file, f.rule_id, f.fingerprint), ""),
                                         message=f.message.get(lang), where=where))
    entries.sort(key=lambda e: (e.file, e.rule, e.where, e.fingerprint))
    return BaselineFile(findings=entries)


_YAML_HEADER = """\
# disclosure-lint baseline: findings accepted on the day this file was written.
# `disclosure-lint check --baseline FILE` (or `baseline: FILE` in the configuration) reports only
# findings not listed here; entries that no longer match a finding are reported as DL013.
# Fill in each `reason`: why the finding is accepted, and by whom. Entries are matched by file,
# rule and fingerprint; `message` and `where` are for people. Docs: docs/ci.md.
"""


def dump_baseline(baseline: BaselineFile, path: str | Path) -> str:
    """The baseline as text: JSON for a ``.json`` file, YAML otherwise."""
    data = baseline.model_dump(mode="json")
    if Path(path).suffix.lower() == ".json":
        import json

        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return _YAML_HEADER + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120)


def accept_all(results: Iterable[Any], baseline_path: str, *, exclude: Iterable[str] = (),
               drop: Iterable[str] = ()) -> list[Any]:
    """The results as a run with a baseline of all their findings just written would give: every
    finding suppressed by it, except those of ``exclude`` (never recorded); findings of ``drop``
    (DL013 about the entries the new baseline no longer has) removed."""
    from dataclasses import replace

    skip, gone = set(exclude), set(drop)
    out = []
    for r in results:
        active = [f for f in r.findings if f.rule_id not in gone]
        accepted = [_suppress(f, "baseline", "", baseline_path) for f in active if f.rule_id not in skip]
        out.append(replace(r, findings=tuple(f for f in active if f.rule_id in skip),
                           suppressed=(*r.suppressed, *accepted)))
    return out


# ---- applying them ------------------------------------------------------------------------------
@dataclass
class Outcome:
    findings: list[Finding]
    suppressed: list[Finding]
    unused: list[UnusedSuppression]
    stale: list[StaleEntry]

    def late_inputs(self) -> dict[str, Any]:
        return {UNUSED_SUPPRESSIONS: self.unused, STALE_BASELINE: self.stale}


def _suppress(f: Finding, kind: Literal["inline", "config", "baseline"], reason: str, source: str) -> Finding:
    return f.model_copy(update={"suppression": Suppression(kind=kind, reason=reason, source=source)})


class Suppressor:
    """Applies one configuration's suppressions to the findings of each file."""

    def __init__(self, rules: Mapping[str, RuleSpec], config: Config) -> None:
        self.rules = rules
        self.per_file: dict[str, frozenset[str]] = {}
        for glob, selectors in config.per_file_ignores.items():
            ids: set[str] = set()
            for s in selectors:
                try:
                    ids |= match(s, rules)
                except ConfigError as exc:
                    raise ConfigError(f"per-file-ignores {glob!r}: {exc}") from None
            self.per_file[glob] = frozenset(ids)
        self.baseline = Baseline.load(config.baseline) if config.baseline else None

    def config_only(self, path: str, findings: Sequence[Finding]) -> tuple[list[Finding], list[Finding]]:
        """Apply ``per-file-ignores`` only (to the suppression rules' own findings)."""
        applying = [(glob, self.per_file[glob]) for glob, _ in ignored_for(self.per_file, path)]
        kept: list[Finding] = []
        suppressed: list[Finding] = []
        for f in findings:
            glob = next((g for g, ids in applying if f.rule_id in ids), None)
            if glob is None:
                kept.append(f)
            else:
                suppressed.append(_suppress(f, "config", "", f"per-file-ignores: {glob}"))
        return kept, suppressed

    def apply(self, report: Report, path: str, findings: Sequence[Finding], evaluated: set[str],
              baseline: Baseline | None = None) -> Outcome:
        """``evaluated``: the rules that ran on this file and were neither skipped nor raised."""
        kept, suppressed = self.config_only(path, findings)
        kept, inline, unused = self._inline(report, path, kept, evaluated)
        kept, baselined, stale = self._baseline(baseline or self.baseline, path, kept, evaluated)
        return Outcome(kept, [*suppressed, *inline, *baselined], unused, stale)

    def _inline(self, report: Report, path: str, findings: list[Finding], evaluated: set[str]
                ) -> tuple[list[Finding], list[Finding], list[UnusedSuppression]]:
        if not report.comments:
            return findings, [], []
        directives = [parse_directive(c, self.rules) for c in report.comments]
        ranges, problems = _ranges(directives, report)
        kept: list[Finding] = []
        suppressed: list[Finding] = []
        for f in findings:
            r = next((r for r in ranges if r.covers(f.rule_id, f.place.location)), None)
            if r is None:
                kept.append(f)
                continue
            r.hits.add(f.rule_id)
            line = r.directive.line
            source = f"{path}:{line}" if line is not None else path
            suppressed.append(_suppress(f, "inline", r.directive.reason, source))
        # Per directive: selectors naming no rule, and selectors whose rules ran yet suppressed nothing.
        by_directive: dict[int, list[_Range]] = {}
        for r in ranges:
            by_directive.setdefault(id(r.directive), []).append(r)
        for d in directives:
            if d.action is None or not d.selectors or d.action == "enable":
                continue
            hits = set().union(*(r.hits for r in by_directive.get(id(d), [])))
            unused = tuple(s for s, ids in d.rules.items() if ids & evaluated and not ids & hits)
            if d.unknown or unused:
                problems.append(UnusedSuppression(d.comment, "selectors", unknown=d.unknown, unused=unused))
        problems.sort(key=lambda p: (p.location.line or 0, p.comment.text))
        return kept, suppressed, problems

    def _baseline(self, baseline: Baseline | None, path: str, findings: list[Finding], evaluated: set[str]
                  ) -> tuple[list[Finding], list[Finding], list[StaleEntry]]:
        if baseline is None:
            return findings, [], []
        entries = baseline.entries_for(path)
        if not entries:
            return findings, [], []
        by_key = {(e.rule, e.fingerprint): e for e in entries}
        matched: set[tuple[str, str]] = set()
        kept: list[Finding] = []
        suppressed: list[Finding] = []
        source = baseline.path or "baseline"
        for f in findings:
            entry = by_key.get((f.rule_id, f.fingerprint))
            if entry is None:
                kept.append(f)
            else:
                matched.add((f.rule_id, f.fingerprint))
                suppressed.append(_suppress(f, "baseline", entry.reason, source))
        stale = [StaleEntry(e, source, rule_exists=e.rule in self.rules) for e in entries
                 if (e.rule, e.fingerprint) not in matched and (e.rule not in self.rules or e.rule in evaluated)]
        return kept, suppressed, stale


__all__ = [
    "BASELINE_MARKER", "BASELINE_VERSION", "LATE_FIXTURES", "STALE_BASELINE", "UNUSED_SUPPRESSIONS", "Baseline",
    "BaselineEntry", "BaselineFile", "Directive", "Outcome", "StaleEntry", "Suppressor", "UnusedSuppression",
    "accept_all", "baseline_entries", "dump_baseline", "parse_directive", "uses_late_fixtures",
]
