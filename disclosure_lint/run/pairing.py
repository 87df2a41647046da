"""Pairing a report with last year's report of the same body (DL601–DL604).

The cross-year rules compare a report for year Y with the report of the *same body* for Y−1: this
year's 上年结转 is last year's 结转下年度, this year's 现行有效件数 follows from last year's. A pair
is found the way a person finds it: by the body's name in the title and the report year — never
by file name, which says nothing reliable (“年报.docx”, “2023.pdf”).

Names vary a little from year to year and from site to site: 人民政府 / 政府, a province put in
front (“山东省淄博市…” / “淄博市…”), 中华人民共和国 before a ministry, an annotation in brackets
(“…局（…中心）”), Traditional characters on mirror pages. `agency_key` folds these; `same_body`
also accepts one name being the other with a place in front. A body renamed in an institutional
reform is a different name: it does not pair automatically (give ``--previous`` and judge DL604).

The same functions decide DL604 (“the report given as last year's is not from the same body”), so
automatic pairing and the rule can never disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..builder.loading import Loader
from ..errors import InputError
from ..model import Report
from ..text.agency import MIN_SHORTER, agency_key, same_body
from .discovery import walk


@dataclass(frozen=True)
class Candidate:
    """A report that may be another's previous year: where it came from and what it is."""

    path: str
    report: Report

    @property
    def year(self) -> int | None:
        return self.report.year

    @property
    def agency(self) -> str | None:
        return self.report.agency


def find_previous(report: Report, candidates: Iterable[Candidate], *, path: str | None = None) -> Candidate | None:
    """The candidate that is ``report``'s previous year (same body, year Y−1), or None.

    With several such candidates (the same report as .docx and .pdf, say) the one whose name
    matches exactly and then the one of the same file type win; if that still leaves more than one,
    none is taken: a wrong pair would make wrong findings.
    """
    year = report.year
    if year is None or agency_key(report.agency) is None:
        return None
    own = Path(path).resolve() if path and path != "-" else None
    found = [c for c in candidates
             if c.year == year - 1 and same_body(report.agency, c.agency)
             and (own is None or c.path == "-" or Path(c.path).resolve() != own)]
    if len(found) > 1:
        exact = [c for c in found if agency_key(c.agency) == agency_key(report.agency)]
        found = exact or found
    if len(found) > 1 and path:
        suffix = Path(path).suffix.lower()
        same_type = [c for c in found if Path(c.path).suffix.lower() == suffix]
        found = same_type or found
    return found[0] if len(found) == 1 else None


class _Index:
    """The candidates by year and comparison key, so that finding a report's previous year looks
    at the few candidates that can match rather than at all of them: pairing a batch of ten
    thousand reports is then linear, not quadratic. Same answers as `find_previous`."""

    def __init__(self, candidates: Sequence[Candidate]) -> None:
        self.candidates = candidates
        # (year, key) → positions; (year, suffix) → positions of longer keys ending with it
        self._exact: dict[tuple[int, str], list[int]] = {}
        self._ends: dict[tuple[int, str], list[int]] = {}
        for n, c in enumerate(candidates):
            key = agency_key(c.agency)
            if c.year is None or key is None:
                continue
            self._exact.setdefault((c.year, key), []).append(n)
            for j in range(1, len(key) - MIN_SHORTER + 1):
                self._ends.setdefault((c.year, key[j:]), []).append(n)

    def previous(self, report: Report, path: str | None) -> Candidate | None:
        year, key = report.year, agency_key(report.agency)
        if year is None or key is None:
            return None
        wanted = year - 1
        hits = set(self._exact.get((wanted, key), ()))
        for j in range(1, len(key) - MIN_SHORTER + 1):  # a candidate's key is ours without a place
            hits.update(self._exact.get((wanted, key[j:]), ()))
        if len(key) >= MIN_SHORTER:  # ours is the candidate's without a place
            hits.update(self._ends.get((wanted, key), ()))
        near = [self.candidates[n] for n in sorted(hits)]
        return find_previous(report, near, path=path) if near else None


def pair_batch(items: Sequence[Candidate], pool: Sequence[Candidate] = ()) -> dict[str, Candidate]:
    """For each report of a batch, its previous year among the batch and ``pool`` (a ``--previous``
    folder), keyed by path. Reports without a match are left out."""
    seen: set[str] = set()
    candidates: list[Candidate] = []
    for c in (*items, *pool):
        marker = c.path if c.path == "-" else str(Path(c.path).resolve())
        if marker not in seen:
            seen.add(marker)
            candidates.append(c)
    index = _Index(candidates)
    pairs: dict[str, Candidate] = {}
    for item in items:
        match = index.previous(item.report, item.path)
        if match is not None:
            pairs[item.path] = match
    return pairs


@dataclass(frozen=True)
class Pairing:
    """What `resolve_previous` decided: last year's report for each checked path, and the checked
    paths for which a ``--previous`` folder held no match (worth a note to the user)."""

    previous: dict[str, Report]
    unmatched: tuple[str, ...] = ()


def resolve_previous(items: Sequence[Candidate], previous: Report | str | Path | None = None, *,
                     loader: Loader, pool: Sequence[Candidate] | None = None) -> Pairing:
    """Last year's report for each of ``items`` (the reports being checked), as the command line
    and `disclosure_lint.lint_paths` decide it:

    - one report checked and ``previous`` a report or a file: that file *is* last year's report
      (DL604 says so when it does not fit);
    - ``previous`` a folder — or a file while several reports are checked: a pool to choose from,
      each report taking the one of its body for the year before, if any;
    - in every case, reports of the same body for consecutive years in the batch pair among
      themselves (the pool and the batch together, a report never with itself).

    ``pool``: the reports of a ``previous`` folder, already loaded (`load_candidates` reads
    them otherwise, with ``loader``; a batch loads them in parallel).

    Raises `InputError` when ``previous`` names a file that cannot be read.
    """
    candidates: list[Candidate] = []
    folder = False
    if isinstance(previous, Report):
        given: Candidate | None = Candidate(previous.source.path if previous.source else "<previous>", previous)
    elif previous is not None and Path(previous).is_dir():
        given, folder = None, True
        candidates = list(pool) if pool is not None else load_candidates(previous, loader)
    elif previous is not None:
        given = Candidate(str(previous), loader.load(previous))
    else:
        given = None
    if given is not None and len(items) == 1:
        return Pairing({items[0].path: given.report})
    if given is not None:
        candidates = [given]
    pairs = pair_batch(items, candidates)
    unmatched = tuple(c.path for c in items if folder and c.path not in pairs)
    return Pairing({path: c.report for path, c in pairs.items()}, unmatched)


def load_candidates(folder: str | Path, loader: Loader) -> list[Candidate]:
    """Every report under ``folder`` that can be read (files that cannot are passed over: a
    ``--previous`` folder is a pool to choose from, not a set of files to check)."""
    out = []
    for file in walk(folder):
        try:
            report = loader.load(file)
        except InputError:
            continue
        if report.year is not None and report.agency:
            out.append(Candidate(str(file), report))
    return out


__all__ = ["Candidate", "Pairing", "find_previous", "load_candidates", "pair_batch", "resolve_previous"]
