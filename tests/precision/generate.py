"""Write the precision set: realistic, correct reports on which no DL4xx/DL6xx rule may fire.

The reports are data in precision_data.py, rendered by precision_model.py in the seed's layout,
their figures checked as they are rendered. Run from the repository root after changing one::

    python tests/precision/generate.py

``manifest.yaml`` lists each report with its publication date (inside the legal deadline) and,
where the set holds it, last year's report.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REPORTS = HERE / "reports"


def main() -> None:
    from precision_data import REPORT_DATA
    from precision_model import check_pairs

    check_pairs(REPORT_DATA)
    REPORTS.mkdir(exist_ok=True)
    for old in REPORTS.glob("*.txt"):
        old.unlink()
    manifest = []
    for r in REPORT_DATA:
        (REPORTS / r.file).write_text(r.text(), encoding="utf-8")
        entry: dict[str, object] = {"file": r.file, "published_on": r.published_on}
        if r.previous:
            entry["previous"] = r.previous
        manifest.append(entry)
    (HERE / "manifest.yaml").write_text(
        "# Written by generate.py: each report, its publication date and (where the set has it) last year's.\n"
        + yaml.safe_dump(manifest, allow_unicode=True, sort_keys=False), encoding="utf-8")
    print(f"wrote {len(REPORT_DATA)} reports")


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    main()
