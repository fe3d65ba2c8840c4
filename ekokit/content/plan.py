"""How each session notebook reads (data/notebooks.yaml): readings, each followed by the
exercises it prepares for; the quiz and the homework come last."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from ekokit.content import yamlfile
from ekokit.paths import data_cache, data_dir


class Step(BaseModel):
    """One reading and the exercises that follow it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    reading: str
    exercises: tuple[str, ...] = Field(min_length=1)


@data_cache
def notebook_plan() -> dict[str, tuple[Step, ...]]:
    """{session id: its steps in order}."""
    with (data_dir() / "notebooks.yaml").open(encoding="utf-8") as fh:
        raw = yamlfile.load(fh) or {}
    return {str(session): tuple(Step.model_validate(step) for step in steps)
            for session, steps in raw.items()}
