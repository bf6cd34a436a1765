"""The running total (`Jumlah berjalan`) of an SOP written as a graph follows the arrows
(docs/waktu.md, "SOPs written as a graph"); a linear SOP's stays the sum in step order."""

from __future__ import annotations

from pathlib import Path

import pytest

from sk_generator.model import Langkah, Sop
from sk_generator.waktu import Total, compute_sop
from tests.conftest import TESTDATA
from tests.render.test_sop import BESAR, SEEDS, first_sop


def _running(sop: Sop) -> list[str | None]:
    return [None if s.running is None else s.running.text() for s in compute_sop(sop).steps]


def _graph(*steps: tuple[str, object, bool]) -> Sop:
    """An SOP of steps (waktu, lanjut, simultan), all done by one pelaksana."""
    langkah = [
        Langkah(kegiatan=f"Langkah {i + 1}", pelaksana="Staf", waktu=w, lanjut=n, simultan=t)
        for i, (w, n, t) in enumerate(steps)
    ]
    return Sop(nama="Uji", tanggal_pembuatan="2024-01-02", pelaksana=["Staf"], langkah=langkah)


def test_the_fixture_runs_along_its_branches() -> None:
    """Lembaga: 2 waits on 1 (a loop back, not recounted); 3 forks at the same time into 4
    (1-2 hari) and 5 (2 jam); both meet at 6; 6 chooses 7 (an end) or 8 (an end)."""
    sop = first_sop(TESTDATA / "lembaga" / "sk-sop-logistik.yaml")[1].sop
    assert _running(sop) == [
        "30 menit",
        "45 menit",
        "1 jam 45 menit",
        "1–2 hari 1 jam 45 menit",
        # Beside 4, not after it: in step order this read "1–2 hari 3 jam 45 menit".
        "3 jam 45 menit",
        # Both branches must finish: the longer (4) in both ends, once.
        "1–2 hari 2 jam 15 menit",
        "2–3 hari 2 jam 15 menit",
        # The other choice after 6: not after 7's day, as step order counted it.
        "1–2 hari 3 jam 15 menit",
    ]
    # The Jumlah Waktu is the largest running total at an end (7).
    times = compute_sop(sop)
    assert times.text_max == "3 hari 2 jam 15 menit"
    assert times.steps[6].running is not None
    assert times.steps[6].running.text_max() == times.text_max


def test_a_fork_that_leads_straight_to_its_join() -> None:
    """1 forks at the same time into 2 and 3, and 2 leads on to 3: 3 waits for 2."""
    sop = _graph(("1 jam", [2, 3], True), ("2 jam", [3], False), ("30 menit", None, False))
    assert _running(sop) == ["1 jam", "3 jam", "3 jam 30 menit"]
    assert compute_sop(sop).text == "3 jam 30 menit"


def test_a_choice_gives_a_range_at_the_step_where_it_meets() -> None:
    sop = _graph(
        ("1 jam", [2, 3], False),
        ("2 jam", [4], False),
        ("30 menit", [4], False),
        ("10 menit", None, False),
    )
    assert _running(sop) == ["1 jam", "3 jam", "1 jam 30 menit", "1 jam 40 menit – 3 jam 10 menit"]
    assert compute_sop(sop).text == "1 jam 40 menit – 3 jam 10 menit"


def test_a_choice_after_a_simultaneous_join_is_still_a_choice() -> None:
    """Both branches of 1 meet at 4; after 4 a choice (5 or 6) meets again at 7: there the
    ways in give a range, not the longer of them."""
    sop = _graph(
        ("10 menit", [2, 3], True),
        ("1 jam", [4], False),
        ("2 jam", [4], False),
        ("10 menit", [5, 6], False),
        ("1 jam", [7], False),
        ("3 jam", [7], False),
        ("5 menit", None, False),
    )
    assert _running(sop)[3:] == [
        "2 jam 20 menit",
        "3 jam 20 menit",
        "5 jam 20 menit",
        "3–5 jam 25 menit",
    ]


def test_a_step_no_arrow_reaches_has_no_running_total() -> None:
    sop = _graph(("10 menit", [3], False), ("1 jam", None, False), ("5 menit", None, False))
    assert _running(sop) == ["10 menit", None, "15 menit"]


@pytest.mark.parametrize("path", [*SEEDS.values(), BESAR], ids=[*SEEDS, "besar"])
def test_linear_sops_keep_the_sum_in_step_order(path: Path) -> None:
    times = compute_sop(first_sop(path)[1].sop)
    total = Total()
    for step in times.steps:
        if step.waktu is not None:
            total = total + step.waktu
        assert step.running == total


def test_the_waktu_command_says_how_it_ran(run_cli) -> None:  # type: ignore[no-untyped-def]
    result = run_cli("waktu", str(TESTDATA / "lembaga" / "sk-sop-logistik.yaml"))
    assert result.code == 0
    assert (
        "Jumlah berjalan: waktu dari langkah pertama sampai langkah itu selesai, mengikuti "
        "panah (terpendek–terpanjang); cabang simultan yang bertemu dihitung yang terlama, "
        "cabang lain yang dikerjakan bersamaan tidak ikut dijumlahkan"
    ) in result.out.splitlines()
    assert " 5  Menerbitkan surat jalan dan berita acara  Kepala Subdirektorat  2 jam     " in (
        result.out
    )
    row = next(line for line in result.out.splitlines() if line.startswith(" 5  "))
    assert row.endswith("3 jam 45 menit")
    seed = run_cli("waktu", str(SEEDS["disnakertrans"]))
    assert "Jumlah berjalan:" not in seed.out
