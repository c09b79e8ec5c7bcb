// The users table, as the service needs it: the walkthrough's columns, plus
// lesson 5's full_name, with email and password required (a revision made
// them NOT NULL — the change Alembic cannot apply on SQLite out of the box).
import Fluent
import SchemaRevisions

/// A registered user.
///
/// `@unchecked Sendable`: Fluent models are classes whose property wrappers
/// are filled in as rows load; each request works on its own instances.
final class User: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(custom: "id", generatedBy: .database)
    var id: Int?

    /// Stored lower-cased, so `Ada@Example.com` and `ada@example.com` are one account.
    @Field(key: "email")
    var email: String

    /// A bcrypt hash, never the password.
    @Field(key: "password")
    var passwordHash: String

    @OptionalField(key: "full_name")
    var fullName: String?

    init() {}

    init(email: String, passwordHash: String, fullName: String?) {
        self.email = email
        self.passwordHash = passwordHash
        self.fullName = fullName
    }
}

extension User: TableModel {
    static var tableArguments: [TableArgument<User>] {
        [.index(\.$id), .index(\.$email, unique: true)]
    }
}
