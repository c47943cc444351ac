// The spaces are rendered for each logged-in request: looked up by name, not through `Mirror`
// (see LayoutContext+TemplateObject.swift).

extension SpaceController.SpaceView: TemplateObject {
    func child(named name: String) -> Any? {
        switch name {
        case "layout": layout
        case "heading": heading
        case "displayName": displayName
        case "organisationName": organisationName
        case "communeName": communeName
        case "notice": notice
        case "intro": intro
        case "upcoming": upcoming
        default: nil
        }
    }
}
