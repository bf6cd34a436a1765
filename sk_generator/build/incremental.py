"""Incremental builds: a document whose inputs are unchanged is not built again.

What the manifest records is in recorded.py. A folder without a matching manifest is
simply built again. A build without the bundle format writes no manifest: it skips a
document only when an earlier build's manifest vouches for the files asked for, and
otherwise builds it (its unchanged files are still not rewritten, report.py).

A document is skipped when its folder's manifest has the same fingerprint and source,
lists files of every format asked for, each still there with its recorded size, and
no part file it does not list lies beside them (one a later commit would drop). A listed
file modified after its manifest was written is checked against its SHA-256 (a copy of
the folder may reorder modification times; a hand edit makes it differ).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

from sk_generator.build.assemble import OutputFile, OutputSet
from sk_generator.build.fingerprint import Fingerprinter
from sk_generator.build.plan import Plan
from sk_generator.build.recorded import (
    CHECK_KEY,
    Inputs,
    Recorded,
    manifest_fields,
    read_recorded,
    source_label,
    up_to_date,
)
from sk_generator.build.reuse import Reused, check_record
from sk_generator.bundle import manifest_text
from sk_generator.load import Document, Loader
from sk_generator.outputs import environment_errors, write_atomic


def with_record(outputs: OutputSet, inputs: Inputs | None) -> OutputSet:
    """`outputs` with this build's record in its manifest (recorded.py): added once the
    files are final (a signed document's come from its archive, frozen.py)."""
    if inputs is None or outputs.manifest is None:
        return outputs
    made = [(f.name, f.data) for f in outputs.files if f.name != outputs.manifest]
    files = []
    for file in outputs.files:
        if file.name == outputs.manifest:
            content = json.loads(file.data) | manifest_fields(inputs, made)
            file = OutputFile(file.name, manifest_text(content))
        files.append(file)
    return dataclasses.replace(outputs, files=files)


def document_inputs(plan: Plan, *, duplex: bool, pdfa: bool) -> dict[str, Inputs]:
    """Each loaded document's inputs by folder name, with what to record of its check
    when the plan has check keys (reuse.py)."""
    fingerprinter = Fingerprinter({"duplex": duplex, "pdfa": pdfa})
    inputs = {}
    for document, name in zip(plan.documents, plan.names, strict=True):
        known = plan.known.get(document.source.path)
        record = None
        if plan.keys is not None and known is not None:
            record = check_record(document, known, plan.keys)
        inputs[name] = Inputs(
            fingerprinter.fingerprint(document),
            source_label(document.source.path, plan.out_dir),
            record,
        )
    return inputs


def partition(
    plan: Plan, inputs: Mapping[str, Inputs], force: bool, build: Collection[Path] = ()
) -> tuple[list[tuple[Document, Recorded]], Plan]:
    """The documents whose folder is up to date (with its record), and the plan of the
    others; with `force` every document is built, and always those whose data file (as
    resolved) is in `build` (a signed document to archive, frozen.py)."""
    kept: list[tuple[Document, Recorded]] = []
    todo: list[tuple[Document, str]] = []
    for document, name in zip(plan.documents, plan.names, strict=True):
        skip = not force and name in inputs and document.source.path.resolve() not in build
        recorded = read_recorded(plan.out_dir / name) if skip else None
        if recorded is not None and up_to_date(recorded, inputs[name], plan.formats):
            kept.append((document, recorded))
            _refresh_check(recorded, inputs[name].check)
        else:
            todo.append((document, name))
    rest = dataclasses.replace(plan, documents=[d for d, _ in todo], names=[n for _, n in todo])
    return kept, rest


def _refresh_check(recorded: Recorded, check: dict[str, Any] | None) -> None:
    """Record the new check key of a document kept as it is (loaded because a record
    file beside it, or the date, changed): otherwise every later build would load it
    again. Only the manifest is written (its files are listed by hash, so it may be
    newer than they are)."""
    if check is None or check == recorded.check:
        return
    with environment_errors():
        content = json.loads(recorded.manifest.read_bytes()) | {CHECK_KEY: check}
        write_atomic(recorded.manifest, manifest_text(content))


def settle(
    plan: Plan, todo: Plan, inputs: dict[str, Inputs], *, duplex: bool, pdfa: bool
) -> tuple[dict[str, Reused], Plan]:
    """The reused documents whose folder is still intact (checked again once the output
    folder is locked: another build may have written meanwhile), and `todo` with the
    others, loaded now (their check is known: they are not checked again). Their inputs
    are added to `inputs`."""
    intact: dict[str, Reused] = {}
    gone: dict[str, Reused] = {}
    for name, reused in plan.reused.items():
        recorded = read_recorded(reused.recorded.folder)
        same = Inputs(reused.recorded.fingerprint, reused.recorded.source)
        (intact if up_to_date(recorded, same, plan.formats) else gone)[name] = reused
    if not gone:
        return intact, todo
    loaded = {d.source.path: d for d in Loader().load([r.path for r in gone.values()]).documents}
    fingerprinter = Fingerprinter({"duplex": duplex, "pdfa": pdfa})
    documents, names = list(todo.documents), list(todo.names)
    for name, reused in gone.items():
        document = loaded.get(reused.path)
        if document is None:  # edited meanwhile, now with an error: the next build tells
            continue
        documents.append(document)
        names.append(name)
        label = source_label(document.source.path, plan.out_dir)
        inputs[name] = Inputs(fingerprinter.fingerprint(document), label, reused.recorded.check)
    return intact, dataclasses.replace(todo, documents=documents, names=names)
