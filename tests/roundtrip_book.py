"""A feature-rich workbook and a snapshot of it, to prove that an edit keeps what it should.

``build_rich_workbook`` writes a real .xlsx with openpyxl holding most of what people keep in a
workbook besides plain cells: styles, number formats, column widths, a comment, a data validation,
conditional formatting, workbook- and sheet-scoped defined names, frozen panes, a bar chart, an
embedded PNG image, a merged range, a hyperlink, a cross-sheet formula, an Excel table and
document properties.

``snapshot`` reopens a file and describes all of that as plain JSON-comparable data (dicts,
lists, strings, numbers, booleans and ``None``), leaving out the cell contents of the ranges an
edit is expected to change. ``diff_snapshots`` lists the differences between two snapshots in
readable lines, so a test can assert ``diff_snapshots(before, after) == []``.

Cells, styles and most worksheet features are read with openpyxl. Drawings (charts and images)
are read from the package XML itself: openpyxl drops every image on load when Pillow is not
installed, so reading them through openpyxl would hide exactly the loss the snapshot must show.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import posixpath
import random
import struct
import zipfile
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import openpyxl
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.drawing.image import Image
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula
from openpyxl.worksheet.table import Table, TableStyleInfo

# What build_rich_workbook writes, for tests that want to name it.
SHEETS = ("Sales", "Notes", "Lookup")
HEADER = ("Date", "Region", "Product", "Units", "Price", "Revenue")
REGIONS = ("North", "South", "East", "West")
PRODUCTS = ("Widget", "Gadget", "Gizmo", "Doohickey", "Sprocket")
DATA_ROWS = 40
FIRST_ROW = 2
LAST_ROW = FIRST_ROW + DATA_ROWS - 1  # 41
SALES_TABLE = f"A1:F{LAST_ROW}"
SALES_DATA = f"A{FIRST_ROW}:F{LAST_ROW}"
HEADER_FILL = "FFDDEBF7"
PRICE_FORMAT = '"$"#,##0.00'
DATE_FORMAT = "yyyy-mm-dd"
TITLE = "nlsheet round-trip book"
CREATOR = "nlsheet tests"
PNG_SIZE = (16, 12)

# What a plain openpyxl load/save of this book loses even with Pillow installed (openpyxl
# 3.1.5): chart/reader.py rebuilds a chart from its plot area and never reads back the
# chart-space style number or the rounded-corners flag. For ``diff_snapshots(allow=...)``.
OPENPYXL_CHART_LOSSES = (
    "book.sheets.Sales.drawings.charts[0].style",
    "book.sheets.Sales.drawings.charts[0].rounded_corners",
)

_NS = {
    "main": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "xdr": "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
}
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_R_EMBED = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed"
_DRAWING_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing"


# --------------------------------------------------------------------------- building


def sales_rows() -> list[tuple[dt.date, str, str, int, float]]:
    """The 40 deterministic data rows of Sales (Date, Region, Product, Units, Price)."""
    rng = random.Random(7)
    start = dt.date(2024, 1, 1)
    rows = []
    for _ in range(DATA_ROWS):
        rows.append(
            (
                start + dt.timedelta(days=rng.randrange(0, 365)),
                rng.choice(REGIONS),
                rng.choice(PRODUCTS),
                rng.randint(1, 60),
                round(rng.uniform(2.0, 80.0), 2),
            )
        )
    return rows


def png_bytes(size: tuple[int, int] = PNG_SIZE) -> bytes:
    """A small valid RGB PNG (a colour gradient), made with Pillow when it is installed."""
    width, height = size
    pixels = [
        (x * 255 // max(width - 1, 1), y * 255 // max(height - 1, 1), 128)
        for y in range(height)
        for x in range(width)
    ]
    try:
        from PIL import Image as PILImage
    except ImportError:
        return _handmade_png(width, height, pixels)
    picture = PILImage.new("RGB", size)
    picture.putdata(pixels)
    out = io.BytesIO()
    picture.save(out, format="PNG")
    return out.getvalue()


def _handmade_png(width: int, height: int, pixels: list[tuple[int, int, int]]) -> bytes:
    """Encode 8-bit RGB pixels as a PNG with zlib and struct only."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    raw = bytearray()
    for y in range(height):
        raw.append(0)  # filter type None for each scanline
        for r, g, b in pixels[y * width : (y + 1) * width]:
            raw += bytes((r, g, b))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(bytes(raw), 9))
        + chunk(b"IEND", b"")
    )


class _PngImage(Image):
    """An openpyxl image built from PNG bytes without Pillow (openpyxl's own needs Pillow)."""

    def __init__(self, data: bytes, width: int, height: int) -> None:
        # Image.__init__ is skipped on purpose: it opens the picture with Pillow.
        self.ref = data
        self.width = width
        self.height = height
        self.format = "png"

    def _data(self) -> bytes:
        return bytes(self.ref)


def _make_image(data: bytes, size: tuple[int, int]) -> Image:
    """An openpyxl Image of PNG ``data``: the stock class with Pillow, a small stand-in without."""
    try:
        import PIL  # noqa: F401
    except ImportError:
        return _PngImage(data, *size)
    return Image(io.BytesIO(data))


def build_rich_workbook(path: Path) -> None:
    """Write the feature-rich workbook to ``path`` (see the module docstring and constants)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Sales"
    _fill_sales(ws)
    _decorate_sales(ws)
    wb.defined_names["Units"] = DefinedName(
        "Units", attr_text=f"Sales!$D${FIRST_ROW}:$D${LAST_ROW}"
    )
    _fill_notes(wb.create_sheet("Notes"))
    _fill_lookup(wb.create_sheet("Lookup"))
    wb.properties.title = TITLE
    wb.properties.creator = CREATOR
    wb.save(path)


def _fill_sales(ws: Any) -> None:
    """Sales cells: header, 40 data rows with a live Revenue formula, styles and sizes."""
    ws.append(list(HEADER))
    for date, region, product, units, price in sales_rows():
        row = ws.max_row + 1
        ws.append([date, region, product, units, price, f"=D{row}*E{row}"])

    bold = Font(bold=True)
    fill = PatternFill(fill_type="solid", start_color=HEADER_FILL, end_color=HEADER_FILL)
    for cell in ws[1]:
        cell.font = bold
        cell.fill = fill
    for row in range(FIRST_ROW, LAST_ROW + 1):
        ws[f"A{row}"].number_format = DATE_FORMAT
        ws[f"E{row}"].number_format = PRICE_FORMAT
        ws[f"F{row}"].number_format = PRICE_FORMAT
    for letter, width in {"A": 14, "B": 12, "C": 22, "F": 13}.items():
        ws.column_dimensions[letter].width = width
    ws.row_dimensions[1].height = 21
    ws.freeze_panes = "A2"

    ws["H40"] = "Checked by the nlsheet test suite"
    ws.merge_cells("H40:J40")


def _decorate_sales(ws: Any) -> None:
    """Sales extras: comment, data validation, conditional format, chart and image."""
    ws["B1"].comment = Comment("One of North, South, East, West", "nlsheet tests")

    validation = DataValidation(
        type="list",
        formula1='"' + ",".join(REGIONS) + '"',
        allow_blank=False,
        showErrorMessage=True,
        errorTitle="Region",
        error="Pick a region from the list",
    )
    validation.add(f"B{FIRST_ROW}:B{LAST_ROW}")
    ws.add_data_validation(validation)

    ws.conditional_formatting.add(
        f"D{FIRST_ROW}:D{LAST_ROW}",
        CellIsRule(
            operator="greaterThan",
            formula=["40"],
            font=Font(color="FF9C0006"),
            fill=PatternFill(fill_type="solid", start_color="FFFFC7CE", end_color="FFFFC7CE"),
        ),
    )

    chart = BarChart()
    chart.title = "Units per sale"
    chart.y_axis.title = "Units"
    chart.style = 10
    chart.roundedCorners = False  # what Excel writes; the spec's default is rounded
    chart.add_data(Reference(ws, min_col=4, min_row=1, max_row=LAST_ROW), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=3, min_row=FIRST_ROW, max_row=LAST_ROW))
    ws.add_chart(chart, "H2")

    ws.add_image(_make_image(png_bytes(PNG_SIZE), PNG_SIZE), "H20")


def _fill_notes(notes: Any) -> None:
    """Notes: text, a hyperlink and a formula over Sales."""
    notes["A1"] = "About this workbook"
    notes["A1"].font = Font(bold=True, size=14)
    notes["A2"] = "Sales holds 40 deterministic rows; Lookup maps regions to managers."
    notes["A4"] = "Project page"
    notes["A4"].hyperlink = "https://example.com/nlsheet"
    notes["A4"].style = "Hyperlink"
    notes["A6"] = "Total revenue"
    notes["B6"] = f"=SUM(Sales!F{FIRST_ROW}:F{LAST_ROW})"
    notes["B6"].number_format = PRICE_FORMAT
    notes.column_dimensions["A"].width = 30


def _fill_lookup(lookup: Any) -> None:
    """Lookup: a two-column Excel table and a sheet-scoped defined name."""
    for row in (
        ("Region", "Manager"),
        ("North", "Ada"),
        ("South", "Grace"),
        ("East", "Alan"),
        ("West", "Edsger"),
    ):
        lookup.append(list(row))
    table = Table(displayName="Managers", ref="A1:B5")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    lookup.add_table(table)
    lookup.defined_names["RegionList"] = DefinedName("RegionList", attr_text="Lookup!$A$2:$A$5")


# --------------------------------------------------------------------------- snapshot


def _ranges(ignore: str | None) -> list[tuple[int, int, int, int]]:
    """``(min_col, min_row, max_col, max_row)`` boxes of a space- or comma-separated A1 range."""
    if not ignore:
        return []
    boxes = []
    for part in ignore.replace(",", " ").split():
        min_col, min_row, max_col, max_row = range_boundaries(part.replace("$", ""))
        if min_col is None or min_row is None or max_col is None or max_row is None:
            raise ValueError(f"ignore range must be bounded, got {part!r}")
        boxes.append((min_col, min_row, max_col, max_row))
    return boxes


def _inside(boxes: Iterable[tuple[int, int, int, int]], row: int, col: int) -> bool:
    return any(c1 <= col <= c2 and r1 <= row <= r2 for c1, r1, c2, r2 in boxes)


def _value(value: Any) -> Any:
    """A cell value as JSON-comparable data; formulas and dates are tagged so types show."""
    if isinstance(value, ArrayFormula):
        return {"array_formula": value.text, "ref": value.ref}
    if isinstance(value, DataTableFormula):
        return {"data_table_formula": dict(value)}
    if isinstance(value, str) and value.startswith("="):
        return {"formula": value}
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return {type(value).__name__: value.isoformat()}
    if isinstance(value, dt.timedelta):
        return {"timedelta": value.total_seconds()}
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return {type(value).__name__: str(value)}


def _colour(colour: Any) -> str | None:
    if colour is None:
        return None
    if colour.type == "rgb":
        return str(colour.rgb)
    if colour.type == "theme":
        return f"theme:{colour.theme}:{colour.tint}"
    if colour.type == "indexed":
        return f"indexed:{colour.indexed}"
    return str(colour.value)


def _style(cell: Any) -> dict[str, Any]:
    """The visible style of a cell, only the parts that differ from a default cell."""
    out: dict[str, Any] = {}
    font = cell.font
    if font.b:
        out["bold"] = True
    if font.i:
        out["italic"] = True
    if font.u:
        out["underline"] = font.u
    if font.sz is not None and float(font.sz) != 11.0:
        out["size"] = float(font.sz)
    font_colour = _colour(font.color)
    if font_colour not in (None, "theme:1:0.0", "FF000000"):
        out["font_colour"] = font_colour
    if cell.fill is not None and cell.fill.fill_type not in (None, "none"):
        out["fill"] = [cell.fill.fill_type, _colour(cell.fill.fgColor)]
    if cell.number_format != "General":
        out["number_format"] = cell.number_format
    if cell.alignment is not None and cell.alignment.horizontal not in (None, "general"):
        out["align"] = cell.alignment.horizontal
    return out


def _widths(ws: Any) -> dict[str, float]:
    widths: dict[str, float] = {}
    for key, dim in ws.column_dimensions.items():
        if not dim.customWidth or dim.width is None:
            continue
        first = dim.min or openpyxl.utils.column_index_from_string(key)
        last = dim.max or first
        for col in range(first, last + 1):
            widths[get_column_letter(col)] = round(float(dim.width), 4)
    return dict(sorted(widths.items(), key=lambda kv: (len(kv[0]), kv[0])))


def _heights(ws: Any) -> dict[str, float]:
    return {
        str(row): round(float(dim.height), 4)
        for row, dim in sorted(ws.row_dimensions.items())
        if dim.height is not None and dim.customHeight
    }


def _validations(ws: Any) -> list[dict[str, Any]]:
    items = [
        {
            "type": dv.type,
            "operator": dv.operator,
            "formula1": dv.formula1,
            "formula2": dv.formula2,
            "allow_blank": bool(dv.allow_blank),
            "ranges": sorted(str(r) for r in dv.sqref.ranges),
            "error": dv.error,
        }
        for dv in ws.data_validations.dataValidation
    ]
    return sorted(items, key=repr)


def _conditional_formats(ws: Any) -> list[dict[str, Any]]:
    items = []
    for cf in ws.conditional_formatting:
        rules = []
        for rule in cf.rules:
            dxf = rule.dxf
            fill = dxf.fill if dxf is not None else None
            font = dxf.font if dxf is not None else None
            rules.append(
                {
                    "type": rule.type,
                    "operator": rule.operator,
                    "formula": list(rule.formula or []),
                    "stop": bool(rule.stopIfTrue),
                    "fill": (
                        [_colour(fill.fgColor), _colour(fill.bgColor)] if fill is not None else None
                    ),
                    "font_colour": _colour(font.color) if font is not None else None,
                    "colour_scale": rule.colorScale is not None,
                    "data_bar": rule.dataBar is not None,
                    "icon_set": rule.iconSet is not None,
                }
            )
        items.append({"ranges": sorted(str(r) for r in cf.sqref.ranges), "rules": rules})
    return sorted(items, key=repr)


def _tables(ws: Any) -> dict[str, Any]:
    return {
        name: {
            "ref": table.ref,
            "style": table.tableStyleInfo.name if table.tableStyleInfo is not None else None,
            "columns": [column.name for column in table.tableColumns],
        }
        for name, table in sorted((t.displayName, t) for t in ws.tables.values())
    }


def _sheet(ws: Any, ignore: str | None, ignore_styles: str | None) -> dict[str, Any]:
    skip = _ranges(ignore)
    skip_styles = _ranges(ignore_styles)
    cells: dict[str, Any] = {}
    styles: dict[str, Any] = {}
    comments: dict[str, Any] = {}
    links: dict[str, Any] = {}
    for row in ws.iter_rows():
        for cell in row:
            if not hasattr(cell, "column_letter"):  # a merged cell other than the top-left
                continue
            r, c = cell.row, cell.column
            if not _inside(skip, r, c):
                if cell.value is not None:
                    cells[cell.coordinate] = _value(cell.value)
                if cell.comment is not None:
                    comments[cell.coordinate] = {
                        "text": cell.comment.text,
                        "author": cell.comment.author,
                    }
                if cell.hyperlink is not None:
                    links[cell.coordinate] = {
                        "target": cell.hyperlink.target,
                        "location": cell.hyperlink.location,
                    }
            if not _inside(skip_styles, r, c):
                style = _style(cell)
                if style:
                    styles[cell.coordinate] = style
    return {
        "state": ws.sheet_state,
        "ignored": ignore,
        "styles_ignored": ignore_styles,
        "cells": cells,
        "styles": styles,
        "comments": comments,
        "hyperlinks": links,
        "column_widths": _widths(ws),
        "row_heights": _heights(ws),
        "merged": sorted(str(r) for r in ws.merged_cells.ranges),
        "freeze_panes": ws.freeze_panes,
        "auto_filter": ws.auto_filter.ref,
        "data_validations": _validations(ws),
        "conditional_formats": _conditional_formats(ws),
        "tables": _tables(ws),
        "defined_names": {name: dn.attr_text for name, dn in sorted(ws.defined_names.items())},
    }


# ---- drawings, read from the package XML


def _part(base: str, target: str) -> str:
    """The zip member a relationship ``target`` of part ``base`` points to."""
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(base), target))


def _rels(archive: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """Relationship id -> (type, zip member) of one part; empty when it has none."""
    rels_name = posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels")
    if rels_name not in archive.namelist():
        return {}
    root = ET.fromstring(archive.read(rels_name))
    out = {}
    for rel in root.findall("rel:Relationship", _NS):
        if rel.get("TargetMode") == "External":
            continue
        out[rel.get("Id", "")] = (rel.get("Type", ""), _part(part, rel.get("Target", "")))
    return out


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> worksheet zip member."""
    book = "xl/workbook.xml"
    rels = _rels(archive, book)
    root = ET.fromstring(archive.read(book))
    return {
        sheet.get("name", ""): rels[sheet.get(_R_ID, "")][1]
        for sheet in root.findall("main:sheets/main:sheet", _NS)
        if sheet.get(_R_ID, "") in rels
    }


def _anchor_cell(anchor: ET.Element) -> str | None:
    start = anchor.find("xdr:from", _NS)
    if start is None:
        return None
    col = int(start.findtext("xdr:col", "0", _NS))
    row = int(start.findtext("xdr:row", "0", _NS))
    return f"{get_column_letter(col + 1)}{row + 1}"


def _val(root: ET.Element, path: str) -> str | None:
    """The ``val`` attribute of the first element at ``path`` (searched at any depth)."""
    found = root.find(path, _NS)
    return None if found is None else found.get("val")


def _chart(archive: zipfile.ZipFile, member: str) -> dict[str, Any]:
    """Type, titles, series references and chart-space settings of one chart part."""
    root = ET.fromstring(archive.read(member))
    plot = root.find("c:chart/c:plotArea", _NS)
    kinds = []
    series = []
    axes = []
    if plot is not None:
        for child in plot:
            tag = child.tag.rsplit("}", 1)[-1]
            if tag.endswith("Ax"):
                text = "".join(t.text or "" for t in child.iterfind("c:title//a:t", _NS))
                axes.append(f"{tag}:{text}")
            if not tag.endswith("Chart"):
                continue
            direction = child.find("c:barDir", _NS)
            kinds.append(tag if direction is None else f"{tag}:{direction.get('val')}")
            for ser in child.findall("c:ser", _NS):
                series.append(
                    {
                        part: ser.findtext(f"c:{part}//c:f", None, _NS)
                        for part in ("tx", "cat", "val", "xVal", "yVal")
                        if ser.find(f"c:{part}//c:f", _NS) is not None
                    }
                )
    title = "".join(t.text or "" for t in root.iterfind("c:chart/c:title//a:t", _NS))
    return {
        "types": kinds,
        "title": title or None,
        "axes": sorted(axes),
        "series": series,
        # Chart-space settings; Excel writes c:style inside mc:AlternateContent, hence ".//".
        "style": _val(root, ".//c:style"),
        "rounded_corners": _val(root, "c:roundedCorners"),
        "text_properties": root.find("c:txPr", _NS) is not None,
    }


def _drawings(archive: zipfile.ZipFile, sheet_part: str) -> dict[str, list[dict[str, Any]]]:
    charts: list[dict[str, Any]] = []
    images: list[dict[str, Any]] = []
    shapes: list[dict[str, Any]] = []
    for kind, drawing in _rels(archive, sheet_part).values():
        if kind != _DRAWING_REL:
            continue
        rels = _rels(archive, drawing)
        root = ET.fromstring(archive.read(drawing))
        for anchor in root:
            tag = anchor.tag.rsplit("}", 1)[-1]
            where = {"anchor": _anchor_cell(anchor), "anchor_type": tag}
            chart = anchor.find(".//c:chart", _NS)
            blip = anchor.find(".//a:blip", _NS)
            if chart is not None and chart.get(_R_ID, "") in rels:
                charts.append(where | _chart(archive, rels[chart.get(_R_ID, "")][1]))
            elif blip is not None and blip.get(_R_EMBED, "") in rels:
                data = archive.read(rels[blip.get(_R_EMBED, "")][1])
                images.append(
                    where
                    | {
                        "format": posixpath.splitext(rels[blip.get(_R_EMBED, "")][1])[1],
                        "bytes": len(data),
                        "sha256": hashlib.sha256(data).hexdigest()[:16],
                    }
                )
            elif (
                anchor.find("xdr:sp", _NS) is not None or anchor.find("xdr:grpSp", _NS) is not None
            ):
                shapes.append(where)
    key = repr
    return {
        "charts": sorted(charts, key=key),
        "images": sorted(images, key=key),
        "shapes": sorted(shapes, key=key),
    }


def snapshot(
    path: Path,
    ignore: dict[str, str] | None = None,
    *,
    ignore_styles: dict[str, str] | None = None,
) -> dict[str, Any]:
    """Describe everything in the workbook at ``path`` that an edit must keep.

    ``ignore`` maps a sheet name to an A1 range (or several, separated by spaces or commas) whose
    cell values, formulas, comments and hyperlinks are expected to change, e.g.
    ``{"Sales": "A2:F41"}`` for a sort; they are left out. Cell styles (fonts, fills, number
    formats) are still compared there unless ``ignore_styles`` names the range too, e.g. for a
    new column whose header gets a style. Everything else is compared. The ranges are recorded
    in the result, so the two snapshots of a comparison must be taken with the same ones. The
    result holds only dicts, lists, strings, numbers, booleans and ``None``.
    """
    ignore = ignore or {}
    ignore_styles = ignore_styles or {}
    wb = openpyxl.load_workbook(path)
    try:
        sheets = {
            ws.title: _sheet(ws, ignore.get(ws.title), ignore_styles.get(ws.title))
            for ws in wb.worksheets
        }
        names = {name: dn.attr_text for name, dn in sorted(wb.defined_names.items())}
        properties = {"title": wb.properties.title, "creator": wb.properties.creator}
        order = list(wb.sheetnames)
    finally:
        wb.close()
    with zipfile.ZipFile(path) as archive:
        for name, part in _sheet_parts(archive).items():
            if name in sheets:
                sheets[name]["drawings"] = _drawings(archive, part)
    return {
        "sheet_names": order,
        "defined_names": names,
        "properties": properties,
        "sheets": sheets,
    }


# --------------------------------------------------------------------------- diff


def _short(value: Any, limit: int = 160) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _diff(before: Any, after: Any, where: str, out: list[tuple[str, str]]) -> None:
    """Append ``(path, line)`` for each difference between ``before`` and ``after``."""
    if isinstance(before, dict) and isinstance(after, dict):
        for key in before:
            if key not in after:
                out.append((f"{where}.{key}", f"removed (was {_short(before[key])})"))
        for key in after:
            if key not in before:
                out.append((f"{where}.{key}", f"added {_short(after[key])}"))
        for key in before:
            if key in after:
                _diff(before[key], after[key], f"{where}.{key}", out)
        return
    if isinstance(before, list) and isinstance(after, list):
        if before == after:
            return
        if len(before) != len(after):
            missing = [item for item in before if item not in after]
            extra = [item for item in after if item not in before]
            out.append(
                (
                    where,
                    f"{len(before)} item(s) -> {len(after)};"
                    f" missing {_short(missing)}; new {_short(extra)}",
                )
            )
            return
        for index, (old, new) in enumerate(zip(before, after, strict=True)):
            _diff(old, new, f"{where}[{index}]", out)
        return
    if before != after or type(before) is not type(after):
        out.append((where, f"{_short(before)} -> {_short(after)}"))


def diff_snapshots(
    before: dict[str, Any], after: dict[str, Any], *, allow: Iterable[str] = ()
) -> list[str]:
    """Readable differences between two snapshots, one line each; empty when they match.

    Each line starts with the path of what differs, e.g.
    ``book.sheets.Sales.drawings.charts[0].style: '10' -> None``. Differences whose path starts
    with one of the ``allow`` prefixes are left out, for losses a test accepts knowingly
    (see ``OPENPYXL_CHART_LOSSES``).
    """
    found: list[tuple[str, str]] = []
    _diff(before, after, "book", found)
    prefixes = tuple(allow)
    return [f"{path}: {line}" for path, line in found if not path.startswith(prefixes)]
