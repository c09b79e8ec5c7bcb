import SQLKit

/// Renders the SQL of `upgrade` and `downgrade` from the revisions alone,
/// with no database: Alembic's offline mode (`alembic upgrade head --sql`),
/// for a DBA to review or to run by hand.
///
/// The revisions before the range are followed silently in a
/// ``TrackedSchema``, so a SQLite rebuild knows the columns of the table it
/// rebuilds and PostgreSQL the default it keeps across a type change. Each
/// step is framed as the engine runs it: one transaction, its version
/// update included (``Dialect/offlineFrame``). Checks the engine makes on
/// the rows (NULLs before NOT NULL) become comments saying what must hold;
/// a revision that needs the live database to be rendered (it changes a
/// table that an earlier `op.execute` changed) fails with
/// ``OfflineError/needsDatabase(revision:table:changedBy:)``.
package struct OfflineRenderer: Sendable {
    /// The database's dialect (from its URL; nothing is connected).
    package let dialect: any Dialect
    /// The project's revisions.
    package let graph: RevisionGraph
    /// Where the SQL goes, line by line.
    package let log: @Sendable (String) -> Void

    package init(dialect: any Dialect, graph: RevisionGraph, log: @escaping @Sendable (String) -> Void) {
        self.dialect = dialect
        self.graph = graph
        self.log = log
    }

    /// `upgrade [FROM:]TO --sql`: from base, or from the revision `FROM`
    /// names (`head`, `heads`, `base` or an id), to `TO` (as `upgrade` takes it).
    package func upgrade(_ range: String) async throws {
        let (from, to) = Self.split(range)
        let start = try from.map(graph.stampRows) ?? []
        try await render(try graph.upgradeSteps(to, from: start), from: start)
    }

    /// `downgrade FROM:TO --sql`: there is no database to say where to start,
    /// so the range must (`head:-1`, `head:base`, `a1b2c3:d4e5f6`).
    package func downgrade(_ range: String) async throws {
        let (from, to) = Self.split(range)
        guard let from else { throw OfflineError.downgradeNeedsStart(range) }
        let start = try graph.stampRows(from)
        try await render(try graph.downgradeSteps(to, from: start), from: start)
    }

    /// `FROM:TO` as its two parts; `TO` alone has no `FROM`.
    private static func split(_ range: String) -> (from: String?, to: String) {
        guard let colon = range.firstIndex(of: ":") else { return (nil, range) }
        return (String(range[..<colon]), String(range[range.index(after: colon)...]))
    }

    private func render(_ steps: [RevisionGraph.Step], from start: [String]) async throws {
        let tracked = TrackedSchema()
        let database = OfflineDatabase(dialect: dialect.sqlDialect)
        // The schema at `start`, as the revisions before it define it, shown to no one.
        let silent = SchemaOperations(database: database, dialect: dialect, tracked: tracked)
        for step in graph.stepsReaching(start) {
            try await perform(step, silent, tracked)
        }
        guard !steps.isEmpty else { return }
        let say = Self.sqlLines(log)
        let operations = SchemaOperations(database: database, dialect: dialect, onStatement: say, tracked: tracked)
        let frame = dialect.offlineFrame
        frame.beforeRun.forEach(say)
        for step in steps {
            log("-- " + step.progressLine)
            say(frame.beginStep)
            try await perform(step, operations, tracked)
            frame.beforeCommit.forEach(say)
            say("COMMIT")
        }
        frame.afterRun.forEach(say)
    }

    private func perform(_ step: RevisionGraph.Step, _ operations: SchemaOperations, _ tracked: TrackedSchema) async throws {
        tracked.update { $0.revision = step.node.id }
        // The tracked schema says whether the engine's tables exist yet.
        try await step.perform(on: operations, engineTablesExist: false)
    }

    /// Each statement ends with `;`; comments (`-- …`) stay as they are.
    package static func sqlLines(_ log: @escaping @Sendable (String) -> Void) -> @Sendable (String) -> Void {
        { line in log(line.hasPrefix("--") ? line : line + ";") }
    }
}
