"""A France Services adviser's visit with a resident in a real browser: the search, the mandate
(its scope, the summary to sign, the consent), the resident's invoices and a payment noted, a
document asked of them, their household and a registration, a request filed for them, and the
récépissé; then the resident's France Services page and the revocation; an account created at the
counter and activated by its owner. Every page is audited with axe-core and photographed."""

from __future__ import annotations

import uuid

from selenium.webdriver.support.ui import Select

ADVISER = "conseiller@demo.cctoval.fr"
RESIDENT = "habitant@demo.cctoval.fr"


def test_adviser_helps_a_resident_under_a_mandate(browser, tmp_path):
    browser.log_in(ADVISER)
    assert browser.path == "/guichet"
    assert browser.h1() == "Guichet France Services"
    browser.audit("guichet-accueil")

    # A search without any criterion: an error summary linking to the name.
    browser.submit_with(browser.button("Rechercher"))
    assert browser.title.startswith("Erreur")
    assert browser.find(".error-summary a").get_attribute("href").endswith("#nom")
    browser.audit("guichet-recherche-erreur")
    browser.fill("nom", "Camille")
    browser.submit_with(browser.button("Rechercher"))
    assert "Camille Martin" in browser.text()
    browser.audit("guichet-resultats")
    browser.submit_with(browser.link("Camille Martin"))
    resident_path = browser.path
    assert browser.h1() == "Camille Martin"
    assert RESIDENT not in browser.text(), "name and commune only before a mandate"
    browser.audit("guichet-habitant-sans-mandat")

    # The mandate: what it covers, then the summary to sign, then the consent.
    browser.submit_with(browser.button("Continuer"))
    assert browser.title.startswith("Erreur")
    browser.audit("guichet-mandat-erreur")
    for family in ("famille", "paiements", "dechets"):
        browser.find(f"label[for='familles-{family}']").click()
    browser.find("label[for='duree']").click()
    browser.submit_with(browser.button("Continuer"))
    consent_url = browser.driver.current_url
    assert "L'accord de la personne" in browser.text()
    browser.audit("guichet-mandat-accord")
    browser.submit_with(browser.link("imprimer le récapitulatif à signer"))
    assert browser.h1() == "Mandat d'accompagnement France Services"
    assert "Signature de la personne" in browser.text()
    browser.audit("guichet-mandat-recapitulatif")
    browser.driver.get(consent_url)
    browser.wait_ready()
    browser.find("label[for='consentement']").click()
    browser.find("label[for='lecture']").click()
    browser.submit_with(browser.button("Enregistrer le mandat"))
    assert "Le mandat est enregistré." in browser.text()
    assert "Mandat en cours" in browser.text()
    browser.audit("guichet-habitant-mandat")

    # Invoices: a payment made elsewhere is noted for the régie.
    browser.submit_with(browser.link("Factures de la personne"))
    assert browser.h1() == "Factures de Camille Martin"
    browser.audit("guichet-factures")
    browser.submit_with(browser.find("main table a[href*='/factures/']"))
    assert browser.h1().startswith("Facture F-")
    browser.submit_with(browser.button("Noter ce paiement pour la régie"))
    assert browser.title.startswith("Erreur")
    browser.audit("guichet-facture-erreur")
    browser.fill("declaration", "Chèque remis au centre des finances publiques de Chinon")
    browser.submit_with(browser.button("Noter ce paiement pour la régie"))
    assert "la régie le vérifiera" in browser.text()

    # The document the déchets service asked for, scanned at the counter.
    browser.open(resident_path + "/pieces")
    assert browser.h1() == "Documents demandés à Camille Martin"
    browser.audit("guichet-pieces")
    inputs = browser.find_all("main input[type=file]")
    if inputs:
        scan = tmp_path / "scan.pdf"
        scan.write_bytes(b"%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n")
        inputs[0].send_keys(str(scan))
        browser.submit_with(browser.find_all("main form button[type=submit]")[0])
        assert "Le document est envoyé au service" in browser.text()
        browser.audit("guichet-piece-envoyee")

    # The household: a child registered to an activity open now, or the reason why not.
    browser.open(resident_path + "/foyer")
    assert "Léo Martin" in browser.text()
    browser.audit("guichet-foyer")
    if browser.find_all("#activite"):
        Select(browser.find("#membre")).select_by_visible_text("Léo Martin")
        Select(browser.find("#activite")).select_by_index(1)
        browser.submit_with(browser.button("Inscrire"))
        assert "L'inscription est enregistrée" in browser.text() or browser.find_all(".error-summary")
        browser.audit("guichet-inscription")

    # A composter request filed for the resident, through the filing pages.
    browser.open(resident_path + "/demandes")
    browser.audit("guichet-demandes")
    browser.submit_with(browser.find("form:has(input[name=demarche][value=composteur]) button"))
    assert browser.path.endswith("/pages/jardin")
    assert "Karim Benali" in browser.find(".user-box").text, "the header names the adviser"
    browser.audit("guichet-demande-page")
    browser.find("label[for='type-logement']").click()
    browser.submit_with(browser.button("Continuer"))
    browser.fill("adresse-street", "3 rue de la Loire")
    browser.fill("adresse-postal-code", "37130")
    browser.fill("adresse-city", "Langeais")
    browser.submit_with(browser.button("Continuer"))
    browser.fill("nombre-personnes", "4")
    browser.find("label[for='modele']").click()
    browser.submit_with(browser.button("Continuer"))
    browser.submit_with(browser.button("Continuer"))
    assert browser.path.endswith("/verifier")
    assert "Vérifiez les réponses avec la personne" in browser.text()
    browser.audit("guichet-demande-verifier")
    browser.submit_with(browser.button("Envoyer la demande"))
    assert "/dossiers/" in browser.path
    reference = browser.find(".reference").text
    assert "Demande déposée au guichet France Services, par Karim Benali" in browser.text()
    browser.audit("guichet-demande-accuse")

    browser.open(resident_path + "/recepisse")
    assert f"Demande {reference} déposée" in browser.text()
    browser.audit("guichet-recepisse")
    browser.log_out()

    # The resident sees it all in their space, then revokes the mandate.
    browser.log_in(RESIDENT)
    browser.submit_with(browser.link("France Services"))
    assert browser.path == "/mon-espace/france-services"
    assert f"Demande {reference} déposée" in browser.text()
    assert "Recherche d'un habitant" not in browser.text()
    browser.audit("mon-espace-france-services")
    browser.submit_with(browser.find("main form button[type=submit]"))
    assert "Le mandat est révoqué" in browser.text()
    browser.audit("mon-espace-france-services-revoque")
    browser.log_out()
    browser.assert_no_problems()


def test_adviser_creates_an_account_the_resident_activates(browser):
    email = f"marcel.{uuid.uuid4().hex[:8]}@example.org"
    browser.log_in(ADVISER)
    browser.submit_with(browser.link("Créer un compte avec la personne"))
    assert browser.path == "/guichet/habitants/nouveau"
    browser.audit("guichet-nouveau-compte")
    browser.submit_with(browser.button("Créer le compte"))
    assert browser.title.startswith("Erreur")
    browser.audit("guichet-nouveau-compte-erreur")
    browser.fill("displayName", "Marcel Petit")
    browser.fill("email", email)
    browser.choose("commune", "37123")
    browser.fill("naissance", "12/05/1948")
    browser.submit_with(browser.button("Créer le compte"))
    assert "Remettez cette feuille à la personne" in browser.text()
    code = browser.find(".reference").text
    browser.audit("guichet-feuille-activation")
    browser.log_out()

    browser.open("/connexion")
    browser.submit_with(browser.link("Vous avez reçu un code d'activation ?"))
    assert browser.path == "/activation"
    browser.audit("activation")
    browser.fill("email", email)
    browser.fill("code", "AAAA-AAAA")
    browser.fill("password", "les cerises de Bourgueil")
    browser.submit_with(browser.button("Enregistrer mon mot de passe"))
    assert browser.title.startswith("Erreur")
    browser.audit("activation-erreur")
    browser.fill("code", code)
    browser.fill("password", "les cerises de Bourgueil")
    browser.submit_with(browser.button("Enregistrer mon mot de passe"))
    assert browser.path == "/connexion"
    assert "Votre mot de passe est enregistré" in browser.text()
    browser.audit("activation-faite")
    browser.log_in(email, "les cerises de Bourgueil")
    assert browser.path == "/mon-espace"
    assert "Marcel Petit" in browser.text()
    browser.log_out()
    browser.assert_no_problems()
