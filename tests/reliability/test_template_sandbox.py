"""A hostile or careless custom SK template (`templat_keputusan`, issue 14 item 4): the
sandbox exposes only the data context; what a build refuses, `check` reports first, as
INSTANSI-TEMPLAT in Indonesian, naming the refused construct."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sk_generator.errors import TemplateError
from sk_generator.load import load
from sk_generator.render.keputusan import render_keputusan
from tests.render.test_keputusan_templat import _agency, _edited_template, _text

FIX = "; hapus bagian itu di Word atau salin ulang templat bawaan templates/sk/keputusan.docx"

REFUSED = [
    ("{{ self }}", "`self` tidak tersedia di templat; hanya data SK"),
    ("{{ cycler }}", "`cycler` tidak tersedia di templat; hanya data SK"),
    ("{{ joiner() }}", "`joiner` tidak tersedia di templat; hanya data SK"),
    ("{{ namespace }}", "`namespace` tidak tersedia di templat; hanya data SK"),
    ("{{ lipsum() }}", "`lipsum` tidak tersedia di templat; hanya data SK"),
    ("{% for i in range(10**7) %}x{% endfor %}", "range(...) di templat melebihi 1000 butir"),
    ("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", "makro `m` memanggil dirinya sendiri"),
    ('{% include "lain.xml" %}', "{% include %} tidak diizinkan; templat SK harus berdiri sendiri"),
    ('{% import "lain.xml" as x %}', "{% import %} tidak diizinkan"),
    ("{{ kop.alamat.__class__ }}", "atribut `.__class__` tidak diizinkan di templat"),
    ("{{ kop.alamat['_x'] }}", "atribut `['_x']` tidak diizinkan di templat"),
    ('{{ kop.alamat|attr("upper") }}', "filter `attr` tidak diizinkan di templat"),
    ("{{ '{0}'.format(kop) }}", "atribut `.format` tidak diizinkan di templat"),
]


def _sk(tmp_path: Path, expression: str) -> Path:
    template = _edited_template(tmp_path / "kep.docx", "{{ kop.alamat }}", expression)
    sk = _agency(tmp_path, template)
    shutil.move(template, sk.parent / template.name)
    return sk


@pytest.mark.parametrize(("expression", "reason"), REFUSED, ids=[e for e, _ in REFUSED])
def test_refused_at_check_and_build_alike(
    run_cli, tmp_path: Path, expression: str, reason: str
) -> None:
    sk = _sk(tmp_path, expression)
    result = run_cli("check", str(sk))
    assert result.code == 1
    assert "Traceback" not in result.out + result.err
    line = result.out.splitlines()[0]
    assert line.startswith(
        f"{sk.parent}/instansi.yaml:14:24: error[INSTANSI-TEMPLAT] "
        "instansi.disnakertrans-sintang.templat_keputusan: templat kep.docx: "
    )
    assert line.endswith(FIX)
    assert reason in line
    (document,) = load([sk]).documents
    with pytest.raises(TemplateError) as refused:
        render_keputusan(document)
    assert str(refused.value) == line.split("templat_keputusan: ", 1)[1]


def test_build_refuses_with_exit_one(run_cli, tmp_path: Path) -> None:
    sk = _sk(tmp_path, "{{ self }}")
    out = tmp_path / "keluaran"
    result = run_cli("build", str(sk), "-o", str(out))
    assert result.code == 1
    assert "Traceback" not in result.out + result.err
    assert "`self` tidak tersedia di templat" in result.out + result.err
    assert not list(out.rglob("*.docx")) if out.exists() else True


@pytest.mark.parametrize(
    ("expression", "says"),
    [
        (
            "{% for i in range(kop.alamat|length * 1000) %}x{% endfor %}",
            "templat kep.docx memakai yang tidak diizinkan: range(...) di templat melebihi "
            "1000 butir",
        ),
        (
            "{% macro m(f) %}{{ f(f) }}{% endmacro %}{{ m(m) }}",
            "templat kep.docx memakai yang tidak diizinkan: makro bersarang lebih dari 20 tingkat",
        ),
    ],
)
def test_data_driven_limits_refused_when_rendered(
    tmp_path: Path, expression: str, says: str
) -> None:
    """What only the data decides is bounded at build: no OverflowError, no RecursionError."""
    (document,) = load([_sk(tmp_path, expression)]).documents
    with pytest.raises(TemplateError) as refused:
        render_keputusan(document)
    assert str(refused.value) == says


def test_range_within_the_bound_and_plain_data_render(tmp_path: Path) -> None:
    expression = "{% for i in range(1000) %}{% endfor %}[{{ kop.alamat }}]"
    (document,) = load([_sk(tmp_path, expression)]).documents
    text = _text(render_keputusan(document))
    assert "[Jalan" in text
    assert "TemplateReference" not in text and "object at 0x" not in text
