"""Files an instansi record names: its logo and its own SK template.

A missing logo or a template with a misspelt placeholder would otherwise only surface
when a build renders the SK; reported at the instansi.yaml line that names the file.
"""

from __future__ import annotations

from collections.abc import Iterator

from jinja2 import TemplateSyntaxError

from sk_generator.checks.registry import Elsewhere, Finding, rule
from sk_generator.diagnostics import Severity
from sk_generator.document import Document, Record
from sk_generator.model import Instansi, Keputusan
from sk_generator.sandbox import refusal_message
from sk_generator.templates import missing_template_values, template_path
from sk_generator.wording.isian import is_placeholder


def _record(document: Document) -> Record[Instansi]:
    return document.records.instansi[document.instansi_id]


@rule(
    "INSTANSI-LOGO",
    Severity.ERROR,
    "Berkas logo instansi harus ada",
    scope="dokumen",
    wrong="""
instansi:
  disnakertrans-sintang:
    logo: logo-sintang.png     # berkas ini tidak ada di folder
""",
    right="""
instansi:
  disnakertrans-sintang:
    logo: logo-sintang.png     # berkas ada di samping instansi.yaml
""",
    penjelasan="""
        Logo pada kop dibaca dari berkas yang disebut di `logo:`, relatif terhadap folder
        instansi.yaml. Bila berkas itu tidak ada, dokumen tidak dapat dicetak dengan lambang
        daerahnya. Periksa nama dan letak berkas, atau hapus baris `logo:` untuk memakai
        lambang pengganti yang netral.
    """,
)
def logo_exists(document: Document) -> Iterator[Finding]:
    """The logo is looked up beside instansi.yaml; a missing file is an error here rather
    than a failed build (rendering refuses it with the same message)."""
    missing = document.missing_logo()
    if missing is not None:
        record, message = missing
        yield Elsewhere(record.source, (*record.path, "logo"), message)


@rule(
    "INSTANSI-LOGO-KOSONG",
    Severity.WARNING,
    "Kop sebaiknya memakai lambang daerah, bukan lambang pengganti",
    scope="dokumen",
    wrong="""
instansi:
  disnakertrans-sintang:
    pemerintah: PEMERINTAH KABUPATEN SINTANG
    nama: DINAS TENAGA KERJA DAN TRANSMIGRASI   # tanpa baris logo:
""",
    right="""
instansi:
  disnakertrans-sintang:
    pemerintah: PEMERINTAH KABUPATEN SINTANG
    nama: DINAS TENAGA KERJA DAN TRANSMIGRASI
    logo: logo-sintang.png     # lambang daerah di samping instansi.yaml
""",
    penjelasan="""
        Tanpa baris `logo:` kop dicetak dengan lambang pengganti (lingkaran abu-abu dengan
        bintang), bukan lambang daerah, sehingga naskah tidak layak ditandatangani. Simpan
        lambang daerah (PNG atau JPG) di folder instansi.yaml lalu tambahkan `logo:` dengan
        nama berkasnya.
    """,
)
def logo_given(document: Document) -> Iterator[Finding]:
    """Without a logo the kop prints a neutral stand-in emblem: fine for a draft, wrong on
    a signed document, so it is said (a warning: `--strict` fails on it). A placeholder
    value ("[LOGO DAERAH]") is left to TEKS-ISIAN."""
    if document.has_logo or is_placeholder(document.instansi.logo):
        return
    record = document.records.instansi[document.instansi_id]
    yield Elsewhere(
        record.source,
        record.path,
        f"instansi '{record.id}' belum punya `logo:`, sehingga kop dicetak dengan lambang "
        "pengganti; simpan lambang daerah (PNG/JPG) di samping instansi.yaml lalu tambahkan "
        "`logo: nama-berkas.png`",
    )


@rule(
    "INSTANSI-TEMPLAT",
    Severity.ERROR,
    "Templat SK instansi harus ada dan hanya memakai isian yang dikenal",
    scope="keputusan",
    wrong="""
# keputusan-sintang.docx memuat {{ kop_alamat }} (salah ketik)
templat_keputusan: keputusan-sintang.docx
""",
    right="""
# keputusan-sintang.docx memuat {{ kop.alamat }}
templat_keputusan: keputusan-sintang.docx
""",
    penjelasan="""
        Instansi dapat memakai templat SK sendiri (salinan templates/sk/keputusan.docx yang
        gayanya diubah di Word). Isian di dalam `{{ ... }}` harus persis seperti di templat
        bawaan; isian yang salah ketik tidak dapat diisi dari data. Perbaiki ejaannya di Word,
        atau salin ulang templat bawaan. Templat hanya melihat data SK (tanpa `self`,
        `cycler`, `{% include %}`, atribut `_...`, makro rekursif).
    """,
)
def own_template(document: Document, keputusan: Keputusan) -> Iterator[Finding]:
    """An agency template must exist and use only placeholders the SK context provides;
    checked with docxtpl's own list of the template's undeclared variables."""
    del keputusan
    name = document.instansi.templat_keputusan
    if not name:
        return
    record = _record(document)
    where = (*record.path, "templat_keputusan")
    path = template_path(document)
    if not path.is_file():
        yield Elsewhere(
            record.source,
            where,
            f"templat '{name}' tidak ditemukan (dicari di {path}); periksa nama berkas atau "
            "hapus `templat_keputusan:` untuk memakai templat bawaan",
        )
        return
    try:
        missing = missing_template_values(path)
    except TemplateSyntaxError as exc:  # refused by the sandbox, or jinja syntax
        yield Elsewhere(record.source, where, refusal_message(name, exc))
        return
    except Exception as exc:  # a damaged DOCX or jinja syntax error inside it
        yield Elsewhere(
            record.source,
            where,
            f"templat '{name}' tidak dapat dibaca ({type(exc).__name__}: {exc}); buka di Word "
            "dan simpan ulang sebagai .docx, atau salin ulang templat bawaan",
        )
        return
    if missing:
        shown = ", ".join(f"{{{{ {m} }}}}" for m in missing)
        yield Elsewhere(
            record.source,
            where,
            f"templat '{name}' memakai isian yang tidak dikenal: {shown}; perbaiki ejaannya "
            "sesuai templat bawaan templates/sk/keputusan.docx",
        )
