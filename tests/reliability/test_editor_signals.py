"""The editor's warm LibreOffice (issue 14 item 5): SIGTERM, SIGHUP and SIGINT stop the
editor (`sk-generator web`) with its LibreOffice, and a hung LibreOffice is killed at the
timeout; either way no process and nothing in TMPDIR remain."""

from __future__ import annotations

import shutil
import signal
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from sk_generator.errors import ConversionError
from sk_generator.pdf import warm
from sk_generator.pdf.warm import WarmConverter
from tests.conftest import DATA
from tests.reliability.conftest import alive, cli_process, wait_for
from tests.reliability.test_signals import _our_processes

_HUNG_WORKER = """#!/bin/sh
# Stand-in for the Python with uno: `-c "import uno"` succeeds; run as the preview helper,
# it starts a "LibreOffice" that writes lu*.tmp in TMPDIR, says it is ready, then hangs on
# the first document.
[ "$1" = "-c" ] && exit 0
mkdir -p "$TMPDIR/lu$$.tmp" && touch "$TMPDIR/lu$$.tmp/dirty"
sleep 600 &
echo $$ $! >> "{pids}"
echo '{{"siap": true}}'
read request
wait
"""

_FAILING_SOFFICE = """#!/bin/sh
exit 1
"""


def _script(path: Path, text: str) -> Path:
    path.write_text(text)
    path.chmod(0o755)
    return path


def test_a_hung_preview_libreoffice_is_killed_at_the_timeout_leaving_nothing(
    tmp_path: Path, systmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(warm, "_CONVERT_SECONDS", 1.0)
    pids = tmp_path / "pids"
    python = _script(tmp_path / "python-uno", _HUNG_WORKER.format(pids=pids))
    soffice = _script(tmp_path / "soffice", _FAILING_SOFFICE)
    docx = tmp_path / "in.docx"
    docx.write_bytes(b"bukan docx")
    converter = WarmConverter(python=str(python), soffice=str(soffice))
    try:
        # The warm helper times out; the cold fallback fails too: the preview says so.
        with pytest.raises(ConversionError):
            converter.convert(docx, tmp_path / "out.pdf")
    finally:
        converter.close()
    started = [int(p) for p in pids.read_text().split()]
    assert len(started) == 2  # the helper and its "LibreOffice"
    assert not [pid for pid in started if alive(pid)]
    assert list(systmp.iterdir()) == []


def _post(url: str, port: int) -> None:
    """POST as the editor's own page does (its Origin), waiting for the answer."""
    request = urllib.request.Request(
        url, data=b"", method="POST", headers={"Origin": f"http://127.0.0.1:{port}"}
    )
    with urllib.request.urlopen(request, timeout=300) as answer:
        assert answer.status == 200


@pytest.mark.soffice
@pytest.mark.parametrize(
    ("signum", "returncode"),
    [
        (signal.SIGTERM, -signal.SIGTERM),
        (signal.SIGHUP, -signal.SIGHUP),
        (signal.SIGINT, 130),
    ],
)
def test_the_editor_stopped_by_a_signal_stops_its_libreoffice(
    signum: int, returncode: int, tmp_path: Path, systmp: Path
) -> None:
    if not WarmConverter().available():
        pytest.skip("python3-uno is not installed: the preview has no warm LibreOffice")
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    child = cli_process(
        ["web", str(data), "--port", "0", "--tanpa-browser", "-o", str(tmp_path / "out")],
        env={},
    )
    try:
        assert child.stdout is not None
        url = child.stdout.readline().split("Editor berjalan di: ")[1].strip()
        port = urllib.parse.urlsplit(url).port
        assert port is not None
        _post(url + "pratinjau?berkas=sintang/sk-sop-data-kinerja.yaml", port)
        # The preview's LibreOffice stays running (warm), with its files under TMPDIR.
        assert _our_processes(str(systmp))
        child.send_signal(signum)
        _out, err = child.communicate(timeout=120)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == returncode, err
    assert "Traceback" not in err
    wait_for(lambda: not _our_processes(str(systmp)), 10)
    assert list(systmp.iterdir()) == []
