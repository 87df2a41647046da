"""The built-in rules of disclosure-lint, one module per family of the rule catalogue.

Registered through the same ``disclosure_lint_rules`` hook a third-party plugin implements, so the
built-ins have no powers a plugin lacks. Installed as ``disclosure_lint_rules`` (the source folder
is the top-level ``rules/``).
"""

from __future__ import annotations

from types import ModuleType

from disclosure_lint import hookimpl


@hookimpl
def disclosure_lint_rules() -> list[ModuleType]:
    # Imported here, not at module level: loading the plugin stays cheap until rules are asked for.
    from . import across_years, arithmetic, cells, consistency, contact, document, narrative, sections, suppression

    return [document, sections, cells, arithmetic, consistency, narrative, contact, across_years, suppression]


@hookimpl
def disclosure_lint_fixtures() -> list[ModuleType]:
    from . import _prose  # ``prose``: the paragraphs the narrative rules read, prepared once per report

    return [_prose]
