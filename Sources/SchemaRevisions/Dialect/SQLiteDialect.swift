import FluentKit
import FluentSQLiteDriver
import Foundation
import Logging
import SQLiteKit

/// SQLite: Alembic's `ddl/sqlite.py`, plus the batch mode Alembic leaves
/// to configuration, made the default.
///
/// - Types keep the spelling SQLAlchemy uses (`VARCHAR`, `DATETIME`, …), so
///   the schema reads the same as the one Alembic makes; SQLite stores any
///   value in any column, and these names give the expected affinity.
/// - The schema is read with SQLite's own `PRAGMA`s: `table_info`
///   (columns), `index_list`/`index_info` (indexes and unique constraints),
///   `foreign_key_list` (foreign keys). SQLite does not keep the names of
///   `UNIQUE` and `FOREIGN KEY` constraints anywhere a `PRAGMA` shows; they
///   are read from the table's `CREATE TABLE` text in `sqlite_master`, and
///   given SQLAlchemy's conventional name when it has none.
/// - Changes SQLite's `ALTER TABLE` cannot make — a column's type,
///   nullability or default, dropping a column, adding or dropping a unique
///   constraint or foreign key, adding a NOT NULL column without a default —
///   rebuild the table the way SQLite's documentation prescribes: create the
///   new table under a temporary name, copy every row, drop the old one,
///   rename the new one, re-create the indexes. The views and triggers
///   are kept aside first and put back after, as they were written, so a
///   table with a view on it can be rebuilt; one that no longer works with
///   the changed table (a dropped column it uses) fails the step, naming it.
/// - A run of steps turns foreign-key enforcement off before its first step
///   (rebuilds need it off: the PRAGMA is a no-op inside a transaction, so
///   it comes first) and back on after its last. Each step begins with
///   `BEGIN IMMEDIATE` (the write lock at once, so two commands never both
///   read the version and then both write) and checks every key with
///   `PRAGMA foreign_key_check` before committing.
package struct SQLiteDialect: Dialect {
    package init() {}

    package var name: String { "sqlite" }

    // MARK: Spelling

    /// Every integer type is `INTEGER`: SQLite stores any whole number in
    /// up to 8 bytes whatever the declared width, and only a column
    /// declared exactly `INTEGER PRIMARY KEY` numbers itself.
    package func typeSQL(_ type: ColumnType) -> String {
        switch type {
        case .integer, .int16, .int32, .int64: "INTEGER"
        case .string(let length?): "VARCHAR(\(length))"
        case .string(nil): "VARCHAR"
        case .text: "TEXT"
        case .double: "DOUBLE"
        case .decimal: "NUMERIC"
        case .numeric(let precision, let scale): "NUMERIC(\(precision), \(scale))"
        case .boolean: "BOOLEAN"
        case .datetime, .naiveDatetime: "DATETIME"
        case .uuid: "UUID"
        case .blob: "BLOB"
        case .json, .jsonText: "JSON"
        case .custom(let sql): sql
        }
    }

    /// The default as SQLite keeps it in `PRAGMA table_info`, so a live
    /// default and a declared one compare as text.
    package func defaultSQL(_ value: ColumnDefault) -> String {
        switch value {
        case .boolean(let flag): flag ? "1" : "0"
        default: value.standardSQL
        }
    }

    /// SQLite numbers an `INTEGER PRIMARY KEY` by itself.
    package var identityClause: String? { nil }

    /// A declared type as written, except that every type SQLite gives
    /// INTEGER affinity (a name containing `INT`: `INT`, `BIGINT`,
    /// `SMALLINT`, …) is `INTEGER`: one type to SQLite, so one to the diff,
    /// as every width is one on PostgreSQL for Swift's `Int`.
    package func canonicalType(_ type: ColumnType) -> String {
        let sql = Self.normalized(typeSQL(type))
        return sql.contains("INT") ? "INTEGER" : sql
    }

    // MARK: Introspection

    package func tableNames(in database: any SQLDatabase) async throws -> [String] {
        struct Row: Decodable { let name: String }
        return try await database.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            .all(decoding: Row.self).map(\.name)
    }

    package func schema(of database: any SQLDatabase, excluding: Set<String>) async throws -> SchemaMetadata {
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

    package func table(_ name: String, in database: any SQLDatabase) async throws -> TableMetadata {
        struct Row: Decodable { var sql: String? }
        guard let row = try await database.raw("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = \(bind: name)")
            .first(decoding: Row.self) else {
            throw OperationError.noSuchTable(name)
        }
        return try await table(name, createSQL: row.sql ?? "", in: database)
    }

    /// One table, read from `database`.
    private func table(_ name: String, createSQL: String, in database: any SQLDatabase) async throws -> TableMetadata {
        struct ColumnRow: Decodable { var name: String; var type: String; var notnull: Int; var dflt_value: String?; var pk: Int }
        struct IndexRow: Decodable { var name: String; var unique: Int; var origin: String }
        struct IndexColumnRow: Decodable { var seqno: Int; var name: String? }
        struct ForeignKeyRow: Decodable {
            var id: Int; var seq: Int; var table: String; var from: String; var to: String?
            var on_update: String; var on_delete: String
        }

        let columnRows = try await database.raw("PRAGMA table_info(\(ident: name))").all(decoding: ColumnRow.self)
        let columns = columnRows.map { row in
            let type = Self.columnType(declared: row.type)
            return ColumnMetadata(
                name: row.name,
                type: type,
                nullable: row.notnull == 0 && row.pk == 0,
                defaultValue: row.dflt_value.map { Self.numericDefault(Self.columnDefault(sql: $0), in: type) }
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
    /// are kept as they are. Any type SQLite gives INTEGER affinity (its
    /// name contains `INT`: `INTEGER`, `BIGINT`, `INT8`, …) is ``ColumnType/integer``:
    /// SQLite has one integer type.
    static func columnType(declared: String) -> ColumnType {
        let type = declared.trimmingCharacters(in: .whitespaces).uppercased()
        if type.hasPrefix("VARCHAR(") || type.hasPrefix("CHARACTER VARYING("),
           let open = type.firstIndex(of: "("), let close = type.firstIndex(of: ")"),
           let length = Int(type[type.index(after: open)..<close].trimmingCharacters(in: .whitespaces)) {
            return .string(length: length)
        }
        if type.hasPrefix("NUMERIC(") || type.hasPrefix("DECIMAL("), let (precision, scale) = Self.numericArguments(type) {
            return .numeric(precision: precision, scale: scale)
        }
        if type.contains("INT") { return .integer }
        switch type {
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

    /// A quoted number as a numeric column's default (`DEFAULT '0'`, as
    /// SQLAlchemy writes `server_default="0"`) is the number: SQLite's
    /// column affinity stores `'0'` as `0` in such a column.
    static func numericDefault(_ value: ColumnDefault, in type: ColumnType) -> ColumnDefault {
        guard case .string(let text) = value else { return value }
        switch type {
        case .integer: return Int(text).map(ColumnDefault.integer) ?? value
        case .double, .decimal, .numeric: return Int(text).map(ColumnDefault.integer) ?? Double(text).map(ColumnDefault.double) ?? value
        default: return value
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

    // MARK: DDL

    /// A NOT NULL column without a default is added by rebuilding the table
    /// (SQLite's `ADD COLUMN` refuses it), and only when the table is empty.
    package func addColumn(_ column: ColumnMetadata, to table: String, _ ddl: DDL) async throws {
        if !column.nullable, column.defaultValue == nil {
            try await rebuild(table, ddl) { $0.columns.append(column) }
            return
        }
        try await ddl.execute(ddl.database.alter(table: table).column(
            column.name, type: .custom(SQLRaw(typeSQL(column.type))), ddl.constraints(for: column)
        ).alterTable)
    }

    package func dropColumn(_ name: String, from table: String, _ ddl: DDL) async throws {
        try await rebuild(table, ddl) { table in
            guard table.column(named: name) != nil else {
                throw OperationError.noSuchColumn(table: table.name, column: name)
            }
            table.removeColumn(named: name)
        }
    }

    package func alterColumn(_ name: String, on table: String, _ change: ColumnAlteration, _ ddl: DDL) async throws {
        try await rebuild(table, ddl) { table in
            guard let index = table.columns.firstIndex(where: { $0.name == name }) else {
                throw OperationError.noSuchColumn(table: table.name, column: name)
            }
            table.columns[index].apply(change)
        }
    }

    package func addUniqueConstraint(_ unique: UniqueConstraintMetadata, on table: String, _ ddl: DDL) async throws {
        try await rebuild(table, ddl) { $0.uniqueConstraints.append(unique) }
    }

    package func dropUniqueConstraint(_ name: String, on table: String, _ ddl: DDL) async throws {
        try await rebuild(table, ddl) { table in
            try Self.remove(name, from: &table.uniqueConstraints, named: \.name, of: table.name)
        }
    }

    package func addForeignKey(_ key: ForeignKeyMetadata, on table: String, _ ddl: DDL) async throws {
        try await rebuild(table, ddl) { $0.foreignKeys.append(key) }
    }

    package func dropForeignKey(_ name: String, on table: String, _ ddl: DDL) async throws {
        try await rebuild(table, ddl) { table in
            try Self.remove(name, from: &table.foreignKeys, named: \.name, of: table.name)
        }
    }

    /// Removes the constraint `name` from a table's `constraints`, or
    /// throws ``OperationError/noSuchConstraint(table:name:)``.
    private static func remove<Constraint>(
        _ name: String, from constraints: inout [Constraint], named: KeyPath<Constraint, String>, of table: String
    ) throws {
        guard constraints.contains(where: { $0[keyPath: named] == name }) else {
            throw OperationError.noSuchConstraint(table: table, name: name)
        }
        constraints.removeAll { $0[keyPath: named] == name }
    }

    /// Rebuilds `name` as `change` describes, keeping every row, its
    /// indexes, and every view and trigger (put back as they were written,
    /// then checked): SQLite's documented procedure for the changes its
    /// `ALTER TABLE` cannot make. Throws
    /// ``OperationError/brokenDependent(table:kind:name:reason:)`` for a
    /// view or trigger the change breaks; the step's rollback undoes it all.
    func rebuild(_ name: String, _ ddl: DDL, _ change: (inout TableMetadata) throws -> Void) async throws {
        let live = try await ddl.table(name)
        var target = live
        try change(&target)

        // Refuse NOT NULL over NULLs before touching anything, naming the rows.
        for column in target.columns where !column.nullable {
            let existing = live.column(named: column.name)
            guard existing?.nullable ?? true else { continue }
            if existing == nil, column.defaultValue != nil { continue }
            try await ddl.requireNoRows(in: name, whereNull: existing == nil ? nil : column.name) {
                OperationError.nullsInNotNullColumn(table: name, column: column.name, rows: $0)
            }
        }

        // The views and triggers, kept aside (step 3 of SQLite's procedure):
        // DROP TABLE takes the table's triggers with it, and the RENAME
        // below re-reads every view and trigger, refusing one that names
        // the table while it is gone. Which of them refer to the table is
        // not cheap to tell (a view may use it through another view), so
        // all of them are kept aside and put back, as they were written.
        let kept: [SchemaObject]
        if let tracked = ddl.tracked {
            kept = try tracked.viewsAndTriggers(rebuilding: name)
        } else {
            kept = try await viewsAndTriggers(in: ddl.database)
        }
        for object in kept where object.type == "trigger" {
            try await ddl.execute(SQLQueryString("DROP TRIGGER \(ident: object.name)"))
        }
        for object in kept where object.type == "view" {
            try await ddl.execute(SQLQueryString("DROP VIEW \(ident: object.name)"))
        }

        let temporary = "_schema_revisions_new_\(name)"
        var staged = target
        staged.name = temporary
        try await ddl.createTable(staged)

        let copied = target.columns.map(\.name).filter { live.column(named: $0) != nil }
        if !copied.isEmpty {
            let list = SQLList(copied.map(SQLIdentifier.init(_:)))
            try await ddl.execute(SQLQueryString("INSERT INTO \(ident: temporary) (\(list)) SELECT \(list) FROM \(ident: name)"))
        }
        try await ddl.execute(ddl.database.drop(table: name).dropTable)
        try await ddl.execute(SQLQueryString("ALTER TABLE \(ident: temporary) RENAME TO \(ident: name)"))
        for index in target.indexes {
            try await ddl.createIndex(index, on: name)
        }

        // Views first: a trigger may be on one (INSTEAD OF).
        for object in kept where object.type == "view" {
            try await ddl.execute(SQLRaw(object.sql))
        }
        for object in kept where object.type == "trigger" {
            try await ddl.execute(SQLRaw(object.sql))
        }
        try await ddl.whenLive {
            try await checkViewsAndTriggers(kept, afterChanging: name, in: ddl.database)
        }
    }

    /// Every view and trigger, in the order they were created.
    func viewsAndTriggers(in database: any SQLDatabase) async throws -> [SchemaObject] {
        try await database.raw("""
            SELECT type, name, sql FROM sqlite_master
            WHERE type IN ('view', 'trigger') AND sql IS NOT NULL ORDER BY rowid
            """).all(decoding: SchemaObject.self)
    }

    /// Refuses the rebuild when a view or trigger put back no longer
    /// works with the table as changed (it uses a dropped column): SQLite
    /// accepts `CREATE VIEW` and `CREATE TRIGGER` over columns that do not
    /// exist, and fails later, at the first query or insert. A view is
    /// checked by reading its columns; triggers by what SQLite's own
    /// `ALTER TABLE` does, renaming a scratch table, which re-reads every
    /// view and trigger in the schema.
    func checkViewsAndTriggers(_ objects: [SchemaObject], afterChanging table: String, in database: any SQLDatabase) async throws {
        for view in objects where view.type == "view" {
            do {
                try await database.raw("PRAGMA table_info(\(ident: view.name))").run()
            } catch let error as SQLiteError {
                throw OperationError.brokenDependent(table: table, kind: "view", name: view.name, reason: error.message)
            }
        }
        let triggers = objects.filter { $0.type == "trigger" }
        guard !triggers.isEmpty else { return }
        let scratch = "_schema_revisions_check"
        try await database.raw("CREATE TABLE \(ident: scratch) (x)").run()
        do {
            try await database.raw("ALTER TABLE \(ident: scratch) RENAME TO \(ident: scratch + "ed")").run()
        } catch let error as SQLiteError {
            // SQLite says "error in trigger NAME: REASON".
            let parts = error.message.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let named = parts.first.flatMap { head in
                triggers.first { head == "error in trigger \($0.name)" || head.hasPrefix("error in trigger \($0.name) ") }
            }
            throw OperationError.brokenDependent(
                table: table, kind: "trigger", name: named?.name ?? triggers.map(\.name).joined(separator: ", "),
                reason: named != nil && parts.count == 2 ? parts[1] : error.message
            )
        }
        try await database.raw("DROP TABLE \(ident: scratch + "ed")").run()
    }

    // MARK: Step hooks

    /// Foreign keys off for the run (rebuilds need it; the PRAGMA is a
    /// no-op inside a transaction) and back on after; before each `COMMIT`,
    /// the check the engine makes.
    package var offlineFrame: OfflineFrame {
        OfflineFrame(
            beforeRun: [
                "-- Foreign keys are off while the steps run (table rebuilds need it). Before each COMMIT the engine",
                "-- runs PRAGMA foreign_key_check and rolls the step back if it finds a row; here it lists them.",
                "PRAGMA foreign_keys = OFF",
            ],
            beforeCommit: ["PRAGMA foreign_key_check"],
            afterRun: ["PRAGMA foreign_keys = ON"]
        )
    }

    /// SQLiteKit's dialect.
    package var sqlDialect: any SQLDialect { SQLiteKit.SQLiteDialect() }

    /// Turns foreign-key enforcement off for the run, at its first step
    /// (a no-op inside a transaction, so before `BEGIN`), then takes the
    /// write lock at once (`BEGIN IMMEDIATE`).
    package func beginStep(on database: any SQLDatabase, at position: StepPosition) async throws {
        if position.isFirst {
            try await database.raw("PRAGMA foreign_keys = OFF").run()
        }
        do {
            try await database.raw("BEGIN IMMEDIATE").run()
        } catch {
            try? await database.raw("PRAGMA foreign_keys = ON").run()
            throw error
        }
    }

    /// Every foreign key, since enforcement was off during the step.
    package func checkBeforeCommit(on database: any SQLDatabase) async throws {
        struct Violation: Decodable { var table: String; var rowid: Int?; var parent: String }
        let violations = try await database.raw("PRAGMA foreign_key_check").all(decoding: Violation.self)
        if let first = violations.first {
            throw ForeignKeyViolation(table: first.table, parent: first.parent, count: violations.count)
        }
    }

    /// Turns enforcement back on after the run's last step.
    package func endStep(on database: any SQLDatabase, at position: StepPosition) async throws {
        if position.isLast {
            try await database.raw("PRAGMA foreign_keys = ON").run()
        }
    }

    // MARK: Connections

    /// One SQLiteNIO connection. With `create: false` a missing file is an
    /// error instead of a new empty database. Waits up to `busyTimeout`
    /// milliseconds for another connection's lock.
    package func connect(_ url: DatabaseURL, create: Bool, busyTimeout: Int) async throws -> DatabaseConnection {
        let storage: SQLiteConnection.Storage
        switch url {
        case .sqliteFile(let path):
            if !FileManager.default.fileExists(atPath: path) {
                guard create else { throw ConnectionError.noDatabase(path: path) }
                let folder = (path as NSString).deletingLastPathComponent
                guard FileManager.default.fileExists(atPath: folder) else {
                    throw ConnectionError.cannotOpen(path: path, reason: "the folder \(folder) does not exist")
                }
            }
            storage = .file(path: path)
        default:
            storage = .memory
        }
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(storage: storage, logger: Logger(label: "schema-revisions"))
        } catch {
            throw ConnectionError.cannotOpen(path: url.description, reason: String(describing: error))
        }
        let database = connection.sql()
        do {
            try await database.raw("PRAGMA busy_timeout = \(unsafeRaw: String(busyTimeout))").run()
            // Reading the schema fails at once on a file that is not a database.
            try await database.raw("SELECT count(*) FROM sqlite_master").run()
        } catch {
            try? await connection.close()
            throw engineError(for: error, url: url) ?? error
        }
        return DatabaseConnection(sql: database, close: { try await connection.close() })
    }

    /// Makes each step's `COMMIT` cheap for a run of several steps, and
    /// returns what puts things back.
    ///
    /// Each revision step is one transaction. In SQLite's default rollback
    /// journal every `COMMIT` waits for the disk about three times (the
    /// journal, the database, the journal's removal): on a virtual disk
    /// that was most of a step's time (100 steps took 1.47 s, 0.05 s on a
    /// RAM disk). In write-ahead-log mode with `synchronous = NORMAL`, a
    /// commit appends to the log without waiting; the log reaches the disk
    /// at the checkpoint the returned closure runs when the steps are done,
    /// switching back to the journal mode the database had. Every step
    /// stays atomic and the database consistent, whatever happens; a power
    /// cut during the command can only lose its last steps, each with its
    /// version row. (A process that ends loses nothing: the log is in the
    /// file system.)
    ///
    /// Switching costs about three commits' worth of waiting, so a run of
    /// fewer steps keeps the rollback journal. So does a database another
    /// connection is using: switching needs it to itself, and the steps do
    /// not wait for that.
    package func beginSteps(_ count: Int, on database: any SQLDatabase) async -> @Sendable () async -> Void {
        let nothing: @Sendable () async -> Void = {}
        struct Mode: Decodable { var journal_mode: String }
        struct Timeout: Decodable { var timeout: Int }
        guard count > 3 else { return nothing }
        do {
            guard let mode = try await database.raw("PRAGMA journal_mode").first(decoding: Mode.self)?.journal_mode.lowercased(),
                  ["delete", "truncate", "persist", "wal"].contains(mode) else { return nothing }
            let busyTimeout = try await database.raw("PRAGMA busy_timeout").first(decoding: Timeout.self)?.timeout ?? 0
            if mode != "wal" {
                try await database.raw("PRAGMA busy_timeout = 0").run()
                let now = try? await database.raw("PRAGMA journal_mode = WAL").first(decoding: Mode.self)?.journal_mode.lowercased()
                try await database.raw("PRAGMA busy_timeout = \(unsafeRaw: String(busyTimeout))").run()
                guard now == "wal" else { return nothing }
            }
            try await database.raw("PRAGMA synchronous = NORMAL").run()
            return {
                // Back to the mode the database had (not while another
                // connection holds it open: then it stays in WAL mode, and a
                // checkpoint writes the log).
                if mode != "wal" {
                    _ = try? await database.raw("PRAGMA busy_timeout = 0").run()
                    let now = try? await database.raw("PRAGMA journal_mode = \(unsafeRaw: mode.uppercased())")
                        .first(decoding: Mode.self)?.journal_mode.lowercased()
                    _ = try? await database.raw("PRAGMA busy_timeout = \(unsafeRaw: String(busyTimeout))").run()
                    if now == mode {
                        _ = try? await database.raw("PRAGMA synchronous = FULL").run()
                        return
                    }
                }
                _ = try? await database.raw("PRAGMA synchronous = FULL").run()
                _ = try? await database.raw("PRAGMA wal_checkpoint(PASSIVE)").run()
            }
        } catch {
            return nothing
        }
    }

    package func engineError(for error: any Error, url: DatabaseURL?) -> (any Error)? {
        guard let sqlite = error as? SQLiteError else { return nil }
        let place = url?.description ?? "the database"
        switch sqlite.reason {
        case .notADatabase, .corrupt:
            return ConnectionError.notADatabase(path: place)
        case .busy, .locked, .busyTimeout, .busyInRecovery, .busyInSnapshot, .lockedBySharedCache:
            return ConnectionError.databaseLocked(place)
        default:
            return nil
        }
    }

    /// SQLiteNIO's errors describe themselves.
    package func readableMessage(for error: any Error) -> String? { nil }

    package func fluentConfiguration(_ url: DatabaseURL) -> DatabaseConfigurationFactory {
        guard case .sqliteFile(let path) = url else { return .sqlite(.memory) }
        return .sqlite(.file(path))
    }

    package var fluentID: DatabaseID { .sqlite }

    /// Write-ahead logging (`PRAGMA journal_mode = WAL`), so readers do not
    /// wait for the writer. SQLite keeps it in the file.
    package func prepareForServing(_ database: any SQLDatabase) async throws {
        try await database.raw("PRAGMA journal_mode = WAL").run()
    }
}

/// Rows left pointing at rows that do not exist, found before a SQLite step commits.
package struct ForeignKeyViolation: Error, CustomStringConvertible, Equatable {
    /// The table holding the dangling references.
    package let table: String
    /// The table they should point into.
    package let parent: String
    /// How many there are.
    package let count: Int

    package var description: String {
        "\(count) row\(count == 1 ? "" : "s") of '\(table)' would point at rows of '\(parent)' that do not exist (PRAGMA foreign_key_check)."
    }
}
