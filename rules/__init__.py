"""The built-in rules of disclosure-lint, one module per family of the rule catalogue.

Registered through the same ``disclosure_lint_rules`` hook a third-party plugin implements, so the
built-ins have no powers a plugin lacks. Installed as ``disclosure_lint_rules`` (the source folder
is the top-level ``rules/``).
"""

from __future__ import annotations

import importlib
from types import ModuleType

from disclosure_lint.plugins.hookspecs import hookimpl

FAMILIES = ("document", "sections", "cells", "arithmetic", "consistency", "narrative", "contact", "across_years",
            "suppression")


@hookimpl
def disclosure_lint_rules() -> list[ModuleType]:
    modules = []
    for family in FAMILIES:
        try:
            modules.append(importlib.import_module(f"{__name__}.{family}"))
        except ModuleNotFoundError as exc:  # a family not written yet
            if exc.name != f"{__name__}.{family}":
                raise
    return modules
