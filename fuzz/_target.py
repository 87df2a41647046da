"""What every fuzz target does with one input: read it with one reader, build it, lint it.

An `InputError` is the expected outcome for most fuzzed bytes (one line, exit 2 for a user); any
other exception, and any rule that fails on the report (a `LintResult` internal error), is a bug
and is raised for atheris to report with the input that caused it. Kept free of atheris so the
test suite can run the targets on the fixtures without it (tests/hostile/test_fuzz_targets.py).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


def make_target(reader_name: str, file_name: str) -> Callable[[bytes], None]:
    """A ``TestOneInput`` for the reader called ``reader_name`` (its `Reader.name`); ``file_name``
    is the name the bytes are read under (readers may use the extension as a hint)."""
    state: dict[str, Any] = {}

    def test_one_input(data: bytes) -> None:
        from disclosure_lint.builder.loading import parse_bytes
        from disclosure_lint.errors import InputError
        from disclosure_lint.plugins.manager import Plugins

        if not state:
            plugins = Plugins()
            state["linter"] = plugins.linter()
            state["readers"] = [r for r in plugins.readers() if r.name == reader_name]
            assert state["readers"], f"no reader called {reader_name!r}"
        try:
            report = parse_bytes(data, file_name, state["readers"])
        except InputError as err:
            if "\n" in err.zh or "\n" in err.en:
                raise AssertionError(f"an input error of more than one line: {err.en!r}") from None
            return
        result = state["linter"].lint_report(report, path=file_name)
        if result.errors:
            first = result.errors[0]
            raise AssertionError(f"rule {first.rule_id} failed on the report:\n{first.traceback}")

    return test_one_input


def main(test_one_input: Callable[[bytes], None], instrument: tuple[str, ...] = ()) -> None:
    """Run atheris on ``test_one_input``; our package (and the libraries in ``instrument``) are
    instrumented for coverage. Arguments are libFuzzer's: a corpus folder, -max_total_time=…"""
    import atheris

    with atheris.instrument_imports(include=["disclosure_lint", "disclosure_lint_rules", *instrument]):
        import disclosure_lint.builder.builder
        import disclosure_lint.engine.linter
        import disclosure_lint.read.registry  # noqa: F401
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
