"""The helpers that make rendering fast (benchmarks/, docs/benchmarks.md) change nothing
in the output: tiles and caches, tables written as XML, the DOCX writer, prepared
template copies, the placeholder emblem by scanline."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.shared import Pt, Twips
from PIL import Image

from sk_generator.load import load
from sk_generator.render import docxcache, flowdraw, kop, package, wml
from sk_generator.render.keputusan import render_keputusan
from sk_generator.render.measure import Face, font_file
from sk_generator.render.sop import SopBuilder, render_sop

ROOT = Path(__file__).resolve().parents[2]
SINTANG = ROOT / "data" / "sintang" / "sk-sop-data-kinerja.yaml"
LAMPUNG = ROOT / "data" / "lampung-barat" / "sk-sop-data-kinerja.yaml"


def _piece(width: int, height: int, ink: tuple[int, int, int, int]) -> Image.Image:
    piece = Image.new("L", (width, height), 0)
    piece.paste(255, ink)
    return piece


def test_tile_cache_encodes_identical_tiles_once() -> None:
    flowdraw.clear_caches()
    first = flowdraw.encode_tile(_piece(40, 30, (18, 0, 21, 30)))
    again = flowdraw.encode_tile(_piece(40, 30, (18, 0, 21, 30)))
    other = flowdraw.encode_tile(_piece(40, 30, (10, 0, 13, 30)))
    assert again is first  # the same bytes: python-docx stores one image part for both
    assert other != first
    assert (flowdraw._TILES.hits, flowdraw._TILES.misses) == (1, 2)
    # The PNG is the ink as alpha over black, at 300 dpi.
    image = Image.open(io.BytesIO(first))
    assert image.mode == "LA" and image.size == (40, 30)
    assert round(image.info["dpi"][0]) == flowdraw.DPI
    assert image.getchannel("A").tobytes() == _piece(40, 30, (18, 0, 21, 30)).tobytes()
    assert image.getchannel("L").getextrema() == (0, 0)


def test_cached_rows_give_the_same_tiles() -> None:
    document = load([SINTANG]).documents[0]
    builder = SopBuilder(document, document.sops()[0])
    builder.build()
    flow = builder.plan.flow
    font = font_file(document.instansi.huruf.nama)
    flowdraw.clear_caches()
    cold = [flowdraw.page_tiles(flow, page, font) for page in flow.pages]
    warm = [flowdraw.page_tiles(flow, page, font) for page in flow.pages]
    assert warm == cold
    assert flowdraw._ROWS.hits >= sum(len(page.rows) for page in flow.pages)


def test_table_xml_matches_python_docx() -> None:
    """A cell written by `wml` is the element python-docx's API builds (schema order)."""
    face = Face("Arial", 11)
    reference = docx.Document()
    table = reference.add_table(rows=1, cols=1)
    cell = table.rows[0].cells[0]
    cell.width = Twips(1200)
    paragraph = cell.paragraphs[0]
    pf = paragraph.paragraph_format
    pf.space_before = Twips(57)
    pf.space_after = Twips(0)
    pf.line_spacing = Twips(face.line_twips)
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.widow_control = False
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    pf.left_indent = Twips(340)
    pf.first_line_indent = Twips(-340)
    r = paragraph.add_run("1.\tA & B ")
    r.font.size = Pt(face.size)
    r.font.name = face.family
    r.bold = True
    expected = cell._tc.xml

    content = wml.paragraphs(
        [("1.", "A & B ")], face.with_(bold=True), hang=340, continued=" ", pad_top=57, center=True
    )
    doc = docx.Document()
    wml.append_table(
        doc, wml.table([1200], [wml.row(300, [wml.cell(1200, content)])], borders=True, pad_x=85)
    )
    built = doc.tables[-1].rows[0].cells[0]
    assert built._tc.xml == expected
    assert built.text == "1.\tA & B "


def test_docx_writer_keeps_every_part() -> None:
    document = load([SINTANG]).documents[0]
    entry = document.sops()[0]
    builder = SopBuilder(document, entry)
    data, _pages = builder.build()
    plain = io.BytesIO()
    builder.doc.save(plain)
    ours, theirs = zipfile.ZipFile(io.BytesIO(data)), zipfile.ZipFile(plain)
    assert ours.namelist() == theirs.namelist()
    for name in theirs.namelist():
        assert ours.read(name) == theirs.read(name), name
    assert ours.testzip() is None
    stored = {i.filename for i in ours.infolist() if i.compress_type == zipfile.ZIP_STORED}
    pictures = {n for n in ours.namelist() if n.endswith((".png", ".jpeg"))}
    assert stored == pictures and any(n.startswith("word/media/") for n in pictures)
    # Equal documents, equal bytes (fixed timestamps), also when the cache is cold.
    package.clear_cache()
    assert render_sop(document, entry)[0] == data


def test_prepared_copies_are_independent() -> None:
    made = []

    def build() -> docx.document.Document:
        made.append(1)
        doc = docx.Document()
        doc.add_paragraph("template")
        return doc

    docxcache.clear()
    first = docxcache.fresh("key", build)
    first.add_paragraph("first only")
    second = docxcache.fresh("key", build)
    assert len(made) == 1
    assert [p.text for p in second.paragraphs] == ["template"]
    styles = [r.target_part for r in second.part.rels.values() if r.reltype.endswith("/styles")]
    assert styles and b"w:styles" in styles[0].blob
    with pytest.raises(AttributeError):
        second.styles  # noqa: B018 (frozen: kept as bytes, not parsed)


def test_keputusan_renders_do_not_share_state() -> None:
    sintang = load([SINTANG]).documents[0]
    lampung = load([LAMPUNG]).documents[0]

    def body(data: bytes) -> bytes:
        return zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")

    docxcache.clear()
    a1, b1 = body(render_keputusan(sintang)), body(render_keputusan(lampung))
    b2, a2 = body(render_keputusan(lampung)), body(render_keputusan(sintang))
    assert (a1, b1) == (a2, b2)
    assert a1 != b1


def test_emblem_scanline_matches_point_test() -> None:
    size = 240
    polygons = [kop._shield_polygon(size), kop._star_polygon(size / 2, size * 0.5, 48, 20)]
    for polygon in polygons:
        for y in range(40, 200, 3):
            py = y + 0.25
            crossings = kop._crossings(py, polygon)
            for x in range(30, 210, 2):
                px = x + 0.75
                assert kop._odd_right(px, crossings) == kop._inside(px, py, polygon)
