"""The team workbook is data: numbers read back as numbers, a column per maturity dimension
and member, frozen headers with filters, landscape pages fitted to the width, numbered sheet
names and row heights that fit wrapped text."""

from __future__ import annotations

import io
import re

import pytest
from ekokit.content.i18n import Translator
from ekokit.content.vocab import vocabularies
from ekokit.model.teams import DEMO_TEAM
from ekokit.reports.build import team_report
from ekokit.reports.to_xlsx import team_xlsx
from ekokit.store.database import Store
from ekokit.store.demo import ensure_demo_team
from openpyxl import load_workbook

FI = Translator("fi")
# (a signed "-1" typed by a user stays text on purpose: Excel would read it as a formula)
NUMBER_AS_TEXT = re.compile(r"^(0|[1-9]\d*)([.,]\d+)?$")


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Store:
    store = Store(str(tmp_path_factory.mktemp("xlsx") / "ekokit.sqlite"))
    ensure_demo_team(store)
    return store


@pytest.fixture(scope="module")
def book(store):
    return load_workbook(io.BytesIO(team_xlsx(team_report(store, DEMO_TEAM, "fi"))))


def test_no_number_is_stored_as_text(book):
    as_text = [f"{ws.title}!{cell.coordinate}={cell.value!r}" for ws in book.worksheets
               for row in ws.iter_rows() for cell in row
               if isinstance(cell.value, str) and NUMBER_AS_TEXT.match(cell.value.strip())]
    assert as_text == []


def test_scores_read_back_as_numbers(book, store):
    power = book[next(n for n in book.sheetnames if "Valta" in n)]
    header = next(r for r in power.iter_rows() if any(c.value == "Valta nyt" for c in r))
    col = next(c.column for c in header if c.value == "Valta nyt")
    rows = range(header[0].row + 1, power.max_row + 1)
    last = next(r for r in rows if power.cell(row=r, column=1).value is None)
    values = [power.cell(row=r, column=col).value for r in range(header[0].row + 1, last)]
    numbers = [v for v in values if v is not None]
    assert len(numbers) >= 5 and all(type(v) is int for v in numbers)
    pestel = book[next(n for n in book.sheetnames if "PESTEL" in n)]
    assert any(type(c.value) is int for row in pestel.iter_rows() for c in row)


def test_a_column_per_maturity_dimension_and_a_row_per_member(book, store):
    ws = book[FI("report.ratings_sheet")]
    headers = [c.value for c in ws[3]]
    dims = [FI.label("maturity_dimension", d) for d in vocabularies()["maturity_dimension"]]
    assert set(dims) <= set(headers)
    members = {r["member"] for r in store.latest_answers(DEMO_TEAM)["s1_maturity"]["ratings"]}
    rows = list(ws.iter_rows(min_row=4, values_only=True))
    assert {r[1] for r in rows if r[0] == FI("report.before")} == members
    scores = [v for r in rows for v in r[2:] if v is not None]
    assert scores and all(type(v) is int and 1 <= v <= 5 for v in scores)


def test_frozen_headers_filters_and_landscape_fit_to_width(book):
    for ws in book.worksheets:
        assert ws.page_setup.orientation == "landscape", ws.title
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0, ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
    tables = [ws for ws in book.worksheets if ws.auto_filter.ref]
    assert len(tables) > 30
    for ws in tables:
        first = int(re.match(r"[A-Z]+(\d+)", ws.auto_filter.ref).group(1))
        assert ws.freeze_panes == f"A{first + 1}", ws.title  # the header row stays in view


def test_sheet_names_are_numbered_and_unambiguous(book):
    names = book.sheetnames
    exercises = names[3:]
    assert names[:3] == [FI("report.harvest_short"), FI("report.ratings_sheet"),
                         FI("report.summary")]
    assert all(re.match(r"^[SK][1-4]\.\d\d ", n) for n in exercises), exercises
    assert "S1.04 Ekosysteemikartta" in names
    assert not [n for n in names if re.search(r"\(\d+\)$", n)]  # no "(2)" to tell them apart
    assert len({n.casefold() for n in names}) == len(names)


def test_wrapped_rows_are_as_tall_as_their_text(book):
    chain = book[FI("report.harvest_short")]
    tall = [chain.row_dimensions[c.row].height for row in chain.iter_rows() for c in row
            if isinstance(c.value, str) and "\n" in c.value]
    assert tall and all(h is not None and h >= 30 for h in tall)
