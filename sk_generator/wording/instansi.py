"""An instansi's address and contact line as the kop prints them (seed 000)."""

from __future__ import annotations

from sk_generator.model import Instansi


def alamat(instansi: Instansi) -> str:
    """The address with the post code after it: "... Kode Pos 78611"."""
    if instansi.kode_pos:
        return f"{instansi.alamat} Kode Pos {instansi.kode_pos}"
    return instansi.alamat


def kontak(instansi: Instansi) -> str:
    """ "Telp. (0565) 23182, Faks. (0565) 24520, Pos-el: ..., Laman: ..." ("" when none)."""
    contacts = []
    if instansi.telepon:
        contacts.append(f"Telp. {instansi.telepon}")
    if instansi.faks:
        contacts.append(f"Faks. {instansi.faks}")
    if instansi.email:
        contacts.append(f"Pos-el: {instansi.email}")
    if instansi.laman:
        contacts.append(f"Laman: {instansi.laman}")
    return ", ".join(contacts)
