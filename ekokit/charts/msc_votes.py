"""``msc_votes`` (s4_msc_stories): the most significant change stories as horizontal bars sorted
by votes; the story chosen as most significant is drawn hatched, its title bold and marked in
words beside its bar."""

from __future__ import annotations

from typing import Any

import pandas as pd
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from ekokit.charts._base import (
    BLACK,
    BLUE,
    FONT,
    ORANGE,
    Chart,
    clean,
    figure,
    listing,
    msg,
    named,
    no_data,
    register,
    tex,
    texts,
    whole,
    wrap,
    yes_no,
)
from ekokit.content.exercises import Exercise

NAME = "msc_votes"


_m = texts(NAME)


def _draw(stories: list[dict], chosen: int | None, lang: str):
    n = len(stories)
    lines = 2 if n <= 10 else 1
    fig = figure((6.4, max(3.0, 1.1 + n * (0.18 + 0.16 * lines))))
    ax = fig.add_subplot()
    ys = list(range(n))[::-1]  # most votes on top
    top = max([s["votes"] or 0 for s in stories] + [1])
    for y, (i, story) in zip(ys, enumerate(stories), strict=False):
        picked = i == chosen
        ax.barh(y, story["votes"] or 0, height=0.62, color=ORANGE if picked else BLUE,
                edgecolor=BLACK, lw=1.6 if picked else 0.6, hatch="//" if picked else None)
        votes = story["votes"]
        text = str(votes) if votes is not None else _m("no_votes", lang)
        if picked:
            text += "  ★ " + _m("chosen", lang)
        ax.text((votes or 0) + top * 0.015, y, text, va="center", ha="left", fontsize=FONT,
                weight="bold" if picked else "normal")
    labels = [tex(wrap(f"{i}. {s['title']}", 30, lines)) for i, s in enumerate(stories, 1)]
    ax.set_yticks(ys, labels, fontsize=FONT)
    if chosen is not None:
        ax.get_yticklabels()[chosen].set_fontweight("bold")
    ax.set_xlim(0, top * 1.45 + 1)
    ax.set_ylim(-0.6, n - 0.4)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.tick_params(labelsize=FONT)
    ax.set_xlabel(_m("votes", lang), fontsize=FONT + 1)
    ax.spines[["top", "right"]].set_visible(False)
    handles = [Patch(facecolor=BLUE, edgecolor=BLACK, label=_m("story", lang))]
    if chosen is not None:
        handles.append(Patch(facecolor=ORANGE, edgecolor=BLACK, hatch="//", lw=1.6,
                             label=_m("chosen_story", lang)))
    fig.legend(handles=handles, loc="outside lower center", ncols=2, fontsize=FONT,
               frameon=False)
    return fig


def _table(stories: list[dict], chosen: int | None, lang: str) -> pd.DataFrame:
    out = [(i + 1, clean(s["title"]), clean(s.get("teller")), clean(s.get("domain")), s["votes"],
            yes_no(i == chosen, lang), yes_no(s.get("consent"), lang))
           for i, s in enumerate(stories)]
    keys = ("col_title", "col_teller", "col_domain", "votes", "col_chosen", "col_consent")
    columns = [msg("col_no", lang), *(_m(k, lang) for k in keys)]
    return pd.DataFrame(out, columns=columns, dtype=object)


def _alt(stories: list[dict], chosen: int | None, selected: str, lang: str) -> str:
    sentences = [_m("alt", lang, count=len(stories))]
    voted = [s for s in stories if s["votes"] is not None]
    if voted:
        order = [f"{clean(s['title'])} ({s['votes']})" for s in voted]
        sentences.append(_m("alt_order", lang, stories=listing(order, lang)))
    else:
        sentences.append(_m("alt_no_votes", lang))
    if chosen is not None:
        sentences.append(_m("alt_chosen", lang, title=clean(stories[chosen]["title"]),
                            votes=stories[chosen]["votes"] or 0))
    elif selected:
        sentences.append(_m("alt_chosen_missing", lang, title=selected))
    return " ".join(sentences)


@register(NAME, reads=("stories.title", "stories.teller", "stories.domain", "stories.votes",
                       "stories.consent", "selected_story"))
def msc_votes(exercise: Exercise, answer: dict[str, Any], lang: str) -> Chart:
    stories = [{**s, "votes": whole(s.get("votes"))} for s in named(answer, "stories", "title")]
    if not stories:
        return no_data(lang)
    stories.sort(key=lambda s: -(s["votes"] or 0))  # stable: ties keep the team's order
    selected = clean(answer.get("selected_story"))
    titles = [clean(s["title"]).casefold() for s in stories]
    chosen = titles.index(selected.casefold()) if selected.casefold() in titles else None
    return Chart(_draw(stories, chosen, lang), _alt(stories, chosen, selected, lang),
                 _table(stories, chosen, lang))
