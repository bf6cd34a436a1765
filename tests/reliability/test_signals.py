"""Issue 14, item 5: SIGTERM, SIGHUP and SIGINT stop a build cleanly, and so does the
conversion timeout: no soffice process, nothing in TMPDIR, the output unchanged.

The build runs as `python -m sk_generator build` in a child process with a private
TMPDIR; its soffice is a stand-in that behaves like LibreOffice where it matters here
(a lu*.tmp folder in TMPDIR, a helper process, then a hang), so the signal arrives while
the conversion runs.
"""

from __future__ import annotations

import os
import signal
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from sk_generator.build import build
from sk_generator.pdf import ConversionJob, convert
from tests.conftest import FakeSoffice, make_docx
from tests.reliability.conftest import (
    HangingSoffice,
    alive,
    cli_process,
    documents,
    hidden,
    wait_for,
)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_signal_during_conversion_stops_soffice_and_removes_every_temporary_folder(
    signum: signal.Signals,
    data: Path,
    tmp_path: Path,
    systmp: Path,
    hanging_soffice: HangingSoffice,
    fake_soffice: FakeSoffice,
    fake_render: Callable[..., list[str]],
) -> None:
    fake_render({})
    out = tmp_path / "out"
    build([data], out, soffice=fake_soffice.path, processes=1)  # the old set
    old = documents(out)
    child = cli_process(  # --semua: the data did not change, but a rebuild is the point
        ["build", str(data / "sk-0001.yaml"), "-o", str(out), "--semua"],
        env={"TMPDIR": str(systmp), "SK_GENERATOR_SOFFICE": str(hanging_soffice.path)},
    )
    hanging_soffice.wait_started()
    child.send_signal(signum)
    _, err = child.communicate(timeout=60)
    assert child.returncode == 128 + signum
    assert err.splitlines()[-1] == (
        f"Dihentikan ({signum.name}). LibreOffice sudah dihentikan dan folder sementara "
        "dihapus; setiap folder dokumen berisi hasil lama atau hasil baru yang lengkap."
    )
    assert "Traceback" not in err
    for pid in hanging_soffice.pids():
        wait_for(lambda pid=pid: not alive(pid), 10)  # type: ignore[misc]
    assert list(systmp.iterdir()) == []  # no sk-generator-*, no lu*.tmp
    assert documents(out) == old and hidden(out) == []


def test_a_signal_while_rendering_in_worker_processes(
    tmp_path: Path, systmp: Path, hanging_soffice: HangingSoffice
) -> None:
    """SIGTERM while the render workers run: they stop, the scratch folder goes."""
    from benchmarks.synth import write_dataset

    data = tmp_path / "banyak"
    write_dataset(data, 4)
    out = tmp_path / "out"
    child = cli_process(
        ["build", str(data), "-o", str(out)],
        env={"TMPDIR": str(systmp), "SK_GENERATOR_SOFFICE": str(hanging_soffice.path)},
    )
    wait_for(lambda: any((p / "1").exists() for p in systmp.glob("sk-generator-build-*")))
    child.send_signal(signal.SIGTERM)
    _, err = child.communicate(timeout=60)
    assert child.returncode == 128 + signal.SIGTERM, err
    assert "Traceback" not in err
    assert list(systmp.iterdir()) == []
    assert documents(out) == {} and hidden(out) == []
    assert hanging_soffice.pids() == []  # stopped before converting


def test_timeout_kills_soffice_and_leaves_nothing_in_tmpdir(
    data: Path, tmp_path: Path, systmp: Path, hanging_soffice: HangingSoffice
) -> None:
    out = tmp_path / "out"
    child = cli_process(
        ["build", str(data / "sk-0001.yaml"), "-o", str(out)],
        env={
            "TMPDIR": str(systmp),
            "SK_GENERATOR_SOFFICE": str(hanging_soffice.path),
            "SK_GENERATOR_TIMEOUT": "1",
        },
    )
    _, err = child.communicate(timeout=120)
    assert child.returncode == 3
    assert "LibreOffice macet, dihentikan setelah 1 detik" in err
    assert "Traceback" not in err
    # Each part hangs twice (the retry), each time a launcher and its helper.
    assert len(hanging_soffice.pids()) >= 2 * 2 * 2
    assert not [pid for pid in hanging_soffice.pids() if alive(pid)]
    assert list(systmp.iterdir()) == []
    assert documents(out) == {} and hidden(out) == []


def _our_processes(marker: str) -> list[int]:
    """Processes whose command line mentions `marker` (soffice gets our folders)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if marker in cmdline and alive(int(entry.name)):
            found.append(int(entry.name))
    return found


@pytest.mark.soffice
def test_real_soffice_timed_out_leaves_no_process_and_no_lu_tmp(
    tmp_path: Path, systmp: Path
) -> None:
    docx = make_docx(tmp_path / "in" / "dokumen.docx", pages=3)
    result = convert(
        [ConversionJob(docx, tmp_path / "dokumen.pdf", "dokumen", None)],
        timeout=0.5,
        processes=1,
    )
    assert [f.reason.split(";")[0] for f in result.failures] == [
        "LibreOffice macet, dihentikan setelah 0.5 detik"
    ]
    assert _our_processes(str(systmp)) == []
    assert list(systmp.iterdir()) == []


@pytest.mark.soffice
def test_real_soffice_stopped_by_sigterm(data: Path, tmp_path: Path, systmp: Path) -> None:
    out = tmp_path / "out"
    child = cli_process(["build", str(data / "sk-0001.yaml"), "-o", str(out)], env={})
    wait_for(lambda: bool(_our_processes(str(systmp / "sk-generator-soffice-"))), 120)
    child.send_signal(signal.SIGTERM)
    _, err = child.communicate(timeout=60)
    assert child.returncode == 128 + signal.SIGTERM, err
    wait_for(lambda: not _our_processes(str(systmp)), 10)
    assert list(systmp.iterdir()) == []
    assert documents(out) == {} and hidden(out) == []


def test_subprocess_helper_sees_the_private_tmpdir(systmp: Path) -> None:
    """The children above inherit the private TMPDIR (else the checks prove nothing)."""
    shown = subprocess.run(
        ["sh", "-c", 'echo "$TMPDIR"'], capture_output=True, text=True, check=True
    )
    assert shown.stdout.strip() == str(systmp)
