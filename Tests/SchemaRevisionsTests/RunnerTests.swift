import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLiteKit
import PostgresKit
import SchemaRevisionsCLI
import SchemaRevisionsTesting
import Testing
@testable import SchemaRevisions

// A three-step history, and a step that fails halfway.

enum CreateUsers: SchemaRevision {
    static let id = "aaaa00000001"
    static let parent: String? = nil
    static let message = "create users table"
    static func upgrade(_ op: SchemaOperations) async throws {
        try await op.createTable("users", [
            .column("id", .integer, nullable: false),
            .column("email", .string(), nullable: true),
            .primaryKey("id"),
        ])
        try await op.createIndex("ix_users_email", on: "users", ["email"], unique: true)
    }
    static func downgrade(_ op: SchemaOperations) async throws {
        try await op.dropIndex("ix_users_email", on: "users")
        try await op.dropTable("users")
    }
}

enum AddNickname: SchemaRevision {
    static let id = "aaaa00000002"
    static let parent: String? = "aaaa00000001"
    static let message = "add nickname"
    static func upgrade(_ op: SchemaOperations) async throws {
        try await op.addColumn("users", "nickname", .string(), nullable: true)
    }
    static func downgrade(_ op: SchemaOperations) async throws {
        try await op.dropColumn("users", "nickname")
    }
}

enum RequireEmail: SchemaRevision {
    static let id = "aaaa00000003"
    static let parent: String? = "aaaa00000002"
    static let message = "require email"
    static func upgrade(_ op: SchemaOperations) async throws {
        try await op.alterColumn("users", "email", nullable: false)
    }
    static func downgrade(_ op: SchemaOperations) async throws {
        try await op.alterColumn("users", "email", nullable: true)
    }
}

/// A revision edited by hand: fill the NULLs autogenerate cannot guess
/// values for, then require the column (lesson 5's note shows it).
enum FillThenRequireEmail: SchemaRevision {
    static let id = "eeee00000003"
    static let parent: String? = "aaaa00000002"
    static let message = "require email"

    static func upgrade(_ op: SchemaOperations) async throws {
        try await op.execute("UPDATE users SET email = 'unknown-' || id || '@example.com' WHERE email IS NULL")
        try await op.alterColumn("users", "email", nullable: false)
    }

    static func downgrade(_ op: SchemaOperations) async throws {
        try await op.alterColumn("users", "email", nullable: true)
    }
}

/// A fourth step, so that a run of steps is long enough for SQLite's write-ahead log.
enum AddBio: SchemaRevision {
    static let id = "aaaa00000004"
    static let parent: String? = "aaaa00000003"
    static let message = "add bio"
    static func upgrade(_ op: SchemaOperations) async throws {
        try await op.addColumn("users", "bio", .text, nullable: true)
    }
    static func downgrade(_ op: SchemaOperations) async throws {
        try await op.dropColumn("users", "bio")
    }
}

/// A fifth step that fails.
enum BrokenFifth: SchemaRevision {
    static let id = "bbbb00000005"
    static let parent: String? = "aaaa00000004"
    static let message = "broken fifth"
    static func upgrade(_ op: SchemaOperations) async throws {
        try await op.execute("INSERT INTO no_such_table VALUES (1)")
    }
    static func downgrade(_ op: SchemaOperations) async throws {}
}

/// Adds a column, then fails: the column must not survive.
enum BrokenStep: SchemaRevision {
    static let id = "bbbb00000003"
    static let parent: String? = "aaaa00000002"
    static let message = "broken"
    static func upgrade(_ op: SchemaOperations) async throws {
        try await op.addColumn("users", "half_done", .string(), nullable: true)
        try await op.execute("UPDATE users SET half_done = 'x'")
        try await op.execute("INSERT INTO no_such_table VALUES (1)")
    }
    static func downgrade(_ op: SchemaOperations) async throws {}
}

/// A first step that fails after creating a table.
enum BrokenFirst: SchemaRevision {
    static let id = "cccc00000001"
    static let parent: String? = nil
    static let message = "broken first"
    static func upgrade(_ op: SchemaOperations) async throws {
        try await op.createTable("t", [.column("id", .integer, nullable: false), .primaryKey("id")])
        try await op.execute("THIS IS NOT SQL")
    }
    static func downgrade(_ op: SchemaOperations) async throws {}
}

/// Counts runners that reached a step, and lets a test wait for a number of them.
/// (Written by hand: neither the standard library nor swift-async-algorithms
/// has a countdown latch.)
actor Arrivals {
    private var count = 0
    private var waiters: [(Int, CheckedContinuation<Void, Never>)] = []

    func arrive() {
        count += 1
        let ready = waiters.filter { $0.0 <= count }
        waiters.removeAll { $0.0 <= count }
        for waiter in ready { waiter.1.resume() }
    }

    func wait(for number: Int) async {
        guard count < number else { return }
        await withCheckedContinuation { waiters.append((number, $0)) }
    }
}

/// Collects log lines.
final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String] = []
    var lines: [String] { lock.withLock { storage } }
    func append(_ line: String) { lock.withLock { storage.append(line) } }
}

/// An engine database on a fresh SQLite file; `body` also gets its path.
func withEngineDatabase<T>(busyTimeout: Int = 2000, _ body: (EngineDatabase, String) async throws -> T) async throws -> T {
    try await withThrowawayDatabase(.sqlite) { url in
        guard case .sqliteFile(let path) = url else { throw ConnectionError.noDatabase(path: "\(url)") }
        let database = try await EngineDatabase.open(url, create: true, busyTimeout: busyTimeout)
        do {
            let result = try await body(database, path)
            try await database.close()
            return result
        } catch {
            try? await database.close()
            throw error
        }
    }
}

/// The runner's checks, on either database. The suites below run them on
/// SQLite and on PostgreSQL.
struct RunnerChecks {
    let backend: TestBackend
    let history: [any SchemaRevision.Type] = [CreateUsers.self, AddNickname.self, RequireEmail.self]

    func runner(_ database: EngineDatabase, _ revisions: [any SchemaRevision.Type], log: LogLines = LogLines()) throws -> RevisionRunner {
        RevisionRunner(database, graph: try RevisionGraph(revisions), log: log.append)
    }

    func columns(_ db: any SQLDatabase) async throws -> [String] {
        try await SchemaIntrospection.schema(of: db, excluding: [VersionTable.name]).table(named: "users")?.columns.map(\.name) ?? []
    }

    func upgradeAndDowngrade() async throws {
        try await withThrowawayConnection(backend) { database in
            let log = LogLines()
            let runner = try runner(database, history, log: log)
            #expect(try await runner.current() == nil)

            try await runner.upgrade("head")
            #expect(log.lines == [
                "Running upgrade  -> aaaa00000001, create users table",
                "Running upgrade aaaa00000001 -> aaaa00000002, add nickname",
                "Running upgrade aaaa00000002 -> aaaa00000003, require email",
            ])
            #expect(try await runner.current() == "aaaa00000003")
            #expect(try await columns(database.sql) == ["id", "email", "nickname"])
            try await database.sql.raw("INSERT INTO users (id, email, nickname) VALUES (1, 'ada@example.com', 'ada')").run()

            try await runner.downgrade("-1")
            #expect(log.lines.last == "Running downgrade aaaa00000003 -> aaaa00000002, require email")
            try await runner.downgrade("-1")
            #expect(try await runner.current() == "aaaa00000001")
            #expect(try await columns(database.sql) == ["id", "email"])
            struct Row: Decodable, Equatable { var id: Int; var email: String? }
            #expect(try await database.sql.raw("SELECT id, email FROM users").all(decoding: Row.self) == [Row(id: 1, email: "ada@example.com")])

            try await runner.upgrade("+1")
            #expect(try await runner.current() == "aaaa00000002")
            try await runner.downgrade("base")
            #expect(log.lines.last == "Running downgrade aaaa00000001 -> , create users table")
            #expect(try await runner.current() == nil)
            #expect(try await SchemaIntrospection.tableNames(in: database.sql) == [RevisionChecksums.tableName, VersionTable.name],
                    "only the engine's own tables are left")
        }
    }

    func prefixes() async throws {
        try await withThrowawayConnection(backend) { database in
            let runner = try runner(database, history)
            try await runner.upgrade("aaaa00000002")
            #expect(try await runner.current() == "aaaa00000002")
            await #expect(throws: RevisionError.ambiguous("aaaa", ["aaaa00000001", "aaaa00000002", "aaaa00000003"])) {
                try await runner.upgrade("aaaa")
            }
        }
    }

    func failingStep() async throws {
        try await withThrowawayConnection(backend) { database in
            let runner = try runner(database, [CreateUsers.self, AddNickname.self, BrokenStep.self])
            try await runner.upgrade("aaaa00000002")
            try await database.sql.raw("INSERT INTO users (id, email) VALUES (1, 'ada@example.com')").run()
            let before = try await SchemaIntrospection.schema(of: database.sql)

            do {
                try await runner.upgrade("head")
                Issue.record("the broken step should fail")
            } catch let error as RunError {
                guard case .stepFailed(let revision, let direction, let reason, let at) = error else { Issue.record("\(error)"); return }
                #expect(revision == "bbbb00000003" && direction == "upgrade" && at == ["aaaa00000002"])
                #expect(reason.contains("no_such_table"))
                #expect(error.description.contains("rolled back"))
            }
            #expect(try await runner.current() == "aaaa00000002")
            #expect(try await SchemaIntrospection.schema(of: database.sql) == before)
            struct Count: Decodable { var count: Int }
            #expect(try await database.sql.raw("SELECT count(*) AS count FROM users").first(decoding: Count.self)?.count == 1)
        }
    }

    func failingFirstStep() async throws {
        try await withThrowawayConnection(backend) { database in
            let runner = try runner(database, [BrokenFirst.self])
            await #expect(throws: RunError.self) { try await runner.upgrade("head") }
            let tables = try await SchemaIntrospection.tableNames(in: database.sql)
            #expect(tables.isEmpty)
        }
    }

    func notNullOverNulls() async throws {
        try await withThrowawayConnection(backend) { database in
            let runner = try runner(database, history)
            try await runner.upgrade("aaaa00000002")
            try await database.sql.raw("INSERT INTO users (id, email) VALUES (1, NULL), (2, NULL)").run()
            do {
                try await runner.upgrade("head")
                Issue.record("expected a failure")
            } catch {
                #expect(String(describing: error).contains("Cannot make users.email NOT NULL: 2 rows of 'users' hold NULL there."))
            }
            #expect(try await runner.current() == "aaaa00000002")
        }
    }

    func handEditedRevision() async throws {
        try await withThrowawayConnection(backend) { database in
            let runner = try runner(database, [CreateUsers.self, AddNickname.self, FillThenRequireEmail.self])
            try await runner.upgrade("aaaa00000002")
            try await database.sql.raw("INSERT INTO users (id, email) VALUES (1, NULL), (2, 'grace@example.com')").run()
            try await runner.upgrade("head")
            struct Row: Decodable, Equatable { var id: Int; var email: String }
            #expect(try await database.sql.raw("SELECT id, email FROM users ORDER BY id").all(decoding: Row.self)
                == [Row(id: 1, email: "unknown-1@example.com"), Row(id: 2, email: "grace@example.com")])
            let email = try await SchemaIntrospection.schema(of: database.sql).table(named: "users")?.column(named: "email")
            #expect(email?.nullable == false)
        }
    }

    func badRequests() async throws {
        try await withThrowawayConnection(backend) { database in
            let runner = try runner(database, history)
            try await runner.upgrade("aaaa00000001")
            await #expect(throws: RevisionError.unknownRevision("deadbeef")) { try await runner.upgrade("deadbeef") }
            await #expect(throws: RevisionError.belowBase(steps: 2, available: 1)) { try await runner.downgrade("-2") }
            await #expect(throws: RevisionError.beyondHead(steps: 5, available: 2)) { try await runner.upgrade("+5") }
            // The command line adds the command that does it.
            #expect(CommandLineMessage.text(for: RevisionError.belowBase(steps: 2, available: 1)).contains("Run `downgrade base`"))
            #expect(try await runner.current() == "aaaa00000001")
        }
    }

    func stamp() async throws {
        try await withThrowawayConnection(backend) { database in
            let runner = try runner(database, history)
            try await runner.stamp("head")
            #expect(try await runner.current() == "aaaa00000003")
            #expect(try await SchemaIntrospection.tableNames(in: database.sql) == [VersionTable.name])
            try await runner.stamp("base")
            #expect(try await runner.current() == nil)
        }
    }

    /// The server's start-up check: the database at head, and its schema
    /// what the models describe.
    func startUpCheck() async throws {
        try await withThrowawayConnection(backend) { database in
            func environment(_ target: @escaping @Sendable () throws -> SchemaMetadata) -> MigrationEnvironment {
                MigrationEnvironment(targetMetadata: target, revisions: history, versionsFolder: "Versions",
                                     configFile: "revisions.json", defaultDatabaseURL: "sqlite://")
            }
            func failure(_ environment: MigrationEnvironment) async -> String? {
                do {
                    try await environment.requireHead(of: database.sql, upgradeCommand: "swift run app upgrade head")
                    return nil
                } catch let error as CommandFailure {
                    return error.message
                } catch {
                    return "unexpected: \(error)"
                }
            }
            let behind = await failure(environment { try SchemaMetadata(models: User.self) })
            #expect(behind?.hasPrefix("The database is at revision base, but this code expects aaaa00000003 (head). "
                + "Run `swift run app upgrade head` first") == true, "\(behind ?? "no failure")")

            try await runner(database, history).upgrade("head")
            // At head, with models that match what the revisions made: the server starts.
            let live = try await comparedSchema(of: database.sql, dialect: database.dialect)
            #expect(await failure(environment { try SchemaMetadata(tables: live.tables) }) == nil)
            // At head, with models changed since the last revision: it refuses, naming the changes.
            let ahead = await failure(environment { try SchemaMetadata(models: User.self) })
            #expect(ahead?.hasPrefix("The database is at head, but the models need changes no revision makes yet: ") == true,
                    "\(ahead ?? "no failure")")
            #expect(ahead?.contains("Detected added column 'users.password'") == true, "\(ahead ?? "")")
            #expect(ahead?.hasSuffix("Run `swift run app revision --autogenerate -m \"…\"`, then `swift run app upgrade head`: "
                + "the server does not start on a database whose schema differs from its models.") == true, "\(ahead ?? "")")
        }
    }

    func concurrentUpgrades() async throws {
        try await withThrowawayDatabase(backend) { url in
            let first = try await EngineDatabase.open(url, create: true, busyTimeout: 10_000)
            let second = try await EngineDatabase.open(url, create: true, busyTimeout: 10_000)
            // Hold what every step takes first, so that both commands start,
            // read the version (base) and wait; then let them go together.
            // (On SQLite the holder gets a thread of its own: the two commands'
            // busy waits fill SQLiteNIO's shared two-thread pool, and the
            // holder's ROLLBACK must not queue behind them. Two processes, as
            // in real use, do not share one.)
            let holderThreads = NIOThreadPool(numberOfThreads: 1)
            holderThreads.start()
            defer { holderThreads.shutdownGracefully { _ in } }
            let holder: any SQLDatabase
            var holderConnection: SQLiteConnection?
            var holderDatabase: EngineDatabase?
            switch (backend, url) {
            case (.sqlite, .sqliteFile(let path)):
                let connection = try await SQLiteConnection.open(
                    storage: .file(path: path), threadPool: holderThreads, logger: Logger(label: "holder"),
                    on: MultiThreadedEventLoopGroup.singleton.any()
                )
                holderConnection = connection
                holder = connection.sql()
                try await holder.raw("BEGIN IMMEDIATE").run()
            default:
                let database = try await EngineDatabase.open(url, create: true)
                holderDatabase = database
                holder = database.sql
                try await holder.raw("SELECT pg_advisory_lock(\(literal: PostgresDialect.advisoryLockKey))").run()
            }
            let logs = (LogLines(), LogLines())
            // Each runner says when it is about to begin a step: by then it
            // has read the version, and what it begins waits for the holder.
            let arrivals = Arrivals()
            var runners = (try runner(first, history, log: logs.0), try runner(second, history, log: logs.1))
            runners.0.beforeEachStep = { await arrivals.arrive() }
            runners.1.beforeEachStep = { await arrivals.arrive() }
            let started = runners
            async let a: Error? = { do { try await started.0.upgrade("head"); return nil } catch { return error } }()
            async let b: Error? = { do { try await started.1.upgrade("head"); return nil } catch { return error } }()
            switch backend {
            case .sqlite:
                // SQLite cannot show who waits for its lock: wait until both
                // runners have reached their first step's BEGIN.
                await arrivals.wait(for: 2)
                try await holder.raw("ROLLBACK").run()
            case .postgresql:
                struct Waiting: Decodable { var count: Int }
                for _ in 0..<100 {
                    let waiting = try await holder.raw("SELECT count(*)::int8 AS count FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
                        .first(decoding: Waiting.self)?.count ?? 0
                    if waiting == 2 { break }
                    try await Task.sleep(for: .milliseconds(50))
                }
                try await holder.raw("SELECT pg_advisory_unlock(\(literal: PostgresDialect.advisoryLockKey))").run()
            }
            let errors = await [a, b].compactMap { $0 }
            // One command ran the first step; the other, waiting for the same
            // step, found the version moved and stopped.
            #expect(errors.count == 1, "\(errors)")
            for error in errors {
                guard case RunError.versionMoved? = error as? RunError else {
                    Issue.record("unexpected error: \(error)")
                    continue
                }
                #expect(String(describing: error).contains("Another command changed the database's revision"))
            }
            // Every step ran exactly once, whichever command ran it.
            #expect((logs.0.lines + logs.1.lines).sorted() == [
                "Running upgrade  -> aaaa00000001, create users table",
                "Running upgrade aaaa00000001 -> aaaa00000002, add nickname",
                "Running upgrade aaaa00000002 -> aaaa00000003, require email",
            ])
            #expect(try await runner(first, history).current() == "aaaa00000003")
            try await holderConnection?.close()
            try await holderDatabase?.close()
            try await first.close()
            try await second.close()
        }
    }
}

@Suite("Running revisions on SQLite: one transaction per step, the version table, and every fault")
struct RunnerTests {
    let checks = RunnerChecks(backend: .sqlite)

    @Test("upgrade head, downgrade -1, downgrade base: logged as Alembic logs, version recorded, rows kept")
    func upgradeAndDowngrade() async throws { try await checks.upgradeAndDowngrade() }

    @Test("revisions can be named by a unique prefix of their id")
    func prefixes() async throws { try await checks.prefixes() }

    @Test("a step that fails halfway is rolled back: schema, data and version as before")
    func failingStep() async throws { try await checks.failingStep() }

    @Test("a first step that fails leaves no version table behind")
    func failingFirstStep() async throws { try await checks.failingFirstStep() }

    @Test("NOT NULL over NULL rows: the step fails naming table, column and rows; nothing changes")
    func notNullOverNulls() async throws { try await checks.notNullOverNulls() }

    @Test("a revision edited by hand fills the NULLs, then requires the column")
    func handEditedRevision() async throws { try await checks.handEditedRevision() }

    @Test("an unknown revision, downgrade below base, upgrade past head: clear errors, nothing changed")
    func badRequests() async throws { try await checks.badRequests() }

    @Test("stamp records a revision without running it")
    func stamp() async throws { try await checks.stamp() }

    @Test("the server's start-up check: behind head, at head with matching models, at head with models ahead")
    func startUpCheck() async throws { try await checks.startUpCheck() }

    @Test("two upgrades started at once: each step runs once, the loser stops with a message")
    func concurrentUpgrades() async throws { try await checks.concurrentUpgrades() }

    @Test("a database locked by another connection: a clear error, nothing changed")
    func lockedDatabase() async throws {
        try await withEngineDatabase(busyTimeout: 100) { database, path in
            let other = try await SQLiteConnection.open(storage: .file(path: path))
            _ = try await other.query("BEGIN IMMEDIATE")
            do {
                try await checks.runner(database, checks.history).upgrade("head")
                Issue.record("expected the lock to stop the upgrade")
            } catch let error as ConnectionError {
                #expect(error == .databaseLocked("the database"))
                #expect(error.description.contains("locked by another connection"))
            }
            _ = try await other.query("ROLLBACK")
            try await other.close()
            #expect(try await SchemaIntrospection.tableNames(in: database.sql).isEmpty)
        }
    }

    @Test("a long run of steps commits each one without waiting for the disk, and leaves the journal as it found it")
    func longRun() async throws {
        try await withEngineDatabase { database, path in
            struct Mode: Decodable { var journal_mode: String }
            let log = LogLines()
            let runner = try checks.runner(database, checks.history + [AddBio.self, BrokenFifth.self], log: log)
            do {
                try await runner.upgrade("head")
                Issue.record("the fifth step should fail")
            } catch let error as RunError {
                guard case .stepFailed(let revision, _, _, let at) = error else { Issue.record("\(error)"); return }
                #expect(revision == "bbbb00000005" && at == ["aaaa00000004"])
            }
            // The four steps before it are kept, each committed on its own.
            #expect(log.lines.count == 5)
            // Foreign keys, off for the run's steps, are enforced again after the failed one.
            #expect(try await foreignKeysEnforced(database))
            #expect(try await runner.current() == "aaaa00000004")
            #expect(try await checks.columns(database.sql) == ["id", "email", "nickname", "bio"])
            // Back in the rollback journal, the log checkpointed and gone.
            #expect(try await database.sql.raw("PRAGMA journal_mode").first(decoding: Mode.self)?.journal_mode == "delete")
            #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
            try await runner.downgrade("base")
            #expect(try await database.sql.raw("PRAGMA journal_mode").first(decoding: Mode.self)?.journal_mode == "delete")
            #expect(try await foreignKeysEnforced(database), "and after a run that succeeded")
        }
    }

    private func foreignKeysEnforced(_ database: EngineDatabase) async throws -> Bool {
        struct Setting: Decodable { var foreign_keys: Int }
        return try await database.sql.raw("PRAGMA foreign_keys").first(decoding: Setting.self)?.foreign_keys == 1
    }

    @Test("a corrupt database file: a clear error, and the file is untouched")
    func corruptFile() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("corrupt-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let garbage = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        try garbage.write(to: URL(fileURLWithPath: path))
        await #expect(throws: ConnectionError.notADatabase(path: "sqlite:///\(path)")) {
            _ = try await EngineDatabase.open(.sqliteFile(path: path), create: true)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
    }

    @Test("a missing database file: read-only commands say so and create nothing")
    func missingFile() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("missing-\(UUID().uuidString).sqlite").path
        await #expect(throws: ConnectionError.noDatabase(path: path)) {
            _ = try await EngineDatabase.open(.sqliteFile(path: path), create: false)
        }
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(CommandLineMessage.text(for: ConnectionError.noDatabase(path: path)).contains("Run `upgrade head`"))
    }

    @Test("--dry-run prints every statement and keeps nothing")
    func dryRun() async throws {
        try await withEngineDatabase { database, _ in
            let log = LogLines()
            try await checks.runner(database, checks.history, log: log).upgrade("head", dryRun: true)
            let text = log.lines.joined(separator: "\n")
            #expect(text.contains(#"CREATE TABLE "users" ("id" INTEGER NOT NULL, "email" VARCHAR, PRIMARY KEY ("id"));"#))
            #expect(text.contains(#"CREATE UNIQUE INDEX "ix_users_email" ON "users" ("email");"#))
            // The version moves as Alembic moves it: INSERT from base, then UPDATE.
            #expect(text.contains(#"INSERT INTO "schema_revisions_version" (version_num) VALUES ('aaaa00000001');"#))
            #expect(text.contains(#"UPDATE "schema_revisions_version" SET version_num = 'aaaa00000003' WHERE version_num = 'aaaa00000002';"#))
            #expect(!text.contains(#"DELETE FROM "schema_revisions_version""#))
            // SQLite's ALTER TABLE cannot make a column NOT NULL: the table is rebuilt.
            #expect(text.contains(#"CREATE TABLE "_schema_revisions_new_users" ("id" INTEGER NOT NULL, "email" VARCHAR NOT NULL, "nickname" VARCHAR, PRIMARY KEY ("id"));"#))
            #expect(text.contains(#"ALTER TABLE "_schema_revisions_new_users" RENAME TO "users";"#))
            #expect(try await SchemaIntrospection.tableNames(in: database.sql).isEmpty)
        }
    }

    @Test("histories that cannot be followed (a duplicate id, a missing parent, a circle) are refused with a message")
    func badHistories() throws {
        enum Orphan: SchemaRevision {
            static let id = "dddd00000001"; static let parent: String? = "ffff"; static let message = "orphan"
            static func upgrade(_ op: SchemaOperations) async throws {}
            static func downgrade(_ op: SchemaOperations) async throws {}
        }
        enum Sibling: SchemaRevision {
            static let id = "dddd00000002"; static let parent: String? = "aaaa00000001"; static let message = "sibling"
            static func upgrade(_ op: SchemaOperations) async throws {}
            static func downgrade(_ op: SchemaOperations) async throws {}
        }
        #expect(throws: RevisionError.duplicateID("aaaa00000001")) { try RevisionGraph([CreateUsers.self, CreateUsers.self]) }
        #expect(throws: RevisionError.missingParent(revision: "dddd00000001", parent: "ffff")) { try RevisionGraph([Orphan.self]) }
        enum Loop: SchemaRevision {
            static let id = "dddd00000003"; static let parents = ["dddd00000004"]; static let message = "loop"
            static func upgrade(_ op: SchemaOperations) async throws {}
            static func downgrade(_ op: SchemaOperations) async throws {}
        }
        enum LoopBack: SchemaRevision {
            static let id = "dddd00000004"; static let parent: String? = "dddd00000003"; static let message = "loop back"
            static func upgrade(_ op: SchemaOperations) async throws {}
            static func downgrade(_ op: SchemaOperations) async throws {}
        }
        #expect(throws: RevisionError.cycle(["dddd00000003", "dddd00000004"])) { try RevisionGraph([Loop.self, LoopBack.self]) }
        // Two revisions on one parent are two heads, not an error.
        #expect(try RevisionGraph([CreateUsers.self, AddNickname.self, Sibling.self]).heads == ["aaaa00000002", "dddd00000002"])
    }
}

@Suite("Running revisions on PostgreSQL: the same checks, ALTER COLUMN instead of rebuilds, and the server's faults", .postgres)
struct RunnerPostgresTests {
    let checks = RunnerChecks(backend: .postgresql)

    @Test("upgrade head, downgrade -1, downgrade base: logged as Alembic logs, version recorded, rows kept")
    func upgradeAndDowngrade() async throws { try await checks.upgradeAndDowngrade() }

    @Test("revisions can be named by a unique prefix of their id")
    func prefixes() async throws { try await checks.prefixes() }

    @Test("a step that fails halfway is rolled back: schema, data and version as before")
    func failingStep() async throws { try await checks.failingStep() }

    @Test("a first step that fails leaves no version table behind")
    func failingFirstStep() async throws { try await checks.failingFirstStep() }

    @Test("NOT NULL over NULL rows: the step fails naming table, column and rows; nothing changes")
    func notNullOverNulls() async throws { try await checks.notNullOverNulls() }

    @Test("a revision edited by hand fills the NULLs, then requires the column")
    func handEditedRevision() async throws { try await checks.handEditedRevision() }

    @Test("an unknown revision, downgrade below base, upgrade past head: clear errors, nothing changed")
    func badRequests() async throws { try await checks.badRequests() }

    @Test("stamp records a revision without running it")
    func stamp() async throws { try await checks.stamp() }

    @Test("the server's start-up check: behind head, at head with matching models, at head with models ahead")
    func startUpCheck() async throws { try await checks.startUpCheck() }

    @Test("two upgrades started at once: each step runs once, the loser stops with a message")
    func concurrentUpgrades() async throws { try await checks.concurrentUpgrades() }

    @Test("--dry-run prints ALTER COLUMN, an identity primary key, and keeps nothing")
    func dryRun() async throws {
        try await withThrowawayConnection(.postgresql) { database in
            let log = LogLines()
            try await checks.runner(database, checks.history, log: log).upgrade("head", dryRun: true)
            let text = log.lines.joined(separator: "\n")
            #expect(text.contains(#"CREATE TABLE "users" ("id" BIGINT GENERATED BY DEFAULT AS IDENTITY NOT NULL, "email" VARCHAR, PRIMARY KEY ("id"));"#))
            #expect(text.contains(#"ALTER TABLE "users" ADD "nickname" VARCHAR;"#))
            #expect(text.contains(#"ALTER TABLE "users" ALTER COLUMN "email" SET NOT NULL;"#))
            #expect(!text.contains("_schema_revisions_new_"), "no table rebuilds on PostgreSQL")
            #expect(try await SchemaIntrospection.tableNames(in: database.sql).isEmpty)
        }
    }

    @Test("type changes: a value that does not fit fails the step and nothing is cut; a default survives the change")
    func typeChanges() async throws {
        try await withThrowawayConnection(.postgresql) { database in
            let db = database.sql
            let op = try SchemaOperations(database: db)
            try await op.createTable("items", [
                .column("id", .integer, nullable: false),
                .column("code", .string(), nullable: true),
                .column("count", .integer, nullable: false, default: .integer(0)),
                .primaryKey("id"),
            ])
            try await db.raw("INSERT INTO items (id, code) VALUES (1, 'ABCDEFGH')").run()

            // VARCHAR → VARCHAR(3) over an 8-character value: refused, not truncated, naming the value.
            await #expect(throws: OperationError.valueDoesNotFit(table: "items", column: "code", type: "VARCHAR(3)", value: "ABCDEFGH",
                                                                 reason: "value too long for type character varying(3)")) {
                try await applyInTransaction([.alterColumn(table: "items", from: .init(name: "code", type: .string(), nullable: true),
                                                           to: .init(name: "code", type: .string(length: 3), nullable: true))], on: db)
            }
            struct Code: Decodable { var code: String }
            #expect(try await db.raw("SELECT code FROM items").first(decoding: Code.self)?.code == "ABCDEFGH")

            // INTEGER DEFAULT 0 → DOUBLE PRECISION: the default is dropped, the type changed, the default put back.
            try await applyInTransaction([.alterColumn(table: "items",
                                                       from: .init(name: "count", type: .integer, nullable: false, defaultValue: .integer(0)),
                                                       to: .init(name: "count", type: .double, nullable: false, defaultValue: .integer(0)))], on: db)
            let count = try await SchemaIntrospection.schema(of: db).table(named: "items")?.column(named: "count")
            #expect(count == ColumnMetadata(name: "count", type: .double, nullable: false, defaultValue: .integer(0)))

            // VARCHAR → BIGINT has no automatic conversion: a revision says how.
            try await db.raw("UPDATE items SET code = '42'").run()
            try await op.alterColumn("items", "code", type: .integer, postgresqlUsing: "code::bigint")
            struct Number: Decodable { var code: Int }
            #expect(try await db.raw("SELECT code FROM items").first(decoding: Number.self)?.code == 42)
        }
    }

    @Test("a table locked by another session: the step waits lock_timeout, then stops cleanly; nothing changed")
    func lockedTable() async throws {
        try await withThrowawayDatabase(.postgresql) { url in
            let database = try await EngineDatabase.open(url, create: true, busyTimeout: 200)
            let other = try await EngineDatabase.open(url, create: true)
            let runner = try checks.runner(database, checks.history)
            try await runner.upgrade("aaaa00000001")
            try await other.sql.raw("BEGIN").run()
            try await other.sql.raw("LOCK TABLE users IN ACCESS EXCLUSIVE MODE").run()
            do {
                try await runner.upgrade("head")
                Issue.record("expected the lock to stop the upgrade")
            } catch let error as ConnectionError {
                #expect(error == .databaseLocked("the database"))
            }
            try await other.sql.raw("ROLLBACK").run()
            #expect(try await runner.current() == "aaaa00000001")
            #expect(try await checks.columns(database.sql) == ["id", "email"])
            try await other.close()
            try await database.close()
        }
    }

    @Test("a server that is not running, a database that does not exist, a wrong password: errors that say what to do")
    func connectionFaults() async throws {
        let server = try #require(TestBackend.postgresServerURL)
        var parts = try #require(URLComponents(string: server))

        var noServer = parts
        noServer.port = 1
        do {
            _ = try await EngineDatabase.open(try DatabaseURL(try #require(noServer.string)), create: true)
            Issue.record("expected no server on port 1")
        } catch {
            let text = String(describing: error)
            #expect(text.contains("no PostgreSQL server answered at \(parts.host ?? ""):1"), "\(text)")
            #expect(!text.contains(":\(parts.password ?? "--")@"), "the password is not printed")
        }

        parts.path = "/no_such_database_\(UUID().uuidString.prefix(8).lowercased())"
        do {
            _ = try await EngineDatabase.open(try DatabaseURL(try #require(parts.string)), create: true)
            Issue.record("expected no such database")
        } catch {
            guard case ConnectionError.noPostgresDatabase(_, let command)? = error as? ConnectionError else {
                Issue.record("unexpected: \(error)"); return
            }
            #expect(command.hasPrefix("createdb -h \(parts.host ?? "")"))
            #expect(CommandLineMessage.text(for: error).contains("then run `upgrade head`"))
        }

        parts.path = URLComponents(string: server)?.path ?? ""
        parts.password = "wrong-password"
        do {
            _ = try await EngineDatabase.open(try DatabaseURL(try #require(parts.string)), create: true)
            Issue.record("expected a wrong password to be refused")
        } catch {
            let text = CommandLineMessage.text(for: error)
            #expect(text.contains("password authentication failed"), "\(text)")
            #expect(text.contains("Check the user and password"))
            #expect(!text.contains("wrong-password"), "the password is not printed")
        }
    }
}
