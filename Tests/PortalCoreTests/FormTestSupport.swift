import PortalCore

/// A small form exercising every kind of question, conditions and an ending.
enum SampleForm {
    static let definition = FormDefinition(procedureSlug: "inscription-creche", version: 1, pages: [
        FormPage(id: "enfant", title: "Votre enfant", fields: [
            FieldDefinition(id: "prenom", kind: .shortText, label: "Prénom de l'enfant",
                            rules: FieldRules(requiredMessage: "Saisissez le prénom de l'enfant.", maxLength: 50)),
            FieldDefinition(id: "naissance", kind: .date, label: "Date de naissance",
                            rules: FieldRules(earliest: "today-1460", latest: "today+270")),
            FieldDefinition(id: "ne", kind: .yesNo, label: "L'enfant est-il né ?"),
        ]),
        FormPage(id: "accueil", title: "L'accueil souhaité", fields: [
            FieldDefinition(id: "type", kind: .singleChoice, label: "Type d'accueil", choices: [
                .init(value: "regulier", label: "Régulier"),
                .init(value: "occasionnel", label: "Occasionnel"),
                .init(value: "scolaire", label: "Après l'école",
                      ending: FormEnding(title: "Ce n'est pas une crèche", body: "Inscrivez votre enfant à l'accueil périscolaire.")),
            ]),
            FieldDefinition(id: "jours", kind: .multipleChoice, label: "Jours", choices: [
                .init(value: "lundi", label: "Lundi"), .init(value: "mardi", label: "Mardi"), .init(value: "jeudi", label: "Jeudi"),
            ], condition: ShowCondition(field: "type", isOneOf: ["regulier"])),
            FieldDefinition(id: "heures", kind: .number, label: "Heures par semaine", required: false,
                            rules: FieldRules(minimum: 1, maximum: 55)),
        ]),
        FormPage(id: "naissance-prevue", title: "La naissance prévue", fields: [
            FieldDefinition(id: "maternite", kind: .shortText, label: "Maternité", required: false),
        ], condition: ShowCondition(field: "ne", isOneOf: ["non"])),
        FormPage(id: "contact", title: "Vos coordonnées", fields: [
            FieldDefinition(id: "courriel", kind: .email, label: "Adresse e-mail", prefill: .email),
            FieldDefinition(id: "telephone", kind: .phone, label: "Téléphone"),
            FieldDefinition(id: "commune", kind: .commune, label: "Commune", prefill: .commune),
            FieldDefinition(id: "adresse", kind: .address, label: "Adresse"),
            FieldDefinition(id: "code", kind: .postalCode, label: "Code postal de travail", required: false),
        ]),
    ])

    static let validator = FormValidator(
        communeCodes: ["37123", "37031"],
        today: CalendarDay(year: 2026, month: 3, day: 1)!
    )
}
