import Foundation
import PortalCore
import Testing

@Suite("Permissions")
struct PermissionTests {
    static func account(_ role: Role) -> Account {
        Account(
            id: 1, email: "\(role.rawValue)@example.fr", displayName: "Camille Martin",
            communeInsee: role == .resident ? "37123" : nil, role: role,
            organisationId: [.resident, .admin].contains(role) ? nil : (role == .franceServices ? "france-services-langeais" : "mairie-37123"),
            createdAt: TestSupport.now)
    }

    @Test("Each role enters its own space only, a manager the administration too; other spaces answer not found",
          arguments: Role.allCases, Space.allCases)
    func roleAgainstSpace(role: Role, space: Space) throws {
        let spaces = Spaces(catalogue: try Catalogue(database: try TestSupport.database()))
        let expected: Space = switch role {
        case .resident: .resident
        case .agent, .manager: .agent
        case .franceServices: .franceServices
        case .admin: .admin
        }
        #expect(role.home == expected)
        if space == expected || (role == .manager && space == .admin) {
            let overview = try spaces.overview(of: space, actor: Self.account(role))
            #expect(overview.space == space)
            #expect(overview.actor.role == role)
        } else {
            #expect(throws: AccessError.notFound) { try spaces.overview(of: space, actor: Self.account(role)) }
        }
    }

    @Test("Nobody logged in is asked to log in, for every space", arguments: Space.allCases)
    func anonymous(space: Space) throws {
        let spaces = Spaces(catalogue: try Catalogue(database: try TestSupport.database()))
        #expect(throws: AccessError.unauthenticated) { try spaces.overview(of: space, actor: nil) }
    }

    @Test("The overview names the actor's organisation and commune")
    func names() throws {
        let spaces = Spaces(catalogue: try Catalogue(database: try TestSupport.database()))
        let resident = try spaces.overview(of: .resident, actor: Self.account(.resident))
        #expect(resident.communeName == "Langeais")
        #expect(resident.organisationName == nil)
        let adviser = try spaces.overview(of: .franceServices, actor: Self.account(.franceServices))
        #expect(adviser.organisationName == "France Services Langeais")
        #expect(adviser.communeName == nil)
    }
}
