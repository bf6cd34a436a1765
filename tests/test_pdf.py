"""LibreOffice batch conversion: batching, retries, verification, missing soffice.

Most tests use the fake soffice from conftest (fast, and it can crash or hang on cue);
those marked `soffice` run the real LibreOffice.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from sk_generator.bundle import fonts, paper_name, pdfa_level
from sk_generator.errors import ConversionError, EnvironmentProblem
from sk_generator.pdf import (
    INSTALL_COMMAND,
    ConversionJob,
    convert,
    find_soffice,
    runner,
)
from tests.conftest import FakeSoffice


def _jobs(
    docx_factory: Callable[..., Path], out: Path, specs: list[dict[str, object]]
) -> list[ConversionJob]:
    jobs = []
    for index, spec in enumerate(specs):
        options = {k: v for k, v in spec.items() if k != "expected"}
        expected = spec.get("expected")
        source = docx_factory(f"doc{index}", **options)
        jobs.append(
            ConversionJob(source, out / f"doc{index}.pdf", f"dokumen-{index}", expected)  # type: ignore[arg-type]
        )
    return jobs


def test_one_process_converts_a_whole_batch(
    fake_soffice: FakeSoffice, docx_factory: Callable[..., Path], tmp_path: Path
) -> None:
    specs: list[dict[str, object]] = [{"pages": 1 + i % 3, "expected": 1 + i % 3} for i in range(7)]
    jobs = _jobs(docx_factory, tmp_path / "out", specs)
    seen: list[tuple[int, int]] = []
    result = convert(
        jobs, soffice=fake_soffice.path, processes=1, progress=lambda d, t: seen.append((d, t))
    )
    assert result.ok
    assert fake_soffice.calls() == [7]
    assert result.processes == 1
    for job, spec in zip(jobs, specs, strict=True):
        assert len(PdfReader(job.target).pages) == spec["expected"]
        assert result.pages[job.target] == spec["expected"]
    assert seen[-1] == (7, 7)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_batches_spread_over_processes(
    fake_soffice: FakeSoffice, docx_factory: Callable[..., Path], tmp_path: Path
) -> None:
    jobs = _jobs(docx_factory, tmp_path / "out", [{} for _ in range(9)])
    result = convert(jobs, soffice=fake_soffice.path, processes=3)
    assert result.ok
    assert sorted(fake_soffice.calls()) == [3, 3, 3]


def test_crash_mid_batch_is_retried_and_blamed_exactly(
    fake_soffice: FakeSoffice, docx_factory: Callable[..., Path], tmp_path: Path
) -> None:
    specs: list[dict[str, object]] = [{}, {}, {"text": "CRASH"}, {}, {}]
    jobs = _jobs(docx_factory, tmp_path / "out", specs)
    result = convert(jobs, soffice=fake_soffice.path, processes=1)
    # First call dies on doc2; the retry runs doc2 alone and doc3, doc4 together.
    assert sorted(fake_soffice.calls()) == [1, 2, 5]
    assert [f.job.name for f in result.failures] == ["dokumen-2"]
    assert "berhenti mendadak (sinyal 9)" in result.failures[0].reason
    assert not jobs[2].target.exists()  # the half-written PDF never reaches its target
    for job in (jobs[0], jobs[1], jobs[3], jobs[4]):
        assert len(PdfReader(job.target).pages) == 1
    with pytest.raises(ConversionError, match=r"dokumen-2: LibreOffice berhenti mendadak"):
        result.raise_for_failures()


def test_a_crash_that_does_not_recur_succeeds_on_retry(
    fake_soffice: FakeSoffice, docx_factory: Callable[..., Path], tmp_path: Path
) -> None:
    jobs = _jobs(docx_factory, tmp_path / "out", [{}, {"text": "CRASHONCE"}, {}])
    result = convert(jobs, soffice=fake_soffice.path, processes=1)
    assert result.ok
    assert fake_soffice.calls() == [3, 1, 1]
    assert all(job.target.exists() for job in jobs)


def test_hang_is_killed_after_the_timeout(
    fake_soffice: FakeSoffice, docx_factory: Callable[..., Path], tmp_path: Path
) -> None:
    jobs = _jobs(docx_factory, tmp_path / "out", [{}, {"text": "HANG"}])
    started = time.monotonic()
    result = convert(jobs, soffice=fake_soffice.path, processes=1, timeout=1.0)
    assert time.monotonic() - started < 10
    assert [f.job.name for f in result.failures] == ["dokumen-1"]
    assert "macet, dihentikan setelah 1 detik" in result.failures[0].reason
    assert jobs[0].target.exists()
    assert not jobs[1].target.exists()


def test_exit_zero_without_pdf_is_caught(
    fake_soffice: FakeSoffice, docx_factory: Callable[..., Path], tmp_path: Path
) -> None:
    jobs = _jobs(docx_factory, tmp_path / "out", [{"text": "NOPDF"}])
    result = convert(jobs, soffice=fake_soffice.path)
    assert fake_soffice.calls() == [1, 1]
    assert result.failures[0].reason == "LibreOffice tidak menghasilkan PDF"


def test_wrong_page_count_is_reported_without_retry(
    fake_soffice: FakeSoffice, docx_factory: Callable[..., Path], tmp_path: Path
) -> None:
    jobs = _jobs(docx_factory, tmp_path / "out", [{"pages": 3, "expected": 2}])
    result = convert(jobs, soffice=fake_soffice.path)
    assert fake_soffice.calls() == [1]
    assert "PDF berisi 3 halaman, tata letak memperkirakan 2" in result.failures[0].reason
    assert not jobs[0].target.exists()


def test_earlier_pdf_is_untouched_when_conversion_fails(
    fake_soffice: FakeSoffice, docx_factory: Callable[..., Path], tmp_path: Path
) -> None:
    jobs = _jobs(docx_factory, tmp_path / "out", [{"text": "CRASH"}])
    jobs[0].target.parent.mkdir(parents=True)
    jobs[0].target.write_bytes(b"earlier")
    result = convert(jobs, soffice=fake_soffice.path)
    assert not result.ok
    assert jobs[0].target.read_bytes() == b"earlier"
    assert [p.name for p in jobs[0].target.parent.iterdir()] == ["doc0.pdf"]


def test_export_options(
    fake_soffice: FakeSoffice, docx_factory: Callable[..., Path], tmp_path: Path
) -> None:
    jobs = _jobs(docx_factory, tmp_path / "out", [{}])
    convert(jobs, soffice=fake_soffice.path, pdfa=True)
    convert(jobs, soffice=fake_soffice.path)
    pdfa, plain = fake_soffice.filters()
    lossless = {"UseLosslessCompression": {"type": "boolean", "value": "true"}}
    prefix = "pdf:writer_pdf_Export:"
    assert pdfa.startswith(prefix) and plain.startswith(prefix)
    assert json.loads(plain.removeprefix(prefix)) == lossless
    assert json.loads(pdfa.removeprefix(prefix)) == {
        **lossless,
        "SelectPdfVersion": {"type": "long", "value": "2"},
    }


def test_missing_soffice_names_the_install_command(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(EnvironmentProblem, match="tidak ditemukan") as caught:
        find_soffice()
    assert INSTALL_COMMAND in str(caught.value)
    assert caught.value.exit_code == 3


def test_soffice_given_as_a_path(fake_soffice: FakeSoffice, tmp_path: Path) -> None:
    assert find_soffice(fake_soffice.path) == str(fake_soffice.path)
    with pytest.raises(EnvironmentProblem, match="nowhere"):
        find_soffice(tmp_path / "nowhere" / "soffice")


def test_no_jobs_needs_no_soffice(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert convert([]).ok


# ---------------------------------------------------------------- real LibreOffice


@pytest.mark.soffice
def test_real_soffice_pages_sizes_and_fonts(
    docx_factory: Callable[..., Path], tmp_path: Path
) -> None:
    specs: list[dict[str, object]] = [
        {"pages": 2, "expected": 2},
        {"landscape": True, "pages": 3, "expected": 3},
        {"landscape": True},
    ]
    jobs = _jobs(docx_factory, tmp_path / "out", specs)
    result = convert(jobs, processes=2)
    assert result.ok, result.failures
    portrait = PdfReader(jobs[0].target)
    landscape = PdfReader(jobs[1].target)
    for page in portrait.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert width == pytest.approx(609.4, abs=3) and height == pytest.approx(935.4, abs=3)
        assert paper_name(width, height) == "F4"
    for page in landscape.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert width == pytest.approx(935.4, abs=3) and height == pytest.approx(609.4, abs=3)
    used = fonts(portrait)
    assert used and all(used.values()), used
    assert any("LiberationSans" in name or "Arial" in name for name in used)
    # The descriptor carries the font program itself (TrueType: /FontFile2).
    font = next(iter(portrait.pages[0]["/Resources"]["/Font"].values())).get_object()
    assert "/FontFile2" in font["/FontDescriptor"]


@pytest.mark.soffice
def test_real_soffice_pdfa(docx_factory: Callable[..., Path], tmp_path: Path) -> None:
    jobs = _jobs(docx_factory, tmp_path / "out", [{"landscape": True}])
    assert convert(jobs, pdfa=True).ok
    reader = PdfReader(jobs[0].target)
    assert pdfa_level(reader) == ("2", "B")
    assert "/OutputIntents" in reader.trailer["/Root"]


_KILLER = """#!/bin/bash
# The real soffice, whose whole process group is SIGKILLed as soon as the first PDF
# appears (only on the first call): LibreOffice dying in the middle of a batch.
out="${{@: -1}}"
for ((i = 1; i <= $#; i++)); do
  if [[ "${{!i}}" == --outdir ]]; then j=$((i + 1)); out="${{!j}}"; fi
done
echo call >> {state}/calls.log
if [[ -e {state}/killed ]]; then exec {soffice} "$@"; fi
{soffice} "$@" &
while kill -0 $! 2>/dev/null; do
  if compgen -G "$out/*.pdf" > /dev/null; then touch {state}/killed; kill -9 0; fi
  sleep 0.01
done
"""


@pytest.mark.soffice
def test_real_soffice_killed_mid_batch_recovers(
    docx_factory: Callable[..., Path], tmp_path: Path
) -> None:
    import shutil

    state = tmp_path / "killer"
    state.mkdir()
    killer = state / "soffice"
    killer.write_text(_KILLER.format(state=state, soffice=shutil.which("soffice")))
    killer.chmod(0o755)
    jobs = _jobs(docx_factory, tmp_path / "out", [{"pages": 2, "expected": 2} for _ in range(4)])
    result = convert(jobs, soffice=killer, processes=1)
    assert (state / "killed").exists()
    assert result.ok, result.failures
    assert len((state / "calls.log").read_text().splitlines()) >= 2
    for job in jobs:
        assert len(PdfReader(job.target).pages) == 2
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [f"doc{i}.pdf" for i in range(4)]


def test_a_long_list_goes_in_batches_of_bounded_size(
    fake_soffice: FakeSoffice,
    docx_factory: Callable[..., Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(runner, "BATCH_FILES", 3)
    running_when_verified: list[int] = []
    real_collect = runner.Runner._collect

    def collect(self: runner.Runner, batch: Any) -> list[ConversionJob]:
        running_when_verified.append(len(self.running))
        return real_collect(self, batch)

    monkeypatch.setattr(runner.Runner, "_collect", collect)
    jobs = _jobs(docx_factory, tmp_path / "out", [{} for _ in range(7)])
    result = convert(jobs, soffice=fake_soffice.path, processes=1)
    assert result.ok
    # Full batches while more than a batch is left, then the rest at once.
    assert fake_soffice.calls() == [3, 3, 1]
    assert result.processes == 3
    assert all(job.target.exists() for job in jobs)
    # A cleanly finished batch is followed before its PDFs are read (the slot does not
    # idle while the main process verifies them): one slot, the next batch runs.
    assert running_when_verified == [1, 1, 0]


def test_an_early_stop_with_exit_zero_charges_only_the_file_it_was_on(
    fake_soffice: FakeSoffice, docx_factory: Callable[..., Path], tmp_path: Path
) -> None:
    jobs = _jobs(docx_factory, tmp_path / "out", [{}, {"text": "STOPONCE"}, {}, {}])
    result = convert(jobs, soffice=fake_soffice.path, processes=1)
    assert result.ok
    # The file it stopped on runs alone; the two after it go together again (before:
    # each of them alone, one soffice per file).
    assert fake_soffice.calls() == [4, 1, 2]
    assert all(len(PdfReader(job.target).pages) == 1 for job in jobs)


@pytest.mark.parametrize(
    ("closed", "fresh", "started", "size"),
    [
        (False, 149, 2, None),  # jobs still arrive: wait for a full batch
        (False, 150, 2, 150),
        (False, 19, 0, None),  # a slot's first batch: from 20 files on
        (False, 20, 1, 20),
        (False, 20, 2, None),
        (True, 40, 2, 20),  # every job known: spread over the 2 slots
        (True, 32, 2, 16),
        (True, 21, 2, 11),
        (True, 1, 2, 1),
        (True, 41, 2, 20),  # then the smallest batch towards the end
        (True, 100, 2, 25),
        (True, 1000, 2, 150),
    ],
)
def test_batch_sizes(closed: bool, fresh: int, started: int, size: int | None) -> None:
    pool = runner.Runner(Path("unused"), "soffice", pdfa=False, timeout=None, slots=2)
    pool.closed = closed
    assert pool._batch_size(fresh, started) == size


def test_the_last_round_gives_each_slot_one_share() -> None:
    """32 files left, two slots freeing one after the other: 16 and 16 (before: 16, 8,
    4, 2, 1, 1, each batch a LibreOffice start)."""
    pool = runner.Runner(Path("unused"), "soffice", pdfa=False, timeout=None, slots=2)
    pool.closed = True
    assert [pool._batch_size(32, 5), pool._batch_size(16, 6)] == [16, 16]
    assert pool._batch_size(3, 7) == 3  # files retried late join as one batch
