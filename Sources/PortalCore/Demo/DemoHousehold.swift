import Foundation
import GRDB

/// The demo household of the Langeais resident: two adults (Camille, with the demo account, and
/// Thomas, who has no account of his own) and two children, with a family-quotient statement, a
/// proof of address and the children's vaccination records, all valid, so that registrations can
/// be tried at once.
public enum DemoHousehold {
    /// Adds it unless the resident already has children; returns whether it was added.
    @discardableResult
    public static func install(into households: Households, now: Date = Date()) throws -> Bool {
        guard let camille = try households.database.pool.read({ db in try Account.fetch(email: "habitant@demo.cctoval.fr", db) }),
              try households.household(of: camille, now: now).children.isEmpty else { return false }
        let household = try households.household(of: camille, now: now)
        try households.database.pool.write { db in
            try db.execute(sql: """
                INSERT INTO household_member (householdId, kind, firstName, lastName, createdAt) VALUES (?, ?, 'Thomas', 'Martin', ?)
                """, arguments: [household.id, HouseholdMember.Kind.adult.rawValue, now])
        }
        let today = CalendarDay(now)
        let leo = try households.addChild(ChildForm(firstName: "Léo", lastName: "Martin", birthDay: "14", birthMonth: "3",
                                                    birthYear: String(today.year - 7), school: "École Anne de Bretagne, Langeais"),
                                          actor: camille, now: now)
        let zoe = try households.addChild(ChildForm(firstName: "Zoé", lastName: "Martin", birthDay: "2", birthMonth: "10",
                                                    birthYear: String(today.year - 4), school: "École maternelle Anne de Bretagne, Langeais"),
                                          actor: camille, now: now)
        let recent = today.adding(days: -20)
        func add(_ kind: SupportingDocument.Kind, _ name: String, quotient: String = "", about member: Int64? = nil) throws {
            _ = try households.addDocument(.init(kind: kind.rawValue, upload: Dossiers.Upload(filename: name, bytes: samplePDF(name)),
                                                 day: String(recent.day), month: String(recent.month), year: String(recent.year),
                                                 familyQuotient: quotient, memberId: member), actor: camille, now: now)
        }
        try add(.familyQuotient, "attestation-caf.pdf", quotient: "742")
        try add(.proofOfAddress, "facture-electricite.pdf")
        try add(.vaccinationRecord, "carnet-vaccination-leo.pdf", about: leo.id)
        try add(.vaccinationRecord, "carnet-vaccination-zoe.pdf", about: zoe.id)
        return true
    }

    /// A one-page PDF saying it is a demo document.
    static func samplePDF(_ name: String) -> [UInt8] {
        let text = "(Document de demonstration : \(name))"
        let stream = "BT /F1 14 Tf 72 720 Td \(text) Tj ET"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        var body = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(body.utf8.count)
            body += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = body.utf8.count
        body += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n" + offsets.map { String(format: "%010d 00000 n \n", $0) }.joined()
        body += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Array(body.utf8)
    }
}
