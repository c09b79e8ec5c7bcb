import SQLKit

/// The table that records which revision a database is at: Alembic's
/// `alembic_version`. One row, one column; no row means base.
package enum VersionTable {
    /// Its name.
    package static let name = "schema_revisions_version"

    /// The revision the database is at, or `nil` at base (or when the table does not exist).
    /// With `knownToExist`, it does not look for the table first.
    package static func current(in database: any SQLDatabase, dialect: any Dialect, knownToExist: Bool = false) async throws -> String? {
        if !knownToExist {
            guard try await dialect.tableNames(in: database).contains(name) else { return nil }
        }
        struct Row: Decodable { var version_num: String }
        return try await database.raw("SELECT version_num FROM \(ident: name)").first(decoding: Row.self)?.version_num
    }

    /// The revision `database` is at, its dialect read from the connection.
    package static func current(in database: any SQLDatabase) async throws -> String? {
        try await current(in: database, dialect: Dialects.dialect(for: database))
    }

    /// Records `revision` (or base, for `nil`) whatever the table held,
    /// creating the table on first use: for `stamp`.
    static func set(_ revision: String?, on operations: SchemaOperations) async throws {
        try await createIfMissing(on: operations)
        try await operations.execute("DELETE FROM \(quoted(name))")
        if let revision {
            try await operations.execute("INSERT INTO \(quoted(name)) (version_num) VALUES (\(literal(revision)))")
        }
    }

    /// Moves the version from `current` (which a step has just read, or
    /// which the step before it left) to `revision`, in one statement, as
    /// Alembic does: `INSERT` from base, `DELETE` to base, else `UPDATE`.
    /// Creates the table on first use; with `knownToExist`, it does not
    /// look for the table first.
    static func move(from current: String?, to revision: String?, on operations: SchemaOperations, knownToExist: Bool) async throws {
        if !knownToExist { try await createIfMissing(on: operations) }
        switch (current, revision) {
        case (nil, nil):
            return
        case (nil, let revision?):
            try await operations.execute("INSERT INTO \(quoted(name)) (version_num) VALUES (\(literal(revision)))")
        case (let current?, nil):
            try await operations.execute("DELETE FROM \(quoted(name)) WHERE version_num = \(literal(current))")
        case (let current?, let revision?):
            try await operations.execute(
                "UPDATE \(quoted(name)) SET version_num = \(literal(revision)) WHERE version_num = \(literal(current))")
        }
    }

    private static func createIfMissing(on operations: SchemaOperations) async throws {
        if !(try await operations.dialect.tableNames(in: operations.database).contains(name)) {
            try await operations.createTable(name, [.column("version_num", .string(length: 32), nullable: false), .primaryKey("version_num")])
        }
    }

    private static func quoted(_ identifier: String) -> String { "\"\(identifier)\"" }

    /// A revision id as an SQL string literal (ids are hex, but a
    /// hand-written revision may name itself anything).
    private static func literal(_ value: String) -> String { "'\(value.replacingOccurrences(of: "'", with: "''"))'" }
}
