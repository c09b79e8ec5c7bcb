import Foundation
import Lesson03
import SchemaRevisions
import Testing
import VaporTesting
import Workbook
import WorkbookTesting

/// Lesson 3 — the ORM model. See Lessons/03-orm-model.md.
///
/// Every test runs the lesson against a SQLite file of its own, then opens
/// that file on a separate connection to read the real schema.
@Suite("Lesson 3: the ORM model")
struct Lesson03Tests {
    /// Runs `test` with the lesson configured on a fresh SQLite file.
    func withLesson(_ test: (Application, String) async throws -> Void) async throws {
        try await withTemporarySQLiteFile { path in
            try await withApp(configure: { app in
                try await configure(app, databaseURL: .sqliteFile(path: path))
            }) { app in
                try await test(app, path)
            }
        }
    }

    func createUser(_ app: Application, email: String, password: String) async throws -> TestingHTTPResponse {
        try await app.testing().sendRequest(.POST, "/users", headers: ["Content-Type": "application/json"],
                                            body: ByteBuffer(string: #"{"email":"\#(email)","password":"\#(password)"}"#))
    }

    // MARK: The walkthrough's own code (passes before the exercise is done)

    @Test("create_all: the database file is created with the users table in it")
    func createsDatabaseFile() async throws {
        try await withLesson { _, path in
            #expect(FileManager.default.fileExists(atPath: path))
            let tables = try await SQLiteSchema.inspect(path: path) { try await SQLiteSchema.tables(in: $0) }
            #expect(tables == ["users"])
        }
    }

    @Test("the users table has the walkthrough's columns: id INTEGER primary key, email and password VARCHAR, nullable")
    func columns() async throws {
        try await withLesson { _, path in
            let columns = try await SQLiteSchema.inspect(path: path) { try await SQLiteSchema.columns(of: "users", in: $0) }
            #expect(columns.map(\.name) == ["id", "email", "password"])
            #expect(columns.map(\.type) == ["INTEGER", "VARCHAR", "VARCHAR"])
            #expect(columns.map(\.notnull) == [1, 0, 0])
            #expect(columns.map(\.pk) == [1, 0, 0])
        }
    }

    @Test("the lesson-2 server is still there")
    func lessonTwoRoutes() async throws {
        try await withLesson { app, _ in
            try await app.testing().test(.GET, "/") { res in
                #expect(res.body.string == #"{"message":"Hello World"}"#)
            }
        }
    }

    @Test("DATABASE_URL forms: sqlite:///relative, sqlite:////absolute, sqlite://")
    func databaseURLs() throws {
        #expect(try DatabaseURL("sqlite:///lesson-3.sqlite", relativeTo: "/work") == .sqliteFile(path: "/work/lesson-3.sqlite"))
        #expect(try DatabaseURL("sqlite:////var/data/app.sqlite") == .sqliteFile(path: "/var/data/app.sqlite"))
        #expect(try DatabaseURL("sqlite://") == .sqliteMemory)
        #expect(throws: DatabaseURLError.self) { try DatabaseURL("mysql://localhost/db") }
    }

    // MARK: The exercise (Exercises/03-orm-model/Models/User.swift)

    @Test("exercise: the schema has the walkthrough's indexes — ix_users_email (unique) and ix_users_id")
    func indexes() async throws {
        try await withLesson { _, path in
            guard expectNoPendingTODO(lesson: 3) else { return }
            let indexes = try await SQLiteSchema.inspect(path: path) { try await SQLiteSchema.indexes(of: "users", in: $0) }
            let made = indexes.filter { $0.origin == "c" }
            #expect(made == [
                SQLiteSchema.Index(name: "ix_users_email", unique: true, origin: "c", columns: ["email"]),
                SQLiteSchema.Index(name: "ix_users_id", unique: false, origin: "c", columns: ["id"]),
            ], "PRAGMA index_list(users) should list ix_users_email (unique, on email) and ix_users_id (on id)")
        }
    }

    @Test("exercise: POST /users answers 201 {id, email} and stores a bcrypt hash, never the password")
    func createUser() async throws {
        try await withLesson { app, path in
            let res = try await createUser(app, email: "ada@example.com", password: "correct horse")
            guard expectExerciseDone(res, lesson: 3) else { return }
            #expect(res.status == .created)
            #expect(res.body.string == #"{"email":"ada@example.com","id":1}"#)
            #expect(!res.body.string.contains("password"))

            struct Row: Decodable { var email: String; var password: String }
            let rows = try await SQLiteSchema.inspect(path: path) {
                try await $0.raw("SELECT email, password FROM users").all(decoding: Row.self)
            }
            #expect(rows.count == 1)
            let hash = try #require(rows.first?.password)
            #expect(hash.hasPrefix("$2b$"), "the password column should hold a bcrypt hash, not \(hash)")
            #expect(try app.password.verify("correct horse", created: hash))
        }
    }

    @Test("exercise: a second user with the same email is refused by the unique index — 409, one row")
    func duplicateEmail() async throws {
        try await withLesson { app, path in
            let first = try await createUser(app, email: "ada@example.com", password: "one")
            guard expectExerciseDone(first, lesson: 3) else { return }
            let second = try await createUser(app, email: "ada@example.com", password: "two")
            #expect(second.status == .conflict, "the second POST with the same email should be 409")
            #expect(errorBody(second)?.detail == .message("A user with the email 'ada@example.com' already exists."))
            let count = try await SQLiteSchema.inspect(path: path) { try await SQLiteSchema.rowCount(of: "users", in: $0) }
            #expect(count == 1)
        }
    }

    @Test("exercise: GET /users/{id} answers the user, 404 for an unknown id, 422 for a non-integer")
    func readUser() async throws {
        try await withLesson { app, _ in
            let created = try await createUser(app, email: "grace@example.com", password: "cobol")
            guard expectExerciseDone(created, lesson: 3) else { return }
            try await app.testing().test(.GET, "/users/1") { res in
                #expect(res.status == .ok)
                #expect(res.body.string == #"{"email":"grace@example.com","id":1}"#)
            }
            try await app.testing().test(.GET, "/users/2") { res in
                #expect(res.status == .notFound)
                #expect(errorBody(res)?.detail == .message("No user has the id 2."))
            }
            try await app.testing().test(.GET, "/users/abc") { res in
                #expect(res.status == .unprocessableEntity)
            }
        }
    }

    @Test("exercise: a body without a password is a 422 naming the field")
    func missingPassword() async throws {
        try await withLesson { app, _ in
            let res = try await app.testing().sendRequest(.POST, "/users", headers: ["Content-Type": "application/json"],
                                                          body: ByteBuffer(string: #"{"email":"x@example.com"}"#))
            guard expectExerciseDone(res, lesson: 3) else { return }
            #expect(res.status == .unprocessableEntity)
            guard case .issues(let issues)? = errorBody(res)?.detail else { Issue.record("no issues"); return }
            #expect(issues.first?.loc == ["body", "password"])
        }
    }
}
