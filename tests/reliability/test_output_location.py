"""Issue 14, item 2 (the output side): every problem with where outputs go is exit 3
with an Indonesian message naming the path and the fix, never a traceback, and what
was there before is left as it was."""

from __future__ import annotations

import errno
import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from sk_generator.build import build, output_names
from sk_generator.errors import EnvironmentProblem
from sk_generator.load import load
from tests.conftest import CliResult, FakeSoffice
from tests.reliability.conftest import documents, hidden
from tests.reliability.faults import Injector, injecting


@pytest.fixture
def cli(
    run_cli: Callable[..., CliResult],
    monkeypatch: pytest.MonkeyPatch,
    fake_soffice: FakeSoffice,
    fake_render: Callable[..., list[str]],
    data: Path,
) -> Callable[[Path], CliResult]:
    """`sk-generator build DATA -o OUT` with the test renderer and the fake soffice."""
    fake_render({})
    monkeypatch.setenv("SK_GENERATOR_SOFFICE", str(fake_soffice.path))
    return lambda out: run_cli("build", str(data), "-o", str(out))


@pytest.fixture
def names(data: Path) -> list[str]:
    return output_names(load([data]).documents)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_output_under_a_file(cli: Callable[[Path], CliResult], tmp_path: Path) -> None:
    blocker = tmp_path / "laporan.txt"
    blocker.write_text("bukan folder")
    result = cli(blocker / "hasil")
    assert result.code == 3
    assert result.err == (
        f"Galat: '{blocker}' (di jalur {blocker / 'hasil'}) sudah ada sebagai berkas, "
        "bukan folder; pilih folder keluaran lain (-o)\n"
    )
    assert blocker.read_text() == "bukan folder"


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        (errno.EACCES, "tidak ada izin menulis '{path}'"),
        (errno.EROFS, "'{path}' berada pada media yang hanya dapat dibaca"),
        (errno.ENOSPC, "ruang disk tidak cukup untuk menulis '{path}'"),
    ],
)
def test_read_only_or_full_output(
    cli: Callable[[Path], CliResult], tmp_path: Path, code: int, expected: str
) -> None:
    """No permission (as root, chmod does not stop a write: the refusal is injected), a
    read-only medium, a full disk: at the first write into the output folder."""
    out = tmp_path / "out"
    injector = Injector([out], fail_at=1, errno=code)
    with injecting(injector):
        result = cli(out)
    assert result.code == 3
    first = result.err.splitlines()[0]
    assert first.startswith("Galat: " + expected.format(path=injector.failed)), result.err
    assert documents(out) == {} and hidden(out) == []


@pytest.mark.skipif(
    not hasattr(__import__("os"), "geteuid") or __import__("os").geteuid() == 0,
    reason="root may write into a read-only folder",
)
def test_read_only_output_folder(cli: Callable[[Path], CliResult], tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir(mode=0o555)
    result = cli(out)
    assert result.code == 3
    assert result.err == (
        f"Galat: tidak ada izin menulis di folder '{out}'; pilih folder keluaran lain (-o) "
        "atau ubah izinnya\n"
    )


def test_a_file_where_the_document_folder_goes(
    cli: Callable[[Path], CliResult], tmp_path: Path, names: list[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    blocker = out / names[1]
    blocker.write_text("berkas staf")
    result = cli(out)
    assert result.code == 3
    assert result.err == (
        f"Galat: '{blocker}' adalah berkas, padahal di situ folder dokumen dibuat; "
        "pindahkan atau hapus berkas itu lalu jalankan lagi\n"
    )
    assert sorted(p.name for p in out.iterdir()) == [names[1]]  # nothing rendered or written
    assert blocker.read_text() == "berkas staf"


def test_keputusan_pdf_is_a_folder(
    cli: Callable[[Path], CliResult], tmp_path: Path, names: list[str]
) -> None:
    out = tmp_path / "out"
    assert cli(out).code == 0
    folder = out / names[0]
    (folder / "keputusan.pdf").unlink()
    (folder / "keputusan.pdf").mkdir()
    (folder / "keputusan.pdf" / "scan.png").write_bytes(b"data staf")
    before = documents(out)
    result = cli(out)
    assert result.code == 3
    assert result.err == (
        f"Galat: '{folder / 'keputusan.pdf'}' adalah folder, padahal di situ berkas "
        "keputusan.pdf ditulis; pindahkan atau hapus folder itu lalu jalankan lagi\n"
    )
    assert documents(out) == before


def test_document_folder_is_a_link_outside_the_output(
    cli: Callable[[Path], CliResult], tmp_path: Path, names: list[str]
) -> None:
    outside = tmp_path / "di-luar"
    outside.mkdir()
    (outside / "keputusan.pdf").write_bytes(b"milik orang lain")
    out = tmp_path / "out"
    out.mkdir()
    (out / names[0]).symlink_to(outside)
    result = cli(out)
    assert result.code == 3
    assert result.err == (
        f"Galat: '{out / names[0]}' adalah tautan (symlink) ke '{outside}'; keluaran tidak "
        "pernah ditulis melalui tautan. Hapus tautan itu lalu jalankan lagi\n"
    )
    assert [p.name for p in outside.iterdir()] == ["keputusan.pdf"]
    assert (outside / "keputusan.pdf").read_bytes() == b"milik orang lain"


def test_output_file_is_a_link_outside_the_output(
    cli: Callable[[Path], CliResult], tmp_path: Path, names: list[str]
) -> None:
    out = tmp_path / "out"
    assert cli(out).code == 0
    victim = tmp_path / "penting.pdf"
    victim.write_bytes(b"jangan ditimpa")
    digest = _digest(victim)
    link = out / names[0] / "keputusan.pdf"
    link.unlink()
    link.symlink_to(victim)
    result = cli(out)
    assert result.code == 3
    assert result.err == (
        f"Galat: '{link}' adalah tautan (symlink) ke '{victim}'; keluaran tidak pernah "
        "ditulis melalui tautan. Hapus tautan itu lalu jalankan lagi\n"
    )
    assert _digest(victim) == digest and link.is_symlink()


def test_the_library_raises_what_the_cli_shows(
    tmp_path: Path, data: Path, fake_soffice: FakeSoffice
) -> None:
    blocker = tmp_path / "berkas"
    blocker.write_text("x")
    with pytest.raises(EnvironmentProblem) as caught:
        build([data], blocker / "out", soffice=fake_soffice.path)
    assert str(caught.value).startswith(f"'{blocker}' (di jalur {blocker / 'out'}) sudah ada")
    assert caught.value.exit_code == 3
