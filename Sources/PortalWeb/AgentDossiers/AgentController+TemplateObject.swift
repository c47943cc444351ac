// The queue is the agents' working page, with up to 500 rows: its values are looked up by name,
// not through `Mirror` (see LayoutContext+TemplateObject.swift).

extension AgentController.QueueView: TemplateObject {
    func child(named name: String) -> Any? {
        switch name {
        case "layout": layout
        case "organisationName": organisationName
        case "counts": counts
        case "statusOptions": statusOptions
        case "procedureOptions": procedureOptions
        case "communeOptions": communeOptions
        case "assignmentOptions": assignmentOptions
        case "orderOptions": orderOptions
        case "overdueOnly": overdueOnly
        case "rows": rows
        case "hasRows": hasRows
        case "totalText": totalText
        case "pageText": pageText
        case "previousPath": previousPath
        case "nextPath": nextPath
        case "exportPath": exportPath
        default: nil
        }
    }
}

extension AgentController.Row: TemplateObject {
    func child(named name: String) -> Any? {
        switch name {
        case "reference": reference
        case "path": path
        case "procedureTitle": procedureTitle
        case "residentName": residentName
        case "commune": commune
        case "filedOn": filedOn
        case "dueOn": dueOn
        case "overdue": overdue
        case "status": status
        case "assignee": assignee
        default: nil
        }
    }
}

extension AgentController.StatusCount: TemplateObject {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "count": count
        case "path": path
        default: nil
        }
    }
}

extension AgentController.Option: TemplateObject {
    func child(named name: String) -> Any? {
        switch name {
        case "value": value
        case "label": label
        case "selected": selected
        default: nil
        }
    }
}
