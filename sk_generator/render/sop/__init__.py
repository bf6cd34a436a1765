"""Render an SOP AP (PermenPANRB 35/2012) as a landscape DOCX, flowchart included.

Built in code rather than from a docxtpl template: the procedure table has one column
per Pelaksana (1 to 8 or more), and every row's height is computed from the text with
the real font's metrics (:mod:`.cells`) and written as an *exact* height. The tables are
written as WordprocessingML text (:mod:`sk_generator.render.wml`) into a copy of a
prepared python-docx document (:mod:`sk_generator.render.docxcache`), and saved by
:mod:`sk_generator.render.package`. Exact heights are what let the flowchart be drawn as
per-cell pictures that meet at the cell edges (:mod:`sk_generator.render.flowchart`,
:mod:`sk_generator.render.flowdraw`), and what make the page breaks known in advance:
the off-page connectors sit at the breaks, and the page count is predicted.

Modules: :mod:`.columns` plans the procedure table's column widths; :mod:`.cells`
measures and writes text cells; :mod:`.identity` writes page 1 (Lampiran heading,
identity table); :mod:`.procedure` the procedure table and closing; :mod:`.flow` turns
the steps into the flowchart's graph; :mod:`.builder` puts the sections together.
"""

from sk_generator.render.sop.builder import SopBuilder, render_sop
from sk_generator.render.sop.columns import plan_columns
from sk_generator.render.sop.flow import flow_graph

__all__ = ["SopBuilder", "flow_graph", "plan_columns", "render_sop"]
