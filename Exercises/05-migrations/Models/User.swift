// The users table, as lesson 3 wrote it (the walkthrough's SQLAlchemy model):
//
//     class User(Base):
//         __tablename__ = 'users'
//         id = Column(Integer, primary_key=True, index=True)
//         email = Column(String, unique=True, index=True)
//         password = Column(String)
import Fluent
import SchemaRevisions

/// A row of the `users` table.
///
/// `@unchecked Sendable`: Fluent models are classes whose property wrappers
/// are filled in as rows load, so the compiler cannot prove them safe to
/// share between tasks. Each request works on its own instances, which is
/// what Fluent's documentation asks for.
final class User: Model, @unchecked Sendable {
    // __tablename__ = 'users'
    static let schema = "users"

    // id = Column(Integer, primary_key=True)
    @ID(custom: "id", generatedBy: .database)
    var id: Int?

    // email = Column(String)    — SQLAlchemy columns allow NULL unless
    // nullable=False, so the Swift type is optional: String?
    @OptionalField(key: "email")
    var email: String?

    // password = Column(String) — holds a bcrypt hash, never the password
    @OptionalField(key: "password")
    var password: String?

    // TODO: add an optional full_name column here (key "full_name", Swift
    // type String?), then generate its revision: Lessons/05-migrations.md,
    // section "Exercise".
    // Then run: swift test --filter Lesson05Tests

    /// Fluent makes empty instances and fills them from rows.
    init() {}

    /// A new user, not saved yet.
    init(email: String, passwordHash: String) {
        self.email = email
        self.password = passwordHash
    }
}

// index=True and unique=True: what Fluent's fields cannot say.
extension User: TableModel {
    static var tableArguments: [TableArgument<User>] {
        [
            .index(\.$id),                  // id: index=True
            .index(\.$email, unique: true), // email: unique=True, index=True
        ]
    }
}
