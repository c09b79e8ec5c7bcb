import Fluent
import Vapor
import Workbook

/// `POST /users` and `GET /users/{user_id}`, backed by the `User` model.
struct UsersController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let users = routes.grouped("users")
        users.post(use: create)
            .openAPI(summary: "Create User", body: CreateUserRequest.self, status: .created,
                     responses: [.init(.conflict, "A user with that email already exists")])
        users.get(":user_id", use: show)
            .openAPI(summary: "Read User", parameters: [.path("user_id", Int.self)],
                     responses: [.init(.notFound, "No user has that id")])
    }

    /// Stores a new user with a bcrypt hash of the password.
    @Sendable
    func create(req: Request) async throws -> Response {
        let body = try req.content.decode(CreateUserRequest.self)
        // Hashing is slow on purpose; `.async` runs it off the event loop.
        let hash = try await req.password.async.hash(body.password)
        let user = User(email: body.email, passwordHash: hash)
        do {
            try await user.save(on: req.db)
        } catch let error as any DatabaseError where error.isConstraintFailure {
            // The unique index on email refused a second row with the same email.
            throw Abort(.conflict, reason: "A user with the email '\(body.email)' already exists.")
        }
        return try await UserResponse(user).encodeResponse(status: .created, for: req)
    }

    /// One user by id, or 404.
    @Sendable
    func show(req: Request) async throws -> UserResponse {
        let id = try req.pathParameter("user_id", as: Int.self)
        guard let user = try await User.find(id, on: req.db) else {
            throw Abort(.notFound, reason: "No user has the id \(id).")
        }
        return try UserResponse(user)
    }
}
