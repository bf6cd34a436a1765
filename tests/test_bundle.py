"""The print bundle: outline, metadata, page labels, duplex padding, manifest, PDF/A."""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, NumberObject

from sk_generator.bundle import (
    BundleInfo,
    BundlePart,
    fonts,
    manifest_path_for,
    merge,
    paper_name,
    pdfa_level,
    unembedded_fonts,
    write_bundle,
)
from sk_generator.errors import EnvironmentProblem
from sk_generator.pdf import ConversionJob, convert
from tests.conftest import text_pdf

F4 = (609.4, 935.4)
F4_LANDSCAPE = (935.4, 609.4)
A4 = (595.3, 841.9)
INFO = BundleInfo(
    "Keputusan Kepala Dinas Contoh Nomor 700/1/DC/2024 tentang SOP Contoh & Lain",
    "Dinas Contoh Kabupaten Contoh",
    "700/1/DC/2024",
    ("Keputusan Kepala Dinas", "SOP AP"),
)


def pdf(*sizes: tuple[float, float], rotate: int = 0) -> bytes:
    writer = PdfWriter()
    for width, height in sizes:
        page = writer.add_blank_page(width, height)
        if rotate:
            page[NameObject("/Rotate")] = NumberObject(rotate)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def sk_with_lampiran(sk_pages: int = 1) -> list[BundlePart]:
    return [
        BundlePart("Keputusan", pdf(*[F4] * sk_pages), "keputusan", "keputusan.pdf"),
        BundlePart(
            "Lampiran I: SOP Pengumpulan Data", pdf(F4_LANDSCAPE), "lampiran", None, "Lampiran I-"
        ),
        BundlePart(
            "Lampiran II: SOP Pelaporan",
            pdf(F4_LANDSCAPE, F4_LANDSCAPE),
            "lampiran",
            None,
            "Lampiran II-",
        ),
    ]


def test_outline_has_one_entry_per_part_at_its_first_page() -> None:
    bundle = merge(sk_with_lampiran(sk_pages=2), INFO)
    reader = PdfReader(io.BytesIO(bundle.data))
    entries = [
        (item["/Title"], reader.get_destination_page_number(item)) for item in reader.outline
    ]
    assert entries == [
        ("Keputusan", 0),
        ("Lampiran I: SOP Pengumpulan Data", 2),
        ("Lampiran II: SOP Pelaporan", 3),
    ]
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"


def test_metadata() -> None:
    reader = PdfReader(io.BytesIO(merge(sk_with_lampiran(), INFO).data))
    meta = reader.metadata
    assert meta is not None
    assert meta.title == INFO.title
    assert meta.author == "Dinas Contoh Kabupaten Contoh"
    assert meta.subject == "700/1/DC/2024"
    assert meta["/Keywords"] == "Keputusan Kepala Dinas, SOP AP"
    assert meta.producer.startswith("sk-generator")
    xmp = reader.xmp_metadata
    assert xmp is not None
    assert xmp.dc_title == {"x-default": INFO.title}  # "&" escaped and read back
    assert xmp.dc_creator == ["Dinas Contoh Kabupaten Contoh"]
    assert pdfa_level(reader) is None  # not claimed without --pdfa


def test_page_labels_restart_per_part() -> None:
    reader = PdfReader(io.BytesIO(merge(sk_with_lampiran(sk_pages=2), INFO).data))
    assert reader.page_labels == ["1", "2", "Lampiran I-1", "Lampiran II-1", "Lampiran II-2"]


def test_duplex_starts_every_part_on_an_odd_page_with_matching_blank() -> None:
    bundle = merge(sk_with_lampiran(sk_pages=1), INFO, duplex=True)
    reader = PdfReader(io.BytesIO(bundle.data))
    # SK p1, blank p2 (portrait like p1), Lampiran I p3, blank p4 (landscape), Lampiran II p5-6
    assert len(reader.pages) == 6
    assert [p.first_page for p in bundle.parts] == [1, 3, 5]
    assert [p.blank_before for p in bundle.parts] == [0, 1, 1]
    assert [p.part for p in bundle.pages] == [0, None, 1, None, 2, 2]
    sizes = [
        (round(float(p.mediabox.width), 1), round(float(p.mediabox.height), 1))
        for p in reader.pages
    ]
    assert sizes == [F4, F4, F4_LANDSCAPE, F4_LANDSCAPE, F4_LANDSCAPE, F4_LANDSCAPE]
    assert not reader.pages[1].extract_text()
    # A blank page keeps the numbering of the part it closes.
    assert reader.page_labels == [
        "1",
        "2",
        "Lampiran I-1",
        "Lampiran I-2",
        "Lampiran II-1",
        "Lampiran II-2",
    ]
    outline_pages = [reader.get_destination_page_number(i) for i in reader.outline]
    assert all(page % 2 == 0 for page in outline_pages)  # 0-based even = odd page number


def test_duplex_adds_nothing_when_parts_already_start_on_odd_pages() -> None:
    parts = [
        BundlePart("Keputusan", pdf(F4, F4), "keputusan"),
        BundlePart("Lampiran: SOP X", pdf(F4_LANDSCAPE), "lampiran"),
    ]
    bundle = merge(parts, INFO, duplex=True)
    assert len(bundle.pages) == 3
    assert [p.blank_before for p in bundle.parts] == [0, 0]


def test_duplex_blank_copies_rotation() -> None:
    parts = [
        BundlePart("Keputusan", pdf(F4, rotate=90), "keputusan"),
        BundlePart("Lampiran: SOP X", pdf(F4), "lampiran"),
    ]
    reader = PdfReader(io.BytesIO(merge(parts, INFO, duplex=True).data))
    assert reader.pages[1].get("/Rotate") == 90


def test_manifest_and_its_hash(tmp_path: Path) -> None:
    bundle = merge(sk_with_lampiran(), INFO, duplex=True)
    target = tmp_path / "700-1-DC-2024_SOP-Contoh.pdf"
    manifest_path = write_bundle(bundle, target)
    assert manifest_path == tmp_path / "700-1-DC-2024_SOP-Contoh.manifest.json"
    assert manifest_path_for(target) == manifest_path
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    assert manifest["sha256"] == hashlib.sha256(target.read_bytes()).hexdigest()
    assert manifest["bytes"] == target.stat().st_size
    assert manifest["bundle"] == target.name
    assert manifest["page_count"] == 6
    assert manifest["subject"] == "700/1/DC/2024"
    assert [p["label"] for p in manifest["parts"]] == [
        "Keputusan",
        "Lampiran I: SOP Pengumpulan Data",
        "Lampiran II: SOP Pelaporan",
    ]
    assert manifest["parts"][0]["file"] == "keputusan.pdf"
    first, blank, lampiran = manifest["pages"][:3]
    assert first == {
        "page": 1,
        "label": "1",
        "part": 0,
        "blank": False,
        "paper": "F4",
        "orientation": "portrait",
        "width_mm": 215.0,
        "height_mm": 330.0,
    }
    assert blank["blank"] and blank["paper"] == "F4" and blank["orientation"] == "portrait"
    assert lampiran["orientation"] == "landscape" and lampiran["paper"] == "F4"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([target.name, manifest_path.name])


@pytest.mark.parametrize(
    ("size", "name"),
    [
        (F4, "F4"),
        (F4_LANDSCAPE, "F4"),
        ((609.987, 936.0), "F4"),  # what LibreOffice writes for F4
        (A4, "A4"),
        ((841.9, 595.3), "A4"),
        ((612.0, 792.0), "Letter"),
        ((500.0, 500.0), None),
    ],
)
def test_paper_names(size: tuple[float, float], name: str | None) -> None:
    assert paper_name(*size) == name


def test_pdfa_refuses_parts_that_are_not_pdfa() -> None:
    with pytest.raises(EnvironmentProblem, match="PDF/A-2b"):
        merge(sk_with_lampiran(), INFO, pdfa=True)


def test_unembedded_fonts_are_found() -> None:
    reader = PdfReader(io.BytesIO(text_pdf("Satu")))
    assert unembedded_fonts(reader) == ["/Helvetica"]


# ---------------------------------------------------------------- real LibreOffice


def _convert(docx: list[Path], out: Path, *, pdfa: bool) -> list[bytes]:
    jobs = [ConversionJob(d, out / f"{d.stem}.pdf", d.stem) for d in docx]
    result = convert(jobs, pdfa=pdfa)
    assert result.ok, result.failures
    return [job.target.read_bytes() for job in jobs]


@pytest.mark.soffice
@pytest.mark.parametrize("pdfa", [False, True])
def test_real_bundle_embeds_fonts(
    docx_factory: Callable[..., Path], tmp_path: Path, pdfa: bool
) -> None:
    docx = [docx_factory("sk", pages=2), docx_factory("sop", landscape=True)]
    sk, sop = _convert(docx, tmp_path / "pdf", pdfa=pdfa)
    parts = [
        BundlePart("Keputusan", sk, "keputusan"),
        BundlePart("Lampiran: SOP Contoh", sop, "lampiran", None, "Lampiran-"),
    ]
    bundle = merge(parts, INFO, duplex=True, pdfa=pdfa)
    reader = PdfReader(io.BytesIO(bundle.data))
    used = fonts(reader)
    assert used and all(used.values())
    assert [(p.paper, p.orientation) for p in bundle.pages] == [
        ("F4", "portrait"),
        ("F4", "portrait"),
        ("F4", "landscape"),
    ]
    root = reader.trailer["/Root"]
    if pdfa:
        assert pdfa_level(reader) == ("2", "B")
        assert "/OutputIntents" in root
        metadata = root["/Metadata"].get_object()
        assert "/Filter" not in metadata  # PDF/A: the XMP stream stays readable
        assert reader.trailer["/ID"]
        assert reader.metadata is not None and reader.metadata.title == INFO.title
    else:
        assert pdfa_level(reader) is None
