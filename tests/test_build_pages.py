"""Which pages of a changed PDF the change report names (sk_generator.build.pages)."""

from __future__ import annotations

from pathlib import Path

from sk_generator.build.pages import changed_pages
from tests.conftest import text_pdf


def test_names_only_the_pages_whose_text_differs(tmp_path: Path) -> None:
    old = tmp_path / "lampiran-1.pdf"
    old.write_bytes(text_pdf("Langkah 1", "Waktu 30 Menit", "Jumlah 2 Jam", "Selesai"))
    new = text_pdf("Langkah 1", "Waktu 45 Menit", "Jumlah 2 Jam 15 Menit", "Selesai")
    assert changed_pages(old, new) == (2, 3)
    assert changed_pages(old, old.read_bytes()) == ()


def test_pages_added_or_taken_away_are_named(tmp_path: Path) -> None:
    old = tmp_path / "sop.pdf"
    old.write_bytes(text_pdf("Satu", "Dua"))
    assert changed_pages(old, text_pdf("Satu", "Dua", "Tiga")) == (3,)
    assert changed_pages(old, text_pdf("Satu")) == (2,)


def test_an_unreadable_old_file_names_no_pages(tmp_path: Path) -> None:
    old = tmp_path / "rusak.pdf"
    old.write_bytes(b"%PDF-1.6\n1 0 obj\n<< /Type /Catalog")
    assert changed_pages(old, text_pdf("Satu")) == ()


def test_the_report_line_names_the_pages_of_each_changedtext_pdf(tmp_path: Path) -> None:
    from sk_generator.build import BuildResult
    from sk_generator.build.pipeline import BuiltDocument
    from sk_generator.build.report import Change
    from sk_generator.cli.report import report_lines

    folder = tmp_path / "700-109-2024"
    change = Change(
        "berubah",
        ("lampiran-1.docx", "lampiran-1.pdf", "700-109-2024.pdf"),
        pages=(("lampiran-1.pdf", (3, 4)), ("700-109-2024.pdf", (5, 6))),
    )
    document = BuiltDocument("sk.yaml", "700/109", "SOP", folder, change=change)
    result = BuildResult(tmp_path, [document], [], 1.0)
    assert report_lines(result) == [
        "Laporan pembangunan (1 berubah):",
        "  berubah  700-109-2024: lampiran-1.docx, lampiran-1.pdf (halaman 3, 4), "
        "PDF gabungan (halaman 5, 6)",
    ]
