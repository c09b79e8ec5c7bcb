import SQLKit

/// Reads what a live database holds.
public enum SchemaIntrospection {
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
