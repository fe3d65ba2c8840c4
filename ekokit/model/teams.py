"""Teams: who works on which phenomenon. Validation and slugs; storage is in
:mod:`ekokit.store.database`."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
)
from pydantic_core import PydanticCustomError

# Control characters (C0, DEL, C1: ESC, newline, tab…), line and paragraph separators, and the
# bidirectional overrides that make a name read differently from what it is.
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _one_line(value: str) -> str:
    if CONTROL.search(value):
        raise PydanticCustomError("control_characters",
                                  "control characters (newline, tab, ESC…) are not allowed")
    return value


Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120),
                 AfterValidator(_one_line)]
Member = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80),
                   AfterValidator(_one_line)]
Phenomenon = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200),
                       AfterValidator(_one_line)]
Author = Annotated[str, StringConstraints(max_length=80), AfterValidator(_one_line)]  # or ""
SLUG = r"^[a-z0-9][a-z0-9-]{0,62}$"
# The worked example (the demo team): one team per language, each seeded from its own answers
# (fi: data/examples/demo_team/, en and sv: data/<lang>/examples/demo_team/). A page, view or
# report in a language shows that language's demo team; every rule about "the demo team" asks
# is_demo_team(), an exact match against these slugs.
DEMO_TEAMS: dict[str, str] = {"fi": "esimerkki", "en": "example", "sv": "exempel"}
DEMO_SLUGS = frozenset(DEMO_TEAMS.values())
DEMO_TEAM = DEMO_TEAMS["fi"]  # the Finnish one (the others are translations of it)


class Team(BaseModel):
    """A team's profile. ``slug`` is its stable id in URLs (``?team=<slug>``) and exports."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    slug: str = Field(pattern=SLUG)
    name: Name
    phenomenon: Phenomenon = ""
    members: tuple[Member, ...] = Field(default=(), max_length=30)

    @field_validator("members", mode="before")
    @classmethod
    def _drop_blank_and_duplicates(cls, value: object) -> object:
        if isinstance(value, str):
            value = value.splitlines()
        if isinstance(value, (list, tuple)):
            seen: dict[str, str] = {}
            for member in value:
                text = str(member).strip()
                if text and text.casefold() not in seen:
                    seen[text.casefold()] = text
            return tuple(seen.values())
        return value


def slugify(name: str) -> str:
    """ASCII slug of a team name: "Nuoret & velat" → "nuoret-velat"."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return slug[:63].strip("-") or "tiimi"


# Characters that look like a space but are not one (Unicode's whitespace aside).
_BLANKS = {"\u2800", "\u3164", "\u115f", "\u1160", "\uffa0"}


@functools.lru_cache(maxsize=4096)
def _prototype(char: str) -> str:
    """The character ``char`` is drawn like, after Unicode's confusables (TR39's data, through the
    maintained confusable_homoglyphs package): a Latin letter for a Greek or Cyrillic look-alike,
    the character itself when it has no Latin twin."""
    if char.isascii():
        return char
    if char in _BLANKS or char.isspace():
        return " "
    if unicodedata.category(char) == "Cf":  # zero-width space, joiners, soft hyphen: invisible
        return ""
    from confusable_homoglyphs import confusables

    found = confusables.is_confusable(char, greedy=True, preferred_aliases=["latin"]) or []
    for hit in found:
        for glyph in hit["homoglyphs"]:
            if glyph["c"].isascii() and glyph["c"].isalnum():
                return str(glyph["c"])
    return char


def name_key(name: str) -> str:
    """What makes two team names the same name: case, accents, spacing and look-alike characters
    aside ("Nuorten jengiväkivalta" and "nuorten  jengivakivalta" are one, and so are "Alpha
    Tiimi" and the same with a Greek Alpha for the A, or with a zero-width space or a braille blank
    inside): a skeleton in the sense of Unicode TR39, made with its confusables data."""
    composed = unicodedata.normalize("NFKC", name)
    drawn = "".join(_prototype(c) for c in unicodedata.normalize("NFD", composed))
    decomposed = unicodedata.normalize("NFKD", drawn)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


def visible(text: str) -> str:
    """``text`` safe to print on a terminal: control characters shown as escapes (``\\x1b``)."""
    return CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


# -- input problems: a refused value as one message, naming the field ------------------------
FIELD_KEYS = {"slug": "team.slug", "name": "team.name", "phenomenon": "team.phenomenon",
              "members": "team.members"}
_PROBLEM_KEYS = {
    "string_pattern_mismatch": "input.slug",
    "string_too_short": "input.empty",
    "missing": "input.empty",
    "string_too_long": "input.too_long",
    "too_long": "input.too_many",
    "control_characters": "input.control",
}


@dataclass(frozen=True)
class InputProblem:
    """The first thing wrong with a team's fields: which field (``label``, the message key of
    its label), the refused value (printable, shortened), and what is wrong (a message key and
    its params)."""

    label: str
    value: str
    key: str
    params: dict[str, Any] = field(default_factory=dict)


def input_problem(exc: ValidationError) -> InputProblem:
    """One readable problem from pydantic's validation of a :class:`Team`."""
    err = exc.errors()[0]
    loc = err.get("loc") or ("name",)
    raw = err.get("input", "")
    value = ", ".join(map(str, raw)) if isinstance(raw, (list, tuple)) else str(raw)
    shown = visible(value)
    if len(shown) > 60:
        shown = shown[:59] + "…"
    ctx = err.get("ctx") or {}
    params = {"max": ctx.get("max_length", "")}
    return InputProblem(FIELD_KEYS.get(str(loc[0]), "team.name"), shown,
                        _PROBLEM_KEYS.get(err["type"], "input.generic"), params)


def listed_name(team: Team, example_mark: str) -> str:
    """A team's name where teams are listed: the worked example is marked as one."""
    return f"{team.name} ({example_mark})" if is_demo_team(team.slug) else team.name


def is_demo_team(slug: str) -> bool:
    """Whether ``slug`` is one of the demo teams: an exact match (``esimerkki-2`` is not)."""
    return slug in DEMO_SLUGS


def demo_team(lang: str) -> str:
    """The slug of the demo team in ``lang`` (Finnish for a language without one)."""
    return DEMO_TEAMS.get(lang, DEMO_TEAMS["fi"])


def shown_team(slug: str, lang: str) -> str:
    """The team a page, view or report in ``lang`` shows for ``slug``: a demo team is shown as
    the demo team in that language (``?team=esimerkki&lang=en`` shows the English one); any
    other team is itself."""
    return demo_team(lang) if is_demo_team(slug) else slug


def listed_teams(teams: Iterable[Team], lang: str) -> list[Team]:
    """The teams a page in ``lang`` lists to choose from: every team, and of the demo teams only
    the one in that language."""
    return [t for t in teams if not is_demo_team(t.slug) or t.slug == demo_team(lang)]


def participating_teams(teams: Iterable[Team], lang: str) -> list[Team]:
    """The teams of a room (the facilitator's view, the projector, the programme report): every
    team but the demo teams, which are no team of the room; a store that holds nothing else
    shows the demo team in ``lang``."""
    teams = list(teams)
    others = [t for t in teams if not is_demo_team(t.slug)]
    return others if others else [t for t in teams if t.slug == demo_team(lang)]
