"""The team deck: the harvest first, a short deck of 8–12 slides and the full deck with session
dividers, and slides that fit. Every text is measured here against its box with the metrics of
the font the deck names (Pillow reading the same DejaVu Sans TTF, a wrap of its own written for
this test), on the demo team and on a team whose every field is at its maximum."""

from __future__ import annotations

import functools
import io
import itertools
import re

import pytest
from ekokit.charts.png import font_file
from ekokit.content.exercises import FieldSpec, all_exercises, find_exercise
from ekokit.content.i18n import Translator
from ekokit.content.vocab import vocabularies
from ekokit.model.answers import validate
from ekokit.model.teams import DEMO_TEAM, Team
from ekokit.reports.build import build_team_report, team_report
from ekokit.reports.to_pptx import team_pptx
from ekokit.store.database import Store
from ekokit.store.demo import ensure_demo_team
from PIL import Image, ImageFont
from pptx import Presentation
from pptx.util import Emu

FI = Translator("fi")
EMU_PT = 12700
LINE = 1.2
WORDS = ("Velkaneuvonta", "tavoittaa", "nuoren", "ajoissa", "Valtiokonttorin",
         "hyvinvointialueen", "sosiaalityö", "ja", "ohjaamo", "kokeilee")


def _text(limit: int, salt: int) -> str:
    """Realistic Finnish words up to ``limit`` characters (``salt`` makes it unique)."""
    words, out = itertools.cycle(WORDS), f"{salt}"
    while len(out) + 20 < limit:
        out += " " + next(words)
    return out


def _value(spec: FieldSpec, salt: int):
    vocab = vocabularies().get(spec.vocab or "", ())
    if spec.type in ("text", "longtext"):
        return _text(spec.limit or 200, salt)
    if spec.type == "textlist":
        return [_text(spec.limit or 300, salt + i) for i in range(spec.max_items or 10)]
    if spec.type == "int":
        return spec.max
    if spec.type == "bool":
        return True
    if spec.type == "date":
        return "2024-12-31"
    if spec.type == "choice":
        return vocab[-1]
    if spec.type == "multichoice":
        return list(vocab[: spec.max_items or len(vocab)])
    if spec.type == "scores":
        return {d: spec.max for d in vocab}
    assert spec.type == "list"
    rows = [{item.name: _value(item, salt * 100 + i) for item in spec.item}
            for i in range(spec.max_items or 10)]
    key = next((item for item in spec.item if item.name == spec.unique), None)
    if key is not None and key.type == "int":
        for i, row in enumerate(rows):
            row[key.name] = (key.min or 0) + i
    if key is not None and key.type == "choice":  # unique choices: one row per choice
        choices = vocabularies()[key.vocab or ""]
        rows = rows[:len(choices)]
        for row, choice in zip(rows, choices, strict=False):
            row[key.name] = choice
    return rows


def maximal(exercise_id: str) -> dict:
    """Every field of the exercise at its maximum: the most rows, the longest texts."""
    exercise = find_exercise(exercise_id)
    data = {spec.name: _value(spec, n + 1) for n, spec in enumerate(exercise.spec.fields)}
    if exercise_id == "s4_msc_stories":  # the chosen story is one of the stories
        data["selected_story"] = data["stories"][0]["title"]
    return validate(exercise, data)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Store:
    store = Store(str(tmp_path_factory.mktemp("pptx") / "ekokit.sqlite"))
    ensure_demo_team(store)
    name = _text(120, 0)
    store.create_team(Team(slug="suurin", name=name, phenomenon=_text(200, 1),
                           members=[_text(80, i) for i in range(30)]))
    for exercise in all_exercises():
        store.save("suurin", exercise.id, maximal(exercise.id), base_revision=None)
    return store


@pytest.fixture(scope="module")
def decks(store) -> dict[str, bytes]:
    demo = team_report(store, DEMO_TEAM, "fi")
    demo_text = team_report(store, DEMO_TEAM, "fi", charts=False)
    largest = team_report(store, "suurin", "fi", charts=False)
    return {"demo": team_pptx(demo), "demo full": team_pptx(demo_text, full=True),
            "largest": team_pptx(largest), "largest full": team_pptx(largest, full=True)}


# -- measuring -----------------------------------------------------------------------------------


@functools.cache
def _font(size: float, bold: bool) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_file(bold)), round(size * 20))


def _words(paragraph) -> list[list[tuple[str, bool]]]:
    """The paragraph's lines as typed (a line break starts one), each as (word, bold) pieces
    with the spaces kept as their own pieces."""
    lines: list[list[tuple[str, bool]]] = [[]]
    for child in paragraph._p:
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "br":
            lines.append([])
        elif tag == "r":
            bold = child.find("{*}rPr") is not None and child.find("{*}rPr").get("b") == "1"
            text = "".join(t.text or "" for t in child.iter("{*}t"))
            for piece in re.split(r"( )", text):
                if piece:
                    lines[-1].append((piece, bold))
    return lines


def laid_out(paragraph, width_pt: float) -> tuple[int, float, list[str]]:
    """(lines, size in pt, words wider than the line) of a paragraph in a box ``width_pt``
    wide: greedy breaking at spaces, as a renderer with word wrap does."""
    sizes = {r.font.size.pt for r in paragraph.runs if r.font.size is not None}
    if not paragraph.runs:
        return 0, 0.0, []
    assert len(sizes) == 1, f"one size per paragraph: {paragraph.text!r}"
    size = sizes.pop()
    count, too_wide = 0, []
    for pieces in _words(paragraph):
        count += 1
        used = 0.0
        for piece, bold in pieces:
            w = _font(size, bold).getlength(piece) / 20
            if piece == " ":
                used += w
                continue
            if w > width_pt:
                too_wide.append(piece)
            if used and used + w > width_pt:
                count += 1
                used = 0.0
            used += w
    return count, size, too_wide


def overflows(data: bytes) -> list[str]:
    """Every text that would leave its box or the slide, every shape that leaves the slide."""
    deck = Presentation(io.BytesIO(data))
    width, height = deck.slide_width, deck.slide_height
    problems = []
    for number, slide in enumerate(deck.slides, start=1):
        for shape in slide.shapes:
            where = f"slide {number} {shape.name}"
            if shape.left < 0 or shape.top < 0 or shape.left + shape.width > width \
                    or shape.top + shape.height > height:
                problems.append(f"{where}: leaves the slide")
            if shape.has_text_frame and shape.text_frame.text.strip():
                frame = shape.text_frame
                inner_w = (shape.width - frame.margin_left - frame.margin_right) / EMU_PT
                inner_h = (shape.height - frame.margin_top - frame.margin_bottom) / EMU_PT
                used = 0.0
                for paragraph in frame.paragraphs:
                    assert {r.font.name for r in paragraph.runs} <= {"DejaVu Sans"}
                    lines, size, wide = laid_out(paragraph, inner_w)
                    after = paragraph.space_after.pt if paragraph.space_after else 0
                    used += lines * size * LINE + after
                    problems += [f"{where}: the word {w!r} is broken" for w in wide]
                last = frame.paragraphs[-1].space_after
                if used - (last.pt if last else 0) > inner_h + 0.5:
                    problems.append(f"{where}: text {used:.0f} pt in a box {inner_h:.0f} pt "
                                    f"high: {frame.text[:60]!r}")
            if shape.has_table:
                table = shape.table
                if sum(c.width for c in table.columns) > width - shape.left:
                    problems.append(f"{where}: the table is wider than the slide")
                if shape.top + sum(r.height for r in table.rows) > height:
                    problems.append(f"{where}: the table runs off the slide")
                for r, row in enumerate(table.rows):
                    for c, column in enumerate(table.columns):
                        cell = table.cell(r, c)
                        inner_w = (column.width - cell.margin_left - cell.margin_right) / EMU_PT
                        need = (cell.margin_top + cell.margin_bottom) / EMU_PT
                        for paragraph in cell.text_frame.paragraphs:
                            lines, size, wide = laid_out(paragraph, inner_w)
                            need += lines * size * LINE
                            problems += [f"{where}: the word {w!r} is broken" for w in wide]
                        if need > row.height / EMU_PT + 0.5:
                            problems.append(f"{where} cell {r},{c}: {need:.0f} pt in a row "
                                            f"{row.height / EMU_PT:.0f} pt high")
    return problems


def slide_texts(data: bytes) -> list[str]:
    deck = Presentation(io.BytesIO(data))
    out = []
    for slide in deck.slides:
        parts = []
        for shape in slide.shapes:
            if shape.has_text_frame:
                parts.append(shape.text_frame.text)
            if shape.has_table:
                parts += [shape.table.cell(r, c).text for r in range(len(shape.table.rows))
                          for c in range(len(shape.table.columns))]
        out.append("\n".join(parts))
    return out


# -- the tests -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["demo", "demo full", "largest", "largest full"])
def test_no_text_leaves_its_box_or_the_slide(decks, name):
    assert overflows(decks[name]) == []


def test_the_measure_finds_text_that_would_overflow(decks):
    """The check above can fail: the same deck with one box made too small is caught."""
    deck = Presentation(io.BytesIO(decks["demo"]))
    story = next(s for s in deck.slides
                 if FI("report.story") in slide_texts_of(s))
    box = max((s for s in story.shapes if s.has_text_frame), key=lambda s: s.height)
    box.height = Emu(box.height // 3)
    out = io.BytesIO()
    deck.save(out)
    assert any("high" in problem for problem in overflows(out.getvalue()))


def slide_texts_of(slide) -> str:
    return "\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)


def test_the_short_deck_opens_with_the_harvest_in_8_to_12_slides(decks, store):
    texts = slide_texts(decks["demo"])
    assert 8 <= len(texts) <= 12
    assert FI("report.glance") in texts[1]
    order = [next(i for i, t in enumerate(texts) if heading in t.split("\n")[0])
             for heading in (FI("report.maturity"), FI("report.impact_chain"),
                             FI("report.experiments"), FI("report.outcomes"),
                             FI("report.story"))]
    assert order == sorted(order) and order[-1] < len(texts) - 1
    deck = Presentation(io.BytesIO(decks["demo"]))
    glance = [s for s in deck.slides[1].shapes if s.shape_type == 13]  # the picture
    assert len(glance) == 1 and glance[0].width >= 0.9 * (deck.slide_width - Emu(914400))
    image = Image.open(io.BytesIO(glance[0].image.blob))
    assert image.size[0] / image.info["dpi"][0] * 914400 <= glance[0].width * 1.05  # not shrunk


def test_the_full_deck_has_a_divider_per_session_after_the_short_deck(decks):
    texts = slide_texts(decks["demo full"])
    journey = next(i for i, t in enumerate(texts) if t.startswith(FI("report.journey")))
    dividers = [i for i, t in enumerate(texts) if t.split("\n")[0] in
                {FI(f"session.title_{n}") for n in "1234"}]
    assert len(dividers) == 4 and journey < dividers[0]
    assert len(texts) > 60


def test_values_carry_their_labels(decks):
    texts = slide_texts(decks["demo full"])
    power = next(t for t in texts if t.startswith("Valta–kiinnostus-nelikenttä"))
    assert re.search(r"Valta nyt \d · Kiinnostus nyt \d", power)
    assert not re.search(r", \d, \d,", "\n".join(texts))  # no bare "…, 5, 4, …"


def test_the_chosen_story_is_whole_across_slides_and_nothing_is_cut(decks, store):
    story = store.latest_answers("suurin")["s4_msc_stories"]["stories"][0]
    deck = Presentation(io.BytesIO(decks["largest"]))
    bodies = [max((s for s in slide.shapes if s.has_text_frame), key=lambda s: s.height)
              .text_frame.text for slide in deck.slides
              if slide_texts_of(slide).startswith(FI("report.story"))]
    assert len(bodies) > 1  # it continues on a second slide
    shown = " ".join(bodies)
    assert " ".join(story["what_changed"].split()) in " ".join(shown.split())
    assert " ".join(story["why_significant"].split()) in " ".join(shown.split())



def test_every_answer_of_the_demo_is_whole_on_the_slides(decks, store):
    deck = Presentation(io.BytesIO(decks["demo full"]))
    bodies = " ".join(max((s for s in slide.shapes if s.has_text_frame),
                          key=lambda s: s.height).text_frame.text for slide in deck.slides)
    bodies = " ".join(bodies.split())
    texts = [" ".join(value.split()) for answer in store.latest_answers(DEMO_TEAM).values()
             for value in answer.values() if isinstance(value, str) and len(value) > 40]
    assert len(texts) > 30
    assert [text for text in texts if text not in bodies] == []


def test_unanswered_exercises_are_listed_once(tmp_path):
    store = Store(str(tmp_path / "ekokit.sqlite"))
    answers = {"s1_phenomenon": {"phenomenon": "Ylivelkaantuminen", "description": "Kuvaus."}}
    team = Team(slug="pieni", name="Pieni", phenomenon="Ylivelkaantuminen")
    report = build_team_report(team, answers, "fi", charts=False)
    texts = "\n".join(slide_texts(team_pptx(report, full=True)))
    unanswered = [e.title("fi") for e in all_exercises() if e.id not in answers]
    assert FI("report.not_answered") in texts
    items = [item.removeprefix(FI("report.not_answered") + ": ")
             for item in re.split(r", |\n", texts)]
    counts = {title: items.count(title) for title in unanswered}
    assert {title: n for title, n in counts.items() if n != 1} == {}
    del store
