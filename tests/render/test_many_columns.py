"""Issue 17's "Done when" fixture: a disaster-response SOP with 15 pelaksana on A4
landscape, a step shared by three columns, a fork into two branches ending in two
terminators, two simultaneous steps and a decision waiting on itself.

It builds without a warning; its Jumlah Waktu is the longest path; the table keeps
Kegiatan readable and every word whole (Pelaksana names printed vertically); every
arrow the data says is drawn, and nothing else; and past the limit a located TATA-LETAK
names it and the ways out.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest

from sk_generator.checks import check
from sk_generator.diagnostics import format_path
from sk_generator.errors import DataError
from sk_generator.load import SopEntry
from sk_generator.model import Sop
from sk_generator.model.alur import ends, successors
from sk_generator.render.flowchart import FlowLayout, symbol_crossings
from sk_generator.render.flowchart.labels import label_faults
from sk_generator.render.measure import Face
from sk_generator.render.sop import SopBuilder, render_sop
from sk_generator.render.sop.columns import PELAKSANA_MIN, step_texts, word_width
from sk_generator.render.sop.flow import flow_graph
from sk_generator.render.sop.narrow import END_PAD, KEGIATAN_MIN, PELAKSANA_NARROW
from sk_generator.waktu import CARA_GRAF, compute_sop
from tests.render.test_sop import REFERENCE, build_first, dump, first_sop

FIXTURE = Path(__file__).parents[1] / "data" / "bencana" / "sop-tanggap-darurat.yaml"


def _sop() -> Sop:
    return first_sop(FIXTURE)[1].sop


def _with(entry: SopEntry, **changes: object) -> SopEntry:
    return dataclasses.replace(entry, sop=entry.sop.model_copy(update=changes))


def test_the_fixture_is_what_the_issue_asks() -> None:
    sop = _sop()
    assert len(sop.pelaksana) == 15 and sop.kertas == "A4"
    shared = [lk for lk in sop.langkah if len(lk.para_pelaksana) > 1]
    assert [lk.para_pelaksana for lk in shared] == [
        ["Dinas Sosial", "Dinas Kesehatan", "Dinas Pekerjaan Umum dan Penataan Ruang"]
    ]
    graph = successors(sop)
    # 2 waits on itself; 3 forks into 4 and 5 at the same time; 11 chooses 12 or 14.
    assert graph[1] == [2, 1]
    assert graph[2] == [3, 4] and sop.langkah[2].simultan
    assert graph[10] == [11, 13] and not sop.langkah[10].simultan
    assert ends(sop) == [12, 13]  # two terminators, one per branch


def test_it_checks_without_an_issue() -> None:
    report = check([FIXTURE])
    assert report.issues == []


def test_jumlah_waktu_is_the_longest_path() -> None:
    times = compute_sop(_sop())
    assert times.cara == CARA_GRAF
    # 10 + 30 + 15 menit, the simultaneous branches once at their longest (4: 6 jam, not
    # 5's 4 jam as well), 2 jam, 1 + 1 + 1 + 3 hari, 1 jam, then the longer branch (14:
    # 5 hari, not 12 and 13: 2 hari).
    assert times.text_max == "11 hari 9 jam 55 menit"
    assert times.total.text_min() == "8 hari 9 jam 55 menit"


@pytest.fixture(scope="module")
def built() -> tuple[SopBuilder, bytes, int]:
    return build_first(FIXTURE)


def test_dump(built: tuple[SopBuilder, bytes, int], reference: Callable[[Path, str], None]) -> None:
    _builder, data, pages = built
    assert pages == 4
    text = dump(data)
    assert "T | Jumlah Waktu Penyelesaian | 11 hari 9 jam 55 menit" in text
    reference(REFERENCE / "sop-tanggap-darurat.txt", text)


def test_columns_keep_kegiatan_readable_and_words_whole(
    built: tuple[SopBuilder, bytes, int],
) -> None:
    builder, _data, _pages = built
    assert builder.plan is not None
    cols = builder.plan.cols
    sop = builder.sop
    assert sum(cols.widths) == builder.page.width
    assert cols.vertical
    assert round(PELAKSANA_NARROW * 20) <= cols.pelaksana < round(PELAKSANA_MIN * 20)
    assert cols.kegiatan >= KEGIATAN_MIN * 20
    # Every text column holds its longest word: the word processor never breaks one.
    for k, width in enumerate(cols.text_widths[1:], start=1):
        need = max(word_width(step_texts(sop, i)[k], cols.face) for i in range(len(sop.langkah)))
        assert need * 20 <= width
    # A vertical name's row is as tall as its longest word, with room at both ends.
    face: Face = builder.plan.name_face
    longest = max(face.width(w) for name in sop.pelaksana for w in name.split())
    assert builder.plan.header[1] / 20 >= longest + 2 * END_PAD
    assert builder.plan.names == list(sop.pelaksana)  # nothing hyphenated


def _drawn_edges(flow: FlowLayout) -> set[tuple[int, int]]:
    """(source, target) steps of every drawn line, following connector pairs."""

    def at(page: int, point: tuple[float, float]) -> tuple[str, int | str]:
        for symbol in flow.pages[page].symbols:
            box = symbol.box.shrink(-0.01)
            if box.x <= point[0] <= box.right and box.y <= point[1] <= box.bottom:
                if symbol.step is not None:
                    return ("step", symbol.step)
                return ("connector", symbol.text)
        for symbol in flow.pages[page].symbols:  # a self-loop joins the entry line above
            if abs(symbol.box.cx - point[0]) < 0.01 and 0 < symbol.box.y - point[1] < 10:
                return ("step", symbol.step if symbol.step is not None else -1)
        raise AssertionError(f"line end {point} on page {page + 1} touches no symbol")

    direct, out, into = set(), {}, {}
    for p, page in enumerate(flow.pages):
        for line in page.lines:
            (kind_a, a), (kind_b, b) = at(p, line.points[0]), at(p, line.points[-1])
            if kind_a == "step" and kind_b == "step":
                direct.add((a, b))
            elif kind_b == "connector":
                out[b] = a
            else:
                into[a] = b
    assert out.keys() == into.keys()
    return direct | {(out[letter], into[letter]) for letter in out}


def test_every_arrow_is_where_the_data_says(built: tuple[SopBuilder, bytes, int]) -> None:
    builder, _data, _pages = built
    assert builder.plan is not None
    flow = builder.plan.flow
    expected = {(i, j) for i, nexts in enumerate(successors(builder.sop)) for j in nexts}
    assert _drawn_edges(flow) == expected
    for page in flow.pages:
        assert symbol_crossings(page) == []
        assert label_faults(page, flow.geometry) == []
    steps, _edges = flow_graph(builder.sop)
    assert (steps[9].column, steps[9].span) == (9, 3)
    shared = next(p.symbol_of_step(9) for p in flow.pages if p.symbol_of_step(9))
    assert shared is not None and shared.kind == "process"


def test_f4_holds_the_fifteen_columns_too() -> None:
    document, entry = first_sop(FIXTURE)
    builder = SopBuilder(document, _with(entry, kertas="F4"))
    builder.build()
    assert builder.plan is not None
    assert builder.plan.cols.vertical
    for page in builder.plan.flow.pages:
        assert symbol_crossings(page) == []
        assert label_faults(page, builder.plan.flow.geometry) == []


def _columns(entry: SopEntry, count: int) -> SopEntry:
    extra = [f"Kolom Tambahan {k}" for k in range(1, count - 14)]
    return _with(entry, pelaksana=[*entry.sop.pelaksana, *extra])


def test_sixteen_columns_fit_a4_and_seventeen_do_not() -> None:
    document, entry = first_sop(FIXTURE)
    render_sop(document, _columns(entry, 16))
    with pytest.raises(DataError) as caught:
        render_sop(document, _columns(entry, 17))
    (issue,) = caught.value.issues
    assert (issue.code, issue.line, format_path(issue.path)) == ("TATA-LETAK", 15, "pelaksana")
    assert issue.file.endswith("tests/data/bencana/sop-tanggap-darurat.yaml")
    assert issue.message == (
        "17 kolom pelaksana tidak muat pada kertas A4 melintang: setiap kolom pelaksana "
        "paling sempit 8,5 mm dan kolom Kegiatan 30 mm, sehingga hanya muat 16 kolom; "
        "pakai kertas yang lebih lebar (`kertas:` F4 atau Legal), kurangi kolom "
        "pelaksana atau pendekkan kata terpanjang kolom Output ('pengakhiran')"
    )
