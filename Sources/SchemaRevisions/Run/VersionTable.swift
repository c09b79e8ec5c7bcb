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

    /// Records `revision` (or base, for `nil`), creating the table on first use.
    /// With `knownToExist`, it does not look for the table first.
    static func set(_ revision: String?, on operations: SchemaOperations, knownToExist: Bool = false) async throws {
        if !knownToExist, !(try await operations.dialect.tableNames(in: operations.database).contains(name)) {
            try await operations.createTable(name, [.column("version_num", .string(length: 32), nullable: false), .primaryKey("version_num")])
        }
        try await operations.execute("DELETE FROM \"\(name)\"")
        if let revision {
            try await operations.execute("INSERT INTO \"\(name)\" (version_num) VALUES ('\(revision.replacingOccurrences(of: "'", with: "''"))')")
        }
    }
}
