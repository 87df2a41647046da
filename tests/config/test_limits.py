"""The limits are configuration: ``limits:`` in a file, command-line options, ``Config(limits=…)``.

Each test sets one limit just below what the seed report needs and checks that the file is then
refused with a one-line message naming the limit — through the configuration file, the command
line and the library, in this process and in worker processes (which rebuild their readers from
the recipe) — and that a limit just above lets the same file through.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from disclosure_lint import lint_path, lint_paths, load_report
from disclosure_lint.cli.main import cli
from disclosure_lint.config import Config, load_config_file
from disclosure_lint.config.profile import layered, overlay
from disclosure_lint.errors import InputError
from disclosure_lint.limits import ArchiveLimits, Limits, PdfLimits, format_size, given_limits, parse_size
from disclosure_lint.plugins.manager import Plugins

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEED_TXT, SEED_DOCX, SEED_PDF = FIXTURES / "seed.txt", FIXTURES / "seed.docx", FIXTURES / "seed.pdf"
DOCX_EXPANDED = 967_431  # the seed .docx's members, uncompressed, together
PLUGIN = str(Path(__file__).resolve().parent / "limits_reader_plugin.py")


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


def errors(out: str) -> dict[str, str | None]:
    """File name → its input error (English), from the JSON output."""
    return {Path(f["path"]).name: (f["input_error"] or {}).get("en") for f in json.loads(out)["files"]}


def write_config(folder: Path, text: str) -> Path:
    path = folder / "disclosure-lint.yaml"
    path.write_text(text, encoding="utf-8")
    return path


# ---- values --------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "size"), [("20MB", 20 << 20), ("512k", 512 << 10), ("1.5G", 3 << 29),
                                            ("1048576", 1 << 20), (" 64 MiB ", 64 << 20), (4096, 4096)])
def test_sizes_parse_with_binary_units(text: Any, size: int) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["lots", "20 TB", "-1MB", "", True])
def test_what_is_not_a_size_is_refused(text: Any) -> None:
    with pytest.raises(ValueError):
        parse_size(text)


def test_sizes_are_shown_as_people_write_them() -> None:
    assert [format_size(n) for n in (20 << 20, 1536, 1000, 3 << 29)] == ["20 MB", "1.5 KB", "1000 bytes", "1.5 GB"]


def test_the_defaults_are_the_documented_ones() -> None:
    limits = Limits()
    assert (limits.max_file_size, limits.timeout_per_file) == (20 << 20, None)
    assert (limits.archive.members, limits.archive.expanded_size, limits.archive.member_size) == (
        10_000, 200 << 20, 64 << 20)
    assert (limits.pdf.inflated_size, limits.pdf.pages, limits.pdf.objects) == (256 << 20, 2_000, 300_000)

def _keys(model: type[Any], prefix: str = "") -> list[str]:
    """Every limit's key as a configuration file writes it: ``pdf.page-objects``."""
    out = []
    for name, field in model.model_fields.items():
        key = prefix + (field.alias or name)
        annotation = field.annotation
        out += _keys(annotation, key + ".") if isinstance(annotation, type) and hasattr(annotation, "model_fields") \
            else [key]
    return out


def test_every_limit_is_documented_with_its_key() -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "limits.md").read_text(encoding="utf-8")
    keys = _keys(Limits)
    assert len(keys) == 11
    for key in keys:
        assert f"`{key}`" in doc, key
        assert f"  {key.rsplit('.', 1)[-1]}:" in doc, key  # in the example configuration


# ---- the configuration file ----------------------------------------------------------------------
def test_a_file_sets_limits_in_its_units_and_hyphens(tmp_path: Path) -> None:
    config = load_config_file(write_config(tmp_path, (
        "limits:\n  max-file-size: 5MB\n  timeout-per-file: 30\n"
        "  archive:\n    expanded-size: 100MB\n  pdf:\n    pages: 50\n    page-objects: 1000\n")))
    assert config.limits == Limits(max_file_size=5 << 20, timeout_per_file=30,
                                   archive=ArchiveLimits(expanded_size=100 << 20),
                                   pdf=PdfLimits(pages=50, page_objects=1000))


@pytest.mark.parametrize(("text", "named"), [
    ("limits:\n  max-file-size: lots\n", "limits.max-file-size"),
    ("limits:\n  max-file-size: 0\n", "limits.max-file-size"),
    ("limits:\n  timeout-per-file: -1\n", "limits.timeout-per-file"),
    ("limits:\n  pdf:\n    pagez: 5\n", "limits.pdf.pagez"),
    ("limits:\n  archive: 5\n", "limits.archive"),
])
def test_a_bad_limit_is_a_usage_error_naming_the_key(tmp_path: Path, text: str, named: str) -> None:
    write_config(tmp_path, text)
    code, out = run("check", str(tmp_path / "x.txt"))
    assert code == 2 and named in out and "Traceback" not in out


def test_layers_merge_limit_by_limit(tmp_path: Path) -> None:
    """A file that extends another keeps the limits it does not set; the command line's limit
    wins over the file's and leaves its other limits alone."""
    (tmp_path / "base.yaml").write_text("limits:\n  max-file-size: 1MB\n  pdf:\n    pages: 40\n", encoding="utf-8")
    path = write_config(tmp_path, "extends: [base.yaml]\nlimits:\n  pdf:\n    objects: 9000\n")
    config = load_config_file(path)
    assert (config.limits.max_file_size, config.limits.pdf.pages, config.limits.pdf.objects) == (1 << 20, 40, 9000)
    merged = layered(config, Config.given(limits=given_limits(max_file_size=2 << 20, max_archive_size=3 << 20)))
    assert (merged.limits.max_file_size, merged.limits.archive.expanded_size) == (2 << 20, 3 << 20)
    assert (merged.limits.pdf.pages, merged.limits.pdf.objects) == (40, 9000)
    top = Config.from_mapping({"limits": {"archive": {"members": 20}}}, "top.yaml")
    assert overlay(config, top).limits.archive == ArchiveLimits(members=20)
    assert overlay(config, top).limits.pdf.pages == 40


def test_a_plugins_default_configuration_may_set_limits(tmp_path: Path) -> None:
    plugin = tmp_path / "long_pdfs.py"
    plugin.write_text("from disclosure_lint import hookimpl\n\n"
                      "@hookimpl\ndef disclosure_lint_default_config():\n"
                      "    return {'limits': {'pdf': {'pages': 4}}}\n", encoding="utf-8")
    linter = Plugins().linter(Config(plugins=(str(plugin),)))
    assert linter.config.limits.pdf.pages == 4
    assert "more than 4 pages" in (lint_path(SEED_PDF, linter=linter).input_error.en or "")  # type: ignore[union-attr]


# ---- each limit, as a user sets it ---------------------------------------------------------------
def test_max_file_size_from_the_file_and_from_the_option(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_bytes(SEED_TXT.read_bytes())
    size = report.stat().st_size
    write_config(tmp_path, f"limits:\n  max-file-size: {size - 1}\n")
    code, out = run("check", str(report), "-f", "json", "--lang", "en")
    assert code == 2
    message = errors(out)["r.txt"]
    assert message is not None and "exceeds the limit" in message and "limits.max-file-size" in message
    assert run("check", str(report), "--max-file-size", str(size))[0] == 0  # the option wins
    write_config(tmp_path, f"limits:\n  max-file-size: {size}\n")
    assert run("check", str(report))[0] == 0


def test_standard_input_is_held_to_the_configured_size(tmp_path: Path) -> None:
    data = SEED_TXT.read_bytes()
    result = CliRunner().invoke(cli, ["check", "-", "--isolated", "--max-file-size", str(len(data) - 1), "-f", "json"],
                                input=data)
    assert result.exit_code == 2 and "size limit" in (errors(result.output)["-"] or "")
    result = CliRunner().invoke(cli, ["check", "-", "--isolated", "--max-file-size", str(len(data))], input=data)
    assert result.exit_code == 0


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_archive_expansion_from_the_file_reaches_every_worker(tmp_path: Path, jobs: str) -> None:
    for name in ("a.docx", "b.docx"):
        (tmp_path / name).write_bytes(SEED_DOCX.read_bytes())
    write_config(tmp_path, f"limits:\n  archive:\n    expanded-size: {DOCX_EXPANDED - 1}\n")
    code, out = run("check", str(tmp_path), "-f", "json", "-j", jobs)
    assert code == 2
    for message in errors(out).values():
        assert message is not None and "possible zip bomb" in message and "limits.archive" in message
        assert "\n" not in message
    write_config(tmp_path, f"limits:\n  archive:\n    expanded-size: {DOCX_EXPANDED}\n")
    code, out = run("check", str(tmp_path), "-f", "json", "-j", jobs)
    assert code == 0 and set(errors(out).values()) == {None}


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_max_archive_size_option_reaches_every_worker(tmp_path: Path, jobs: str) -> None:
    for name in ("a.docx", "b.docx"):
        (tmp_path / name).write_bytes(SEED_DOCX.read_bytes())
    code, out = run("check", str(tmp_path), "--isolated", "-f", "json", "-j", jobs,
                    "--max-archive-size", str(DOCX_EXPANDED - 1))
    assert code == 2 and all("zip bomb" in (m or "") for m in errors(out).values())
    assert run("check", str(tmp_path), "--isolated", "-j", jobs, "--max-archive-size", "1MB")[0] == 0


def test_members_and_member_size_limits(tmp_path: Path) -> None:
    (tmp_path / "r.docx").write_bytes(SEED_DOCX.read_bytes())
    write_config(tmp_path, "limits:\n  archive:\n    members: 17\n")
    code, out = run("check", str(tmp_path / "r.docx"), "-f", "json")
    assert code == 2 and "holds 18 members, more than the limit of 17" in (errors(out)["r.docx"] or "")
    write_config(tmp_path, "limits:\n  archive:\n    member-size: 100KB\n")  # document.xml inflates to 137 KB
    code, out = run("check", str(tmp_path / "r.docx"), "-f", "json")
    assert code == 2 and "more than 100 KB" in (errors(out)["r.docx"] or "")


@pytest.mark.parametrize(("limit", "needs", "says"), [
    ("pages", 9, "more than 8 pages"),
    ("objects", 5_199, "more than 5198 characters or shapes"),
    ("inflated-size", 338_971, "possible decompression bomb"),
])
def test_pdf_limits_from_the_file(tmp_path: Path, limit: str, needs: int, says: str) -> None:
    (tmp_path / "r.pdf").write_bytes(SEED_PDF.read_bytes())
    write_config(tmp_path, f"limits:\n  pdf:\n    {limit}: {needs - 1}\n")
    code, out = run("check", str(tmp_path / "r.pdf"), "-f", "json")
    assert code == 2 and says in (errors(out)["r.pdf"] or "")
    write_config(tmp_path, f"limits:\n  pdf:\n    {limit}: {needs}\n")
    assert run("check", str(tmp_path / "r.pdf"))[0] == 0


def test_timeout_per_file_from_the_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(SEED_TXT.read_bytes())
    (tmp_path / "b.hang.txt").write_bytes(SEED_TXT.read_bytes())
    write_config(tmp_path, "limits:\n  timeout-per-file: 1\n")
    code, out = run("check", str(tmp_path), "-p", str(FIXTURES.parent / "batch" / "slow_reader_plugin.py"),
                    "-f", "json", "-j", "2")
    assert code == 2
    by = errors(out)
    assert by["a.txt"] is None and "took longer than 1 s" in (by["b.hang.txt"] or "")


def test_each_folder_gets_the_limits_of_its_own_configuration(tmp_path: Path) -> None:
    strict, loose = tmp_path / "strict", tmp_path / "loose"
    for folder in (strict, loose):
        folder.mkdir()
        (folder / "r.pdf").write_bytes(SEED_PDF.read_bytes())
    write_config(strict, "limits:\n  pdf:\n    pages: 3\n")
    write_config(loose, "limits:\n  pdf:\n    pages: 30\n")
    code, out = run("check", str(strict), str(loose), "-f", "json", "-j", "2")
    files = {Path(f["path"]).parent.name: f for f in json.loads(out)["files"]}
    assert code == 2
    assert "more than 3 pages" in files["strict"]["input_error"]["en"] and files["loose"]["input_error"] is None


# ---- the library ---------------------------------------------------------------------------------
def test_the_library_takes_limits_in_its_configuration() -> None:
    tight = Config(limits=Limits(archive=ArchiveLimits(expanded_size=DOCX_EXPANDED - 1)))
    assert "zip bomb" in (lint_path(SEED_DOCX, config=tight).input_error.en or "")  # type: ignore[union-attr]
    assert lint_path(SEED_DOCX, config=Config()).input_error is None
    [result] = lint_paths([SEED_DOCX], config=tight)
    assert result.input_error is not None
    with pytest.raises(InputError) as err:
        load_report(SEED_PDF, limits=Limits(pdf=PdfLimits(pages=2)))
    assert "more than 2 pages" in err.value.en


def test_library_keywords_override_only_the_limit_they_name() -> None:
    tight = Config(limits=Limits(archive=ArchiveLimits(expanded_size=DOCX_EXPANDED - 1)))
    size = SEED_TXT.stat().st_size
    result = lint_path(SEED_TXT, config=tight, max_file_size=size - 1)
    assert "exceeds the limit" in (result.input_error.en or "")  # type: ignore[union-attr]
    [docx, txt] = lint_paths([SEED_DOCX, SEED_TXT], config=tight, max_file_size=1 << 20, jobs=2)
    assert docx.input_error is not None and "zip bomb" in docx.input_error.en and txt.input_error is None


# ---- a plugin's reader ---------------------------------------------------------------------------
def test_a_plugin_reader_receives_the_configured_limits(tmp_path: Path) -> None:
    """The readers hook passes the run's limits to an implementation that asks for them; one
    that does not (the argument-less form, as the slow reader plugin's) still works."""
    old = str(FIXTURES.parent / "batch" / "slow_reader_plugin.py")
    plugins = Plugins(autoload=False, modules=(PLUGIN, old))
    limits = Limits(max_file_size=12345, pdf=PdfLimits(pages=7))
    readers = plugins.readers(limits)
    mine = next(r for r in readers if r.name == "limits-probe")
    assert mine.limits is limits
    assert {"hang", "docx", "pdf"} <= {r.name for r in readers}
    assert plugins.readers(limits) == readers  # built once per set of limits
    (tmp_path / "r.probe").write_text("x", encoding="utf-8")
    write_config(tmp_path, "limits:\n  pdf:\n    pages: 7\n")
    code, out = run("check", str(tmp_path / "r.probe"), "-p", PLUGIN, "-f", "json")
    assert code == 2 and "pages=7" in (errors(out)["r.probe"] or "")


# ---- as a user runs it ---------------------------------------------------------------------------
def test_the_command_names_the_option_and_the_key_in_a_real_process(tmp_path: Path) -> None:
    report = tmp_path / "r.docx"
    report.write_bytes(SEED_DOCX.read_bytes())
    proc = subprocess.run([sys.executable, "-m", "disclosure_lint", "check", str(report), "--isolated",
                           "--max-archive-size", "512KB"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert "压缩包解压后超过 512 KB" in proc.stdout and "limits.archive" in proc.stdout
    assert "Traceback" not in proc.stdout + proc.stderr
    proc = subprocess.run([sys.executable, "-m", "disclosure_lint", "check", str(report), "--max-archive-size", "lots"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "not a size" in proc.stderr


def test_the_configuration_schema_accepts_what_the_configuration_accepts() -> None:
    """Editors validate disclosure-lint.yaml against ``disclosure-lint schema --what config``:
    a size written "20MB" must pass there as it does here."""
    import jsonschema

    code, out = run("schema", "--what", "config")
    schema = json.loads(out)
    for value in ("20MB", "512k", "1.5G", "64 MiB", 1 << 20):
        jsonschema.validate({"limits": {"max-file-size": value, "pdf": {"inflated-size": value}}}, schema)
        assert Config.from_mapping({"limits": {"max-file-size": value}}, "x.yaml").limits.max_file_size > 0
    for value in ("lots", -1, 0):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate({"limits": {"max-file-size": value}}, schema)
