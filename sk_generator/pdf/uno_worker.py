"""A long-lived LibreOffice for previews: run by the system Python that has `uno`.

NOT imported by the package: :mod:`sk_generator.pdf.warm` starts this file as a script
with Debian's python3 (python3-uno), so it may only use the standard library and uno.
It starts soffice headless with a private profile, connects over a named pipe and then
converts one DOCX per request: a JSON line ``{"in": ..., "out": ...}`` on stdin answers
``{"ok": true}`` or ``{"error": "..."}`` on stdout. End of input closes LibreOffice.
"""

import contextlib
import json
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def _prop(name, value):
    prop = PropertyValue()
    prop.Name = name
    prop.Value = value
    return prop


def _connect(pipe, deadline):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def _convert(desktop, source, target):
    hidden = (_prop("Hidden", True), _prop("ReadOnly", True))
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), "_blank", 0, hidden)
    if doc is None:
        raise RuntimeError("LibreOffice tidak dapat membuka berkas DOCX")
    try:
        data = uno.Any(
            "[]com.sun.star.beans.PropertyValue",
            (_prop("UseLosslessCompression", True),),
        )
        options = (_prop("FilterName", "writer_pdf_Export"), _prop("FilterData", data))
        uno.invoke(doc, "storeToURL", (uno.systemPathToFileUrl(target), options))
    finally:
        doc.close(True)


def main():
    soffice, profile, pipe = sys.argv[1:4]
    office = subprocess.Popen(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--invisible",
            "--nologo",
            "--nodefault",
            "--nolockcheck",
            "--norestore",
            f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        context = _connect(pipe, time.monotonic() + 60)
        desktop = context.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", context
        )
        print(json.dumps({"siap": True}), flush=True)
        for line in sys.stdin:
            request = json.loads(line)
            try:
                _convert(desktop, request["in"], request["out"])
                answer = {"ok": True}
            except Exception as exc:  # reported to the caller, who falls back or says why
                answer = {"error": str(exc) or type(exc).__name__}
            print(json.dumps(answer), flush=True)
        with contextlib.suppress(Exception):
            desktop.terminate()
    finally:
        try:
            office.wait(timeout=10)
        except subprocess.TimeoutExpired:
            office.kill()
            office.wait()


if __name__ == "__main__":
    main()
