/// A page of a draft that has since been filed: the browser is sent to the dossier instead.
struct AlreadyFiled: Error {
    let location: String
}
