"""The SK renderer: text dumps against reviewed references, escaping, errors, page setup.

Reference dumps live in tests/render/reference/keputusan-*.txt; regenerate them with
`pytest tests/render --update-testdata` and review every diff before committing.
"""

from __future__ import annotations

import io
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.shared import Length, Mm
from docx.table import Table
from docx.text.paragraph import Paragraph
from docxtpl import DocxTemplate
from pypdf import PdfReader

from sk_generator.errors import DataError, TemplateError
from sk_generator.load import Document, load
from sk_generator.render.context import keputusan_context
from sk_generator.render.keputusan import render_keputusan, undefined_name
from sk_generator.render.kop import placeholder_emblem_png
from sk_generator.templates import KEPUTUSAN_FIELDS, TEMPLATE, environment
from tests.conftest import docx_to_pdf

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "data" / "render"
REFERENCE = Path(__file__).resolve().parent / "reference"
SEEDS = {
    "000-sintang": ROOT / "data" / "sintang" / "sk-sop-data-kinerja.yaml",
    "003-lampung-barat": ROOT / "data" / "lampung-barat" / "sk-sop-data-kinerja.yaml",
}


def load_one(path: Path) -> Document:
    result = load([path])
    errors = [issue for issue in result.issues if issue.severity.name == "ERROR"]
    assert not errors, errors
    (document,) = result.documents
    return document


@pytest.fixture(scope="module")
def sintang() -> Document:
    return load_one(FIXTURES / "sintang" / "sk-sop-data-kinerja.yaml")


@pytest.fixture(scope="module")
def khusus() -> Document:
    return load_one(FIXTURES / "sintang" / "sk-khusus.yaml")


def open_docx(data: bytes) -> DocxDocument:
    return docx.Document(io.BytesIO(data))


# --- text dump ---------------------------------------------------------------------------


def _text(paragraph: Paragraph) -> str:
    text = paragraph.text.replace("\t", "⇥").replace("\n", "↵")
    if paragraph._p.xpath(".//w:drawing"):
        text = ("[gambar] " + text).strip()
    return text


def dump(doc: DocxDocument) -> str:
    """Paragraphs and table rows in document order, then page setup, headers and footers.

    A paragraph is `P [style] text`, a table row `T | cell | cell` (a cell's paragraphs
    joined by " ¶ "); "⇥" is a tab, "↵" a line break.
    """
    lines: list[str] = []
    body = doc.element.body
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            paragraph = Paragraph(child, doc)
            lines.append(f"P [{paragraph.style.name}] {_text(paragraph)}".rstrip())
        elif child.tag == qn("w:tbl"):
            table = Table(child, doc)
            for row in table.rows:
                cells = [" ¶ ".join(_text(p) for p in cell.paragraphs) for cell in row.cells]
                lines.append("T | " + " | ".join(cells))
    section = doc.sections[0]
    normal_font = doc.styles["Normal"].font
    lines.append("")
    lines.append(
        f"SECTION {round(section.page_width.mm)}x{round(section.page_height.mm)} mm, "
        f"margins L{round(section.left_margin.mm)} R{round(section.right_margin.mm)} "
        f"T{round(section.top_margin.mm)} B{round(section.bottom_margin.mm)}, "
        f"different first page: {section.different_first_page_header_footer}"
    )
    lines.append(f"FONT {normal_font.name} {normal_font.size.pt:g}")
    for name, part in (
        ("HEADER first", section.first_page_header),
        ("HEADER", section.header),
        ("FOOTER first", section.first_page_footer),
        ("FOOTER", section.footer),
    ):
        for paragraph in part.paragraphs:
            # python-docx's .text skips simple fields; show the PAGE field where it sits
            text = "".join(
                "{PAGE}" if node.tag == qn("w:fldSimple") else node.text or ""
                for node in paragraph._p.iter(qn("w:t"), qn("w:fldSimple"))
                if node.tag == qn("w:fldSimple")
                or node.getparent().getparent().tag != qn("w:fldSimple")
            )
            lines.append(f"{name}: {text}".rstrip())
    return "\n".join(lines) + "\n"


# --- reference dumps ----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["sk-sop-data-kinerja", "sk-khusus"])
def test_fixture_dump_matches_reference(name: str, reference: Callable[[Path, str], None]) -> None:
    document = load_one(FIXTURES / "sintang" / f"{name}.yaml")
    text = dump(open_docx(render_keputusan(document)))
    reference(REFERENCE / f"keputusan-{name}.txt", text)


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_seed_dump_matches_reference(seed: str, reference: Callable[[Path, str], None]) -> None:
    path = SEEDS[seed]
    if not path.is_file():
        pytest.skip(f"seed data {path} not written yet")
    text = dump(open_docx(render_keputusan(load_one(path))))
    reference(REFERENCE / f"keputusan-seed-{seed}.txt", text)


def test_seed_000_holds_every_item() -> None:
    """Every menimbang, mengingat and diktum item of the data appears, in order."""
    path = SEEDS["000-sintang"]
    if not path.is_file():
        pytest.skip("seed data not written yet")
    document = load_one(path)
    text = dump(open_docx(render_keputusan(document)))
    context = keputusan_context(document)
    position = 0
    for row in context["pertimbangan"]:  # type: ignore[attr-defined]
        if row.teks:
            position = text.index(row.teks, position)
    for row in context["diktum"]:  # type: ignore[attr-defined]
        position = text.index(f"T | {row.label} | : | {row.isi}", position)
    assert "Ditetapkan di⇥: Sintang" in text
    assert "pada tanggal⇥: 21 September 2022" in text
    assert "NIP. 19670621 199003 1 006" in text


# --- escaping and many diktum -------------------------------------------------------------


def test_special_characters_render_literally_and_fifteen_diktum(khusus: Document) -> None:
    data = render_keputusan(khusus)
    doc = open_docx(data)
    text = dump(doc)
    assert 'PEMERINTAH KOTA "UJI" <CONTOH>' in text
    assert "DINAS PEKERJAAN UMUM & PENATAAN RUANG" in text
    assert "Jl. A & B No. 1 <Blok \"C\"> 'Timur' Kode Pos 12345" in text
    assert 'NOMOR : 100.3/07/"DPUPR"/2024' in text
    assert "UJI \"TANDA\" & <KURUNG> 'TUNGGAL'" in text
    assert "bahwa A & B < C > D \"kutip\" 'tunggal';" in text
    assert 'Nota Dinas "Sekretaris" & <Kabid> Nomor 1 Tahun 2024;' in text
    assert "Ditetapkan di⇥: Uji <Pusat>" in text
    assert "A & B <SIAPA>, S.T." in text
    assert 'Yth. Wali Kota "Uji" & <Wakil>;' in text
    assert '<tiga> "empat".' in text
    # escaped exactly once in the XML (no "&amp;amp;", no raw "<" in text)
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert "&amp;amp;" not in xml and "&amp;lt;" not in xml
    labels = [
        row.cells[0].text
        for table in doc.tables[2:]
        for row in table.rows
        if row.cells[0].text not in ("", "Menetapkan")
    ]
    assert len(labels) == 15
    assert labels[-1] == "KELIMA BELAS"
    assert labels[10:12] == ["KESEBELAS", "KEDUA BELAS"]


def test_acting_signer_and_electronic_signature(khusus: Document) -> None:
    doc = open_docx(render_keputusan(khusus))
    texts = [p.text for p in doc.paragraphs]
    assert "Plt. KEPALA DINAS PEKERJAAN\nUMUM & PENATAAN RUANG\nKOTA UJI," in texts
    name = next(p for p in doc.paragraphs if p.text == "A & B <SIAPA>, S.T.")
    assert name.style.font.bold and name.style.font.underline
    footer = doc.sections[0].footer.paragraphs[0].text
    assert footer.startswith("Dokumen ini telah ditandatangani secara elektronik")
    assert "(BSrE), Badan Siber dan Sandi Negara (BSSN)" in footer
    assert doc.sections[0].first_page_footer.paragraphs[0].text == footer


def test_no_electronic_signature_no_tembusan(sintang: Document) -> None:
    doc = open_docx(render_keputusan(sintang))
    assert doc.sections[0].footer.paragraphs[0].text == ""
    assert not any(p.text.startswith("Tembusan") for p in doc.paragraphs)


# --- page setup ---------------------------------------------------------------------------


def _mm(*lengths: Length | None) -> tuple[float, ...]:
    """Lengths in mm to 0.1 mm (Word stores twips, so Mm(215) comes back 215.0004 mm)."""
    return tuple(round(length.mm, 1) for length in lengths if length is not None)


def test_f4_arial_by_default(sintang: Document) -> None:
    doc = open_docx(render_keputusan(sintang))
    section = doc.sections[0]
    assert _mm(section.page_width, section.page_height) == (215, 330)
    assert _mm(section.left_margin, section.right_margin, section.bottom_margin) == (30, 20, 25)
    assert section.different_first_page_header_footer
    assert doc.sections[0].first_page_header.paragraphs[0].text == ""
    assert (
        doc.sections[0].header.paragraphs[0]._p.xpath(".//w:fldSimple[contains(@w:instr,'PAGE')]")
    )
    assert doc.styles["Normal"].font.name == "Arial"
    assert doc.styles["Normal"].font.size.pt == 12


def test_a4_and_font_from_instansi(khusus: Document) -> None:
    doc = open_docx(render_keputusan(khusus))
    section = doc.sections[0]
    assert _mm(section.page_width, section.page_height) == (210, 297)
    assert doc.styles["Normal"].font.name == "Bookman Old Style"
    assert doc.styles["Normal"].font.size.pt == 11
    defaults = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    fonts = defaults.find(qn("w:rPr")).find(qn("w:rFonts"))
    assert fonts.get(qn("w:ascii")) == "Bookman Old Style"
    # the text column is refitted to A4: 210 - 30 - 20 = 160 mm in total
    for table in doc.tables:
        total = sum(col.w for col in table._tbl.tblGrid.gridCol_lst)
        assert abs(total - Mm(160)) < Mm(0.1)


# --- logo ---------------------------------------------------------------------------------


def _images(doc: DocxDocument) -> list[bytes]:
    return [
        rel.target_part.blob for rel in doc.part.rels.values() if rel.reltype.endswith("/image")
    ]


def test_placeholder_emblem_without_logo(sintang: Document) -> None:
    doc = open_docx(render_keputusan(sintang))
    assert _images(doc) == [placeholder_emblem_png()]
    assert placeholder_emblem_png().startswith(b"\x89PNG\r\n\x1a\n")


def _copy_fixtures(tmp_path: Path, logo: str) -> Path:
    target = tmp_path / "data"
    shutil.copytree(FIXTURES, target)
    instansi = target / "sintang" / "instansi.yaml"
    text = instansi.read_text(encoding="utf-8")
    text = text.replace("    kota: Sintang\n", f"    kota: Sintang\n    logo: {logo}\n", 1)
    instansi.write_text(text, encoding="utf-8")
    return target / "sintang" / "sk-sop-data-kinerja.yaml"


def test_logo_file_of_the_instansi(tmp_path: Path) -> None:
    path = _copy_fixtures(tmp_path, "logo/lambang.png")
    logo = placeholder_emblem_png(48)  # any PNG will do; this one is at hand
    (path.parent / "logo").mkdir()
    (path.parent / "logo" / "lambang.png").write_bytes(logo)
    doc = open_docx(render_keputusan(load_one(path)))
    assert _images(doc) == [logo]


def test_missing_logo_file_is_a_data_error(tmp_path: Path) -> None:
    path = _copy_fixtures(tmp_path, "tidak-ada.png")
    with pytest.raises(DataError) as info:
        render_keputusan(load_one(path))
    (issue,) = info.value.issues
    assert issue.code == "LOGO"
    assert issue.file.endswith("instansi.yaml") if isinstance(issue.file, str) else True
    assert "tidak-ada.png" in issue.message


# --- template contract and errors -------------------------------------------------------


def test_template_contract(sintang: Document) -> None:
    """The template uses exactly the context's keys plus the logo, nothing else."""
    used = DocxTemplate(TEMPLATE).get_undeclared_template_variables(jinja_env=environment())
    assert used == set(keputusan_context(sintang)) | {"logo"}
    # ... which is the contract `check` holds an agency's own template to.
    assert used == KEPUTUSAN_FIELDS


def _template(tmp_path: Path, text: str) -> Path:
    doc = docx.Document()
    doc.add_paragraph(text)
    path = tmp_path / "rusak.docx"
    doc.save(str(path))
    return path


def test_missing_variable_raises_template_error(tmp_path: Path, sintang: Document) -> None:
    path = _template(tmp_path, "{{ judul.keputusan }} {{ nomor_surat_tidak_ada }}")
    with pytest.raises(TemplateError, match=r"rusak\.docx.*'nomor_surat_tidak_ada'"):
        render_keputusan(sintang, template=path)


def test_missing_attribute_raises_template_error(tmp_path: Path, sintang: Document) -> None:
    path = _template(tmp_path, "{{ judul.subjudul }}")
    with pytest.raises(TemplateError, match="'subjudul'"):
        render_keputusan(sintang, template=path)


def test_sandbox_blocks_python_internals(tmp_path: Path, sintang: Document) -> None:
    path = _template(tmp_path, "{{ judul.__class__.__mro__ }}")
    with pytest.raises(TemplateError):
        render_keputusan(sintang, template=path)


def test_missing_template_file(tmp_path: Path, sintang: Document) -> None:
    with pytest.raises(TemplateError, match="tidak ditemukan"):
        render_keputusan(sintang, template=tmp_path / "tidak-ada.docx")


@pytest.mark.parametrize(
    ("message", "name"),
    [
        ("'nomor' is undefined", "nomor"),
        ("'sk_generator.render.context.Judul object' has no attribute 'sub'", "sub"),
        ("'dict object' has no attribute 'x'", "x"),
    ],
)
def test_undefined_name(message: str, name: str) -> None:
    assert undefined_name(message) == name


# --- LibreOffice ---------------------------------------------------------------------------


@pytest.mark.soffice
def test_converts_to_pdf(tmp_path: Path, sintang: Document) -> None:
    pdf = docx_to_pdf(render_keputusan(sintang), tmp_path, "keputusan")
    reader = PdfReader(pdf)
    assert len(reader.pages) >= 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (
        215,
        330,
    )
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "MEMUTUSKAN" in text and "KESATU" in text and "SUBENDI" in text
