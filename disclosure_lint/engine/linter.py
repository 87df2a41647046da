"""The engine: run the selected rules against a report and collect what they find.

Fixtures are computed once per report and shared; a rule whose fixture is absent is skipped and
listed as skipped; a rule that raises becomes an internal error naming the rule and its plugin
while the other rules still run. Afterwards "one defect, one finding" is applied from the rules'
own ``supersedes`` declarations, and findings are sorted into source order. Then suppressions are
applied (engine/suppress.py: per-file-ignores, inline comments, the baseline) and the rules that
judge them (DL012, DL013, which request `LATE_FIXTURES`) run last.
"""

from __future__ import annotations

import hashlib
import inspect
import itertools
import traceback
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import BaseModel, ValidationError

from ..config.model import Config
from ..config.profile import TRIAL_YEARS, resolve
from ..config.select import resolve_rule, resolve_selection
from ..errors import ConfigError, PluginError
from ..model import Report, Severity
from .check import Check, Violation
from .finding import Finding, InternalError, Message, Skip
from .fixtures import ABSENT_INPUTS, PER_RULE, run_inputs
from .places import Locator
from .result import LintResult
from .rule import FixtureAbsent, FixtureSpec, RuleSpec
from .suppress import LATE_FIXTURES, Baseline, Suppressor, uses_late_fixtures


class _Absent:
    def __init__(self, zh: str, en: str) -> None:
        self.reason = Message(zh=zh, en=en)


class _Context:
    """Fixture values for one report, computed on first request."""

    def __init__(self, fixtures: Mapping[str, FixtureSpec], inputs: dict[str, Any]) -> None:
        self._fixtures = fixtures
        self._values: dict[str, Any] = {}
        for name, value in inputs.items():
            if value is None and name in ABSENT_INPUTS:
                self._values[name] = _Absent(*ABSENT_INPUTS[name])
            else:
                self._values[name] = value
        self._active: set[str] = set()

    def provide(self, values: Mapping[str, Any]) -> None:
        """Inputs known only once the other rules ran (the suppressions left unused)."""
        self._values.update(values)

    def get(self, name: str) -> Any:
        if name in self._values:
            return self._values[name]
        spec = self._fixtures.get(name)
        if spec is None:
            raise LookupError(f"unknown fixture {name!r}")
        if name in self._active:
            raise LookupError(f"fixture {name!r} requests itself (cycle)")
        self._active.add(name)
        try:
            kwargs = {}
            for dep in spec.requires:
                value = self.get(dep)
                if isinstance(value, _Absent):
                    self._values[name] = value
                    return value
                kwargs[dep] = value
            try:
                value = spec.func(**kwargs)
            except FixtureAbsent as absent:
                value = _Absent(absent.zh, absent.en)
            if value is None:
                value = _Absent(spec.absent_zh, spec.absent_en)
        finally:
            self._active.discard(name)
        self._values[name] = value
        return value


@dataclass(frozen=True)
class RuleSet:
    """Everything the engine runs: the rules by ID (in ID order), the fixtures by name, and the
    plugins' default configuration layers. The plugins layer makes one (`Plugins.ruleset`); the
    engine never loads plugins or readers itself. ``origin`` is what made the set (opaque here:
    the run layer uses it to make the same set again in a worker process)."""

    rules: Mapping[str, RuleSpec]
    fixtures: Mapping[str, FixtureSpec] = field(default_factory=dict)
    defaults: tuple[tuple[str, Mapping[str, Any]], ...] = ()
    origin: Any = None


@dataclass(frozen=True)
class _Plan:
    """What one resolved configuration asks of the engine: the selected rules, the user's
    severities and options, and how findings are suppressed."""

    config: Config
    selected: list[str]
    severities: dict[str, Severity]
    options: dict[str, BaseModel]
    suppressor: Suppressor


class Linter:
    """Runs rules on reports. Build one per configuration and reuse it across files."""

    def __init__(self, config: Config, ruleset: RuleSet) -> None:
        """``config`` is the user's configuration (files and command line already layered); the
        profile it extends and the plugins' defaults lie beneath it (`resolve`). Reports for the
        trial format's years get the trial profile's plan, chosen per report."""
        self.user_config = config
        self.ruleset = ruleset
        self.rules: Mapping[str, RuleSpec] = ruleset.rules
        self.fixtures: Mapping[str, FixtureSpec] = ruleset.fixtures
        self._check_fixture_names()
        self.resolved = resolve(config, ruleset.defaults, rules=self.rules)
        self._plan = self._make_plan(self.resolved.regular)
        trial = self.resolved.trial
        self._trial_plan = self._make_plan(trial) if trial is not None else self._plan

    @property
    def config(self) -> Config:
        """The configuration reports in the current format's years are checked with."""
        return self._plan.config

    @property
    def selected(self) -> list[str]:
        return self._plan.selected

    @property
    def suppressor(self) -> Suppressor:
        return self._plan.suppressor

    def _make_plan(self, config: Config) -> _Plan:
        return _Plan(
            config=config,
            selected=resolve_selection(self.rules, config.select, config.extend_select, config.ignore),
            severities={resolve_rule(k, self.rules): v for k, v in config.severity.items()},
            options={resolve_rule(k, self.rules): self._options(resolve_rule(k, self.rules), v)
                     for k, v in config.options.items()},
            suppressor=Suppressor(self.rules, config))  # per-file-ignores, inline, baseline

    def plan_for(self, report: Report) -> _Plan:
        return self._trial_plan if report.year in TRIAL_YEARS else self._plan

    def _options(self, rule_id: str, values: dict[str, Any]) -> BaseModel:
        spec = self.rules[rule_id]
        try:
            return spec.options.model_validate(values)
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(str(p) for p in err["loc"])
            raise ConfigError(f"{rule_id} ({spec.name}) 的选项无效 / invalid option for {rule_id}: "
                              f"{where}: {err['msg']}") from None

    def _check_fixture_names(self) -> None:
        known = set(self.fixtures) | set(ABSENT_INPUTS) | {"report", *PER_RULE, *LATE_FIXTURES}
        for spec in self.rules.values():
            unknown = [f for f in spec.fixtures if f not in known]
            if unknown:
                raise PluginError(f"rule {spec.id} ({spec.plugin}) requests unknown fixture(s): {', '.join(unknown)}")

    # ------------------------------------------------------------------------------------------
    def lint_report(
        self,
        report: Report,
        *,
        path: str | None = None,
        previous: Report | None = None,
        published_on: date | None = None,
        only: list[str] | None = None,
        baseline: Baseline | None = None,
    ) -> LintResult:
        """Run the selected rules (or ``only`` these IDs) on one report. ``baseline``: use this
        baseline instead of the configuration's."""
        plan = self.plan_for(report)
        path = path or (report.source.path if report.source else "<report>")
        # The date given (--published-on) wins; else the one the file states (an HTML page's 发布日期).
        ctx = _Context(self.fixtures, run_inputs(report, previous, published_on or report.published_on))
        locator = Locator(report)
        version = report.template.version
        findings: list[Finding] = []
        skipped: list[Skip] = []
        errors: list[InternalError] = []
        ran: list[str] = []

        def run(spec: RuleSpec) -> list[Finding]:
            ran.append(spec.id)
            try:
                outcome = self._run(spec, plan, ctx, locator, path)
            except Exception as exc:  # a rule that raises must not take the others down
                errors.append(InternalError(
                    rule_id=spec.id, plugin=spec.plugin, message=f"{type(exc).__name__}: {exc}",
                    traceback="".join(traceback.format_exception(exc))))
                return []
            if isinstance(outcome, Skip):
                skipped.append(outcome)
                return []
            return outcome

        late: list[RuleSpec] = []
        for rule_id in only if only is not None else plan.selected:
            spec = self.rules[rule_id]
            if not spec.applies_to(version):
                continue
            if uses_late_fixtures(spec):
                late.append(spec)
                continue
            findings.extend(run(spec))
        findings = _disambiguate(_sorted(self._supersede(findings)))
        evaluated = set(ran) - {s.rule_id for s in skipped} - {e.rule_id for e in errors if e.rule_id}
        applied = plan.suppressor.apply(report, path, findings, evaluated, baseline)
        ctx.provide(applied.late_inputs())
        judged = _disambiguate(_sorted([f for spec in late for f in run(spec)]))
        judged, judged_suppressed = plan.suppressor.config_only(path, judged)
        return LintResult(path=path, report=report, findings=tuple(_sorted([*applied.findings, *judged])),
                          skipped=tuple(skipped), errors=tuple(errors), rules_run=tuple(ran),
                          suppressed=tuple(_sorted([*applied.suppressed, *judged_suppressed])))

    def _run(self, spec: RuleSpec, plan: _Plan, ctx: _Context, locator: Locator, path: str) -> list[Finding] | Skip:
        kwargs: dict[str, Any] = {}
        for name in spec.fixtures:
            if name in PER_RULE:
                continue
            value = ctx.get(name)
            if isinstance(value, _Absent):
                return Skip(rule_id=spec.id, rule_name=spec.name, reason=value.reason)
            kwargs[name] = value
        forced = plan.severities.get(spec.id)  # the user's setting beats the rule's own choice
        check = Check(lambda **kw: _finding(spec, forced, locator, path, **kw))
        if "check" in spec.fixtures:
            kwargs["check"] = check
        if "options" in spec.fixtures:
            kwargs["options"] = plan.options.get(spec.id) or spec.options()
        params = spec.parameters
        combos = [dict(zip(params, values)) for values in itertools.product(*params.values())] if params else [{}]
        for combo in combos:
            out = spec.func(**kwargs, **combo)
            if inspect.isgenerator(out):
                for item in out:
                    if not isinstance(item, Violation):
                        raise TypeError(f"rule {spec.id} yielded {type(item).__name__}, expected Violation")
                    item.report_to(check)
        return check.findings

    def _supersede(self, findings: list[Finding]) -> list[Finding]:
        """Drop findings another rule's findings replace ("one defect, one finding")."""
        present = {f.rule_id for f in findings}
        drop_all: set[str] = set()
        drop_at: set[tuple[str, str]] = set()
        for f in findings:
            for other, scope in self.rules[f.rule_id].supersedes.items() if f.rule_id in self.rules else ():
                if other not in present:
                    continue
                if scope == "report":
                    drop_all.add(other)
                else:
                    drop_at.add((other, f.place.logical))
        return [f for f in findings if f.rule_id not in drop_all and (f.rule_id, f.place.logical) not in drop_at]


def _finding(spec: RuleSpec, forced: Severity | None, locator: Locator, path: str, *, message: Message, at: Any,
             expected: str | None, actual: str | None, related: tuple[Any, ...], fix: Message | None,
             severity: Severity | None = None) -> Finding:
    place = locator.place(at)
    sev = forced or severity or spec.severity
    basis = "\x1f".join([spec.id, place.logical, expected or "", actual or ""])
    return Finding(
        rule_id=spec.id, rule_name=spec.name, severity=sev, message=message, file=path, place=place,
        expected=expected, actual=actual, related=[locator.place(r) for r in related], fix=fix,
        fingerprint=hashlib.sha256(basis.encode()).hexdigest()[:32], plugin=spec.plugin)


def _disambiguate(findings: list[Finding]) -> list[Finding]:
    """Give findings that share a fingerprint basis (same rule, place and values) an occurrence
    number, so every fingerprint in a file is distinct yet stable across runs."""
    seen: dict[str, int] = {}
    out = []
    for f in findings:
        n = seen.get(f.fingerprint, 0)
        seen[f.fingerprint] = n + 1
        if n:
            digest = hashlib.sha256(f"{f.fingerprint}#{n}".encode()).hexdigest()[:32]
            f = f.model_copy(update={"fingerprint": digest})
        out.append(f)
    return out


def _sort_key(f: Finding) -> tuple[Any, ...]:
    loc = f.place.location
    return (loc.page or 0, loc.line if loc.line is not None else 10**9, loc.table if loc.table is not None else -1,
            loc.paragraph or 0, loc.row or 0, loc.cell or 0, loc.column or 0, f.rule_id, f.place.pointer)


def _sorted(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=_sort_key)


__all__ = ["Linter", "RuleSet"]
