"""Profiles and ``extends``: configuration in layers.

A run's configuration is built from layers, bottom to top:

1. the **profile** — ``default`` unless the configuration ``extends`` another. ``default`` is the
   ``2021`` profile, or the ``2019`` profile for a report whose year is 2019 or 2020 (the trial
   format's years), chosen per report; ``strict`` is ``default`` with ``fail-on: info``. Profiles
   are YAML files shipped in ``disclosure_lint/config/profiles/`` and may extend each other;
2. the plugins' defaults (the ``disclosure_lint_default_config`` hook), in plugin order;
3. the user's configuration: its file, with any files it ``extends`` merged beneath it when it is
   read, then the command-line overrides.

A higher layer's value replaces a lower one's, except ``severity`` and ``options``, which merge
rule by rule, ``limits``, which merges limit by limit, and ``extend-select``, ``ignore``, ``plugins``, ``require-plugins`` and
``rule-paths``, which add up — so a profile's ``ignore`` stays when a user ignores one more rule.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, reduce
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..guarded_yaml import load_yaml
from .model import Config

DEFAULT = "default"
TRIAL_YEARS = frozenset({2019, 2020})
ACCUMULATE = frozenset({"extend_select", "ignore", "plugins", "require_plugins", "rule_paths"})
PER_RULE = frozenset({"severity", "options", "per_file_ignores"})  # dicts merged key by key
NESTED = frozenset({"limits"})  # sections whose keys merge one by one across layers
# Keys a plugin's default configuration may not set: they load code or change what loads.
NOT_FROM_PLUGINS = frozenset({"extends", "plugins", "require_plugins", "rule_paths"})


def merge_nested(base: dict[str, Any], top: dict[str, Any]) -> dict[str, Any]:
    """``top`` over ``base``, sub-mapping by sub-mapping: a layer that sets ``limits.pdf.pages``
    keeps the ``limits.max-file-size`` of the layer beneath."""
    out = dict(base)
    for key, value in top.items():
        out[key] = merge_nested(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) \
            else value
    return out


@cache
def _shipped() -> tuple[str, ...]:
    folder = resources.files(__package__).joinpath("profiles")
    return tuple(sorted(p.name.removesuffix(".yaml") for p in folder.iterdir() if p.name.endswith(".yaml")))


def profile_names() -> list[str]:
    """The shipped profiles: ``default`` and every file in ``config/profiles/``."""
    return [DEFAULT, *_shipped()]


@cache
def load_profile(name: str) -> Config:
    """One profile's own keys (its ``extends`` unresolved)."""
    if name not in profile_names() or name == DEFAULT:
        raise ConfigError(f"未知的配置档 / unknown profile {name!r}; profiles: {', '.join(profile_names())}")
    text = resources.files(__package__).joinpath("profiles", f"{name}.yaml").read_text(encoding="utf-8")
    return Config.from_mapping(load_yaml(text) or {}, f"profile {name}")


def profile_layers(names: Sequence[str], *, trial: bool) -> list[Config]:
    """The profiles' layers, bottom first, with ``extends`` among profiles expanded."""
    out: list[Config] = []

    def expand(name: str, stack: tuple[str, ...]) -> None:
        concrete = ("2019" if trial else "2021") if name == DEFAULT else name
        if concrete in stack:
            raise ConfigError(f"配置档循环引用 / profiles extend each other in a cycle: {' → '.join((*stack, concrete))}")
        profile = load_profile(concrete)
        for base in profile.extends:
            expand(base, (*stack, concrete))
        out.append(profile)

    for name in names or (DEFAULT,):
        expand(name, ())
    return out


def overlay(base: Config, top: Config) -> Config:
    """``top`` over ``base``: the keys ``top`` sets win (see the module doc for what adds up)."""
    data: dict[str, Any] = base.model_dump(exclude_unset=True)
    for name in top.model_fields_set - {"source"}:
        value = getattr(top, name)
        if name in PER_RULE:
            merged = dict(data.get(name, {}))
            for rule, setting in value.items():
                if name == "options" and isinstance(merged.get(rule), dict):
                    setting = {**merged[rule], **setting}
                merged[rule] = setting
            data[name] = merged
        elif name in ACCUMULATE:
            data[name] = tuple(dict.fromkeys((*data.get(name, ()), *value)))
        elif name in NESTED:
            data[name] = merge_nested(data.get(name, {}), value.model_dump(exclude_unset=True))
        else:
            data[name] = value
    data["source"] = top.source or base.source
    return Config.model_validate(data)


def plugin_layer(plugin: str, data: dict[str, Any]) -> Config:
    """A plugin's default configuration, validated like a file (unknown keys are errors)."""
    config = Config.from_mapping(data, f"plugin {plugin!r} (default configuration)")
    bad = sorted(k for k in config.model_fields_set if k in NOT_FROM_PLUGINS)
    if bad:
        raise ConfigError(f"plugin {plugin!r}: a plugin's default configuration may not set {', '.join(bad)}")
    return config


def layered(*configs: Config) -> Config:
    """The configurations, bottom first, as one: the one way layers combine (`overlay`)."""
    return reduce(overlay, configs, Config())


@dataclass(frozen=True)
class Resolved:
    """A user's configuration resolved once over the profiles and the plugins' defaults: the
    configuration of reports in the current format's years, and of the trial format's years
    (None: the same)."""

    regular: Config
    trial: Config | None = None


def resolve(config: Config, defaults: Iterable[tuple[str, Mapping[str, Any]]] = (), *,
            rules: Mapping[str, Any] | None = None) -> Resolved:
    """``config`` over the profiles it extends and the plugins' ``defaults`` (see the module doc),
    for both kinds of report year. ``rules``: the loaded rules (see `effective_config`)."""
    defaults = tuple(defaults)
    regular = effective_config(config, defaults, trial=False, rules=rules)
    trial = effective_config(config, defaults, trial=True, rules=rules)
    return Resolved(regular, None if trial.model_dump() == regular.model_dump() else trial)


def effective_config(config: Config, defaults: Iterable[tuple[str, Mapping[str, Any]]] = (), *,
                     trial: bool = False, rules: Mapping[str, Any] | None = None) -> Config:
    """The configuration a report is checked with: profiles, plugin defaults, then ``config``.
    ``trial``: the report is for 2019 or 2020 (``default`` means the ``2019`` profile).
    ``rules``: the loaded rules — a profile's settings for a built-in rule that is not loaded
    (``-p no:builtin``) are left out, while the user's own unknown codes stay errors."""
    unknown = [n for n in config.extends if n not in profile_names()]
    if unknown:
        raise ConfigError(f"extends: {unknown[0]!r} is not a profile ({', '.join(profile_names())}); "
                          "files can be extended only from a configuration file")
    profiles = profile_layers(config.extends, trial=trial)
    if rules is not None:
        profiles = [_loaded_only(p, rules) for p in profiles]
    result = layered(*profiles, *(plugin_layer(p, dict(d)) for p, d in defaults), config)
    return result.model_copy(update={"extends": ()})


def _loaded_only(profile: Config, rules: Mapping[str, Any]) -> Config:
    from .select import match, resolve_rule

    def known(ref: str, resolve: Any) -> bool:
        try:
            resolve(ref, rules)
        except ConfigError:
            return False
        return True

    data = profile.model_dump(exclude_unset=True)
    for key in ("extend_select", "ignore"):
        if key in data:
            data[key] = tuple(s for s in data[key] if known(s, match))
    for key in ("severity", "options"):
        if key in data:
            data[key] = {k: v for k, v in data[key].items() if known(k, resolve_rule)}
    data["source"] = profile.source
    return Config.model_validate(data)


def resolve_extends(config: Config, folder: Path, stack: tuple[Path, ...], load: Any) -> Config:
    """A configuration file's ``extends`` and relative paths resolved: files it extends are merged
    beneath it now (relative to ``folder``, cycles refused); profile names are kept, in order, for
    `effective_config`. ``load(path, stack)`` reads another configuration file."""
    profiles: list[str] = []
    bases: list[Config] = []
    for entry in config.extends:
        if entry in profile_names():
            profiles.append(entry)
            continue
        path = (folder / entry).resolve()
        if path in stack:
            chain = " → ".join(str(p) for p in (*stack, path))
            raise ConfigError(f"{config.source}: extends 循环引用 / configuration files extend each other in a cycle: {chain}")
        if not path.is_file():
            raise ConfigError(f"{config.source}: extends: {entry!r} is neither a profile "
                              f"({', '.join(profile_names())}) nor a file")
        base = load(path, stack)
        profiles.extend(base.extends)
        bases.append(base.model_copy(update={"extends": ()}))
    own = _absolute_paths(config, folder)
    merged = reduce(overlay, [*bases, own])
    data = merged.model_dump(exclude_unset=True)
    data.update(extends=tuple(dict.fromkeys(profiles)), source=config.source)
    return Config.model_validate(data)


def _absolute_paths(config: Config, folder: Path) -> Config:
    """``rule-paths``, ``.py`` plugins, ``baseline`` and ``per-file-ignores`` globs are relative to
    the file that names them."""
    from .per_file import anchor_all

    data = config.model_dump(exclude_unset=True)
    if "baseline" in data and config.baseline is not None:
        data["baseline"] = str((folder / config.baseline).resolve())
    if "per_file_ignores" in data:
        data["per_file_ignores"] = anchor_all(config.per_file_ignores, folder)
    data["extends"] = ()
    if "rule_paths" in data:
        data["rule_paths"] = tuple(str((folder / p).resolve()) for p in config.rule_paths)
    if "plugins" in data:
        data["plugins"] = tuple(str((folder / p).resolve()) if p.endswith(".py") else p for p in config.plugins)
    data["source"] = config.source
    return Config.model_validate(data)


__all__ = ["DEFAULT", "TRIAL_YEARS", "Resolved", "effective_config", "layered", "overlay", "profile_layers", "profile_names",
           "resolve", "resolve_extends"]
