import Fluent
import JWT
import Vapor
import Workbook

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
        // TODO: decode the body as a `LoginRequest` (email, password), find
        // the user by email (lower-cased), check the password with
        // `req.password.async.verify` (check `Self.hashOfNothing` when there is
        // no such user, so both failures take as long), answer 401
        // "Incorrect email or password" when either is wrong, and sign a
        // `UserToken` with `req.jwt.sign` that expires after
        // `req.application.tokenLifetime` (in seconds). Return
        // `TokenResponse(accessToken: <the signed token>, tokenType: "bearer")`.
        // `LoginRequest` and `TokenResponse` are in DTOs/UserDTOs.swift.
        // Then delete the `throw ExerciseTODO(…)` statement below (both lines)
        // and run: swift test --filter Lesson06Tests
        throw ExerciseTODO(lesson: 6, file: "Exercises/06-users-service/Controllers/AuthController.swift",
                           missing: "POST /login is not written yet")
    }

    /// A bcrypt hash of a random password (cost 12), to check against when the email is unknown.
    static let hashOfNothing = "$2b$12$mO2ENaUP5VwCylq2cUJ0P.bBFu3H2bBq7m8JdWSRAaUr2X8bYmbNa"
}
