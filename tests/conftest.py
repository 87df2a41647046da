"""Suite-wide: the tests see the command line as a user at a terminal sees it.

``GITHUB_ACTIONS=true`` makes ``check`` default to the ``github`` output, and ``GITHUB_WORKSPACE``
/ ``CI_PROJECT_DIR`` rebase annotation paths; a suite run inside a CI job must not inherit them
(tests that need them set them themselves). Subprocesses inherit the cleaned environment.
"""

from __future__ import annotations

import pytest

CI_VARIABLES = ("GITHUB_ACTIONS", "GITHUB_WORKSPACE", "CI_PROJECT_DIR", "GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY")


@pytest.fixture(autouse=True)
def _no_ci_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in CI_VARIABLES:
        monkeypatch.delenv(name, raising=False)
