import SQLKit

/// Reads what a live database holds, in the same shape as the target
/// metadata, so the two can be compared. The reading itself is each
/// dialect's (``Dialect/schema(of:excluding:)``); the layers above see only
/// ``SchemaMetadata``.
package enum SchemaIntrospection {
    /// The live schema of `database`, except the tables in `excluding`.
    package static func schema(of database: any SQLDatabase, excluding: Set<String> = []) async throws -> SchemaMetadata {
        try await Dialects.dialect(for: database).schema(of: database, excluding: excluding)
    }

    /// The names of the database's own tables (not SQLite's `sqlite_*`
    /// tables), sorted.
    package static func tableNames(in database: any SQLDatabase) async throws -> [String] {
        try await Dialects.dialect(for: database).tableNames(in: database)
    }
}
