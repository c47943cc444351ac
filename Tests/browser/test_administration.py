"""A territory's first administrator: the link printed by `portal-server create-admin`, the
password chosen in the browser, the administration's home with the entries to verify."""

from __future__ import annotations

import datetime
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "support"))

from portal_server import ROOT, server_binary  # noqa: E402

LINK = re.compile(r"https?://\S+(/activation/[A-Za-z0-9_-]+)")


def create_admin(data: Path, email: str) -> str:
    """Runs `create-admin` on the server's data folder; returns the path of the link it prints."""
    result = subprocess.run(
        [str(server_binary()), "create-admin", "--data", str(data), "--resources", str(ROOT / "Resources"),
         "--email", email, "--name", "Claire Martin"],
        capture_output=True, text=True, timeout=60, check=True)
    match = LINK.search(result.stdout)
    assert match, result.stdout + result.stderr
    return match.group(1)


def test_first_administrator_activates_and_lands_on_the_administration(browser, data_folder):
    path = create_admin(data_folder, "claire.martin@cctoval.fr")
    browser.open(path)
    assert browser.h1() == "Choisir votre mot de passe"
    browser.audit("activation-lien")

    browser.fill("password", "court")
    browser.submit_with(browser.button("Enregistrer mon mot de passe"))
    assert browser.find(".error-summary").is_displayed()
    browser.audit("activation-lien-erreur")

    browser.fill("password", "une phrase de passe bien longue")
    browser.submit_with(browser.button("Enregistrer mon mot de passe"))
    assert browser.path == "/admin"
    assert browser.h1() == "Administration"
    assert "Fiches à vérifier" in browser.text()
    browser.audit("admin-accueil")

    browser.submit_with(browser.link("Comptes de l'équipe"))
    assert browser.h1() == "Comptes de l'équipe"
    browser.audit("admin-comptes")
    browser.submit_with(browser.link("Inviter une personne"))
    browser.fill("name", "Paul Durand")
    browser.fill("email", "paul.durand@langeais.fr")
    browser.submit_with(browser.button("Envoyer l'invitation"))
    assert browser.find(".error-summary").is_displayed()
    assert browser.find("#name").get_attribute("value") == "Paul Durand"
    browser.audit("admin-invitation-erreur")
    browser.find("#role-agent").click()
    browser.find("#organisation-mairie-37123").click()
    browser.submit_with(browser.button("Envoyer l'invitation"))
    assert browser.path == "/admin/comptes"
    assert "Invitation envoyée à Paul Durand" in browser.text()
    browser.audit("admin-comptes-invitation")

    browser.submit_with(browser.link("Révoquer l'invitation de Paul Durand"))
    assert browser.h1() == "Révoquer l'invitation de Paul Durand"
    browser.audit("admin-revocation")
    browser.submit_with(browser.button("Révoquer l'invitation"))
    assert browser.path == "/admin/comptes"
    assert "L'invitation de Paul Durand est révoquée" in browser.text()
    browser.submit_with(browser.button("Renvoyer l'invitation à Paul Durand"))
    assert "Invitation envoyée à Paul Durand" in browser.text()
    browser.submit_with(browser.link("Paul Durand : modifier le compte"))
    assert browser.h1() == "Modifier le compte de Paul Durand"
    browser.audit("admin-compte")
    browser.find("#role-france_services").click()
    browser.submit_with(browser.button("Enregistrer"))
    assert browser.find(".error-summary").is_displayed()
    browser.audit("admin-compte-erreur")
    browser.find("#organisation-mairie-37123").click()
    browser.find("#organisation-france-services-langeais").click()
    browser.submit_with(browser.button("Enregistrer"))
    assert "Le compte de Paul Durand est modifié" in browser.text()

    browser.log_out()
    browser.open(path)
    assert browser.h1() == "Ce lien n'est plus valable"
    browser.assert_no_problems()


DAYS = ["Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche"]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre"]


def test_an_administrator_corrects_a_mairies_phone_and_hours(browser):
    closure = datetime.date.today() + datetime.timedelta(days=10)
    day = "1er" if closure.day == 1 else str(closure.day)
    announced = f"{DAYS[closure.weekday()]} {day} {MONTHS[closure.month - 1]} {closure.year} : fermé (Formation)"
    browser.log_in("admin@demo.cctoval.fr")
    browser.submit_with(browser.link("Organisations"))
    assert browser.h1() == "Organisations"
    browser.audit("admin-organisations")
    browser.submit_with(browser.link("Mairie de Lublé"))
    assert browser.h1() == "Mairie de Lublé"
    browser.audit("admin-organisation")

    browser.fill("phone", "02 47")
    browser.fill("hours-tuesday", "le matin")
    browser.fill("exception-0-date", closure.strftime("%d/%m/%Y"))
    browser.fill("exception-0-note", "Formation")
    browser.submit_with(browser.button("Enregistrer"))
    assert browser.find(".error-summary").is_displayed()
    assert browser.find("#hours-tuesday").get_attribute("value") == "le matin"
    assert browser.find("#exception-0-note").get_attribute("value") == "Formation"
    browser.audit("admin-organisation-erreur")

    browser.fill("phone", "02 47 24 30 12")
    browser.fill("hours-tuesday", "9 h – 12 h")
    browser.submit_with(browser.button("Enregistrer"))
    assert browser.path == "/admin/organisations"
    assert "Les informations de Mairie de Lublé sont enregistrées" in browser.text()
    browser.submit_with(browser.link("Voir la page publique"))
    assert browser.path == "/communes/37137"
    text = browser.text()
    assert "02 47 24 30 12" in text
    assert "Mardi : 9 h – 12 h" in text
    assert announced in text

    browser.open("/admin")
    browser.submit_with(browser.link("Journal des modifications"))
    assert "Téléphone : 02 47 24 30 12" in browser.text()
    browser.audit("admin-journal")
    browser.fill("du", "hier")
    browser.submit_with(browser.button("Filtrer"))
    assert browser.find(".error-summary").is_displayed()
    assert browser.find("#du").get_attribute("value") == "hier"
    browser.audit("admin-journal-erreur")
    browser.assert_no_problems()


def test_a_manager_keeps_their_mairie_from_the_agents_space(browser):
    browser.log_in("responsable.bourgueil@demo.cctoval.fr")
    assert browser.path == "/agent"
    browser.submit_with(browser.link("Administration"))
    assert browser.h1() == "Administration"
    assert "En tant que responsable, vous tenez ici à jour Mairie de Bourgueil" in browser.text()
    browser.audit("responsable-accueil")
    browser.submit_with(browser.link("Organisations"))
    assert [link.text for link in browser.find_all("main table a")] == ["Mairie de Bourgueil"]
    browser.open("/admin/comptes")
    text = browser.text()
    assert "Sophie Lefèvre" in text and "Julien Moreau" not in text
    browser.audit("responsable-comptes")
    browser.submit_with(browser.link("Inviter une personne"))
    assert [box.get_attribute("value") for box in browser.find_all("input[name=organisation]")] == ["mairie-37031"]
    assert [radio.get_attribute("value") for radio in browser.find_all("input[name=role]")] == ["agent", "manager"]
    browser.audit("responsable-invitation")
    browser.assert_no_problems()


def test_an_administrator_sends_a_communes_identity_cards_to_its_neighbour(browser):
    browser.log_in("admin@demo.cctoval.fr")
    browser.submit_with(browser.link("Catalogue des démarches"))
    assert browser.h1() == "Démarches"
    browser.audit("admin-demarches")
    browser.submit_with(browser.link("Créer une démarche"))
    assert browser.h1() == "Nouvelle démarche"
    browser.audit("admin-demarche-nouvelle")
    browser.open("/admin/demarches")
    browser.submit_with(browser.link("Demander ou renouveler une carte nationale d'identité (CNI)"))
    browser.audit("admin-demarche")
    browser.fill("title", "")
    browser.choose("commune-37024", "mairie-37031")
    browser.fill("commune-37024-note", "Permanence à Bourgueil")
    browser.submit_with(browser.button("Enregistrer"))
    assert browser.find(".error-summary").is_displayed()
    assert browser.find("#commune-37024-note").get_attribute("value") == "Permanence à Bourgueil"
    browser.audit("admin-demarche-erreur")
    browser.fill("title", "Demander ou renouveler une carte nationale d'identité (CNI)")
    browser.choose("apercu-commune", "37024")
    browser.submit_with(browser.button("Aperçu, sans enregistrer"))
    assert "Aperçu, rien n'est enregistré" in browser.text()
    assert "Permanence à Bourgueil" in browser.text()
    browser.audit("admin-demarche-apercu")
    browser.submit_with(browser.button("Reprendre la modification"))
    assert browser.find("#commune-37024-note").get_attribute("value") == "Permanence à Bourgueil"
    browser.submit_with(browser.button("Aperçu, sans enregistrer"))
    browser.submit_with(browser.button("Enregistrer ces modifications"))
    assert "est enregistrée" in browser.text()
    browser.open("/demarches/carte-nationale-identite?commune=37024")
    assert "Permanence à Bourgueil" in browser.text()
    browser.assert_no_problems()


def test_an_administrator_gives_a_procedure_a_new_address(browser):
    browser.log_in("admin@demo.cctoval.fr")
    browser.open("/admin/demarches/certificat-numerotage")
    browser.fill("slug", "Numérotage !")
    browser.submit_with(browser.button("Changer l'adresse"))
    assert browser.find(".error-summary").is_displayed()
    assert browser.find("#slug").get_attribute("value") == "Numérotage !"
    browser.audit("admin-demarche-adresse-erreur")
    browser.fill("slug", "certificat-de-numerotage")
    browser.submit_with(browser.button("Changer l'adresse"))
    assert "est enregistrée" in browser.text()
    browser.open("/demarches/certificat-numerotage")
    assert browser.path == "/demarches/certificat-de-numerotage"
    browser.assert_no_problems()


def test_an_administrator_sets_a_regies_payfip_mode(browser):
    browser.log_in("admin@demo.cctoval.fr")
    browser.submit_with(browser.link("Régies"))
    assert browser.h1() == "Régies"
    browser.audit("admin-regies")
    browser.submit_with(browser.link("Régie de recettes de la commune de Bourgueil"))
    browser.audit("admin-regie")
    browser.fill("payfipClientNumber", "12")
    browser.submit_with(browser.button("Enregistrer"))
    assert browser.find(".error-summary").is_displayed()
    browser.audit("admin-regie-erreur")
    browser.fill("payfipClientNumber", "200731")
    browser.find("#mode-X").click()
    browser.submit_with(browser.button("Enregistrer"))
    assert "est enregistrée" in browser.text()
    browser.submit_with(browser.link("Nouvelle régie"))
    assert browser.h1() == "Nouvelle régie"
    browser.audit("admin-regie-nouvelle")
    browser.fill("name", "Régie de la salle des fêtes de Benais")
    browser.choose("organisation", "mairie-37024")
    browser.fill("payfipClientNumber", "123456")
    browser.fill("numberingCode", "DEC")
    browser.submit_with(browser.button("Créer la régie"))
    assert browser.find(".error-summary").is_displayed()
    assert browser.find("#name").get_attribute("value") == "Régie de la salle des fêtes de Benais"
    browser.fill("numberingCode", "SFB")
    browser.submit_with(browser.button("Créer la régie"))
    assert "« Régie de la salle des fêtes de Benais » est enregistrée" in browser.text()
    browser.assert_no_problems()


def test_a_manager_sets_their_canteens_places(browser):
    browser.log_in("responsable.bourgueil@demo.cctoval.fr")
    browser.open("/admin")
    browser.submit_with(browser.link("Activités"))
    assert [link.text for link in browser.find_all("main table a")] == ["Restauration scolaire – Bourgueil"]
    browser.audit("admin-activites")
    browser.submit_with(browser.link("Restauration scolaire – Bourgueil"))
    browser.audit("admin-activite")
    browser.fill("capacity", "0")
    browser.submit_with(browser.button("Enregistrer"))
    assert browser.find(".error-summary").is_displayed()
    browser.audit("admin-activite-erreur")
    browser.fill("capacity", "190")
    browser.submit_with(browser.button("Enregistrer"))
    assert "est enregistrée" in browser.text()
    browser.submit_with(browser.link("Nouvelle activité"))
    assert browser.h1() == "Nouvelle activité"
    browser.audit("admin-activite-nouvelle")
    browser.fill("title", "Stage de théâtre")
    browser.fill("period", "Vacances d'hiver 2027")
    browser.fill("minAge", "8")
    browser.fill("maxAge", "14")
    browser.find("#communes-liste").click()
    browser.find("#commune-37031").click()
    browser.find("#document-justificatif-domicile").click()
    for field, value in [("opensOn", "01/12/2026"), ("closesOn", "31/01/2027"), ("startsOn", "15/02/2027"), ("endsOn", "19/02/2027"),
                         ("capacity", "12"), ("tariffLabel", "Stage de 5 jours"), ("tranche-1-plafond", "800"),
                         ("tranche-1-prix", "45"), ("tranche-2-prix", "70,50")]:
        browser.fill(field, value)
    browser.submit_with(browser.button("Créer l'activité"))
    assert browser.find(".error-summary").is_displayed()
    assert browser.find("#tranche-2-prix").get_attribute("value") == "70,50"
    assert browser.find("#commune-37031").is_selected()
    browser.audit("admin-activite-nouvelle-erreur")
    browser.choose("regie", "mairie-37031")
    browser.submit_with(browser.button("Créer l'activité"))
    assert "« Stage de théâtre » est enregistrée" in browser.text()
    browser.assert_no_problems()
