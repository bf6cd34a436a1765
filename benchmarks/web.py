"""Editor benchmark: `python benchmarks/web.py` (not part of the test suite).

Measures the two waits a staff member feels in `sk-generator web`:

  (f) Simpan on the 45-step SOP fixture (tests/data/sop/besar): the form posted with one
      waktu changed, the file written, and the editor page answered again with every
      check of the saved file beside its field (the POST and the GET it redirects to);
      also the live check alone (what each pause in typing costs);
  (g) the preview of an SK with one SOP lampiran (data/sintang) with LibreOffice warm:
      render, convert both parts, rasterise every page. The first (cold) preview is
      reported apart.

Targets: (f) < 300 ms; (g) warm < 3 s. `--repeat N` runs each N times (median).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from starlette.testclient import TestClient  # noqa: E402

from sk_generator.web.app import Settings, create_app  # noqa: E402
from tests.web.formparse import form_fields, replace  # noqa: E402

TARGETS = {"save_check_ms": 300.0, "preview_warm_s": 3.0}
PORT = 8765
ORIGIN = f"http://127.0.0.1:{PORT}"


def _client(root: Path, out: Path) -> TestClient:
    app = create_app(Settings(root=root, out_dir=out, token="t", port=PORT))
    return TestClient(app, base_url=ORIGIN, headers={"origin": ORIGIN})


def _post(client: TestClient, path: str, fields: list[tuple[str, str]]) -> object:
    headers = {"content-type": "application/x-www-form-urlencoded"}
    return client.post(f"/t{path}", content=urlencode(fields), headers=headers)


def save_and_check(work: Path, repeat: int) -> dict[str, float]:
    root = work / "sop"
    shutil.copytree(ROOT / "tests" / "data" / "sop", root)
    berkas = "besar/sop-besar.yaml"
    saves, checks, cpu = [], [], []
    with _client(root, work / "out") as client:
        for attempt in range(repeat + 1):
            page = client.get(f"/t/ubah?berkas={berkas}")
            fields = replace(form_fields(page.text), "langkah/2/waktu", f"{attempt + 20} menit")
            started, started_cpu = time.perf_counter(), time.process_time()
            answer = _post(client, f"/ubah?berkas={berkas}", [*fields, ("_aksi", "simpan")])
            saved = time.perf_counter() - started
            saved_cpu = time.process_time() - started_cpu
            assert answer.status_code == 200 and "Tersimpan." in answer.text  # type: ignore[attr-defined]
            started = time.perf_counter()
            _post(client, f"/periksa?berkas={berkas}", fields)
            checked = time.perf_counter() - started
            if attempt:  # the first run imports and warms caches
                saves.append(saved * 1000)
                checks.append(checked * 1000)
                cpu.append(saved_cpu * 1000)
    return {
        "save_check_ms": statistics.median(saves),
        "save_check_cpu_ms": statistics.median(cpu),
        "check_ms": statistics.median(checks),
    }


def preview(work: Path, repeat: int) -> dict[str, float]:
    root = work / "data"
    shutil.copytree(ROOT / "data", root)
    berkas = "sintang/sk-sop-data-kinerja.yaml"
    times = []
    with _client(root, work / "out") as client:
        for _ in range(repeat + 1):
            started = time.perf_counter()
            answer = _post(client, f"/pratinjau?berkas={berkas}", [])
            times.append(time.perf_counter() - started)
            assert answer.status_code == 200 and "page-img" in answer.text  # type: ignore[attr-defined]
    return {"preview_cold_s": times[0], "preview_warm_s": statistics.median(times[1:])}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each (median)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sk-bench-web-") as tmp:
        results = save_and_check(Path(tmp), args.repeat)
        results.update(preview(Path(tmp), args.repeat))
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(
        f"(f) Simpan + checks, 45-step SOP: {results['save_check_ms']:.0f} ms "
        f"(CPU {results['save_check_cpu_ms']:.0f} ms; target < "
        f"{TARGETS['save_check_ms']:.0f} ms); live check alone {results['check_ms']:.0f} ms"
    )
    print(
        f"(g) preview SK + SOP: warm {results['preview_warm_s']:.2f} s "
        f"(target < {TARGETS['preview_warm_s']:.0f} s); first (cold) "
        f"{results['preview_cold_s']:.2f} s"
    )
    met = (
        results["save_check_ms"] < TARGETS["save_check_ms"]
        and results["preview_warm_s"] < TARGETS["preview_warm_s"]
    )
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
