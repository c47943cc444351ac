import Foundation
import GRDB

extension Accounts {
    /// The maximum length of an address's number and street.
    public static let maximumStreetLength = 200
    /// The maximum length of an address's town.
    public static let maximumCityLength = 100

    /// Saves the contact details of the actor's own account and returns it updated: name,
    /// commune, and the optional phone number and postal address that pre-fill forms.
    ///
    /// The phone number is stored normalised (`02 47 12 34 56`), the postal code without
    /// spaces; an empty phone or an address left entirely empty removes the stored one.
    ///
    /// - throws: `.access(.unauthenticated)` without an actor; `.access(.notFound)` when the
    ///   form is about another account (or the account no longer exists); `.invalid` with
    ///   French messages keyed by ``ProfileForm/Field`` raw values (a text field not on one line,
    ///   see ``TypedText``; name missing or too long;
    ///   commune missing for a resident, or not a member; phone not a French number; an
    ///   address with a part missing, a postal code that is not 5 digits, or too long);
    ///   `.storage` when the database fails.
    public func updateProfile(_ form: ProfileForm, actor: Account?, now: Date) throws(ProfileError) -> Account {
        guard let actor else { throw .access(.unauthenticated) }
        guard actor.id == form.accountId else { throw .access(.notFound) }
        // In the order of the page's fields, so the error summary reads top to bottom.
        var errors = ValidationErrors()
        let details = ProfileDetails(form, errors: &errors)
        do {
            try validate(details, role: actor.role, into: &errors)
            guard errors.isEmpty else { throw ProfileError.invalid(errors) }
            let updated = try database.pool.write { db -> Account? in
                try db.execute(
                    sql: """
                        UPDATE account SET displayName = ?, communeInsee = ?, phone = ?,
                            addressStreet = ?, addressPostalCode = ?, addressCity = ?, profileUpdatedAt = ?
                        WHERE id = ?
                        """,
                    arguments: [details.name, details.commune.isEmpty ? nil : details.commune, details.phone,
                                details.address?.street, details.address?.postalCode, details.address?.city, now,
                                actor.id])
                guard db.changesCount == 1 else { return nil }
                return try Row.fetchOne(db, sql: "SELECT * FROM account WHERE id = ?", arguments: [actor.id]).map(Account.init(row:))
            }
            guard let updated else { throw ProfileError.access(.notFound) }
            return updated
        } catch let error as ProfileError {
            throw error
        } catch {
            throw .storage(error)
        }
    }

    private func validate(_ details: ProfileDetails, role: Role, into errors: inout ValidationErrors) throws {
        func add(_ message: String, for field: ProfileForm.Field) { errors.add(message, for: field.rawValue) }
        if details.name.isEmpty {
            add("Saisissez votre nom.", for: .displayName)
        } else if details.name.count > Self.maximumNameLength {
            add("Votre nom doit contenir au plus \(Self.maximumNameLength) caractères.", for: .displayName)
        }
        if details.commune.isEmpty {
            // Staff accounts need not live in the territory.
            if role == .resident { add("Choisissez votre commune.", for: .commune) }
        } else if try !database.pool.read({ db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM commune WHERE insee = ?)", arguments: [details.commune]) ?? false
        }) {
            add("Choisissez une commune de la communauté de communes dans la liste.", for: .commune)
        }
        if !details.typedPhone.isEmpty, details.phone == nil {
            add("Saisissez un numéro de téléphone français, par exemple 02 47 12 34 56.", for: .phone)
        }
        let (street, postalCode, city) = details.typedAddress
        if !(street.isEmpty && postalCode.isEmpty && city.isEmpty) {
            if street.isEmpty {
                add("Saisissez le numéro et la rue de votre adresse.", for: .street)
            } else if street.count > Self.maximumStreetLength {
                add("Le numéro et la rue doivent contenir au plus \(Self.maximumStreetLength) caractères.", for: .street)
            }
            if postalCode.isEmpty {
                add("Saisissez le code postal de votre adresse.", for: .postalCode)
            } else if postalCode.count != 5 || !postalCode.allSatisfy({ $0.isASCII && $0.isNumber }) {
                add("Saisissez un code postal de 5 chiffres, par exemple 37130.", for: .postalCode)
            }
            if city.isEmpty {
                add("Saisissez la commune de votre adresse.", for: .city)
            } else if city.count > Self.maximumCityLength {
                add("Le nom de la commune doit contenir au plus \(Self.maximumCityLength) caractères.", for: .city)
            }
        }
    }
}

/// A profile form normalised (see ``TypedText``), ready to check and store.
private struct ProfileDetails {
    let name: String
    let commune: String
    /// The phone number as typed (trimmed), to tell "none" from "not a number".
    let typedPhone: String
    /// The phone number normalised, nil when none was typed or it is not a French number.
    let phone: String?
    /// The address parts as typed (trimmed; spaces removed from the postal code).
    let typedAddress: (street: String, postalCode: String, city: String)

    /// Each text field refused by ``TypedText`` gets its message in `errors` and is read as empty.
    init(_ form: ProfileForm, errors: inout ValidationErrors) {
        func line(_ text: String, _ subject: String, _ field: ProfileForm.Field) -> String {
            errors.singleLine(text, subject: subject, for: field.rawValue)
        }
        name = line(form.displayName, "Votre nom", .displayName)
        commune = form.communeInsee.trimmingCharacters(in: .whitespaces)
        typedPhone = line(form.phone, "Le numéro de téléphone", .phone)
        phone = typedPhone.isEmpty ? nil : FrenchPhoneNumber.normalise(typedPhone)
        typedAddress = (line(form.street, "L'adresse (numéro et rue)", .street),
                        line(form.postalCode, "Le code postal", .postalCode).filter { $0 != " " },
                        line(form.city, "La commune de votre adresse", .city))
    }

    /// The address to store: nil when its three parts are empty (or, before validation, incomplete).
    var address: PostalAddress? {
        let (street, postalCode, city) = typedAddress
        guard !street.isEmpty, !postalCode.isEmpty, !city.isEmpty else { return nil }
        return PostalAddress(street: street, postalCode: postalCode, city: city)
    }
}
