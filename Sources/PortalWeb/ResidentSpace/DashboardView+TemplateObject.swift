// The dashboard is the resident's most visited page: its values are looked up by name, not
// through `Mirror` (see LayoutContext+TemplateObject.swift).

extension DashboardView: TemplateObject {
    func child(named name: String) -> Any? {
        switch name {
        case "layout": layout
        case "toDo": toDo
        case "hasToDo": hasToDo
        case "displayName": displayName
        case "communeName": communeName
        case "notice": notice
        case "inProgress": inProgress
        case "drafts": drafts
        case "closed": closed
        case "hasInProgress": hasInProgress
        case "hasDrafts": hasDrafts
        case "hasClosed": hasClosed
        case "isEmpty": isEmpty
        case "invoicesDue": invoicesDue
        default: nil
        }
    }
}

extension DashboardView.DossierLink: TemplateObject {
    func child(named name: String) -> Any? {
        switch name {
        case "reference": reference
        case "title": title
        case "status": status
        case "date": date
        case "path": path
        default: nil
        }
    }
}

extension DashboardView.ToDo: TemplateObject {
    func child(named name: String) -> Any? {
        switch name {
        case "text": text
        case "when": when
        case "path": path
        default: nil
        }
    }
}
