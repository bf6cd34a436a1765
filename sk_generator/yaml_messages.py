"""ruamel.yaml's English errors as Indonesian messages at the line the user must fix.

Staff never see the YAML library's own words ("found undefined alias", "but found another
document"): each kind of error gets a message that says what is wrong and what to do,
and is located where the mistake is (an unclosed quote where it opens, a missing space
after '-' on its own line), not where the library noticed it.
"""

from __future__ import annotations

import re
import unicodedata

from ruamel.yaml.error import MarkedYAMLError

Located = tuple[int, int, str]

GENERIC_MESSAGE = (
    "susunan YAML tidak dapat dibaca di sini; periksa indentasi (spasi, bukan TAB), tanda ':' "
    "setelah kunci, '- ' di awal butir daftar, dan tanda kutip"
)
TAG_MESSAGE = (
    "tanda '!' (tag YAML) tidak dipakai dalam berkas data; hapus tag itu, atau beri tanda "
    "kutip bila '!' bagian dari teks"
)
_DASH = re.compile(r"^(\s*)-[^\s\-]")
_UTF8_HOW = (
    "simpan ulang berkas sebagai UTF-8 (Notepad: File > Save As > Encoding: UTF-8; "
    "VS Code: klik nama pengodean di bilah bawah > Save with Encoding > UTF-8)"
)


def decode_message(data: bytes, start: int) -> Located:
    """A file that is not UTF-8: where the first wrong byte is, and how to re-save."""
    before = data[:start]
    line = before.count(b"\n") + 1
    col = start - (before.rfind(b"\n") + 1) + 1
    return line, col, f"berkas bukan teks UTF-8 (byte 0x{data[start]:02X} di sini); {_UTF8_HOW}"


def character_message(text: str, position: int, code: int) -> Located:
    """A character YAML refuses (control characters such as U+0000)."""
    line = text.count("\n", 0, position) + 1
    col = position - (text.rfind("\n", 0, position) + 1) + 1
    name = unicodedata.name(chr(code), "karakter kendali") if code < 0x110000 else "?"
    return (
        line,
        col,
        f"karakter U+{code:04X} ({name}) tidak boleh ada dalam berkas data; hapus karakter itu "
        "(sering terbawa saat menyalin dari PDF atau Excel)",
    )


#: Characters a DOCX (XML 1.0) cannot hold; YAML lets them in through escapes such as
#: "\x01" or "\u0001" in a double-quoted text.
NOT_IN_DOCUMENTS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def control_message(text: str, index: int) -> str:
    """A control character inside a text value, by its position in the text."""
    code = ord(text[index])
    before = text[:index][-20:]
    where = f"setelah '{before}'" if before else "di awal teks"
    return (
        f"teks memuat karakter kendali U+{code:04X} {where} (ditulis sebagai \\x{code:02X} atau "
        f"\\u{code:04X} dalam tanda kutip?); karakter ini tidak dapat dicetak: hapus"
    )


def marked_message(exc: MarkedYAMLError, text: str) -> Located:
    """Translate a located parser/scanner error."""
    problem = (exc.problem or "").strip()
    context = (exc.context or "").strip()
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    lines = text.splitlines()
    current = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in current or "found character '\\t'" in problem:
        tab = current.find("\t")
        return (
            line,
            (tab + 1 if tab >= 0 else col),
            ("karakter TAB tidak boleh dipakai untuk indentasi YAML; ganti dengan spasi"),
        )
    if "quoted scalar" in context and exc.context_mark is not None:
        start = exc.context_mark
        quote = lines[start.line][start.column] if start.line < len(lines) else '"'
        return (
            start.line + 1,
            start.column + 1,
            (
                f"tanda kutip {quote} dibuka di sini tetapi tidak ditutup; tambahkan {quote} di "
                "akhir teks (tanda kutip di dalam teks ditulis dua kali: '' atau \\\")"
            ),
        )
    dash = _missing_space_after_dash(lines, line)
    if dash is not None:
        return dash
    return line, col, _message(problem, exc)


def _message(problem: str, exc: MarkedYAMLError) -> str:
    if "duplicate key" in problem or "found duplicate key" in str(exc):
        key = problem.split('"')[1] if '"' in problem else ""
        shown = f" '{key}'" if key else ""
        return f"kunci{shown} ditulis dua kali; hapus salah satunya"
    if "mapping values are not allowed" in problem:
        return (
            "indentasi atau tanda ':' salah; periksa bahwa kunci sejajar dan teks yang "
            "memuat ': ' diberi tanda kutip"
        )
    if "expected <block end>" in problem or "could not find expected ':'" in problem:
        return "indentasi tidak konsisten; sejajarkan kunci ini dengan kunci di atasnya"
    alias = re.search(r"undefined alias '?([^'\s]*)", problem)
    if alias:
        return (
            f"'*{alias.group(1)}' dibaca sebagai alias YAML yang belum didefinisikan; bila '*' "
            'bagian dari teks, beri tanda kutip pada teksnya, mis. "*) catatan"'
        )
    if "another document" in problem:
        return (
            "satu berkas hanya boleh berisi satu dokumen: hapus baris '---' ini (atau pindahkan "
            "dokumen berikutnya ke berkas sendiri)"
        )
    start = re.search(r"found character '(.)' that cannot start any token", problem)
    if start:
        return (
            f"teks tidak boleh diawali '{start.group(1)}' tanpa tanda kutip; beri tanda kutip "
            f'pada seluruh teks, mis. "{start.group(1)}..."'
        )
    if re.search(r"expected ',' or '[}\]]'", problem) or "flow" in problem:
        return (
            "daftar [ ... ] atau pemetaan { ... } tidak ditutup dengan benar; periksa tanda "
            "kurung penutup dan koma di antara butir"
        )
    return GENERIC_MESSAGE


def _missing_space_after_dash(lines: list[str], line: int) -> Located | None:
    """`-Stempel`: a list item without the space after '-' (the library complains on a
    later line about indentation)."""
    for number in range(min(line, len(lines)), 0, -1):
        text = lines[number - 1]
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        match = _DASH.match(text)
        if match:
            col = len(match.group(1)) + 1
            return (
                number,
                col,
                (
                    "butir daftar harus diawali '- ' (tanda strip lalu spasi); tambahkan spasi "
                    "setelah '-'"
                ),
            )
        if number < line:
            return None
    return None
