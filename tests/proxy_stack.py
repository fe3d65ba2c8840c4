"""The real nginx in front of real ``ekokit serve`` processes, as deploy/nginx/ describes.

Not a test module: imported by tests/test_proxy.py and benchmarks/proxy.py. The site file is
deploy/nginx/ekokit.conf itself, its EDIT values (name, certificate, ports, log folder)
replaced; a missing value fails loudly, so the tests follow the shipped file. nginx runs in the
foreground from a folder of its own (``nginx -p DIR -c nginx.conf -g 'daemon off;'``) with a
self-signed certificate for 127.0.0.1 made by openssl."""

from __future__ import annotations

import base64
import hashlib
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

from tests.servers import REPO, Server

SITE = REPO / "deploy" / "nginx" / "ekokit.conf"
SHIPPED_PORTS = (8866, 8867)  # the two servers the shipped file names


def nginx_path() -> str:
    """Debian's nginx (.ci/run installs it when missing)."""
    return shutil.which("nginx") or "/usr/sbin/nginx"


def self_signed_cert(folder: Path) -> tuple[Path, Path]:
    """A certificate and key for 127.0.0.1 and localhost, valid for two days."""
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                    "-subj", "/CN=localhost", "-addext",
                    "subjectAltName=IP:127.0.0.1,DNS:localhost",
                    "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True)
    return cert, key


def _replace(text: str, old: str, new: str) -> str:
    if old not in text:
        raise AssertionError(f"deploy/nginx/ekokit.conf no longer holds {old!r}")
    return text.replace(old, new)


def site_config(*, upstreams: Sequence[int], https_port: int, http_port: int, cert: Path,
                key: Path, log_dir: Path) -> str:
    """deploy/nginx/ekokit.conf for this machine: the shipped two servers become ``upstreams``
    (one port given twice: a single server), the listen ports, certificate and logs ours."""
    if len(upstreams) != 2:
        raise ValueError("the shipped site names two servers: give two ports (or one twice)")
    text = SITE.read_text(encoding="utf-8")
    for shipped, port in zip(SHIPPED_PORTS, upstreams, strict=True):
        text = _replace(text, f"127.0.0.1:{shipped}", f"127.0.0.1:@{port}@")
        text = _replace(text, rf"127\.0\.0\.1:{shipped}$", rf"127\.0\.0\.1:@{port}@$")
    text = text.replace("@", "")
    text = _replace(text, "listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;")
    text = _replace(text, "listen [::]:443 ssl http2;\n", "")
    text = _replace(text, "listen 80;", f"listen 127.0.0.1:{http_port};")
    text = _replace(text, "listen [::]:80;\n", "")
    text = _replace(text, "/etc/letsencrypt/live/ekokit.example.fi/fullchain.pem", str(cert))
    text = _replace(text, "/etc/letsencrypt/live/ekokit.example.fi/privkey.pem", str(key))
    text = _replace(text, "/var/log/nginx/", f"{log_dir}/")
    return text


MAIN = """worker_processes 1;
{user}
pid {dir}/nginx.pid;
error_log {dir}/main-error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    client_body_temp_path {dir}/tmp/body;
    proxy_temp_path {dir}/tmp/proxy;
    fastcgi_temp_path {dir}/tmp/fastcgi;
    uwsgi_temp_path {dir}/tmp/uwsgi;
    scgi_temp_path {dir}/tmp/scgi;
    access_log {dir}/main-access.log;
    include {dir}/ekokit.conf;
}}
"""


class Proxy:
    """nginx with the shipped site in ``folder``; ``url`` is its https base address."""

    def __init__(self, folder: Path, upstreams: Sequence[int], https_port: int,
                 http_port: int) -> None:
        import os

        self.folder, self.https_port = Path(folder), https_port
        (self.folder / "tmp").mkdir(parents=True, exist_ok=True)
        self.cert, self.key = self_signed_cert(self.folder)
        (self.folder / "ekokit.conf").write_text(site_config(
            upstreams=upstreams, https_port=https_port, http_port=http_port, cert=self.cert,
            key=self.key, log_dir=self.folder), encoding="utf-8")
        # as root the workers would run as nobody, who cannot enter a test's private folder
        user = "user root;" if os.geteuid() == 0 else ""
        (self.folder / "nginx.conf").write_text(MAIN.format(dir=self.folder, user=user),
                                                encoding="utf-8")
        self.server = Server("nginx", [nginx_path(), "-p", str(self.folder), "-c",
                                       str(self.folder / "nginx.conf"), "-g", "daemon off;"],
                             log_path=self.folder / "nginx.out", port=https_port)

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.https_port}/"

    @property
    def access_log(self) -> Path:
        return self.folder / "ekokit.access.log"

    @property
    def error_log(self) -> Path:
        return self.folder / "ekokit.error.log"

    def spki_hash(self) -> str:
        """The certificate's public key hash, for chromium's
        ``--ignore-certificate-errors-spki-list``: the browser then trusts this certificate as
        if a CA had signed it (and caches what it loads, which it does not past an error)."""
        key = subprocess.run(["openssl", "x509", "-in", str(self.cert), "-pubkey", "-noout"],
                             check=True, capture_output=True).stdout
        der = subprocess.run(["openssl", "pkey", "-pubin", "-outform", "der"], input=key,
                             check=True, capture_output=True).stdout
        return base64.b64encode(hashlib.sha256(der).digest()).decode()

    def check(self) -> subprocess.CompletedProcess:
        """``nginx -t`` on the configuration."""
        return subprocess.run([nginx_path(), "-t", "-p", str(self.folder), "-c",
                               str(self.folder / "nginx.conf")], check=False, capture_output=True,
                              text=True)

    def start(self) -> Proxy:
        self.server.start()
        self.server.wait_ready(30)
        return self

    def stop(self) -> None:
        self.server.stop()

    def logs(self) -> str:
        """Everything nginx wrote: the site's access and error logs, its own, its output."""
        return "\n".join(p.read_text(encoding="utf-8", errors="replace")
                         for p in [*sorted(self.folder.glob("*.log")), self.folder / "nginx.out"]
                         if p.exists())
