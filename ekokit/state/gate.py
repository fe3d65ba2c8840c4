"""A page's way into the room: the access rule (:mod:`ekokit.model.access`) joined to the
store's room secret. The widgets ask it which teams they may list, open and create."""

from __future__ import annotations

from ekokit.errors import AccessDenied
from ekokit.model.access import Access, new_secret, team_key
from ekokit.model.teams import Team, is_demo_team
from ekokit.store.database import Store

SECRET_NAME = "team_key_secret"


def room_secret(store: Store) -> str:
    """The room's secret for team keys, made once and kept in the store."""
    return store.room_value(SECRET_NAME, new_secret)


def key_for(store: Store, slug: str) -> str:
    """The key in team ``slug``'s link."""
    return team_key(room_secret(store), slug)


class Gate:
    """What one page may do in its room. Open when the room is not public."""

    def __init__(self, store: Store | None = None, access: Access | None = None) -> None:
        """``store``: the room's store (None: the one the environment names, ``Store()``)."""
        self.store = store if store is not None else Store()
        self.access = access or Access()

    @property
    def public(self) -> bool:
        return self.access.public

    @property
    def trusted(self) -> bool:
        """May list every team and create teams (not public, or the facilitator's page)."""
        return self.access.trusted

    def recent_team(self) -> str | None:
        """The team that saved last, never the worked example (a newcomer would write into it):
        the one to preselect for homework in JupyterLab."""
        latest = [r for r in self.store.latest_all().values() if not is_demo_team(r.team)]
        return max(latest, key=lambda r: r.created_at).team if latest else None

    def teams(self) -> list[Team]:
        """The teams this page may list: every team when trusted, none otherwise."""
        return self.store.teams() if self.trusted else []

    def open_team(self, slug: str, key: str | None = None) -> Team:
        """Team ``slug``, if ``key`` opens it here; AccessDenied (saying nothing of the team)
        otherwise. The key is checked before the store is asked, so a wrong key tells nobody
        whether the team exists."""
        secret = "" if self.trusted else room_secret(self.store)
        if not self.access.may_open(secret, slug, key):
            raise AccessDenied("no key for this team")
        return self.store.get_team(slug)

    def link_key(self, slug: str) -> str | None:
        """The key that goes in the team's address and share link (public rooms only)."""
        return key_for(self.store, slug) if self.public else None


TOKEN_NAME = "room_token"


def room_token(store: Store) -> str:
    """The public room's token (``?token=``), made once and kept in the store, so the team links
    printed before the day still open the room after a restart."""
    import secrets

    return store.room_value(TOKEN_NAME, lambda: secrets.token_urlsafe(24))
