"""JupyterLab for real: every notebook opens in JupyterLab (served on loopback with the
project's kernel) in headless Chromium, without an error. Screenshots are kept in
tests/artifacts/."""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import nbformat
import pytest

from borderlines.paths import notebooks_dir
from browser import browser, wait_for
from waiting import wait_until

pytestmark = [pytest.mark.browser, pytest.mark.slow]
ARTIFACTS = Path(__file__).parent / "artifacts"
NOTEBOOKS = sorted(p.relative_to(notebooks_dir()).as_posix() for p in notebooks_dir().rglob("*.ipynb")
                   if ".ipynb_checkpoints" not in p.parts)   # the worked solutions too


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab on 127.0.0.1 serving a copy of the notebooks (opening never edits ours)."""
    root = tmp_path_factory.mktemp("lab")
    shutil.copytree(notebooks_dir(), root / "notebooks")
    port, token = _free_port(), secrets.token_hex(16)
    log = open(root / "lab.log", "w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", f"--ServerApp.port={port}", "--ServerApp.ip=127.0.0.1",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root / 'notebooks'}",
         "--ServerApp.port_retries=0", "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
         "--allow-root", "--LabApp.extension_manager=readonly",
         # window.jupyterapp: the tests wait on the app's own state (restored, kernel idle)
         "--LabApp.expose_app_in_browser=True",
         # workspaces in the temporary folder, never the user's own
         f"--LabApp.workspaces_dir={root / 'workspaces'}", f"--LabApp.user_settings_dir={root / 'settings'}"],
        stdout=log, stderr=subprocess.STDOUT, cwd=root,
        env={**os.environ, "JUPYTER_RUNTIME_DIR": str(root / "runtime")})
    base = f"http://127.0.0.1:{port}"

    def answers() -> bool:
        try:
            with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2) as r:
                return bool(json.load(r))
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError("JupyterLab exited:\n" + (root / "lab.log").read_text()) from None
            return False
    try:
        wait_until(answers, 90, f"JupyterLab to answer on {base}")
    except TimeoutError as exc:
        proc.terminate()
        raise RuntimeError(f"{exc}:\n" + (root / "lab.log").read_text()) from None
    yield base, token, root
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


# The notebook panel on screen: a restored workspace can hold other, hidden panels.
PANEL = ".jp-NotebookPanel:not(.lm-mod-hidden)"


def _open(page, base: str, token: str, name: str) -> None:
    """Open ``name`` alone, in a workspace of its own (``?reset`` drops any tabs a
    previous test left open), and wait for its panel to show a cell."""
    page.goto(f"{base}/lab/workspaces/{Path(name).stem}/tree/{name}?reset&token={token}")
    page.wait_for_selector(f"{PANEL} .jp-Cell", timeout=60_000)


# True once JupyterLab has restored its layout and is not busy, and the notebook on
# screen has its kernel session ready and idle, so its commands (the Run menu) apply.
SETTLED = """() => {
  const app = window.jupyterapp, panel = app && app.shell.currentWidget;
  const session = panel && panel.sessionContext;
  return !!(app && app.status && !app.status.isBusy && session && session.isReady && session.session
            && session.session.kernel && session.session.kernel.status === 'idle'
            && app.commands.isEnabled('notebook:run-all-cells'));
}"""
# what a failed wait shows
LAB_STATE = """() => { const app = window.jupyterapp, panel = app && app.shell.currentWidget;
  const session = panel && panel.sessionContext;
  return {app: !!app, busy: app && app.status && app.status.isBusy, panel: panel && panel.title.label,
          ready: session && session.isReady, kernel: session && session.session && session.session.kernel
          && session.session.kernel.status}; }"""


def _settle(page) -> None:
    """Wait until JupyterLab has restored and the notebook's kernel is ready and idle."""
    page.evaluate("() => window.jupyterapp.restored")
    wait_for(page, SETTLED, "settled JupyterLab (restored, notebook kernel idle)", shows=LAB_STATE,
             timeout_ms=60_000)


def test_kernel_is_the_projects(lab):
    base, token, _ = lab
    with urllib.request.urlopen(f"{base}/api/kernelspecs?token={token}", timeout=10) as r:
        specs = json.load(r)["kernelspecs"]
    # the notebooks' kernel, python3, is the server's own Python (jupyter_client runs
    # "python" as sys.executable), i.e. the project's .venv; the named kernel that
    # `make install` registers points there explicitly
    assert specs["python3"]["spec"]["argv"][0] in ("python", sys.executable)
    assert Path(specs["borderlines"]["spec"]["argv"][0]) == Path(sys.executable)


def test_lab_settings_turn_off_the_news_prompt_and_update_checks(lab):
    """What JupyterLab's announcements read once restored is the project's settings
    overrides (templates/lab/overrides.json, installed by `make install`): no news prompt,
    no update check, whenever the page would have shown them."""
    base, token, _ = lab
    url = f"{base}/lab/api/settings/@jupyterlab/apputils-extension:notification?token={token}"
    with urllib.request.urlopen(url, timeout=10) as r:
        setting = json.load(r)
    defaults = {k: v.get("default") for k, v in setting["schema"]["properties"].items()}
    assert defaults["fetchNews"] == "false" and defaults["checkForUpdates"] is False, defaults
    assert not {"fetchNews", "checkForUpdates"} & set(setting.get("settings") or {})


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_opens_in_jupyterlab(lab, name):
    base, token, root = lab
    n_cells = len(nbformat.read(root / "notebooks" / name, as_version=4).cells)
    with browser() as b:
        context = b.new_context(viewport={"width": 1400, "height": 1000})
        external, errors = [], []
        page = context.new_page()

        def route(r):
            if r.request.url.startswith((base, "data:", "blob:")):
                return r.continue_()
            external.append(r.request.url)
            return r.abort()

        page.route("**/*", route)
        page.on("pageerror", lambda e: errors.append(str(e)))
        _open(page, base, token, name)
        page.wait_for_function(f"document.querySelectorAll('{PANEL} .jp-Cell').length >= {n_cells}",
                               timeout=30_000)
        # the kernel starts and goes idle: the project's kernel works in Lab
        _settle(page)
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"jupyterlab_{Path(name).stem}.png"))
        dialogs = page.locator(".jp-Dialog").count()
        # no news prompt or update notice: the project's settings overrides turn them off
        toasts = page.locator(".Toastify__toast").all_inner_texts()
        tab = page.locator(".lm-TabBar-tab.jp-mod-current").first.inner_text()
        context.close()
    assert dialogs == 0, f"{name}: an error dialog opened"
    assert toasts == [], f"{name}: notifications shown: {toasts}"
    assert Path(name).name in tab
    assert errors == [], errors


def test_charts_and_tables_draw_when_run_in_jupyterlab(lab):
    """Run notebook 01 in JupyterLab: its charts draw offline from the inlined bundle."""
    base, token, root = lab
    with browser() as b:
        context = b.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith((base, "data:", "blob:"))
                   else r.abort())
        _open(page, base, token, "01_corpus_overview.ipynb")
        _settle(page)             # before using the menus
        assert page.locator(".jp-Dialog").count() == 0
        page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
        page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
        try:
            page.wait_for_function(
                f"document.querySelectorAll('{PANEL} .bl-chart svg g[class*=\"mark-\"]').length >= 4",
                timeout=120_000)
        finally:
            page.screenshot(path=str(ARTIFACTS / "jupyterlab_01_run_all.png"), full_page=True)
        marks = page.eval_on_selector_all(f"{PANEL} .bl-chart",
                                          "els => els.map(e => e.querySelectorAll('svg g[class*=\"mark-\"] > *').length)")
        errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").count()
        page.screenshot(path=str(ARTIFACTS / "jupyterlab_01_run_all.png"))
        context.close()
    assert marks and all(n > 0 for n in marks), marks
    assert errors == 0
