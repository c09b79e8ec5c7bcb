import SQLKit

/// Runs revisions against a database: Alembic's `upgrade`, `downgrade`,
/// `current` and `stamp`.
///
/// Each revision step runs in one transaction, version update included:
/// SQLite's and PostgreSQL's DDL are transactional, so a step that fails
/// halfway leaves the schema, the data and the version exactly as they were.
/// (Alembic's SQLite support runs DDL outside a transaction; a failure there
/// can leave half a step applied.) On SQLite, foreign-key enforcement is
/// turned off around each step — table rebuilds need it off — and every key
/// is checked before the step commits. On PostgreSQL each step first takes a
/// transaction-level advisory lock, so two commands started at once run one
/// after the other; on both, a step re-reads the version inside its
/// transaction and stops if another command has moved it.
public struct RevisionRunner: Sendable {
    /// The database.
    public let database: any SQLDatabase
    /// The project's revisions.
    public let graph: RevisionGraph
    /// Where progress lines (`Running upgrade  -> id, message`) go.
    public let log: @Sendable (String) -> Void

    /// A runner for `graph` on `database`.
    public init(database: any SQLDatabase, graph: RevisionGraph, log: @escaping @Sendable (String) -> Void) {
        self.database = database
        self.graph = graph
        self.log = log
    }

    /// The revision the database is at (`nil` at base).
    public func current() async throws -> String? {
        let current = try await VersionTable.current(in: database)
        if let current { _ = try graph.position(of: current) }
        return current
    }

    /// `upgrade head|+N|REV`. With `sql`, prints every statement instead of
    /// keeping its effect: the steps run in a transaction that is rolled
    /// back, so the SQL shown is exactly what would run.
    public func upgrade(_ spec: String, sql: Bool = false) async throws {
        let start = try graph.position(of: try await current())
        let target = try graph.upgradeTarget(spec, from: start)
        guard target > start else { return }
        let steps = Array(graph.ordered[(start + 1)...target])
        try await run(steps.map { ($0, true) }, sql: sql)
    }

    /// `downgrade -N|base|REV`; `sql` as for ``upgrade(_:sql:)``.
    public func downgrade(_ spec: String, sql: Bool = false) async throws {
        let start = try graph.position(of: try await current())
        let target = try graph.downgradeTarget(spec, from: start)
        guard target < start else { return }
        let steps = Array(graph.ordered[(target + 1)...start].reversed())
        try await run(steps.map { ($0, false) }, sql: sql)
    }

    /// `stamp REV|head|base`: record a revision without running anything.
    public func stamp(_ spec: String) async throws {
        let id: String? = switch spec {
        case "base": nil
        case "head", "heads": graph.head
        default: try graph.resolve(spec).id
        }
        try await transaction(rollback: false) { operations in
            try await VersionTable.set(id, on: operations)
        }
    }

    private func run(_ steps: [(node: RevisionGraph.Node, up: Bool)], sql: Bool) async throws {
        let log = self.log
        let sqlLog: (@Sendable (String) -> Void)? = sql ? { @Sendable statement in log(statement + ";") } : nil
        if sql {
            // One transaction for all steps, rolled back: later steps see earlier ones.
            try await transaction(rollback: true, onStatement: sqlLog) { operations in
                for step in steps { try await perform(step.node, up: step.up, operations: operations, comment: true) }
            }
            return
        }
        for step in steps {
            let before = try await VersionTable.current(in: database)
            let expected = step.up ? step.node.parent : step.node.id
            do {
                try await transaction(rollback: false) { operations in
                    // Inside the transaction (and, on PostgreSQL, the lock): is the
                    // database still where this step starts?
                    let found = try await VersionTable.current(in: database)
                    guard found == expected else { throw RunError.versionMoved(expected: expected, found: found) }
                    try await perform(step.node, up: step.up, operations: operations)
                }
            } catch let error as RunError {
                throw error
            } catch {
                if let locked = Self.translate(error) as? RunError { throw locked }
                throw RunError.stepFailed(revision: step.node.id, direction: step.up ? "upgrade" : "downgrade",
                                          reason: DatabaseErrorText.describe(error), at: before)
            }
        }
    }

    /// Runs one step; `comment` writes the progress line as an SQL comment (for `--sql`).
    private func perform(_ node: RevisionGraph.Node, up: Bool, operations: SchemaOperations, comment: Bool = false) async throws {
        let prefix = comment ? "-- " : ""
        if up {
            log(prefix + "Running upgrade \(node.parent ?? "") -> \(node.id), \(node.message)")
            try await node.revision.upgrade(operations)
            try await VersionTable.set(node.id, on: operations)
        } else {
            log(prefix + "Running downgrade \(node.id) -> \(node.parent ?? ""), \(node.message)")
            try await node.revision.downgrade(operations)
            try await VersionTable.set(node.parent, on: operations)
        }
    }

    /// Runs `body` in one transaction with foreign keys off, checks them, and
    /// commits (or rolls back, with `rollback` or on any error).
    private func transaction(
        rollback: Bool, onStatement: (@Sendable (String) -> Void)? = nil,
        _ body: (SchemaOperations) async throws -> Void
    ) async throws {
        let sqlite = SQLDialectName(of: database) == .sqlite
        if sqlite { try await database.raw("PRAGMA foreign_keys = OFF").run() }
        do {
            try await database.raw(sqlite ? "BEGIN IMMEDIATE" : "BEGIN").run()
            if !sqlite {
                // Held until COMMIT or ROLLBACK. Another command's step waits here
                // for as long as that step runs (up to 10 minutes), not just the
                // connection's short lock_timeout, which then applies again.
                struct Setting: Decodable { var lock_timeout: String }
                let previous = try await database.raw("SELECT current_setting('lock_timeout') AS lock_timeout")
                    .first(decoding: Setting.self)?.lock_timeout ?? "0"
                try await database.raw("SELECT set_config('lock_timeout', '10min', true)").run()
                try await database.raw("SELECT pg_advisory_xact_lock(\(literal: Self.advisoryLockKey))").run()
                try await database.raw("SELECT set_config('lock_timeout', \(bind: previous), true)").run()
            }
        } catch {
            if !sqlite { try? await database.raw("ROLLBACK").run() }
            if sqlite { try? await database.raw("PRAGMA foreign_keys = ON").run() }
            throw Self.translate(error)
        }
        do {
            try await body(SchemaOperations(database: database, onStatement: onStatement))
            if sqlite { try await checkForeignKeys() }
            try await database.raw(rollback ? "ROLLBACK" : "COMMIT").run()
        } catch {
            try? await database.raw("ROLLBACK").run()
            if sqlite { try? await database.raw("PRAGMA foreign_keys = ON").run() }
            throw error
        }
        if sqlite { try await database.raw("PRAGMA foreign_keys = ON").run() }
    }

    private func checkForeignKeys() async throws {
        struct Violation: Decodable { var table: String; var rowid: Int?; var parent: String }
        let violations = try await database.raw("PRAGMA foreign_key_check").all(decoding: Violation.self)
        if let first = violations.first {
            throw ForeignKeyViolation(table: first.table, parent: first.parent, count: violations.count)
        }
    }

    /// The advisory lock every step takes on PostgreSQL (an arbitrary
    /// constant: "schema_revisions" as the first bytes of an Int64).
    static let advisoryLockKey: Int64 = 0x7363_6865_6d61_5f72

    /// A lock held by another connection, in the engine's words.
    private static func translate(_ error: any Error) -> any Error {
        if case RunError.databaseLocked? = RunError.from(error, url: .sqliteMemory) as? RunError {
            return RunError.databaseLocked("the database")
        }
        return error
    }
}

/// Rows left pointing at rows that do not exist, found before a step commits.
public struct ForeignKeyViolation: Error, CustomStringConvertible, Equatable {
    /// The table holding the dangling references.
    public let table: String
    /// The table they should point into.
    public let parent: String
    /// How many there are.
    public let count: Int

    public var description: String {
        "\(count) row\(count == 1 ? "" : "s") of '\(table)' would point at rows of '\(parent)' that do not exist (PRAGMA foreign_key_check)."
    }
}
