"""Page helpers of the browser suite: navigation with explicit waits, and the audit run on every
page (axe-core with the WCAG 2.1 A/AA rules, screenshots at desktop and mobile widths)."""

from __future__ import annotations

import importlib.util
import json
import re
import uuid
from pathlib import Path
from urllib.parse import urlparse

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

WAIT = 15  # seconds, for explicit waits
DESKTOP_WIDTH = 1280
MOBILE_WIDTH = 390
DEFAULT_HEIGHT = 900
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING_IMPACTS = {"serious", "critical"}
DEMO_PASSWORD = "demo-portail-2026"


def axe_source() -> str:
    """The axe-core build shipped inside PyPI's axe-playwright-python wheel."""
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("axe-playwright-python is not installed: "
                           "pip install --no-deps axe-playwright-python")
    path = Path(list(spec.submodule_search_locations)[0]) / "axe.min.js"
    return path.read_text(encoding="utf-8")


# Runs in the page: axe.run limited to the WCAG 2.1 A/AA tags; returns a small summary.
AXE_RUN = """
var tags = arguments[0];
var done = arguments[arguments.length - 1];
if (typeof window.axe === "undefined") { done({error: "axe-core is not loaded in the page"}); return; }
window.axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})
  .then(function (results) {
    done({
      version: results.testEngine && results.testEngine.version,
      passes: results.passes.map(function (rule) { return rule.id; }),
      incomplete: results.incomplete.map(function (rule) { return rule.id; }),
      violations: results.violations.map(function (rule) {
        return {
          id: rule.id, impact: rule.impact, help: rule.help, helpUrl: rule.helpUrl,
          nodes: rule.nodes.map(function (node) {
            return {target: node.target, impact: node.impact, summary: node.failureSummary};
          })
        };
      })
    });
  })
  .catch(function (error) { done({error: String(error)}); });
"""


class Auditor:
    """Runs axe-core on the current page and saves its screenshots."""

    def __init__(self, screenshots: Path):
        self.screenshots = screenshots
        self.source = axe_source()

    def axe(self, driver, name: str) -> list[str]:
        driver.execute_script(self.source)
        results = driver.execute_async_script(AXE_RUN, AXE_TAGS)
        if results.get("error"):
            return [f"[{name}] axe-core did not run: {results['error']}"]
        # A run that checked nothing would pass silently (e.g. if a page policy blocked axe).
        if not results["passes"]:
            return [f"[{name}] axe-core reported no passing rule: the audit did not really run"]
        print(f"[{name}] axe-core {results.get('version')}: {len(results['passes'])} rules passed, "
              f"{len(results['violations'])} violated, needs review: {', '.join(results['incomplete']) or 'none'}")
        problems = []
        for rule in results["violations"]:
            line = (f"[{name}] {rule['id']} ({rule['impact']}): {rule['help']} — {rule['helpUrl']}\n"
                    + "\n".join(f"      {json.dumps(node['target'], ensure_ascii=False)}"
                                for node in rule["nodes"]))
            print(line)
            if rule["impact"] in BLOCKING_IMPACTS:
                problems.append(line)
        return problems

    @staticmethod
    def set_viewport(driver, width: int, height: int, mobile: bool) -> None:
        # Headless Chromium's windows have a minimum width of 500 px and browser chrome around the
        # viewport; the device-metrics override gives the page exactly this viewport.
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile,
        })

    def screenshot(self, driver, name: str, width: int, label: str, mobile: bool) -> list[str]:
        self.set_viewport(driver, width, DEFAULT_HEIGHT, mobile)
        problems = []
        inner = driver.execute_script("return document.documentElement.clientWidth")
        scroll = driver.execute_script("return document.documentElement.scrollWidth")
        if scroll > inner:
            problems.append(f"[{name}] at {width} px the page scrolls sideways "
                            f"({scroll} px of content in {inner} px)")
        # Full page height: the viewport grows to the document's height before the shot.
        height = driver.execute_script(
            "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)")
        self.set_viewport(driver, width, max(height, DEFAULT_HEIGHT), mobile)
        path = self.screenshots / f"{name}-{label}.png"
        if not driver.save_screenshot(str(path)):
            problems.append(f"[{name}] could not save {path}")
        return problems

    def audit(self, driver, name: str) -> list[str]:
        self.set_viewport(driver, DESKTOP_WIDTH, DEFAULT_HEIGHT, False)
        problems = self.axe(driver, name)
        problems += self.screenshot(driver, name, DESKTOP_WIDTH, "desktop", mobile=False)
        problems += self.screenshot(driver, name, MOBILE_WIDTH, "mobile", mobile=True)
        self.set_viewport(driver, DESKTOP_WIDTH, DEFAULT_HEIGHT, False)
        return problems


class Browser:
    """The portal seen through the driver. Collects the audit problems of the pages it visits."""

    def __init__(self, driver, base_url: str, auditor: Auditor):
        self.driver = driver
        self.base_url = base_url
        self.auditor = auditor
        self.problems: list[str] = []
        self.audited: list[str] = []

    # Navigation

    def reset(self) -> None:
        """Logged out, desktop width, on a blank page of the portal."""
        Auditor.set_viewport(self.driver, DESKTOP_WIDTH, DEFAULT_HEIGHT, False)
        self.driver.get(self.base_url + "/healthz")
        self.driver.delete_all_cookies()

    def open(self, path: str) -> None:
        self.driver.get(self.base_url + path)
        self.wait_ready()

    def wait_ready(self) -> None:
        WebDriverWait(self.driver, WAIT).until(
            lambda d: d.execute_script("return document.readyState") == "complete")

    def submit_with(self, button) -> None:
        """Clicks a submit button (or a link) and waits for the next page to be loaded.
        The current page is marked with a window property; the next one does not have it.
        (Waiting for the old <html> to go stale races with chromedriver during navigation.)"""
        marker = uuid.uuid4().hex
        self.driver.execute_script("window.__portalTestPage = arguments[0]", marker)
        button.click()
        WebDriverWait(self.driver, WAIT, ignored_exceptions=(WebDriverException,)).until(
            lambda d: d.execute_script(
                "return window.__portalTestPage !== arguments[0] && document.readyState === 'complete'",
                marker))

    @property
    def path(self) -> str:
        return urlparse(self.driver.current_url).path

    @property
    def query(self) -> str:
        return urlparse(self.driver.current_url).query

    @property
    def title(self) -> str:
        return self.driver.title

    def h1(self) -> str:
        return self.driver.find_element(By.TAG_NAME, "h1").text

    def text(self) -> str:
        return self.driver.find_element(By.TAG_NAME, "body").text

    def find(self, css: str):
        return self.driver.find_element(By.CSS_SELECTOR, css)

    def find_all(self, css: str):
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def fill(self, field_id: str, value: str) -> None:
        element = self.driver.find_element(By.ID, field_id)
        element.clear()
        element.send_keys(value)

    def choose(self, select_id: str, value: str) -> None:
        Select(self.driver.find_element(By.ID, select_id)).select_by_value(value)

    def button(self, label: str):
        """The button whose accessible text is `label`, visually hidden words included."""
        return self._named("button, input[type=submit]", label, "button")

    def link(self, label: str):
        """The link whose accessible text is `label`, visually hidden words included."""
        return self._named("a[href]", label, "link")

    def _named(self, css: str, label: str, kind: str):
        for candidate in self.find_all(css):
            text = candidate.get_attribute("textContent") or candidate.get_attribute("value") or ""
            if " ".join(text.split()) == label:
                return candidate
        raise AssertionError(f"no {kind} “{label}” on {self.path}")

    # Accounts

    def log_in(self, email: str, password: str = DEMO_PASSWORD) -> None:
        self.open("/connexion")
        self.fill("email", email)
        self.fill("password", password)
        self.submit_with(self.find("main form button[type=submit]"))

    def log_out(self) -> None:
        self.submit_with(self.button("Se déconnecter"))

    # Audit

    def audit(self, name: str) -> None:
        """axe-core, then screenshots, on the current page; problems are kept for the end."""
        assert re.fullmatch(r"[a-z0-9-]+", name), name
        self.audited.append(name)
        self.problems += self.auditor.audit(self.driver, name)

    def assert_no_problems(self) -> None:
        assert not self.problems, (
            f"{len(self.problems)} accessibility or layout problem(s) on "
            f"{', '.join(self.audited)}:\n" + "\n".join(self.problems))
