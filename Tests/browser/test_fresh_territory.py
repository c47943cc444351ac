"""A territory starts from an empty data folder, without `--demo`: the start-up log says how to
create the first administrator; `create-admin` prints the link; the administrator invites an agent
of the mairie of Langeais, who activates their account; a resident signs up and files a request that
the agent processes; the administrator changes the mairie's phone and hours, which the public commune
page shows; deactivating the agent ends their session."""

from __future__ import annotations

import email
import email.policy
import re
import time
import uuid
from pathlib import Path

import pytest

from portal_browser import Browser
from portal_server import PortalServer
from test_administration import create_admin

INVITATION = re.compile(r"https?://\S+(/activation/[A-Za-z0-9_-]+)")


@pytest.fixture
def territory(tmp_path, driver, auditor):
    """A server without demo data on an empty folder, and a browser on it."""
    data = tmp_path / "donnees"
    data.mkdir()
    log = tmp_path / "portal-server.log"
    server = PortalServer(data, demo=False, log_path=log)
    page = Browser(driver, server.base_url, auditor)
    page.reset()
    try:
        yield data, log, page
    finally:
        page.reset()
        server.stop()


def mailed_link(outbox: Path, recipient: str, timeout: float = 40) -> str:
    """The activation link of the latest e-mail to `recipient` in the outbox (mail leaves every 10 s)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for path in sorted(outbox.glob("*.eml"), key=lambda p: p.stat().st_mtime, reverse=True):
            message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            if message["To"] != recipient:
                continue
            body = message.get_body(preferencelist=("plain",)).get_content()
            match = INVITATION.search(body)
            if match:
                return match.group(1)
        time.sleep(0.5)
    raise AssertionError(f"no e-mail with a link to {recipient} in {outbox}")


def use(browser, cookies) -> None:
    """Puts the browser in the session those cookies belong to, as if another person's browser."""
    browser.driver.delete_all_cookies()
    for cookie in cookies:
        browser.driver.add_cookie({key: cookie[key] for key in ("name", "value", "path") if key in cookie})


def test_an_empty_portal_is_brought_to_life_through_its_pages(territory):
    data, log, browser = territory
    assert "portal-server create-admin --data" in log.read_text(), "the start-up log says how to begin"

    # The first administrator.
    browser.open(create_admin(data, "claire.martin@cctoval.fr"))
    browser.fill("password", "une phrase de passe bien longue")
    browser.submit_with(browser.button("Enregistrer mon mot de passe"))
    assert browser.path == "/admin"

    # An agent of the mairie of Langeais, invited and activated.
    browser.submit_with(browser.link("Comptes de l'équipe"))
    browser.submit_with(browser.link("Inviter une personne"))
    browser.fill("name", "Paul Durand")
    browser.fill("email", "paul.durand@langeais.fr")
    browser.find("#role-agent").click()
    browser.find("#organisation-mairie-37123").click()
    browser.submit_with(browser.button("Envoyer l'invitation"))
    assert "Invitation envoyée à Paul Durand" in browser.text()
    browser.log_out()
    browser.open(mailed_link(data / "outbox", "paul.durand@langeais.fr"))
    browser.fill("password", "le chateau de langeais")
    browser.submit_with(browser.button("Enregistrer mon mot de passe"))
    assert browser.path == "/agent"
    browser.log_out()

    # A resident signs up and reports a pothole to the mairie.
    resident = f"riverain.{uuid.uuid4().hex[:8]}@example.fr"
    browser.open("/inscription")
    browser.fill("displayName", "Lou Riverain")
    browser.fill("email", resident)
    browser.fill("password", "un mot de passe assez long")
    browser.choose("commune", "37123")
    browser.submit_with(browser.find("main form button[type=submit]"))
    assert browser.path == "/mon-espace"
    browser.open("/demarches/signalement-voirie")
    browser.submit_with(browser.button("Faire la demande en ligne"))
    browser.find("label[for='danger']").click()
    browser.submit_with(browser.button("Continuer"))
    browser.find("label[for='type-probleme']").click()
    browser.submit_with(browser.button("Continuer"))
    browser.fill("emplacement", "Devant le 12 rue des Écoles")
    browser.submit_with(browser.button("Continuer"))
    today = time.localtime()
    browser.fill("date-constat-day", str(today.tm_mday))
    browser.fill("date-constat-month", str(today.tm_mon))
    browser.fill("date-constat-year", str(today.tm_year))
    browser.fill("details", "Un nid-de-poule profond d'environ vingt centimètres.")
    browser.submit_with(browser.button("Continuer"))
    browser.submit_with(browser.button("Continuer"))
    browser.submit_with(browser.button("Continuer"))
    assert browser.path.endswith("/verifier")
    browser.submit_with(browser.button("Envoyer ma demande"))
    reference = browser.find(".reference").text
    assert "Mairie de Langeais" in browser.text()
    browser.log_out()

    # The agent processes it.
    browser.log_in("paul.durand@langeais.fr", "le chateau de langeais")
    assert reference in browser.text()
    browser.link(reference).click()
    browser.wait_ready()
    browser.submit_with(browser.button("Prendre en charge"))
    browser.submit_with(browser.button("Accepter la demande"))
    assert "Accepté" in browser.text()
    agent_cookies = browser.driver.get_cookies()
    browser.driver.delete_all_cookies()

    # The administrator keeps the mairie's details current; the public page follows.
    browser.log_in("claire.martin@cctoval.fr", "une phrase de passe bien longue")
    browser.open("/admin/organisations/mairie-37123")
    browser.fill("phone", "02 47 96 12 50")
    browser.fill("hours-saturday", "")
    browser.fill("hours-wednesday", "9 h – 12 h")
    browser.submit_with(browser.button("Enregistrer"))
    assert "Les informations de Mairie de Langeais sont enregistrées" in browser.text()
    browser.open("/communes/37123")
    text = browser.text()
    assert "02 47 96 12 50" in text
    assert "Mercredi : 9 h – 12 h" in text
    assert "Samedi" not in text

    # A régie and an activity, set up through the pages only.
    browser.open("/admin/regies/nouvelle")
    browser.fill("name", "Régie de l'accueil périscolaire de Langeais")
    browser.choose("organisation", "mairie-37123")
    browser.fill("payfipClientNumber", "123456")
    browser.fill("numberingCode", "PERI")
    browser.submit_with(browser.button("Créer la régie"))
    assert "« Régie de l'accueil périscolaire de Langeais » est enregistrée" in browser.text()
    browser.open("/admin/activites/nouvelle")
    for field, value in [("title", "Accueil du mercredi – Langeais"), ("period", "Année scolaire 2026-2027"), ("minAge", "3"),
                         ("maxAge", "11"), ("opensOn", "01/11/2026"), ("closesOn", "30/06/2027"), ("startsOn", "02/09/2026"),
                         ("endsOn", "30/06/2027"), ("capacity", "24"), ("tariffLabel", "Forfait annuel"), ("tranche-1-prix", "120")]:
        browser.fill(field, value)
    browser.choose("organisation", "mairie-37123")
    browser.choose("regie", "regie-de-l-accueil-periscolaire-de-langeais")
    browser.submit_with(browser.button("Créer l'activité"))
    assert "« Accueil du mercredi – Langeais » est enregistrée" in browser.text()

    # Deactivating the agent ends their session at once.
    admin_cookies = browser.driver.get_cookies()
    use(browser, agent_cookies)
    browser.open("/agent")
    assert browser.path == "/agent", "the agent's session is still open"
    use(browser, admin_cookies)
    browser.open("/admin/comptes")
    browser.submit_with(browser.link("Désactiver le compte de Paul Durand"))
    assert "Aucune demande en cours ne lui est attribuée." in browser.text(), "the accepted request is closed"
    browser.audit("admin-desactivation")
    browser.submit_with(browser.button("Désactiver le compte"))
    assert "Désactivé depuis le" in browser.text()
    use(browser, agent_cookies)
    browser.open("/agent")
    assert browser.path == "/connexion"
    browser.assert_no_problems()
