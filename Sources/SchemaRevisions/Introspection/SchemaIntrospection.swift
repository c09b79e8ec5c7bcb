import SQLKit

/// Reads a live database's schema into the same shape as the target
/// metadata, so the two can be compared.
///
/// One implementation per database — ``SQLiteIntrospector``,
/// ``PostgresIntrospector`` — and ``SchemaIntrospection/introspector(for:)``
/// picks the one for a connection; the layers above see only
/// ``SchemaMetadata``.
public protocol SchemaIntrospector: Sendable {
    /// Every table of `database` except those named in `excluding`.
    func schema(of database: any SQLDatabase, excluding: Set<String>) async throws -> SchemaMetadata
}

/// Reads what a live database holds.
public enum SchemaIntrospection {
    /// The introspector for `database`'s dialect.
    public static func introspector(for database: any SQLDatabase) -> any SchemaIntrospector {
        switch SQLDialectName(of: database) {
        case .sqlite: SQLiteIntrospector()
        case .postgresql: PostgresIntrospector()
        }
    }

    /// The live schema of `database`, except the tables in `excluding`.
    public static func schema(of database: any SQLDatabase, excluding: Set<String> = []) async throws -> SchemaMetadata {
        try await introspector(for: database).schema(of: database, excluding: excluding)
    }

    /// The names of the database's own tables (not SQLite's `sqlite_*`
    /// tables), sorted.
    public static func tableNames(in database: any SQLDatabase) async throws -> [String] {
        struct Row: Decodable { let name: String }
        let query: SQLQueryString
        switch SQLDialectName(of: database) {
        case .sqlite:
            query = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        case .postgresql:
            query = "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name"
        }
        return try await database.raw(query).all(decoding: Row.self).map(\.name)
    }
}
