"""A resident's, an agent's, an adviser's and an administrator's walk through the portal in a real
browser. Every page visited is audited with axe-core (WCAG 2.1 A/AA, serious and critical
violations fail) and photographed at 1280 px and 390 px into screenshots/."""

from __future__ import annotations

import urllib.error
import urllib.request
import uuid

import pytest


def test_resident_finds_who_handles_a_procedure(browser):
    browser.open("/")
    assert "Portail citoyen CCTOVAL" in browser.title
    assert "Accessibilité : partiellement conforme" in browser.text()
    browser.audit("accueil")

    # Search from the home page's search box; accents are optional.
    browser.fill("q", "creche")
    browser.submit_with(browser.find("form.search-form button[type=submit]"))
    assert browser.path == "/demarches" and "q=creche" in browser.query
    assert "crèche" in browser.text().lower()
    browser.audit("recherche-creche")

    browser.open("/demarches")
    assert browser.find_all("main a[href^='/demarches/']"), "the catalogue lists procedures"
    browser.audit("demarches")

    browser.open("/demarches/inscription-cantine?commune=37123")
    assert "cantine" in browser.h1().lower()
    assert "Langeais" in browser.text()
    browser.audit("demarche-cantine-langeais")

    browser.open("/demarches/inscription-cantine?commune=37036")
    assert "Braye-sur-Maulne" in browser.text()
    browser.audit("demarche-cantine-braye-sur-maulne")

    browser.open("/communes/37123")
    assert "Langeais" in browser.h1()
    browser.audit("commune-langeais")

    browser.open("/qui-fait-quoi")
    assert browser.find_all("table"), "the who-does-what page is a table"
    browser.audit("qui-fait-quoi")

    browser.assert_no_problems()


def test_resident_signs_up_logs_in_and_out(browser):
    browser.open("/inscription")
    browser.audit("inscription")

    # A deliberately invalid form: no name, a malformed e-mail, a short password, no commune.
    browser.fill("email", "pas-une-adresse")
    browser.fill("password", "court")
    browser.submit_with(browser.find("main form button[type=submit]"))
    assert browser.path == "/inscription"
    assert browser.title.startswith("Erreur")
    summary = browser.find(".error-summary")
    links = summary.find_elements("css selector", "a")
    targets = [link.get_attribute("href").split("#", 1)[1] for link in links]
    assert targets == ["displayName", "email", "password", "commune"], \
        f"the summary lists every problem in the order of the form: {targets}"
    for target in targets:
        assert browser.find_all(f"#{target}"), f"the error link #{target} points to a field"
    assert browser.find("#email").get_attribute("value") == "pas-une-adresse", "answers are kept"
    browser.audit("inscription-erreurs")

    # Then a valid one: the new account is logged in and lands on its space.
    email = f"habitant.{uuid.uuid4().hex[:8]}@example.fr"
    password = "un mot de passe assez long"
    browser.fill("displayName", "Camille Navigateur")
    browser.fill("email", email)
    browser.fill("password", password)
    browser.choose("commune", "37123")
    browser.submit_with(browser.find("main form button[type=submit]"))
    assert browser.path == "/mon-espace"
    assert "Camille Navigateur" in browser.text()
    browser.audit("mon-espace-bienvenue")

    browser.log_out()
    assert browser.path == "/connexion"
    assert browser.link("Se connecter")
    browser.audit("connexion-apres-deconnexion")

    browser.open("/connexion")
    browser.audit("connexion")
    browser.log_in(email, password)
    assert browser.path == "/mon-espace"
    browser.audit("mon-espace")

    browser.log_out()
    assert browser.path == "/connexion"
    browser.open("/mon-espace")
    assert browser.path == "/connexion", "the dashboard needs a session again"

    browser.assert_no_problems()


def test_resident_keeps_contact_details(browser):
    browser.log_in("habitante.bourgueil@demo.cctoval.fr")
    browser.submit_with(browser.link("Mes coordonnées"))
    assert browser.path == "/mon-espace/profil"
    assert browser.h1() == "Mes coordonnées"
    browser.audit("mes-coordonnees")

    # One mistake (a 4-digit postal code): the summary links to it and every answer is kept.
    browser.fill("phone", "02 47 97 60 00")
    browser.fill("address-street", "4 place de la Mairie")
    browser.fill("address-postal-code", "3714")
    browser.fill("address-city", "Bourgueil")
    browser.submit_with(browser.button("Enregistrer mes coordonnées"))
    assert browser.title.startswith("Erreur")
    summary = browser.find(".error-summary")
    targets = [link.get_attribute("href").split("#", 1)[1] for link in summary.find_elements("css selector", "a")]
    assert targets == ["address-postal-code"], targets
    assert browser.find("#address-street").get_attribute("value") == "4 place de la Mairie", "answers are kept"
    browser.audit("mes-coordonnees-erreurs")

    browser.fill("address-postal-code", "37140")
    browser.submit_with(browser.button("Enregistrer mes coordonnées"))
    assert "Vos coordonnées sont enregistrées." in browser.text()
    assert browser.find("#phone").get_attribute("value") == "02 47 97 60 00"
    browser.audit("mes-coordonnees-enregistrees")
    browser.log_out()
    browser.assert_no_problems()


def test_wrong_password_is_refused_with_an_error_summary(browser):
    browser.open("/connexion")
    browser.fill("email", "habitant@demo.cctoval.fr")
    browser.fill("password", "pas le bon mot de passe")
    browser.submit_with(browser.find("main form button[type=submit]"))
    assert browser.path == "/connexion"
    assert browser.find(".error-summary").is_displayed()
    browser.audit("connexion-erreur")
    browser.assert_no_problems()


@pytest.mark.parametrize("name, email, space", [
    ("agent", "agent.langeais@demo.cctoval.fr", "/agent"),
    ("guichet", "conseiller@demo.cctoval.fr", "/guichet"),
    ("admin", "admin@demo.cctoval.fr", "/admin"),
])
def test_staff_space(browser, name, email, space):
    browser.log_in(email)
    assert browser.path == space
    assert browser.button("Se déconnecter")
    browser.audit(f"espace-{name}")
    browser.log_out()
    browser.open(space)
    assert browser.path == "/connexion"
    browser.assert_no_problems()


@pytest.mark.parametrize("name, path, heading", [
    ("accessibilite", "/accessibilite", "accessibilité"),
    ("mentions-legales", "/mentions-legales", "mentions légales"),
    ("donnees-personnelles", "/donnees-personnelles", "données personnelles"),
])
def test_legal_page(browser, name, path, heading):
    browser.open(path)
    assert heading in browser.h1().lower()
    browser.audit(name)
    browser.assert_no_problems()


def test_another_roles_space_is_reserved_and_leads_home(browser):
    browser.log_in("agent.langeais@demo.cctoval.fr")
    browser.open("/mon-espace/factures")
    assert browser.h1() == "Accès réservé"
    assert "réservée aux habitants" in browser.text()
    browser.audit("acces-reserve")
    browser.submit_with(browser.link("Aller à mon espace : Espace agent"))
    assert browser.path == "/agent"
    browser.log_out()
    # A logged-out visitor is sent to log in, then back to the very address, query included.
    browser.open("/agent?statut=depose&page=2")
    assert browser.path == "/connexion"
    browser.fill("email", "agent.langeais@demo.cctoval.fr")
    browser.fill("password", "demo-portail-2026")
    browser.submit_with(browser.find("main form button[type=submit]"))
    assert browser.path == "/agent" and browser.query == "statut=depose&page=2"
    browser.assert_no_problems()


def test_unknown_page_answers_404(browser, server):
    path = "/cette-page-n-existe-pas"
    with pytest.raises(urllib.error.HTTPError) as answer:
        urllib.request.urlopen(server + path, timeout=10)
    assert answer.value.code == 404
    browser.open(path)
    assert browser.find("main a[href='/']"), "the 404 page leads back home"
    browser.audit("page-introuvable")
    browser.assert_no_problems()


def test_audit_catches_a_violation_despite_the_content_security_policy(browser, auditor):
    """A control: the audit really runs axe-core inside the portal's pages (whose CSP forbids
    inline scripts) and reports what it finds, so a clean result above means something."""
    browser.open("/")
    browser.driver.execute_script(
        "var field = document.createElement('input'); field.type = 'text';"
        "document.querySelector('main').appendChild(field);")
    problems = auditor.axe(browser.driver, "controle")
    assert any("label" in problem and "critical" in problem for problem in problems), problems
