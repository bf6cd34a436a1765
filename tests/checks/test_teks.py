"""The text rules at their edges: which repeats count as a doubling, how much of a line a
double space is shown with, and placeholders left in the records a document prints."""

from __future__ import annotations

import pytest

from sk_generator.checks.teks import doubled_phrases
from sk_generator.diagnostics import format_path
from tests.checks.conftest import CheckRun
from tests.checks.test_pejabat import approved_by_plh
from tests.checks.test_rules import Data, both, sets


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("huruf a a", []),  # a one-letter word repeated (a list's letters) is left alone
        ("di di", ["di"]),  # from two letters on, a repeat is a doubling
        ("huruf a b a b", ["a b"]),  # a phrase may start with a one-letter word
    ],
)
def test_short_words_written_twice(text: str, expected: list[str]) -> None:
    assert doubled_phrases(text) == expected


def found(issues: list) -> list[tuple[str, str]]:
    return [(format_path(i.path), i.message) for i in issues]


def test_double_space_shown_with_fifteen_characters_each_side(check: CheckRun) -> None:
    """The message quotes the spaces, the characters on either side and fifteen more each
    way (cut mid-word, not the whole line); the first double space of each text is
    reported, text by text."""
    issues = check(
        "sop",
        both(
            sets("nama", value="Pendataan Kegiatan Tahunan Dinas  Kabupaten Sukamara Tahun 2024"),
            sets("peringatan", value=["Data  belum lengkap"]),
        ),
        code="TEKS-SPASI",
    )
    assert found(issues) == [
        (
            "nama",
            "ada spasi ganda di 'an Tahunan Dinas  Kabupaten Sukama'; ganti dengan satu spasi",
        ),
        ("peringatan[1]", "ada spasi ganda di 'Data  belum lengkap'; ganti dengan satu spasi"),
    ]


def test_placeholder_in_the_signer_of_an_sk_whose_lampiran_has_its_own_approver(
    check: CheckRun,
) -> None:
    issues = approved_by_plh(check, "TEKS-ISIAN", {"nama": "[NAMA KEPALA DINAS]"}, {})
    assert issues == [
        (
            "pejabat.kadis.nama",
            "isian [NAMA KEPALA DINAS] belum diganti; tulis nilai sebenarnya sebelum dokumen "
            "dicetak untuk ditandatangani",
        )
    ]


def test_the_longest_actor_named_whatever_its_case(check: CheckRun) -> None:
    """Both 'Kasubbag' and 'KASUBBAG PKP' begin the text: the longer one is the actor."""

    def change(data: Data) -> None:
        data["pelaksana"] = ["Kepala Dinas", "Kasubbag", "KASUBBAG PKP", "Staf"]
        data["langkah"][0]["pelaksana"] = ["Kasubbag", "KASUBBAG PKP"]
        data["langkah"][0]["kegiatan"] = "KASUBBAG PKP menyusun jadwal pendataan"

    assert found(check("sop", change, code="TEKS-PELAKSANA")) == [
        (
            "langkah[1].kegiatan",
            "kegiatan diawali nama pelaksananya 'KASUBBAG PKP' (sudah ditunjukkan oleh "
            "kolomnya); tulis 'Menyusun jadwal pendataan'",
        )
    ]


def test_a_word_that_only_starts_like_the_actor(check: CheckRun) -> None:
    """'Pengelolaan' is not the column 'Pengelola'; the later step that does name its
    actor is still reported."""

    def change(data: Data) -> None:
        data["pelaksana"] = ["Kepala Dinas", "Pengelola", "Staf"]
        data["langkah"][0]["pelaksana"] = "Pengelola"
        data["langkah"][0]["kegiatan"] = "Pengelolaan bahan pendataan"
        data["langkah"][2]["kegiatan"] = "Staf mengarsipkan dokumen pendataan"

    assert found(check("sop", change, code="TEKS-PELAKSANA")) == [
        (
            "langkah[3].kegiatan",
            "kegiatan diawali nama pelaksananya 'Staf' (sudah ditunjukkan oleh kolomnya); "
            "tulis 'Mengarsipkan dokumen pendataan'",
        )
    ]
