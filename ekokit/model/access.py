"""Who may open what in a public room (``ekokit serve --public``): the rule, as pure functions.

* A **team key** opens one team: an HMAC of the team's slug with the room's secret (kept in the
  store, so the keys survive a restart and ``ekokit links`` can print them again).
* The **facilitator key** opens every team, the facilitator's notebooks and team creation. It is
  made when the server starts, printed once, and given to the kernels only as its hash.
* The worked example's demo teams (one per language) are open to everyone; locally (no
  ``--public``) every team is open.

The server tells its kernels (which inherit its environment) that the room is public and what
the facilitator key's hash is; :func:`access_from_env` reads that back."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from collections.abc import Mapping
from dataclasses import dataclass

from ekokit.model.teams import is_demo_team

PUBLIC_ENV = "EKOKIT_PUBLIC"
FACILITATOR_HASH_ENV = "EKOKIT_FACILITATOR_HASH"
KEY_PARAM = "key"  # ?team=<slug>&key=<team key>
FACILITATOR_PARAM = "fkey"  # ?fkey=<facilitator key>
# Notebooks that show every team: in a public room only the facilitator key opens them.
FACILITATOR_NOTEBOOKS = ("00_fasilitaattori.ipynb", "00_projektori.ipynb")
KEY_LENGTH = 16  # base32 characters: 80 bits


def new_secret() -> str:
    """A room secret: 32 random bytes, as URL-safe text."""
    return secrets.token_urlsafe(32)


def new_facilitator_key() -> str:
    return secrets.token_urlsafe(18)


def team_key(secret: str, slug: str) -> str:
    """The key that opens team ``slug`` in the room whose secret is ``secret``: lower-case
    letters and digits, easy to read aloud and to type from paper."""
    digest = hmac.new(secret.encode(), f"team:{slug}".encode(), hashlib.sha256).digest()
    return base64.b32encode(digest).decode("ascii").lower()[:KEY_LENGTH]


def team_key_matches(secret: str, slug: str, key: str | None) -> bool:
    """Whether ``key`` opens team ``slug``, compared in constant time."""
    if not key or not secret:
        return False
    return hmac.compare_digest(team_key(secret, slug).encode(), key.strip().lower().encode())


def facilitator_hash(key: str) -> str:
    return hashlib.sha256(f"ekokit-facilitator:{key}".encode()).hexdigest()


def facilitator_key_matches(expected_hash: str, key: str | None) -> bool:
    if not key or not expected_hash:
        return False
    return hmac.compare_digest(facilitator_hash(key).encode(), expected_hash.encode())


@dataclass(frozen=True)
class Access:
    """What the page may do: ``public`` (a room served with ``--public``) and whether the page
    holds the facilitator key. Everything is open when the room is not public."""

    public: bool = False
    facilitator: bool = False

    @property
    def trusted(self) -> bool:
        """Every team may be listed, opened and created."""
        return not self.public or self.facilitator

    def may_open(self, secret: str, slug: str, key: str | None) -> bool:
        """Whether a page of this room may bind team ``slug`` with ``key``."""
        return self.trusted or is_demo_team(slug) or team_key_matches(secret, slug, key)


def access_from_env(environ: Mapping[str, str], facilitator_key: str | None = None) -> Access:
    """The room a kernel (or the server) is in, from its environment, and whether
    ``facilitator_key`` (from the page's address) is the facilitator's."""
    public = environ.get(PUBLIC_ENV, "") == "1"
    facilitator = public and facilitator_key_matches(environ.get(FACILITATOR_HASH_ENV, ""),
                                                     facilitator_key)
    return Access(public=public, facilitator=facilitator)


def is_facilitator_notebook(path: str) -> bool:
    """Whether a page path (``voila/render/<notebook>``) is one of the facilitator's notebooks."""
    name = path.rstrip("/").rsplit("/", 1)[-1]
    return name in FACILITATOR_NOTEBOOKS
