"""A resident files a request online in a real browser: procedure page, form pages (with a
deliberate mistake), check answers, acknowledgement, dashboard. Every page is audited."""

from __future__ import annotations


def test_resident_files_a_composter_request(browser):
    browser.log_in("habitant@demo.cctoval.fr")
    browser.open("/demarches/composteur")
    browser.audit("demarche-composteur-connecte")
    browser.submit_with(browser.button("Faire la demande en ligne"))
    assert browser.path.endswith("/pages/jardin")
    browser.audit("demande-page-choix")

    # Continue without answering: the error summary takes the focus and links to the radios.
    browser.submit_with(browser.button("Continuer"))
    assert browser.title.startswith("Erreur")
    summary = browser.find(".error-summary")
    assert browser.driver.switch_to.active_element == summary, "the error summary takes the focus"
    assert summary.find_element("css selector", "a").get_attribute("href").endswith("#type-logement")
    browser.audit("demande-page-erreur")

    browser.find("label[for='type-logement']").click()
    browser.submit_with(browser.button("Continuer"))
    assert browser.path.endswith("/pages/logement")
    assert browser.find("#commune option[selected]").get_attribute("value") == "37123", "the commune is pre-filled"
    browser.fill("adresse-street", "3 rue de la Loire")
    browser.fill("adresse-postal-code", "37130")
    browser.fill("adresse-city", "Langeais")
    browser.audit("demande-page-adresse")
    browser.submit_with(browser.button("Continuer"))

    browser.fill("nombre-personnes", "4")
    browser.find("label[for='modele']").click()
    browser.submit_with(browser.button("Continuer"))
    browser.audit("demande-page-explication")
    browser.submit_with(browser.button("Continuer"))

    assert browser.path.endswith("/verifier")
    assert "3 rue de la Loire" in browser.text()
    browser.audit("demande-verifier")
    browser.submit_with(browser.button("Envoyer ma demande"))

    assert "/mon-espace/dossiers/" in browser.path
    text = browser.text()
    assert "Demande envoyée" in text and "Accusé de réception" in text
    assert "Service déchets" in text or "déchets" in text.lower()
    browser.audit("demande-accuse-reception")

    browser.open("/mon-espace")
    assert "Demandes en cours" in browser.text()
    browser.audit("mon-espace-demandes")
    browser.log_out()
    browser.assert_no_problems()


def test_agent_processes_the_request(browser):
    # A resident files a signalement; the mairie of Langeais processes it.
    browser.log_in("habitant@demo.cctoval.fr")
    browser.open("/demarches/composteur")
    browser.submit_with(browser.button("Faire la demande en ligne"))
    browser.find("label[for='type-logement']").click()
    browser.submit_with(browser.button("Continuer"))
    browser.fill("adresse-street", "5 place du Château")
    browser.fill("adresse-postal-code", "37130")
    browser.fill("adresse-city", "Langeais")
    browser.submit_with(browser.button("Continuer"))
    browser.fill("nombre-personnes", "2")
    browser.find("label[for='modele']").click()
    browser.submit_with(browser.button("Continuer"))
    browser.submit_with(browser.button("Continuer"))
    browser.submit_with(browser.button("Envoyer ma demande"))
    reference = browser.find(".reference").text
    browser.log_out()

    browser.log_in("agent.dechets@demo.cctoval.fr")
    assert browser.path == "/agent"
    assert reference in browser.text()
    browser.audit("agent-demandes")
    browser.link(reference).click()
    browser.wait_ready()
    assert reference in browser.text()
    browser.audit("agent-dossier")
    browser.submit_with(browser.button("Prendre en charge"))
    assert "En instruction" in browser.text()
    # Refusing without a reason is refused, with an error summary.
    browser.submit_with(browser.button("Refuser la demande"))
    assert browser.title.startswith("Erreur")
    browser.audit("agent-dossier-erreur")

    # Ask the resident for a document.
    browser.fill("libelle", "Justificatif de domicile")
    browser.fill("echeance-day", "31")
    browser.fill("echeance-month", "12")
    browser.fill("echeance-year", "2099")
    browser.submit_with(browser.button("Demander ce document"))
    assert "En attente de pièces" in browser.text()
    browser.log_out()

    browser.log_in("habitant@demo.cctoval.fr")
    assert "Envoyer : Justificatif de domicile" in browser.text()
    browser.audit("mon-espace-a-faire")
    browser.link(f"Envoyer : Justificatif de domicile (demande {reference}, Obtenir un composteur)").click()
    browser.wait_ready()
    assert "Documents à fournir" in browser.text()
    browser.audit("demande-pieces-a-fournir")
    browser.log_out()
    browser.assert_no_problems()
