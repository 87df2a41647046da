"""Configuration files: discovery, both file forms, and strictness about typos."""

from __future__ import annotations

from pathlib import Path

import pytest

from disclosure_lint.config import Config, find_config, load_config_file
from disclosure_lint.config.profile import layered
from disclosure_lint.errors import ConfigError
from disclosure_lint.model import Severity


def test_yaml_config_with_hyphenated_keys(tmp_path: Path) -> None:
    cfg = tmp_path / "disclosure-lint.yaml"
    cfg.write_text("select: [DL3]\nextend-select: [DL501]\nignore: DL306\nfail-on: error\nlang: en\n"
                   "severity:\n  DL204: error\noptions:\n  DL306: {}\n", encoding="utf-8")
    config = load_config_file(cfg)
    assert config.select == ("DL3",)
    assert config.extend_select == ("DL501",)
    assert config.ignore == ("DL306",)
    assert config.fail_on is Severity.ERROR
    assert config.lang == "en"
    assert config.severity == {"DL204": Severity.ERROR}


def test_pyproject_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.disclosure-lint]\nignore = ["DL108"]\n', encoding="utf-8")
    (tmp_path / "reports").mkdir()
    found = find_config(tmp_path / "reports" / "a.txt")
    assert found == tmp_path / "pyproject.toml"
    assert load_config_file(found).ignore == ("DL108",)


def test_closest_config_wins_and_pyproject_without_table_is_passed_over(tmp_path: Path) -> None:
    (tmp_path / "disclosure-lint.yaml").write_text("lang: en\n", encoding="utf-8")
    sub = tmp_path / "county"
    sub.mkdir()
    (sub / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    assert find_config(sub / "r.txt") == tmp_path / "disclosure-lint.yaml"
    (sub / "disclosure-lint.yaml").write_text("lang: zh\n", encoding="utf-8")
    assert find_config(sub / "r2.txt") == sub / "disclosure-lint.yaml"


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("selct: [DL3]\n", "selct"),
        ("fail-on: fatal\n", "fail-on"),
        ("lang: fr\n", "lang"),
        ("severity:\n  DL204: severe\n", "severity"),
        ("- just\n- a list\n", "mapping"),
        ("select: [DL3\n", "YAML"),
    ],
)
def test_bad_config_names_the_problem(tmp_path: Path, text: str, needle: str) -> None:
    cfg = tmp_path / "disclosure-lint.yaml"
    cfg.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_config_file(cfg)
    assert needle in str(err.value)
    assert str(cfg) in str(err.value)


def test_command_line_ignores_add_to_the_files() -> None:
    """The command line is one more layer: its --ignore adds to the file's, its --select replaces."""
    config = layered(Config(select=("DL1",), ignore=("DL108",)), Config.given(select=("DL3",), ignore=("DL306",)))
    assert config.select == ("DL3",) and config.ignore == ("DL108", "DL306")


def test_cli_overrides_keep_unset_values() -> None:
    config = layered(Config(ignore=("DL108",), lang="en"), Config.given(select=("DL3",), lang=None))
    assert config.select == ("DL3",) and config.ignore == ("DL108",) and config.lang == "en"
