extension FormDefinition {
    /// The first visible page with a required visible question left unanswered, if any.
    public func firstIncompletePage(for answers: FormAnswers) -> FormPage? {
        visiblePages(for: answers).first { page in
            page.visibleFields(for: answers).contains { field in
                field.required && field.kind != .explanation && answers[field.id] == nil
            }
        }
    }
}
