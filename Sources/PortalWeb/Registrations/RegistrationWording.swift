import PortalCore

/// How registrations and activities are worded on the residents' and agents' pages.
enum RegistrationWording {
    /// "Confirmée", "Sur liste d'attente, rang 2".
    static func status(_ registration: Registration) -> String {
        if registration.status == .waiting, let rank = registration.rank { return "Sur liste d'attente, rang \(rank)" }
        return registration.status.label
    }

    /// When registrations are taken: "Du 15 novembre 2026 au 14 décembre 2026".
    static func registrationDates(_ activity: Activity) -> String {
        "Du \(activity.opensOn.french) au \(activity.closesOn.french)"
    }

    /// "Du 21 décembre 2026 au 31 décembre 2026".
    static func runningDates(_ activity: Activity) -> String {
        "Du \(activity.startsOn.french) au \(activity.endsOn.french)"
    }

    /// One line per band: ("jusqu'à 600", "42,00 €"), ("de 601 à 900", …), ("au-delà de 1200", …).
    static func bands(_ tariff: ActivityTariff) -> [(quotient: String, price: String)] {
        var floor: Int?
        return tariff.bands.map { band in
            defer { floor = band.maxQuotient.map { $0 + 1 } }
            let quotient = switch (floor, band.maxQuotient) {
            case (nil, let ceiling?): "jusqu'à \(ceiling)"
            case (let low?, let ceiling?): "de \(low) à \(ceiling)"
            case (let low?, nil): "à partir de \(low)"
            case (nil, nil): "tous les quotients"
            }
            return (quotient, Euros.format(band.cents))
        }
    }
}
