// Every page renders the layout, so its values are looked up by name rather than through
// `Mirror`, which the templates otherwise use and which dominated the cost of a logged-in
// page. `TemplateObjectTests` checks that each lookup answers exactly what `Mirror` would.

extension LayoutContext: TemplateObject {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "hasErrors": hasErrors
        case "stylesheetURL": stylesheetURL
        case "scriptURL": scriptURL
        case "csrfToken": csrfToken
        case "account": account
        case "navigation": navigation
        default: nil
        }
    }
}

extension LayoutContext.AccountBadge: TemplateObject {
    func child(named name: String) -> Any? {
        switch name {
        case "displayName": displayName
        case "spacePath": spacePath
        case "spaceLabel": spaceLabel
        case "administrationPath": administrationPath
        default: nil
        }
    }
}

extension LayoutContext.NavigationItem: TemplateObject {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "path": path
        case "current": current
        default: nil
        }
    }
}
