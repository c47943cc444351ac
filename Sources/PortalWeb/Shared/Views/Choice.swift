/// One option of a select, a radio group or a set of checkboxes: what is posted, what is read, whether
/// it is chosen, and the input's id (radios and checkboxes; empty for a select's option).
struct Choice {
    let value: String
    let label: String
    let selected: Bool
    let id: String
}
