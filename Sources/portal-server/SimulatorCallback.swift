import PortalCore

/// Reading `--payfip-sim-callback`: `immediate`, `drop`, `repeat:N` or `delay:SECONDS`.
enum SimulatorCallback {
    static func parse(_ text: String) -> PayFiPSimulator.Callback? {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        switch (parts.first, parts.count > 1 ? parts[1] : nil) {
        case ("immediate", nil): return .immediate
        case ("drop", nil): return .dropped
        case ("repeat", let count?): return Int(count).flatMap { (1...20).contains($0) ? .repeated($0) : nil }
        case ("delay", let seconds?): return Double(seconds).flatMap { (0...600).contains($0) ? .delayed($0) : nil }
        default: return nil
        }
    }
}
