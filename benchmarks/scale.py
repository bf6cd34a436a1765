"""Scale benchmark (issue 15): `python benchmarks/run.py --scale [--n 1000]`.

All in one run, on the same machine state, each build in a fresh interpreter:

  (s1) `sk-generator build` of N SK+SOP (the full build) and its peak RSS;
  (s2) the build of N/10 of the same documents, twice (median): linearity is
       (s1) / (10 x (s2)) for N = 1,000;
  (s3) the no-op rebuild of (s1) (nothing changed) and (s4) the rebuild after one waktu
       changed in one SOP, with the files each one changed;
  (s5) the conversion alone of (s1)'s DOCX files with `sk_generator.pdf.convert` and the
       same number of LibreOffice processes (the pipeline target: (s1) <= 1.15 x (s5));
  (s6) the N/10 build through two local unoserver instances vs (s2), the local batch;
  and the cost model: check ms/doc, render ms/doc (one core), convert ms/page per core,
  merge and write ms/doc.
"""

from __future__ import annotations

import hashlib
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.synth import write_dataset

TARGETS = {"noop": 0.02, "edit": 0.03, "linear": 1.1, "pipeline": 1.15, "rss_mb": 300.0}
ROOT = Path(__file__).resolve().parent.parent
#: The SOP step whose waktu (s4) changes: in the middle of the catalogue.
_EDIT_FROM, _EDIT_TO = "waktu: 2 jam", "waktu: 3 jam"


def run_scale(work: Path, n: int, log: Callable[[str], None]) -> dict[str, object]:
    small = max(1, n // 10)
    data, data_small = work / "data", work / "data-small"
    write_dataset(data, n)
    write_dataset(data_small, small)
    r: dict[str, object] = {"n": n, "n_small": small}
    s2 = [_build(data_small, work / f"out-small-{i}")[0] for i in range(2)]
    r["small"], r["small_runs"] = statistics.median(s2), s2
    log(f"(s2) build of {small}: {s2} s")
    out = work / "out"
    r["full"], rss = _build(data, out)
    r["rss_mb"] = rss / 1024
    docx = sorted(out.rglob("*.docx"))
    manifests = sorted(out.rglob("*.manifest.json"))
    r["docx"] = len(docx)
    r["pages"] = sum(json.loads(m.read_text())["page_count"] for m in manifests)
    log(f"(s1) build of {n}: {r['full']:.1f} s, peak RSS {r['rss_mb']:.0f} MB, {r['pages']} pages")
    before = _snapshot(out)
    r["noop"], _ = _build(data, out)
    r["noop_changed"] = _changed(before, _snapshot(out))
    log(f"(s3) no-op rebuild: {r['noop']:.1f} s, {_summary(r['noop_changed'])}")  # type: ignore[arg-type]
    edited = _edit_one(data, n)
    before = _snapshot(out)
    r["edit"], _ = _build(data, out)
    r["edit_changed"] = _changed(before, _snapshot(out))
    r["edited"] = edited
    log(f"(s4) one-edit rebuild ({edited}): {r['edit']:.1f} s, {_summary(r['edit_changed'])}")  # type: ignore[arg-type]
    r["convert"], r["convert_processes"] = _convert_only(docx, work / "convert")
    log(f"(s5) conversion alone: {r['convert']:.1f} s ({r['convert_processes']} processes)")
    r["uno"] = _through_unoserver(data_small, work / "out-uno", log)
    r.update(_cost_model(data_small, work / "out-small-0"))
    return r


def _build(data: Path, out: Path) -> tuple[float, int]:
    """Wall time of `sk-generator build DATA -o OUT --quiet` and its peak RSS (KiB)."""
    return _child_build(data, out, [])


def _child_build(data: Path, out: Path, extra: list[str]) -> tuple[float, int]:
    rss = out.parent / f"rss-{out.name}.txt"
    command = [sys.executable, str(ROOT / "benchmarks" / "_child.py"), str(rss)]
    command += ["build", str(data), "-o", str(out), "--quiet", *extra]
    started = time.perf_counter()
    subprocess.run(command, check=True, cwd=ROOT)
    return time.perf_counter() - started, int(rss.read_text())


def _snapshot(out: Path) -> dict[str, tuple[int, str]]:
    """Every output file: (mtime in ns, SHA-256), to tell what a rebuild touched."""
    return {
        str(path.relative_to(out)): (path.stat().st_mtime_ns, _digest(path))
        for path in sorted(out.rglob("*"))
        if path.is_file()
    }


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _changed(before: dict[str, tuple[int, str]], after: dict[str, tuple[int, str]]) -> list[str]:
    """Files added, removed, rewritten or changed (a rewrite with equal bytes counts)."""
    return sorted(
        name for name in before.keys() | after.keys() if before.get(name) != after.get(name)
    )


def _summary(changed: list[str]) -> str:
    """ "N files in M folders", and the files themselves when they are few."""
    folders = sorted({name.split("/", 1)[0] for name in changed})
    text = f"{len(changed)} files changed in {len(folders)} document folders"
    if 0 < len(folders) <= 2:
        text += ": " + ", ".join(f"`{name}`" for name in changed)
    return text


def _edit_one(data: Path, n: int) -> str:
    path = data / f"sk-{max(1, n // 2):04d}.yaml"
    text = path.read_text(encoding="utf-8")
    assert _EDIT_FROM in text, path
    path.write_text(text.replace(_EDIT_FROM, _EDIT_TO, 1), encoding="utf-8")
    return path.name


_CONVERT = """
import sys, time
from pathlib import Path
from sk_generator.pdf import ConversionJob, convert, available_cores
sources = [Path(line) for line in Path(sys.argv[1]).read_text().splitlines()]
out = Path(sys.argv[2])
jobs = [ConversionJob(s, out / f"{i:05d}.pdf", s.name) for i, s in enumerate(sources)]
started = time.perf_counter()
result = convert(jobs)
seconds = time.perf_counter() - started
assert result.ok, result.failures
print(seconds, available_cores())
"""


def _convert_only(docx: list[Path], out: Path) -> tuple[float, int]:
    """The same DOCX through sk_generator.pdf.convert (one process per core, batches as
    in a build), in a fresh interpreter; the conversion call alone is timed."""
    out.mkdir(parents=True)
    listing = out / "sources.txt"
    listing.write_text("\n".join(map(str, docx)))
    done = subprocess.run(
        [sys.executable, "-c", _CONVERT, str(listing), str(out)],
        check=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    seconds, processes = done.stdout.split()
    return float(seconds), int(processes)


def _through_unoserver(data: Path, out: Path, log: Callable[[str], None]) -> float | None:
    from tests import unoservers

    if not unoservers.available():
        log("(s6) skipped: unoserver needs python3-uno")
        return None
    with unoservers.running(2) as servers:
        extra = ["--konverter", "unoserver"]
        for server in servers:
            extra += ["--server", server.address]
        seconds, _ = _child_build(data, out, extra)
    log(f"(s6) build through two unoserver instances: {seconds:.1f} s")
    return seconds


def _cost_model(data: Path, out: Path) -> dict[str, float]:
    """Per-document costs of the Python steps, in this process, on one core: load and
    check, render, and assemble (merge the bundle, manifest, metadata; in memory)."""
    from pypdf import PdfReader

    from sk_generator.build import output_names
    from sk_generator.build.assemble import assemble
    from sk_generator.build.rendering import StagedPart
    from sk_generator.checks import check
    from sk_generator.render import render_document

    started = time.perf_counter()
    documents = check([data]).documents
    check_ms = 1000 * (time.perf_counter() - started) / len(documents)
    started = time.perf_counter()
    rendered = [render_document(document) for document in documents]
    render_ms = 1000 * (time.perf_counter() - started) / len(documents)
    names = output_names(documents)
    staged, pages = [], {}
    for name, parts in zip(names, rendered, strict=True):
        folder = out / name
        staged.append(
            [
                StagedPart(p.role, p.label, p.suffix, folder / f"{p.suffix}.docx", p.expected_pages)
                for p in parts
            ]
        )
        for part in staged[-1]:
            pdf = part.docx.with_suffix(".pdf")
            pages[pdf] = len(PdfReader(pdf).pages)
    formats = frozenset({"docx", "pdf", "bundle"})
    started = time.perf_counter()
    for document, name, parts in zip(documents, names, staged, strict=True):
        assemble(document, name, parts, pages, formats, duplex=False, pdfa=False)  # type: ignore[arg-type]
    merge_ms = 1000 * (time.perf_counter() - started) / len(documents)
    return {"check_ms": check_ms, "render_ms": render_ms, "merge_ms": merge_ms}


def markdown(r: dict[str, object]) -> str:
    def num(key: str) -> float:
        value = r.get(key)
        return float(value) if isinstance(value, int | float) else float("nan")

    n, small = int(num("n")), int(num("n_small"))
    full, convert = num("full"), num("convert")
    linear = full / (n / small * num("small"))
    cores = int(num("convert_processes"))
    per_page = 1000 * convert * cores / num("pages")
    uno = num("uno")

    def verdict(ok: bool) -> str:
        return "**yes**" if ok else "**no**"

    rows = [
        (f"(s1) full build, N = {n}", f"{full:.1f} s", "", ""),
        (f"(s2) build of {small} (median of 2)", f"{num('small'):.1f} s", "", ""),
        ("linearity (s1) / (N/n x (s2))", f"{linear:.3f}", "<= 1.1", verdict(linear <= 1.1)),
        (
            "(s3) no-op rebuild / (s1)",
            f"{num('noop') / full:.3f} ({num('noop'):.1f} s)",
            "<= 0.02",
            verdict(num("noop") / full <= 0.02),
        ),
        (
            "(s4) one-edit rebuild / (s1)",
            f"{num('edit') / full:.3f} ({num('edit'):.1f} s)",
            "<= 0.03",
            verdict(num("edit") / full <= 0.03),
        ),
        (f"(s5) conversion alone, {cores} LibreOffice processes", f"{convert:.1f} s", "", ""),
        (
            "pipeline (s1) / (s5)",
            f"{full / convert:.3f}",
            "<= 1.15",
            verdict(full / convert <= 1.15),
        ),
        (
            "peak RSS of the build's Python process",
            f"{num('rss_mb'):.0f} MB",
            "< 300 MB",
            verdict(num("rss_mb") < 300),
        ),
        (
            f"(s6) build of {small} through 2 local unoservers / (s2)",
            f"{uno / num('small'):.2f} ({uno:.1f} s)",
            "",
            "",
        ),
    ]
    lines = [
        f"N = {n} SK + SOP: {r['docx']} DOCX, {int(num('pages'))} bundle pages.",
        "",
        "| measure | result | target | met? |",
        "|---|---|---|---|",
        *(f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows),
        "",
        f"No-op rebuild: {_summary(r['noop_changed'])}.",  # type: ignore[arg-type]
        f"One-edit rebuild (one waktu in {r['edited']}): {_summary(r['edit_changed'])}.",  # type: ignore[arg-type]
        "",
        "Cost model (this machine, one core for the Python steps):",
        f"check {num('check_ms'):.1f} ms/doc, render {num('render_ms'):.1f} ms/doc, "
        f"merge {num('merge_ms'):.1f} ms/doc, convert {per_page:.0f} ms/page per core.",
    ]
    return "\n".join([*lines, "", *projection(r)]) + "\n"


def projection(r: dict[str, object], documents: int = 40_000) -> list[str]:
    """What `documents` SK+SOP like these would take, on paper, from the cost model:
    the check runs first on one core; then the build machine's 2 cores render and its
    main process merges and writes (one core), while S conversion servers of 2 cores
    (one unoserver per core) convert, at the per-page cost of (s5) times the unoserver
    overhead measured in (s6) / (s2)."""
    num = {k: float(v) for k, v in r.items() if isinstance(v, int | float)}
    pages_per_doc = num["pages"] / num["n"]
    per_page_core = num["convert"] * num["convert_processes"] / num["pages"]
    overhead = num.get("uno", num["small"]) / num["small"]
    check = documents * num["check_ms"] / 1000
    python = max(
        documents * num["merge_ms"] / 1000,
        documents * (num["render_ms"] + num["merge_ms"]) / 1000 / 2,
    )
    local = documents * pages_per_doc * per_page_core / 2
    lines = [
        f"Projection for {documents:,} SK+SOP ({pages_per_doc:.0f} pages each), hours:",
        "",
        "| conversion on | convert | build machine (check, then render + merge) | total |",
        "|---|---|---|---|",
        f"| this machine (2 cores) | {local / 3600:.1f} | {(check + python) / 3600:.1f} "
        f"| {(check + max(local, python)) / 3600:.1f} |",
    ]
    for servers in (1, 2, 4, 8, 16):
        convert = documents * pages_per_doc * per_page_core * overhead / (2 * servers)
        total = check + max(convert, python)
        lines.append(
            f"| {servers} server(s) x 2 cores | {convert / 3600:.1f} | "
            f"{(check + python) / 3600:.1f} | {total / 3600:.1f} |"
        )
    return lines
