"""Test-wide setup: every test run uses its own throwaway store, never workspace/ekokit.sqlite.
(Notebook kernels started by nbval and Voilà servers inherit EKOKIT_DB from here.)"""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("MPLBACKEND", "Agg")
os.environ["EKOKIT_DB"] = os.path.join(tempfile.mkdtemp(prefix="ekokit-test-"), "ekokit.sqlite")
