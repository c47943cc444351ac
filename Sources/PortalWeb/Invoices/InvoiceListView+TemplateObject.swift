// A résident's invoices over three years run to thirty rows or more: looked up by name, not
// through `Mirror` (see LayoutContext+TemplateObject.swift).

extension InvoiceListView: TemplateObject {
    func child(named name: String) -> Any? {
        switch name {
        case "layout": layout
        case "toPay": toPay
        case "others": others
        case "totalDue": totalDue
        case "hasToPay": hasToPay
        case "hasOthers": hasOthers
        default: nil
        }
    }
}

extension InvoiceListView.Row: TemplateObject {
    func child(named name: String) -> Any? {
        switch name {
        case "number": number
        case "object": object
        case "amount": amount
        case "status": status
        case "dueOn": dueOn
        case "overdue": overdue
        case "path": path
        default: nil
        }
    }
}
