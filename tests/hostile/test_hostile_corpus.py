"""The hostile corpus (issue 9), each file through the real command line.

Every case must end with a finding (exit 1) or an input error (exit 2) whose message is one line
naming the file; never a traceback or an internal error; within 30 s and 1.5 GB (measured on the
subprocess: see cli_run). Large and crafted files are generated here, in the test's folder
(hostile_files). Each run's time and peak memory are recorded as junit properties
(``--junitxml``) for the record in docs/limits.md.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import hostile_files as hf
import pytest
from cli_run import LIMIT_RSS, LIMIT_SECONDS, Run, run_cli, run_many

from disclosure_lint.errors import InputError
from disclosure_lint.files import read_bytes
from disclosure_lint.reporters.registry import builtin_reporters


@dataclass(frozen=True)
class Case:
    id: str
    build: Callable[[Path], Path]
    exits: frozenset[int]
    says: tuple[str, ...] = ()  # one of these is in the file's message (English)


def _case(id: str, build: Callable[[Path], Path], exits: set[int], *says: str) -> Case:
    return Case(id, build, frozenset(exits), says)


def _dangling(folder: Path) -> Path:
    path = folder / "gone.txt"
    os.symlink("nowhere.txt", path)
    return path


def _folder_named_like_a_file(folder: Path) -> Path:
    path = folder / "report.docx"
    path.mkdir()
    return path


def _empty_docx(folder: Path) -> Path:
    path = folder / "empty.docx"
    path.write_bytes(b"")
    return path


def _truncated_docx(folder: Path) -> Path:
    path = folder / "cut.docx"
    data = hf.SEED_DOCX.read_bytes()
    path.write_bytes(data[:len(data) // 2])
    return path


CASES = [
    _case("docx-zip-bomb", lambda d: hf.zip_bomb_docx(d), {2}, "zip bomb"),
    _case("docx-zip-bomb-lying-headers", lambda d: hf.zip_bomb_docx(d, lie=True), {2}, "zip bomb", "damaged"),
    _case("docx-xxe", lambda d: hf.xxe_docx(d, _secret(d)), {1}),
    # libxml2 ≥ 2.11 refuses the expansion (exit 2); older ones leave the entity out (a blank cell).
    _case("docx-billion-laughs", hf.billion_laughs_docx, {1, 2}, "XML entities"),
    _case("docx-empty", _empty_docx, {1, 2}),
    _case("docx-truncated", _truncated_docx, {2}, "damaged"),
    _case("text-60-mb", hf.big_text, {2}, "exceeds the limit of 20 MB"),
    _case("text-nul-bytes", hf.nul_text, {2}, "a NUL byte on line 1"),
    _case("text-half-utf8-half-gb18030", hf.mixed_encoding_text, {2}, "not UTF-8 from line"),
    _case("text-10000-row-table", hf.table_rows_text, {1}),
    _case("html-10000-row-table", hf.table_rows_html, {1}),
    _case("html-20000-deep-tables", hf.nested_html, {2}, "256 deep"),
    _case("html-xxe", lambda d: hf.xxe_html(d, _secret(d)), {1}),
    _case("yaml-300000-entries", hf.big_structured_yaml, {2}, "more than 200000 nodes"),
    _case("json-1300000-objects", hf.big_structured_json, {2}, "more than 200000 nodes"),
    _case("pdf-garbage", hf.garbage_pdf, {2}, "not a readable PDF"),
    _case("pdf-password", hf.password_pdf, {2}, "password"),
    _case("pdf-1-gb-inflate-bomb", hf.pdf_inflate_bomb, {2}, "decompression bomb"),
    _case("pdf-truncated-stream", hf.pdf_truncated_stream, {2}, "drawing instructions"),
    _case("pdf-glyph-flood", hf.pdf_glyph_bomb, {2}, "characters or shapes"),
    _case("folder-symlink-loops", hf.symlink_loop_folder, {1}),
    _case("symlink-to-itself", hf.self_link, {2}, "symbolic links"),
    _case("dangling-symlink", _dangling, {2}, "no such file"),
    _case("fifo-without-writer", hf.fifo, {2}, "named pipe"),
    _case("folder-named-like-a-file", _folder_named_like_a_file, {2}, "no report files found"),
]

SECRET = "XXE-SECRET-7f3c9b1e"


def _secret(folder: Path) -> Path:
    path = folder / "secret.txt"
    if not path.exists():
        path.write_text(f"{SECRET}\n", encoding="utf-8")
    return path


def _lines_about(run: Run, target: Path) -> list[str]:
    return [line for line in run.stdout.splitlines() if line.startswith(str(target))]


def _check_run(run: Run, target: Path, case: Case, record: Callable[[str, object], None]) -> None:
    record("exit", run.returncode)
    record("seconds", round(run.seconds, 2))
    record("peak_mb", round(run.max_rss / (1 << 20)))
    assert not run.timed_out, run.describe()
    assert run.returncode in case.exits, run.describe()
    assert "Traceback" not in run.output and "internal error" not in run.output, run.describe()
    lines = _lines_about(run, target)
    assert lines, run.describe()
    if run.returncode == 2:
        assert len(lines) == 1 and ": input error: " in lines[0], run.describe()
        if case.says:
            assert any(s in lines[0] for s in case.says), run.describe()
        record("message", lines[0][len(str(target)):])
    else:
        record("message", f"{len(lines)} finding(s), first: {lines[0][len(str(target)):][:120]}")
    assert run.seconds < LIMIT_SECONDS, run.describe()
    assert run.max_rss < LIMIT_RSS, run.describe()


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_input_ends_in_a_finding_or_one_line_error(
        case: Case, tmp_path: Path, record_property: Callable[[str, object], None]) -> None:
    target = case.build(tmp_path)
    run = run_cli("check", str(target), "--output-format", "concise", "--lang", "en", cwd=tmp_path)
    _check_run(run, target, case, record_property)


def test_a_folder_with_symlink_loops_is_walked_once(tmp_path: Path) -> None:
    root = hf.symlink_loop_folder(tmp_path)
    run = run_cli("check", str(root), "--output-format", "concise", "--lang", "en", cwd=tmp_path)
    assert run.returncode == 1, run.describe()
    findings = [line for line in run.stdout.splitlines() if ": DL" in line]
    # The one report, once: not again through "again", "up" or "loop".
    assert len(findings) == 1 and findings[0].startswith(str(root / "reports" / "report.txt")), run.describe()


def _drop_file_permission_override() -> None:
    """In the child, before exec: give up root's power to read any file (CAP_DAC_OVERRIDE and
    CAP_DAC_READ_SEARCH, dropped from the bounding set), so that ``chmod 000`` means unreadable."""
    libc = ctypes.CDLL(None, use_errno=True)
    pr_capbset_drop, cap_dac_override, cap_dac_read_search = 24, 1, 2
    for cap in (cap_dac_override, cap_dac_read_search):
        if libc.prctl(pr_capbset_drop, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def test_unreadable_file(tmp_path: Path, record_property: Callable[[str, object], None]) -> None:
    # The suite runs as root in CI containers, where chmod 000 stops nobody: the child then runs
    # without the capabilities that bypass file permissions (still as root, so the interpreter
    # and the package stay readable). The file is found by walking its folder, beside a report
    # that must still be checked.
    folder = tmp_path / "site"
    folder.mkdir()
    target = folder / "locked.txt"
    shutil.copyfile(hf.SEED_TXT, target)
    target.chmod(0)
    hf.nul_text(folder).rename(folder / "other.txt")
    as_root = os.geteuid() == 0
    run = run_cli("check", str(folder), "--output-format", "concise", "--lang", "en", cwd=tmp_path,
                  preexec_fn=_drop_file_permission_override if as_root else None)
    _check_run(run, target, Case("unreadable", lambda d: d, frozenset({2}), ("permission denied",)), record_property)
    assert any(line.startswith(str(folder / "other.txt")) for line in run.stdout.splitlines()), run.describe()


def test_permission_error_is_an_input_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The same at the API level, whoever runs the suite: the open itself is refused.
    target = tmp_path / "seed.txt"
    shutil.copyfile(hf.SEED_TXT, target)

    def refuse(*args: object, **kwargs: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(InputError) as err:
        read_bytes(target)
    assert err.value.located("en") == f"{target}: permission denied" and "\n" not in err.value.zh


def test_a_pipe_with_a_writer_is_read_to_its_end() -> None:
    # What `check <(…)` hands over: /dev/fd/N of a pipe whose writer is already there. Opening
    # without blocking must not cost a byte of it, nor give up while the writer is still busy.
    seed = hf.SEED_TXT.read_bytes()
    r, w = os.pipe()
    try:
        def write_later() -> None:
            time.sleep(0.2)
            os.write(w, seed)
            os.close(w)

        writer = threading.Thread(target=write_later)
        writer.start()
        assert read_bytes(f"/dev/fd/{r}") == seed
        writer.join()
    finally:
        os.close(r)


def test_a_pipe_over_the_size_limit_is_refused() -> None:
    r, w = os.pipe()
    try:
        os.write(w, b"x" * 4096)
        os.close(w)
        with pytest.raises(InputError) as err:
            read_bytes(f"/dev/fd/{r}", max_file_size=1024)
        assert "size limit" in err.value.en and "\n" not in err.value.zh
    finally:
        os.close(r)


def test_walking_a_folder_never_opens_a_named_pipe(tmp_path: Path) -> None:
    from disclosure_lint.run.discovery import walk

    hf.fifo(tmp_path)
    shutil.copyfile(hf.SEED_TXT, tmp_path / "seed.txt")
    assert [p.name for p in walk(tmp_path)] == ["seed.txt"]


FORMATS = tuple(builtin_reporters())  # every output format that ships


def test_external_entities_never_reach_any_output(tmp_path: Path) -> None:
    secret = _secret(tmp_path)
    with open("/etc/passwd", encoding="utf-8") as fh:
        passwd = fh.readline().strip()
    assert passwd
    docx, html = hf.xxe_docx(tmp_path, secret), hf.xxe_html(tmp_path, secret)
    commands = [("check", str(docx), str(html), "--output-format", fmt, "--jobs", "1") for fmt in FORMATS]
    commands += [("parse", str(docx)), ("parse", str(html), "--output-format", "yaml")]
    runs = run_many(commands, cwd=tmp_path)
    for run in runs:
        assert run.returncode in (0, 1), run.describe()  # read: the entities are simply not expanded
        assert SECRET not in run.output and passwd not in run.output, run.describe()
    # Through the library, too: the reports carry no trace of either file.
    from disclosure_lint import lint_path

    for target in (docx, html):
        result = lint_path(target)
        dumped = result.report.model_dump_json() if result.report else ""
        assert result.report is not None and SECRET not in dumped and passwd not in dumped


def test_hostile_input_on_standard_input(tmp_path: Path, record_property: Callable[[str, object], None]) -> None:
    # The same limits when the bytes come from standard input (`check -`): here the 1 GB PDF.
    data = hf.pdf_inflate_bomb(tmp_path).read_bytes()
    run = run_cli("check", "-", "--stdin-filename", "upload.pdf", "--output-format", "concise", "--lang", "en",
                  cwd=tmp_path, stdin=data)
    _check_run(run, Path("upload.pdf"), Case("stdin", lambda d: d, frozenset({2}), ("decompression bomb",)),
               record_property)
