import Fluent
import JWT
import Vapor

/// `POST /login`: email and password in, a signed, expiring token out.
struct AuthController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.post("login", use: login)
            .openAPI(summary: "Login", body: LoginRequest.self,
                     responses: [.init(.unauthorized, "Incorrect email or password")])
    }

    /// The exercise of lesson 6.
    @Sendable
    func login(req: Request) async throws -> TokenResponse {
        let body = try req.content.decode(LoginRequest.self)
        let email = body.email.trimmingCharacters(in: .whitespaces).lowercased()
        let user = try await User.query(on: req.db).filter(\.$email == email).first()

        // Check a hash even when there is no such user, so the answer takes as
        // long either way and says nothing about which part was wrong.
        let hash = user?.passwordHash ?? Self.hashOfNothing
        let matches = try await req.password.async.verify(body.password, created: hash)
        guard let user, matches else {
            throw Abort(.unauthorized, headers: ["WWW-Authenticate": "Bearer"], reason: "Incorrect email or password")
        }

        let token = UserToken(
            subject: SubjectClaim(value: String(try user.requireID())),
            expiration: ExpirationClaim(value: Date().addingTimeInterval(req.application.tokenLifetime))
        )
        return TokenResponse(accessToken: try await req.jwt.sign(token), tokenType: "bearer")
    }

    /// A bcrypt hash of a random password (cost 12), to check against when the email is unknown.
    static let hashOfNothing = "$2b$12$mO2ENaUP5VwCylq2cUJ0P.bBFu3H2bBq7m8JdWSRAaUr2X8bYmbNa"
}
