import Mustache

// Every page renders the layout, so its values are looked up by name rather than through
// `Mirror`, which swift-mustache otherwise uses and which dominated the cost of a logged-in
// page. `MustacheLookupTests` checks that each lookup answers exactly what `Mirror` would.

extension LayoutContext: MustacheParent {
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

extension LayoutContext.AccountBadge: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "displayName": displayName
        case "spacePath": spacePath
        case "spaceLabel": spaceLabel
        default: nil
        }
    }
}

extension LayoutContext.NavigationItem: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "path": path
        case "current": current
        default: nil
        }
    }
}
