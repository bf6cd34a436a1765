"""An editor over a copy of the seed data, reached through Starlette's test client."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from sk_generator.web.app import Settings, create_app
from tests.conftest import DATA

TOKEN = "kunci-uji-123"
PORT = 8765
ORIGIN = f"http://127.0.0.1:{PORT}"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    return folder


@pytest.fixture
def client(data: Path, tmp_path: Path) -> Iterator[TestClient]:
    app = create_app(Settings(root=data, out_dir=tmp_path / "output", token=TOKEN, port=PORT))
    with TestClient(app, base_url=ORIGIN, headers={"origin": ORIGIN}) as test_client:
        yield test_client


def url(path: str) -> str:
    return f"/{TOKEN}{path}"


def post_form(client: TestClient, path: str, fields: list[tuple[str, str]], **kw: object):  # type: ignore[no-untyped-def]
    """POST fields in order, repeated names kept (as a browser sends a form)."""
    from urllib.parse import urlencode

    headers = {"content-type": "application/x-www-form-urlencoded"}
    return client.post(url(path), content=urlencode(fields), headers=headers, **kw)  # type: ignore[arg-type]
