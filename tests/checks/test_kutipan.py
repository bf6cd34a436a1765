"""The citations the legal-reference rules see: each one resolved against the catalog.

The HUKUM-* rules compare only written-out (inline) citations with the catalog, so which
citation counts as inline, and which catalog entry each one is, is pinned here directly.
"""

from __future__ import annotations

import pytest

from sk_generator.checks.kutipan import _closest_title, citations, match, norm
from sk_generator.document import Record
from sk_generator.model import Peraturan
from tests.checks.conftest import LoadRun
from tests.checks.test_rules import Data, inline


def _references(data: Data) -> None:
    data["mengingat"] = [
        "uu-23-2014",
        # The catalog's pp-8-2006 written out, with other case and an end stop.
        inline("PP", "8", 2006, "pelaporan keuangan dan kinerja instansi pemerintah."),
        inline("PP", "99", 2030, "Peraturan yang tidak ada di katalog"),
    ]
    data["memperhatikan"] = [{"teks": "Nota Dinas Sekretaris Nomor 800/12/2024"}, "pp-8-2006"]


def test_ids_and_written_out_citations_in_file_order(load: LoadRun) -> None:
    found = [
        (c.where, c.path, c.group, c.inline, c.record.id if c.record else None, c.key)
        for c in citations(load("sk", _references))
    ]
    sk, sop = ("keputusan",), ("lampiran", 0, "dasar_hukum")
    assert found == [
        ("mengingat butir 1", ("mengingat", 0), sk, False, "uu-23-2014", ("id", "uu-23-2014")),
        ("mengingat butir 2", ("mengingat", 1), sk, True, "pp-8-2006", ("id", "pp-8-2006")),
        ("mengingat butir 3", ("mengingat", 2), sk, True, None, ("inline", "PP", "99", 2030, "")),
        # The note (memperhatikan butir 1) is no citation and is skipped.
        (
            "memperhatikan butir 2",
            ("memperhatikan", 1),
            sk,
            False,
            "pp-8-2006",
            ("id", "pp-8-2006"),
        ),
        ("dasar_hukum butir 1", (*sop, 0), sop, False, "uu-23-2014", ("id", "uu-23-2014")),
        (
            "dasar_hukum butir 2",
            (*sop, 1),
            sop,
            False,
            "perpres-29-2014",
            ("id", "perpres-29-2014"),
        ),
    ]


def test_a_regional_regulation_is_matched_in_its_own_region_only(load: LoadRun) -> None:
    """Two regions' Perbup may share a number and year: the catalog's Bupati Contoh 2/2021
    is not Bupati Lain's; a national kind ignores the region."""
    title = "Susunan Organisasi dan Tata Kerja Dinas Contoh"

    def references(data: Data) -> None:
        data["memperhatikan"] = [
            inline("Perbup/Perwali", "2", 2021, title, daerah="Bupati Lain"),
            inline("Perbup/Perwali", "2", 2021, title, daerah="bupati contoh"),
            inline(
                "PP", "8", 2006, "Pelaporan Keuangan dan Kinerja Instansi Pemerintah", daerah="x"
            ),
        ]

    found = [
        (c.where, c.record.id if c.record else None)
        for c in citations(load("sk", references))
        if c.list_name == "memperhatikan"
    ]
    assert found == [
        ("memperhatikan butir 1", None),
        ("memperhatikan butir 2", "perbup-contoh-2-2021"),
        ("memperhatikan butir 3", "pp-8-2006"),
    ]


def _titled(tentang: str) -> Peraturan:
    return Peraturan(jenis="PP", nomor="1", tahun=2000, tentang=tentang)


@pytest.mark.parametrize(
    ("titles", "expected"),
    [
        (["abcxy"], 0),  # alike 0.6, exactly the cutoff: accepted
        (["abxyz"], None),  # alike 0.4: below it
        (["abcxy", "abcdx"], 1),  # a more alike title later wins (0.8 over 0.6)
        (["abcdx", "abcdy"], 0),  # equally alike: the first stays
    ],
)
def test_closest_title(titles: list[str], expected: int | None) -> None:
    records = [Record(f"r{i}", _titled(t), None, ()) for i, t in enumerate(titles)]  # type: ignore[arg-type]
    found = _closest_title(_titled("ABCDE"), records, cutoff=0.6)
    assert found is (None if expected is None else records[expected])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            " Pelaporan  Keuangan ,\tdan Kinerja Instansi . ",
            "pelaporan keuangan, dan kinerja instansi",
        ),
        ("Tata Cara;", "tata cara"),
        (None, ""),
    ],
)
def test_norm(text: str | None, expected: str) -> None:
    """Titles, numbers and regions compare without case, repeated spaces, spaces before a
    comma and end punctuation."""
    assert norm(text) == expected


SOTK = "Susunan Organisasi dan Tata Kerja Dinas Contoh"
PP_8_2006 = "Pelaporan Keuangan dan Kinerja Instansi Pemerintah"


@pytest.mark.parametrize(
    ("peraturan", "expected"),
    [
        (Peraturan(jenis="PP", nomor="8", tahun=2006, tentang="x"), ("sama", "pp-8-2006")),
        (
            Peraturan(jenis="Perpres", nomor="8", tahun=2006, tentang=PP_8_2006),
            ("jenis", "pp-8-2006"),
        ),
        (
            Peraturan(
                jenis="Perbup/Perwali", daerah="Bupati Contoh", nomor="2", tahun=2020, tentang=SOTK
            ),
            ("tahun", "perbup-contoh-2-2021"),
        ),
        # Another region's Perbup 2/2020: not the catalog's; its title is the first alike.
        (
            Peraturan(
                jenis="Perbup/Perwali", daerah="Bupati Lain", nomor="2", tahun=2020, tentang=SOTK
            ),
            ("judul", "perbup-contoh-1-2017"),
        ),
        (
            Peraturan(jenis="PP", nomor="99", tahun=2030, tentang="Lain Sama Sekali"),
            ("tidak", None),
        ),
        # Same number and year as pp-8-2006 but an unrelated title: another regulation.
        (
            Peraturan(jenis="Perpres", nomor="8", tahun=2006, tentang="Lain Sama Sekali"),
            ("tidak", None),
        ),
        # Only the year and the title shared with uu-23-2014: alike by title, not by kind.
        (
            Peraturan(jenis="Perpres", nomor="5", tahun=2014, tentang="Pemerintahan Daerah"),
            ("judul", "uu-23-2014"),
        ),
    ],
)
def test_match(load: LoadRun, peraturan: Peraturan, expected: tuple[str, str | None]) -> None:
    found = match(load("sk"), peraturan)
    assert (found.kind, found.record.id if found.record else None) == expected
