import Foundation
import SQLKit
import SchemaRevisionsCLI
import SchemaRevisionsTesting
import Testing
@testable import SchemaRevisions

// A history that needs the schema to render: SQLite rebuilds (NOT NULL, a
// type and default change, a dropped column, a unique constraint on a
// table with a foreign key), a view made by raw SQL that every rebuild
// must put back, renames, and a NOT NULL column whose check needs rows.

enum OfflineCreate: SchemaRevision {
    static let id = "0ff100000001"
    static let parent: String? = nil
    static let message = "users and posts"
    static func upgrade(_ op: SchemaOperations) async throws {
        try await op.createTable("users", [
            .column("id", .integer, nullable: false),
            .column("email", .string(), nullable: true),
            .column("name", .string(length: 80), nullable: true),
            .primaryKey("id"),
        ])
        try await op.createIndex("ix_users_email", on: "users", ["email"], unique: true)
        try await op.createTable("posts", [
            .column("id", .integer, nullable: false),
            .column("user_id", .integer, nullable: true),
            .column("title", .string(), nullable: true),
            .primaryKey("id"),
            .foreignKey("fk_posts_user_id_users", ["user_id"], references: "users", ["id"]),
        ])
    }
    static func downgrade(_ op: SchemaOperations) async throws {
        try await op.dropTable("posts")
        try await op.dropIndex("ix_users_email", on: "users")
        try await op.dropTable("users")
    }
}

enum OfflineView: SchemaRevision {
    static let id = "0ff100000002"
    static let parent: String? = "0ff100000001"
    static let message = "a view and a nickname"
    static func upgrade(_ op: SchemaOperations) async throws {
        try await op.execute("CREATE VIEW user_emails AS SELECT id, email FROM users")
        try await op.execute("UPDATE users SET name = 'someone' WHERE name IS NULL")
        try await op.addColumn("users", "nickname", .string(), nullable: true)
    }
    static func downgrade(_ op: SchemaOperations) async throws {
        try await op.dropColumn("users", "nickname")
        try await op.execute("DROP VIEW user_emails")
    }
}

enum OfflineAlter: SchemaRevision {
    static let id = "0ff100000003"
    static let parent: String? = "0ff100000002"
    static let message = "require email, text titles"
    static func upgrade(_ op: SchemaOperations) async throws {
        try await op.alterColumn("users", "email", nullable: false)
        try await op.alterColumn("posts", "title", type: .text, default: .string("untitled"))
        try await op.createUniqueConstraint("uq_posts_title", on: "posts", ["title"])
    }
    static func downgrade(_ op: SchemaOperations) async throws {
        try await op.dropUniqueConstraint("uq_posts_title", on: "posts")
        try await op.alterColumn("posts", "title", type: .string(), dropDefault: true)
        try await op.alterColumn("users", "email", nullable: true)
    }
}

enum OfflineRename: SchemaRevision {
    static let id = "0ff100000004"
    static let parent: String? = "0ff100000003"
    static let message = "full names, no nicknames"
    static func upgrade(_ op: SchemaOperations) async throws {
        try await op.renameColumn("users", "name", to: "full_name")
        try await op.dropColumn("users", "nickname")
        try await op.renameTable("posts", to: "articles")
    }
    static func downgrade(_ op: SchemaOperations) async throws {
        try await op.renameTable("articles", to: "posts")
        try await op.addColumn("users", "nickname", .string(), nullable: true)
        try await op.renameColumn("users", "full_name", to: "name")
    }
}

enum OfflineRequired: SchemaRevision {
    static let id = "0ff100000005"
    static let parent: String? = "0ff100000004"
    static let message = "active flag"
    static func upgrade(_ op: SchemaOperations) async throws {
        try await op.addColumn("users", "active", .boolean, nullable: false)
    }
    static func downgrade(_ op: SchemaOperations) async throws {
        try await op.dropColumn("users", "active")
    }
}

/// Raw SQL that changes a table's shape, then an operation that needs it.
enum OfflineRawAlter: SchemaRevision {
    static let id = "0ff100000012"
    static let parent: String? = "0ff100000001"
    static let message = "legacy column by hand"
    static func upgrade(_ op: SchemaOperations) async throws {
        try await op.execute("ALTER TABLE users ADD COLUMN legacy TEXT")
    }
    static func downgrade(_ op: SchemaOperations) async throws {}
}

enum OfflineAfterRawAlter: SchemaRevision {
    static let id = "0ff100000013"
    static let parent: String? = "0ff100000012"
    static let message = "require email"
    static func upgrade(_ op: SchemaOperations) async throws {
        try await op.alterColumn("users", "email", nullable: false)
    }
    static func downgrade(_ op: SchemaOperations) async throws {
        try await op.alterColumn("users", "email", nullable: true)
    }
}

/// The offline checks, on either database's dialect.
struct OfflineSQLChecks {
    let backend: TestBackend
    let history: [any SchemaRevision.Type] = [
        OfflineCreate.self, OfflineView.self, OfflineAlter.self, OfflineRename.self, OfflineRequired.self,
    ]

    var dialect: any Dialect { backend == .sqlite ? SQLiteDialect() : PostgresDialect() }

    func viewNames(_ db: any SQLDatabase) async throws -> [String] {
        struct Row: Decodable { var name: String }
        let query: SQLQueryString = backend == .sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'view' ORDER BY name"
            : "SELECT viewname AS name FROM pg_views WHERE schemaname = current_schema() ORDER BY viewname"
        return try await db.raw(query).all(decoding: Row.self).map(\.name)
    }

    func render(_ revisions: [any SchemaRevision.Type], upgrade range: String) async throws -> [String] {
        let log = LogLines()
        try await OfflineRenderer(dialect: dialect, graph: try RevisionGraph(revisions), log: log.append).upgrade(range)
        return log.lines
    }

    func render(_ revisions: [any SchemaRevision.Type], downgrade range: String) async throws -> [String] {
        let log = LogLines()
        try await OfflineRenderer(dialect: dialect, graph: try RevisionGraph(revisions), log: log.append).downgrade(range)
        return log.lines
    }

    /// The rendered lines without what only a script needs: the step
    /// framing, and comments other than the progress lines.
    func withoutFraming(_ lines: [String]) -> [String] {
        let frame = dialect.offlineFrame
        let framing = Set((frame.beforeRun + [frame.beginStep, "COMMIT"] + frame.beforeCommit + frame.afterRun).map { $0 + ";" })
        return lines.filter { !framing.contains($0) && (!$0.hasPrefix("--") || $0.hasPrefix("-- Running")) }
    }

    /// Offline, the SQL is what the database itself would run (a dry run
    /// on an empty database), statement for statement, both ways.
    func sameAsDryRun() async throws {
        let offline = try await render(history, upgrade: "head")
        let offlineDown = try await render(history, downgrade: "head:base")
        try await withThrowawayConnection(backend) { database in
            let dryRun = LogLines()
            try await RevisionRunner(database, graph: try RevisionGraph(history), log: dryRun.append).upgrade("head", dryRun: true)
            #expect(withoutFraming(offline) == dryRun.lines)
            #expect(try await SchemaIntrospection.tableNames(in: database.sql).isEmpty, "a dry run keeps nothing")

            try await RevisionRunner(database, graph: try RevisionGraph(history), log: { _ in }).upgrade("head")
            let dryRunDown = LogLines()
            try await RevisionRunner(database, graph: try RevisionGraph(history), log: dryRunDown.append).downgrade("base", dryRun: true)
            #expect(withoutFraming(offlineDown) == dryRunDown.lines)
        }
    }

    /// The rendered script, run by hand on an empty database, leaves the
    /// same schema, version and checksums as `upgrade head`; its downgrade
    /// script takes it back to nothing but the engine's tables.
    func scriptRuns() async throws {
        let script = try await render(history, upgrade: "head")
        let downScript = try await render(history, downgrade: "head:base")
        try await withThrowawayConnection(backend) { upgraded in
            try await RevisionRunner(upgraded, graph: try RevisionGraph(history), log: { _ in }).upgrade("head")
            try await withThrowawayConnection(backend) { scripted in
                for line in script where !line.hasPrefix("--") {
                    try await scripted.sql.raw(SQLQueryString(String(line.dropLast()))).run()
                }
                let expected = try await comparedSchema(of: upgraded.sql, dialect: upgraded.dialect)
                #expect(try await comparedSchema(of: scripted.sql, dialect: scripted.dialect) == expected)
                #expect(try await VersionTable.rows(in: scripted.sql) == ["0ff100000005"])
                #expect(try await RevisionChecksums.recorded(in: scripted.sql, dialect: scripted.dialect)
                        == RevisionChecksums.recorded(in: upgraded.sql, dialect: upgraded.dialect))
                #expect(try await viewNames(scripted.sql) == ["user_emails"], "the view survived every rebuild")

                for line in downScript where !line.hasPrefix("--") {
                    try await scripted.sql.raw(SQLQueryString(String(line.dropLast()))).run()
                }
                #expect(try await comparedSchema(of: scripted.sql, dialect: scripted.dialect).tables.isEmpty)
                #expect(try await VersionTable.rows(in: scripted.sql).isEmpty)
                #expect(try await RevisionChecksums.recorded(in: scripted.sql, dialect: scripted.dialect).isEmpty)
            }
        }
    }

    /// Offline there are no rows to count: the check the engine would make
    /// is a comment where the statement that needs it is.
    func dataChecksAsComments() async throws {
        let lines = try await render(history, upgrade: "head")
        let required = try #require(lines.firstIndex { $0.contains(#""active""#) }, "the NOT NULL column is rendered")
        #expect(lines[..<required].last { $0.hasPrefix("--") } == "-- Fails if users has rows: the new NOT NULL column has no default to fill them with.")
        let email = try #require(lines.firstIndex { $0.hasPrefix("-- Fails if a row of users holds NULL in email") })
        #expect(email < lines.firstIndex(of: "-- Running upgrade 0ff100000003 -> 0ff100000004, full names, no nicknames")!)
    }

    /// `FROM:TO` starts at `FROM`: what came before is not rendered, but is
    /// known (a later rebuild still has every column).
    func range() async throws {
        let lines = try await render(history, upgrade: "0ff100000002:0ff100000003")
        #expect(lines.filter { $0.hasPrefix("-- Running") } == ["-- Running upgrade 0ff100000002 -> 0ff100000003, require email, text titles"])
        #expect(!lines.contains { $0.contains(#"CREATE TABLE "users""#) || $0.contains(#"CREATE TABLE "schema_revisions_version""#) })
        if backend == .sqlite {
            #expect(lines.contains(#"CREATE TABLE "_schema_revisions_new_users" ("id" INTEGER NOT NULL, "email" VARCHAR NOT NULL, "name" VARCHAR(80), "nickname" VARCHAR, PRIMARY KEY ("id"));"#))
            #expect(lines.contains("CREATE VIEW user_emails AS SELECT id, email FROM users;"), "the view is put back after the rebuild")
        } else {
            #expect(lines.contains(#"ALTER TABLE "users" ALTER COLUMN "email" SET NOT NULL;"#))
        }
        #expect(lines.contains(#"UPDATE "schema_revisions_version" SET version_num = '0ff100000003' WHERE version_num = '0ff100000002';"#))

        let down = try await render(history, downgrade: "head:-1")
        #expect(down.filter { $0.hasPrefix("-- Running") } == ["-- Running downgrade 0ff100000005 -> 0ff100000004, active flag"])
    }

    /// A downgrade without `FROM:` is refused, saying how; so is a revision
    /// whose table raw SQL changed, naming both revisions.
    func refusals() async throws {
        await #expect(throws: OfflineError.downgradeNeedsStart("-1")) {
            _ = try await render(history, downgrade: "-1")
        }
        let raw: [any SchemaRevision.Type] = [OfflineCreate.self, OfflineRawAlter.self, OfflineAfterRawAlter.self]
        await #expect(throws: OfflineError.needsDatabase(revision: "0ff100000013", table: "users", changedBy: "0ff100000012")) {
            _ = try await render(raw, upgrade: "head")
        }
        // Up to the raw SQL itself, it renders.
        let upToRaw = try await render(raw, upgrade: "0ff100000012")
        #expect(upToRaw.contains("ALTER TABLE users ADD COLUMN legacy TEXT;"))
        #expect(CommandLineMessage.text(for: OfflineError.needsDatabase(revision: "0ff100000013", table: "users", changedBy: "0ff100000012"))
            .hasSuffix("Run the command on the database instead, with --dry-run: it runs the SQL, prints it and rolls it back."))
    }
}

@Suite("Offline SQL on SQLite: upgrade --sql and downgrade --sql from the revisions alone")
struct OfflineSQLTests {
    let checks = OfflineSQLChecks(backend: .sqlite)

    @Test("the rendered SQL is what the database would run, statement for statement, both ways")
    func sameAsDryRun() async throws { try await checks.sameAsDryRun() }

    @Test("the rendered script, run by hand, gives the schema, version and checksums upgrade head gives")
    func scriptRuns() async throws { try await checks.scriptRuns() }

    @Test("checks on rows become comments where they apply")
    func dataChecksAsComments() async throws { try await checks.dataChecksAsComments() }

    @Test("FROM:TO renders only the range, knowing the schema before it")
    func range() async throws { try await checks.range() }

    @Test("downgrade without FROM:, and a table raw SQL changed, are refused with what to do")
    func refusals() async throws { try await checks.refusals() }

    @Test("the command connects to nothing: a missing database file stays missing")
    func connectsToNothing() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("offline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("app.sqlite").path
        let printed = PrintedLines()
        for url in ["sqlite:///" + path, "postgresql://nobody@127.0.0.1:1/nothing"] {
            var environment = MigrationEnvironment(
                targetMetadata: { try SchemaMetadata(tables: []) }, revisions: checks.history, versionsFolder: folder.path,
                configFile: folder.appendingPathComponent("none.json").path, defaultDatabaseURL: url)
            environment.output = printed.append
            environment.environmentVariables = [:]
            #expect(try await SchemaRevisionsCommand.run(["app", "upgrade", "head", "--sql"], environment: environment))
            #expect(try await SchemaRevisionsCommand.run(["app", "downgrade", "head:base", "--sql"], environment: environment))
        }
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(printed.lines.contains(#"CREATE TABLE "users" ("id" INTEGER NOT NULL, "email" VARCHAR, "name" VARCHAR(80), PRIMARY KEY ("id"));"#))
        #expect(printed.lines.contains(#"CREATE TABLE "users" ("id" BIGINT GENERATED BY DEFAULT AS IDENTITY NOT NULL, "email" VARCHAR, "name" VARCHAR(80), PRIMARY KEY ("id"));"#),
                "a PostgreSQL URL renders PostgreSQL's SQL, with no server")
    }
}

@Suite("Offline SQL on PostgreSQL: the same checks, compared with a real server", .postgres)
struct OfflineSQLPostgresTests {
    let checks = OfflineSQLChecks(backend: .postgresql)

    @Test("the rendered SQL is what the database would run, statement for statement, both ways")
    func sameAsDryRun() async throws { try await checks.sameAsDryRun() }

    @Test("the rendered script, run by hand, gives the schema, version and checksums upgrade head gives")
    func scriptRuns() async throws { try await checks.scriptRuns() }

    @Test("checks on rows become comments where they apply")
    func dataChecksAsComments() async throws { try await checks.dataChecksAsComments() }

    @Test("FROM:TO renders only the range, knowing the schema before it")
    func range() async throws { try await checks.range() }

    @Test("downgrade without FROM:, and a table raw SQL changed, are refused with what to do")
    func refusals() async throws { try await checks.refusals() }
}

enum OfflineRenamedUnderView: SchemaRevision {
    static let id = "0ff100000022"
    static let parent: String? = "0ff100000001"
    static let message = "a view over a renamed column"
    static func upgrade(_ op: SchemaOperations) async throws {
        try await op.execute("CREATE VIEW user_names AS SELECT id, name FROM users")
        try await op.renameColumn("users", "name", to: "full_name")
    }
    static func downgrade(_ op: SchemaOperations) async throws {}
}

enum OfflineRebuildUnderView: SchemaRevision {
    static let id = "0ff100000023"
    static let parent: String? = "0ff100000022"
    static let message = "require email"
    static func upgrade(_ op: SchemaOperations) async throws {
        try await op.alterColumn("users", "email", nullable: false)
    }
    static func downgrade(_ op: SchemaOperations) async throws {}
}

enum OfflineWidenKey: SchemaRevision {
    static let id = "0ff100000032"
    static let parent: String? = "0ff100000001"
    static let message = "narrow then widen the key"
    static func upgrade(_ op: SchemaOperations) async throws {
        try await op.alterColumn("users", "id", type: .int32)
        try await op.alterColumn("users", "id", type: .int64)
    }
    static func downgrade(_ op: SchemaOperations) async throws {}
}

@Suite("Offline SQL: what only a live database knows")
struct OfflineSQLRefusalTests {
    @Test("PostgreSQL: an integer type change offline names the serial sequence it cannot see")
    func serialSequence() async throws {
        let log = LogLines()
        try await OfflineRenderer(dialect: PostgresDialect(), graph: try RevisionGraph([OfflineCreate.self, OfflineWidenKey.self]),
                                  log: log.append).upgrade("head")
        #expect(log.lines.contains(#"ALTER TABLE "users" ALTER COLUMN "id" TYPE BIGINT;"#))
        #expect(log.lines.contains("-- If users.id is a serial column, widen its sequence too: ALTER SEQUENCE … AS BIGINT."))
    }

    @Test("a rebuild that must put back a view naming a renamed column is refused: SQLite rewrote the view's text")
    func renamedUnderView() async throws {
        let history: [any SchemaRevision.Type] = [OfflineCreate.self, OfflineRenamedUnderView.self, OfflineRebuildUnderView.self]
        let render = { (dialect: any Dialect) in
            try await OfflineRenderer(dialect: dialect, graph: try RevisionGraph(history), log: { _ in }).upgrade("head")
        }
        await #expect(throws: OfflineError.renamedUnderView(revision: "0ff100000023", table: "users", object: "user_names",
                                                              renamedBy: "0ff100000022")) {
            try await render(SQLiteDialect())
        }
        // PostgreSQL alters the column in place, and keeps the view as it is: nothing to put back.
        try await render(PostgresDialect())
    }
}
