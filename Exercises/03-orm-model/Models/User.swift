// Lesson 3 — the walkthrough's SQLAlchemy model (step 4), in Fluent.
//
//     class User(Base):
//         __tablename__ = 'users'
//         id = Column(Integer, primary_key=True, index=True)
//         email = Column(String, unique=True, index=True)
//         password = Column(String)
import Fluent
import SchemaRevisions
import Workbook

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
        // TODO: declare the SQLAlchemy model's two indexes here, with key
        // paths to the fields (\.$id, \.$email): an index on id (index=True)
        // and a unique index on email (unique=True, index=True).
        // Then replace the `ExerciseTODO.placeholder(…)` call below (both
        // lines) with your list, and run: swift test --filter Lesson03Tests
        ExerciseTODO.placeholder([], lesson: 3, file: "Exercises/03-orm-model/Models/User.swift",
                                 missing: "the User model does not declare its indexes yet (ix_users_id, and ix_users_email unique)")
    }
}
