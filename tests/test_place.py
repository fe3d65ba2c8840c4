"""``charts/_place.place()`` on its own: labels beside markers, none over another label or over a
marker, a thin line to a label set far from its marker, the same layout every time."""

from __future__ import annotations

import itertools
import math

import pytest
from ekokit.charts._base import figure
from ekokit.charts._place import LEADER, place, settle, sheet, sheet_axes
from matplotlib.text import Text
from matplotlib.transforms import Bbox
from tests.chart_layout import boxes_overlap, overlaps

MARKER = 10.0  # points, place()'s default
# three markers close together and a row of four (their long labels cannot all stand right by
# them), and three alone in the corners; names of different lengths, long Finnish compounds
CROWD = [(5 + 0.4 * math.cos(k * 2 * math.pi / 3), 5 + 0.4 * math.sin(k * 2 * math.pi / 3))
         for k in range(3)] + [(2 + 0.4 * k, 7.0) for k in range(4)]
ALONE = [(1.5, 1.5), (8.5, 1.5), (8.5, 8.5)]
ANCHORS = CROWD + ALONE
TEXTS = [f"Toimija {i}" if i % 3 else f"Ylivelkaantumisverkosto {i}" for i in range(len(ANCHORS))]


def laid_out(anchors=ANCHORS, texts=TEXTS, **options):
    fig = figure((6.4, 4.8))
    ax = fig.add_subplot()
    ax.set(xlim=(0, 10), ylim=(0, 10))
    ax.scatter(*zip(*anchors, strict=True), s=MARKER ** 2)
    renderer = settle(fig)
    placed = place(ax, anchors, texts, renderer=renderer, marker=MARKER, **options)
    return fig, ax, renderer, placed


def marker_boxes(fig, ax, anchors) -> list[Bbox]:
    half = MARKER * fig.dpi / 72 / 2
    return [Bbox.from_extents(x - half, y - half, x + half, y + half)
            for x, y in (ax.transData.transform(a) for a in anchors)]


def text_box(label: Text, renderer) -> Bbox:
    """The label's text alone (an annotation's own extent takes in its line too)."""
    return Text.get_window_extent(label, renderer)


def offset(label) -> float:
    """How far (points) the label's anchor point stands from its marker."""
    return math.hypot(*label.xyann)


def test_every_label_is_placed_none_overlaps_another_and_none_covers_a_marker():
    fig, ax, renderer, placed = laid_out(misfit="none")
    assert placed.fits
    assert [label.get_text() for label in placed.labels] == TEXTS
    boxes = [text_box(label, renderer) for label in placed.labels]
    assert [(a, b) for (a, p), (b, q) in itertools.combinations(zip(TEXTS, boxes, strict=True), 2)
            if boxes_overlap(p, q)] == []
    markers = marker_boxes(fig, ax, ANCHORS)
    assert [(text, k) for text, box in zip(TEXTS, boxes, strict=True)
            for k, mark in enumerate(markers) if boxes_overlap(box, mark)] == []
    frame = ax.get_window_extent(renderer)
    assert all(frame.x0 <= b.x0 and b.x1 <= frame.x1 and frame.y0 <= b.y0 and b.y1 <= frame.y1
               for b in boxes)


def test_a_label_alone_stands_right_beside_its_marker_without_a_line():
    _fig, _ax, _renderer, placed = laid_out(misfit="none")
    for label in placed.labels[len(CROWD):]:  # the four in the corners have room
        assert label.xyann == (7, 0) or offset(label) <= LEADER
        assert label.arrow_patch is None


def test_a_label_set_far_from_its_marker_gets_a_line_to_it():
    fig, ax, _renderer, placed = laid_out(misfit="none")
    far = [label for label in placed.labels if offset(label) > LEADER]
    assert far, "the crowd's labels cannot all stand right beside their markers"
    assert all(label.arrow_patch is not None for label in far)
    assert all(label.arrow_patch is None for label in placed.labels if offset(label) <= LEADER)
    fig.draw_without_rendering()
    for label in far:  # the line ends at its own marker, not at another
        x, y = ax.transData.transform(label.xy)
        ends = label.arrow_patch.get_path().vertices
        nearest = min(math.dist(point, (x, y)) for point in ends)
        assert nearest <= MARKER * fig.dpi / 72, label.get_text()


def test_a_far_label_does_not_cover_another_marker():
    """Only spots to the right, the nearest covering another marker: the label goes further
    (with its line), past that marker rather than over it. Data units are points here."""
    fig, renderer = sheet(300)
    ax = sheet_axes(fig, 300, 100)
    other = (90.0, 57.0)  # just above the label's line, under the label's first far spot
    placed = place(ax, [(50.0, 50.0), other], ["Ylivelkaantuminen"], renderer=renderer,
                   marker=MARKER, directions=((1, 0),), radii=(7, 28, 64), misfit="drop")
    assert placed.fits and len(placed.labels) == 1
    label = placed.labels[0]
    assert offset(label) > LEADER and label.arrow_patch is not None
    assert not boxes_overlap(text_box(label, renderer), marker_boxes(fig, ax, [other])[0])


def test_a_box_to_avoid_is_kept_clear():
    _fig, _ax, renderer, first = laid_out(misfit="none")
    right_of = text_box(first.labels[len(CROWD)], renderer)  # where the first alone went
    _fig, _ax, renderer2, placed = laid_out(avoid=[right_of], misfit="none")
    assert placed.fits
    assert not any(boxes_overlap(text_box(label, renderer2), right_of)
                   for label in placed.labels)


def test_the_same_input_gives_the_same_layout():
    def layout():
        _fig, _ax, renderer, placed = laid_out(misfit="none")
        return [(label.xyann, label.get_horizontalalignment(), label.get_verticalalignment(),
                 tuple(text_box(label, renderer).extents)) for label in placed.labels]

    assert layout() == layout()


# a three-by-three grid of markers close together: the middle ones' labels have no free spot
GRID = [(4 + 0.4 * i, 4 + 0.4 * j) for i in range(3) for j in range(3)]


@pytest.mark.parametrize("misfit", ["least", "drop", "none"])
def test_labels_that_find_no_room_are_kept_dropped_or_all_left_out(misfit):
    """Where some labels find no free spot: "least" draws every one where it covers least,
    "drop" leaves those out (and the rest stand free), "none" draws none."""
    texts = [f"Toimija {i}" for i in range(len(GRID))]
    fig, ax, renderer, placed = laid_out(GRID, texts, misfit=misfit)
    assert placed.fits is False
    drawn = [label.get_text() for label in placed.labels]
    assert len(ax.texts) == len(drawn)  # what was left out is not on the axes either
    if misfit == "least":
        assert drawn == texts
    elif misfit == "none":
        assert drawn == []
    else:
        assert 0 < len(drawn) < len(texts)
        boxes = [text_box(label, renderer) for label in placed.labels]
        assert not any(boxes_overlap(p, q) for p, q in itertools.combinations(boxes, 2))
        markers = marker_boxes(fig, ax, GRID)
        assert not any(boxes_overlap(b, m) for b in boxes for m in markers)


def test_the_chart_tests_overlap_check_sees_two_texts_on_one_spot_and_not_two_apart():
    """tests/chart_layout.py's one tolerance: sharing more than a pixel both ways overlaps;
    boxes that meet within a pixel do not."""
    fig = figure((4, 3))
    ax = fig.add_subplot()
    ax.set(xlim=(0, 10), ylim=(0, 10))
    ax.text(2, 2, "Kela")
    ax.text(2, 2, "THL")
    ax.text(8, 8, "Ohjaamo")
    assert overlaps(fig) == [("Kela", "THL")]
    box = Bbox.from_extents(0, 0, 10, 10)
    assert boxes_overlap(box, Bbox.from_extents(8, 8, 20, 20))  # 2 px both ways
    assert not boxes_overlap(box, Bbox.from_extents(9.5, 0, 20, 10))  # half a pixel across
    assert not boxes_overlap(box, Bbox.from_extents(10, 10, 20, 20))  # they meet at a corner
