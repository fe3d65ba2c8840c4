"""``ekokit lab``: JupyterLab for homework, on the team's own copies of the session notebooks.

The kit's notebooks (notebooks/, tracked in git) are out of JupyterLab's reach: its root is the
team's copies under ``<workspace>/notebooks/`` (git-ignored, beside the default store), made
when missing. Answers live in the store, not in the notebook, so a saved notebook needs no widget
outputs: the Jupyter server's pre-save hook drops them (and the execution counts), and a
reopened notebook shows no "Error displaying widget: model not found" before Run All."""

from __future__ import annotations

import os
import shutil
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from traitlets.config import Config

from ekokit.paths import notebooks_dir, workspace_dir

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
READY_PREFIX = "ekokit ready:"  # the same ready line as `ekokit serve`


@dataclass(frozen=True)
class LabOptions:
    port: int = 8888
    open_browser: bool = True
    refresh: bool = False  # overwrite the team's copies with the kit's notebooks
    db_url: str | None = None
    workspace: Path | None = None  # None: ekokit.paths.workspace_dir()
    allow_root: bool = False  # run as root (a container, a hub's single-user server)


def lab_root(workspace: Path | None = None) -> Path:
    return (workspace or workspace_dir()) / "notebooks"


def prepare_notebooks(root: Path, *, refresh: bool = False) -> list[str]:
    """Copy the kit's notebooks into ``root`` where missing (all of them with ``refresh``);
    return the names copied. A team's own copy is never overwritten without ``refresh``."""
    root.mkdir(parents=True, exist_ok=True)
    copied = []
    for source in sorted(notebooks_dir().glob("*.ipynb")):
        target = root / source.name
        if refresh or not target.exists():
            shutil.copyfile(source, target)
            copied.append(source.name)
    return copied


def strip_widget_outputs(model: dict[str, Any], **_kwargs: Any) -> None:
    """``FileContentsManager.pre_save_hook``: a notebook is saved without widget outputs, widget
    state or execution counts. A widget lives only as long as its kernel; its answers are in
    the store. Other outputs (a learner's own prints, errors) are kept."""
    if model.get("type") != "notebook" or not isinstance(model.get("content"), dict):
        return
    notebook = model["content"]
    notebook.get("metadata", {}).pop("widgets", None)
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        cell["execution_count"] = None
        kept = [out for out in cell.get("outputs", []) if WIDGET_VIEW not in out.get("data", {})]
        for out in kept:
            if "execution_count" in out:
                out["execution_count"] = None
        cell["outputs"] = kept


def build_config(options: LabOptions, root: Path) -> Config:
    c = Config()
    c.ServerApp.ip = "127.0.0.1"
    c.ServerApp.port = options.port
    c.ServerApp.port_retries = 0
    c.ServerApp.open_browser = options.open_browser
    c.ServerApp.root_dir = str(root)
    if options.allow_root:  # else as Jupyter's own configuration says (False by default)
        c.ServerApp.allow_root = True
    c.FileContentsManager.pre_save_hook = strip_widget_outputs
    return c


def lab(options: LabOptions) -> None:
    """Run JupyterLab until interrupted. Prints the address (with its token), then a ready
    line once it takes requests."""
    from jupyterlab.labapp import LabApp

    root = lab_root(options.workspace)
    for name in prepare_notebooks(root, refresh=options.refresh):
        print(f"ekokit lab: copied notebooks/{name} to {root / name}", flush=True)
    if options.db_url:
        os.environ["EKOKIT_DB"] = options.db_url  # kernels inherit the environment
    with warnings.catch_warnings():  # the server validates the configured hook twice
        warnings.filterwarnings("ignore", "Overriding existing pre_save_hook")
        server = LabApp.initialize_server(argv=[], config=build_config(options, root))
    # The token: JUPYTER_TOKEN, a Jupyter config file's, else generated.
    token = server.identity_provider.token
    url = f"http://127.0.0.1:{server.port}/lab" + (f"?token={token}" if token else "")
    print(f"ekokit lab: JupyterLab on {root} at {url}", flush=True)
    server.io_loop.add_callback(lambda: print(f"{READY_PREFIX} {url}", flush=True))
    try:
        server.start()
    except KeyboardInterrupt:  # pragma: no cover - interactive
        sys.exit(0)
