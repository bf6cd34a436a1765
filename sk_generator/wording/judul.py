"""Title case for names written in capitals (instansi names in kop style, SOP names)."""

from __future__ import annotations

#: Words kept in lower case inside a title (not the first word).
_SMALL = frozenset(
    {"dan", "atau", "serta", "di", "ke", "dari", "pada", "untuk", "yang", "dengan", "dalam"}
    | {"oleh", "tentang", "bagi", "terhadap", "melalui", "sebagai"}
)


def title_case(text: str) -> str:
    """DINAS TENAGA KERJA DAN TRANSMIGRASI -> Dinas Tenaga Kerja dan Transmigrasi.

    Only words written in capitals change; a word already in mixed case ("eKTP") or a
    single letter is kept as written, and the small words are lower-cased after the first.
    """
    out = []
    for index, word in enumerate(text.split()):
        lower = word.lower()
        if index and lower in _SMALL:
            out.append(lower)
        elif word.isupper() and len(word) > 1:
            out.append(word[0] + word[1:].lower())
        else:
            out.append(word)
    return " ".join(out)
