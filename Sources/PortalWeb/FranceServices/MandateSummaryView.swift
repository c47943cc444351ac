/// The mandate summary printed for the resident to sign.
struct MandateSummaryView {
    let layout: LayoutContext
    let residentName: String
    let communeName: String
    let adviserName: String
    let siteName: String
    let city: String
    let families: [String]
    let duration: String
    let lastDay: String
    let date: String
    let backPath: String
}
