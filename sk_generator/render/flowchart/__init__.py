"""The SOP flowchart as data: pages of rows, symbols, routed lines and labels.

Pure layout, no DOCX: the renderer (:mod:`sk_generator.render.sop`) gives each step's
column, kind and measured row height; :mod:`.pagination` splits the rows into pages and
adds the off-page connector rows at every break, :mod:`.router` places the symbols and
routes every arrow in the geometry of :mod:`.geometry`, and the drawing module
(:mod:`sk_generator.render.flowdraw`) paints the result cell by cell.
"""

from sk_generator.render.flowchart.geometry import (
    CONNECTOR_H,
    LABEL_SIZE,
    Box,
    Geometry,
    Label,
    LayoutError,
    Line,
    Symbol,
    SymbolKind,
    min_row_height,
)
from sk_generator.render.flowchart.graph import (
    FlowEdge,
    FlowLayout,
    FlowPage,
    FlowRow,
    FlowStep,
    edges_of,
    symbol_crossings,
)
from sk_generator.render.flowchart.pagination import PageSpace, bottom_row_min, paginate
from sk_generator.render.flowchart.plan import layout

__all__ = [
    "CONNECTOR_H",
    "LABEL_SIZE",
    "Box",
    "FlowEdge",
    "FlowLayout",
    "FlowPage",
    "FlowRow",
    "FlowStep",
    "Geometry",
    "Label",
    "LayoutError",
    "Line",
    "PageSpace",
    "Symbol",
    "SymbolKind",
    "bottom_row_min",
    "edges_of",
    "layout",
    "min_row_height",
    "paginate",
    "symbol_crossings",
]
