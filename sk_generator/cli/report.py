"""The build's change report as the user reads it ("Laporan pembangunan").

One line per document, compared with what the output folder held before this build:
``baru`` (no folder yet), ``berubah`` (with the files that changed and, for a PDF, the
pages whose text changed) or ``tetap`` (nothing written), then the folders of documents
that are gone, removed or left in place.
"""

from __future__ import annotations

from sk_generator.build import BuildResult
from sk_generator.build.report import Change
from sk_generator.build.stale import StaleFolder

_REASONS = {
    "hilang": "berkas datanya {source} tidak ada lagi",
    "pindah": "dokumen dari {source} kini dibuat di folder lain",
}


def report_lines(result: BuildResult) -> list[str]:
    """The report's lines: a heading with the counts, one line per document and per
    stale folder."""
    counts = {status: 0 for status in ("baru", "berubah", "tetap")}
    for document in result.documents:
        counts[document.change.status] += 1
    shown = ", ".join(f"{number} {status}" for status, number in counts.items() if number)
    lines = [f"Laporan pembangunan ({shown}):"]
    for document in result.documents:
        change = document.change
        line = f"  {change.status:<8} {document.folder.name}"
        details = _details(change, f"{document.folder.name}.pdf")
        lines.append(f"{line}: {details}" if details else line)
    lines += [_stale_line(stale) for stale in result.stale]
    return lines


def _details(change: Change, bundle: str) -> str:
    """What changed in a "berubah" document: its files, the bundle as "PDF gabungan"."""
    if change.status != "berubah":
        return ""
    pages = dict(change.pages)
    names = [_file(name, bundle, pages.get(name, ())) for name in change.changed]
    names += [f"{name} dihapus" for name in change.dropped]
    return ", ".join(names)


def _file(name: str, bundle: str, pages: tuple[int, ...]) -> str:
    """A changed file as staff read it: the bundle as "PDF gabungan", with the pages
    whose text changed ("lampiran-1.pdf (halaman 3, 4)")."""
    shown = "PDF gabungan" if name == bundle else name
    if not pages:
        return shown
    return f"{shown} (halaman {', '.join(str(number) for number in pages)})"


def _stale_line(stale: StaleFolder) -> str:
    why = _REASONS[stale.reason].format(source=stale.source)
    if stale.removed:
        return f"  dihapus  {stale.folder.name} ({why})"
    others = ", ".join(stale.others)
    return (
        f"  dibiarkan {stale.folder.name} ({why}; folder ini berisi berkas lain: {others}; "
        "hapus sendiri bila tidak diperlukan)"
    )
