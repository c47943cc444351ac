extension FormDefinition {
    /// The pages asked, given the answers so far: those without a condition, or whose condition holds.
    public func visiblePages(for answers: FormAnswers) -> [FormPage] {
        pages.filter { $0.condition?.holds(for: answers) ?? true }
    }

    /// The page asked after `pageId`, or nil when it was the last one.
    public func page(after pageId: String, answers: FormAnswers) -> FormPage? {
        let visible = visiblePages(for: answers)
        guard let index = visible.firstIndex(where: { $0.id == pageId }) else { return visible.first }
        return visible.indices.contains(index + 1) ? visible[index + 1] : nil
    }

    /// The ending chosen by one of the answers, if any ("not for you, do this instead").
    public func ending(for answers: FormAnswers) -> FormEnding? {
        for page in visiblePages(for: answers) {
            for field in page.visibleFields(for: answers) where !field.choices.isEmpty {
                let chosen = Set(answers[field.id]?.comparableValues ?? [])
                if let ending = field.choices.first(where: { chosen.contains($0.value) && $0.ending != nil })?.ending {
                    return ending
                }
            }
        }
        return nil
    }

    /// The answers of the visible questions only: what is filed once the form is complete
    /// (an answer to a page later hidden by a changed answer is not kept).
    public func filedAnswers(_ answers: FormAnswers) -> FormAnswers {
        var kept = FormAnswers()
        for page in visiblePages(for: answers) {
            for field in page.visibleFields(for: answers) {
                kept[field.id] = answers[field.id]
            }
        }
        return kept
    }
}

extension FormPage {
    /// The fields asked on this page, given the answers so far.
    public func visibleFields(for answers: FormAnswers) -> [FieldDefinition] {
        fields.filter { $0.condition?.holds(for: answers) ?? true }
    }
}
