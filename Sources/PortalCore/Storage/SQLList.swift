/// SQL `IN` lists of bound values.
enum SQLList {
    /// "?, ?, ?": the placeholders of an `IN` list of `count` values; an empty list matches nothing.
    static func placeholders(_ count: Int) -> String {
        count == 0 ? "NULL" : Array(repeating: "?", count: count).joined(separator: ", ")
    }
}
