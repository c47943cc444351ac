"""A resident pays an invoice in a real browser, through the built-in PayFiP simulator: the list,
the invoice, the simulator's page, the result and the receipt. Every page is audited with axe-core
and photographed."""

from __future__ import annotations


def test_resident_pays_an_invoice_online(browser):
    browser.log_in("habitant@demo.cctoval.fr")
    assert "factures à payer" in browser.text(), "the dashboard says how many invoices are due"
    browser.submit_with(browser.find("main a[href='/mon-espace/factures']"))
    assert browser.path == "/mon-espace/factures"
    assert browser.h1() == "Mes factures"
    assert "En retard" in browser.text(), "the overdue invoice is marked"
    browser.audit("mes-factures")

    browser.submit_with(browser.find("main table a[href^='/mon-espace/factures/']"))
    assert browser.h1().startswith("Facture F-")
    browser.audit("facture")

    browser.submit_with(browser.button("Payer en ligne"))
    assert browser.path == "/payfip-sim/paiement"
    assert "Simulateur PayFiP : aucun paiement réel." in browser.text()
    browser.audit("payfip-simulateur")

    browser.submit_with(browser.button("Payer"))
    assert browser.path.startswith("/mon-espace/factures/")
    assert "est accepté" in browser.text()
    assert "Payée" in browser.text()
    browser.audit("facture-payee")

    browser.submit_with(browser.link("Voir le reçu"))
    assert browser.h1().startswith("Reçu de paiement n° R-")
    browser.audit("recu-paiement")

    # The other invoice: abandoned at the simulator, nothing is charged.
    browser.open("/mon-espace/factures")
    browser.submit_with(browser.find("main table a[href^='/mon-espace/factures/']"))
    browser.submit_with(browser.button("Payer en ligne"))
    browser.submit_with(browser.button("Abandonner"))
    assert "Vous avez abandonné le paiement. Aucune somme n'a été débitée." in browser.text()
    browser.audit("facture-paiement-abandonne")
    browser.log_out()
    browser.assert_no_problems()
