"""The bundle's metadata: the information dictionary and an XMP packet saying the same."""

from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape

from pypdf import PdfWriter
from pypdf.generic import NameObject, StreamObject

from sk_generator.bundle.model import BundleInfo
from sk_generator.version import __version__

PRODUCER = f"sk-generator {__version__} (pypdf; LibreOffice)"


def _pdf_date(moment: dt.datetime) -> str:
    return moment.strftime("D:%Y%m%d%H%M%S+00'00'")


def set_metadata(writer: PdfWriter, info: BundleInfo, created: dt.datetime, pdfa: bool) -> None:
    """The information dictionary and an XMP packet saying the same (PDF/A requires both
    to agree); the packet declares PDF/A-2b only when `pdfa`."""
    keywords = ", ".join(info.keywords)
    writer.add_metadata(
        {
            "/Title": info.title,
            "/Author": info.author,
            "/Subject": info.subject,
            "/Keywords": keywords,
            "/Creator": f"sk-generator {__version__}",
            "/Producer": PRODUCER,
            "/CreationDate": _pdf_date(created),
            "/ModDate": _pdf_date(created),
        }
    )
    stamp = created.strftime("%Y-%m-%dT%H:%M:%S+00:00")
    pdfaid = (
        '  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">\n'
        "   <pdfaid:part>2</pdfaid:part>\n   <pdfaid:conformance>B</pdfaid:conformance>\n"
        "  </rdf:Description>\n"
        if pdfa
        else ""
    )
    xmp = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        f"{pdfaid}"
        '  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
        "   <dc:format>application/pdf</dc:format>\n"
        "   <dc:title><rdf:Alt>"
        f'<rdf:li xml:lang="x-default">{escape(info.title)}</rdf:li></rdf:Alt></dc:title>\n'
        f"   <dc:creator><rdf:Seq><rdf:li>{escape(info.author)}</rdf:li></rdf:Seq></dc:creator>\n"
        "   <dc:description><rdf:Alt>"
        f'<rdf:li xml:lang="x-default">{escape(info.subject)}</rdf:li></rdf:Alt>'
        "</dc:description>\n"
        "  </rdf:Description>\n"
        '  <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">\n'
        f"   <pdf:Keywords>{escape(keywords)}</pdf:Keywords>\n"
        f"   <pdf:Producer>{escape(PRODUCER)}</pdf:Producer>\n"
        "  </rdf:Description>\n"
        '  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">\n'
        f"   <xmp:CreatorTool>sk-generator {__version__}</xmp:CreatorTool>\n"
        f"   <xmp:CreateDate>{stamp}</xmp:CreateDate>\n"
        f"   <xmp:ModifyDate>{stamp}</xmp:ModifyDate>\n"
        f"   <xmp:MetadataDate>{stamp}</xmp:MetadataDate>\n"
        "  </rdf:Description>\n"
        " </rdf:RDF>\n"
        "</x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    )
    # PDF/A: the metadata stream must not be compressed (no /Filter).
    stream = StreamObject()
    stream[NameObject("/Type")] = NameObject("/Metadata")
    stream[NameObject("/Subtype")] = NameObject("/XML")
    stream.set_data(xmp.encode("utf-8"))
    writer.root_object[NameObject("/Metadata")] = writer._add_object(stream)
