import Fluent
import Vapor
import Workbook

/// Registration and reading users.
struct UsersController: RouteCollection {
    /// `GET /users` pages hold 1 to this many users.
    static let maximumPageSize = 100

    func boot(routes: any RoutesBuilder) throws {
        let users = routes.grouped("users")
        users.post(use: create)
            .openAPI(summary: "Register", body: CreateUserRequest.self, status: .created,
                     responses: [.init(.conflict, "A user with that email already exists")])
        users.get(use: index)
            .openAPI(summary: "List Users", parameters: [.query("limit", Int.self), .query("offset", Int.self)])
        // "me" is a constant, so it wins over ":user_id" for GET /users/me.
        users.get("me", use: me)
            .openAPI(summary: "Read Current User", responses: [.init(.unauthorized, "Missing, expired or invalid token")])
        users.get(":user_id", use: show)
            .openAPI(summary: "Read User", parameters: [.path("user_id", Int.self)],
                     responses: [.init(.notFound, "No user has that id")])
    }

    /// Registers a user: validates, lower-cases the email, hashes the password.
    @Sendable
    func create(req: Request) async throws -> Response {
        let body = try req.content.decode(CreateUserRequest.self)
        try body.validate()
        let hash = try await req.password.async.hash(body.password)
        let user = User(email: body.normalizedEmail, passwordHash: hash, fullName: body.fullName)
        do {
            try await user.save(on: req.db)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // The unique index on email, not a SELECT first: two simultaneous
            // registrations cannot both pass a check that runs before either inserts.
            throw Abort(.conflict, reason: "A user with that email already exists.")
        }
        return try await UserResponse(user).encodeResponse(status: .created, for: req)
    }

    /// One user by id.
    @Sendable
    func show(req: Request) async throws -> UserResponse {
        let id = try req.pathParameter("user_id", as: Int.self)
        guard let user = try await User.find(id, on: req.db) else {
            throw Abort(.notFound, reason: "User not found")
        }
        return try UserResponse(user)
    }

    /// A page of users, ordered by id.
    @Sendable
    func index(req: Request) async throws -> UserPage {
        let limit = try req.queryParameter("limit", as: Int.self) ?? 20
        let offset = try req.queryParameter("offset", as: Int.self) ?? 0
        var issues: [ValidationIssue] = []
        if !(1...Self.maximumPageSize).contains(limit) {
            issues.append(ValidationIssue(type: "range", loc: ["query", "limit"],
                                          msg: "Input should be between 1 and \(Self.maximumPageSize)", input: String(limit)))
        }
        if offset < 0 {
            issues.append(ValidationIssue(type: "greater_than_equal", loc: ["query", "offset"],
                                          msg: "Input should be greater than or equal to 0", input: String(offset)))
        }
        guard issues.isEmpty else { throw ValidationFailure(issues) }

        let users = try await User.query(on: req.db).sort(\.$id).range(offset..<(offset + limit)).all()
        let total = try await User.query(on: req.db).count()
        return UserPage(items: try users.map(UserResponse.init), limit: limit, offset: offset, total: total)
    }

    /// The user the bearer token belongs to.
    @Sendable
    func me(req: Request) async throws -> UserResponse {
        try UserResponse(try await req.authenticatedUser())
    }
}
