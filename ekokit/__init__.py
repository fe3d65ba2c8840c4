"""Ekosysteemeillä ilmiöt haltuun! / Mastering phenomena through ecosystems: the learning kit.

Muistion soluissa on yksi rivi kussakin. / Each notebook cell holds one line:

  ekokit.session("1")        tapaamisen sovellus: tiimi, eteneminen, harjoitukset
                             the session's app: your team, its progress and exercises
  ekokit.concept("ecosystem") luettava teksti / a reading
  ekokit.exercises("s1_phenomenon", …)
                             harjoitukset luetun jälkeen / the exercises after a reading
  ekokit.homework()          kotitehtävät ja niiden päivämäärät / homework and its due dates
  ekokit.harvest()           sadonkorjuu: tapaaminen 1 ja 4 rinnakkain, raportti
                             the harvest: Session 1 beside Session 4, and your report

Lisäksi / also: ekokit.quiz("1") itsetesti / a self-check, ekokit.language("en") kieli /
the notebook's language (suomi fi, svenska sv, English en). Fasilitaattorille / for the
facilitator: ekokit.facilitator(), ekokit.projector().

Vastaukset tallentuvat itsestään. / Your answers are saved as you type."""

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
