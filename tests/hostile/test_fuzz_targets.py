"""The atheris fuzz targets in fuzz/ (docs/fuzzing.md) run on the fixtures and their mutants.

Fuzzing itself is run by hand or on a schedule (fuzz/run.sh), not in the suite; this keeps the
targets working: each takes its format's fixtures and a few mutants without raising, and rejects a
multi-line input error as the bug it would be.
"""

from __future__ import annotations

import importlib.util
import random
import sys
from collections.abc import Callable, Iterator

import hostile_files as hf
import pytest
from mutations import MUTATORS

FUZZ = hf.ROOT / "fuzz"
TARGETS = {"txt": ["*.txt", "variants/*.txt"], "docx": ["*.docx", "variants/*.docx"],
           "html": ["*.html", "variants/*.html"], "pdf": ["*.pdf"], "structured": []}


@pytest.fixture(scope="module", autouse=True)
def _fuzz_on_path() -> Iterator[None]:
    sys.path.insert(0, str(FUZZ))
    yield
    sys.path.remove(str(FUZZ))


def _target(fmt: str) -> Callable[[bytes], None]:
    spec = importlib.util.spec_from_file_location(f"fuzz_{fmt}", FUZZ / f"fuzz_{fmt}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.TestOneInput  # type: ignore[no-any-return]


@pytest.mark.parametrize("fmt", sorted(TARGETS))
def test_each_target_takes_its_fixtures_and_mutants(fmt: str) -> None:
    run = _target(fmt)
    seeds = [p for pattern in TARGETS[fmt] for p in sorted(hf.FIXTURES.glob(pattern))]
    if fmt == "structured":
        seeds = [hf.ROOT / "tests" / "read" / "data" / "report.yaml"]
    assert seeds
    for path in seeds:
        run(path.read_bytes())
    rng = random.Random(7)
    for _ in range(4):
        run(MUTATORS[fmt](rng)[1])
    run(b"")
    run(b"\x00\xff" * 100)


def test_a_multi_line_input_error_is_a_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    from disclosure_lint.errors import InputError

    run = _target("txt")

    def broken(*args: object, **kwargs: object) -> None:
        raise InputError("一行\n两行", "one\ntwo")

    monkeypatch.setattr("disclosure_lint.builder.loading.parse_bytes", broken)
    with pytest.raises(AssertionError, match="more than one line"):
        run(hf.SEED_TXT.read_bytes())
