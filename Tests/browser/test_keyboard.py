"""Keyboard use of the sign-up form: Tab reaches every field then the button in order, focus is
visible on each, and after a failed submission the error summary has the focus."""

from __future__ import annotations

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

SIGN_UP_CONTROLS = ["displayName", "email", "password", "commune", "submit"]
MAX_TABS = 80

# The focused element's identity and focus-relevant computed style.
ACTIVE_ELEMENT = """
var element = document.activeElement;
if (!element || element === document.body) { return null; }
var style = getComputedStyle(element);
var key = element.id || (element.matches("main form button[type=submit]") ? "submit" : null);
return {
  key: key,
  tag: element.tagName.toLowerCase(),
  text: (element.textContent || "").trim().slice(0, 40),
  style: {outlineStyle: style.outlineStyle, outlineWidth: style.outlineWidth,
          outlineColor: style.outlineColor, boxShadow: style.boxShadow}
};
"""

UNFOCUSED_STYLE = """
var element = arguments[0] === "submit"
  ? document.querySelector("main form button[type=submit]")
  : document.getElementById(arguments[0]);
var style = getComputedStyle(element);
return {outlineStyle: style.outlineStyle, outlineWidth: style.outlineWidth,
        outlineColor: style.outlineColor, boxShadow: style.boxShadow};
"""


def tab(driver):
    ActionChains(driver).send_keys(Keys.TAB).perform()
    return driver.execute_script(ACTIVE_ELEMENT)


def test_tab_reaches_every_sign_up_field_in_order_with_visible_focus(browser):
    browser.open("/inscription")
    driver = browser.driver
    assert driver.execute_script("return document.activeElement === document.body"), \
        "nothing has the focus when the page opens"

    visited = []
    focused_style = {}
    for _ in range(MAX_TABS):
        active = tab(driver)
        assert active is not None, f"focus left the page after {[v['text'] or v['key'] for v in visited]}"
        visited.append(active)
        if active["key"] in SIGN_UP_CONTROLS:
            focused_style.setdefault(active["key"], active["style"])
        if active["key"] == "submit":
            break

    order = [v["key"] for v in visited if v["key"] in SIGN_UP_CONTROLS]
    assert order == SIGN_UP_CONTROLS, f"Tab order of the form: {order}"
    # The skip link comes first, so keyboard users can jump over the header.
    assert visited[0]["tag"] == "a" and visited[0]["text"] == "Aller au contenu", visited[0]

    driver.execute_script("document.activeElement.blur()")
    for key in SIGN_UP_CONTROLS:
        focused = focused_style[key]
        unfocused = driver.execute_script(UNFOCUSED_STYLE, key)
        assert focused != unfocused, f"{key}: focus does not change its look ({focused})"
        assert focused["outlineStyle"] != "none" and focused["outlineWidth"] not in ("0px", ""), \
            f"{key}: no focus outline ({focused})"


def test_skip_link_moves_focus_to_the_content(browser):
    browser.open("/inscription")
    driver = browser.driver
    first = tab(driver)
    assert first["text"] == "Aller au contenu"
    assert browser.find(".skip-link").is_displayed(), "the skip link shows when focused"
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    active = tab(driver)
    assert active["key"] == "displayName", f"after the skip link, Tab goes to the form: {active}"


def test_error_summary_receives_focus_after_a_failed_submission(browser):
    browser.open("/inscription")
    browser.submit_with(browser.find("main form button[type=submit]"))
    assert browser.path == "/inscription"
    focused = browser.driver.execute_script(
        "var e = document.activeElement; return e && e.classList.contains('error-summary')")
    assert focused, "the error summary has the focus after a failed submission"
    style = browser.driver.execute_script(ACTIVE_ELEMENT)["style"]
    assert style["outlineStyle"] != "none" and style["outlineWidth"] != "0px", style
    # From the summary, Tab goes to its first link, which names the first wrong field.
    active = tab(browser.driver)
    assert active["tag"] == "a" and active["text"], active
