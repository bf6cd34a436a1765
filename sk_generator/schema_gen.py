"""JSON Schemas of the data files, for editors (VS Code YAML extension) and for `schema`.

The committed copies in sk_generator/schema/ are what the `# yaml-language-server:
$schema=...` line at the top of each data file points to; a test fails when they are stale.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

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

_TITLES = {
    "keputusan": "Keputusan Kepala Dinas (SK) dengan lampiran SOP",
    "sop": "Standar Operasional Prosedur (SOP AP) mandiri",
    "instansi": "Data instansi (kop, kertas, huruf)",
    "pejabat": "Data pejabat (penanda tangan, pengesah)",
    "regulasi": "Katalog peraturan (dasar hukum)",
}


def schema_for(kind: str) -> dict[str, Any]:
    schema = SCHEMAS[kind].model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = _TITLES[kind]
    return schema


def schema_text(kind: str) -> str:
    return json.dumps(schema_for(kind), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(folder: Path = SCHEMA_DIR) -> list[Path]:
    """Write every schema into `folder`; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in SCHEMAS:
        target = folder / f"{kind}.schema.json"
        write_atomic(target, schema_text(kind).encode("utf-8"))
        written.append(target)
    return written
