"""Issue 14, item 3: a document folder holds its complete old set or its complete new
set at every instant of a rebuild, whatever interrupts it (a full disk, SIGKILL), and
two builds into one output folder never interleave.

The fault tests inject at every file-system write of a real build (faults.py); the
pipeline runs with the test renderer and the fake soffice (tests/conftest.py) in this
process, so every write is seen.
"""

from __future__ import annotations

import io
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from benchmarks.synth import write_dataset
from sk_generator.build import Progress, build
from sk_generator.build import swap as swap_module
from sk_generator.build.lock import output_lock
from sk_generator.build.swap import recover
from sk_generator.errors import EnvironmentProblem
from tests.conftest import ROOT, FakeSoffice
from tests.reliability.conftest import (
    Snapshot,
    assert_old_or_new,
    cli_process,
    documents,
    hidden,
    normalized,
    revise,
)
from tests.reliability.faults import Injector, injecting

NEW_TEXT = {f"800/{i}/DISNAKERTRANS.TU/2024": f"versi baru {i}" for i in (1, 2)}


@pytest.fixture
def rebuild(
    data: Path,
    tmp_path: Path,
    systmp: Path,
    fake_soffice: FakeSoffice,
    fake_render: Callable[..., list[str]],
) -> Callable[..., Snapshot]:
    """Build the old version into tmp_path/out (plus a note of the staff's and a part
    the new version drops); returns a function running the rebuild of the new version."""
    fake_render({})
    out = tmp_path / "out"
    first = build([data], out, soffice=fake_soffice.path, processes=1).documents[0]
    (first.folder / "catatan.txt").write_text("catatan staf")
    (first.folder / "lampiran-2.pdf").write_bytes(b"bagian lama yang sudah dihapus")
    fake_render(NEW_TEXT)

    def run(*paths: Path) -> Snapshot:
        # force: the data is unchanged (the test renderer prints the new version).
        build(list(paths) or [data], out, soffice=fake_soffice.path, processes=1, force=True)
        return documents(out)

    return run


def test_sigkill_at_any_write_leaves_the_old_or_the_new_set(
    rebuild: Callable[..., Snapshot], tmp_path: Path, systmp: Path
) -> None:
    out = tmp_path / "out"
    old = documents(out)
    injector = Injector([out, systmp], snapshot=lambda: documents(out))
    with injecting(injector):
        new = rebuild()
    for name in old:  # the rebuild changed every document, and kept the staff's note
        assert new[name] != old[name]
        assert new[name]["keputusan.docx"] != old[name]["keputusan.docx"]
    first = sorted(old)[0]
    assert new[first]["catatan.txt"] == b"catatan staf"
    assert "lampiran-2.pdf" not in new[first]
    # Every file of each new set (parts, bundle, manifest, the note) was written or
    # linked over from the old set under watch: a kill before each was looked at.
    assert _staged(injector.changes, out) == {
        (name, file) for name, files in new.items() for file in files
    }
    assert {(name, f"{name}.manifest.json") for name in new} <= _staged(injector.changes, out)
    for state in injector.snapshots:  # the state a SIGKILL just before each write leaves
        assert_old_or_new(state, old, new)
    assert injector.snapshots[0] == old
    assert hidden(out) == [] and list(systmp.iterdir()) == []


_STAGING = re.compile(r"^\.(?P<name>.+)\.[0-9a-f]{8}\.baru$")


def _staged(changes: Iterable[tuple[str, str]], out: Path) -> set[tuple[str, str]]:
    """(document folder, file name) of each file written into a staging folder, or
    linked into one from the document's old folder (an unchanged file, a staff note)."""
    found = set()
    for kind, path in changes:
        match = _STAGING.match(Path(path).parent.name)
        if kind == "open" and match is not None:
            found.add((match.group("name"), Path(path).name))
        elif kind == "os.link" and Path(path).parent.parent == out:
            found.add((Path(path).parent.name, Path(path).name))
    return found


def test_full_disk_at_any_write_leaves_the_old_or_the_new_set(
    rebuild: Callable[..., Snapshot], data: Path, tmp_path: Path, systmp: Path
) -> None:
    """A full disk at each write of a rebuild (of one document: every write of the
    scratch folder, the conversion and the commit; the other document's folder must not
    move): exit 3 with the message, the old or the new set, nothing left behind."""
    out, pristine = tmp_path / "out", tmp_path / "pristine"
    shutil.copytree(out, pristine, symlinks=True)
    old = documents(out)
    sk = data / "sk-0001.yaml"
    with injecting(Injector([out, systmp])) as dry_run:
        new = rebuild(sk)
    assert dry_run.space_changes > 20
    name = next(name for name in new if name.startswith("800-1-"))
    assert _staged(dry_run.changes, out) == {(name, file) for file in new[name]}
    assert {f"{name}.pdf", f"{name}.manifest.json"} < set(new[name])
    for number in range(1, dry_run.space_changes + 1):
        shutil.rmtree(out)
        shutil.copytree(pristine, out, symlinks=True)
        with (
            injecting(Injector([out, systmp], fail_at=number)),
            pytest.raises(EnvironmentProblem) as caught,
        ):
            rebuild(sk)
        message = str(caught.value)
        assert message.startswith(f"ruang disk tidak cukup untuk menulis '{tmp_path}"), message
        assert "kosongkan ruang disk lalu jalankan lagi" in message
        assert caught.value.exit_code == 3
        state = documents(out)
        assert_old_or_new(state, old, new)
        assert normalized(state) == normalized(old), number  # nothing committed
        assert hidden(out) == [], number
        assert list(systmp.iterdir()) == [], number


def test_full_disk_at_the_second_document_keeps_the_first_one_built(
    rebuild: Callable[..., Snapshot], tmp_path: Path, systmp: Path
) -> None:
    out, pristine = tmp_path / "out", tmp_path / "pristine"
    shutil.copytree(out, pristine, symlinks=True)
    old = documents(out)
    second = sorted(old)[1]
    with injecting(Injector([out, systmp])) as dry_run:
        new = rebuild()
    shutil.rmtree(out)
    shutil.copytree(pristine, out, symlinks=True)
    number = next(
        index
        for index, path in enumerate(dry_run.space_paths, start=1)
        if Path(path).name.startswith(f".{second}.")
    )
    injector = Injector([out, systmp], fail_at=number)
    with injecting(injector), pytest.raises(EnvironmentProblem) as caught:
        rebuild()
    assert str(caught.value) == (
        f"ruang disk tidak cukup untuk menulis '{injector.failed}'; kosongkan ruang disk "
        f"lalu jalankan lagi\n1 dokumen berhasil dibuat di {out}; folder 1 dokumen "
        "lainnya tidak diubah."
    )
    state = normalized(documents(out))
    assert state[sorted(old)[0]] == normalized(new)[sorted(old)[0]]
    assert state[second] == normalized(old)[second]
    assert hidden(out) == [] and list(systmp.iterdir()) == []


def test_without_an_atomic_exchange_a_kill_between_the_renames_is_recovered(
    rebuild: Callable[..., Snapshot],
    tmp_path: Path,
    systmp: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Where folders cannot be exchanged (not Linux, some file systems) the old folder
    is renamed aside first; a kill just then leaves it aside, and the next build puts it
    back before doing anything else."""
    monkeypatch.setattr(swap_module, "_exchange", lambda first, second: False)
    out = tmp_path / "out"
    old = documents(out)
    injector = Injector([out], snapshot=lambda: (documents(out), hidden(out)))
    with injecting(injector):
        new = rebuild()
    gaps = []
    for shown, work in injector.snapshots:
        for name in old:
            if name in shown:
                assert_old_or_new({name: shown[name]}, {name: old[name]}, {name: new[name]})
                continue
            (aside,) = [w for w in work if w.startswith(f".{name}.") and w.endswith(".lama")]
            gaps.append(aside)
    assert len(gaps) == len(old)  # one instant per document, and only one
    # That instant for real (the rebuilt set stands in for the old one), then repaired.
    name = sorted(old)[0]
    before = documents(out)[name]
    (out / name).rename(out / f".{name}.0123abcd.lama")
    recover(out)
    assert documents(out)[name] == before
    assert hidden(out) == []


def test_recover_removes_the_work_folders_of_a_killed_build(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "DOC").mkdir(parents=True)
    (out / "DOC" / "keputusan.pdf").write_bytes(b"lama")
    (out / ".DOC.89abcdef.baru").mkdir()  # staging, or the old set after the exchange
    (out / ".DOC.01234567.lama").mkdir()  # aside, but DOC is in place: the swap finished
    (out / ".LAIN.76543210.lama").mkdir()  # aside, LAIN missing: put it back
    (out / ".LAIN.76543210.lama" / "keputusan.pdf").write_bytes(b"lama lain")
    (out / ".catatan-staf").write_text("bukan milik build")
    recover(out)
    assert sorted(p.name for p in out.iterdir()) == [".catatan-staf", "DOC", "LAIN"]
    assert (out / "LAIN" / "keputusan.pdf").read_bytes() == b"lama lain"
    assert (out / "DOC" / "keputusan.pdf").read_bytes() == b"lama"


# ---------------------------------------------------------------- one build at a time


def test_a_second_build_into_the_same_output_waits_then_refuses(
    data: Path, tmp_path: Path, fake_soffice: FakeSoffice, fake_render: Callable[..., list[str]]
) -> None:
    fake_render({})
    out = tmp_path / "out"
    out.mkdir()
    events: list[Progress] = []
    with output_lock(out), pytest.raises(EnvironmentProblem) as caught:
        build([data], out, soffice=fake_soffice.path, lock_wait=0.3, progress=events.append)
    assert str(caught.value) == (
        f"folder keluaran {out} masih dipakai oleh build lain setelah menunggu 0.3 detik; "
        "tunggu build itu selesai lalu jalankan lagi"
    )
    assert caught.value.exit_code == 3
    assert [e.stage for e in events] == ["wait"]
    assert list(out.iterdir()) == []  # nothing rendered into it, nothing written


def test_a_second_build_runs_once_the_first_is_done(
    data: Path,
    tmp_path: Path,
    fake_soffice: FakeSoffice,
    fake_render: Callable[..., list[str]],
    run_cli: Callable[..., object],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fake_render({})
    out = tmp_path / "out"
    out.mkdir()
    held = threading.Event()

    def other_build() -> None:
        with output_lock(out):
            held.set()
            time.sleep(1.0)

    thread = threading.Thread(target=other_build)
    thread.start()
    held.wait()
    monkeypatch.setenv("SK_GENERATOR_SOFFICE", str(fake_soffice.path))
    result = run_cli("build", str(data), "-o", str(out))
    thread.join()
    assert result.code == 0, result.err  # type: ignore[attr-defined]
    assert f"Menunggu build lain yang sedang menulis ke {out} selesai..." in result.err  # type: ignore[attr-defined]
    assert len(documents(out)) == 2


def test_two_builds_of_different_versions_into_one_output_never_mix(
    tmp_path: Path, systmp: Path
) -> None:
    """Two `sk-generator build` processes at once, versions A and B, one output folder:
    every document folder (here: every file) comes from one of them."""
    versions = {"A": "11 Maret 2024", "B": "12 Maret 2024"}
    for version in versions:
        write_dataset(tmp_path / version, 2)
    revise(tmp_path / "B", "tanggal: 2024-03-11", "tanggal: 2024-03-12")
    out = tmp_path / "out"
    children = [
        cli_process(
            ["build", str(tmp_path / version), "-o", str(out), "--format", "docx", "-q"],
            env={"TMPDIR": str(systmp)},
        )
        for version in versions
    ]
    for child in children:
        _, err = child.communicate(timeout=300)
        assert child.returncode == 0, err
    seen = set()
    for files in documents(out).values():
        assert sorted(files) == ["keputusan.docx", "lampiran-1.docx"]
        for data in files.values():
            text = _text(data)
            seen |= {version for version, date in versions.items() if date in text}
    assert len(seen) == 1, seen
    assert hidden(out) == [] and list(systmp.iterdir()) == []


def _text(docx: bytes) -> str:
    body = zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml").decode()
    return re.sub(r"<[^>]+>", "", body)


# ------------------------------------------------------ a real SIGKILL, then the next build


def _killed_build(number: int, sk: Path, out: Path) -> subprocess.CompletedProcess[str]:
    """`sk-generator build SK -o OUT --format docx`, SIGKILLed before its `number`-th
    change in OUT (0: not killed)."""
    killer = [sys.executable, "-m", "tests.reliability.killed", str(number), str(out)]
    return subprocess.run(
        [*killer, "build", str(sk), "-o", str(out), "--format", "docx", "-q"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_a_build_killed_at_any_write_leaves_old_or_new_and_the_next_build_cleans_up(
    data: Path, tmp_path: Path, systmp: Path
) -> None:
    """SIGKILL for real (no cleanup runs) before each change the rebuild makes in the
    output; the document folder is the old or the new set, the hidden work folders the
    killed build left are removed by the next build, which completes the new set."""
    sk, out, pristine = data / "sk-0001.yaml", tmp_path / "out", tmp_path / "pristine"
    build([sk], out, formats=["docx"])
    shutil.copytree(out, pristine)
    old = documents(out)
    revise(data, "tanggal: 2024-03-11", "tanggal: 2024-03-12")
    counted = _killed_build(0, sk, out)
    assert counted.returncode == 0, counted.stderr
    new = documents(out)
    assert normalized(new) != normalized(old)
    changes = int(counted.stderr.split("changes: ")[1])
    assert changes >= 5  # staging folder, two files, exchange, old set removed
    left_behind = set()
    for number in range(1, changes + 1):
        shutil.rmtree(out)
        shutil.copytree(pristine, out)
        killed = _killed_build(number, sk, out)
        assert killed.returncode == -signal.SIGKILL, (number, killed.stderr)
        assert_old_or_new(documents(out), old, new)
        left_behind.update(hidden(out))
        build([sk], out, formats=["docx"])
        assert hidden(out) == [], number
        assert normalized(documents(out)) == normalized(new), number
    assert any(name.endswith(".baru") for name in left_behind)  # the kills left work
