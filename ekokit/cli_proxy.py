"""``ekokit serve --behind-proxy URL``: the part of the command line for a server behind a
reverse proxy (parsed here, done by :mod:`ekokit.server.behind_proxy`). ``ekokit.cli`` adds it
to ``serve``."""

from __future__ import annotations

import argparse
import os

FACILITATOR_KEY_ENV = "EKOKIT_FACILITATOR_KEY"


def add_proxy_arguments(serve: argparse.ArgumentParser) -> None:
    serve.add_argument("--behind-proxy", metavar="URL",
                       help="behind a reverse proxy at this public https address (deploy/nginx/): "
                       "listen on 127.0.0.1 only, require the room token and keys, print links "
                       "with URL and keep it in the store for `ekokit links`; every server of "
                       f"the room takes its facilitator key from ${FACILITATOR_KEY_ENV} when "
                       "--facilitator-key is not given")
    # the servers of one room must share the facilitator key: the environment gives it to all
    serve.set_defaults(facilitator_key=os.environ.get(FACILITATOR_KEY_ENV))
