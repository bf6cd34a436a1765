"""An instansi's own SK template (`templat_keputusan`): used when set, checked for
placeholders the data cannot fill."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from sk_generator.errors import TemplateError
from sk_generator.load import load
from sk_generator.render.keputusan import render_keputusan
from sk_generator.templates import TEMPLATE, missing_template_values, template_path
from tests.conftest import DATA


def _edited_template(target: Path, old: str, new: str) -> Path:
    """A copy of the default template with one text replaced inside word/document.xml."""
    with zipfile.ZipFile(TEMPLATE) as source, zipfile.ZipFile(target, "w") as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                assert old in text
                data = text.replace(old, new, 1).encode("utf-8")
            out.writestr(item, data)
    return target


def _agency(tmp_path: Path, template: Path) -> Path:
    """The Sintang data with instansi.yaml pointing at `template` (a file beside it)."""
    folder = tmp_path / "sintang"
    shutil.copytree(DATA / "sintang", folder)
    shutil.copy(DATA / "regulasi.yaml", tmp_path / "regulasi.yaml")
    instansi = folder / "instansi.yaml"
    text = instansi.read_text(encoding="utf-8")
    anchor = "    kota: Sintang\n"
    assert anchor in text
    instansi.write_text(
        text.replace(anchor, anchor + f"    templat_keputusan: {template.name}\n"),
        encoding="utf-8",
    )
    return folder / "sk-sop-data-kinerja.yaml"


def _text(docx_bytes: bytes) -> str:
    import io

    with zipfile.ZipFile(io.BytesIO(docx_bytes)) as z:
        return z.read("word/document.xml").decode("utf-8")


def test_own_template_is_used(tmp_path: Path) -> None:
    template = _edited_template(
        tmp_path / "kep-sintang.docx", "{{ kop.pemerintah }}", "{{ kop.pemerintah }} (GAYA SINTANG)"
    )
    sk = _agency(tmp_path, template)
    shutil.move(template, sk.parent / template.name)
    (document,) = load([sk]).documents
    assert template_path(document) == sk.parent / "kep-sintang.docx"
    assert missing_template_values(template_path(document)) == []
    assert "PEMERINTAH KABUPATEN SINTANG (GAYA SINTANG)" in _text(render_keputusan(document))


def test_misspelt_placeholder_is_named(tmp_path: Path) -> None:
    template = _edited_template(tmp_path / "kep.docx", "{{ kop.alamat }}", "{{ kop_alamat }}")
    sk = _agency(tmp_path, template)
    shutil.move(template, sk.parent / template.name)
    (document,) = load([sk]).documents
    assert missing_template_values(template_path(document)) == ["kop_alamat"]
    with pytest.raises(TemplateError, match="kop_alamat"):
        render_keputusan(document)
