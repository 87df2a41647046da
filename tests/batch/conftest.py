"""The batch tests' corpus, made once per session (see batch_corpus.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from batch_corpus import make_corpus


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("batch") / "reports")
