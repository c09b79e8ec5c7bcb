import Foundation
import SQLKit

/// Reads a SQLite database's schema with SQLite's own `PRAGMA`s:
/// `table_info` (columns), `index_list`/`index_info` (indexes and unique
/// constraints), `foreign_key_list` (foreign keys).
///
/// SQLite does not keep the names of `UNIQUE` and `FOREIGN KEY` constraints
/// anywhere a `PRAGMA` shows; they are read from the table's `CREATE TABLE`
/// text in `sqlite_master`, and given SQLAlchemy's conventional name when it
/// has none.
public struct SQLiteIntrospector: SchemaIntrospector {
    /// Makes the introspector.
    public init() {}

    public func schema(of database: any SQLDatabase, excluding: Set<String>) async throws -> SchemaMetadata {
        struct TableRow: Decodable { var name: String; var sql: String? }
        let rows = try await database.raw("""
            SELECT name, sql FROM sqlite_master
            WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name
            """).all(decoding: TableRow.self)
        var tables: [TableMetadata] = []
        for row in rows where !excluding.contains(row.name) {
            tables.append(try await table(row.name, createSQL: row.sql ?? "", in: database))
        }
        return try SchemaMetadata(tables: tables)
    }

    /// One table, read from `database`.
    func table(_ name: String, createSQL: String, in database: any SQLDatabase) async throws -> TableMetadata {
        struct ColumnRow: Decodable { var name: String; var type: String; var notnull: Int; var dflt_value: String?; var pk: Int }
        struct IndexRow: Decodable { var name: String; var unique: Int; var origin: String }
        struct IndexColumnRow: Decodable { var seqno: Int; var name: String? }
        struct ForeignKeyRow: Decodable {
            var id: Int; var seq: Int; var table: String; var from: String; var to: String?
            var on_update: String; var on_delete: String
        }

        let columnRows = try await database.raw("PRAGMA table_info(\(ident: name))").all(decoding: ColumnRow.self)
        let columns = columnRows.map { row in
            ColumnMetadata(
                name: row.name,
                type: Self.columnType(declared: row.type),
                nullable: row.notnull == 0 && row.pk == 0,
                defaultValue: row.dflt_value.map(Self.columnDefault(sql:))
            )
        }
        let primaryKey = columnRows.filter { $0.pk > 0 }.sorted { $0.pk < $1.pk }.map(\.name)
        let namedConstraints = Self.constraintNames(in: createSQL)

        var indexes: [IndexMetadata] = []
        var uniques: [UniqueConstraintMetadata] = []
        for index in try await database.raw("PRAGMA index_list(\(ident: name))").all(decoding: IndexRow.self) {
            let indexColumns = try await database.raw("PRAGMA index_info(\(ident: index.name))")
                .all(decoding: IndexColumnRow.self).sorted { $0.seqno < $1.seqno }.compactMap(\.name)
            switch index.origin {
            case "c":
                indexes.append(IndexMetadata(name: index.name, columns: indexColumns, unique: index.unique == 1))
            case "u":
                let constraintName = namedConstraints.unique[indexColumns]
                    ?? TableMetadata.Naming.unique(table: name, columns: indexColumns)
                uniques.append(UniqueConstraintMetadata(name: constraintName, columns: indexColumns))
            default:
                continue // the primary key's own index
            }
        }

        let foreignKeyRows = try await database.raw("PRAGMA foreign_key_list(\(ident: name))").all(decoding: ForeignKeyRow.self)
        var foreignKeys: [ForeignKeyMetadata] = []
        for id in Set(foreignKeyRows.map(\.id)).sorted() {
            let parts = foreignKeyRows.filter { $0.id == id }.sorted { $0.seq < $1.seq }
            guard let first = parts.first else { continue }
            let from = parts.map(\.from)
            let to = parts.compactMap(\.to)
            foreignKeys.append(ForeignKeyMetadata(
                name: namedConstraints.foreignKey[from]
                    ?? TableMetadata.Naming.foreignKey(table: name, columns: from, referencedTable: first.table),
                columns: from,
                referencedTable: first.table,
                referencedColumns: to.count == from.count ? to : ["id"],
                onDelete: ForeignKeyAction(rawValue: first.on_delete) ?? .noAction,
                onUpdate: ForeignKeyAction(rawValue: first.on_update) ?? .noAction
            ))
        }
        // PRAGMA foreign_key_list lists constraints last-declared first;
        // order them by their first column, as the model declares them.
        let position = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1.name, $0) })
        foreignKeys.sort { (position[$0.columns.first ?? ""] ?? 0) < (position[$1.columns.first ?? ""] ?? 0) }

        return TableMetadata(
            name: name, columns: columns, primaryKey: primaryKey,
            indexes: indexes.sorted { $0.name < $1.name },
            uniqueConstraints: uniques, foreignKeys: foreignKeys
        )
    }

    /// The column type a declared SQLite type stands for; unknown spellings
    /// are kept as they are.
    static func columnType(declared: String) -> ColumnType {
        let type = declared.trimmingCharacters(in: .whitespaces).uppercased()
        if type.hasPrefix("VARCHAR(") || type.hasPrefix("CHARACTER VARYING("),
           let open = type.firstIndex(of: "("), let close = type.firstIndex(of: ")"),
           let length = Int(type[type.index(after: open)..<close]) {
            return .string(length: length)
        }
        switch type {
        case "INTEGER", "INT", "BIGINT", "SMALLINT": return .integer
        case "VARCHAR", "CHARACTER VARYING": return .string()
        case "TEXT": return .text
        case "DOUBLE", "DOUBLE PRECISION", "REAL", "FLOAT": return .double
        case "NUMERIC", "DECIMAL": return .decimal
        case "BOOLEAN": return .boolean
        case "DATETIME", "TIMESTAMP": return .datetime
        case "UUID": return .uuid
        case "BLOB": return .blob
        case "JSON": return .json
        default: return .custom(declared)
        }
    }

    /// A default as SQLite keeps it (`'en'`, `42`, `CURRENT_TIMESTAMP`).
    static func columnDefault(sql: String) -> ColumnDefault {
        let text = sql.trimmingCharacters(in: .whitespaces)
        if text.count >= 2, text.hasPrefix("'"), text.hasSuffix("'") {
            return .string(String(text.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'"))
        }
        if let integer = Int(text) { return .integer(integer) }
        if let double = Double(text), text.contains(".") { return .double(double) }
        switch text.uppercased() {
        case "CURRENT_TIMESTAMP": return .currentTimestamp
        case "TRUE": return .boolean(true)
        case "FALSE": return .boolean(false)
        default: return .sql(text)
        }
    }

    /// `CONSTRAINT "name" UNIQUE (...)` and `CONSTRAINT "name" FOREIGN KEY (...)`
    /// in a `CREATE TABLE` statement, keyed by their columns.
    static func constraintNames(in createSQL: String) -> (unique: [[String]: String], foreignKey: [[String]: String]) {
        let identifier = #"(?:"((?:[^"]|"")+)"|`([^`]+)`|\[([^\]]+)\]|(\w+))"#
        let pattern = #"CONSTRAINT\s+"# + identifier + #"\s+(UNIQUE|FOREIGN\s+KEY)\s*\(([^)]*)\)"#
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { return ([:], [:]) }
        var unique: [[String]: String] = [:]
        var foreignKey: [[String]: String] = [:]
        let range = NSRange(createSQL.startIndex..., in: createSQL)
        for match in regex.matches(in: createSQL, range: range) {
            let name = (1...4).lazy.compactMap { Range(match.range(at: $0), in: createSQL).map { String(createSQL[$0]) } }.first ?? ""
            guard let kindRange = Range(match.range(at: 5), in: createSQL),
                  let columnsRange = Range(match.range(at: 6), in: createSQL) else { continue }
            let columns = createSQL[columnsRange].split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"`[]"))
            }
            if createSQL[kindRange].uppercased().hasPrefix("UNIQUE") {
                unique[columns] = name.replacingOccurrences(of: "\"\"", with: "\"")
            } else {
                foreignKey[columns] = name.replacingOccurrences(of: "\"\"", with: "\"")
            }
        }
        return (unique, foreignKey)
    }
}
