"""A killed LibreOffice leaves the socket of its pipe in /tmp, outside TMPDIR; the
converters remove it (sk_generator.pdf.soffice.forget_pipe)."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

from sk_generator.pdf.soffice import (
    PIPE_FOLDER,
    find_soffice,
    forget_pipe,
    kill_group,
    profile_pipe,
)


def test_the_pipe_name_is_libreoffices_hash_of_the_profile_url() -> None:
    # Read from a LibreOffice 7.4 started with -env:UserInstallation=file:///tmp/prof-x.
    assert profile_pipe(Path("/tmp/prof-x")) == "SingleOfficeIPC_8bfe9baea4f8312f712b1604a7ac7d1"


def test_only_a_socket_is_removed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sk_generator.pdf.soffice.PIPE_FOLDER", tmp_path)
    plain = tmp_path / f"OSL_PIPE_{os.getuid()}_catatan"
    plain.write_text("bukan soket")
    forget_pipe("catatan")
    assert plain.exists()


@pytest.mark.soffice
def test_a_killed_libreoffice_leaves_no_pipe_behind(tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    socket = PIPE_FOLDER / f"OSL_PIPE_{os.getuid()}_{profile_pipe(profile)}"
    process = subprocess.Popen(
        [
            find_soffice(None),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            "--nodefault",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not socket.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert socket.exists()  # LibreOffice listens on the pipe we compute
    finally:
        kill_group(process.pid)
        process.wait()
    assert socket.exists()  # killed, LibreOffice does not remove it itself
    forget_pipe(profile_pipe(profile))
    assert not socket.exists()
