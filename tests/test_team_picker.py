"""The team picker without a browser: creating a team, and no silent duplicates."""

from __future__ import annotations

import html

from ekokit.content.i18n import Translator
from ekokit.model.teams import Team
from ekokit.widgets.team_picker import TeamPicker


def _picker(store, lang="fi"):
    picked: list[Team] = []
    picker = TeamPicker(store, Translator(lang), picked.append)
    return picker, picked


def _classes(picker) -> set[str]:
    return {c for child in picker.widget.children for c in child._dom_classes}


def test_a_name_that_exists_is_refused_with_a_button_that_opens_the_existing_team(store):
    existing = store.create_team(Team(slug="nuorten-jengivakivalta",
                                      name="Nuorten jengiväkivalta"))
    picker, picked = _picker(store)
    picker.name.value = "nuorten jengivakivalta"
    picker.create_button.click()
    fi = Translator("fi")
    assert html.escape(fi("error.team_exists", slug=existing.slug, name=existing.name)) in (
        picker.message.value)
    assert picked == [] and [t.slug for t in store.teams()] == [existing.slug]  # no "-2" copy
    assert picker.open_existing is not None and "ek-open-existing" in _classes(picker)
    assert picker.open_existing.description == "Avaa tiimi ”Nuorten jengiväkivalta”"
    picker.open_existing.click()
    assert [t.slug for t in picked] == [existing.slug]


def test_the_offer_is_in_english_and_goes_away_when_another_name_is_created(store):
    store.create_team(Team(slug="tiimi", name="Tiimi"))
    picker, picked = _picker(store, "en")
    picker.name.value = "TIIMI"
    picker.create_button.click()
    assert picker.open_existing.description == "Open team “Tiimi”"
    picker.name.value = "Toinen tiimi"
    picker.create_button.click()
    assert picker.open_existing is None and "ek-open-existing" not in _classes(picker)
    assert [t.slug for t in picked] == ["toinen-tiimi"]


def test_a_control_character_in_a_name_is_refused_naming_the_field(store):
    picker, picked = _picker(store)
    picker.name.value = "Tiimi"
    picker.members.value = "Aino\nBas\x1bhir"
    picker.create_button.click()
    fi = Translator("fi")
    expected = fi("team.invalid", field=fi("team.members"), problem=fi("input.control"))
    assert html.escape(expected) in picker.message.value
    assert picked == [] and store.teams() == []


def test_a_slug_taken_by_another_name_is_refused_not_suffixed(store):
    store.create_team(Team(slug="nuoret-velat", name="Nuoret & velat"))
    picker, picked = _picker(store)
    picker.name.value = "Nuoret velat"  # another name, the same slug
    picker.create_button.click()
    assert picked == [] and [t.slug for t in store.teams()] == ["nuoret-velat"]
    assert picker.open_existing.description == "Avaa tiimi ”Nuoret & velat”"
