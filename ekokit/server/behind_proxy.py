"""``ekokit serve --behind-proxy URL``: the server sits behind a reverse proxy (deploy/nginx/)
that terminates TLS at the public address ``URL``.

The server then listens on 127.0.0.1 only (the proxy is the way in), keeps the public room's
rules (the room token, team keys, the facilitator key: the proxy makes the room reachable from
the network), trusts the proxy's ``X-Forwarded-*`` headers for the client's address, and prints
its links with the public https address. The address is kept in the store's ``room`` table
(``public_url``), beside the room token, so ``ekokit links`` on any machine that opens the same
store prints the same links, and every server behind one proxy agrees on them."""

from __future__ import annotations

from urllib.parse import urlsplit

from ekokit.errors import BadPublicUrl
from ekokit.store.database import Store

PUBLIC_URL_NAME = "public_url"


def public_base_url(value: str) -> str:
    """``value`` as the room's base address, ``https://host[:port]/``; :class:`BadPublicUrl`
    for anything else (another scheme, a path below the root, a query, credentials)."""
    try:
        parts = urlsplit(value.strip())
        port = parts.port  # a port that is not a number raises here
    except ValueError:
        raise BadPublicUrl(value) from None
    if (parts.scheme.lower() != "https" or not parts.hostname or parts.path not in ("", "/")
            or parts.query or parts.fragment or parts.username or parts.password):
        raise BadPublicUrl(value)
    host = parts.hostname.lower()
    if ":" in host:  # an IPv6 address keeps its brackets
        host = f"[{host}]"
    return f"https://{host}{f':{port}' if port and port != 443 else ''}/"


def remember_public_url(store: Store, url: str) -> str:
    """Keep the public address in the store (the latest ``serve --behind-proxy`` wins)."""
    base = public_base_url(url)
    store.set_room_value(PUBLIC_URL_NAME, base)
    return base


def known_public_url(store: Store) -> str | None:
    """The public address the room's servers were last started with, if any."""
    return store.stored_room_value(PUBLIC_URL_NAME)
