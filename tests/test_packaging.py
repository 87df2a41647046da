"""The wheel holds every package, the built-in rules under a non-bare name, and their samples."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_folder_is_listed_in_pyproject() -> None:
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    on_disk = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "disclosure_lint").rglob("__init__.py")}
    on_disk.add("disclosure_lint_rules")
    assert on_disk == listed


def test_wheel_contents(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(tmp_path), str(ROOT)], check=True, capture_output=True)
    wheel = next(tmp_path.glob("disclosure_lint-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "disclosure_lint/py.typed" in names
    assert "disclosure_lint_rules/__init__.py" in names
    assert "disclosure_lint_rules/samples/seed.txt" in names
    assert {f"disclosure_lint/config/profiles/{p}.yaml" for p in ("2019", "2021", "strict")} <= names
    assert not any(n.startswith("rules/") for n in names)
    assert not any(n.startswith("tests/") for n in names)
    meta = next(n for n in names if n.endswith("entry_points.txt"))
    entry_points = zipfile.ZipFile(wheel).read(meta).decode()
    assert "[disclosure_lint]" in entry_points and "disclosure-lint = disclosure_lint.cli.main:main" in entry_points
