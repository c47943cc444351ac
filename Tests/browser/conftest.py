"""Fixtures of the browser suite: the portal server on a free port with a fresh data folder and the
demo accounts, a headless Chromium driven through chromedriver, and the page audit (axe-core and
screenshots at desktop and mobile widths)."""

from __future__ import annotations

import os
import queue
import re
import shutil
import subprocess
import threading
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from portal_browser import Auditor, Browser

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "screenshots"
STARTUP_LINE = re.compile(r"Portail citoyen CCTOVAL : (http://\S+?)/?\s*$")
STARTUP_TIMEOUT = 60  # seconds: a first start migrates and seeds the database


def _server_binary() -> Path:
    binary = Path(os.environ.get("PORTAL_SERVER_BINARY", ".build/debug/portal-server"))
    if not binary.is_absolute():
        binary = ROOT / binary
    if not binary.exists():
        pytest.exit(f"portal-server binary not found at {binary}: run Tests/browser/run, "
                    "or build it and set PORTAL_SERVER_BINARY", returncode=2)
    return binary


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """Starts `portal-server --demo --port 0` on a fresh data folder; yields its base URL
    (without the trailing slash). The process is always stopped at the end of the session."""
    data = tmp_path_factory.mktemp("portal-data")
    log_path = data.parent / "portal-server.log"
    log = open(log_path, "w")
    process = subprocess.Popen(
        [str(_server_binary()), "--demo", "--port", "0", "--data", str(data),
         "--resources", str(ROOT / "Resources")],
        stdout=subprocess.PIPE, stderr=log, stdin=subprocess.DEVNULL, text=True, cwd=ROOT,
    )

    def stop():
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        log.close()

    # Standard output is read on a thread (and kept drained) so a silent server cannot hang us.
    lines: queue.Queue[str | None] = queue.Queue()

    def pump():
        for line in process.stdout:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    base_url = None
    seen = []
    try:
        while base_url is None:
            try:
                line = lines.get(timeout=STARTUP_TIMEOUT)
            except queue.Empty:
                break
            if line is None:
                break
            seen.append(line)
            match = STARTUP_LINE.search(line)
            if match:
                base_url = match.group(1)
    except BaseException:
        stop()
        raise
    if base_url is None:
        stop()
        pytest.exit("portal-server did not print its address; output:\n" + "".join(seen)
                    + "\nlog:\n" + log_path.read_text(), returncode=2)
    try:
        yield base_url
    finally:
        stop()


@pytest.fixture(scope="session")
def driver():
    options = webdriver.ChromeOptions()
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    options.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1280,900", "--lang=fr-FR", "--hide-scrollbars",
                     "--force-device-scale-factor=1"):
        options.add_argument(argument)
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    chrome = webdriver.Chrome(service=service, options=options)
    chrome.set_page_load_timeout(30)
    chrome.set_script_timeout(60)
    try:
        yield chrome
    finally:
        chrome.quit()


@pytest.fixture(scope="session")
def auditor():
    if SCREENSHOTS.exists():
        for old in SCREENSHOTS.glob("*.png"):
            old.unlink()
    SCREENSHOTS.mkdir(exist_ok=True)
    return Auditor(SCREENSHOTS)


@pytest.fixture
def browser(driver, server, auditor):
    """A browser with no session: each test starts logged out, at desktop width."""
    page = Browser(driver, server, auditor)
    page.reset()
    yield page
    page.reset()
