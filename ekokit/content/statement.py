"""The accessibility statement's facts: data/accessibility.yaml (dates, the tests it cites with
the SHA-256 each had when the statement was last reviewed, the supervising authority's site).
Its texts are in data/<lang>/ui/statement.yaml; the page is ``ekokit.server.statement``."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from ekokit.content import yamlfile
from ekokit.paths import PACKAGE_DIR, data_cache, data_dir

# The known non-conformities, in the page's order: statement.problem_<name> (what is wrong)
# and statement.problem_<name>_criteria (the WCAG 2.1 criteria) in every language.
NON_CONFORMITIES: tuple[str, ...] = ("charts", "parts", "reflow", "lab")
REPOSITORY = PACKAGE_DIR.parent  # where the cited tests are (a clone; an installed kit has none)


class StatementFacts(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    published: dt.date
    reviewed: dt.date
    authority_site: str = Field(pattern=r"^[a-z0-9.-]+\.[a-z]{2,}(/\S*)?$")
    tests: dict[str, str] = Field(min_length=1)  # path in the repository → SHA-256 at review


@data_cache
def statement_facts() -> StatementFacts:
    with (data_dir() / "accessibility.yaml").open(encoding="utf-8") as fh:
        return StatementFacts.model_validate(yamlfile.load(fh) or {})


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
