import Foundation
import Lesson05
import SchemaRevisions
import SchemaRevisionsCLI
import Testing
import VaporTesting
import Workbook
import WorkbookTesting

/// Lesson 5 — Alembic's workflow. See Lessons/05-migrations.md.
///
/// Every test runs the lesson's real migration commands on a database of
/// its own, then reads that file's schema on a separate connection.
@Suite("Lesson 5: the migration workflow")
struct Lesson05Tests {
    let shipped = "b0fc2b4c59c4"

    func schema(_ path: String) async throws -> (columns: [SQLiteSchema.Column], indexes: [SQLiteSchema.Index], tables: [String]) {
        try await SQLiteSchema.inspect(path: path) { db in
            let tables = try await SQLiteSchema.tables(in: db)
            guard tables.contains("users") else { return ([], [], tables) }
            return (try await SQLiteSchema.columns(of: "users", in: db), try await SQLiteSchema.indexes(of: "users", in: db), tables)
        }
    }

    // MARK: The walkthrough's own steps (pass before the exercise is done)

    @Test("upgrade to the shipped revision creates the schema Alembic creates for the walkthrough")
    func upgradeShipped() async throws {
        try await withMigrationSandbox(migrationEnvironment()) { sandbox in
            #expect(try await sandbox.run("upgrade", shipped) == ["Running upgrade  -> b0fc2b4c59c4, create users table"])
            let (columns, indexes, tables) = try await schema(sandbox.databasePath)
            #expect(tables == ["schema_revisions_version", "users"])
            #expect(columns.map(\.name) == ["id", "email", "password"])
            #expect(columns.map(\.type) == ["INTEGER", "VARCHAR", "VARCHAR"])
            #expect(columns.map(\.notnull) == [1, 0, 0])
            #expect(columns.map(\.pk) == [1, 0, 0])
            #expect(indexes.filter { $0.origin == "c" } == [
                SQLiteSchema.Index(name: "ix_users_email", unique: true, origin: "c", columns: ["email"]),
                SQLiteSchema.Index(name: "ix_users_id", unique: false, origin: "c", columns: ["id"]),
            ])
            let version = try await SQLiteSchema.inspect(path: sandbox.databasePath) { db in
                try await SQLiteSchema.columns(of: "schema_revisions_version", in: db)
            }
            #expect(version.map(\.name) == ["version_num"] && version.first?.type == "VARCHAR(32)" && version.first?.pk == 1)
            let current = try await sandbox.run("current")
            #expect(current.first?.hasPrefix(shipped) == true)
        }
    }

    @Test("downgrade -1 undoes it, as `alembic downgrade -1` logs it")
    func downgradeShipped() async throws {
        try await withMigrationSandbox(migrationEnvironment()) { sandbox in
            try await sandbox.run("upgrade", shipped)
            #expect(try await sandbox.run("downgrade", "-1") == ["Running downgrade b0fc2b4c59c4 -> , create users table"])
            #expect(try await schema(sandbox.databasePath).tables == ["schema_revisions_version"])
            #expect(try await sandbox.run("current") == [])
        }
    }

    @Test("history lists the shipped revision first")
    func history() async throws {
        try await withMigrationSandbox(migrationEnvironment()) { sandbox in
            let lines = try await sandbox.run("history")
            #expect(lines.last?.hasPrefix("<base> -> b0fc2b4c59c4") == true)
            #expect(lines.last?.hasSuffix(", create users table") == true)
        }
    }

    @Test("the server refuses a database that is not at head, and names the command that fixes it")
    func serverNeedsHead() async throws {
        try await withMigrationSandbox(migrationEnvironment()) { sandbox in
            do {
                try await withApp(configure: { try await configure($0, databaseURL: .sqliteFile(path: sandbox.databasePath)) }) { _ in
                    Issue.record("configure should refuse a database at base")
                }
            } catch {
                #expect(String(describing: error).contains("Run `swift run lesson-5 upgrade head` first"))
            }
            try await sandbox.run("upgrade", "head")
            try await withApp(configure: { try await configure($0, databaseURL: .sqliteFile(path: sandbox.databasePath)) }) { app in
                let res = try await app.testing().sendRequest(.POST, "/users", headers: ["Content-Type": "application/json"],
                                                              body: ByteBuffer(string: #"{"email":"ada@example.com","password":"pw"}"#))
                #expect(res.status == .created)
            }
        }
    }

    @Test("autogenerate refuses a database that is not at head, and writes nothing when nothing changed")
    func autogenerateGuards() async throws {
        let versions = FileManager.default.temporaryDirectory.appendingPathComponent("versions-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: versions, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: versions) }
        try await withMigrationSandbox(migrationEnvironment(), versionsFolder: versions.path) { sandbox in
            do {
                try await sandbox.run("revision", "--autogenerate", "-m", "too early")
                Issue.record("autogenerate should refuse a database at base")
            } catch {
                #expect(String(describing: error).hasPrefix("Target database is not up to date"))
            }
            try await sandbox.run("upgrade", "head")
            #expect(try await sandbox.run("revision", "--autogenerate", "-m", "nothing") == ["No changes in schema detected."])
            #expect(try FileManager.default.contentsOfDirectory(atPath: versions.path).isEmpty)
        }
    }

    // MARK: The exercise (Models/User.swift, a new revision in Versions/)

    @Test("exercise: a revision after the shipped one adds users.full_name; its file is in Versions/")
    func newRevision() throws {
        guard expectExerciseDone(exercise) else { return }
        let graph = try RevisionGraph(migrationEnvironment().revisions)
        let added = try #require(graph.ordered.first { $0.parent == shipped },
                                 "no revision comes after b0fc2b4c59c4: run `swift run lesson-5 revision --autogenerate -m \"add full name\"`")
        let files = try FileManager.default.contentsOfDirectory(atPath: versionsFolder)
        #expect(files.contains { $0.hasPrefix(added.id + "_") && $0.hasSuffix(".swift") }, "no file for \(added.id) in \(versionsFolder)")
        let users = try #require(try migrationEnvironment().targetMetadata().table(named: "users"))
        #expect(users.column(named: "full_name")?.nullable == true, "User should have an optional full_name field")
    }

    @Test("exercise: upgrade adds full_name and downgrade removes it, rows kept both ways")
    func upgradeDowngradeKeepsRows() async throws {
        guard expectExerciseDone(exercise) else { return }
        try await withMigrationSandbox(migrationEnvironment()) { sandbox in
            try await sandbox.run("upgrade", shipped)
            try await SQLiteSchema.inspect(path: sandbox.databasePath) { db in
                try await db.raw("INSERT INTO users (id, email, password) VALUES (1, 'ada@example.com', 'h1'), (2, 'grace@example.com', 'h2')").run()
            }
            struct Row: Decodable, Equatable { var id: Int; var email: String?; var password: String? }
            func rows() async throws -> [Row] {
                try await SQLiteSchema.inspect(path: sandbox.databasePath) { db in
                    try await db.raw("SELECT id, email, password FROM users ORDER BY id").all(decoding: Row.self)
                }
            }
            let before = try await rows()

            try await sandbox.run("upgrade", "head")
            #expect(try await schema(sandbox.databasePath).columns.map(\.name).contains("full_name"))
            #expect(try await rows() == before)
            #expect(try await sandbox.run("check") == ["No new upgrade operations detected."])

            try await sandbox.run("downgrade", shipped)
            #expect(try await schema(sandbox.databasePath).columns.map(\.name) == ["id", "email", "password"])
            #expect(try await rows() == before)

            try await sandbox.run("upgrade", "head")
            #expect(try await schema(sandbox.databasePath).columns.map(\.name).contains("full_name"))
            #expect(try await rows() == before)
        }
    }
}
