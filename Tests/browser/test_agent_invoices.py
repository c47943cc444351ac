"""A régisseur's walk through the invoices in a real browser: the list, issuing an invoice with a
deliberate mistake then correctly, a counter payment and its receipt, cancelling without then with
a reason, importing a CSV file with a bad line then a good one. Every page is audited."""

from __future__ import annotations

import datetime


def set_date(browser, field_id: str, day: datetime.date) -> None:
    """A date input's value, set as the browser would send it (typing depends on the locale)."""
    browser.driver.execute_script("arguments[0].value = arguments[1]", browser.find(f"#{field_id}"), day.isoformat())


def issue(browser, label_price: str) -> None:
    browser.open("/agent/factures/nouvelle")
    browser.fill("payeur", "habitant@demo.cctoval.fr")
    browser.fill("objet", "Location de la salle des fêtes")
    set_date(browser, "echeance", datetime.date.today() + datetime.timedelta(days=30))
    browser.fill("ligne-1-libelle", "Salle des fêtes")
    browser.fill("ligne-1-periode", "Samedi 12 décembre")
    browser.fill("ligne-1-quantite", "1")
    browser.fill("ligne-1-prix", label_price)
    browser.submit_with(browser.button("Émettre la facture"))


def test_agent_issues_and_collects_an_invoice(browser):
    browser.log_in("agent.langeais@demo.cctoval.fr")
    browser.submit_with(browser.link("Factures"))
    assert browser.path == "/agent/factures"
    assert browser.h1() == "Factures de vos régies"
    browser.audit("agent-factures-vide")

    browser.open("/agent/factures/nouvelle")
    browser.audit("agent-facture-nouvelle")
    issue(browser, "cent cinquante")
    assert browser.title.startswith("Erreur")
    summary = browser.find(".error-summary")
    assert browser.driver.switch_to.active_element == summary, "the error summary takes the focus"
    targets = [link.get_attribute("href").split("#", 1)[1] for link in summary.find_elements("css selector", "a")]
    assert targets == ["ligne-1-prix"], targets
    assert browser.find("#objet").get_attribute("value") == "Location de la salle des fêtes", "answers are kept"
    browser.audit("agent-facture-nouvelle-erreur")

    browser.fill("ligne-1-prix", "150")
    browser.submit_with(browser.button("Émettre la facture"))
    assert browser.path.startswith("/agent/factures/")
    assert "est émise" in browser.text()
    number = browser.h1().removeprefix("Facture ")
    browser.audit("agent-facture")

    browser.fill("montant", "100")
    browser.find("label[for='moyen']").click()
    browser.submit_with(browser.button("Enregistrer le paiement"))
    assert "Partiellement payée" in browser.text()
    browser.audit("agent-facture-encaissement")
    browser.submit_with(browser.link("Voir et imprimer le reçu"))
    assert "Reçu de paiement" in browser.h1()
    browser.audit("agent-recu")

    browser.open("/agent/factures")
    assert browser.link(number), "the list shows the invoice just issued"
    browser.audit("agent-factures")
    browser.log_out()
    browser.assert_no_problems()


def test_agent_cancels_an_invoice(browser):
    browser.log_in("agent.langeais@demo.cctoval.fr")
    issue(browser, "80")
    browser.submit_with(browser.button("Annuler la facture"))
    assert browser.title.startswith("Erreur")
    assert browser.find(".error-summary a").get_attribute("href").endswith("#motif")
    browser.audit("agent-facture-annulation-erreur")
    browser.fill("motif", "Salle prêtée gratuitement")
    browser.submit_with(browser.button("Annuler la facture"))
    assert "Annulée" in browser.text() and "Salle prêtée gratuitement" in browser.text()
    browser.audit("agent-facture-annulee")
    browser.log_out()
    browser.assert_no_problems()


def test_agent_imports_a_csv_file(browser, tmp_path):
    due = (datetime.date.today() + datetime.timedelta(days=30)).strftime("%d/%m/%Y")
    header = "reference;payeur_email;objet;echeance;libelle;periode;quantite;prix_unitaire"

    def csv(price: str):
        path = tmp_path / f"factures-{price.replace(' ', '-')}.csv"
        path.write_text(
            f"{header}\r\nCANT-1;habitant@demo.cctoval.fr;Cantine – mars;{due};Repas;Mars;12;3,50\r\n"
            f"CANT-2;habitante.bourgueil@demo.cctoval.fr;Cantine – mars;{due};Repas;Mars;8;{price}\r\n",
            encoding="cp1252")
        return str(path)

    browser.log_in("agent.langeais@demo.cctoval.fr")
    browser.open("/agent/factures/import")
    browser.audit("agent-factures-import")
    browser.find("#fichier").send_keys(csv("trois euros"))
    browser.submit_with(browser.button("Importer les factures"))
    assert browser.title.startswith("Erreur")
    assert "Lignes à corriger" in browser.text()
    browser.audit("agent-factures-import-refuse")

    browser.find("#fichier").send_keys(csv("3,50"))
    browser.submit_with(browser.button("Importer les factures"))
    assert "2 factures émises" in browser.text()
    browser.audit("agent-factures-importees")
    browser.log_out()
    browser.assert_no_problems()
