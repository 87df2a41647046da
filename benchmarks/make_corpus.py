"""Generate a benchmark corpus: hundreds of reports in every format, from the fixtures.

A province's batch is many bodies' reports for the same year, a few for the year before, in
whatever format each body published. The corpus imitates that from the test fixtures (the seed
report and its format variants): each report gets its own body's name (a district and a
department), some a defect the rules find (a short postcode, a short phone number, a table cell
changed), some a report for the year before (so cross-year pairing has work to do). Text and
Markdown are edited as text, HTML as decoded text (UTF-8 or GB2312 as the page was), .docx in
``word/document.xml``; PDFs are copies (the 9-page seed and its split-table variant); the
structured form is what ``disclosure-lint parse`` prints for generated text reports.

Deterministic for a given ``--seed``. Writes outside the repository by default::

    python benchmarks/make_corpus.py                    # /tmp/dl-corpus, the default sizes
    python benchmarks/make_corpus.py --out /tmp/c --scale 2
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import zipfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
AGENCY = "淄博市行政审批服务局"
TITLE = AGENCY + "2023年"
PERIOD = "2023年1月1日起，至2023年12月31日"
# Reports per format at --scale 1 (the mixed batch takes well over 10 s on one core).
SIZES = {"text": 240, "md": 60, "html": 120, "docx": 120, "pdf": 20, "structured": 40}
PLACES = ["淄博市", "张店区", "淄川区", "博山区", "临淄区", "周村区", "桓台县", "高青县", "沂源县", "东营市",
          "烟台市", "潍坊市", "济宁市", "泰安市", "威海市", "日照市", "临沂市", "德州市", "聊城市", "滨州市"]
DEPARTMENTS = ["教育局", "民政局", "财政局", "人力资源和社会保障局", "自然资源和规划局", "生态环境局",
               "住房和城乡建设局", "交通运输局", "水利局", "农业农村局", "商务局", "文化和旅游局",
               "卫生健康委员会", "应急管理局", "审计局", "市场监督管理局", "统计局", "医疗保障局",
               "行政审批服务局", "司法局", "退役军人事务局", "林业局"]
# Defects the rules find, as (old, new) edits of the seed's text (each occurs in every format's text).
DEFECTS = [("邮编：255022", "邮编：25502"), ("0533-2306909", "0533-230690"), ("18463", "18463.5")]


def bodies(rng: random.Random) -> list[str]:
    names = [p + d for p in PLACES for d in DEPARTMENTS]
    rng.shuffle(names)
    return names


def edit(text: str, agency: str, rng: random.Random, *, year: int = 2023, defect: bool = False) -> str:
    """The seed's text (in any format's markup) as another body's report, maybe with a defect."""
    if year != 2023:
        text = text.replace(TITLE, f"{AGENCY}{year}年").replace(PERIOD, f"{year}年1月1日起，至{year}年12月31日")
    text = text.replace(AGENCY, agency)
    if defect:
        old, new = rng.choice(DEFECTS)
        text = text.replace(old, new, 1)
    else:  # vary a count that no sum depends on (行政许可 本年处理决定数量)
        text = text.replace("18463", str(rng.randint(1000, 40000)), 1)
    return text


def _decode(data: bytes) -> tuple[str, str]:
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise ValueError("neither UTF-8 nor GB18030")


def write_text(out: Path, n: int, rng: random.Random, names: list[str], suffix: str) -> list[Path]:
    seeds = [FIXTURES / "seed.txt", FIXTURES / "variants" / "seed_utf8bom_crlf.txt",
             FIXTURES / "variants" / "seed_gb18030_crlf.txt"]
    written = []
    for i in range(n):
        source = seeds[i % len(seeds)]
        text, encoding = _decode(source.read_bytes())
        agency = names[i % len(names)]
        path = out / f"{i:04d}-{agency}-2023{suffix}"
        path.write_bytes(edit(text, agency, rng, defect=rng.random() < 0.3).encode(encoding))
        written.append(path)
        if i % 5 == 0:  # the same body's report for the year before: pairing has work to do
            prev = out / f"{i:04d}-{agency}-2022{suffix}"
            prev.write_bytes(edit(text, agency, rng, year=2022).encode(encoding))
            written.append(prev)
    return written


def write_html(out: Path, n: int, rng: random.Random, names: list[str]) -> list[Path]:
    seeds = [FIXTURES / "seed.html", FIXTURES / "variants" / "seed_gb2312.html",
             FIXTURES / "variants" / "seed_sloppy.html"]
    written = []
    for i in range(n):
        text, encoding = _decode(seeds[i % len(seeds)].read_bytes())
        agency = names[(i + 500) % len(names)]
        path = out / f"{i:04d}-{agency}.html"
        path.write_bytes(edit(text, agency, rng, defect=rng.random() < 0.3).encode(encoding))
        written.append(path)
    return written


def write_docx(out: Path, n: int, rng: random.Random, names: list[str]) -> list[Path]:
    seeds = [FIXTURES / "seed.docx", *sorted((FIXTURES / "variants").glob("seed_*.docx"))]
    written = []
    for i in range(n):
        source = seeds[i % len(seeds)]
        agency = names[(i + 1000) % len(names)]
        path = out / f"{i:04d}-{agency}.docx"
        with zipfile.ZipFile(source) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
            for item in zin.infolist():
                data = zin.read(item.filename)
                if item.filename == "word/document.xml":
                    data = edit(data.decode("utf-8"), agency, rng, defect=rng.random() < 0.3).encode("utf-8")
                zout.writestr(item, data)
        written.append(path)
    return written


def write_pdf(out: Path, n: int) -> list[Path]:
    seeds = [FIXTURES / "seed.pdf", FIXTURES / "variants" / "seed_split.pdf"]
    written = []
    for i in range(n):
        path = out / f"{i:04d}-{seeds[i % 2].stem}.pdf"
        shutil.copyfile(seeds[i % 2], path)
        written.append(path)
    return written


def write_structured(out: Path, n: int, rng: random.Random, names: list[str]) -> list[Path]:
    from disclosure_lint import load_report

    text = (FIXTURES / "seed.txt").read_text(encoding="utf-8")
    scratch = out / ".scratch.txt"
    written = []
    for i in range(n):
        agency = names[(i + 1500) % len(names)]
        scratch.write_text(edit(text, agency, rng, defect=rng.random() < 0.3), encoding="utf-8")
        data = load_report(scratch).model_dump(mode="json", exclude_defaults=False)
        data["source"] = None  # the generated file is the source
        if i % 2:
            path = out / f"{i:04d}-{agency}.yaml"
            path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        else:
            path = out / f"{i:04d}-{agency}.json"
            path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        written.append(path)
    scratch.unlink()
    return written


def make(out: Path, scale: float = 1.0, seed: int = 7) -> dict[str, int]:
    """Write the corpus under ``out`` (one folder per format, emptied first); the count per format."""
    rng = random.Random(seed)
    names = bodies(rng)
    counts = {}
    for kind, size in SIZES.items():
        n = max(1, round(size * scale))
        folder = out / kind
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        if kind == "text":
            files = write_text(folder, n, rng, names, ".txt")
        elif kind == "md":
            files = write_text(folder, n, rng, names[::-1], ".md")
        elif kind == "html":
            files = write_html(folder, n, rng, names)
        elif kind == "docx":
            files = write_docx(folder, n, rng, names)
        elif kind == "pdf":
            files = write_pdf(folder, n)
        else:
            files = write_structured(folder, n, rng, names)
        counts[kind] = len(files)
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("/tmp/dl-corpus"))
    parser.add_argument("--scale", type=float, default=1.0, help="multiply the number of reports per format")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    counts = make(args.out, args.scale, args.seed)
    print(json.dumps({"out": str(args.out), "reports": counts, "total": sum(counts.values())}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
