import SQLKit

/// The table that records which revision a database is at: Alembic's
/// `alembic_version`. One column; one row per branch the database is on
/// (one for a linear history), no row at base.
package enum VersionTable {
    /// Its name.
    package static let name = "schema_revisions_version"

    /// The revisions the database is at (its rows, sorted): none at base
    /// (or when the table does not exist), several while it is on several
    /// unmerged branches. With `knownToExist`, it does not look for the table first.
    package static func rows(in database: any SQLDatabase, dialect: any Dialect, knownToExist: Bool = false) async throws -> [String] {
        if !knownToExist {
            guard try await dialect.tableNames(in: database).contains(name) else { return [] }
        }
        struct Row: Decodable { var version_num: String }
        return try await database.raw("SELECT version_num FROM \(ident: name)").all(decoding: Row.self).map(\.version_num).sorted()
    }

    /// The rows of `database`, its dialect read from the connection.
    package static func rows(in database: any SQLDatabase) async throws -> [String] {
        try await rows(in: database, dialect: Dialects.dialect(for: database))
    }

    /// Records `revisions` (none: base) whatever the table held, creating
    /// the table on first use: for `stamp`.
    static func set(_ revisions: [String], on operations: SchemaOperations) async throws {
        try await createIfMissing(on: operations)
        try await operations.execute("DELETE FROM \(quoted(name))")
        for revision in revisions {
            try await operations.execute("INSERT INTO \(quoted(name)) (version_num) VALUES (\(literal(revision)))")
        }
    }

    /// Moves the version from the rows `current` (which a step has just
    /// read, or which the step before it left) to the rows `next`, as
    /// Alembic's `HeadMaintainer` does: one `UPDATE` for a row that moves
    /// (the only statement of a step in a linear history), an `INSERT` for
    /// a branch that starts (or a first revision), a `DELETE` for each row a
    /// merge joins (or a branch that ends, or base). Creates the table on
    /// first use; with `knownToExist`, it does not look for the table first.
    static func move(from current: [String], to next: [String], on operations: SchemaOperations, knownToExist: Bool) async throws {
        if !knownToExist { try await createIfMissing(on: operations) }
        var gone = current.filter { !next.contains($0) }
        var new = next.filter { !current.contains($0) }
        if let from = gone.first, let to = new.first {
            gone.removeFirst()
            new.removeFirst()
            try await operations.execute(
                "UPDATE \(quoted(name)) SET version_num = \(literal(to)) WHERE version_num = \(literal(from))")
        }
        for revision in gone {
            try await operations.execute("DELETE FROM \(quoted(name)) WHERE version_num = \(literal(revision))")
        }
        for revision in new {
            try await operations.execute("INSERT INTO \(quoted(name)) (version_num) VALUES (\(literal(revision)))")
        }
    }

    private static func createIfMissing(on operations: SchemaOperations) async throws {
        if !(try await operations.ddl.tableNames().contains(name)) {
            try await operations.createTable(name, [.column("version_num", .string(length: 32), nullable: false), .primaryKey("version_num")])
        }
    }

    private static func quoted(_ identifier: String) -> String { "\"\(identifier)\"" }

    /// A revision id as an SQL string literal (ids are hex, but a
    /// hand-written revision may name itself anything).
    private static func literal(_ value: String) -> String { "'\(value.replacingOccurrences(of: "'", with: "''"))'" }
}

/// Alembic's version table, `alembic_version`, in a database Alembic
/// managed: read, never written, so that `stamp` can adopt such a database
/// as it is. (The engine's own is ``VersionTable``, under another name, so
/// the two never mix.)
package enum AlembicVersionTable {
    /// Its name.
    package static let name = "alembic_version"

    /// Its rows, sorted; `nil` when the database has no such table.
    package static func rows(in database: any SQLDatabase, dialect: any Dialect) async throws -> [String]? {
        guard try await dialect.tableNames(in: database).contains(name) else { return nil }
        struct Row: Decodable { var version_num: String }
        return try await database.raw("SELECT version_num FROM \(ident: name)").all(decoding: Row.self).map(\.version_num).sorted()
    }

    /// The revisions Alembic recorded in `database`, when Alembic manages it
    /// and the engine does not yet: `alembic_version` has rows, and the
    /// engine's version table none (or is missing). `nil` otherwise.
    package static func unadopted(in database: any SQLDatabase, dialect: any Dialect) async throws -> [String]? {
        guard let alembic = try await rows(in: database, dialect: dialect), !alembic.isEmpty,
              try await VersionTable.rows(in: database, dialect: dialect).isEmpty else { return nil }
        return alembic
    }
}
