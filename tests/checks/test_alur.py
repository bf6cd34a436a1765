"""SOP-ALUR on flows written as a graph (`lanjut`, several ends, `simultan`): issue 17."""

from __future__ import annotations

from tests.checks.conftest import CheckRun
from tests.checks.test_rules import sets


def _found(check: CheckRun, *changes) -> list[tuple[str, str, bool]]:
    def change(data) -> None:
        for one in changes:
            one(data)

    issues = check("sop", change, code="SOP-ALUR")
    return [(".".join(map(str, i.path)), i.message, i.line is not None) for i in issues]


def test_a_fork_into_two_ends_is_a_proper_flow(check: CheckRun) -> None:
    # 1 -> {2, 3}; 2 is a decision back to 1 or on to 3; 3 ends.
    assert _found(check, sets("langkah", 0, "lanjut", value=[2, 3])) == []
    # The decision's "ya" may end the flow itself: step 2 becomes a second end's way.
    assert _found(check, sets("langkah", 2, "lanjut", value=[])) == []


def test_unreachable_step_is_reported_at_the_step(check: CheckRun) -> None:
    assert _found(check, sets("langkah", 0, "lanjut", value=3)) == [
        (
            "langkah.1",
            "langkah 2 tidak dapat dicapai dari langkah 1 (tidak ada panah yang menuju langkah "
            "ini); arahkan `lanjut:` atau cabang keputusan ke langkah ini, atau hapus "
            "langkahnya",
            True,
        )
    ]


def test_path_without_an_end_is_reported_at_each_step(check: CheckRun) -> None:
    message = (
        "alur tidak pernah sampai ke simbol Selesai; arahkan `lanjut:` atau salah satu "
        "cabang keputusan ke langkah yang berakhir, atau tulis `lanjut: []` pada langkah "
        "tempat alur berakhir"
    )
    assert _found(check, sets("langkah", 2, "lanjut", value=[1])) == [
        (f"langkah.{i}", f"dari langkah {i + 1} {message}", True) for i in range(3)
    ]
    # A fork out of the loop into an end of its own is enough.
    assert (
        _found(
            check,
            sets("langkah", 2, "lanjut", value=[1]),
            sets("langkah", 0, "lanjut", value=[2, 4]),
            lambda d: d["langkah"].append(
                {"kegiatan": "Mengarsipkan", "pelaksana": "Staf", "waktu": "1 jam"}
            ),
        )
        == []
    )


def test_targets_outside_the_sop_and_to_itself(check: CheckRun) -> None:
    assert _found(check, sets("langkah", 0, "lanjut", value=[2, 4])) == [
        (
            "langkah.0.lanjut.1",
            "`lanjut` menunjuk langkah 4, padahal SOP ini hanya punya 3 langkah; isi nomor "
            "langkah 1 sampai 3",
            True,
        )
    ]
    assert _found(check, sets("langkah", 0, "lanjut", value=[2, 3])) == []
    assert _found(check, sets("langkah", 0, "lanjut", value=[1, 2]))[0][:2] == (
        "langkah.0.lanjut.0",
        "`lanjut` langkah 1 menunjuk langkah itu sendiri; arahkan ke langkah lain (hanya "
        "keputusan yang boleh kembali ke dirinya sendiri)",
    )


def test_simultan_needs_a_fork_and_a_decision_no_lanjut(check: CheckRun) -> None:
    assert _found(check, sets("langkah", 0, "simultan", value=True)) == [
        (
            "langkah.0.simultan",
            "`simultan` langkah 1 berarti cabang-cabangnya dikerjakan bersamaan, tetapi "
            "`lanjut:` tidak berisi dua langkah atau lebih; tulis nomor-nomor cabangnya di "
            "`lanjut:` atau hapus `simultan`",
            True,
        )
    ]
    assert (
        _found(
            check,
            sets("langkah", 0, "simultan", value=True),
            sets("langkah", 0, "lanjut", value=[2, 3]),
        )
        == []
    )
    assert _found(check, sets("langkah", 1, "lanjut", value=3)) == [
        (
            "langkah.1.lanjut",
            "langkah 2 adalah keputusan: tujuannya ditulis di `keputusan:` (ya/tidak); hapus "
            "`lanjut:`",
            True,
        )
    ]
