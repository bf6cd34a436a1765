"""The editor's gate: a secret token in every URL, and Host and Origin checked.

The server listens on 127.0.0.1 only, but any web page the user opens could still send
requests to it: a token (random, printed once in the address) must open every path, so a
page that does not know it cannot read or change anything; the Host header must name the
loopback address and port (a DNS-rebinding page arrives with its own host name); and a
request that changes something must come from the editor's own origin. Every refusal is
a plain 403 page in Bahasa Indonesia that says why.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

_SAFE_METHODS = {"GET", "HEAD"}
#: Sent with every answer: no embedding in other sites, no outside scripts, no referrer
#: to other sites (the token is in the URL; "no-referrer" would also make the browser
#: send `Origin: null` on the editor's own forms), nothing cached on disk.
HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        b"frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"cache-control", b"no-store"),
]


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Gate:
    """ASGI middleware: refuses what the token, Host and Origin rules refuse; strips the
    token prefix (as the root path) from the routes underneath (``/ubah``)."""

    def __init__(self, app: ASGIApp, *, token: str, port: int) -> None:
        self.app = app
        self.token = token
        self.hosts = {f"127.0.0.1:{port}", f"localhost:{port}"}
        self.origins = {f"http://{host}" for host in self.hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self.app(scope, receive, send)
            return
        if scope["type"] != "http":
            await _refuse(send, "Jenis sambungan ini tidak dilayani.")
            return
        reason = self.refusal(scope)
        if reason:
            await _refuse(send, reason)
            return
        # ASGI's mount convention: the token is the app's root path, so the routes
        # underneath are plain ("/ubah") and static files resolve as usual.
        inner = dict(scope)
        inner["root_path"] = scope.get("root_path", "") + f"/{self.token}"

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *HEADERS]
            await send(message)

        await self.app(inner, receive, with_headers)

    def refusal(self, scope: Scope) -> str | None:
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        if headers.get("host", "") not in self.hosts:
            return (
                "Alamat (Host) tidak dikenal. Buka editor hanya lewat alamat yang dicetak "
                "oleh sk-generator web (http://127.0.0.1:...)."
            )
        path: str = scope["path"]
        given = path.split("/", 2)[1] if path.count("/") >= 1 else ""
        if not hmac.compare_digest(given.encode(), self.token.encode()):
            return (
                "Alamat ini tidak memuat kunci akses editor. Buka alamat lengkap yang dicetak "
                "oleh sk-generator web."
            )
        origin = headers.get("origin")
        if origin is not None and origin not in self.origins:
            return "Permintaan dari situs lain ditolak."
        if scope["method"] not in _SAFE_METHODS:
            if origin is None:
                return "Permintaan tanpa asal (Origin) ditolak; kirim formulir dari editor."
            if headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
                return "Permintaan dari situs lain ditolak."
        return None


async def _refuse(send: Send, reason: str) -> None:
    body = (
        "<!doctype html><html lang=id><meta charset=utf-8><title>Akses ditolak</title>"
        f"<h1>Akses ditolak</h1><p>{_escape(reason)}</p></html>"
    ).encode()
    headers = [
        (b"content-type", b"text/html; charset=utf-8"),
        (b"content-length", str(len(body)).encode()),
        *HEADERS,
    ]
    await send({"type": "http.response.start", "status": 403, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
