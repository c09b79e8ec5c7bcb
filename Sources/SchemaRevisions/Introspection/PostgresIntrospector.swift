import Foundation
import SQLKit

/// Reads a PostgreSQL database's schema from its system catalogs
/// (`pg_class`, `pg_attribute`, `pg_index`, `pg_constraint`), in the
/// connection's current schema (the first one on its `search_path`, usually
/// `public`).
///
/// An autoincrementing primary key — an identity column, or a `serial`
/// one whose default is `nextval(...)` — reads as a plain integer column
/// without a default, as the models declare it: see
/// ``TableMetadata/autoincrementColumn``.
public struct PostgresIntrospector: SchemaIntrospector {
    /// Makes the introspector.
    public init() {}

    public func schema(of database: any SQLDatabase, excluding: Set<String>) async throws -> SchemaMetadata {
        var tables: [TableMetadata] = []
        for name in try await SchemaIntrospection.tableNames(in: database) where !excluding.contains(name) {
            tables.append(try await table(name, in: database))
        }
        return try SchemaMetadata(tables: tables)
    }

    /// One table of the current schema, read from `database`.
    func table(_ name: String, in database: any SQLDatabase) async throws -> TableMetadata {
        struct ColumnRow: Decodable {
            var name: String; var type: String; var notnull: Bool; var dflt: String?; var identity: String
        }
        struct IndexRow: Decodable { var name: String; var unique: Bool; var columns: [String] }
        struct ConstraintRow: Decodable {
            var name: String; var kind: String; var columns: [String]
            var referenced_table: String?; var referenced_columns: [String]?
            var on_update: String; var on_delete: String
        }
        // The table's oid, in the current schema only.
        let relation: SQLQueryString = "(SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            + "WHERE n.nspname = current_schema() AND c.relname = \(bind: name))"

        let columnRows = try await database.raw("""
            SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS notnull,
                   pg_get_expr(d.adbin, d.adrelid) AS dflt, a.attidentity::text AS identity
            FROM pg_attribute a
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE a.attrelid = \(relation) AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attnum
            """).all(decoding: ColumnRow.self)
        guard !columnRows.isEmpty else { throw OperationError.noSuchTable(name) }

        // Unique, primary-key and foreign-key constraints, columns in key order.
        let constraintRows = try await database.raw("""
            SELECT con.conname AS name, con.contype::text AS kind,
                   ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                         JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
                   ref.relname::text AS referenced_table,
                   CASE WHEN con.contype = 'f' THEN
                       ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
                             JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord)
                   END AS referenced_columns,
                   con.confupdtype::text AS on_update, con.confdeltype::text AS on_delete
            FROM pg_constraint con
            LEFT JOIN pg_class ref ON ref.oid = con.confrelid
            WHERE con.conrelid = \(relation) AND con.contype IN ('p', 'u', 'f')
            ORDER BY con.conname
            """).all(decoding: ConstraintRow.self)

        // Indexes that are not a constraint's own (primary key, UNIQUE), by
        // their key columns (not INCLUDE ones). Expression and partial
        // indexes are left out: models cannot declare them, so autogenerate
        // neither proposes nor drops them.
        let indexRows = try await database.raw("""
            SELECT ic.relname::text AS name, i.indisunique AS unique,
                   ARRAY(SELECT a.attname::text FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                         JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                         WHERE k.ord <= i.indnkeyatts ORDER BY k.ord) AS columns
            FROM pg_index i
            JOIN pg_class ic ON ic.oid = i.indexrelid
            WHERE i.indrelid = \(relation)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid AND con.contype IN ('p', 'u'))
              AND i.indexprs IS NULL AND i.indpred IS NULL
            ORDER BY ic.relname
            """).all(decoding: IndexRow.self)

        let primaryKey = constraintRows.first { $0.kind == "p" }?.columns ?? []
        let columns = columnRows.map { row in
            let autoincrement = row.identity != "" || (row.dflt?.hasPrefix("nextval(") ?? false)
            return ColumnMetadata(
                name: row.name,
                type: Self.columnType(formatted: row.type),
                nullable: !row.notnull,
                defaultValue: autoincrement ? nil : row.dflt.map(Self.columnDefault(sql:))
            )
        }
        let uniques = constraintRows.filter { $0.kind == "u" }.map {
            UniqueConstraintMetadata(name: $0.name, columns: $0.columns)
        }
        var foreignKeys = constraintRows.filter { $0.kind == "f" }.map { row in
            ForeignKeyMetadata(
                name: row.name, columns: row.columns,
                referencedTable: row.referenced_table ?? "", referencedColumns: row.referenced_columns ?? [],
                onDelete: Self.action(row.on_delete), onUpdate: Self.action(row.on_update)
            )
        }
        // Order foreign keys by their first column, as the model declares them.
        let position = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1.name, $0) })
        foreignKeys.sort { (position[$0.columns.first ?? ""] ?? 0) < (position[$1.columns.first ?? ""] ?? 0) }

        return TableMetadata(
            name: name, columns: columns, primaryKey: primaryKey,
            indexes: indexRows.map { IndexMetadata(name: $0.name, columns: $0.columns, unique: $0.unique) },
            uniqueConstraints: uniques, foreignKeys: foreignKeys
        )
    }

    /// The column type `format_type` spelled; unknown spellings are kept,
    /// upper-cased (`INTEGER`, `SMALLINT`, `TIMESTAMP WITHOUT TIME ZONE`…),
    /// so they differ from what the models ask for and autogenerate
    /// proposes the change.
    static func columnType(formatted: String) -> ColumnType {
        let type = formatted.trimmingCharacters(in: .whitespaces).lowercased()
        if type.hasPrefix("character varying("),
           let open = type.firstIndex(of: "("), let close = type.firstIndex(of: ")"),
           let length = Int(type[type.index(after: open)..<close]) {
            return .string(length: length)
        }
        switch type {
        case "bigint": return .integer
        case "character varying": return .string()
        case "text": return .text
        case "double precision": return .double
        case "numeric": return .decimal
        case "boolean": return .boolean
        case "timestamp with time zone": return .datetime
        case "uuid": return .uuid
        case "bytea": return .blob
        case "jsonb": return .json
        default: return .custom(formatted.uppercased())
        }
    }

    /// A default as `pg_get_expr` writes it: `'en'::character varying`,
    /// `42`, `'-1'::integer`, `true`, `CURRENT_TIMESTAMP`. A cast is read
    /// through only when the whole default is one quoted literal and its
    /// cast (`'{}'::jsonb` is the string `{}`); anything else — `now()`,
    /// `'a'::text || 'b'::text`, `lower('X'::text)` — is kept as SQL.
    static func columnDefault(sql: String) -> ColumnDefault {
        let text = sql.trimmingCharacters(in: .whitespaces)
        if let (literal, cast) = castLiteral(text) {
            let type = cast.lowercased()
            if type == "integer" || type == "bigint" || type == "smallint", let integer = Int(literal) {
                return .integer(integer)
            }
            if type.hasPrefix("numeric") || type == "double precision" || type == "real", let double = Double(literal) {
                return .double(double)
            }
            return .string(literal)
        }
        var bare = text
        // Negative numbers come back parenthesised: (-1.5).
        if bare.hasPrefix("("), bare.hasSuffix(")"), bare.dropFirst().first == "-" { bare = String(bare.dropFirst().dropLast()) }
        if let integer = Int(bare) { return .integer(integer) }
        if let double = Double(bare), bare.contains(".") { return .double(double) }
        switch text.uppercased() {
        case "CURRENT_TIMESTAMP": return .currentTimestamp
        case "TRUE": return .boolean(true)
        case "FALSE": return .boolean(false)
        default: return .sql(text)
        }
    }

    /// `('it''s', "character varying")` for `'it''s'::character varying`;
    /// `nil` unless the whole text is one quoted literal followed by one cast.
    static func castLiteral(_ text: String) -> (String, String)? {
        guard text.hasPrefix("'") else { return nil }
        var literal = ""
        var index = text.index(after: text.startIndex)
        while index < text.endIndex {
            let character = text[index]
            index = text.index(after: index)
            if character == "'" {
                if index < text.endIndex, text[index] == "'" { // '' is one quote
                    literal.append("'")
                    index = text.index(after: index)
                    continue
                }
                let rest = text[index...]
                guard rest.hasPrefix("::") else { return nil }
                let cast = rest.dropFirst(2)
                // One type name, possibly with a length and spaces (character varying(10)).
                guard !cast.isEmpty, cast.allSatisfy({ $0.isLetter || $0.isNumber || " _(),".contains($0) }) else { return nil }
                return (literal, String(cast))
            }
            literal.append(character)
        }
        return nil
    }

    /// `pg_constraint`'s one-letter referential actions.
    static func action(_ code: String) -> ForeignKeyAction {
        switch code {
        case "r": .restrict
        case "c": .cascade
        case "n": .setNull
        case "d": .setDefault
        default: .noAction
        }
    }
}
