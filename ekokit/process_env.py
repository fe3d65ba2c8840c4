"""Names the server and its kernels share across the process boundary: a kernel cannot import
the server's code (``ekokit/server/``) nor the server the kernel's (``ekokit/kernel/``), so
what they agree on lives here, under every layer, as ``errors.py`` and ``paths.py`` do."""

from __future__ import annotations

QUERY_KEY_ENV = "EKOKIT_QUERY_KEY"  # the query socket's key, in the kernels' environment
QUERY_KEY_HEADER = "X-Ekokit-Query-Key"  # how a kernel presents it to the query socket
