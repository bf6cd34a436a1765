"""Run the editor: bind 127.0.0.1 only, make the token, serve until interrupted.

The socket is bound before the app is made, so the Host check knows the real port even
when the system picks it (``--port 0``). Uvicorn runs the app; on Ctrl+C or SIGTERM it
stops, and the app's shutdown closes the preview LibreOffice and removes its files; a
SIGHUP (the terminal closed) takes the same way out.
"""

from __future__ import annotations

import contextlib
import signal
import socket
import threading
import webbrowser
from collections.abc import Callable, Iterator
from pathlib import Path

import uvicorn

from sk_generator.errors import UserError
from sk_generator.web.app import Settings, create_app
from sk_generator.web.security import new_token

HOST = "127.0.0.1"


def bind(port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((HOST, port))
    except OSError:
        sock.close()
        raise UserError(
            f"port {port} sudah dipakai program lain; pilih yang lain dengan --port"
        ) from None
    sock.listen(64)
    return sock


class _Server(uvicorn.Server):
    """uvicorn's server, also stopping gracefully on SIGHUP (the terminal was closed).

    uvicorn handles SIGINT and SIGTERM: it stops serving, runs the app's shutdown (which
    closes the preview LibreOffice and removes its folders), then raises the signal again
    with the previous handler. SIGHUP's default would end the process on the spot,
    leaving LibreOffice (in its own process group) running and its folders in TMPDIR;
    here it takes the same way out and ends the process with SIGHUP after the cleanup.
    """

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        hangup = getattr(signal, "SIGHUP", None)
        if hangup is None or threading.current_thread() is not threading.main_thread():
            with super().capture_signals():
                yield
            return
        previous = signal.signal(hangup, self.handle_exit)
        try:
            with super().capture_signals():
                yield
        finally:
            signal.signal(hangup, previous)
        if hangup in self._captured_signals:
            signal.raise_signal(hangup)


def serve(
    root: Path,
    *,
    port: int,
    out_dir: Path,
    ready: Callable[[str], None],
    open_browser: bool = True,
    soffice: str | None = None,
    uno_python: str | None = None,
) -> None:
    """Serve the editor over `root` until interrupted; `ready` receives the address."""
    if not root.is_dir():
        raise UserError(f"folder data '{root}' tidak ditemukan")
    sock = bind(port)
    actual = sock.getsockname()[1]
    token = new_token()
    settings = Settings(root, out_dir, token, actual, soffice=soffice, uno_python=uno_python)
    app = create_app(settings)
    url = f"http://{HOST}:{actual}/{token}/"
    server = _Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    ready(url)
    if open_browser:
        threading.Timer(0.5, webbrowser.open, args=(url,)).start()
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
