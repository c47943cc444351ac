import Foundation

extension ReferenceDataParser {
    static let communeHeader = ["insee_code", "name", "postal_codes", "siren", "population_municipale_2017"]

    /// Parses `communes.csv` (`insee_code,name,postal_codes,siren,population_municipale_2017`).
    mutating func parseCommunes(_ data: Data?) -> [Commune] {
        let file = ReferenceData.FileName.communes
        guard let data else { return [] }
        guard let text = String(data: data, encoding: .utf8) else {
            report(file, nil, "not UTF-8 text")
            return []
        }
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
            .map { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\u{FEFF}", with: "") }
        guard let header = lines.first, header.split(separator: ",").map(String.init) == Self.communeHeader else {
            report(file, "line 1", "expected the header \(Self.communeHeader.joined(separator: ","))")
            return []
        }
        var communes: [Commune] = []
        var seen: Set<String> = []
        for (index, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let entry = "line \(index + 1)"
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count == Self.communeHeader.count else {
                report(file, entry, "expected \(Self.communeHeader.count) fields, found \(fields.count)")
                continue
            }
            let insee = fields[0]
            guard insee.count == 5, insee.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "A" || $0 == "B") }) else {
                report(file, entry, "invalid INSEE code \"\(insee)\"")
                continue
            }
            guard seen.insert(insee).inserted else {
                report(file, entry, "duplicate INSEE code \(insee)")
                continue
            }
            let postalCodes = fields[2].split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard !fields[1].isEmpty, !postalCodes.isEmpty, let population = Int(fields[4]) else {
                report(file, "\(entry) (\(insee))", "name, postal codes and an integer population are required")
                continue
            }
            communes.append(Commune(
                insee: insee, name: fields[1], postalCodes: postalCodes, siren: fields[3],
                population: population, mairieId: Organisation.mairieId(forCommune: insee)))
        }
        if communes.isEmpty, issues.isEmpty {
            report(file, nil, "no commune")
        }
        return communes
    }
}
