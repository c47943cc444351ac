import PortalCore

/// One answered question as the check-answers page, the resident's dossier page and the
/// agent's dossier page show it.
struct AnswerRow {
    let label: String
    let lines: [String]
    /// Where to change the answer (check-answers page only).
    let changePath: String?
    /// For a document: where to download it.
    let documentPath: String?

    /// The visible questions of `form` answered in `answers`, in order (explanations left out).
    ///
    /// - Parameters:
    ///   - documents: the dossier's documents path (`/mon-espace/dossiers/12/documents`), to link files.
    ///   - changePath: where to change the answers of a page, when they can still change.
    static func rows(
        _ answers: FormAnswers, of form: FormDefinition, catalogue: Catalogue,
        documents: String? = nil, changePath: ((FormPage) -> String)? = nil
    ) -> [AnswerRow] {
        form.visiblePages(for: answers).flatMap { page in
            page.visibleFields(for: answers).filter { $0.kind != .explanation }.map { field in
                let answer = answers[field.id]
                let document: String? = if case .file(let file) = answer, let documents { "\(documents)/\(file.fileId)" } else { nil }
                return AnswerRow(label: field.label, lines: AnswerText.lines(field, answer, catalogue: catalogue),
                                 changePath: changePath?(page), documentPath: document)
            }
        }
    }
}
