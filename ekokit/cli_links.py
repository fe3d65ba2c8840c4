"""``ekokit links``: the part of the command line that prints the room's team links (parsed
here, done by :mod:`ekokit.server.links`). ``ekokit.cli`` adds it to its commands."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any


def add_links_command(sub: Any, store: Callable[[argparse.Namespace], Any]) -> None:
    links = sub.add_parser("links", help="each team's link (with its key) and a printable sheet "
                           "with a QR code per team")
    links.add_argument("--url", help="the room's address (default: the public address of the last "
                       "`serve --behind-proxy`, else http://THIS-HOST:PORT/)")
    links.add_argument("--port", type=int, default=8866)
    links.add_argument("--token", help="the room token (default: the room's own, as serve uses)")
    links.add_argument("--session", help="the session the links open (default: today's or next)")
    links.add_argument("-o", "--output", default="team-links.html", help="the printable sheet")
    links.set_defaults(func=lambda args: cmd_links(args, store(args)))


def cmd_links(args: argparse.Namespace, store: Any) -> int:
    from ekokit.server.behind_proxy import known_public_url
    from ekokit.server.links import room_base_url, write_links

    base_url = args.url or known_public_url(store) or room_base_url(args.port)
    print("\n".join(write_links(store, base_url=base_url,
                                session=args.session, token=args.token, lang=args.lang,
                                output=args.output)))
    return 0
