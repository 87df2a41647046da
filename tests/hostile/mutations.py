"""Mutated versions of the fixtures, in every input format (for test_mutations).

Each ``mutate_<format>(rng)`` returns the bytes of one mutant and the file name it is saved as.
``rng`` is a `random.Random`: hypothesis passes its own (``st.randoms()``, so failures shrink and
replay), the command-line batch a seeded one. The mutations are what damaged or carelessly
edited reports look like: cells and headings changed or deleted, rows and paragraphs dropped,
duplicated or shuffled, odd characters typed in, the file re-encoded, cut short or with bytes
flipped — and for the container formats, the same done to the markup itself (a .docx's XML
through its zip, an HTML page's tags).
"""

from __future__ import annotations

import json
import random
import re
import zipfile
from collections.abc import Callable
from functools import cache
from html import escape

import hostile_files as hf
import yaml

# What people type into reports, and what breaks parsers: digits in both widths, placeholders,
# units, ordinals, brackets, quotes, markup characters, control and odd spaces, CJK.
_PIECES = (list("0123456789０１２３４５６７８９/-—．.，,、（）()：；\"'<>&#%\t 　\u00a0\u200b\ufeff")
           + ["件", "万元", "无", "总计", "一、", "（三）", "1.", "第二十条", "行政许可", "予以公开", "年", "月", "日",
              "\x00", "\r", "\u2028", "𠀀", "[bookmark: _Hlk1]", "NaN", "-1", "1e9", "99999999999999999999"])


def junk(rng: random.Random, size: int = 8) -> str:
    return "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, size)))


def _truncate(data: bytes, rng: random.Random) -> bytes:
    return data[:rng.randrange(len(data) + 1)]


def _flip(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 16)):
        if out:
            out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return bytes(out)


def _maybe_damage(data: bytes, rng: random.Random) -> bytes:
    roll = rng.random()
    if roll < 0.15:
        return _truncate(data, rng)
    if roll < 0.25:
        return _flip(data, rng)
    return data


# ---------------------------------------------------------------------------------- text


def mutate_lines(text: str, rng: random.Random) -> str:
    """Edits on a report's lines: cells (TAB lines) and headings changed or deleted, lines
    duplicated or junk inserted, blocks (runs between blank lines) shuffled."""
    lines = text.split("\n")
    for _ in range(rng.randint(1, 10)):
        if not lines:
            break
        op = rng.choice(("cell", "cell", "heading", "delete", "duplicate", "insert", "shuffle"))
        i = rng.randrange(len(lines))
        if op == "cell":
            cells = [k for k, line in enumerate(lines) if line.startswith("\t")] or [i]
            k = rng.choice(cells)
            lines[k] = rng.choice(["\t", ""]) + junk(rng)
        elif op == "heading":
            heads = [k for k, line in enumerate(lines) if re.match(r"[一二三四五六][、.．]", line)] or [i]
            k = rng.choice(heads)
            lines[k] = rng.choice([lines[k][:2] + junk(rng), junk(rng), ""])
        elif op == "delete":
            del lines[i:i + rng.randint(1, 20)]
        elif op == "duplicate":
            lines[i:i] = lines[i:i + rng.randint(1, 20)]
        elif op == "insert":
            lines.insert(i, junk(rng, 30))
        else:
            blocks = "\n".join(lines).split("\n\n")
            a, b = rng.randrange(len(blocks)), rng.randrange(len(blocks))
            blocks[a], blocks[b] = blocks[b], blocks[a]
            lines = "\n\n".join(blocks).split("\n")
    return "\n".join(lines)


_CODECS = ("utf-8", "utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be", "big5", "latin-1")


def encode(text: str, rng: random.Random) -> bytes:
    """``text`` in a random encoding (errors replaced), sometimes with CRLF or CR line ends."""
    newline = rng.choice(("\n", "\n", "\r\n", "\r"))
    return text.replace("\n", newline).encode(rng.choice(_CODECS), errors="replace")


def mutate_txt(rng: random.Random) -> tuple[str, bytes]:
    text = hf.seed_text()
    if rng.random() < 0.9:
        text = mutate_lines(text, rng)
    return "mutant.txt", _maybe_damage(encode(text, rng), rng)


# ---------------------------------------------------------------------------------- .docx


@cache
def _docx_parts() -> dict[str, bytes]:
    with zipfile.ZipFile(hf.SEED_DOCX) as zf:
        return {i.filename: zf.read(i.filename) for i in zf.infolist()}


def _drop_element(xml: str, tag: str, rng: random.Random) -> str:
    spans = [m.span() for m in re.finditer(rf"<{tag}[ >].*?</{tag}>", xml)]
    if not spans:
        return xml
    a, b = rng.choice(spans)
    return xml[:a] + xml[b:]


def mutate_docx(rng: random.Random) -> tuple[str, bytes]:
    """XML edits in word/document.xml: run texts replaced (escaped, or raw markup characters that
    break the XML), paragraphs, rows and cells dropped; then zipped again, sometimes damaged."""
    parts = dict(_docx_parts())
    xml = parts["word/document.xml"].decode("utf-8")
    for _ in range(rng.randint(1, 10)):
        op = rng.choice(("text", "text", "text", "raw", "p", "tr", "tc"))
        if op in ("text", "raw"):
            runs = [m.span(1) for m in re.finditer(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml)]
            a, b = rng.choice(runs)
            new = junk(rng)
            xml = xml[:a] + (escape(new) if op == "text" else new) + xml[b:]
        else:
            xml = _drop_element(xml, f"w:{op}", rng)
    parts["word/document.xml"] = xml.encode("utf-8", errors="replace")
    data = hf.rezip(hf.SEED_DOCX.read_bytes(), parts)
    return "mutant.docx", _maybe_damage(data, rng)


# ---------------------------------------------------------------------------------- HTML


def mutate_html(rng: random.Random) -> tuple[str, bytes]:
    """Text between tags replaced, tags dropped or inserted unbalanced, the page re-encoded
    (so that its declared charset may lie), sometimes damaged."""
    html = hf.SEED_HTML.read_text(encoding="utf-8")
    for _ in range(rng.randint(1, 10)):
        op = rng.choice(("text", "text", "drop-tag", "insert-tag"))
        if op == "text":
            spans = [m.span(1) for m in re.finditer(r">([^<]+)<", html)]
            a, b = rng.choice(spans)
            html = html[:a] + junk(rng) + html[b:]
        elif op == "drop-tag":
            tags = [m.span() for m in re.finditer(r"</?(?:td|tr|table|tbody|p|span|div|br)\b[^>]*>", html)]
            a, b = rng.choice(tags)
            html = html[:a] + html[b:]
        else:
            i = rng.randrange(len(html))
            html = html[:i] + rng.choice(("<table>", "<tr>", "<td rowspan=9999>", "</table>", "<td colspan=0>",
                                          "<!--", "<script>", "<p>", "]]>", "<![CDATA[")) + html[i:]
    return "mutant.html", _maybe_damage(encode(html, rng), rng)


# ---------------------------------------------------------------------------------- PDF


def mutate_pdf(rng: random.Random) -> tuple[str, bytes]:
    """Byte-level damage: bits flipped, the file cut short, a range duplicated or dropped."""
    data = hf.SEED_PDF.read_bytes()
    op = rng.choice(("flip", "flip", "truncate", "splice"))
    if op == "flip":
        data = _flip(data, rng)
    elif op == "truncate":
        data = _truncate(data, rng)
    else:
        a = rng.randrange(len(data))
        b = min(len(data), a + rng.randint(1, 4096))
        data = data[:a] + (data[a:b] * 2 if rng.random() < 0.5 else b"") + data[b:]
    return "mutant.pdf", data


# ---------------------------------------------------------------------------------- structured


@cache
def seed_structured() -> str:
    """The seed as a structured report (JSON text: parsed again for every mutant, a deep copy)."""
    from disclosure_lint import load_report

    return json.dumps(load_report(hf.SEED_TXT).model_dump(mode="json"), ensure_ascii=False)


def _leaves(node: object, path: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    if isinstance(node, dict):
        return [path] + [p for k, v in node.items() for p in _leaves(v, (*path, k))]
    if isinstance(node, list):
        return [path] + [p for i, v in enumerate(node) for p in _leaves(v, (*path, i))]
    return [path]


_SCALARS: tuple[Callable[[random.Random], object], ...] = (
    lambda r: junk(r), lambda r: r.randint(-10**12, 10**12), lambda r: r.random() * 1e6, lambda r: None,
    lambda r: True, lambda r: [], lambda r: {}, lambda r: {"text": junk(r)}, lambda r: "2023-02-30",
)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def mutate_structured(rng: random.Random) -> tuple[str, bytes]:
    """The seed as a structured report, values replaced by others of any type, keys dropped;
    written as YAML or JSON, sometimes cut short or with bits flipped."""
    data = json.loads(seed_structured())
    # Half the mutants keep every value's type (junk text for text, any number for numbers), so
    # that they pass validation and the rules get to see what a careless generator produces:
    # raw texts that contradict their kind and value, negative and huge counts, odd labels.
    typed = rng.random() < 0.5
    for _ in range(rng.randint(1, 8)):
        path = rng.choice(_leaves(data)[1:])
        parent = data
        for step in path[:-1]:
            parent = parent[step]
        old = parent[path[-1]]
        if typed:
            if isinstance(old, str):
                parent[path[-1]] = junk(rng)
            elif isinstance(old, int) and not isinstance(old, bool):
                parent[path[-1]] = rng.choice((-1, 0, 10**15, rng.randint(-5, 99_999)))
        elif rng.random() < 0.3 and isinstance(parent, dict):
            del parent[path[-1]]
        else:
            parent[path[-1]] = rng.choice(_SCALARS)(rng)
    if rng.random() < 0.5:
        return "mutant.json", _maybe_damage(json.dumps(data, ensure_ascii=False).encode("utf-8"), rng)
    text = yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False)
    return "mutant.yaml", _maybe_damage(text.encode("utf-8"), rng)


MUTATORS: dict[str, Callable[[random.Random], tuple[str, bytes]]] = {
    "txt": mutate_txt, "docx": mutate_docx, "html": mutate_html, "pdf": mutate_pdf, "structured": mutate_structured,
}
