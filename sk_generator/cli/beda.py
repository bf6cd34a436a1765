"""`sk-generator beda`: what changed between two versions, as staff read the documents."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from sk_generator.cli.options import CONTEXT, Command, help_option
from sk_generator.compare import HasilDokumen, Laporan, beda, beda_sejak, daftar_perubahan
from sk_generator.compare.matriks import write_matriks
from sk_generator.errors import UserError

_STATUS = {
    "baru": "dokumen baru",
    "dihapus": "dokumen dihapus",
    "tetap": "tidak ada perubahan",
}


@click.command("beda", cls=Command, context_settings=CONTEXT)
@click.argument(
    "paths", nargs=-1, required=True, type=click.Path(path_type=Path), metavar="LAMA [BARU]"
)
@click.option(
    "--sejak",
    metavar="REVISI",
    help="Bandingkan PATH sekarang dengan versinya pada revisi git ini (mis. HEAD, HEAD~3, "
    "nama tag atau id commit).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["teks", "json", "docx", "pdf"]),
    default="teks",
    show_default=True,
    help="teks (dibaca di layar), json (untuk program lain), atau docx/pdf: Matriks "
    "Perubahan berkop dinas (wajib dengan -o).",
)
@click.option(
    "-o",
    "--output",
    "target",
    type=click.Path(path_type=Path, dir_okay=False),
    metavar="BERKAS",
    help="Berkas Matriks Perubahan yang ditulis (untuk --format docx atau pdf).",
)
@help_option()
def beda_command(
    paths: tuple[Path, ...], sejak: str | None, output_format: str, target: Path | None
) -> None:
    """Menampilkan perubahan antara dua versi dokumen, dalam istilah dokumennya.

    LAMA dan BARU adalah dua berkas data atau dua folder (dokumen dipasangkan menurut
    letaknya di dalam folder). Dengan --sejak REVISI cukup satu PATH: versi lamanya
    dibaca dari git. Yang dibandingkan adalah dokumen sebagaimana dicetak: pejabat,
    instansi dan peraturan dari berkas rujukan ikut diperhitungkan, jadi mengubah
    pejabat.yaml terlihat sebagai perubahan penandatangan SK yang memakainya.

    \b
    Contoh:
      sk-generator beda lama/sk-sop.yaml data/sintang/sk-sop.yaml
      sk-generator beda data/ --sejak HEAD~1
      sk-generator beda data/sintang --sejak v2024 --format pdf -o matriks.pdf
    """
    laporan = _compare(paths, sejak)
    if output_format in ("docx", "pdf"):
        if target is None:
            raise UserError(
                f"--format {output_format} memerlukan -o BERKAS, mis. -o matriks.{output_format}"
            )
        write_matriks(laporan, target, output_format)
        click.echo(f"Matriks Perubahan ditulis ke {target} ({laporan.jumlah} perubahan).")
        return
    if target is not None:
        raise UserError("-o hanya dipakai dengan --format docx atau pdf")
    if output_format == "json":
        click.echo(json.dumps(laporan_json(laporan), ensure_ascii=False, indent=2))
    else:
        click.echo(laporan_teks(laporan), nl=False)


def _compare(paths: tuple[Path, ...], sejak: str | None) -> Laporan:
    if sejak is not None:
        if len(paths) != 1:
            raise UserError("dengan --sejak berikan satu berkas atau folder saja")
        return beda_sejak(paths[0], sejak)
    if len(paths) != 2:
        raise UserError(
            "berikan dua berkas atau folder (LAMA BARU), atau satu dengan --sejak REVISI"
        )
    return beda(paths[0], paths[1])


def dokumen_teks(hasil: HasilDokumen) -> list[str]:
    if hasil.status != "berubah":
        return [f"{hasil.nama}: {_STATUS[hasil.status]}"]
    count = len(hasil.perubahan)
    header = [f"{hasil.nama}: {count} perubahan", f"  {hasil.judul}"]
    return [*header, *daftar_perubahan(hasil.perubahan)]


def laporan_teks(laporan: Laporan) -> str:
    """Every document with its numbered changes; the sides are named first."""
    lines = [f"Semula : {laporan.lama}", f"Menjadi: {laporan.baru}", ""]
    if not laporan.dokumen:
        lines.append("Tidak ada dokumen untuk dibandingkan.")
    for hasil in laporan.dokumen:
        lines += dokumen_teks(hasil)
    return "\n".join(lines) + "\n"


def laporan_json(laporan: Laporan) -> dict[str, Any]:
    return {
        "semula": laporan.lama,
        "menjadi": laporan.baru,
        "jumlah_perubahan": laporan.jumlah,
        "dokumen": [
            {
                "berkas": hasil.nama,
                "judul": hasil.judul,
                "status": hasil.status,
                "perubahan": [
                    {
                        "no": number,
                        "bagian": item.bagian,
                        "jenis": item.jenis,
                        "semula": item.semula,
                        "menjadi": item.menjadi,
                        "keterangan": item.keterangan,
                    }
                    for number, item in enumerate(hasil.perubahan, start=1)
                ],
            }
            for hasil in laporan.dokumen
        ],
    }
