"""Suite-wide: the tests see the command line as a user at a terminal sees it.

``GITHUB_ACTIONS=true`` makes ``check`` default to the ``github`` output, and ``GITHUB_WORKSPACE``
/ ``CI_PROJECT_DIR`` rebase annotation paths; a suite run inside a CI job must not inherit them
(tests that need them set them themselves). Subprocesses inherit the cleaned environment.

Hypothesis profiles: ``dev`` (the default: 100 examples a property, no deadline — the properties
read and build whole reports) and ``ci``, loaded when ``CI`` is set (CI services set CI=true):
fewer examples, derandomized so that a CI run is reproducible, no example database. Choose one
explicitly with ``HYPOTHESIS_PROFILE``. A test that wants more or fewer examples than others
scales the profile's number (``max_examples=3 * settings.default.max_examples``), never a fixed
one, so the ``ci`` profile shortens every property (tests/hostile/test_hypothesis_profile.py).
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile("dev", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", max_examples=25, deadline=None, derandomize=True, database=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev"))

CI_VARIABLES = ("GITHUB_ACTIONS", "GITHUB_WORKSPACE", "CI_PROJECT_DIR", "GITHUB_OUTPUT", "GITHUB_STEP_SUMMARY")


@pytest.fixture(autouse=True)
def _no_ci_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in CI_VARIABLES:
        monkeypatch.delenv(name, raising=False)
