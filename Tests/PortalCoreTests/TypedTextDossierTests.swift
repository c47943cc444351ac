import Foundation
import PortalCore
import Testing

extension DossierFlowTests {
    @Test("A short answer and an address are one line; a long answer keeps its lines; none takes a control character")
    func formAnswersFollowTheRule() throws {
        let page = Self.cantineForm.pages[0]
        let twoLines = validator.validate(page, input: FormInput(["prenom": ["Léo\r\nBcc: x"], "allergie": ["non"]]), previous: FormAnswers())
        #expect(twoLines.errors["prenom"] == "Votre réponse doit tenir sur une seule ligne : retirez les retours à la ligne.")
        let normalised = validator.validate(page, input: FormInput(["prenom": [" Le\u{301}o\t"], "allergie": ["non"]]), previous: FormAnswers())
        #expect(normalised.errors.isEmpty)
        #expect(normalised.answers["prenom"] == .text("L\u{E9}o"))

        let detail = Self.cantineForm.pages[1]
        let long = validator.validate(detail, input: FormInput(["pai": ["Arachide.\r\nPAI signé en 2025."]]), previous: FormAnswers())
        #expect(long.answers["pai"] == .text("Arachide.\nPAI signé en 2025."))
        let control = validator.validate(detail, input: FormInput(["pai": ["Arachide\u{0}"]]), previous: FormAnswers())
        #expect(control.errors["pai"]?.hasPrefix("Votre réponse contient un caractère invisible") == true)

        let address = FormPage(id: "lieu", title: "Le lieu", fields: [FieldDefinition(id: "adresse", kind: .address, label: "Adresse")])
        let wrong = validator.validate(address, input: FormInput([
            "adresse-street": ["12 rue des Écoles\nBcc: x"], "adresse-postal-code": ["37130"], "adresse-city": ["Langeais"],
        ]), previous: FormAnswers())
        #expect(wrong.errors["adresse"] == "L'adresse (numéro et rue) doit tenir sur une seule ligne : retirez les retours à la ligne.")
    }

    @Test("A document's label is one line and its explanation keeps its lines; messages, notes and reasons refuse control characters")
    func agentTextsFollowTheRule() throws {
        let filed = try filedCantineDossier()
        let agent = accounts["agent.langeais"], resident = accounts["habitant"]
        let later = now.addingTimeInterval(3600), due = CalendarDay(now).adding(days: 10)
        #expect { try dossiers.requestDocument(DocumentRequestDraft(label: "Attestation CAF\r\nBcc: x", explanation: "Récente\u{7}", dueOn: due),
                                               on: filed.id, actor: agent, now: later) } throws: { error in
            guard case DossierError.invalid(let errors) = error else { return false }
            return errors.errors.map(\.field) == ["libelle", "explication"]
                && errors["libelle"] == "Le document demandé doit tenir sur une seule ligne : retirez les retours à la ligne."
        }
        let request = try dossiers.requestDocument(DocumentRequestDraft(label: " Attestation CAF ", explanation: "De moins de 3 mois.\r\nLisible.",
                                                                        dueOn: due), on: filed.id, actor: agent, now: later)
        #expect(request.label == "Attestation CAF")
        #expect(request.explanation == "De moins de 3 mois.\nLisible.")

        for send in [{ try dossiers.sendMessage("Bonjour\u{1B}[2J", on: filed.id, actor: resident, now: later) },
                     { try dossiers.addNote("Note\u{0}", on: filed.id, actor: agent, now: later) },
                     { _ = try dossiers.perform(.refuse(reason: "Complet\u{7}"), on: filed.id, actor: agent, now: later) }] {
            #expect { try send() } throws: { ($0 as? TypedText.Problem)?.kind == .controlCharacter }
        }
        try dossiers.sendMessage("Bonjour,\r\n\r\nL'attestation suit.", on: filed.id, actor: resident, now: later)
        #expect(try dossiers.timeline(of: filed.id, actor: resident, now: later).last?.text == "Bonjour,\n\nL'attestation suit.")
    }
}
