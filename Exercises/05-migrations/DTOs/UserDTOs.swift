import Vapor

/// The body of `POST /users`: `{"email": "...", "password": "..."}`.
struct CreateUserRequest: Content {
    let email: String
    let password: String
}

/// What the API answers about a user: `{"id": 1, "email": "..."}`.
/// Never the password, not even its hash.
struct UserResponse: Content, Equatable {
    let id: Int
    let email: String?

    init(id: Int, email: String?) {
        self.id = id
        self.email = email
    }

    init(_ user: User) throws {
        self.init(id: try user.requireID(), email: user.email)
    }
}
