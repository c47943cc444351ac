"""Fixtures of the browser suite: the portal server on a free port with a fresh data folder and the
demo accounts, a headless Chromium driven through chromedriver, and the page audit (axe-core and
screenshots at desktop and mobile widths)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from portal_browser import Auditor, Browser

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "screenshots"
sys.path.insert(0, str(ROOT / "Tests" / "support"))
from portal_server import PortalServer  # noqa: E402


@pytest.fixture(scope="session")
def data_folder(tmp_path_factory):
    """The data folder of the session's server, for sub-commands run beside it (`create-admin`)."""
    return tmp_path_factory.mktemp("portal-data")


@pytest.fixture(scope="session")
def server(data_folder):
    """Starts `portal-server --demo --port 0` on a fresh data folder; yields its base URL
    (without the trailing slash). The process is always stopped at the end of the session."""
    data = data_folder
    try:
        process = PortalServer(data, demo=True, log_path=data.parent / "portal-server.log")
    except RuntimeError as error:
        pytest.exit(str(error), returncode=2)
    try:
        yield process.base_url
    finally:
        process.stop()


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
