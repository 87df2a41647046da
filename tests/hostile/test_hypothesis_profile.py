"""The CI hypothesis profile governs every property test (tests/conftest.py).

A fixed ``max_examples=300`` in one test would ignore the profile and make that test as long in
CI as on a developer's machine; the suite's time in CI depends on every property scaling its
examples from the profile's.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent
_FIXED = re.compile(r"max_examples\s*=\s*\d+\s*[,)]")  # a plain number, not scaled from the profile


def test_no_property_fixes_its_number_of_examples() -> None:
    fixed = [f"{path.relative_to(TESTS)}:{n}" for path in sorted(TESTS.rglob("*.py")) if path.name != "conftest.py"
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if _FIXED.search(line)]
    assert fixed == []


def test_the_ci_profile_is_chosen_by_the_ci_variable() -> None:
    probe = ("import sys; sys.path.insert(0, sys.argv[1]); import conftest; from hypothesis import settings; "
             "print(settings.default.max_examples, settings.default.derandomize)")

    def profile(env: dict[str, str]) -> list[str]:
        return subprocess.run([sys.executable, "-c", probe, str(TESTS)], capture_output=True, text=True, check=True,
                              env={"PATH": "", **env}, timeout=60).stdout.split()
    assert profile({"CI": "true"}) == ["25", "True"]
    assert profile({}) == ["100", "False"]
    assert profile({"CI": "true", "HYPOTHESIS_PROFILE": "dev"})[0] == "100"
