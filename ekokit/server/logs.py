"""Secrets never reach the server's log: the room token (``?token=``) and a team's or the
facilitator's key (``?key=``, ``…_key=``) are replaced by ``[secret]`` in every request line
and in any other message that carries them (a URI in a warning, a ``next=`` of the login page).

Tornado's default request log prints ``request.uri`` whole for 4xx and 5xx answers;
:func:`log_request` is the ``log_function`` the app installs instead, and :class:`RedactSecrets`
is a logging filter on the loggers that might print a URI."""

from __future__ import annotations

import logging
import re

from tornado import web
from tornado.log import access_log

SECRET_NAMES = r"(?:token|[a-z_]*key|_xsrf)"
REDACTED = "[secret]"
# name=value in a query (plain) or inside a quoted URI such as next=%2F…%3Ftoken%3D…
_PLAIN = re.compile(rf"(?i)(\b{SECRET_NAMES}=)[^&\s\"'#]+")
_QUOTED = re.compile(rf"(?i)((?:%3F|%26|\b){SECRET_NAMES}%3D)(?:(?!%26)[^&\s\"'#])+")


def redact(text: str) -> str:
    """``text`` with the value of every token/key query parameter replaced by ``[secret]``."""
    return _QUOTED.sub(rf"\1{REDACTED}", _PLAIN.sub(rf"\1{REDACTED}", text))


def log_request(handler: web.RequestHandler) -> None:
    """Tornado's request line (status, method, URI, client, time) with secrets redacted;
    successes at debug level, as Jupyter Server does, failures as warnings and errors."""
    status = handler.get_status()
    if status < 400:
        method = access_log.debug
    elif status < 500:
        method = access_log.warning
    else:
        method = access_log.error
    request = handler.request
    method("%d %s %s (%s) %.2fms", status, request.method, redact(request.uri or ""),
           request.remote_ip, 1000.0 * request.request_time())


class RedactSecrets(logging.Filter):
    """Rewrites a record's message with :func:`redact` (its arguments merged in first)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


LOGGERS = ("tornado.access", "tornado.application", "tornado.general", "Voila", "ServerApp")


def install_redaction(*extra: logging.Logger) -> None:
    """Add the filter to Tornado's loggers, the app's own and any given ones (once each)."""
    for logger in (*(logging.getLogger(name) for name in LOGGERS), *extra):
        if not any(isinstance(f, RedactSecrets) for f in logger.filters):
            logger.addFilter(RedactSecrets())
