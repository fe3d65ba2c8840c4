"""Messages: t() and its fallbacks, and every key the code uses. (Parity between languages is
``ekokit validate``'s, see tests/test_validate.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from ekokit.content.i18n import MissingMessage, catalogue, languages, t

ROOT = Path(__file__).resolve().parent.parent


def test_finnish_first_and_english_complete():
    assert languages()[0] == "fi"
    assert "en" in languages()




def test_a_missing_key_fails_loudly():
    with pytest.raises(MissingMessage):
        t("no.such.key", "fi")


def test_unknown_language_falls_back_to_finnish():
    assert t("form.choose", "xx") == catalogue("fi")["form.choose"]
