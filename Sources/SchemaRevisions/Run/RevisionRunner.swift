import SQLKit

/// Runs revisions against a database: Alembic's `upgrade`, `downgrade`,
/// `current` and `stamp`.
///
/// Each revision step runs in one transaction, version update included:
/// SQLite's and PostgreSQL's DDL are transactional, so a step that fails
/// halfway leaves the schema, the data and the version exactly as they were.
/// (Alembic's SQLite support runs DDL outside a transaction; a failure there
/// can leave half a step applied.) What a step does around its operations
/// is the dialect's: its hooks begin the step, check it before `COMMIT`
/// (SQLite's foreign keys) and end it, and may prepare a run of several
/// steps (SQLite's write-ahead log). A step re-reads the version inside
/// its transaction and stops if another command has moved it.
package struct RevisionRunner: Sendable {
    /// The database.
    package let database: any SQLDatabase
    /// Its dialect, chosen once.
    package let dialect: any Dialect
    /// The project's revisions.
    package let graph: RevisionGraph
    /// Where progress lines (`Running upgrade  -> id, message`) go.
    package let log: @Sendable (String) -> Void
    /// Called before each step begins its transaction (for tests that must
    /// know a step is about to wait for a lock).
    package var beforeEachStep: (@Sendable () async -> Void)?

    /// A runner for `graph` on the engine's connection.
    package init(_ database: EngineDatabase, graph: RevisionGraph, log: @escaping @Sendable (String) -> Void) {
        self.database = database.sql
        self.dialect = database.dialect
        self.graph = graph
        self.log = log
    }

    /// A runner for `graph` on `database`, in its connection's dialect.
    package init(database: any SQLDatabase, graph: RevisionGraph, log: @escaping @Sendable (String) -> Void) throws {
        self.database = database
        self.dialect = try Dialects.dialect(for: database)
        self.graph = graph
        self.log = log
    }

    /// The revisions the database is at, in the history's order: none at
    /// base, one for a linear history, one per branch while branches are
    /// not merged (Alembic's `current`).
    package func currentHeads() async throws -> [String] {
        try graph.inOrder(try await VersionTable.rows(in: database, dialect: dialect))
    }

    /// The revision the database is at (`nil` at base); throws
    /// ``RevisionError/multipleHeads(argument:heads:)`` when it is at
    /// several (``currentHeads()`` lists them).
    package func current() async throws -> String? {
        let heads = try await currentHeads()
        guard heads.count <= 1 else { throw RevisionError.multipleHeads(argument: "current", heads: heads) }
        return heads.first
    }

    /// Throws ``RunError/databaseBehind(current:head:)`` unless the
    /// database is at the head, or ``RunError/unmergedHeads(_:)`` while the
    /// history has several: for a server that must not start on a schema
    /// older (or newer) than its code.
    package func requireHead() async throws {
        try graph.requireHead(current: try await VersionTable.rows(in: database, dialect: dialect))
    }

    /// `upgrade head|heads|+N|REV`. With `dryRun`, prints every statement
    /// instead of keeping its effect: the steps run in a transaction that is
    /// rolled back, so the SQL shown is exactly what would run, checked by
    /// the database. (``OfflineRenderer`` renders SQL with no database.)
    package func upgrade(_ spec: String, dryRun: Bool = false) async throws {
        let steps = try graph.upgradeSteps(spec, from: try await currentHeads())
        guard !steps.isEmpty else { return }
        try await run(steps, dryRun: dryRun)
    }

    /// `downgrade -N|base|REV`; `dryRun` as for ``upgrade(_:dryRun:)``.
    package func downgrade(_ spec: String, dryRun: Bool = false) async throws {
        let steps = try graph.downgradeSteps(spec, from: try await currentHeads())
        guard !steps.isEmpty else { return }
        try await run(steps, dryRun: dryRun)
    }

    /// `stamp REV|head|heads|base`: record revisions without running
    /// anything. `dropping` names tables to drop in the same transaction
    /// (`stamp --drop-alembic-version`: Alembic's version table, once its
    /// database is adopted).
    package func stamp(_ spec: String, dropping tables: [String] = []) async throws {
        let rows = try graph.stampRows(spec)
        try await transaction(rollback: false, at: .only) { operations in
            try await VersionTable.set(rows, on: operations)
            for table in tables { try await operations.dropTable(table) }
        }
    }

    /// Runs `body` as one step would run, in the same transaction and
    /// hooks, without recording a revision: for applying detected changes
    /// directly.
    package func step(_ body: (SchemaOperations) async throws -> Void) async throws {
        try await transaction(rollback: false, at: .only, body)
    }

    private func run(_ steps: [RevisionGraph.Step], dryRun: Bool) async throws {
        let sqlLog: (@Sendable (String) -> Void)? = dryRun ? OfflineRenderer.sqlLines(log) : nil
        if dryRun {
            // One transaction for all steps, rolled back: later steps see earlier ones.
            try await transaction(rollback: true, at: .only, onStatement: sqlLog) { operations in
                var versionTableExists = false
                for step in steps {
                    try await perform(step, operations: operations, comment: true, versionTableExists: versionTableExists)
                    versionTableExists = true
                }
            }
            return
        }
        let endSteps = await dialect.beginSteps(steps.count, on: database)
        do {
            try await runSteps(steps)
        } catch {
            await endSteps()
            throw error
        }
        await endSteps()
    }

    /// Runs each step in its own transaction.
    private func runSteps(_ steps: [RevisionGraph.Step]) async throws {
        // Once a step of this command has committed, the version table
        // exists: later steps skip looking for it (one round trip each).
        var versionTableExists = false
        for (index, step) in steps.enumerated() {
            let expected = step.before
            do {
                try await transaction(rollback: false, at: StepPosition(index, of: steps.count)) { operations in
                    // Inside the transaction (and, on PostgreSQL, the lock): is the
                    // database still where this step starts?
                    let found = try await VersionTable.rows(in: database, dialect: dialect, knownToExist: versionTableExists)
                    guard found == expected else { throw RunError.versionMoved(expected: expected, found: found) }
                    try await perform(step, operations: operations, versionTableExists: versionTableExists)
                }
                versionTableExists = true
            } catch let error as RunError {
                throw error
            } catch let error as ConnectionError {
                throw error
            } catch {
                if let locked = translate(error) as? ConnectionError { throw locked }
                // The step checked, in its transaction, that the database was at `expected`.
                throw RunError.stepFailed(revision: step.node.id, direction: step.up ? "upgrade" : "downgrade",
                                          reason: DatabaseErrorText.describe(error), at: expected)
            }
        }
    }

    /// Runs one step, which starts where the step before it (or the
    /// database, read in the step's transaction) left the version, and
    /// records its checksum (``RevisionChecksums``); `comment`
    /// writes the progress line as an SQL comment (for `--sql`). The line
    /// names every parent of a merge: `Running upgrade a1, b2 -> m3, merge`.
    private func perform(
        _ step: RevisionGraph.Step, operations: SchemaOperations, comment: Bool = false, versionTableExists: Bool
    ) async throws {
        log((comment ? "-- " : "") + step.progressLine)
        try await step.perform(on: operations, engineTablesExist: versionTableExists)
    }

    /// Runs `body` in one transaction between the dialect's step hooks,
    /// and commits (or rolls back, with `rollback` or on any error).
    /// `position` is the step's place in its run, for the dialect's hooks.
    private func transaction(
        rollback: Bool, at position: StepPosition, onStatement: (@Sendable (String) -> Void)? = nil,
        _ body: (SchemaOperations) async throws -> Void
    ) async throws {
        await beforeEachStep?()
        do {
            try await dialect.beginStep(on: database, at: position)
        } catch {
            throw translate(error)
        }
        do {
            try await body(SchemaOperations(database: database, dialect: dialect, onStatement: onStatement))
            try await dialect.checkBeforeCommit(on: database)
            try await database.raw(rollback ? "ROLLBACK" : "COMMIT").run()
        } catch {
            try? await database.raw("ROLLBACK").run()
            try? await dialect.endStep(on: database, at: position.endingTheRun)
            throw error
        }
        try await dialect.endStep(on: database, at: position)
    }

    /// A lock held by another connection, in the engine's words.
    private func translate(_ error: any Error) -> any Error {
        if case ConnectionError.databaseLocked? = dialect.engineError(for: error, url: nil) as? ConnectionError {
            return ConnectionError.databaseLocked("the database")
        }
        return error
    }
}

extension RevisionGraph.Step {
    /// The step's work, inside its transaction: the revision's `upgrade` or
    /// `downgrade`, the version move, and the checksum
    /// (``RevisionChecksums``). With `engineTablesExist`, the version and
    /// checksum tables are not looked for first.
    func perform(on operations: SchemaOperations, engineTablesExist: Bool) async throws {
        if up {
            try await node.revision.upgrade(operations)
        } else {
            try await node.revision.downgrade(operations)
        }
        try await VersionTable.move(from: before, to: after, on: operations, knownToExist: engineTablesExist)
        try await RevisionChecksums.record(self, on: operations, knownToExist: engineTablesExist)
    }
}
