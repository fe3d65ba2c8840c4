"""A chart as accessible HTML: image with alt text, caption, and the table behind a disclosure."""

from __future__ import annotations

import base64
import html
import io
import math
from numbers import Number

import pandas as pd
from matplotlib.figure import Figure

from ekokit.charts._base import Chart, msg, number, yes_no

DPI = 96


def png_base64(fig: Figure, dpi: int = DPI) -> str:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight", facecolor="white")
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _cell(value: object, lang: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        text = msg("empty_cell", lang)
    elif isinstance(value, bool):
        text = yes_no(value, lang)
    elif isinstance(value, float):
        text = number(value, lang)
    elif isinstance(value, Number):
        text = str(value)
    else:
        text = str(value) or msg("empty_cell", lang)
    return html.escape(text).replace("\n", "<br>")


def table_html(table: pd.DataFrame, lang: str, *, caption: str) -> str:
    """The table with a caption, column headers and the first column as row headers."""
    head = "".join(f'<th scope="col">{html.escape(str(c))}</th>' for c in table.columns)
    body = []
    for values in table.itertuples(index=False, name=None):
        cells = [_cell(v, lang) for v in values]
        first = f'<th scope="row">{cells[0]}</th>' if cells else ""
        body.append("<tr>" + first + "".join(f"<td>{c}</td>" for c in cells[1:]) + "</tr>")
    return (f'<table class="ek-chart-table"><caption>{html.escape(caption)}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>")


def chart_html(chart: Chart, lang: str, *, title: str, dpi: int = DPI) -> str:
    """``<figure>`` with the PNG (alt = the text alternative), a caption, and the table. A
    larger ``dpi`` draws the same chart with larger type (the projector's)."""
    alt = html.escape(chart.alt)
    parts = ['<figure class="ek-chart">']
    if chart.figure is not None:
        image = png_base64(chart.figure, dpi)
        parts.append(f'<img src="data:image/png;base64,{image}" alt="{alt}">')
    parts.append(f"<figcaption>{alt}</figcaption>")
    if chart.table is not None and len(chart.table.columns):
        opened = "" if chart.figure is not None else " open"  # a table-only chart shows it
        parts.append(f"<details{opened}><summary>{html.escape(msg('show_table', lang))}</summary>"
                     f"{table_html(chart.table, lang, caption=title)}</details>")
    parts.append("</figure>")
    return "".join(parts)
