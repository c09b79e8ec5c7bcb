import FluentKit
import Foundation
import SQLKit
import SchemaRevisionsTesting
import Testing
@testable import SchemaRevisions
@testable import SchemaRevisionsCLI

// A database Alembic made (the walkthrough's `alembic upgrade head`), adopted
// by `stamp` with nothing lost; and the table filter that keeps other tools'
// tables (and any a program names) out of `check` and autogenerate.

/// The walkthrough's user after lesson 5's exercise: `full_name` added. Its
/// `Int` id is satisfied by the `INTEGER` (SQLite) or `SERIAL` (PostgreSQL)
/// column SQLAlchemy's `Integer` makes.
final class AlembicUser: Model, TableModel, @unchecked Sendable {
    static let schema = "users"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @OptionalField(key: "email") var email: String?
    @OptionalField(key: "password") var password: String?
    @OptionalField(key: "full_name") var fullName: String?
    init() {}
    static var tableArguments: [TableArgument<AlembicUser>] {
        [.index(\.$id), .index(\.$email, unique: true)]
    }
}

/// Lesson 5's first revision, under the id Alembic gave the walkthrough's.
enum AlembicCreateUsers: SchemaRevision {
    static let id = "b0fc2b4c59c4"
    static let parent: String? = nil
    static let message = "create users table"
    static func upgrade(_ op: SchemaOperations) async throws {
        try await op.createTable("users", [
            .column("id", .integer, nullable: false),
            .column("email", .string(), nullable: true),
            .column("password", .string(), nullable: true),
            .primaryKey("id"),
        ])
        try await op.createIndex("ix_users_id", on: "users", ["id"])
        try await op.createIndex("ix_users_email", on: "users", ["email"], unique: true)
    }
    static func downgrade(_ op: SchemaOperations) async throws {
        try await op.dropTable("users")
    }
}

/// The exercise's revision.
enum AlembicAddFullName: SchemaRevision {
    static let id = "eeee00000002"
    static let parent: String? = "b0fc2b4c59c4"
    static let message = "add full name"
    static func upgrade(_ op: SchemaOperations) async throws {
        try await op.addColumn("users", "full_name", .string(), nullable: true)
    }
    static func downgrade(_ op: SchemaOperations) async throws {
        try await op.dropColumn("users", "full_name")
    }
}

/// The adoption and filter checks, on either database. The suites below
/// run them on SQLite and on PostgreSQL.
struct AlembicAdoptionChecks {
    let backend: TestBackend

    struct UserRow: Decodable, Equatable { var id: Int; var email: String?; var password: String? }

    /// The statements Alembic 1.20 runs for the walkthrough's `upgrade head`
    /// (`alembic upgrade head --sql`, SQLAlchemy 2.1), and two users.
    var alembicSQL: [String] {
        [
            "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))",
            backend == .sqlite
                ? "CREATE TABLE users (id INTEGER NOT NULL, email VARCHAR, password VARCHAR, PRIMARY KEY (id))"
                : "CREATE TABLE users (id SERIAL NOT NULL, email VARCHAR, password VARCHAR, PRIMARY KEY (id))",
            "CREATE UNIQUE INDEX ix_users_email ON users (email)",
            "CREATE INDEX ix_users_id ON users (id)",
            "INSERT INTO alembic_version (version_num) VALUES ('b0fc2b4c59c4')",
            "INSERT INTO users (email, password) VALUES ('ada@example.com', 'correct horse'), ('grace@example.com', NULL)",
        ]
    }

    let users = [UserRow(id: 1, email: "ada@example.com", password: "correct horse"),
                 UserRow(id: 2, email: "grace@example.com", password: nil)]

    let adoptionNotice = "Alembic manages this database: its alembic_version holds b0fc2b4c59c4, a revision this history has too "
        + "(create users table). To adopt the database as it is (its schema and rows do not change), run `stamp b0fc2b4c59c4`, "
        + "which leaves alembic_version to Alembic, or `stamp b0fc2b4c59c4 --drop-alembic-version`, which drops it; then `upgrade head`."

    /// A throwaway database holding what `statements` make, and an
    /// environment whose commands work on it; `body` gets both, and a way to
    /// run a command and read what it printed.
    func withProject<T>(
        _ statements: [String], models: @escaping @Sendable () throws -> SchemaMetadata = { try SchemaMetadata(models: AlembicUser.self) },
        filter: TableFilter = .default,
        _ body: (_ url: DatabaseURL, _ environment: MigrationEnvironment, _ run: ([String]) async throws -> [String]) async throws -> T
    ) async throws -> T {
        try await withThrowawayDatabase(backend) { url in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("adopt-\(UUID().uuidString)")
            let versions = folder.appendingPathComponent("Versions")
            try FileManager.default.createDirectory(at: versions, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let config = folder.appendingPathComponent("revisions.json")
            try JSONSerialization.data(withJSONObject: ["database_url": url.connectionString, "versions": versions.path]).write(to: config)

            let database = try await EngineDatabase.open(url, create: true)
            for statement in statements { try await database.sql.raw(SQLQueryString(statement)).run() }
            try await database.close()

            let printed = LogLines()
            var environment = MigrationEnvironment(targetMetadata: models, revisions: [AlembicCreateUsers.self, AlembicAddFullName.self],
                                                   versionsFolder: versions.path, configFile: config.path, defaultDatabaseURL: "sqlite://")
            environment.output = printed.append
            environment.environmentVariables = [:]
            environment.tableFilter = filter
            let env = environment
            return try await body(url, env) { arguments in
                let start = printed.lines.count
                _ = try await SchemaRevisionsCommand.run(["app"] + arguments, environment: env)
                return Array(printed.lines[start...])
            }
        }
    }

    /// Runs `body` on a new connection to `url`.
    func reading<T>(_ url: DatabaseURL, _ body: (EngineDatabase) async throws -> T) async throws -> T {
        let database = try await EngineDatabase.open(url, create: false)
        do {
            let result = try await body(database)
            try await database.close()
            return result
        } catch {
            try? await database.close()
            throw error
        }
    }

    /// What adopting must not change: every table (columns, keys, indexes),
    /// the users' rows, Alembic's version rows; and the engine's version rows.
    struct Snapshot: Equatable {
        var users: TableMetadata
        var alembicVersion: TableMetadata?
        var rows: [UserRow]
        var alembicRows: [String]?
        var engineRows: [String]
        /// SQLite: each table's and index's `CREATE` statement, as `sqlite_master` holds it.
        var sqliteMaster: [String]
    }

    func snapshot(_ url: DatabaseURL) async throws -> Snapshot {
        try await reading(url) { database in
            let db = database.sql
            let dialect = database.dialect
            var master: [String] = []
            if backend == .sqlite {
                struct Row: Decodable { var name: String; var sql: String? }
                master = try await db.raw("SELECT name, sql FROM sqlite_master WHERE name <> 'schema_revisions_version' AND name NOT LIKE 'sqlite_autoindex_schema_revisions%' ORDER BY name")
                    .all(decoding: Row.self).map { "\($0.name): \($0.sql ?? "")" }
            }
            let names = try await dialect.tableNames(in: db)
            return Snapshot(
                users: try await dialect.table("users", in: db),
                alembicVersion: names.contains("alembic_version") ? try await dialect.table("alembic_version", in: db) : nil,
                rows: try await db.raw("SELECT id, email, password FROM users ORDER BY id").all(decoding: UserRow.self),
                alembicRows: try await AlembicVersionTable.rows(in: db, dialect: dialect),
                engineRows: try await VersionTable.rows(in: db, dialect: dialect),
                sqliteMaster: master)
        }
    }

    /// The message a command failed with.
    func failure(_ body: () async throws -> Void) async -> String? {
        do {
            try await body()
            return nil
        } catch {
            return String(describing: error)
        }
    }

    // MARK: Adopting

    func adoptKeepingAlembicVersion() async throws {
        try await withProject(alembicSQL) { url, environment, run in
            let made = try await snapshot(url)
            #expect(made.rows == users)
            #expect(made.alembicRows == ["b0fc2b4c59c4"] && made.engineRows == [])

            // Before: every command that reads the version names Alembic's.
            #expect(try await run(["current"]) == [adoptionNotice])
            let check = await failure { _ = try await run(["check"]) }
            #expect(check == "Target database is not up to date: it is at base for this history, whose head is eeee00000002. " + adoptionNotice)
            let startUp = await failure {
                try await reading(url) { try await environment.requireHead(of: $0.sql, upgradeCommand: "swift run app upgrade head") }
            }
            #expect(startUp == "The database is at revision base, but this code expects eeee00000002 (head). "
                + adoptionNotice.replacingOccurrences(of: "`stamp", with: "`swift run app stamp")
                    .replacingOccurrences(of: "`upgrade head`", with: "`swift run app upgrade head`")
                + " The server does not start on a database whose schema differs from its models.")
            let upgrade = await failure { _ = try await run(["upgrade", "head"]) }
            #expect(upgrade == "The database has no revision of this history yet, and upgrading it from base would make again "
                + "what Alembic made: nothing was run. " + adoptionNotice)
            #expect(try await snapshot(url) == made, "reading the version, and the refused upgrade, change nothing")

            // Adopt: a stamp, nothing else.
            #expect(try await run(["stamp", "b0fc2b4c59c4"]) == [
                "alembic_version is kept as it is (b0fc2b4c59c4): `check` and `revision --autogenerate` leave it alone. "
                    + "To drop it, run `stamp b0fc2b4c59c4 --drop-alembic-version` (after an upgrade, name the revision `current` prints).",
            ])
            var stamped = made
            stamped.engineRows = ["b0fc2b4c59c4"]
            #expect(try await snapshot(url) == stamped, "schema, rows and alembic_version as Alembic left them")
            #expect(try await run(["current"]) == ["b0fc2b4c59c4"], "adopted: no word about Alembic any more")

            // Then the kit's own revisions, and a clean check.
            #expect(try await run(["upgrade", "head"]) == ["Running upgrade b0fc2b4c59c4 -> eeee00000002, add full name"])
            #expect(try await run(["check"]) == [
                "Skipping table 'alembic_version': Alembic's version table, which no model owns.",
                "No new upgrade operations detected.",
            ])
            let after = try await snapshot(url)
            #expect(after.rows == users, "every row kept")
            #expect(after.alembicRows == ["b0fc2b4c59c4"] && after.alembicVersion == made.alembicVersion, "alembic_version untouched")
            #expect(after.engineRows == ["eeee00000002"])
            #expect(after.users.columns.map(\.name) == ["id", "email", "password", "full_name"])
            try await reading(url) { try await environment.requireHead(of: $0.sql, upgradeCommand: "swift run app upgrade head") }
            #expect(try await run(["revision", "--autogenerate", "-m", "nothing"]) == [
                "Skipping table 'alembic_version': Alembic's version table, which no model owns.",
                "No changes in schema detected.",
            ], "autogenerate proposes no drop of alembic_version")
        }
    }

    func adoptDroppingAlembicVersion() async throws {
        try await withProject(alembicSQL) { url, _, run in
            let made = try await snapshot(url)
            #expect(try await run(["stamp", "b0fc2b4c59c4", "--drop-alembic-version"]) == [
                "Dropped alembic_version (it held b0fc2b4c59c4): the database's revision is recorded only in schema_revisions_version now.",
            ])
            let after = try await snapshot(url)
            #expect(after.alembicVersion == nil && after.alembicRows == nil, "alembic_version is gone, as asked")
            #expect(after.users == made.users && after.rows == users, "the users table and its rows as they were")
            #expect(after.engineRows == ["b0fc2b4c59c4"])
            #expect(try await run(["upgrade", "head"]).count == 1)
            #expect(try await run(["check"]) == ["No new upgrade operations detected."], "nothing to skip any more")

            // Asked again, there is nothing to drop: refused, nothing changes.
            let before = try await snapshot(url)
            let refusal = await failure { _ = try await run(["stamp", "b0fc2b4c59c4", "--drop-alembic-version"]) }
            #expect(refusal == "The database has no alembic_version table: there is nothing to drop. Run `stamp` without --drop-alembic-version.")
            #expect(try await snapshot(url) == before)
        }
    }

    func unknownAlembicRevision() async throws {
        let sql = alembicSQL.map { $0.replacingOccurrences(of: "'b0fc2b4c59c4'", with: "'1a2b3c4d5e6f'") }
        try await withProject(sql) { url, _, run in
            let made = try await snapshot(url)
            #expect(try await run(["current"]) == [
                "Alembic manages this database: its alembic_version holds 1a2b3c4d5e6f, which no revision here has, "
                    + "so the schema must be matched with the models first. Run `stamp head` (it records the revision, "
                    + "and changes nothing else), then `check`: it lists what differs. Write a revision for that with "
                    + "`revision --autogenerate -m \"…\"`, or take the stamp back with `stamp base`. alembic_version is left as it is; "
                    + "`stamp head --drop-alembic-version` drops it.",
            ])
            // Followed: the schema lacks full_name, and check says so; the stamp changed nothing else.
            _ = try await run(["stamp", "head"])
            let check = await failure { _ = try await run(["check"]) }
            #expect(check?.hasPrefix("New upgrade operations detected:\n  Detected added column 'users.full_name'") == true, "\(check ?? "passed")")
            var stamped = made
            stamped.engineRows = ["eeee00000002"]
            #expect(try await snapshot(url) == stamped)
        }
    }

    // MARK: The filter

    /// What the walkthrough's schema looks like next to other tools' tables
    /// and a legacy one: the models own only `users`.
    var crowdedSQL: [String] {
        let users = backend == .sqlite
            ? "CREATE TABLE users (id INTEGER NOT NULL, email VARCHAR, password VARCHAR, full_name VARCHAR, PRIMARY KEY (id))"
            : "CREATE TABLE users (id SERIAL NOT NULL, email VARCHAR, password VARCHAR, full_name VARCHAR, PRIMARY KEY (id))"
        return [
            users,
            "CREATE UNIQUE INDEX ix_users_email ON users (email)",
            "CREATE INDEX ix_users_id ON users (id)",
            "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))",
            "INSERT INTO alembic_version (version_num) VALUES ('b0fc2b4c59c4')",
            // Fluent's own: what `app.autoMigrate()` makes.
            "CREATE TABLE _fluent_migrations (id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL UNIQUE, batch INTEGER NOT NULL, created_at VARCHAR, updated_at VARCHAR)",
            "CREATE TABLE legacy_orders (id INTEGER PRIMARY KEY, total INTEGER)",
            "INSERT INTO legacy_orders (id, total) VALUES (1, 100), (2, 250)",
        ]
    }

    func defaultFilter() async throws {
        try await withProject(crowdedSQL) { url, _, _ in
            try await reading(url) { database in
                let db = database.sql
                let target = try SchemaMetadata(models: AlembicUser.self)
                #expect(try await compareMetadata(db, target).map(\.description) == ["Detected removed table 'legacy_orders'"],
                        "alembic_version and _fluent_migrations are left out by default; legacy_orders is not")
                #expect(try await skippedTables(in: db, dialect: database.dialect, filter: .default) == ["_fluent_migrations", "alembic_version"])
                // Without the default exclusions, the bookkeeping tables are removals like any other.
                let everything = TableFilter(excluding: [])
                #expect(Set(try await compareMetadata(db, target, filter: everything).map(\.description)) == [
                    "Detected removed table '_fluent_migrations'", "Detected removed table 'alembic_version'",
                    "Detected removed table 'legacy_orders'",
                ])
                #expect(try await skippedTables(in: db, dialect: database.dialect, filter: everything) == [])
            }
        }
    }

    func customFilter() async throws {
        let legacyApart = TableFilter { !$0.hasPrefix("legacy_") }
        try await withProject(crowdedSQL, filter: legacyApart) { url, _, run in
            try await reading(url) { database in
                let target = try SchemaMetadata(models: AlembicUser.self)
                #expect(try await compareMetadata(database.sql, target, filter: legacyApart) == [])
                // The filter applies to the models too: a model's table it leaves out is not created.
                #expect(try await compareMetadata(database.sql, try SchemaMetadata(models: AlembicUser.self, Member.self),
                                                  filter: TableFilter { $0 != "members" && !$0.hasPrefix("legacy_") }) == [])
                #expect(legacyApart.includes("users") && !legacyApart.includes("legacy_orders") && !legacyApart.includes("alembic_version"),
                        "a custom filter keeps the default exclusions")
            }
            _ = try await run(["stamp", "head"])
            #expect(try await run(["check"]) == [
                "Skipping table '_fluent_migrations': Fluent's migrations table, which no model owns.",
                "Skipping table 'alembic_version': Alembic's version table, which no model owns.",
                "Skipping table 'legacy_orders': the table filter leaves it out.",
                "No new upgrade operations detected.",
            ])
            let rows = try await reading(url) { try await $0.sql.raw("SELECT COUNT(*) AS n FROM legacy_orders").first(decoding: Count.self)?.n }
            #expect(rows == 2)
        }
    }

    struct Count: Decodable { var n: Int }

    func foreignTableStillDestructive() async throws {
        try await withProject(crowdedSQL) { url, environment, run in
            _ = try await run(["stamp", "head"])
            let check = await failure { _ = try await run(["check"]) }
            #expect(check == """
                New upgrade operations detected:
                  Detected removed table 'legacy_orders'
                Changes that can lose data or fail on existing rows:
                  legacy_orders: the table is dropped with 2 rows in it. If you need the rows, copy them elsewhere in the revision first, or keep the table's model.
                Run `revision --autogenerate -m "..."` to write a revision for them.
                """)
            let printed = try await run(["revision", "--autogenerate", "-m", "drop legacy"])
            #expect(Array(printed.prefix(5)) == [
                "Skipping table '_fluent_migrations': Fluent's migrations table, which no model owns.",
                "Skipping table 'alembic_version': Alembic's version table, which no model owns.",
                "Detected removed table 'legacy_orders'",
                "Changes that can lose data or fail on existing rows:",
                "  legacy_orders: the table is dropped with 2 rows in it. If you need the rows, copy them elsewhere in the revision first, or keep the table's model.",
            ])
            let files = try FileManager.default.contentsOfDirectory(atPath: environment.versionsFolder)
            let file = try String(contentsOfFile: environment.versionsFolder + "/" + #require(files.first), encoding: .utf8)
            #expect(file.contains("// DESTRUCTIVE: drops the table 'legacy_orders' and every row in it."))
            #expect(file.contains(#"try await op.dropTable("legacy_orders")"#))
            #expect(!file.contains("alembic_version") && !file.contains("_fluent_migrations"))
        }
    }
}

@Suite("Adopting an Alembic database, and the table filter, on SQLite")
struct AlembicAdoptionTests {
    let checks = AlembicAdoptionChecks(backend: .sqlite)

    @Test("an Alembic database: current, check and the start-up check name it; stamp adopts it with schema, rows and alembic_version kept")
    func adoptKeepingAlembicVersion() async throws { try await checks.adoptKeepingAlembicVersion() }

    @Test("stamp --drop-alembic-version drops alembic_version and nothing else; asked again, refused")
    func adoptDroppingAlembicVersion() async throws { try await checks.adoptDroppingAlembicVersion() }

    @Test("an Alembic revision no revision here has: how to match the schema first")
    func unknownAlembicRevision() async throws { try await checks.unknownAlembicRevision() }

    @Test("the default filter leaves out alembic_version and _fluent_migrations, and only them")
    func defaultFilter() async throws { try await checks.defaultFilter() }

    @Test("a custom filter leaves out its tables too, on both sides, and check names them")
    func customFilter() async throws { try await checks.customFilter() }

    @Test("a foreign table no filter leaves out is still a removal, listed as destructive")
    func foreignTableStillDestructive() async throws { try await checks.foreignTableStillDestructive() }
}

@Suite("Adopting an Alembic database, and the table filter, on PostgreSQL", .postgres)
struct AlembicAdoptionPostgresTests {
    let checks = AlembicAdoptionChecks(backend: .postgresql)

    @Test("an Alembic database: current, check and the start-up check name it; stamp adopts it with schema, rows and alembic_version kept")
    func adoptKeepingAlembicVersion() async throws { try await checks.adoptKeepingAlembicVersion() }

    @Test("stamp --drop-alembic-version drops alembic_version and nothing else; asked again, refused")
    func adoptDroppingAlembicVersion() async throws { try await checks.adoptDroppingAlembicVersion() }

    @Test("an Alembic revision no revision here has: how to match the schema first")
    func unknownAlembicRevision() async throws { try await checks.unknownAlembicRevision() }

    @Test("the default filter leaves out alembic_version and _fluent_migrations, and only them")
    func defaultFilter() async throws { try await checks.defaultFilter() }

    @Test("a custom filter leaves out its tables too, on both sides, and check names them")
    func customFilter() async throws { try await checks.customFilter() }

    @Test("a foreign table no filter leaves out is still a removal, listed as destructive")
    func foreignTableStillDestructive() async throws { try await checks.foreignTableStillDestructive() }
}
