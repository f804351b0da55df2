"""A lesson in a real browser: JupyterLab on 127.0.0.1 (a free port, a token, the
kernelspec from conftest.py on JUPYTER_PATH), headless Chromium driven by selenium through
Debian's chromium-driver. It opens examples/01-perceptron.mlp exported as a notebook with
its outputs cleared, runs all cells, and waits until the page shows the SVG figures of
`plot boundary`, drawn by the kernel in this run. The screenshot is kept in
.build/kernel-browser/ (CI's artefact).
"""
import base64
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest

from conftest import ROOT, missing, mlpsh_binary

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
LESSON = "examples/01-perceptron.mlp"
SCREENSHOTS = ROOT / ".build" / "kernel-browser"

# Counts, in the open notebook, the output areas showing the boundary figure (its SVG has
# a <g class="regions">), whether JupyterLab inlined the SVG or put it in an <img>.
COUNT_BOUNDARIES = """
const outputs = document.querySelectorAll('.jp-OutputArea-output');
let found = 0;
for (const output of outputs) {
  for (const img of output.querySelectorAll('img')) {
    const src = img.getAttribute('src') || '';
    if (!src.startsWith('data:image/svg+xml')) continue;
    const comma = src.indexOf(',');
    const body = src.slice(0, comma).endsWith(';base64') ? atob(src.slice(comma + 1))
                                                        : decodeURIComponent(src.slice(comma + 1));
    if (body.includes('class="regions"')) { found += 1; if (!window.__boundary) window.__boundary = img; }
  }
  for (const svg of output.querySelectorAll('svg')) {
    if (svg.querySelector('g.regions')) { found += 1; if (!window.__boundary) window.__boundary = svg; }
  }
}
return found;
"""

KERNEL_STATE = """
const app = window.jupyterapp;
if (!app || !app.shell || !app.shell.currentWidget) return null;
const context = app.shell.currentWidget.sessionContext;
if (!context || !context.session || !context.session.kernel) return null;
return {name: context.session.kernel.name, status: context.session.kernel.status};
"""

ERROR_OUTPUTS = "return document.querySelectorAll('.jp-OutputArea-output[data-mime-type=\"application/vnd.jupyter.stderr\"]').length;"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(condition, timeout, what, interval=0.25):
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what}: not within {timeout} s")
        time.sleep(interval)  # polling a page or a server: there is nothing to block on


def cleared_notebook(folder: Path) -> tuple[Path, int]:
    """The lesson exported, every output and count removed; and how many boundary
    figures its export held."""
    path = folder / "01-perceptron.ipynb"
    subprocess.run([str(mlpsh_binary()), str(ROOT / LESSON), "--export", str(path)], check=True,
                   capture_output=True, timeout=120, cwd=ROOT, stdin=subprocess.DEVNULL)
    notebook = nbformat.read(path, as_version=4)
    boundaries = 0
    for cell in notebook.cells:
        if cell.cell_type == "code":
            boundaries += sum('class="regions"' in o.get("data", {}).get("image/svg+xml", "") for o in cell.outputs)
            cell.outputs = []
            cell.execution_count = None
    nbformat.write(notebook, path)
    return path, boundaries


@pytest.fixture
def jupyterlab(tmp_path, kernelspec):
    root = tmp_path / "notebooks"
    root.mkdir()
    port, token = free_port(), base64.b16encode(os.urandom(16)).decode().lower()
    log = open(tmp_path / "jupyterlab.log", "wb")
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
         "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
         "--ServerApp.allow_root=True", "--LabApp.expose_app_in_browser=True", "--LabApp.news_url=None",
         "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate", "--LabApp.extension_manager=readonly"],
        stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, cwd=root)

    def ready():
        if server.poll() is not None:
            raise RuntimeError(f"jupyterlab exited {server.returncode}:\n{(tmp_path / 'jupyterlab.log').read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status?token={token}", timeout=2) as answer:
                return answer.status == 200
        except OSError:
            return False

    try:
        wait_for(ready, 90, "JupyterLab answering on /api/status")
        yield {"root": root, "url": f"http://127.0.0.1:{port}", "token": token, "log": tmp_path / "jupyterlab.log"}
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)
        log.close()


@pytest.fixture
def browser(tmp_path):
    if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
        missing("Debian's chromium and chromium-driver are not installed")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1600",
                     "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}",
                     # Anything but 127.0.0.1 (which Chromium never sends to a proxy) goes to a
                     # proxy where nothing listens: nothing leaves the machine.
                     "--proxy-server=127.0.0.1:9"]:
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER, log_output=str(tmp_path / "chromedriver.log")),
                              options=options)
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


def test_jupyterlab_runs_a_lesson_and_shows_its_decision_boundary(jupyterlab, browser, tmp_path):
    path, expected = cleared_notebook(tmp_path)
    assert expected >= 1, "the lesson's export has no boundary figure to look for"
    shutil.copy(path, jupyterlab["root"] / path.name)
    browser.get(f"{jupyterlab['url']}/lab/tree/{path.name}?token={jupyterlab['token']}")

    state = wait_for(lambda: (s := browser.execute_script(KERNEL_STATE)) and s["status"] == "idle" and s, 90,
                     "the notebook open with an idle kernel")
    assert state["name"] == "mlpsh"
    assert browser.execute_script(COUNT_BOUNDARIES) == 0, "figures before running: the outputs were not cleared"
    browser.execute_script("window.jupyterapp.commands.execute('notebook:run-all-cells');")
    wait_for(lambda: browser.execute_script(COUNT_BOUNDARIES) >= expected, 120,
             f"{expected} boundary figures in the output areas")
    wait_for(lambda: (browser.execute_script(KERNEL_STATE) or {}).get("status") == "idle", 60, "the kernel idle again")
    assert browser.execute_script(ERROR_OUTPUTS) == 0, "a cell shows an error"
    assert browser.execute_script(COUNT_BOUNDARIES) == expected

    # JupyterLab's question about its news, a toast over the page: answered no.
    browser.execute_script("for (const b of document.querySelectorAll('.jp-toast-button, button'))"
                           " if (b.textContent.trim() === 'No') b.click();")
    browser.execute_script("window.__boundary = null;")
    browser.execute_script(COUNT_BOUNDARIES)
    browser.execute_script("window.__boundary.scrollIntoView({block: 'center'});")
    size = browser.execute_script("const r = window.__boundary.getBoundingClientRect(); return [r.width, r.height];")
    assert size[0] > 100 and size[1] > 100, f"the figure is drawn {size[0]}×{size[1]} px"
    time.sleep(0.5)  # the scroll to settle before the picture; nothing to wait on
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shot = SCREENSHOTS / "01-perceptron-boundary.png"
    assert browser.save_screenshot(str(shot))
    assert shot.stat().st_size > 10_000
    print(f"screenshot: {shot}")
