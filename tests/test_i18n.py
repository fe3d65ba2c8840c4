"""Catalogue parity: every key, card text and vocabulary label exists in every language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from ekokit.content.i18n import MissingMessage, catalogue, languages, t
from ekokit.content.vocab import vocab_labels
from ekokit.validate import problems

ROOT = Path(__file__).resolve().parent.parent


def test_finnish_first_and_english_complete():
    assert languages()[0] == "fi"
    assert "en" in languages()


def test_every_ui_key_exists_in_every_language():
    keys = {lang: set(catalogue(lang)) for lang in languages()}
    for lang, own in keys.items():
        assert own == keys["fi"], f"{lang}: missing {keys['fi'] - own}, extra {own - keys['fi']}"


def test_placeholders_agree_between_languages():
    pattern = re.compile(r"{(\w+)}")
    fi = catalogue("fi")
    for lang in languages():
        for key, text in catalogue(lang).items():
            assert set(pattern.findall(text)) == set(pattern.findall(fi[key])), (lang, key)


def test_vocabulary_labels_agree_between_languages():
    fi = vocab_labels("fi")
    for lang in languages():
        assert {k: set(v) for k, v in vocab_labels(lang).items()} == {
            k: set(v) for k, v in fi.items()}


def test_all_content_cross_checks():
    assert problems() == []


def test_every_dynamic_key_family_is_complete():
    from ekokit.content.calendar import calendar
    from ekokit.content.exercises import all_exercises

    messages = catalogue("fi")
    for session in calendar().sessions:
        assert f"session.title_{session.id}" in messages
    for state in ("done", "started", "open"):
        assert f"progress.{state}" in messages
    for card in all_exercises():
        assert f"facilitator.session_{card.session}" in messages


def test_a_missing_key_fails_loudly():
    with pytest.raises(MissingMessage):
        t("no.such.key", "fi")


def test_unknown_language_falls_back_to_finnish():
    assert t("form.choose", "xx") == catalogue("fi")["form.choose"]
