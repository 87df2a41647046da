"""Batches: the same results in the same order for any --jobs; one file never starts a pool; a
hung or crashing file costs only itself; --include/--exclude; the csv output; the progress bar."""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import pickle
import time
from pathlib import Path

import pytest
from batch_corpus import FIXTURES, PLUGIN, SEED
from click.testing import CliRunner

from disclosure_lint import Config, lint_paths, load_report
from disclosure_lint.cli.main import cli
from disclosure_lint.cli.progress import ProgressBar, wanted
from disclosure_lint.model import Report
from disclosure_lint.plugins.manager import PluginOptions
from disclosure_lint.reporters.csv_report import COLUMNS
from disclosure_lint.run import batch, executors
from disclosure_lint.run.batch import BatchOptions, expand_paths, run_batch
from disclosure_lint.run.executors import ProcessPool
from disclosure_lint.run.pairing import Candidate, find_previous, pair_batch
from disclosure_lint.run.recipe import Checkers, LinterRecipe
from disclosure_lint.run.tasks import summary


def run(*args: str, input: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def files(out: str, root: Path) -> dict[str, dict]:
    """The json output's files by path below ``root`` (as given when elsewhere)."""
    return {Path(f["path"]).relative_to(root).as_posix() if Path(f["path"]).is_relative_to(root) else f["path"]: f
            for f in json.loads(out)["files"]}


# ---- the same results whatever the number of workers ---------------------------------------------
PDF = str(FIXTURES / "seed.pdf")


def test_json_output_is_identical_for_any_jobs(corpus: Path) -> None:
    outs = {jobs: run("check", str(corpus), PDF, "-f", "json", "-j", str(jobs)) for jobs in (1, 2)}
    assert outs[1] == outs[2]
    code, out, _ = outs[1]
    assert code == 2  # b/broken.docx cannot be read; the batch went on
    by = files(out, corpus)
    assert set(by) == {"a/seed.txt", "a/seed.html", "a/seed.docx", PDF, "b/postcode.txt", "b/total.txt",
                       "b/broken.docx", "c/2022.txt", "notes/README.md"}
    assert by["b/broken.docx"]["input_error"] is not None and by["notes/README.md"]["passed_over"]
    assert "DL503" in {f["rule_id"] for f in by["b/postcode.txt"]["findings"]}
    # Cross-year pairing: every 2023 report of the body found c/2022.txt, the 2022 one nothing.
    for name in ("a/seed.txt", "a/seed.html", "a/seed.docx", PDF, "b/postcode.txt"):
        assert "DL601" not in {s["rule_id"] for s in by[name]["skipped"]}, name
    assert "DL601" in {s["rule_id"] for s in by["c/2022.txt"]["skipped"]}


def test_library_results_are_equal_and_in_the_order_of_the_files(corpus: Path) -> None:
    serial = lint_paths([corpus / "b", corpus / "a", corpus / "c"], jobs=1)
    parallel = lint_paths([corpus / "b", corpus / "a", corpus / "c"], jobs=2)
    assert [r.path for r in parallel] == [t.path for t in expand_paths([corpus / "b", corpus / "a", corpus / "c"])]
    assert parallel == serial  # reports, findings, skipped rules: all of it


def test_previous_folder_and_standard_input_in_parallel(corpus: Path) -> None:
    stdin = (corpus / "b" / "postcode.txt").read_bytes()
    args = ["check", str(corpus / "a"), "-", "--stdin-filename", "stdin.txt", "--previous", str(corpus / "c"),
            "-f", "json"]
    serial = run(*args, "-j", "1", input=stdin)
    assert run(*args, "-j", "2", input=stdin) == serial
    by = {f["path"]: f for f in json.loads(serial[1])["files"]}
    assert "DL503" in {f["rule_id"] for f in by["stdin.txt"]["findings"]}
    assert "DL601" not in {s["rule_id"] for s in by["stdin.txt"]["skipped"]}  # paired from the folder


def test_dask_local_cluster_gives_the_same_output(corpus: Path) -> None:
    local = run("check", str(corpus), PDF, "-f", "json", "-j", "1")
    on_dask = run("check", str(corpus), PDF, "-f", "json", "--executor", "dask", "-j", "2")
    assert on_dask[:2] == local[:2]  # exit code and output (Dask may log to standard error)


def test_reports_and_recipes_cross_process_boundaries_intact() -> None:
    for name in ("seed.txt", "seed.html", "seed.docx", "seed.pdf"):
        report = load_report(FIXTURES / name)
        assert pickle.loads(pickle.dumps(report)) == report
    recipe = LinterRecipe(config_file="x.yaml", overrides=Config.given(select=("DL3",), lang=None),
                          plugins=PluginOptions(modules=(PLUGIN,)))
    assert pickle.loads(pickle.dumps(recipe)) == recipe


def test_scheduler_needs_the_dask_executor() -> None:
    code, _, err = run("check", str(FIXTURES / "seed.txt"), "--scheduler", "tcp://127.0.0.1:1")
    assert code == 2 and "--executor dask" in err


# ---- pools: when, and what a bad file costs -----------------------------------------------------
class _Spy(ProcessPool):
    made = 0

    def __init__(self, *args: object, **kwargs: object) -> None:
        type(self).made += 1
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]


def test_one_file_never_starts_a_pool_two_do(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(batch, "ProcessPool", _Spy)
    _Spy.made = 0
    assert run("check", str(FIXTURES / "seed.txt"), "-j", "2", "--timeout-per-file", "60")[0] == 0
    assert _Spy.made == 0
    (tmp_path / "one").mkdir()
    (tmp_path / "one" / "r.txt").write_text(SEED, encoding="utf-8")
    assert run("check", str(tmp_path / "one"), "-j", "2")[0] == 0  # a folder of one file: no pool either
    assert _Spy.made == 0
    assert run("check", str(FIXTURES / "seed.txt"), str(FIXTURES / "seed.html"), "-j", "2")[0] == 0
    assert _Spy.made == 1


@pytest.fixture
def bad_batch(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(SEED, encoding="utf-8")
    (tmp_path / "b.hang.txt").write_text(SEED, encoding="utf-8")
    (tmp_path / "c.txt").write_text(SEED.replace("邮编：255022", "邮编：25502"), encoding="utf-8")
    (tmp_path / "d.crash.txt").write_text(SEED, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_hung_file_times_out_and_a_crash_costs_only_its_file(bad_batch: Path, jobs: int,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    pools: list[ProcessPool] = []

    def pool(*args: object, **kwargs: object) -> ProcessPool:
        pools.append(ProcessPool(*args, **kwargs))  # type: ignore[arg-type]
        return pools[-1]

    monkeypatch.setattr(batch, "ProcessPool", pool)
    start = time.monotonic()
    code, out, _ = run("check", str(bad_batch), "-p", PLUGIN, "-f", "json", "-j", str(jobs),
                       "--timeout-per-file", "2")  # a worker's start-up does not count
    assert time.monotonic() - start < 20
    assert code == 2
    by = files(out, bad_batch)
    assert list(by) == ["a.txt", "b.hang.txt", "c.txt", "d.crash.txt"]
    assert "took longer than 2 s" in by["b.hang.txt"]["input_error"]["en"]
    assert "worker process checking this file died (exit code 3)" in by["d.crash.txt"]["input_error"]["en"]
    assert by["a.txt"]["findings"] == [] and by["a.txt"]["input_error"] is None
    assert [f["rule_id"] for f in by["c.txt"]["findings"]] == ["DL503"]
    # Even --jobs 1 checks in a worker when there is a time limit; each lost worker was replaced.
    assert len(pools) == 1 and pools[0].started == jobs + 2


def test_a_hung_single_file_in_process_times_out(bad_batch: Path) -> None:
    code, out, _ = run("check", str(bad_batch / "b.hang.txt"), "-p", PLUGIN, "-f", "json",
                       "--timeout-per-file", "0.5")
    assert code == 2
    assert "超过 0.5 秒" in json.loads(out)["files"][0]["input_error"]["zh"]


def test_workers_started_without_fork_give_the_same_results(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A process with threads (a Dask client, an application) starts workers with forkserver:
    they import everything afresh and rebuild the linters from the recipe alone."""
    serial = lint_paths([corpus / "a", corpus / "b"], jobs=1)
    monkeypatch.setattr(executors, "_start_method", lambda: multiprocessing.get_context("forkserver"))
    assert lint_paths([corpus / "a", corpus / "b"], jobs=2) == serial


# ---- which files -----------------------------------------------------------------------------------
def test_include_and_exclude_choose_among_a_folders_files(corpus: Path) -> None:
    def names(targets: list[batch.Target]) -> list[str]:
        return [Path(t.path).relative_to(corpus).as_posix() for t in targets]

    assert names(expand_paths([corpus], include=["*.txt"], exclude=["c/"])) == [
        "a/seed.txt", "b/postcode.txt", "b/total.txt"]
    assert names(expand_paths([corpus], exclude=["*.pdf", "/notes", "b/*.docx"])) == [
        "a/seed.docx", "a/seed.html", "a/seed.txt", "b/postcode.txt", "b/total.txt", "c/2022.txt"]
    named = corpus / "c" / "2022.txt"
    assert len(expand_paths([named], exclude=["c/"])) == 1  # a file named directly is linted …
    assert expand_paths([named], exclude=["c/"], force_exclude=True) == []  # … unless --force-exclude
    code, out, _ = run("check", str(corpus), "--include", "*.docx", "-f", "json", "-j", "1")
    assert code == 2 and set(files(out, corpus)) == {"a/seed.docx", "b/broken.docx"}


# ---- csv ----------------------------------------------------------------------------------------------
def test_csv_has_one_row_per_report_with_the_json_counts(corpus: Path) -> None:
    code, out, _ = run("check", str(corpus), "-f", "csv", "-j", "2")
    assert code == 2 and out.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(out[1:])))
    assert tuple(rows[0]) == COLUMNS
    by = {Path(r["path"]).relative_to(corpus).as_posix(): r for r in rows}
    assert "notes/README.md" not in by and len(rows) == 7
    assert list(by) == sorted(by)  # rows sorted by path
    as_json = files(run("check", str(corpus), "-f", "json", "-j", "1")[1], corpus)
    for name, row in by.items():
        counts = as_json[name]["counts"]
        assert (int(row["error"]), int(row["warning"]), int(row["info"])) == (
            counts["error"], counts["warning"], counts["info"]), name
        assert row["rules"].split() == sorted({f["rule_id"] for f in as_json[name]["findings"]})
    postcode = by["b/postcode.txt"]
    assert (postcode["format"], postcode["agency"], postcode["year"], postcode["template"]) == (
        "text", "淄博市行政审批服务局", "2023", "2021")
    assert postcode["status"] == "findings" and "DL503" in postcode["rules"].split()
    assert by["b/total.txt"]["agency"] == "淄博市教育局"
    broken = by["b/broken.docx"]
    assert broken["status"] == "error" and broken["input_error"] and broken["agency"] == ""


# ---- progress --------------------------------------------------------------------------------------
class _Stream(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


def test_progress_only_on_a_terminal_outside_ci() -> None:
    tty, pipe = _Stream(True), _Stream(False)
    assert wanted(tty, tty, output_file=None, quiet=False, env={})
    assert wanted(tty, pipe, output_file="out.json", quiet=False, env={})  # findings to a file
    assert not wanted(tty, pipe, output_file=None, quiet=False, env={})  # findings piped on
    assert not wanted(pipe, tty, output_file=None, quiet=False, env={})  # standard error piped
    assert not wanted(tty, tty, output_file=None, quiet=False, env={"CI": "true"})
    assert wanted(tty, tty, output_file=None, quiet=False, env={"CI": "false"})
    assert not wanted(tty, tty, output_file=None, quiet=True, env={})


def test_progress_bar_appears_only_after_a_second() -> None:
    now = [0.0]
    out = _Stream(True)
    bar = ProgressBar(file=out, clock=lambda: now[0])
    bar(1, 10)
    now[0] = 0.9
    bar(4, 10)
    assert not bar.shown and out.getvalue() == ""
    now[0] = 1.2
    bar(6, 12)  # the total may grow (a report linted again with last year's)
    assert bar.shown and "6/12" in out.getvalue()
    bar(12, 12)
    bar.close()
    assert "12/12" in out.getvalue() and not bar.shown


def test_batch_reports_every_step(corpus: Path) -> None:
    seen: list[tuple[int, int]] = []
    run_batch([corpus], Checkers(LinterRecipe()), BatchOptions(jobs=2, progress=lambda d, t: seen.append((d, t))))
    assert seen and seen[-1][0] == seen[-1][1]
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


# ---- summaries instead of whole reports -------------------------------------------------------
@pytest.mark.parametrize(("previous", "jobs"), [(None, 2), ("c", 1)])
def test_summaries_give_the_same_findings_in_any_process(corpus: Path, previous: str | None, jobs: int) -> None:
    """Without whole reports, a report paired with last year's is read again (with last year's,
    from its own file) to be linted with it: the findings are those of the whole-report run."""
    prev = corpus / previous if previous else None
    paths = [corpus / "a", corpus / "b"] if previous else [corpus]
    whole = lint_paths(paths, previous=prev, jobs=1)
    slim = lint_paths(paths, previous=prev, jobs=jobs, keep_reports=False)
    assert [r.path for r in slim] == [r.path for r in whole]
    for s, w in zip(slim, whole, strict=True):
        assert (s.findings, s.skipped, s.errors, s.input_error, s.passed_over) == (
            w.findings, w.skipped, w.errors, w.input_error, w.passed_over), s.path
        assert s.report == (summary(w.report) if w.report is not None else None)
        assert s.report is None or (s.report.sections == [] and s.report.requests is None)
    assert any("DL601" in r.rules_run and "DL601" not in {k.rule_id for k in r.skipped} for r in slim)


def test_html_output_keeps_whole_reports_and_is_identical(corpus: Path) -> None:
    one = run("check", str(corpus / "a"), str(corpus / "b" / "postcode.txt"), "-f", "html", "-j", "1")
    assert run("check", str(corpus / "a"), str(corpus / "b" / "postcode.txt"), "-f", "html", "-j", "2") == one
    assert "三、本年度办理结果" in one[1]  # the tables are redrawn: the reports were kept whole


# ---- pairing a large batch ------------------------------------------------------------------------
def test_indexed_pairing_agrees_with_comparing_every_pair() -> None:
    import random

    rng = random.Random(3)
    places = ["", "淄博市", "山东省淄博市", "张店区", "淄博市张店区"]
    bodies = ["教育局", "行政审批服务局", "人民政府", "人民政府办公室", "财政局（国资委）", "卫生健康委员会"]
    items = [Candidate(f"r{n}.txt", Report(title_year=rng.choice([2021, 2022, 2023]),
                                          agency=rng.choice(places) + rng.choice(bodies)))
             for n in range(300)]
    pool = [Candidate(f"p{n}.txt", Report(title_year=2022, agency=rng.choice(places) + rng.choice(bodies)))
            for n in range(50)]
    every = [*items, *pool]
    expected = {i.path: m for i in items if (m := find_previous(i.report, every, path=i.path)) is not None}
    assert pair_batch(items, pool) == expected
    assert expected  # the names were chosen so that some pair
