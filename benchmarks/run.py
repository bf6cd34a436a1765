"""Build benchmark: `python benchmarks/run.py [--n 100]` (not part of the test suite).

`python benchmarks/run.py --scale [--n 1000]` runs the scale benchmark instead
(benchmarks/scale.py: 1,000 documents, no-op and one-edit rebuilds, linearity, the
pipeline against conversion alone, unoserver; see docs/benchmarks.md).

Generates N synthetic SKs, each with one SOP of 12 steps (benchmarks/synth.py), and
reports in one run:

  (a) `sk-generator build` wall time for all of them (DOCX, PDFs and bundles);
  (b) the same DOCX files converted with one soffice process per file;
  (c) the same DOCX files converted by one bare soffice call;
  (d) DOCX rendering alone, in SK+SOP pairs per second;
  (e) peak memory (RSS) of the Python process of (a) (soffice not included).

Targets: (a) <= 0.15 x (b); (a) <= 0.8 x (c); (d) >= 20 pairs/s; (e) < 300 MB.
(b) and (c) use one persistent, warmed-up LibreOffice profile, as a user's plain soffice
would. `--markdown FILE` also writes the results as a Markdown section.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.scale import markdown as scale_markdown  # noqa: E402
from benchmarks.scale import run_scale  # noqa: E402
from benchmarks.synth import write_dataset  # noqa: E402

TARGETS = {"a_over_b": 0.15, "a_over_c": 0.8, "render_rate": 20.0, "rss_mb": 300.0}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, help="number of SKs (default 100; 1000 with --scale)")
    parser.add_argument("--scale", action="store_true", help="the scale benchmark (issue 15)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of (a) and (c); median")
    parser.add_argument("--skip-b", action="store_true", help="skip (b) (slow: ~1 s/file)")
    parser.add_argument("--breakdown", action="store_true", help="time build() stages")
    parser.add_argument("--markdown", type=Path, help="write a Markdown report here")
    parser.add_argument("--keep", type=Path, help="keep the generated data and output here")
    args = parser.parse_args()

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("soffice not found: sudo apt-get install libreoffice-writer-nogui", file=sys.stderr)
        return 3
    work = Path(tempfile.mkdtemp(prefix="sk-bench-")) if args.keep is None else args.keep
    work.mkdir(parents=True, exist_ok=True)
    if args.scale:
        return scale(args, work, soffice)
    args.n = args.n or 100
    data = work / "data"
    write_dataset(data, args.n)
    results: dict[str, object] = {"n": args.n, "machine": machine(soffice)}
    log(f"{args.n} SK + SOP in {data}")

    # (a) the real command, in its own Python process (its RSS is (e)).
    runs = []
    for attempt in range(args.repeat):
        out = work / f"output-{attempt}"
        shutil.rmtree(out, ignore_errors=True)
        seconds, rss_kb = run_build(data, out)
        runs.append((seconds, rss_kb))
        log(f"(a) sk-generator build: {seconds:.1f} s, peak RSS {rss_kb / 1024:.0f} MB")
    a = statistics.median(s for s, _ in runs)
    rss_mb = max(r for _, r in runs) / 1024
    out = work / "output-0"
    docx = sorted(out.rglob("*.docx"))
    bundles = sorted(out.rglob("*.manifest.json"))
    pages = sum(json.loads(m.read_text())["page_count"] for m in bundles)
    results.update(a=a, a_runs=[s for s, _ in runs], rss_mb=rss_mb, docx=len(docx), pages=pages)
    log(f"    {len(docx)} DOCX, {len(bundles)} bundles, {pages} pages")

    # The same DOCX, flat with unique names (soffice names each PDF after its input).
    flat = work / "flat"
    shutil.rmtree(flat, ignore_errors=True)
    flat.mkdir()
    for index, path in enumerate(docx):
        shutil.copyfile(path, flat / f"{index:05d}-{path.stem}.docx")
    inputs = sorted(flat.glob("*.docx"))
    profile = work / "profile"
    bare(soffice, profile, inputs[:1], work / "warmup")  # create and warm the profile

    c_runs = []
    for attempt in range(args.repeat):
        pdf_dir = work / f"bare-{attempt}"
        seconds = bare(soffice, profile, inputs, pdf_dir)
        made = len(list(pdf_dir.glob("*.pdf")))
        c_runs.append(seconds)
        log(f"(c) one soffice call: {seconds:.1f} s ({made} PDFs)")
    c = statistics.median(c_runs)
    results.update(c=c, c_runs=c_runs)
    # (c') the same call with the export options build uses (lossless images).
    from sk_generator.pdf.soffice import FILTER

    c2 = bare(soffice, profile, inputs, work / "bare-options", FILTER)
    results["c_options"] = c2
    log(f"(c') one soffice call, build's export options: {c2:.1f} s")

    if not args.skip_b:
        pdf_dir = work / "each"
        started = time.perf_counter()
        for path in inputs:
            bare(soffice, profile, [path], pdf_dir)
        b = time.perf_counter() - started
        log(f"(b) one soffice per file: {b:.1f} s")
        results["b"] = b

    rate, render_seconds = render_rate(data)
    results.update(render_rate=rate, render_seconds=render_seconds)
    log(f"(d) rendering: {rate:.1f} SK+SOP pairs/s ({render_seconds:.2f} s for {args.n})")
    cold, _seconds = render_rate(data, cold=True)
    results["render_rate_cold"] = cold
    log(f"(d') rendering, per-process caches emptied before each document: {cold:.1f} pairs/s")

    if args.breakdown:
        results["stages"] = stages(data, work / "output-stages")
        log(f"    build() stages: {results['stages']}")

    report = markdown(results)
    print(report)
    if args.markdown:
        args.markdown.write_text(report, encoding="utf-8")
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def scale(args: argparse.Namespace, work: Path, soffice: str) -> int:
    started = time.perf_counter()
    results = run_scale(work, args.n or 1000, log)
    report = scale_markdown(results)
    info = "; ".join(f"{k}: {v}" for k, v in machine(soffice).items())
    report += f"\nMachine: {info}. Whole run: {time.perf_counter() - started:.0f} s.\n"
    print(report)
    if args.markdown:
        args.markdown.write_text(report, encoding="utf-8")
        args.markdown.with_suffix(".json").write_text(json.dumps(results, indent=1))
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def run_build(data: Path, out: Path) -> tuple[float, int]:
    """Wall time of `sk-generator build` in a fresh interpreter, and its peak RSS (KiB)."""
    rss_file = out.parent / "rss.txt"
    command = [sys.executable, str(Path(__file__).with_name("_child.py")), str(rss_file)]
    command += ["build", str(data), "-o", str(out), "--quiet"]
    started = time.perf_counter()
    subprocess.run(command, check=True, cwd=ROOT)
    seconds = time.perf_counter() - started
    return seconds, int(rss_file.read_text())


def bare(soffice: str, profile: Path, inputs: list[Path], out: Path, export: str = "pdf") -> float:
    command = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless"]
    command += ["--convert-to", export, "--outdir", str(out), *map(str, inputs)]
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def render_rate(data: Path, *, cold: bool = False) -> tuple[float, float]:
    """SK+SOP pairs rendered per second, in this process (loading and checks excluded).

    `cold` empties the caches that carry work from one document to the next (painted
    flowchart rows and tiles, compressed package parts, measured line counts) before
    each document: the rate for documents that share nothing.
    """
    from sk_generator.checks import check as check_data
    from sk_generator.render import flowdraw, measure, package, render_document

    documents = check_data([data]).documents
    started = time.perf_counter()
    for document in documents:
        if cold:
            flowdraw.clear_caches()
            package.clear_cache()
            measure.line_count.cache_clear()
        render_document(document)
    seconds = time.perf_counter() - started
    return len(documents) / seconds, seconds


def stages(data: Path, out: Path) -> dict[str, float]:
    """Seconds from the start of build() to the first event of each stage, and the end."""
    from sk_generator.build import Progress, build

    marks: dict[str, float] = {}
    started = time.perf_counter()

    def progress(event: Progress) -> None:
        marks.setdefault(event.stage, time.perf_counter() - started)

    build([data], out, progress=progress)
    marks["end"] = time.perf_counter() - started
    return {k: round(v, 2) for k, v in marks.items()}


def machine(soffice: str) -> dict[str, str]:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "?"
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{kb / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    version = subprocess.run(
        [soffice, "--version"], capture_output=True, text=True, check=False
    ).stdout.strip()
    import pypdf

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {
        "cpu": f"{cpu}, {cores} cores available",
        "memory": memory,
        "os": platform.platform(),
        "python": platform.python_version(),
        "libreoffice": version,
        "pypdf": pypdf.__version__,
    }


def markdown(r: dict[str, object]) -> str:
    def num(key: str) -> float:
        value = r.get(key)
        return float(value) if isinstance(value, int | float) else float("nan")

    a, b, c = num("a"), num("b"), num("c")
    rows = [
        ("(a) `sk-generator build` (DOCX+PDF+bundle)", f"{a:.1f} s", ""),
        ("(b) one soffice process per file", f"{b:.1f} s", f"(a)/(b) = {a / b:.3f} (<= 0.15)"),
        ("(c) one bare soffice call", f"{c:.1f} s", f"(a)/(c) = {a / c:.2f} (<= 0.8)"),
        (
            "(c') one soffice call with build's export options",
            f"{num('c_options'):.1f} s",
            f"(a)/(c') = {a / num('c_options'):.2f}",
        ),
        ("(d) DOCX rendering alone (one process)", f"{num('render_rate'):.1f} pairs/s", "(>= 20)"),
        (
            "(d') the same, caches emptied before each document",
            f"{num('render_rate_cold'):.1f} pairs/s",
            "",
        ),
        ("(e) peak RSS of the Python process", f"{num('rss_mb'):.0f} MB", "(< 300 MB)"),
    ]
    machine_info = r["machine"]
    assert isinstance(machine_info, dict)
    lines = [
        f"N = {r['n']} SK + SOP ({r.get('docx')} DOCX, {r.get('pages')} bundle pages)",
        "",
        "| measure | result | target |",
        "|---|---|---|",
        *(f"| {m} | {v} | {t} |" for m, v, t in rows),
        "",
        "Machine: " + "; ".join(f"{k}: {v}" for k, v in machine_info.items()),
    ]
    if len(r.get("a_runs", [])) > 1:  # type: ignore[arg-type]
        lines.append(f"Runs of (a): {r['a_runs']}; runs of (c): {r['c_runs']}")
    if "stages" in r:
        lines.append(f"build() stage start times (s): {r['stages']}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
