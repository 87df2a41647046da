"""The configuration keys, validated: unknown keys are errors, never ignored."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator

from ..errors import ConfigError
from ..limits import Limits
from ..model import Severity


class Config(BaseModel):
    """Settings for one run. Field names use hyphens in files (``extend-select``), as ruff does."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    select: tuple[str, ...] = ("ALL",)
    extend_select: tuple[str, ...] = Field(default=(), alias="extend-select")
    ignore: tuple[str, ...] = ()
    severity: dict[str, Severity] = {}  # rule ID or name → severity
    fail_on: Severity = Field(default=Severity.WARNING, alias="fail-on")
    lang: Literal["zh", "en"] = "zh"
    options: dict[str, dict[str, Any]] = {}  # rule ID or name → that rule's options
    # Profiles ("default", "2021", "2019", "strict") and configuration files this one builds on
    # (config/profile.py); a file's extends are resolved when it is read, profile names stay.
    extends: tuple[str, ...] = ()
    plugins: tuple[str, ...] = ()  # plugin modules to load (or .py files, relative to the config)
    require_plugins: tuple[str, ...] = Field(default=(), alias="require-plugins")  # missing → exit 2
    rule_paths: tuple[str, ...] = Field(default=(), alias="rule-paths")  # folders/files of YAML rules
    # glob → selectors whose findings are suppressed in matching files (as ruff's); globs are
    # relative to the configuration file's folder (config/per_file.py).
    per_file_ignores: dict[str, tuple[str, ...]] = Field(default={}, alias="per-file-ignores")
    # A baseline file (relative to the configuration file): its findings are not reported (--baseline).
    baseline: str | None = None
    # What one file may cost (file size, archive expansion, PDF work, seconds): disclosure_lint/limits.py.
    limits: Limits = Limits()
    source: str | None = Field(default=None, exclude=True)  # where it was read from, for messages

    @field_validator("select", "extend_select", "ignore", mode="before")
    @classmethod
    def _listify(cls, value: Any) -> Any:
        if isinstance(value, str):
            return tuple(v.strip() for v in value.split(",") if v.strip())
        return value

    @field_validator("extends", "plugins", "require_plugins", "rule_paths", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any, info: ValidationInfo) -> Any:
        if info.field_name == "extends":  # YAML reads `extends: 2019` as a number: a profile's name
            def name(v: Any) -> Any:
                return str(v) if isinstance(v, int) and not isinstance(v, bool) else v

            value = tuple(name(v) for v in value) if isinstance(value, list | tuple) else name(value)
        return (value,) if isinstance(value, str) else value

    @field_validator("per_file_ignores", mode="before")
    @classmethod
    def _selector_lists(cls, value: Any) -> Any:
        if isinstance(value, dict):
            return {k: tuple(s.strip() for s in v.split(",") if s.strip()) if isinstance(v, str) else v
                    for k, v in value.items()}
        return value

    @classmethod
    def from_mapping(cls, data: dict[str, Any], source: str) -> Config:
        """Validate a mapping read from a file; errors name the key and the file."""
        if not isinstance(data, dict):
            raise ConfigError(f"{source}: 配置必须是键值映射 / configuration must be a mapping")
        try:
            return cls.model_validate({**data, "source": source})
        except ValidationError as exc:
            err = exc.errors()[0]
            where = ".".join(str(p) for p in err["loc"]) or "(top level)"
            where = where.replace("_", "-") if where.startswith("limits.") else where
            if err["type"] == "extra_forbidden":
                raise ConfigError(f"{source}: 未知的配置项 / unknown configuration key: {where!r}") from None
            raise ConfigError(f"{source}: 配置项 {where!r} 无效 / invalid value for {where!r}: {err['msg']}") from None

    @classmethod
    def given(cls, **values: Any) -> Config:
        """A layer of only the values given (None: not given) — the command line's options, the
        library's keywords — to put over a file's configuration with `overlay`. Sections such as
        ``limits`` keep only the keys they set, so the file's other limits show through."""
        return cls.model_validate({k: v for k, v in values.items() if v is not None})
