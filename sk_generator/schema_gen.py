"""JSON Schemas of the data files, for editors (VS Code YAML extension) and for `schema`.

The committed copies in sk_generator/schema/ are what the `# yaml-language-server:
$schema=...` line at the top of each data file points to; a test fails when they are stale.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from sk_generator.keys_doc import KETERANGAN
from sk_generator.model import InstansiFile, Keputusan, PejabatFile, RegulasiFile, Sop
from sk_generator.outputs import write_atomic

SCHEMAS: dict[str, type[BaseModel]] = {
    "keputusan": Keputusan,
    "sop": Sop,
    "instansi": InstansiFile,
    "pejabat": PejabatFile,
    "regulasi": RegulasiFile,
}
SCHEMA_DIR = Path(__file__).parent / "schema"

_TITLES_BY_MODEL: dict[type[BaseModel], str] = {
    InstansiFile: "Berkas instansi.yaml: satu atau beberapa instansi menurut id",
    PejabatFile: "Berkas pejabat.yaml: pejabat menurut id",
    RegulasiFile: "Berkas regulasi.yaml: katalog peraturan menurut id",
}

_TITLES = {
    "keputusan": "Keputusan Kepala Dinas (SK) dengan lampiran SOP",
    "sop": "Standar Operasional Prosedur (SOP AP) mandiri",
    "instansi": "Data instansi (kop, kertas, huruf)",
    "pejabat": "Data pejabat (penanda tangan, pengesah)",
    "regulasi": "Katalog peraturan (dasar hukum)",
}


#: What the loader requires of a standalone SOP beyond the model (a lampiran inherits
#: these from its SK, so the model leaves them optional); see references.resolve.
_STANDALONE_SOP = ["jenis", "instansi", "nomor", "tanggal_efektif", "disahkan_oleh"]


class _AsLoaded(GenerateJsonSchema):
    """The schema of what the tool accepts, not only of what it stores: text fields take
    numbers too (the models coerce `nomor: 5` to "5", and YAML reads an unquoted nomor as a
    number), so an editor never underlines a value `check` accepts."""

    def str_schema(self, schema: core_schema.StringSchema) -> JsonSchemaValue:
        text = super().str_schema(schema)
        return {**text, "type": ["string", "number"]}


def schema_for(kind: str) -> dict[str, Any]:
    schema = SCHEMAS[kind].model_json_schema(schema_generator=_AsLoaded)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = _TITLES[kind]
    _describe(schema, SCHEMAS[kind])
    if kind == "sop":
        schema["required"] = sorted({*schema.get("required", []), *_STANDALONE_SOP})
    return schema


def schema_text(kind: str) -> str:
    return json.dumps(schema_for(kind), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _describe(schema: dict[str, Any], model: type[BaseModel]) -> None:
    """Indonesian descriptions (editors show them on hover; docstrings are English)."""
    by_name = {cls.__name__: text for cls, text in KETERANGAN.items()}
    for name, definition in schema.get("$defs", {}).items():
        if name in by_name:
            definition["description"] = by_name[name]
    schema["description"] = KETERANGAN.get(model, _TITLES_BY_MODEL.get(model, ""))


def write_schemas(folder: Path = SCHEMA_DIR) -> list[Path]:
    """Write every schema into `folder`; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in SCHEMAS:
        target = folder / f"{kind}.schema.json"
        write_atomic(target, schema_text(kind).encode("utf-8"))
        written.append(target)
    return written
