"""The hostile corpus, generated at test time (large or crafted files are never checked in).

Each builder writes one file (or folder) under the folder it is given and returns its path. The
files start from the fixtures (tests/fixtures/seed.*), so a reader gets far enough into them for
the hostile part to matter: an entity in a table cell, a bomb in the body part, a huge table in
section 三. Builders are fast: the 60 MB text file and the 1 GB-inflating PDF take well under a
second to write.
"""

from __future__ import annotations

import io
import os
import random
import struct
import zipfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
SEED_TXT = FIXTURES / "seed.txt"
SEED_DOCX = FIXTURES / "seed.docx"
SEED_HTML = FIXTURES / "seed.html"
SEED_PDF = FIXTURES / "seed.pdf"
MB = 1 << 20

# The seed's only "18463" (table 二, 行政许可, 本年处理决定数量): the cell the crafted files aim at,
# so whatever a reader makes of the hostile part lands in a cell that findings quote.
LICENSING_CELL_DOCX = b"<w:t>18463</w:t>"
LICENSING_CELL_TXT = "\t18463\n"


# ----------------------------------------------------------------------------------- .docx


def rezip(data: bytes, replace: dict[str, bytes]) -> bytes:
    """The zip in ``data`` with some members' bytes replaced (same names, order and method)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, replace.get(info.filename, src.read(info.filename)))
    return out.getvalue()


def _seed_document_xml() -> bytes:
    with zipfile.ZipFile(SEED_DOCX) as zf:
        return zf.read("word/document.xml")


def _with_doctype(xml: bytes, internal_subset: str, cell_text: str) -> bytes:
    """document.xml with a DOCTYPE after the XML declaration and the licensing cell's text
    replaced by ``cell_text`` (entity references, typically)."""
    assert xml.count(LICENSING_CELL_DOCX) == 1
    declaration_end = xml.index(b"?>") + 2
    doctype = f"<!DOCTYPE w:document [{internal_subset}]>".encode()
    xml = xml[:declaration_end] + doctype + xml[declaration_end:]
    return xml.replace(LICENSING_CELL_DOCX, f"<w:t>{cell_text}</w:t>".encode())


def xxe_docx(folder: Path, secret: Path) -> Path:
    """seed.docx whose licensing cell and title refer to external entities: ``secret`` and
    /etc/passwd (a reader that expanded them would show their content in findings)."""
    subset = (f'<!ENTITY xxe SYSTEM "{secret.as_uri()}"><!ENTITY pw SYSTEM "file:///etc/passwd">'
              f'<!ENTITY % remote SYSTEM "{secret.as_uri()}">')
    xml = _with_doctype(_seed_document_xml(), subset, "&xxe;&pw;")
    title = "淄博市行政审批服务局".encode()
    xml = xml.replace(title, title + b"&xxe;", 1)
    path = folder / "xxe.docx"
    path.write_bytes(rezip(SEED_DOCX.read_bytes(), {"word/document.xml": xml}))
    return path


def billion_laughs_docx(folder: Path) -> Path:
    """seed.docx with the classic exponential entity ("billion laughs") in the licensing cell."""
    laughs = '<!ENTITY l0 "haha">' + "".join(
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    xml = _with_doctype(_seed_document_xml(), laughs, "&l9;")
    path = folder / "laughs.docx"
    path.write_bytes(rezip(SEED_DOCX.read_bytes(), {"word/document.xml": xml}))
    return path


def zip_bomb_docx(folder: Path, *, inflated: int = 96 * MB, lie: bool = False) -> Path:
    """seed.docx whose document.xml inflates to ``inflated`` bytes (the seed's body, then spaces)
    from about a thousandth of that. With ``lie``, the local and central headers claim the member
    is the seed's size, so only inflating shows the truth."""
    body = _seed_document_xml()
    out = io.BytesIO()
    with zipfile.ZipFile(SEED_DOCX) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != "word/document.xml":
                dst.writestr(info.filename, src.read(info.filename))
                continue
            member = zipfile.ZipInfo("word/document.xml")
            member.compress_type = zipfile.ZIP_DEFLATED
            with dst.open(member, "w", force_zip64=True) as fh:
                fh.write(body)
                pad = b" " * MB
                for _ in range((inflated - len(body)) // MB):
                    fh.write(pad)
    data = out.getvalue()
    if lie:
        data = _understate(data, b"word/document.xml", len(body))
    path = folder / ("lying-bomb.docx" if lie else "bomb.docx")
    path.write_bytes(data)
    return path


def _understate(data: bytes, member: bytes, size: int) -> bytes:
    """Headers of ``member`` rewritten to claim ``size`` uncompressed bytes (zip64 extra fields
    included, where the real size lives once it passes 4 GiB or ``force_zip64`` is set)."""
    out = bytearray(data)
    for signature, size_at, name_len_at, _extra_len_at, name_at in (
            (b"PK\x03\x04", 22, 26, 28, 30), (b"PK\x01\x02", 24, 28, 30, 46)):
        pos = data.find(signature)
        while pos >= 0:
            name_len, extra_len = struct.unpack_from("<HH", data, pos + name_len_at)
            if data[pos + name_at:pos + name_at + name_len] == member:
                if struct.unpack_from("<I", data, pos + size_at)[0] != 0xFFFFFFFF:
                    struct.pack_into("<I", out, pos + size_at, size)
                extra = pos + name_at + name_len
                end = extra + extra_len
                while extra + 4 <= end:  # zip64 extended information: uncompressed size first
                    tag, length = struct.unpack_from("<HH", data, extra)
                    if tag == 0x0001 and length >= 8:
                        struct.pack_into("<Q", out, extra + 4, size)
                    extra += 4 + length
            pos = data.find(signature, pos + 4)
    return bytes(out)


# ----------------------------------------------------------------------------------- text


def seed_text() -> str:
    return SEED_TXT.read_text(encoding="utf-8")


def big_text(folder: Path, size: int = 60 * MB) -> Path:
    """``size`` bytes of real report text: the seed again and again."""
    chunk = SEED_TXT.read_bytes()
    path = folder / "huge.txt"
    with path.open("wb") as fh:
        block = chunk * (4 * MB // len(chunk) + 1)
        written = 0
        while written < size:
            part = block[:size - written]
            fh.write(part)
            written += len(part)
    return path


def nul_text(folder: Path) -> Path:
    """The seed with NUL bytes: in the licensing cell, in the title and at the end."""
    text = seed_text().replace(LICENSING_CELL_TXT, "\t184\x0063\n", 1)
    data = text.encode("utf-8").replace("淄博市".encode(), "淄博\x00市".encode(), 1) + b"\x00\x00\x00"
    path = folder / "nul.txt"
    path.write_bytes(data)
    return path


def mixed_encoding_text(folder: Path) -> Path:
    """The first half of the seed in UTF-8, the second half in GB18030."""
    text = seed_text()
    half = len(text) // 2
    path = folder / "mixed.txt"
    path.write_bytes(text[:half].encode("utf-8") + text[half:].encode("gb18030"))
    return path


def table_rows_text(folder: Path, rows: int = 10_000) -> Path:
    """The seed with ``rows`` extra rows in table 三, before （七）总计 (labels the format lacks)."""
    text = seed_text()
    anchor = "\t\n\t（七）总计\n"
    assert text.count(anchor) == 1
    extra = "".join(f"\t\n\t补充统计第{i}项\n" + "\t1\n" * 7 + "\n" for i in range(rows))
    path = folder / "rows.txt"
    path.write_text(text.replace(anchor, extra + anchor), encoding="utf-8")
    return path


# ----------------------------------------------------------------------------------- structured


def big_structured_yaml(folder: Path, entries: int = 300_000) -> Path:
    """A structured report (YAML) of ``entries`` intro paragraphs: 6 MB, under the size limit,
    but a minute of pure-Python YAML if read to the end."""
    path = folder / "big.yaml"
    path.write_text("disclosure_lint_report: 1\nintro:\n" + "".join(f"- text: 段落{i}\n" for i in range(entries)),
                    encoding="utf-8")
    return path


def big_structured_json(folder: Path, entries: int = 1_300_000) -> Path:
    """A structured report (JSON) of ``entries`` intro paragraphs: 17 MB, gigabytes as a model."""
    path = folder / "big.json"
    path.write_text('{"disclosure_lint_report": 1, "intro": [' + ",".join(['{"text":"a"}'] * entries) + "]}",
                    encoding="utf-8")
    return path


# ----------------------------------------------------------------------------------- HTML


def nested_html(folder: Path, depth: int = 20_000) -> Path:
    """A page whose table is nested ``depth`` tables deep."""
    path = folder / "nested.html"
    path.write_text("<html><body><p>淄博市行政审批服务局2023年政府信息公开工作年度报告</p>"
                    + "<table><tr><td>" * depth + "0" + "</td></tr></table>" * depth + "</body></html>",
                    encoding="utf-8")
    return path


def table_rows_html(folder: Path, rows: int = 10_000) -> Path:
    """seed.html with ``rows`` extra rows at the end of table 三."""
    html = SEED_HTML.read_text(encoding="utf-8")
    anchor = "</tbody></table>\n<p>&nbsp;</p>\n<p style=\"text-indent:2em;line-height:28pt\"><strong><span " \
             "style=\"font-family:黑体;font-size:21px\">四、"
    assert html.count(anchor) == 1
    row = "<tr><td colspan=\"3\">补充统计第{i}项</td>" + "<td>1</td>" * 7 + "</tr>\n"
    extra = "".join(row.format(i=i) for i in range(rows))
    path = folder / "rows.html"
    path.write_text(html.replace(anchor, extra + anchor), encoding="utf-8")
    return path


def xxe_html(folder: Path, secret: Path) -> Path:
    """seed.html with an internal DTD declaring an external entity, used in the licensing cell."""
    html = SEED_HTML.read_text(encoding="utf-8")
    cell = ">18<span style=\"font-family:'Times New Roman'\">463</span><"
    assert html.count(cell) == 1
    doctype = f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>\n'
    start = html.index("<html")
    path = folder / "xxe.html"
    path.write_text(doctype + html[start:].replace(cell, ">&xxe;<"), encoding="utf-8")
    return path


# ----------------------------------------------------------------------------------- PDF

HELVETICA = b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>"


def pdf_bytes(contents: list[bytes], *, stream_dict: bytes = b"", xobjects: dict[str, bytes] | None = None) -> bytes:
    """A PDF with one page per entry of ``contents`` (each the page's content stream, stored as
    given, with ``stream_dict`` added to its dictionary: ``/Filter/FlateDecode`` for compressed
    bytes), font /F1 (Helvetica) and the Form XObjects ``xobjects`` (name → content) on every page."""
    objects: list[bytes] = [b"<</Type/Catalog/Pages 2 0 R>>", b"", HELVETICA]
    xobject_refs = b""
    for name, body in (xobjects or {}).items():
        objects.append(b"<</Type/XObject/Subtype/Form/BBox[0 0 595 842]/Resources<</Font<</F1 3 0 R>>>>"
                       b"/Length %d>>stream\n%s\nendstream" % (len(body), body))
        xobject_refs += b"/%s %d 0 R" % (name.encode(), len(objects))
    resources = b"<</Font<</F1 3 0 R>>/XObject<<%s>>>>" % xobject_refs
    kids = []
    for content in contents:
        objects.append(b"<</Length %d%s>>stream\n%s\nendstream" % (len(content), stream_dict, content))
        objects.append(b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources %s/Contents %d 0 R>>"
                       % (resources, len(objects)))
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<</Type/Pages/Kids[%s]/Count %d>>" % (b" ".join(kids), len(kids))
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (n, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


_TEXT = b"BT /F1 12 Tf 72 700 Td (Annual report 2023) Tj ET\n"


def zeros_deflated(size: int, head: bytes = _TEXT) -> bytes:
    """A zlib stream of ``head`` then NUL bytes up to ``size`` bytes, built without ever holding
    more than 1 MiB: after a full flush, every further MiB of zeros compresses to the same bytes."""
    chunk = b"\0" * MB
    c = zlib.compressobj(9)
    out = [c.compress(head) + c.flush(zlib.Z_FULL_FLUSH)]
    checksum = zlib.adler32(head)
    block = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    count = max(size - len(head), 0) // MB
    out.append(block * count)
    for _ in range(count):
        checksum = zlib.adler32(chunk, checksum)
    tail = c.flush()
    # The compressor saw one chunk; the stream claims ``count``: patch the checksum to match.
    return b"".join(out) + tail[:-4] + struct.pack(">I", checksum)


def pdf_inflate_bomb(folder: Path, size: int = 1 << 30) -> Path:
    """A one-page PDF (about a megabyte) whose content stream inflates to ``size`` bytes."""
    path = folder / "inflate-bomb.pdf"
    path.write_bytes(pdf_bytes([zeros_deflated(size)], stream_dict=b"/Filter/FlateDecode"))
    return path


def pdf_truncated_stream(folder: Path, size: int = 64 * MB) -> Path:
    """A PDF whose compressed content stream is cut short: pdfminer then retries byte by byte
    ("corrupted" zlib data), which is quadratic in the inflated size."""
    stream = zeros_deflated(size)
    path = folder / "truncated-stream.pdf"
    path.write_bytes(pdf_bytes([stream[:-16]], stream_dict=b"/Filter/FlateDecode"))
    return path


def pdf_glyph_bomb(folder: Path) -> Path:
    """A small PDF that draws millions of glyphs: a form of 2,000 characters drawn 5,000 times."""
    form = b"BT /F1 1 Tf 0 0 Td (" + b"a" * 2000 + b") Tj ET"
    content = b"/X0 Do\n" * 5000
    path = folder / "glyph-bomb.pdf"
    path.write_bytes(pdf_bytes([content], xobjects={"X0": form}))
    return path


def garbage_pdf(folder: Path) -> Path:
    """``%PDF-`` then a megabyte of (seeded) random bytes."""
    path = folder / "garbage.pdf"
    path.write_bytes(b"%PDF-1.7\n" + random.Random(9).randbytes(MB))
    return path


def password_pdf(folder: Path) -> Path:
    """A PDF that needs a user password to open (RC4, standard security handler)."""
    from tests.read.test_pdf_reader import make_pdf

    path = folder / "locked.pdf"
    path.write_bytes(make_pdf(_TEXT, user_password="secret"))
    return path


# ----------------------------------------------------------------------------------- the file system


def symlink_loop_folder(folder: Path) -> Path:
    """A folder holding one report with a defect, a link to itself and a link to its parent."""
    root = folder / "site"
    sub = root / "reports"
    sub.mkdir(parents=True)
    (sub / "report.txt").write_text(seed_text().replace(LICENSING_CELL_TXT, "\t18463件x\n", 1), encoding="utf-8")
    os.symlink(".", sub / "again")
    os.symlink("..", sub / "up")
    os.symlink(root, root / "loop")
    return root


def self_link(folder: Path) -> Path:
    """A file name that is a symbolic link to itself."""
    path = folder / "self.txt"
    os.symlink(path.name, path)
    return path


def fifo(folder: Path) -> Path:
    """A named pipe nobody writes to (opening one blocks until a writer comes)."""
    path = folder / "pipe.txt"
    os.mkfifo(path)
    return path
