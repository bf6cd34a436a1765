"""Every page after the first of every part (the SK, each lampiran, a standalone SOP)
carries its number "- N -" at the top; the first page carries none."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from sk_generator.load import load
from sk_generator.pdf import ConversionJob, convert
from sk_generator.render import render_document
from tests.conftest import DATA, TESTDATA

SOURCES = [DATA, TESTDATA / "sop" / "besar", TESTDATA / "render"]
NUMBER = re.compile(r"^\s*-\s*(\d+)\s*-\s*$")


def _numbers(pdf: Path) -> list[int | None]:
    """The page number printed at the top of each page (None: no number)."""
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    found: list[int | None] = []
    for page in text.split("\f")[:-1]:
        lines = [line for line in page.splitlines() if line.strip()][:2]
        match = next((m for m in map(NUMBER.match, lines) if m), None)
        found.append(int(match.group(1)) if match else None)
    return found


@pytest.mark.soffice
def test_every_page_after_the_first_carries_its_number(tmp_path: Path) -> None:
    jobs = []
    for folder in SOURCES:
        for document in load([folder]).documents:
            for part in render_document(document):
                name = f"{len(jobs)}-{part.suffix}"
                source = tmp_path / f"{name}.docx"
                source.write_bytes(part.docx)
                jobs.append(ConversionJob(source, tmp_path / f"{name}.pdf", name, None))
    assert len(jobs) >= 9
    convert(jobs, processes=2).raise_for_failures()
    roles = {job.name.split("-", 1)[1].split("-")[0] for job in jobs}
    assert roles == {"keputusan", "lampiran", "sop"}
    for job in jobs:
        numbers = _numbers(job.target)
        assert len(numbers) >= 2, job.name
        assert numbers == [None, *range(2, len(numbers) + 1)], job.name
