"""Flow hints: what a rendered SOP's flowchart pictures mean, for `impor` to read back.

The flowchart is drawn as pictures, one per Pelaksana cell, so which column holds a
step's symbol, which step is a decision and where its branches go cannot be read back
from the document's text. The renderer therefore adds a custom XML part
(``customXml/itemN.xml``): invisible in Word and LibreOffice (custom XML parts hold data
for add-ins and are kept, untouched, when the file is saved again), never printed.
Each step is keyed by a digest of its Kegiatan, so a step edited in Word after rendering
is read from the table instead of from a stale hint. Files from elsewhere have no such
part; the importer then reads the shapes.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from xml.sax.saxutils import quoteattr

from docx.document import Document as DocxDocument
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

from sk_generator.model import Sop
from sk_generator.model.alur import ends

NAMESPACE = "urn:sk-generator:alur-sop:1"
PART_TEMPLATE = "/customXml/item%d.xml"
_REL_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
_REL_PROPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps"
_CT_PROPS = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
_DS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"


@dataclass(frozen=True)
class StepHint:
    """One step's flowchart facts: symbol column, kind, branches (1-based targets)."""

    digest: str
    kolom: int
    jenis: str
    ya: int | None = None
    tidak: int | None = None
    label_ya: str = ""
    label_tidak: str = ""
    #: The step's `lanjut` as written (None: absent, the next step in order; () an end).
    lanjut: tuple[int, ...] | None = None
    simultan: bool = False
    #: A shared step's columns (1-based) as written; () for a step of one pelaksana.
    bersama: tuple[int, ...] = ()


def digest(kegiatan: str) -> str:
    """A short digest of a step's text, whitespace-insensitive (the key of a hint)."""
    return hashlib.sha256(" ".join(kegiatan.split()).encode()).hexdigest()[:12]


def hints_xml(sop: Sop) -> bytes:
    """The hints part for `sop`: the original name (printed in capitals) and the steps."""
    rows = []
    terminators = {0, *ends(sop)}
    for i, langkah in enumerate(sop.langkah):
        attrs = {
            "cek": digest(langkah.kegiatan),
            "kolom": str(min(map(sop.pelaksana.index, langkah.para_pelaksana)) + 1),
            "jenis": "terminator" if i in terminators else "process",
        }
        # The flow as written, so that a graph SOP imports back exactly (an absent
        # `lanjut` stays absent: the next step in order).
        if langkah.lanjut is not None:
            attrs["lanjut"] = " ".join(map(str, langkah.lanjut))
        if langkah.simultan:
            attrs["simultan"] = "ya"
        # A step shared by several pelaksana: every column, in the order written (the
        # box spans them; `kolom` alone would bring back only the first).
        if len(langkah.para_pelaksana) > 1:
            columns = (sop.pelaksana.index(name) + 1 for name in langkah.para_pelaksana)
            attrs["bersama"] = " ".join(map(str, columns))
        cabang = langkah.keputusan
        if cabang is not None:
            attrs["jenis"] = "decision"
            attrs["tidak"] = str(cabang.tidak)
            attrs["label_ya"] = cabang.label_ya
            attrs["label_tidak"] = cabang.label_tidak
            if cabang.ya is not None:
                attrs["ya"] = str(cabang.ya)
        text = " ".join(f"{k}={quoteattr(v)}" for k, v in attrs.items())
        rows.append(f"<langkah {text}/>")
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><alur xmlns="{NAMESPACE}" '
        f"nama={quoteattr(sop.nama)}>{''.join(rows)}</alur>"
    ).encode()


def attach(doc: DocxDocument, sop: Sop) -> None:
    """Add the hints part of `sop` to `doc` (related from the main document part), with
    the properties part every custom XML item needs (Word repairs a file without it)."""
    package = doc.part.package
    # python-docx's default document already holds a custom XML part (bibliography).
    name = package.next_partname(PART_TEMPLATE)
    blob = hints_xml(sop)
    part = Part(PackURI(name), "application/xml", blob, package)
    doc.part.relate_to(part, _REL_CUSTOM_XML)
    number = name[len("/customXml/item") : -len(".xml")]
    # A stable item id (from the content), so equal documents stay byte-identical.
    item_id = (
        "{"
        + str(uuid.uuid5(uuid.NAMESPACE_URL, NAMESPACE + hashlib.sha256(blob).hexdigest())).upper()
        + "}"
    )
    props = (
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>'
        f'<ds:datastoreItem ds:itemID="{item_id}" xmlns:ds="{_DS}">'
        f'<ds:schemaRefs><ds:schemaRef ds:uri="{NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>'
    ).encode()
    props_part = Part(PackURI(f"/customXml/itemProps{number}.xml"), _CT_PROPS, props, package)
    part.relate_to(props_part, _REL_PROPS)


@dataclass(frozen=True)
class Hints:
    nama: str
    steps: list[StepHint]


def parse(blob: bytes) -> Hints | None:
    """The hints in a custom XML part, or None when the part is not ours or is broken."""
    try:
        root = etree.fromstring(blob, parser=etree.XMLParser(resolve_entities=False))
    except etree.XMLSyntaxError:
        return None
    if root.tag != f"{{{NAMESPACE}}}alur":
        return None
    steps = []
    for el in root.iter(f"{{{NAMESPACE}}}langkah"):
        try:
            lanjut = el.get("lanjut")
            steps.append(
                StepHint(
                    el.get("cek", ""),
                    int(el.get("kolom", "0")),
                    el.get("jenis", "process"),
                    int(el.get("ya")) if el.get("ya") else None,
                    int(el.get("tidak")) if el.get("tidak") else None,
                    el.get("label_ya", ""),
                    el.get("label_tidak", ""),
                    None if lanjut is None else tuple(int(n) for n in lanjut.split()),
                    el.get("simultan") == "ya",
                    tuple(int(n) for n in el.get("bersama", "").split()),
                )
            )
        except ValueError:
            return None
    return Hints(root.get("nama", ""), steps)
