"""A new resident's household and registrations in a real browser: « Mon foyer », adding a child
and a document each after a mistake, inviting another adult, then « Inscriptions » (registering
the child to the first activity open today, and cancelling); then an agent's lists of
registrations. The demo activities open and close with the calendar, so the registering step is
skipped, with a message, when none is open today; the pages are audited either way."""

from __future__ import annotations

import datetime
import uuid

import pytest

from selenium.webdriver.common.by import By

PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def summary_targets(browser) -> list[str]:
    summary = browser.find(".error-summary")
    assert browser.driver.switch_to.active_element == summary, "the error summary takes the focus"
    return [link.get_attribute("href").split("#", 1)[1] for link in summary.find_elements(By.CSS_SELECTOR, "a")]


def sign_up(browser) -> str:
    email = f"foyer.{uuid.uuid4().hex[:8]}@example.fr"
    browser.open("/inscription")
    browser.fill("displayName", "Alex Navigateur")
    browser.fill("email", email)
    browser.fill("password", "un mot de passe assez long")
    browser.choose("commune", "37123")
    browser.submit_with(browser.find("main form button[type=submit]"))
    assert browser.path == "/mon-espace"
    return email


def add_document(browser, kind: str, pdf_path, child: str | None = None) -> None:
    browser.open(f"/mon-espace/foyer/documents/nouveau?type={kind}")
    if child:
        browser.choose("enfant", child)
    day = datetime.date.today() - datetime.timedelta(days=7)
    browser.fill("date-day", str(day.day))
    browser.fill("date-month", str(day.month))
    browser.fill("date-year", str(day.year))
    browser.find("#document").send_keys(str(pdf_path))
    browser.submit_with(browser.button("Ajouter le document"))
    assert browser.path == "/mon-espace/foyer", browser.text()
    assert "Document ajouté" in browser.text()


def test_resident_keeps_a_household_and_registers_a_child(browser, tmp_path):
    pdf = tmp_path / "carnet-vaccination.pdf"
    pdf.write_bytes(PDF)
    sign_up(browser)
    browser.submit_with(browser.link("Mon foyer"))
    assert browser.h1() == "Mon foyer"
    assert "Vous n'avez pas encore ajouté d'enfant." in browser.text()
    browser.audit("foyer-vide")

    # A child: the birth date left out first; the summary links to the day, answers are kept.
    browser.submit_with(browser.link("Ajouter un enfant"))
    browser.audit("foyer-enfant")
    browser.fill("prenom", "Sacha")
    browser.fill("nom", "Navigateur")
    browser.fill("ecole", "École Anne de Bretagne")
    browser.submit_with(browser.button("Ajouter l'enfant"))
    assert browser.title.startswith("Erreur")
    assert summary_targets(browser) == ["naissance-day"]
    assert browser.find("#prenom").get_attribute("value") == "Sacha", "answers are kept"
    browser.audit("foyer-enfant-erreur")
    seven_years_ago = datetime.date.today().year - 7
    browser.fill("naissance-day", "12")
    browser.fill("naissance-month", "4")
    browser.fill("naissance-year", str(seven_years_ago))
    browser.submit_with(browser.button("Ajouter l'enfant"))
    assert "Sacha Navigateur fait maintenant partie de votre foyer." in browser.text()
    child = browser.find("main a[href^='/mon-espace/foyer/enfants/']").get_attribute("href").rsplit("/", 1)[1]

    # A document: no type and no file first; the summary follows the form's order.
    browser.submit_with(browser.link("Ajouter un document"))
    browser.audit("foyer-document")
    browser.submit_with(browser.button("Ajouter le document"))
    assert browser.title.startswith("Erreur")
    assert summary_targets(browser) == ["type", "date-day", "document"]
    browser.audit("foyer-document-erreur")
    add_document(browser, "carnet-vaccination", pdf, child=child)
    add_document(browser, "justificatif-domicile", pdf)

    # Another adult invited by e-mail.
    browser.fill("email", f"autre.{uuid.uuid4().hex[:8]}@example.fr")
    browser.submit_with(browser.button("Envoyer l'invitation"))
    assert "Invitation envoyée à" in browser.text()
    browser.audit("foyer")

    browser.open("/mon-espace")
    browser.submit_with(browser.find("main a[href='/mon-espace/inscriptions']"))
    assert browser.h1() == "Inscriptions"
    browser.audit("inscriptions")
    selects = browser.find_all("main select[id^='membre-']")
    if selects:
        select_id = selects[0].get_attribute("id")

        def register() -> None:
            browser.choose(select_id, child)
            browser.submit_with(browser.find(f"#{select_id}").find_element(By.XPATH, "ancestor::form")
                                .find_element(By.CSS_SELECTOR, "button"))

        register()
        text = browser.text()
        registered = "Inscription confirmée" in text or "Sur liste d'attente" in text
        assert registered or browser.title.startswith("Erreur"), text
        browser.audit("inscriptions-resultat")
        if registered:
            browser.submit_with(browser.find("main a[href$='/annulation']"))
            assert browser.h1().startswith("Annuler l'inscription de Sacha Navigateur")
            browser.audit("inscription-annulation")
            browser.submit_with(browser.button("Oui, annuler l'inscription"))
            assert "est annulée" in browser.text()
            register()  # again, for the agents' list below
    browser.log_out()
    browser.assert_no_problems()
    if not selects:
        pytest.skip("no demo activity is open to registrations today: the registering step was not tried "
                    "(the pages were audited)")


def test_agent_lists_registrations_of_an_activity(browser):
    browser.log_in("agent.enfance@demo.cctoval.fr")
    browser.submit_with(browser.link("Inscriptions"))
    assert browser.path == "/agent/inscriptions"
    assert browser.h1() == "Inscriptions"
    browser.audit("agent-inscriptions")
    rows = browser.find_all("main table tbody tr")
    assert rows, "the CCTOVAL's enfance-jeunesse service runs activities"
    # The activity with registrations, if the resident's walk made one; else the first.
    busy = [row for row in rows if not row.find_elements(By.TAG_NAME, "td")[2].text.startswith("0 ")]
    browser.submit_with((busy or rows)[0].find_element(By.TAG_NAME, "a"))
    assert "Liste de présence" in browser.driver.page_source
    assert browser.find_all("a[href$='/export.csv']")
    browser.audit("agent-inscriptions-activite")
    refusals = browser.find_all("details.refuse")
    if refusals:
        # A refusal without its reason: the error is shown next to the form.
        refusals[0].find_element(By.TAG_NAME, "summary").click()
        browser.submit_with(refusals[0].find_element(By.CSS_SELECTOR, "button"))
        assert browser.title.startswith("Erreur")
        assert summary_targets(browser)[0].startswith("motif-")
        browser.audit("agent-inscriptions-refus-erreur")
    browser.log_out()
    browser.assert_no_problems()
