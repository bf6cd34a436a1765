"""`sk-generator baru`: start a Dinas, an SK or an SOP from a commented skeleton."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import click
from pydantic import TypeAdapter, ValidationError

from sk_generator.cli.options import CONTEXT, Command, Group, help_option
from sk_generator.diagnostics import display_path
from sk_generator.model import Tanggal
from sk_generator.skeleton import DinasBaru, DokumenBaru, new_dinas, new_keputusan, new_sop

_TANGGAL: TypeAdapter[dt.date] = TypeAdapter(Tanggal)


def _tanggal(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return _TANGGAL.validate_python(value)
    except ValidationError as exc:
        error = exc.errors()[0].get("ctx", {}).get("error")
        raise click.BadParameter(str(error or value), ctx=ctx, param=param) from None


def _tanggal_option(help_text: str) -> Any:
    return click.option(
        "--tanggal", callback=_tanggal, metavar="TANGGAL", help=help_text + " Bawaan: hari ini."
    )


def _report(written: list[Path], folder: Path) -> None:
    click.echo("Berkas dibuat:")
    for path in written:
        click.echo(f"  {display_path(path)}")
    click.echo(
        "Ganti setiap isian dalam kurung siku [ ... ], lalu periksa dengan: "
        f"sk-generator check {display_path(folder)}"
    )


@click.group("baru", cls=Group, context_settings=CONTEXT, subcommand_metavar="JENIS ...")
@help_option()
def baru() -> None:
    """Membuat berkas data baru dari kerangka berketerangan: dinas, sk atau sop.

    Kerangka sudah lengkap dan sah; nilai yang belum diketahui ditulis sebagai isian
    dalam kurung siku, mis. [NAMA KEPALA DINAS], yang dilaporkan `check` sampai diganti.
    Berkas yang sudah ada tidak pernah ditimpa.

    \b
    Contoh:
      sk-generator baru dinas data/dinkes --nama "Dinas Kesehatan" \\
          --daerah "Kabupaten Sintang" --kota Sintang
      sk-generator baru sk data/dinkes/sk-sop-pelayanan.yaml --tentang "..."
      sk-generator baru sop data/dinkes/sop-arsip.yaml --nama "Pengelolaan Arsip"
    """


@baru.command("dinas", cls=Command, context_settings=CONTEXT)
@click.argument("folder", type=click.Path(path_type=Path), metavar="FOLDER")
@click.option("--nama", help='Nama dinas, mis. "Dinas Kesehatan".')
@click.option("--daerah", help='Daerah, mis. "Kabupaten Sintang" atau "Kota Pontianak".')
@click.option("--kota", help='Kota tempat penetapan ("Ditetapkan di"), mis. Sintang.')
@click.option("--alamat", help="Alamat kantor pada kop.")
@click.option("--kepala", help="Nama Kepala Dinas (tanpa gelar).")
@click.option("--id", "record_id", help="Id instansi; bawaan: dari nama folder.")
@help_option()
def dinas(folder: Path, record_id: str | None, **values: str | None) -> None:
    """Membuat folder dinas: instansi.yaml, pejabat.yaml, skema editor, dan
    regulasi.yaml awal bila belum ada katalog di folder itu atau di atasnya."""
    written = new_dinas(folder, DinasBaru(id=record_id, **values))
    _report(written, folder)


@baru.command("sk", cls=Command, context_settings=CONTEXT)
@click.argument("file", type=click.Path(path_type=Path), metavar="BERKAS")
@click.option("--tentang", help="Judul keputusan (setelah TENTANG).")
@click.option("--nomor", help="Nomor keputusan, mis. 700/109/DISNAKERTRANS.TU.1/2024.")
@_tanggal_option("Tanggal penetapan.")
@click.option("--instansi", help="Id instansi penerbit (bila ada lebih dari satu).")
@click.option("--penandatangan", help="Id pejabat penanda tangan.")
@click.option(
    "--lampiran",
    type=click.IntRange(0, 20),
    default=1,
    show_default=True,
    help="Jumlah kerangka SOP lampiran.",
)
@help_option()
def sk(
    file: Path,
    tentang: str | None,
    nomor: str | None,
    tanggal: dt.date | None,
    instansi: str | None,
    penandatangan: str | None,
    lampiran: int,
) -> None:
    """Membuat kerangka SK (dengan SOP lampiran) di BERKAS, memakai instansi, pejabat
    dan katalog regulasi di folder itu atau di atasnya."""
    doc = DokumenBaru(tentang, nomor, tanggal, instansi, penandatangan, lampiran)
    _report(new_keputusan(file, doc, today=dt.date.today()), file.parent)


@baru.command("sop", cls=Command, context_settings=CONTEXT)
@click.argument("file", type=click.Path(path_type=Path), metavar="BERKAS")
@click.option("--nama", help="Nama SOP, mis. Pengelolaan Arsip.")
@click.option("--nomor", help="Nomor SOP.")
@_tanggal_option("Tanggal efektif (disahkan).")
@click.option("--instansi", help="Id instansi (bila ada lebih dari satu).")
@click.option("--disahkan-oleh", "disahkan_oleh", help="Id pejabat yang mengesahkan.")
@help_option()
def sop(
    file: Path,
    nama: str | None,
    nomor: str | None,
    tanggal: dt.date | None,
    instansi: str | None,
    disahkan_oleh: str | None,
) -> None:
    """Membuat kerangka SOP mandiri (jenis: sop) di BERKAS."""
    doc = DokumenBaru(nama, nomor, tanggal, instansi, disahkan_oleh, 0)
    _report(new_sop(file, doc, today=dt.date.today()), file.parent)
