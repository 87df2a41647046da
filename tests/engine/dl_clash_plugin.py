"""A plugin whose rules use another plugin's prefix (TST): loading both must fail."""

from disclosure_lint import Check, hookimpl, rule


@rule("TST100", name="clashing-rule", summary_en="Clashes.")
def clashing(check: Check) -> None:
    """前缀冲突。"""


@hookimpl
def disclosure_lint_rules() -> list[object]:
    return [clashing]
