import PortalHTTP

/// The administration space, `/admin…`, for administrators only (``RequireRole``).
struct AdminRoutes: RouteCollection {
    let home: AdminHomeController
    let staff: StaffController
    let deactivation: StaffDeactivationController
    let organisations: OrganisationController
    let journal: JournalController
    let procedures: ProcedureController
    let regies: RegieController
    let activities: ActivityController

    func register(into routes: inout SiteRoutes) {
        let home = self.home, staff = self.staff, deactivation = self.deactivation, organisations = self.organisations
        let journal = self.journal, procedures = self.procedures, regies = self.regies, activities = self.activities
        routes.spacePage(.GET, AdminPaths.home) { context, _ in try home.show(context) }
        routes.spacePage(.GET, AdminPaths.staff) { context, _ in try staff.list(context) }
        routes.spacePage(.GET, AdminPaths.invitation) { context, _ in try staff.invitationForm(context) }
        routes.spacePage(.POST, AdminPaths.invitation, keepsAnswersWhenStale: true) { context, _ in try staff.invite(context) }
        routes.objectPage(.GET, "/admin/comptes/{id}") { context, id, _ in try staff.edit(context, id: id) }
        routes.objectPage(.POST, "/admin/comptes/{id}", keepsAnswersWhenStale: true) { context, id, _ in try staff.change(context, id: id) }
        routes.objectPage(.POST, "/admin/comptes/{id}/relance") { context, id, _ in try staff.resend(context, id: id) }
        routes.objectPage(.GET, "/admin/comptes/{id}/desactivation") { context, id, _ in try deactivation.confirm(context, id: id) }
        routes.objectPage(.POST, "/admin/comptes/{id}/desactivation") { context, id, _ in try deactivation.deactivate(context, id: id) }
        routes.objectPage(.POST, "/admin/comptes/{id}/reactivation") { context, id, _ in try deactivation.reactivate(context, id: id) }
        routes.spacePage(.GET, AdminPaths.organisations) { context, _ in try organisations.list(context) }
        routes.spacePage(.GET, "/admin/organisations/{id}") { context, parameters in
            try organisations.edit(context, id: parameters["id"] ?? "")
        }
        routes.spacePage(.POST, "/admin/organisations/{id}", keepsAnswersWhenStale: true) { context, parameters in
            try organisations.save(context, id: parameters["id"] ?? "")
        }
        routes.spacePage(.GET, AdminPaths.journal) { context, _ in try journal.show(context) }
        routes.spacePage(.GET, AdminPaths.journalExport) { context, _ in try journal.export(context) }
        routes.spacePage(.GET, AdminPaths.activities) { context, _ in try activities.list(context) }
        routes.spacePage(.GET, AdminPaths.newActivity) { context, _ in try activities.new(context) }
        routes.spacePage(.POST, AdminPaths.newActivity, keepsAnswersWhenStale: true) { context, _ in try activities.create(context) }
        routes.spacePage(.GET, "/admin/activites/{id}") { context, parameters in try activities.edit(context, id: parameters["id"] ?? "") }
        routes.spacePage(.POST, "/admin/activites/{id}", keepsAnswersWhenStale: true) { context, parameters in
            try activities.save(context, id: parameters["id"] ?? "")
        }
        routes.spacePage(.POST, "/admin/activites/{id}/inscriptions") { context, parameters in
            try activities.registrationsWindow(context, id: parameters["id"] ?? "")
        }
        routes.spacePage(.GET, AdminPaths.regies) { context, _ in try regies.list(context) }
        routes.spacePage(.GET, AdminPaths.newRegie) { context, _ in try regies.new(context) }
        routes.spacePage(.POST, AdminPaths.newRegie, keepsAnswersWhenStale: true) { context, _ in try regies.create(context) }
        routes.spacePage(.GET, "/admin/regies/{id}") { context, parameters in try regies.edit(context, id: parameters["id"] ?? "") }
        routes.spacePage(.POST, "/admin/regies/{id}", keepsAnswersWhenStale: true) { context, parameters in
            try regies.save(context, id: parameters["id"] ?? "")
        }
        routes.spacePage(.GET, AdminPaths.procedures) { context, _ in try procedures.list(context) }
        routes.spacePage(.GET, AdminPaths.newProcedure) { context, _ in try procedures.new(context) }
        routes.spacePage(.POST, AdminPaths.newProcedure, keepsAnswersWhenStale: true) { context, _ in try procedures.create(context) }
        routes.spacePage(.GET, "/admin/demarches/{slug}") { context, parameters in
            try procedures.edit(context, slug: parameters["slug"] ?? "")
        }
        routes.spacePage(.POST, "/admin/demarches/{slug}", keepsAnswersWhenStale: true) { context, parameters in
            try procedures.save(context, slug: parameters["slug"] ?? "")
        }
        routes.spacePage(.POST, "/admin/demarches/{slug}/publication") { context, parameters in
            try procedures.publication(context, slug: parameters["slug"] ?? "")
        }
        routes.spacePage(.POST, "/admin/demarches/{slug}/apercu", keepsAnswersWhenStale: true) { context, parameters in
            try procedures.preview(context, slug: parameters["slug"] ?? "")
        }
        routes.spacePage(.GET, "/admin/demarches/{slug}/suppression") { context, parameters in
            try procedures.confirmDeletion(context, slug: parameters["slug"] ?? "")
        }
        routes.spacePage(.POST, "/admin/demarches/{slug}/suppression") { context, parameters in
            try procedures.delete(context, slug: parameters["slug"] ?? "")
        }
        routes.spacePage(.POST, "/admin/demarches/{slug}/adresse", keepsAnswersWhenStale: true) { context, parameters in
            try procedures.address(context, slug: parameters["slug"] ?? "")
        }
    }
}
