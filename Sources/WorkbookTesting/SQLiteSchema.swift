import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLiteKit

/// Reads a SQLite file's real schema the way a learner would in the
/// `sqlite3` shell — `PRAGMA table_info`, `PRAGMA index_list`,
/// `PRAGMA index_info` — on a connection of its own, not the app's.
public enum SQLiteSchema {
    /// One row of `PRAGMA table_info(table)`.
    public struct Column: Decodable, Equatable, Sendable {
        /// The column's name.
        public var name: String
        /// Its declared type, as written in `CREATE TABLE` (`VARCHAR`).
        public var type: String
        /// 1 when the column is `NOT NULL`.
        public var notnull: Int
        /// Its default, as SQL text, if any.
        public var dflt_value: String?
        /// Its position in the primary key (1-based), 0 when not part of it.
        public var pk: Int
    }

    /// An index, from `PRAGMA index_list` and `PRAGMA index_info`.
    public struct Index: Equatable, Sendable {
        /// The index's name (`sqlite_autoindex_*` for ones SQLite made itself).
        public var name: String
        /// Whether it is unique.
        public var unique: Bool
        /// `c` for `CREATE INDEX`, `u` for a `UNIQUE` constraint, `pk` for a primary key.
        public var origin: String
        /// Its columns, in order.
        public var columns: [String]

        /// An index as `PRAGMA index_list` / `index_info` describe it.
        public init(name: String, unique: Bool, origin: String, columns: [String]) {
            self.name = name
            self.unique = unique
            self.origin = origin
            self.columns = columns
        }
    }

    /// Opens the SQLite file at `path` (which must exist) for `body`.
    public static func inspect<T>(path: String, _ body: (any SQLDatabase) async throws -> T) async throws -> T {
        guard FileManager.default.fileExists(atPath: path) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        let connection = try await SQLiteConnection.open(
            storage: .file(path: path), threadPool: .singleton, logger: Logger(label: "sqlite-schema"),
            on: MultiThreadedEventLoopGroup.singleton.any()
        )
        do {
            let result = try await body(connection.sql())
            try await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// `PRAGMA table_info(table)`.
    public static func columns(of table: String, in database: any SQLDatabase) async throws -> [Column] {
        try await database.raw("PRAGMA table_info(\(ident: table))").all(decoding: Column.self)
    }

    /// `PRAGMA index_list(table)` with each index's columns, sorted by name.
    public static func indexes(of table: String, in database: any SQLDatabase) async throws -> [Index] {
        struct ListRow: Decodable { var name: String; var unique: Int; var origin: String }
        struct InfoRow: Decodable { var name: String }
        var indexes: [Index] = []
        for row in try await database.raw("PRAGMA index_list(\(ident: table))").all(decoding: ListRow.self) {
            let columns = try await database.raw("PRAGMA index_info(\(ident: row.name))").all(decoding: InfoRow.self)
            indexes.append(Index(name: row.name, unique: row.unique == 1, origin: row.origin, columns: columns.map(\.name)))
        }
        return indexes.sorted { $0.name < $1.name }
    }

    /// The tables in the file (not SQLite's own), sorted.
    public static func tables(in database: any SQLDatabase) async throws -> [String] {
        struct Row: Decodable { var name: String }
        return try await database.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            .all(decoding: Row.self).map(\.name)
    }

    /// `SELECT count(*) FROM table`.
    public static func rowCount(of table: String, in database: any SQLDatabase) async throws -> Int {
        struct Row: Decodable { var count: Int }
        return try await database.raw("SELECT count(*) AS count FROM \(ident: table)").first(decoding: Row.self)?.count ?? 0
    }
}

/// A fresh path for a SQLite file in a temporary folder, removed (with its
/// `-wal`/`-shm` companions) after `body`.
public func withTemporarySQLiteFile<T>(_ body: (String) async throws -> T) async throws -> T {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("workbook-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    return try await body(folder.appendingPathComponent("test.sqlite").path)
}
