import PortalHTTP

/// Sign-up, log-in and log-out, the activation of an account made at a France Services counter or
/// created without a password (its one-time link), and « Mes coordonnées ».
struct AccountRoutes: RouteCollection {
    let accounts: AccountController
    let activation: ActivationController
    let activationLink: ActivationLinkController
    let profile: ProfileController

    func register(into routes: inout SiteRoutes) {
        let accounts = self.accounts, activation = self.activation, activationLink = self.activationLink, profile = self.profile
        routes.formPage(.GET, AccountPaths.signUp) { context, _ in accounts.signUpForm(context) }
        routes.formPage(.POST, AccountPaths.signUp) { context, _ in try accounts.signUp(context) }
        routes.formPage(.GET, AccountPaths.logIn) { context, _ in accounts.logInForm(context) }
        routes.formPage(.POST, AccountPaths.logIn) { context, _ in try accounts.logIn(context) }
        routes.page(.POST, AccountPaths.logOut) { context, _ in try accounts.logOut(context) }
        routes.formPage(.GET, AccountPaths.activation) { context, _ in activation.show(context) }
        routes.formPage(.POST, AccountPaths.activation) { context, _ in try activation.activate(context) }
        routes.formPage(.GET, AccountPaths.activationLink(token: "{token}")) { context, parameters in
            try activationLink.show(context, token: parameters["token"] ?? "")
        }
        routes.formPage(.POST, AccountPaths.activationLink(token: "{token}")) { context, parameters in
            try activationLink.activate(context, token: parameters["token"] ?? "")
        }
        routes.spacePage(.GET, ProfileController.path) { context, _ in try profile.show(context) }
        routes.spacePage(.POST, ProfileController.path, keepsAnswersWhenStale: true) { context, _ in try profile.save(context) }
    }
}
