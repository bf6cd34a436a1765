"""The citations the legal-reference rules see: each one resolved against the catalog.

The HUKUM-* rules compare only written-out (inline) citations with the catalog, so which
citation counts as inline, and which catalog entry each one is, is pinned here directly.
"""

from __future__ import annotations

from sk_generator.checks.kutipan import citations
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
