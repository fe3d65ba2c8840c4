"""``ekokit serve --behind-proxy URL`` without a server: the address it accepts, where it is
kept for ``ekokit links``, and ``/ekokit/health``'s answer when the store is there or gone.
(tests/test_proxy.py runs the real nginx, two servers and chromium.)"""

from __future__ import annotations

import asyncio
import json

import ekokit
import pytest
from ekokit.content.i18n import t
from ekokit.errors import BadPublicUrl
from ekokit.model.teams import Team
from ekokit.server.app import ServeOptions, build_config
from ekokit.server.behind_proxy import known_public_url, public_base_url, remember_public_url
from ekokit.server.health import health_report
from ekokit.store.database import Store
from tests.cli_runner import run_cli


@pytest.mark.parametrize(("given", "base"), [
    ("https://ekokit.example.fi", "https://ekokit.example.fi/"),
    ("https://Ekokit.Example.FI/", "https://ekokit.example.fi/"),
    ("https://ekokit.example.fi:443/", "https://ekokit.example.fi/"),
    ("https://127.0.0.1:8443/", "https://127.0.0.1:8443/"),
    (" https://[::1]:8443 ", "https://[::1]:8443/"),
])
def test_a_public_address_is_kept_as_the_rooms_https_root(given, base):
    assert public_base_url(given) == base


@pytest.mark.parametrize("given", [
    "http://ekokit.example.fi/",  # plain http: the keys would cross the network in the clear
    "ekokit.example.fi",
    "https://ekokit.example.fi/ekokit/",  # a path below the root
    "https://ekokit.example.fi/?token=x",
    "https://ekokit.example.fi/#x",
    "https://user:pw@ekokit.example.fi/",
    "https://ekokit.example.fi:porthole/",
    "https:///",
])
def test_anything_else_is_refused_with_the_value_in_the_users_language(given):
    with pytest.raises(BadPublicUrl) as caught:
        public_base_url(given)
    for lang in ("fi", "en"):
        assert given in t(caught.value.key, lang, **caught.value.params)


def test_behind_a_proxy_the_server_listens_locally_and_needs_the_token():
    config = build_config(ServeOptions(port=8866, public_url="https://ekokit.example.fi/"))
    assert config.Voila.ip == "127.0.0.1"
    assert config.Voila.token  # the room is reachable from the network through the proxy
    public = build_config(ServeOptions(port=8866, public=True))
    assert public.Voila.ip == "0.0.0.0"
    local = build_config(ServeOptions(port=8866))
    assert local.Voila.ip == "127.0.0.1" and "token" not in local.Voila


def test_the_public_address_is_kept_in_the_store_and_the_latest_wins(db_path):
    store = Store(str(db_path))
    assert known_public_url(store) is None
    remember_public_url(store, "https://old.example.fi")
    assert remember_public_url(Store(str(db_path)), "https://ekokit.example.fi/") == \
        "https://ekokit.example.fi/"
    assert known_public_url(store) == "https://ekokit.example.fi/"


def test_links_default_to_the_stored_public_address(db_path, tmp_path):
    store = Store(str(db_path))
    store.create_team(Team(slug="nuoret-velat", name="Nuoret & velat"))
    sheet = str(tmp_path / "links.html")
    before = run_cli("--db", str(db_path), "links", "--port", "9999", "-o", sheet).stdout
    assert ":9999/voila/render/" in before  # no public address yet: this host and port
    remember_public_url(store, "https://ekokit.example.fi/")
    after = run_cli("--db", str(db_path), "links", "-o", sheet).stdout
    assert "https://ekokit.example.fi/voila/render/" in after
    given = run_cli("--db", str(db_path), "links", "--url", "https://other.example.fi/", "-o",
                    sheet).stdout
    assert "https://other.example.fi/voila/render/" in given


def test_serve_refuses_a_bad_public_address_with_one_line_and_starts_nothing(db_path):
    result = run_cli("--db", str(db_path), "--lang", "en", "serve", "--behind-proxy",
                     "http://ekokit.example.fi/", check=False)
    assert result.returncode == 2
    assert result.stderr.strip() == "ekokit: " + t(
        "error.public_url", "en", value="http://ekokit.example.fi/")
    assert known_public_url(Store(str(db_path))) is None


class Warden:
    def __init__(self, warm: int) -> None:
        self._warm = warm

    async def warm(self, notebook):
        return self._warm


def test_health_says_ok_warming_or_unavailable_and_nothing_of_the_teams(db_path, team):
    url = str(db_path)
    assert asyncio.run(health_report(url, Warden(3), "01.ipynb", 3)) == (200, {
        "status": "ok", "store": "ok", "pool": {"warm": 3, "size": 3},
        "version": ekokit.__version__})
    status, body = asyncio.run(health_report(url, Warden(1), "01.ipynb", 3))
    assert (status, body["status"], body["pool"]) == (200, "warming", {"warm": 1, "size": 3})
    assert team.slug not in json.dumps(body) and team.name not in json.dumps(body)


def test_health_is_503_when_the_store_does_not_answer(tmp_path):
    gone = tmp_path / "not-a-folder"
    gone.write_text("a file where the store's folder should be")
    status, body = asyncio.run(health_report(f"sqlite:///{gone}/ekokit.sqlite", None, None, 0))
    assert (status, body["status"], body["store"]) == (503, "unavailable", "unreachable")
