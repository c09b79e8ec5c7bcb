import Foundation
import Lesson03
import SchemaRevisions
import SQLKit
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

    /// Starts the lesson on the SQLite file at `path`, made beforehand with
    /// `createTable` (SQL), as an earlier run of the lesson would have left
    /// it; returns the error start-up refused with, or `nil` when it started.
    func startOnExistingFile(_ path: String, createTable: String) async throws -> (any Error)? {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        try await SQLiteSchema.inspect(path: path) { try await $0.raw(SQLQueryString(createTable)).run() }
        do {
            let app = try await LessonServer.buildApplication { app in
                try await configure(app, databaseURL: .sqliteFile(path: path))
            }
            try await app.asyncShutdown()
            return nil
        } catch {
            return error
        }
    }

    @Test("a database file whose users table the model no longer describes is refused at start-up, saying how to start clean")
    func outdatedFileRefused() async throws {
        try await withTemporarySQLiteFile { path in
            // An older model's table: no password column.
            let refusal = try await startOnExistingFile(path, createTable: """
                CREATE TABLE "users" ("id" INTEGER NOT NULL, "email" VARCHAR, PRIMARY KEY ("id"))
                """)
            let message = try #require(refusal.map { String(describing: $0) },
                                       explain("the lesson started on a users table without the password column; it should refuse",
                                               russian: "урок запустился на таблице users без колонки password, а должен был отказаться"))
            #expect(message.contains("Detected added column 'users.password'"), explain("the message should say what differs: \(message)",
                                                                                        russian: "сообщение должно говорить, что именно отличается: \(message)"))
            #expect(message.contains("create_all never changes a table that exists"), "\(message)")
            #expect(message.contains("rm \(path)\n    swift run lesson-3"), explain("the message should say how to start clean: \(message)",
                                                                                    russian: "сообщение должно говорить, как начать с чистого листа: \(message)"))
        }
    }

    // MARK: The exercise (Exercises/03-orm-model/Models/User.swift)

    @Test("exercise: the schema has the walkthrough's indexes — ix_users_email (unique) and ix_users_id")
    func indexes() async throws {
        try await withLesson { _, path in
            guard expectNoPendingTODO(lesson: 3) else { return }
            let indexes = try await SQLiteSchema.inspect(path: path) { try await SQLiteSchema.indexes(of: "users", in: $0) }
            for problem in Self.indexProblems(indexes) {
                Issue.record(problem)
            }
        }
    }

    /// What is wrong with the users table's indexes (`PRAGMA index_list`),
    /// each said in terms of the model's `tableArguments`; empty when they
    /// are the walkthrough's.
    static func indexProblems(_ indexes: [SQLiteSchema.Index]) -> [Comment] {
        let made = indexes.filter { $0.origin == "c" }          // CREATE [UNIQUE] INDEX
        let constraints = indexes.filter { $0.origin == "u" }   // UNIQUE (...) in CREATE TABLE
        var problems: [Comment] = []
        var explained: Set<String> = []

        // id = Column(Integer, primary_key=True, index=True)
        if let id = made.first(where: { $0.name == "ix_users_id" }) {
            explained.insert(id.name)
            if id.columns != ["id"] {
                problems.append(explain("ix_users_id is on (\(id.columns.joined(separator: ", "))), not on id: .index(\\.$id)",
                                        russian: "ix_users_id построен по (\(id.columns.joined(separator: ", "))), а не по id: .index(\\.$id)"))
            }
            if id.unique {
                problems.append(explain("ix_users_id is unique: id's index=True is a plain index, .index(\\.$id); the unique one is email's",
                                        russian: "ix_users_id уникальный: index=True у id — обычный индекс, .index(\\.$id); уникальный — у email"))
            }
        } else if let other = made.first(where: { $0.columns == ["id"] }) {
            explained.insert(other.name)
            problems.append(explain("the index on id is named \(other.name), not ix_users_id (SQLAlchemy's name for index=True): "
                + "leave out name:, .index(\\.$id) names it ix_users_id",
                russian: "индекс по id называется \(other.name), а не ix_users_id (так SQLAlchemy называет индекс от index=True): "
                + "уберите name:, .index(\\.$id) сам назовёт его ix_users_id"))
        } else {
            problems.append(explain("no index ix_users_id on id: id = Column(..., index=True) is .index(\\.$id)",
                                    russian: "нет индекса ix_users_id по id: id = Column(..., index=True) — это .index(\\.$id)"))
        }

        // email = Column(String, unique=True, index=True)
        if let email = made.first(where: { $0.name == "ix_users_email" }) {
            explained.insert(email.name)
            if email.columns != ["email"] {
                problems.append(explain("ix_users_email is on (\(email.columns.joined(separator: ", "))), not on email: .index(\\.$email, unique: true)",
                                        russian: "ix_users_email построен по (\(email.columns.joined(separator: ", "))), а не по email: .index(\\.$email, unique: true)"))
            }
            if !email.unique {
                problems.append(explain("ix_users_email is not unique, so two users can share an email: "
                    + "unique=True, index=True is .index(\\.$email, unique: true)",
                    russian: "ix_users_email не уникальный, и у двух пользователей может оказаться один email: "
                    + "unique=True, index=True — это .index(\\.$email, unique: true)"))
            }
        } else if let other = made.first(where: { $0.columns == ["email"] }) {
            explained.insert(other.name)
            problems.append(explain("the index on email is named \(other.name), not ix_users_email (SQLAlchemy's name for index=True): "
                + "leave out name:, .index(\\.$email, unique: true) names it ix_users_email",
                russian: "индекс по email называется \(other.name), а не ix_users_email (так SQLAlchemy называет индекс от index=True): "
                + "уберите name:, .index(\\.$email, unique: true) сам назовёт его ix_users_email"))
        } else if constraints.contains(where: { $0.columns == ["email"] }) {
            problems.append(explain("email has a UNIQUE constraint (.unique(\\.$email), SQLAlchemy's unique=True alone) but no index ix_users_email: "
                + "unique=True, index=True is one unique index, .index(\\.$email, unique: true)",
                russian: "у email есть ограничение UNIQUE (.unique(\\.$email), как unique=True без index=True в SQLAlchemy), но нет индекса ix_users_email: "
                + "unique=True, index=True — это один уникальный индекс, .index(\\.$email, unique: true)"))
        } else {
            problems.append(explain("no index ix_users_email on email: email = Column(..., unique=True, index=True) is .index(\\.$email, unique: true)",
                                    russian: "нет индекса ix_users_email по email: email = Column(..., unique=True, index=True) — это .index(\\.$email, unique: true)"))
        }

        for index in made where !explained.contains(index.name) {
            problems.append(explain("users has an index the walkthrough does not: \(index.name) on (\(index.columns.joined(separator: ", ")))",
                                    russian: "у users есть индекс, которого нет в конспекте: \(index.name) по (\(index.columns.joined(separator: ", ")))"))
        }
        for constraint in constraints where constraint.columns != ["email"] {
            problems.append(explain("users has a UNIQUE constraint the walkthrough does not: on (\(constraint.columns.joined(separator: ", ")))",
                                    russian: "у users есть ограничение UNIQUE, которого нет в конспекте: по (\(constraint.columns.joined(separator: ", ")))"))
        }
        return problems
    }

    @Test("exercise: a lesson-3.sqlite made before the exercise (no indexes) is refused once the model declares them")
    func fileFromBeforeTheExerciseRefused() async throws {
        try await withTemporarySQLiteFile { path in
            // What create_all made while the model declared no indexes.
            let refusal = try await startOnExistingFile(path, createTable: """
                CREATE TABLE "users" ("id" INTEGER NOT NULL, "email" VARCHAR, "password" VARCHAR, PRIMARY KEY ("id"))
                """)
            guard expectNoPendingTODO(lesson: 3) else { return }
            let message = try #require(refusal.map { String(describing: $0) },
                                       explain("the lesson started on a users table without indexes, so the User model declares none: its tableArguments should declare ix_users_id and ix_users_email (unique)",
                                               russian: "урок запустился на таблице users без индексов, значит, модель User не объявляет ни одного: её tableArguments должны объявлять ix_users_id и ix_users_email (уникальный)"))
            #expect(message.contains("create_all never changes a table that exists") && message.contains("rm \(path)"),
                    explain("the refusal should say why and how to start clean: \(message)",
                            russian: "отказ должен объяснять, почему, и как начать с чистого листа: \(message)"))
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
            #expect(hash.hasPrefix("$2b$"), explain("the password column should hold a bcrypt hash, not \(hash)",
                                                    russian: "в колонке password должен лежать bcrypt-хеш, а не \(hash)"))
            #expect(try app.password.verify("correct horse", created: hash))
        }
    }

    @Test("exercise: a second user with the same email is refused by the unique index — 409, one row")
    func duplicateEmail() async throws {
        try await withLesson { app, path in
            let first = try await createUser(app, email: "ada@example.com", password: "one")
            guard expectExerciseDone(first, lesson: 3) else { return }
            let second = try await createUser(app, email: "ada@example.com", password: "two")
            #expect(second.status == .conflict,
                    explain("the second POST with the same email answered \(second.status.code), not 409: the database accepted a second user with that email — is email's index unique? .index(\\.$email, unique: true)",
                            russian: "второй POST с тем же email ответил \(second.status.code), а не 409: база приняла второго пользователя с этим email — уникален ли индекс email? .index(\\.$email, unique: true)"))
            if second.status == .conflict {
                #expect(errorBody(second)?.detail == .message("A user with the email 'ada@example.com' already exists."))
            }
            let count = try await SQLiteSchema.inspect(path: path) { try await SQLiteSchema.rowCount(of: "users", in: $0) }
            #expect(count == 1, explain("users should hold one row after two POSTs with the same email, holds \(count)",
                                        russian: "после двух POST с одним и тем же email в users должна быть одна строка, а их \(count)"))
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
            guard case .issues(let issues)? = errorBody(res)?.detail else { Issue.record(explain("no issues",
                                                                                                 russian: "в ответе нет списка ошибок (issues)")); return }
            #expect(issues.first?.loc == ["body", "password"])
        }
    }
}
