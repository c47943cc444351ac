import Foundation
import PortalCore

/// The report of `import-reference`, in French, one line per entry.
enum ReferenceImportText {
    static func lines(_ report: ReferenceImport) -> [String] {
        guard !report.diff.isEmpty else { return ["Aucune différence : la base contient déjà ces données de référence."] }
        let edited = Dictionary(report.edits.map { ("\($0.entry.kind.rawValue)/\($0.entry.id)", $0) }, uniquingKeysWith: { first, _ in first })
        var lines = report.diff.entries.map { entry in
            var line = switch entry.change {
            case .added: "+ \(entry.kind.label) \(entry.id) (\(entry.name)) : ajout"
            case .changed(let fields): "~ \(entry.kind.label) \(entry.id) (\(entry.name)) : \(fields.joined(separator: ", "))"
            case .removed: "- \(entry.kind.label) \(entry.id) (\(entry.name)) : suppression"
            }
            if let edit = edited["\(entry.kind.rawValue)/\(entry.id)"] {
                line += " — modifiée dans l'administration \(FrenchDateTime.text(edit.at)) par \(edit.by) : "
                    + (report.replacingEdits ? "remplacée par les fichiers" : "gardée telle quelle (--replace-edits pour la remplacer)")
            }
            return line
        }
        let count = report.diff.entries.count
        lines.append(report.applied
            ? "\(count) différence\(count > 1 ? "s" : "") appliquée\(count > 1 ? "s" : "") et inscrite\(count > 1 ? "s" : "") au journal ; un serveur en marche les affiche dans les 10 secondes."
            : "\(count) différence\(count > 1 ? "s" : ""), rien n'a changé : relancez avec --apply pour les appliquer.")
        return lines
    }
}
