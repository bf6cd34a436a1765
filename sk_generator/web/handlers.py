"""Route handlers: each reads the request, calls the library, renders one page or answer."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2.sandbox import SandboxedEnvironment
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response

from sk_generator.build import build
from sk_generator.errors import DataError, UserError
from sk_generator.skeleton import DinasBaru, DokumenBaru, new_dinas, new_keputusan, new_sop
from sk_generator.web import actions
from sk_generator.web.checking import DraftCheck, check_draft, check_file
from sk_generator.web.forms import parse_form, spec_for
from sk_generator.web.preview import Previewer
from sk_generator.web.view import EditView
from sk_generator.web.workspace import OutsideFolder, Workspace
from sk_generator.web.yamledit import StaleFile, Unreadable, open_file, save
from sk_generator.yaml_source import Source, YamlProblem, parse_source

_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,80}$")


@dataclass
class State:
    workspace: Workspace
    out_dir: Path
    env: SandboxedEnvironment
    previewer: Previewer
    base: str
    today: Callable[[], dt.date]
    soffice: str | None = None
    #: The saved file's positions by path, with the version they were parsed from.
    positions: dict[Path, tuple[str, Source | None]] = field(default_factory=dict)

    def page(self, template: str, *, status: int = 200, **context: Any) -> HTMLResponse:
        html = self.env.get_template(template).render(base=self.base, **context)
        return HTMLResponse(html, status_code=status)

    def link(self, path: str, **query: str) -> str:
        args = "&".join(f"{k}={quote(v)}" for k, v in query.items())
        return f"{self.base}{path}" + (f"?{args}" if args else "")


async def beranda(state: State, request: Request) -> Response:
    return state.page(
        "beranda.html",
        dinas=state.workspace.dinas(),
        katalog=state.workspace.catalog(),
        pesan=request.query_params.get("pesan", ""),
    )


# ------------------------------------------------------------------ editing


def _target(state: State, request: Request) -> tuple[str, Path, str]:
    berkas = request.query_params.get("berkas", "")
    path = state.workspace.resolve(berkas)
    kind = state.workspace.kind_of(path)
    if kind is None:
        raise OutsideFolder(berkas)
    return berkas, path, kind


async def ubah(state: State, request: Request) -> Response:
    berkas, path, kind = _target(state, request)
    if request.method == "GET":
        return await run_in_threadpool(_show_file, state, berkas, path, kind, request)
    form = await request.form()
    items = [(k, v) for k, v in form.multi_items() if isinstance(v, str)]
    return await run_in_threadpool(_post_file, state, berkas, path, kind, items, request)


def _show_file(state: State, berkas: str, path: Path, kind: str, request: Request) -> Response:
    opened = open_file(path)
    data, checks = check_file(path)
    if data is None:
        lines = [shown.line for shown in checks.at("")]
        return state.page(
            "galat.html",
            status=422,
            judul="Berkas tidak dapat dibaca",
            pesan="\n".join(lines) + "\nPerbaiki dengan editor teks, lalu buka lagi.",
        )
    notice = "Tersimpan." if request.query_params.get("tersimpan") else ""
    return _editor(state, berkas, path, kind, data, checks, opened.version, notice=notice)


def _check_draft(state: State, path: Path, data: Any) -> DraftCheck:
    """Check a draft with the positions of the saved file (parsed once per version)."""
    opened = open_file(path)
    cached = state.positions.get(path)
    if cached is None or cached[0] != opened.version:
        try:
            cached = (opened.version, parse_source(path, opened.text))
        except YamlProblem:
            cached = (opened.version, None)
        state.positions[path] = cached
    return check_draft(path, opened.text, data, like=cached[1])


def _post_file(
    state: State, berkas: str, path: Path, kind: str, items: list[tuple[str, str]], request: Request
) -> Response:
    fields = dict(items)
    version = fields.get("_versi", "")
    action = fields.get("_aksi", "periksa")
    spec = spec_for(kind)
    data = parse_form(spec, items)
    fragment = request.headers.get("x-bagian") == "formulir"
    if action == "simpan":
        try:
            save(path, version, data)
        except StaleFile:
            checks = _check_draft(state, path, data)
            return _editor(
                state, berkas, path, kind, data, checks, version, status=409, conflict=True
            )
        except Unreadable as exc:
            raise UserError(f"berkas tidak dapat disimpan: {exc}") from None
        return RedirectResponse(state.link("/ubah", berkas=berkas, tersimpan="1"), 303)
    if action != "periksa":
        try:
            data = actions.apply(spec, data, action, today=state.today())
        except actions.BadAction:
            raise UserError(f"tindakan '{action}' tidak dikenal") from None
    checks = _check_draft(state, path, data)
    return _editor(state, berkas, path, kind, data, checks, version, fragment=fragment)


def _editor(
    state: State,
    berkas: str,
    path: Path,
    kind: str,
    data: Any,
    checks: DraftCheck,
    version: str,
    *,
    status: int = 200,
    notice: str = "",
    conflict: bool = False,
    fragment: bool = False,
) -> Response:
    spec = spec_for(kind)
    view = EditView.for_file(
        path, spec, data, checks, base="", berkas=berkas, kind=kind, version=version
    )
    template = "formulir.html" if fragment else "ubah.html"
    return state.page(
        template,
        status=status,
        v=view,
        spec=spec,
        data=data,
        notice=notice,
        conflict=conflict,
        dokumen=kind in ("keputusan", "sop"),
    )


async def periksa(state: State, request: Request) -> Response:
    _, path, kind = _target(state, request)
    form = await request.form()
    items = [(k, v) for k, v in form.multi_items() if isinstance(v, str)]

    def run() -> DraftCheck:
        data = parse_form(spec_for(kind), items)
        return _check_draft(state, path, data)

    checks = await run_in_threadpool(run)
    return JSONResponse(checks.as_json())


# ------------------------------------------------------------------ creating


async def baru(state: State, request: Request) -> Response:
    form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    jenis = form.get("jenis", "")
    values = {k: (form.get(k) or "").strip() or None for k in ("nama", "daerah", "kota", "judul")}
    folder_rel = form.get("folder", "").strip()
    name = (form.get("nama_berkas") or "").strip().lower()
    if not _NAME.match(name):
        raise UserError(
            "nama berkas/folder hanya boleh huruf kecil, angka, titik, garis bawah dan strip, "
            "mis. sk-sop-pelayanan"
        )
    today = state.today()
    if jenis == "dinas":
        folder = state.workspace.folder(name)
        dinas = DinasBaru(nama=values["nama"], daerah=values["daerah"], kota=values["kota"])
        await run_in_threadpool(new_dinas, folder, dinas)
        target = folder / "instansi.yaml"
    elif jenis in ("sk", "sop"):
        folder = state.workspace.folder(folder_rel)
        file = folder / (name if name.endswith(".yaml") else f"{name}.yaml")
        doc = DokumenBaru(judul=values["judul"])
        make = new_keputusan if jenis == "sk" else new_sop
        await run_in_threadpool(lambda: make(file, doc, today=today))
        target = file
    else:
        raise UserError(f"jenis '{jenis}' tidak dikenal; pilih dinas, sk atau sop")
    return RedirectResponse(state.link("/ubah", berkas=state.workspace.relative(target)), 303)


# ------------------------------------------------------------------ preview and print


async def pratinjau(state: State, request: Request) -> Response:
    berkas, path, _ = _target(state, request)
    try:
        preview = await run_in_threadpool(state.previewer.preview, path)
    except DataError as exc:
        lines = [i.format() for i in exc.issues if i.is_error]
        return state.page("pratinjau.html", status=422, preview=None, berkas=berkas, galat=lines)
    return state.page("pratinjau.html", preview=preview, berkas=berkas, galat=[])


async def halaman(state: State, request: Request) -> Response:
    image = state.previewer.image(request.path_params["pid"], request.path_params["name"])
    if image is None:
        return Response("Halaman tidak ditemukan.", status_code=404)
    return FileResponse(image, media_type="image/jpeg")


async def cetak(state: State, request: Request) -> Response:
    berkas, path, _ = _target(state, request)
    try:
        result = await run_in_threadpool(
            lambda: build([path], state.out_dir, soffice=state.soffice)
        )
    except DataError as exc:
        lines = [i.format() for i in exc.issues if i.is_error]
        if any(i.code == "DITETAPKAN" for i in exc.issues):
            lines += str(exc).splitlines()[1:]  # a signed document's changes, as `beda`
        return state.page("cetak.html", status=422, berkas=berkas, berkas_hasil=[], galat=lines)
    out = state.out_dir.resolve()
    files = [
        (f.relative_to(out).as_posix(), f.name, describe(f.name), f.stat().st_size)
        for f in result.files
    ]
    files.sort(key=lambda f: (_ORDER.index(f[2].split(" — ")[-1]), f[0]))
    return state.page(
        "cetak.html",
        berkas=berkas,
        berkas_hasil=files,
        galat=[],
        folder=str(out),
        detik=f"{result.seconds:.1f}".replace(".", ","),
    )


_ORDER = ("berkas cetak gabungan (PDF)", "PDF", "DOCX, dapat diubah di Word", "daftar isi (JSON)")


def describe(name: str) -> str:
    """What a built file is, in the words of the Cetak page."""
    if name.endswith(".manifest.json"):
        return "Berkas cetak — daftar isi (JSON)"
    if name.endswith(".pdf") and "_" in name:
        return "Semua bagian — berkas cetak gabungan (PDF)"
    stem, _, suffix = name.rpartition(".")
    part = stem.replace("lampiran-", "Lampiran ").replace("keputusan", "Keputusan")
    part = part.replace("sop", "SOP") if part == "sop" else part
    kind = "PDF" if suffix == "pdf" else "DOCX, dapat diubah di Word"
    return f"{part} — {kind}"


async def unduh(state: State, request: Request) -> Response:
    wanted = request.query_params.get("berkas", "")
    out = state.out_dir.resolve()
    target = (out / wanted).resolve()
    if not wanted or not target.is_relative_to(out) or not target.is_file():
        return Response("Berkas tidak ditemukan.", status_code=404)
    if target.suffix not in (".pdf", ".docx", ".json"):
        return Response("Berkas tidak ditemukan.", status_code=404)
    return FileResponse(target, filename=target.name)
