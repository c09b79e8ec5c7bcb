import Crypto
import SQLKit

/// Tamper checks: what each applied revision did, recorded when it ran, so
/// that a revision file edited after it was applied is noticed.
///
/// Alembic records only the revision a database is at; edit an applied
/// revision and nothing says so, and a database upgraded before the edit
/// silently differs from one upgraded after. Flyway records a checksum of
/// each applied migration and refuses to go on until it is repaired; this
/// engine warns, naming the file, and `repair` records the file as it is.
///
/// The checksum is a SHA-256 of the revision's operations (upgrade and
/// downgrade), recorded without a database (``OperationRecorder``) and
/// spelled out by ``SchemaOperation/canonicalLine``: comments, formatting
/// and the SQL a newer engine would render for the same operations do not
/// change it; any change to what the revision does does. It is written in
/// its own table, in the step's transaction: a row per applied revision,
/// gone when the revision is downgraded. A revision changed before it is
/// applied is simply applied as it is.
package enum RevisionChecksums {
    /// The table: `revision`, `checksum`.
    package static let tableName = "schema_revisions_checksums"

    /// The checksum of `revision`'s operations, 64 hex digits.
    package static func checksum(of revision: any SchemaRevision.Type) async throws -> String {
        let upgrade = OperationRecorder()
        try await revision.upgrade(SchemaOperations(recordingInto: upgrade))
        let downgrade = OperationRecorder()
        try await revision.downgrade(SchemaOperations(recordingInto: downgrade))
        let text = (["schema-revisions checksum 1", "upgrade"] + upgrade.operations.map(\.canonicalLine)
            + ["downgrade"] + downgrade.operations.map(\.canonicalLine)).joined(separator: "\n")
        return SHA256.hash(data: Array(text.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// Records (or, for a downgrade, forgets) `step`'s revision, in the
    /// step's transaction. Creates the table on first use; with
    /// `knownToExist`, it does not look for it first.
    static func record(_ step: RevisionGraph.Step, on operations: SchemaOperations, knownToExist: Bool) async throws {
        if !knownToExist { try await createIfMissing(on: operations) }
        let revision = literal(step.node.id)
        if step.up {
            let checksum = try await checksum(of: step.node.revision)
            // A row may be left from before a `stamp` moved the version back.
            try await operations.execute(
                "INSERT INTO \(quoted(tableName)) (revision, checksum) VALUES (\(revision), '\(checksum)') "
                    + "ON CONFLICT (revision) DO UPDATE SET checksum = excluded.checksum")
        } else {
            try await operations.execute("DELETE FROM \(quoted(tableName)) WHERE revision = \(revision)")
        }
    }

    /// The recorded checksums, by revision; none when the table does not exist.
    package static func recorded(in database: any SQLDatabase, dialect: any Dialect) async throws -> [String: String] {
        guard try await dialect.tableNames(in: database).contains(tableName) else { return [:] }
        struct Row: Decodable { var revision: String; var checksum: String }
        let rows = try await database.raw("SELECT revision, checksum FROM \(ident: tableName)").all(decoding: Row.self)
        return Dictionary(rows.map { ($0.revision, $0.checksum) }, uniquingKeysWith: { first, _ in first })
    }

    /// The applied revisions (those the version rows `current` come
    /// after) whose operations are no longer the ones that ran, in the
    /// history's order. Revisions applied before checksums were recorded
    /// (or only stamped) have no row and are not checked.
    package static func changed(
        in database: any SQLDatabase, dialect: any Dialect, graph: RevisionGraph, current: [String]
    ) async throws -> [String] {
        let recorded = try await recorded(in: database, dialect: dialect)
        guard !recorded.isEmpty else { return [] }
        let applied = graph.ancestors(of: current.filter { graph.node($0) != nil })
        var changed: [String] = []
        for node in graph.ordered where applied.contains(node.id) {
            guard let stored = recorded[node.id] else { continue }
            if try await checksum(of: node.revision) != stored { changed.append(node.id) }
        }
        return changed
    }

    /// Records the revisions `ids` as their files are now (`repair`), in one transaction.
    package static func accept(_ ids: [String], in database: any SQLDatabase, dialect: any Dialect, graph: RevisionGraph) async throws {
        var statements: [String] = []
        for id in ids {
            guard let node = graph.node(id) else { throw RevisionError.unknownRevision(id) }
            let checksum = try await checksum(of: node.revision)
            statements.append("UPDATE \(quoted(tableName)) SET checksum = '\(checksum)' WHERE revision = \(literal(id))")
        }
        try await database.raw("BEGIN").run()
        do {
            for statement in statements { try await database.execute(sql: SQLRaw(statement)) { _ in } }
            try await database.raw("COMMIT").run()
        } catch {
            try? await database.raw("ROLLBACK").run()
            throw error
        }
    }

    private static func createIfMissing(on operations: SchemaOperations) async throws {
        if !(try await operations.ddl.tableNames().contains(tableName)) {
            try await operations.createTable(tableName, [
                .column("revision", .string(length: 32), nullable: false),
                .column("checksum", .string(length: 64), nullable: false),
                .primaryKey("revision"),
            ])
        }
    }

    private static func quoted(_ identifier: String) -> String { "\"\(identifier)\"" }
    private static func literal(_ value: String) -> String { "'\(value.replacingOccurrences(of: "'", with: "''"))'" }
}
