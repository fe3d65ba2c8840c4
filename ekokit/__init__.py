"""ekokit — the Jupyter learning kit of the ecosystem school "Ekosysteemeillä ilmiöt haltuun!"
("Mastering phenomena through ecosystems").

A notebook cell calls one line each:

* ``ekokit.session("1")`` — the app of a session: your team, its progress and its exercises;
* ``ekokit.concept("ecosystem")`` — a reading;
* ``ekokit.exercises("r1_ecosystem", "s1_phenomenon", …)`` — those exercises, after the reading
  they follow (``r1_…``: the reading's own questions, answered and saved like an exercise);
* ``ekokit.homework()`` — the homework after the session, with its due date;
* ``ekokit.harvest()`` — Session 1 against Session 4, and the team's report to download;
* ``ekokit.quiz("1")`` — the session's self-check;
* ``ekokit.language("en")`` — the notebook's language (Finnish otherwise);
* ``ekokit.facilitator()`` — every team at once, for the facilitator;
* ``ekokit.projector()`` — the room's screen: every team's chart side by side, a timer, the
  shared ecosystem.

Inside, the kit is built in layers, each importing only those below it:
content → model → store → state → charts → reports → widgets → server (docs/architecture.md)."""

from ekokit.notebook import (
    concept,
    exercises,
    facilitator,
    harvest,
    homework,
    language,
    projector,
    quiz,
    session,
)

__version__ = "0.1.0"

# The learner's functions only: help(ekokit) shows them and nothing else. The exceptions are in
# ekokit.errors, the layers in their subpackages.
__all__ = [
    "concept", "exercises", "facilitator", "harvest", "homework", "language", "projector", "quiz",
    "session",
]
