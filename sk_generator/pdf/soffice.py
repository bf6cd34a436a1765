"""The LibreOffice executable: finding it, its command line, and stopping it.

soffice runs in its own process group (its launcher starts helpers such as
oosplash -> soffice.bin), so stopping a conversion means killing the whole group.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
from collections.abc import Sequence
from pathlib import Path

from sk_generator.errors import EnvironmentProblem

#: The command that installs what conversion needs on Debian/Ubuntu.
INSTALL_COMMAND = "sudo apt-get install libreoffice-writer-nogui fonts-liberation2"

#: LibreOffice's PDF export with JSON filter options (LibreOffice >= 7.4; older versions
#: ignore them). Lossless images: the flowchart tiles are line art, which JPEG (the
#: default) blurs, and Flate is also ~15% faster to export. SelectPdfVersion 2 =
#: PDF/A-2b: LibreOffice then embeds every font (it always does for non-standard fonts)
#: and adds the sRGB output intent and the XMP identification PDF/A needs.
_OPTIONS = {"UseLosslessCompression": {"type": "boolean", "value": "true"}}
FILTER = "pdf:writer_pdf_Export:" + json.dumps(_OPTIONS)
FILTER_PDFA = "pdf:writer_pdf_Export:" + json.dumps(
    {**_OPTIONS, "SelectPdfVersion": {"type": "long", "value": "2"}}
)


def find_soffice(soffice: str | os.PathLike[str] | None = None) -> str:
    """The soffice executable: `soffice` (a path or a command name), else on PATH.

    Raises :class:`EnvironmentProblem` with the install command when there is none.
    """
    wanted = os.fspath(soffice) if soffice is not None else None
    if wanted:
        found = shutil.which(wanted)
        if found is None:
            raise EnvironmentProblem(
                f"LibreOffice tidak ditemukan di '{wanted}'; "
                f"periksa jalurnya, atau pasang LibreOffice dengan: {INSTALL_COMMAND}"
            )
        return found
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    raise EnvironmentProblem(
        "LibreOffice (soffice) tidak ditemukan; PDF dibuat dengan LibreOffice. "
        f"Pasang dengan: {INSTALL_COMMAND}"
    )


def available_cores() -> int:
    """CPU cores this process may run on (affinity-aware where the OS tells)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def default_timeout(files: int) -> float:
    """Seconds a batch of `files` documents may take before it counts as hung."""
    return 60.0 + 10.0 * files


def command(
    executable: str, profile: Path, outdir: Path, inputs: Sequence[Path], *, pdfa: bool
) -> list[str]:
    """soffice's command line converting `inputs` into PDFs in `outdir`, with a private
    user profile."""
    return [
        executable,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--invisible",
        "--nologo",
        "--nodefault",
        "--nolockcheck",
        "--norestore",
        "--convert-to",
        FILTER_PDFA if pdfa else FILTER,
        "--outdir",
        str(outdir),
        *(str(path) for path in inputs),
    ]


def kill(process: subprocess.Popen[bytes]) -> None:
    kill_group(process.pid)
    with contextlib.suppress(ProcessLookupError):
        process.kill()
    process.wait()


def kill_group(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)
