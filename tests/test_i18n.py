"""Messages: t() and its fallbacks, and every key the code uses. (Parity between languages is
``ekokit validate``'s, see tests/test_validate.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from ekokit.content.i18n import MissingMessage, catalogue, language_names, languages, t

ROOT = Path(__file__).resolve().parent.parent


def test_finnish_first_and_english_complete():
    assert languages()[0] == "fi"
    assert "en" in languages()


def test_the_switch_offers_suomi_svenska_english_each_in_its_own_name():
    assert languages() == ("fi", "sv", "en")
    assert language_names() == {"fi": "suomi", "sv": "svenska", "en": "English"}


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_language_has_every_finnish_key_with_its_placeholders(lang):
    """The parity validate checks (tests/test_validate.py breaks it), here on the real data."""
    from ekokit.validate.language_checks import _placeholders

    fi, own = catalogue("fi"), catalogue(lang)
    assert sorted(set(fi) ^ set(own)) == []
    assert [k for k in fi if _placeholders(fi[k]) != _placeholders(own[k])] == []


def test_swedish_is_finland_swedish_in_its_key_words():
    """The reviewers' glossary (data/sv/TERMS.md) in the catalogue: a few of its choices."""
    sv = catalogue("sv")
    assert sv["session.title_1"].startswith("Träff 1")
    assert sv["status.saved"].startswith("Sparat")
    assert sv["reading.reflection_heading"] == "Att fundera på"
    assert sv["facilitator.title"] == "Facilitatorns vy"
    assert "{date} kl. {start}" in sv["session.when"]



def test_a_missing_key_fails_loudly():
    with pytest.raises(MissingMessage):
        t("no.such.key", "fi")


def test_unknown_language_falls_back_to_finnish():
    assert t("form.choose", "xx") == catalogue("fi")["form.choose"]
