// The invoice list is a working page of up to 25 rows among 30,000 invoices: its values are
// looked up by name, not through `Mirror` (see LayoutContext+TemplateObject.swift).

extension AgentInvoiceListView: TemplateObject {
    func child(named name: String) -> Any? {
        switch name {
        case "layout": layout
        case "organisationName": organisationName
        case "hasRegies": hasRegies
        case "hasSeveralRegies": hasSeveralRegies
        case "regieOptions": regieOptions
        case "statusOptions": statusOptions
        case "typedFrom": typedFrom
        case "typedTo": typedTo
        case "payer": payer
        case "overdueOnly": overdueOnly
        case "hasErrors": hasErrors
        case "errors": errors
        case "fromError": fromError
        case "toError": toError
        case "payerSearchTooBroad": payerSearchTooBroad
        case "rows": rows
        case "hasRows": hasRows
        case "countText": countText
        case "issuedTotal": issuedTotal
        case "paidTotal": paidTotal
        case "remainingTotal": remainingTotal
        case "pageText": pageText
        case "previousPath": previousPath
        case "nextPath": nextPath
        case "exportPath": exportPath
        case "paymentsFrom": paymentsFrom
        case "paymentsTo": paymentsTo
        case "paymentsFromError": paymentsFromError
        case "paymentsToError": paymentsToError
        case "channelOptions": channelOptions
        default: nil
        }
    }
}

extension AgentInvoiceListView.Row: TemplateObject {
    func child(named name: String) -> Any? {
        switch name {
        case "number": number
        case "path": path
        case "payerName": payerName
        case "payerEmail": payerEmail
        case "object": object
        case "issuedOn": issuedOn
        case "dueOn": dueOn
        case "overdue": overdue
        case "total": total
        case "remaining": remaining
        case "status": status
        case "lastReminder": lastReminder
        default: nil
        }
    }
}

extension FieldErrorLink: TemplateObject {
    func child(named name: String) -> Any? {
        switch name {
        case "field": field
        case "message": message
        default: nil
        }
    }
}
