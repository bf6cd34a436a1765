"""The editor's routes: thin handlers over the workspace, forms, checks, preview and build.

Server-side rendered pages (Jinja2, sandboxed, autoescaped, StrictUndefined); the small
script in ``static/editor.js`` only makes them quicker (checks while typing, list actions
without a full reload, the preview beside the form). Every route works without it.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import PackageLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from sk_generator.errors import SkError
from sk_generator.pdf.warm import WarmConverter
from sk_generator.web import handlers
from sk_generator.web.preview import Previewer
from sk_generator.web.security import Gate
from sk_generator.web.workspace import OutsideFolder, Workspace

STATIC = Path(__file__).with_name("static")


@dataclass
class Settings:
    root: Path
    out_dir: Path
    token: str
    port: int
    #: soffice executable (None: found on PATH) and the Python that has `uno`.
    soffice: str | None = None
    uno_python: str | None = None


def templates() -> SandboxedEnvironment:
    env = SandboxedEnvironment(
        loader=PackageLoader("sk_generator.web", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env


def create_app(settings: Settings, *, converter: WarmConverter | None = None) -> Any:
    """The editor as an ASGI app, wrapped in the token/Host/Origin gate."""
    scratch = tempfile.TemporaryDirectory(prefix="sk-generator-web-")
    converter = converter or WarmConverter(python=settings.uno_python, soffice=settings.soffice)
    state = handlers.State(
        workspace=Workspace(settings.root),
        out_dir=settings.out_dir,
        env=templates(),
        previewer=Previewer(Path(scratch.name), converter),
        base=f"/{settings.token}",
        soffice=settings.soffice,
        today=dt.date.today,
    )

    @asynccontextmanager
    async def lifespan(app: Starlette) -> Any:
        try:
            yield
        finally:
            converter.close()
            scratch.cleanup()

    def route(path: str, func: Any, methods: list[str]) -> Route:
        async def endpoint(request: Request) -> Response:
            try:
                return await func(state, request)
            except OutsideFolder:
                return state.page(
                    "galat.html",
                    status=404,
                    judul="Tidak ditemukan",
                    pesan="Berkas itu tidak ada di folder data editor ini.",
                )
            except SkError as exc:
                return state.page(
                    "galat.html", status=400, judul="Tidak dapat dilakukan", pesan=str(exc)
                )

        return Route(path, endpoint, methods=methods)

    app = Starlette(
        routes=[
            route("/", handlers.beranda, ["GET"]),
            route("/ubah", handlers.ubah, ["GET", "POST"]),
            route("/periksa", handlers.periksa, ["POST"]),
            route("/baru", handlers.baru, ["POST"]),
            route("/pratinjau", handlers.pratinjau, ["POST"]),
            route("/halaman/{pid}/{name}", handlers.halaman, ["GET"]),
            route("/cetak", handlers.cetak, ["POST"]),
            route("/unduh", handlers.unduh, ["GET"]),
            Mount("/statis", app=StaticFiles(directory=STATIC), name="statis"),
        ],
        lifespan=lifespan,
    )
    return Gate(app, token=settings.token, port=settings.port)
