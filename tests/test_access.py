"""The public room's access rule without a server: team keys, the facilitator key, the room
secret in the store, and what the picker and the session app let a page do with them."""

from __future__ import annotations

import html
import sqlite3

import pytest
from ekokit.content.i18n import Translator
from ekokit.errors import AccessDenied
from ekokit.model.access import (
    FACILITATOR_HASH_ENV,
    PUBLIC_ENV,
    Access,
    access_from_env,
    facilitator_hash,
    facilitator_key_matches,
    is_facilitator_notebook,
    team_key,
    team_key_matches,
)
from ekokit.model.teams import DEMO_TEAM, DEMO_TEAMS, Team
from ekokit.state.gate import Gate, key_for, room_secret
from ekokit.store.database import Store
from ekokit.widgets.session_app import SessionApp
from ekokit.widgets.team_picker import TeamPicker

PUBLIC = Access(public=True)
FACILITATOR = Access(public=True, facilitator=True)


# -- keys ------------------------------------------------------------------------------------
def test_a_team_key_is_the_same_for_the_same_secret_and_slug_and_differs_otherwise():
    key = team_key("secret", "tiimi-a")
    assert key == team_key("secret", "tiimi-a")
    assert len(key) == 16 and key.isalnum() and key == key.lower()
    assert key != team_key("secret", "tiimi-b")
    assert key != team_key("other secret", "tiimi-a")


def test_only_the_teams_own_key_opens_it():
    key = team_key("secret", "tiimi-a")
    assert team_key_matches("secret", "tiimi-a", key)
    assert team_key_matches("secret", "tiimi-a", f" {key.upper()} ")  # typed from paper
    assert not team_key_matches("secret", "tiimi-b", key)
    assert not team_key_matches("secret", "tiimi-a", key[:-1])
    assert not team_key_matches("secret", "tiimi-a", "")
    assert not team_key_matches("secret", "tiimi-a", None)
    assert not team_key_matches("", "tiimi-a", team_key("", "tiimi-a"))  # no secret, no key


def test_the_facilitator_key_is_checked_against_its_hash():
    digest = facilitator_hash("fasilitaattori")
    assert "fasilitaattori" not in digest
    assert facilitator_key_matches(digest, "fasilitaattori")
    assert not facilitator_key_matches(digest, "fasilitaattorI")
    assert not facilitator_key_matches(digest, None)
    assert not facilitator_key_matches("", "fasilitaattori")


def test_the_room_comes_from_the_kernels_environment():
    env = {PUBLIC_ENV: "1", FACILITATOR_HASH_ENV: facilitator_hash("k")}
    assert access_from_env(env, "k") == FACILITATOR
    assert access_from_env(env, "wrong") == PUBLIC
    assert access_from_env(env, None) == PUBLIC
    assert access_from_env({}, "k") == Access()  # local: open, and no facilitator needed
    assert Access().trusted and FACILITATOR.trusted and not PUBLIC.trusted


@pytest.mark.parametrize("value", ["0", "", "true", "yes", " 1", "10"])
def test_only_the_value_1_makes_the_room_public(value):
    """The server writes exactly "1"; anything else (an unset "0", an empty value, a word) is a
    local room, whatever its truthiness."""
    env = {PUBLIC_ENV: value, FACILITATOR_HASH_ENV: facilitator_hash("k")}
    assert access_from_env(env, None) == Access()
    assert not access_from_env(env, "k").facilitator


def test_what_a_public_page_may_open():
    key = team_key("s", "tiimi-a")
    assert PUBLIC.may_open("s", "tiimi-a", key)
    assert not PUBLIC.may_open("s", "tiimi-a", None)
    assert not PUBLIC.may_open("s", "tiimi-a", team_key("s", "tiimi-b"))
    assert PUBLIC.may_open("s", DEMO_TEAM, None)  # the worked example is everyone's
    # only the worked example itself: a team whose name merely starts like it needs its key
    for lookalike in (f"{DEMO_TEAM}-tiimi", f"{DEMO_TEAM}2", f"{DEMO_TEAM}a"):
        assert not PUBLIC.may_open("s", lookalike, None), lookalike
        assert PUBLIC.may_open("s", lookalike, team_key("s", lookalike)), lookalike
    assert FACILITATOR.may_open("s", "tiimi-a", None)
    assert Access().may_open("", "tiimi-a", None)


@pytest.mark.parametrize("slug", ["esimerkki-2", "esimerkki-en", "examples", "exempel-a",
                                  "xesimerkki", "example-team", "esimerkk", "Esimerkki",
                                  " esimerkki"])
def test_a_team_named_like_a_demo_team_needs_its_key(slug):
    assert all(PUBLIC.may_open("s", demo, None) for demo in DEMO_TEAMS.values())
    assert not PUBLIC.may_open("s", slug, None)  # only the demo teams themselves, exactly
    assert PUBLIC.may_open("s", slug, team_key("s", slug))


def test_a_public_page_opens_a_team_named_like_the_demo_team_only_with_its_key(store):
    from ekokit.store.demo import ensure_demo_team

    ensure_demo_team(store)
    store.create_team(Team(slug="esimerkki-2", name="Toinen esimerkki", members=("Aino",)))
    store.save("esimerkki-2", "s1_phenomenon", {"phenomenon": "Salainen vastaus"},
               base_revision=None, author="Aino")
    app = _bind(store, PUBLIC, team="esimerkki-2")
    assert app.team is None and "Salainen" not in _texts(app.widget)
    assert _bind(store, PUBLIC, team="esimerkki-2", key=key_for(store, "esimerkki-2")).team
    for demo in DEMO_TEAMS.values():  # every demo team opens without a key, in the page's
        assert _bind(store, PUBLIC, team=demo).team.slug == DEMO_TEAM  # language (fi here)


@pytest.mark.parametrize("path", ["00_fasilitaattori.ipynb", "a/../00_fasilitaattori.ipynb",
                                  "00_projektori.ipynb/", "00_projektori.ipynb"])
def test_the_facilitators_notebooks_are_known_by_name(path):
    assert is_facilitator_notebook(path)
    assert not is_facilitator_notebook("01_ekosysteemit.ipynb")


# -- the secret in the store -----------------------------------------------------------------
def test_the_room_secret_is_made_once_and_kept_across_stores(db_path):
    first = room_secret(Store(str(db_path)))
    assert len(first) >= 40
    assert room_secret(Store(str(db_path))) == first
    assert key_for(Store(str(db_path)), "tiimi-a") == team_key(first, "tiimi-a")


def test_an_older_store_gets_the_room_table_from_the_upgrade(tmp_path):
    from ekokit.store.migrate import upgrade

    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as conn:  # a store made before the room table existed
        conn.execute("CREATE TABLE teams (slug VARCHAR(64) PRIMARY KEY, name VARCHAR(120) NOT "
                     "NULL, phenomenon VARCHAR(200) NOT NULL, members TEXT NOT NULL, "
                     "created_at VARCHAR(32) NOT NULL)")
    upgrade(str(path))  # opening it no longer adds the table (tests/test_migrations.py)
    store = Store(str(path))
    assert room_secret(store) == room_secret(store)


# -- the gate --------------------------------------------------------------------------------
@pytest.fixture()
def two_teams(store) -> tuple[Team, Team]:
    a = store.create_team(Team(slug="tiimi-a", name="Alfa <b>", members=("Aino",)))
    b = store.create_team(Team(slug="tiimi-b", name="Beta", members=("Bashir",)))
    return a, b


def test_a_public_gate_opens_a_team_only_with_its_key(store, two_teams):
    gate = Gate(store, PUBLIC)
    assert gate.teams() == []
    assert gate.open_team("tiimi-a", key_for(store, "tiimi-a")).name == "Alfa <b>"
    with pytest.raises(AccessDenied):
        gate.open_team("tiimi-a", key_for(store, "tiimi-b"))
    with pytest.raises(AccessDenied):  # an unknown team says the same: no oracle
        gate.open_team("ei-ole", "x")
    assert gate.link_key("tiimi-a") == key_for(store, "tiimi-a")
    assert len(Gate(store, FACILITATOR).teams()) == 2
    assert Gate(store).link_key("tiimi-a") is None  # locally, links carry no key


# -- the picker ------------------------------------------------------------------------------
def _texts(widget) -> str:
    """Every value and option the widget tree would send to a browser."""
    out = []
    stack = [widget]
    while stack:
        node = stack.pop()
        for attr in ("value", "description", "options", "_options_labels", "placeholder"):
            value = getattr(node, attr, None)
            if value is not None:
                out.append(repr(value))
        stack.extend(getattr(node, "children", ()))
    return " ".join(out)


def test_a_public_picker_lists_no_team_and_creates_none(store, two_teams):
    picked: list[Team] = []
    picker = TeamPicker(store, Translator("fi"), picked.append, gate=Gate(store, PUBLIC))
    assert "Alfa" not in _texts(picker.widget) and "tiimi-a" not in _texts(picker.widget)
    assert not hasattr(picker, "choice") and not hasattr(picker, "create_button")
    picker._create(None)  # a forged click on a create button that is not there
    assert [t.slug for t in store.teams()] == ["tiimi-a", "tiimi-b"] and picked == []
    picker.slug.value, picker.key.value = "tiimi-a", key_for(store, "tiimi-b")
    picker.open_button.click()
    assert picked == []
    assert html.escape(Translator("fi")("access.denied")) in picker.message.value
    picker.key.value = key_for(store, "tiimi-a")
    picker.open_button.click()
    assert [t.slug for t in picked] == ["tiimi-a"]


def test_the_offer_to_open_an_existing_team_needs_its_key_in_a_public_room(store, two_teams):
    picked: list[Team] = []
    picker = TeamPicker(store, Translator("fi"), picked.append, gate=Gate(store, PUBLIC))
    picker._open_slug("tiimi-a")  # what the offer's button does, forged
    assert picked == []
    facilitator = TeamPicker(store, Translator("fi"), picked.append,
                             gate=Gate(store, FACILITATOR))
    facilitator.name.value = "ALFA <B>"
    facilitator.create_button.click()
    assert facilitator.open_existing is not None
    facilitator.open_existing.click()
    assert [t.slug for t in picked] == ["tiimi-a"] and len(store.teams()) == 2


# -- the session app -------------------------------------------------------------------------
def _bind(store, access, **params) -> SessionApp:
    app = SessionApp("1", lang="fi", store=store)
    return app.bind(team=params.get("team"), served=True, params=params, access=access)


def test_a_team_address_without_its_key_shows_nothing_of_the_team(store, two_teams):
    store.save("tiimi-a", "s1_phenomenon", {"phenomenon": "Salainen vastaus"},
               base_revision=None, author="Aino")
    for key in (None, "", key_for(store, "tiimi-b")):
        app = _bind(store, PUBLIC, team="tiimi-a", **({"key": key} if key is not None else {}))
        assert app.team is None
        shown = _texts(app.widget)
        for secret in ("Alfa", "Aino", "Salainen"):  # the slug is what the address said
            assert secret not in shown
        assert html.escape(Translator("fi")("access.denied")) in app.notice.value


def test_a_team_link_opens_the_team_and_the_share_link_carries_its_key(store, two_teams):
    key = key_for(store, "tiimi-a")
    app = _bind(store, PUBLIC, team="tiimi-a", key=key, token="T", fkey="never-shared")
    assert app.team is not None and app.team.slug == "tiimi-a"
    share = next(c for c in app.team_area.children if "ek-share-box" in c._dom_classes)
    assert f'data-ek-team="tiimi-a" data-ek-key="{key}"' in share.value
    assert f'href="?token=T&amp;team=tiimi-a&amp;key={key}"' in share.value
    assert "never-shared" not in share.value


def test_a_local_room_stays_open(store, two_teams):
    app = _bind(store, None, team="tiimi-a")
    assert app.team is not None and app.team.slug == "tiimi-a"
    share = next(c for c in app.team_area.children if "ek-share-box" in c._dom_classes)
    assert 'data-ek-key=""' in share.value and 'href="?team=tiimi-a"' in share.value
