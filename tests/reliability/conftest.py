"""Helpers of the reliability suite: data, output snapshots, a private TMPDIR, the CLI
in a child process (for signals and SIGKILL), and soffice stand-ins."""

from __future__ import annotations

import hashlib
import io
import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from benchmarks.synth import write_dataset
from tests.conftest import ROOT

#: Documents' folders in an output: name -> {relative path: bytes}.
Snapshot = dict[str, dict[str, bytes]]


def documents(out: Path) -> Snapshot:
    """What a user sees in the output: every document folder with its files' bytes."""
    if not out.is_dir():
        return {}
    return {
        folder.name: {
            path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*"))
            if path.is_file()
        }
        for folder in sorted(out.iterdir())
        if folder.is_dir() and not folder.name.startswith(".")
    }


def hidden(out: Path) -> list[str]:
    """Work folders or files the build left in the output (there must be none)."""
    return sorted(p.name for p in out.iterdir() if p.name.startswith(".")) if out.is_dir() else []


def assert_old_or_new(state: Snapshot, old: Snapshot, new: Snapshot) -> None:
    """Each document folder of `state` is its complete `old` or `new` set (bundles
    compared by their manifests, see :func:`normalized`)."""
    state, old, new = normalized(state), normalized(old), normalized(new)
    for name in old.keys() | new.keys():
        assert state.get(name) in (old.get(name), new.get(name)), name


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """Two synthetic SKs (each with one SOP lampiran)."""
    folder = tmp_path / "data"
    write_dataset(folder, 2)
    return folder


def revise(data: Path, old: str, new: str) -> None:
    """Change every data file of `data` (a new version of the documents)."""
    for path in data.glob("sk-*.yaml"):
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def systmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private, empty TMPDIR for this process and the processes it starts."""
    folder = tmp_path / "systmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


_HANGING_SOFFICE = """#!/bin/sh
# Like LibreOffice: a temporary folder lu*.tmp in TMPDIR, a helper process, then a hang.
mkdir -p "$TMPDIR/lu$$.tmp" && touch "$TMPDIR/lu$$.tmp/dirty"
sleep 600 &
echo $$ $! >> "{pids}"
wait
"""


@dataclass
class HangingSoffice:
    path: Path
    pids_file: Path

    def pids(self) -> list[int]:
        if not self.pids_file.exists():
            return []
        return [int(p) for p in self.pids_file.read_text().split()]

    def wait_started(self, seconds: float = 120) -> None:
        deadline = time.monotonic() + seconds
        while len(self.pids()) < 2:
            assert time.monotonic() < deadline, "soffice stand-in never started"
            time.sleep(0.05)


@pytest.fixture
def hanging_soffice(tmp_path: Path) -> HangingSoffice:
    folder = tmp_path / "hanging-soffice"
    folder.mkdir()
    script = folder / "soffice"
    script.write_text(_HANGING_SOFFICE.format(pids=folder / "pids"))
    script.chmod(0o755)
    return HangingSoffice(script, folder / "pids")


def alive(pid: int) -> bool:
    """Whether `pid` runs (a zombie waiting for a reaper counts as gone)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status


def cli_process(
    args: list[str], *, env: dict[str, str], stdin: int | None = subprocess.DEVNULL
) -> subprocess.Popen[str]:
    """`sk-generator ARGS` in a child process, from the repository root."""
    return subprocess.Popen(
        [sys.executable, "-m", "sk_generator", *args],
        cwd=ROOT,
        env={**os.environ, **env},
        stdin=stdin,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for(condition: Callable[[], bool], seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def normalized(snapshot: Snapshot) -> Snapshot:
    """`snapshot` without what differs between two runs of the same build (the time
    stamps in DOCX zips; the bundle's creation time and file identifier, hence its bytes
    and the manifest's hash), after checking that each bundle and its manifest belong
    together (the same run)."""
    result = {}
    for name, files in snapshot.items():
        files = {
            key: zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
            if key.endswith(".docx")
            else data
            for key, data in files.items()
        }
        manifest = files.get(f"{name}.manifest.json")
        if manifest is not None:
            recorded = json.loads(manifest)
            bundle = files[f"{name}.pdf"]
            assert recorded["sha256"] == hashlib.sha256(bundle).hexdigest(), name
            del recorded["sha256"]
            # The build record's file digests follow the DOCX time stamps too.
            recorded.pop("files", None)
            files[f"{name}.pdf"] = b"bundle"
            files[f"{name}.manifest.json"] = json.dumps(recorded, sort_keys=True).encode()
        result[name] = files
    return result
