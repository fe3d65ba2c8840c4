"""Teams: who works on which phenomenon. Validation and slugs; storage is in
:mod:`ekokit.store.database`."""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
Member = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]
SLUG = r"^[a-z0-9][a-z0-9-]{0,62}$"
DEMO_TEAM = "esimerkki"  # the worked example team (data/examples/demo_team/)


class Team(BaseModel):
    """A team's profile. ``slug`` is its stable id in URLs (``?team=<slug>``) and exports."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    slug: str = Field(pattern=SLUG)
    name: Name
    phenomenon: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] = ""
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
