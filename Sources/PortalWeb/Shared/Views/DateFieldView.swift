/// A date asked as three inputs, day, month and year (`{id}-day`, `{id}-month`, `{id}-year`), as
/// the online forms ask it: the error summary links to the day.
struct DateFieldView {
    let id: String
    let legend: String
    /// Said before the example ("Par exemple : 14 3 2019").
    let hint: String
    let day: String
    let month: String
    let year: String
    let error: String?

    /// The anchor of the error summary for a core field name: dates link to their day input.
    static func anchor(_ field: String, dates: Set<String>) -> String {
        dates.contains(field) ? "\(field)-day" : field
    }
}
