import FluentKit
import SQLKit

/// Where a revision step stands in its command's run of steps, so that a
/// dialect's step hooks can set the connection up once, before the first
/// step, and put it back after the last (SQLite's `PRAGMA foreign_keys`:
/// two statements fewer per step).
package struct StepPosition: Sendable, Equatable {
    /// The run's first step: nothing is set up yet.
    package var isFirst: Bool
    /// The run's last step, or one that failed (which ends the run).
    package var isLast: Bool

    /// Step `index` of a run of `count`.
    package init(_ index: Int, of count: Int) {
        isFirst = index == 0
        isLast = index == count - 1
    }

    /// A step that is a whole run by itself (`stamp`, `--sql`).
    package static let only = StepPosition(0, of: 1)

    /// The same step, now ending the run (it failed).
    package var endingTheRun: StepPosition {
        var position = self
        position.isLast = true
        return position
    }
}

/// Everything one database does its own way, in one place: Alembic's
/// `DefaultImpl` (`alembic/ddl/impl.py`), with ``SQLiteDialect`` and
/// ``PostgresDialect`` as its `ddl/sqlite.py` and `ddl/postgresql.py`.
///
/// A dialect owns:
/// - how column types and defaults are spelled, and their synonyms
///   (``ColumnSpelling``, which is all the diff sees);
/// - introspection: reading a live schema back into ``TableMetadata``;
/// - the DDL each change becomes (PostgreSQL's `ALTER TABLE`, SQLite's
///   table rebuild); the extension below holds the plain-SQL versions a
///   dialect may keep;
/// - the hooks around each revision step: begin, the checks before commit,
///   end;
/// - its connection, its driver's errors in the engine's words, and what a
///   server wants set at start-up.
///
/// It is chosen once per connection, by ``Dialects/dialect(for:)``. Adding a
/// database is one new file conforming to this protocol, plus one entry in
/// ``Dialects/all``.
package protocol Dialect: ColumnSpelling {
    /// SQLKit's name for the database (`database.dialect.name`): `sqlite`, `postgresql`.
    var name: String { get }

    // MARK: Spelling

    /// How the database spells `type` in `CREATE TABLE`.
    func typeSQL(_ type: ColumnType) -> String
    /// How the database writes `value` after `DEFAULT`.
    func defaultSQL(_ value: ColumnDefault) -> String
    /// What follows the type of a table's autoincrementing primary key, if
    /// the database must be told (PostgreSQL's identity); `nil` when it
    /// numbers such a column by itself (SQLite's `INTEGER PRIMARY KEY`).
    var identityClause: String? { get }

    // MARK: Introspection

    /// The names of the database's own tables, sorted.
    func tableNames(in database: any SQLDatabase) async throws -> [String]
    /// One live table; ``OperationError/noSuchTable(_:)`` when there is none.
    func table(_ name: String, in database: any SQLDatabase) async throws -> TableMetadata
    /// Every live table except those in `excluding`.
    func schema(of database: any SQLDatabase, excluding: Set<String>) async throws -> SchemaMetadata

    // MARK: DDL, one change at a time

    /// Adds `column` to `table`.
    func addColumn(_ column: ColumnMetadata, to table: String, _ ddl: DDL) async throws
    /// Drops the column `name`.
    func dropColumn(_ name: String, from table: String, _ ddl: DDL) async throws
    /// The expression that converts `column`'s values from `from` to `to`
    /// where the database will not convert them by itself (PostgreSQL's
    /// `ALTER COLUMN … TYPE … USING`, `postgresqlUsing:` in a revision:
    /// `code::bigint` from text to an integer), or `nil` when it converts
    /// them itself or takes no such expression (SQLite copies values as
    /// they are).
    func castNeeded(from: ColumnType, to: ColumnType, column: String) -> String?
    /// Changes a column's type, nullability or default.
    func alterColumn(_ name: String, on table: String, _ change: ColumnAlteration, _ ddl: DDL) async throws
    /// Adds a `UNIQUE` constraint.
    func addUniqueConstraint(_ unique: UniqueConstraintMetadata, on table: String, _ ddl: DDL) async throws
    /// Drops the `UNIQUE` constraint `name`.
    func dropUniqueConstraint(_ name: String, on table: String, _ ddl: DDL) async throws
    /// Adds a foreign key.
    func addForeignKey(_ key: ForeignKeyMetadata, on table: String, _ ddl: DDL) async throws
    /// Drops the foreign key `name`.
    func dropForeignKey(_ name: String, on table: String, _ ddl: DDL) async throws
    /// Renames the table `name` to `newName`, keeping its rows.
    func renameTable(_ name: String, to newName: String, _ ddl: DDL) async throws
    /// Renames the column `name` of `table` to `newName`, keeping its data.
    func renameColumn(_ name: String, on table: String, to newName: String, _ ddl: DDL) async throws

    // MARK: Step hooks

    /// Before a run of `count` steps on one connection (not for `--sql`):
    /// whatever makes many steps cheaper. Returns what undoes it, run
    /// after the last step however the run ended.
    func beginSteps(_ count: Int, on database: any SQLDatabase) async -> @Sendable () async -> Void
    /// Starts a revision step's transaction (and whatever must come with
    /// it; what the whole run needs, at its first step). On failure it
    /// leaves the connection as it was before the run.
    func beginStep(on database: any SQLDatabase, at position: StepPosition) async throws
    /// Runs after the step's operations, before `COMMIT`: a failure rolls
    /// the step back.
    func checkBeforeCommit(on database: any SQLDatabase) async throws
    /// Runs after `COMMIT` or `ROLLBACK`, however the step ended; at the
    /// run's last step (or a failed one, which ends the run) it puts back
    /// what the first step set up.
    func endStep(on database: any SQLDatabase, at position: StepPosition) async throws

    // MARK: Rendering without a database

    /// SQLKit's dialect for this database, to render SQL with no connection
    /// (`upgrade --sql`).
    var sqlDialect: any SQLDialect { get }
    /// What the step hooks do, as statements in rendered SQL.
    var offlineFrame: OfflineFrame { get }

    // MARK: Connections

    /// Opens the engine's own connection to `url`.
    func connect(_ url: DatabaseURL, create: Bool, busyTimeout: Int) async throws -> DatabaseConnection
    /// The engine's error for a driver error, or `nil` when it has none.
    func engineError(for error: any Error, url: DatabaseURL?) -> (any Error)?
    /// The driver's error as a person can read it, or `nil` when `error` is
    /// not this driver's or already describes itself.
    func readableMessage(for error: any Error) -> String?
    /// Fluent's configuration for `url`, for a server.
    func fluentConfiguration(_ url: DatabaseURL) -> DatabaseConfigurationFactory
    /// Fluent's id for this kind of database.
    var fluentID: DatabaseID { get }
    /// Settings a server wants on this database, applied once at start-up.
    func prepareForServing(_ database: any SQLDatabase) async throws
}

/// The dialects the engine knows, and the choice among them.
package enum Dialects {
    /// Every supported dialect.
    package static let all: [any Dialect] = [SQLiteDialect(), PostgresDialect()]

    /// The dialect SQLKit's `name` stands for.
    package static func named(_ name: String) throws -> any Dialect {
        guard let dialect = all.first(where: { $0.name == name }) else {
            throw UnsupportedDatabase(name: name, supported: all.map(\.name))
        }
        return dialect
    }

    /// The dialect of `database`'s connection.
    package static func dialect(for database: any SQLDatabase) throws -> any Dialect {
        try named(database.dialect.name)
    }

    /// The `postgresqlUsing:` an `alterColumn` from `from` to `to` needs, as
    /// autogenerate writes it and ``SchemaOperations/apply(_:)`` performs
    /// it: one revision file serves every database, so each dialect is
    /// asked, and only one that takes such an expression answers.
    package static func castNeeded(from: ColumnType, to: ColumnType, column: String) -> String? {
        all.lazy.compactMap { $0.castNeeded(from: from, to: to, column: column) }.first
    }

    /// The dialect of the database `url` names.
    package static func dialect(for url: DatabaseURL) -> any Dialect {
        // A parsed URL always names a supported database.
        try! named(url.dialectName)
    }
}

/// The statements rendered SQL frames a run of revision steps with, so that
/// the script does what the engine's step hooks do on a live database.
package struct OfflineFrame: Sendable, Equatable {
    /// Before the first step.
    package var beforeRun: [String] = []
    /// Each step's first statement.
    package var beginStep = "BEGIN"
    /// After a step's operations, before its `COMMIT` (comments included).
    package var beforeCommit: [String] = []
    /// After the last step.
    package var afterRun: [String] = []

    package init(beforeRun: [String] = [], beginStep: String = "BEGIN", beforeCommit: [String] = [], afterRun: [String] = []) {
        self.beforeRun = beforeRun
        self.beginStep = beginStep
        self.beforeCommit = beforeCommit
        self.afterRun = afterRun
    }
}

/// A column change: only the parts that are not `nil` change.
package struct ColumnAlteration: Sendable, Hashable {
    /// What to do with the column's default.
    package enum DefaultChange: Sendable, Hashable {
        /// Set it to this.
        case set(ColumnDefault)
        /// Remove it.
        case drop
    }

    /// The new type.
    package var type: ColumnType?
    /// The new nullability.
    package var nullable: Bool?
    /// The new default.
    package var defaultValue: DefaultChange?
    /// PostgreSQL's `USING` expression for a type change.
    package var postgresqlUsing: String?

    package init(type: ColumnType? = nil, nullable: Bool? = nil, defaultValue: DefaultChange? = nil, postgresqlUsing: String? = nil) {
        self.type = type
        self.nullable = nullable
        self.defaultValue = defaultValue
        self.postgresqlUsing = postgresqlUsing
    }
}

extension ColumnMetadata {
    /// The column as `change` leaves it.
    package mutating func apply(_ change: ColumnAlteration) {
        if let type = change.type { self.type = type }
        if let nullable = change.nullable { self.nullable = nullable }
        switch change.defaultValue {
        case .set(let value)?: defaultValue = value
        case .drop?: defaultValue = nil
        case nil: break
        }
    }
}

extension TableMetadata {
    /// The table without the column `name`, and without the indexes, keys
    /// and constraints that use it (what `DROP COLUMN` leaves).
    package mutating func removeColumn(named name: String) {
        columns.removeAll { $0.name == name }
        indexes.removeAll { $0.columns.contains(name) }
        uniqueConstraints.removeAll { $0.columns.contains(name) }
        foreignKeys.removeAll { $0.columns.contains(name) }
        primaryKey.removeAll { $0 == name }
    }
}

/// An open connection the engine holds for a whole command.
package struct DatabaseConnection: Sendable {
    /// The database, to run SQL on.
    package let sql: any SQLDatabase
    /// Closes it.
    package let close: @Sendable () async throws -> Void
}

/// Where a dialect's DDL runs: the database, and who sees each statement.
///
/// Offline (with a ``TrackedSchema``) nothing runs: each statement is only
/// shown, tables are read from the tracked schema instead of introspected,
/// checks that need the rows become comments in the SQL, and checks that
/// need the live catalog are skipped (the database makes them when the SQL
/// runs).
package struct DDL: Sendable {
    /// The database (offline, an ``OfflineDatabase`` that only renders).
    package let database: any SQLDatabase
    /// Its dialect.
    package let dialect: any Dialect
    /// Called with each statement's SQL just before it runs (offline,
    /// instead of running it), and with each comment, `-- `-prefixed.
    package let onStatement: (@Sendable (String) -> Void)?
    /// The schema the revisions define, when there is no database.
    package let tracked: TrackedSchema?

    package init(
        database: any SQLDatabase, dialect: any Dialect, onStatement: (@Sendable (String) -> Void)? = nil,
        tracked: TrackedSchema? = nil
    ) {
        self.database = database
        self.dialect = dialect
        self.onStatement = onStatement
        self.tracked = tracked
    }

    /// Runs one statement (offline, only shows it).
    package func execute(_ statement: any SQLExpression) async throws {
        if let onStatement { onStatement(database.serialize(statement).sql) }
        guard tracked == nil else { return }
        try await database.execute(sql: statement) { _ in }
    }

    /// Shows `text` as an SQL comment among the statements.
    package func comment(_ text: String) {
        onStatement?("-- " + text)
    }

    /// Runs `body` only on a live database: for checks that read its catalog.
    package func whenLive(_ body: () async throws -> Void) async throws {
        if tracked == nil { try await body() }
    }

    /// The table `name`: introspected, or offline as the revisions define it.
    package func table(_ name: String) async throws -> TableMetadata {
        if let tracked { return try tracked.table(name) }
        return try await dialect.table(name, in: database)
    }

    /// Every table's name, sorted.
    package func tableNames() async throws -> [String] {
        if let tracked { return tracked.tableNames }
        return try await dialect.tableNames(in: database)
    }

    /// Throws `refusal(rows)` when `table` has rows (or, with `column`, rows
    /// that hold NULL there): the check made before a change those rows
    /// would fail, so that it fails with a message that says what to do.
    /// Offline there are no rows to count; the SQL says what must hold.
    package func requireNoRows(
        in table: String, whereNull column: String? = nil, otherwise refusal: (Int) -> any Error
    ) async throws {
        if tracked != nil {
            comment(column.map { "Fails if a row of \(table) holds NULL in \($0): fill them first." }
                ?? "Fails if \(table) has rows: the new NOT NULL column has no default to fill them with.")
            return
        }
        let rows = try await rowCount(of: table, whereNull: column)
        if rows > 0 { throw refusal(rows) }
    }

    /// `CREATE TABLE` for `table`, with its keys and constraints (not its indexes).
    package func createTable(_ table: TableMetadata) async throws {
        try await execute(createTableStatement(table))
    }

    /// `CREATE [UNIQUE] INDEX`.
    package func createIndex(_ index: IndexMetadata, on table: String) async throws {
        try await execute(createIndexStatement(index, on: table))
    }

    /// The `CREATE [UNIQUE] INDEX` statement for `index`.
    package func createIndexStatement(_ index: IndexMetadata, on table: String) -> SQLCreateIndex {
        var builder = database.create(index: index.name).on(table)
        for column in index.columns {
            builder = builder.column(column)
        }
        if index.unique {
            builder = builder.unique()
        }
        return builder.createIndex
    }

    /// The `CREATE TABLE` statement for `table`.
    package func createTableStatement(_ table: TableMetadata) -> SQLCreateTable {
        let builder = database.create(table: table.name)
        let identity = dialect.identityClause.flatMap { clause in table.autoincrementColumn.map { ($0, clause) } }
        for column in table.columns {
            let type = dialect.typeSQL(column.type) + (column.name == identity?.0 ? " " + (identity?.1 ?? "") : "")
            builder.column(column.name, type: .custom(SQLRaw(type)), constraints(for: column))
        }
        if !table.primaryKey.isEmpty {
            builder.primaryKey(table.primaryKey)
        }
        for unique in table.uniqueConstraints {
            builder.unique(unique.columns, named: unique.name)
        }
        for foreignKey in table.foreignKeys {
            builder.foreignKey(
                foreignKey.columns, references: foreignKey.referencedTable, foreignKey.referencedColumns,
                onDelete: foreignKey.onDelete == .noAction ? nil : foreignKey.onDelete.sqlAction,
                onUpdate: foreignKey.onUpdate == .noAction ? nil : foreignKey.onUpdate.sqlAction,
                named: foreignKey.name
            )
        }
        return builder.createTable
    }

    /// A column's `NOT NULL` and `DEFAULT`.
    package func constraints(for column: ColumnMetadata) -> [SQLColumnConstraintAlgorithm] {
        var constraints: [SQLColumnConstraintAlgorithm] = []
        if !column.nullable { constraints.append(.notNull) }
        if let defaultValue = column.defaultValue { constraints.append(.default(SQLRaw(dialect.defaultSQL(defaultValue)))) }
        return constraints
    }

    /// How many rows `table` has, or how many hold `NULL` in `column`.
    package func rowCount(of table: String, whereNull column: String? = nil) async throws -> Int {
        struct Row: Decodable { var count: Int }
        let query: SQLQueryString = column.map { "SELECT count(*) AS count FROM \(ident: table) WHERE \(ident: $0) IS NULL" }
            ?? "SELECT count(*) AS count FROM \(ident: table)"
        return try await database.raw(query).first(decoding: Row.self)?.count ?? 0
    }
}

// MARK: - Plain SQL, for a dialect to keep or replace

extension Dialect {
    package func canonicalDefault(_ value: ColumnDefault) -> String {
        Self.normalized(defaultSQL(value))
    }

    /// `(10, 2)` for `NUMERIC(10, 2)` (`(10, 0)` for `NUMERIC(10)`).
    package static func numericArguments(_ type: String) -> (Int, Int)? {
        guard let open = type.firstIndex(of: "("), let close = type.firstIndex(of: ")"), open < close else { return nil }
        let numbers = type[type.index(after: open)..<close].split(separator: ",")
            .map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard let precision = numbers.first ?? nil, numbers.count <= 2 else { return nil }
        guard numbers.count == 2 else { return (precision, 0) }
        guard let scale = numbers[1] else { return nil }
        return (precision, scale)
    }

    /// Upper-cased, runs of white space as one space.
    package static func normalized(_ sql: String) -> String {
        sql.uppercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// No expression: the database converts values itself, or takes none.
    package func castNeeded(from: ColumnType, to: ColumnType, column: String) -> String? { nil }

    /// `ALTER TABLE … ADD COLUMN`, refused when the column is NOT NULL
    /// without a default and the table has rows.
    package func addColumn(_ column: ColumnMetadata, to table: String, _ ddl: DDL) async throws {
        if !column.nullable, column.defaultValue == nil {
            // Every existing row would hold NULL in the new column.
            try await ddl.requireNoRows(in: table) {
                OperationError.nullsInNotNullColumn(table: table, column: column.name, rows: $0)
            }
        }
        try await ddl.execute(ddl.database.alter(table: table).column(
            column.name, type: .custom(SQLRaw(typeSQL(column.type))), ddl.constraints(for: column)
        ).alterTable)
    }

    /// `ALTER TABLE … DROP COLUMN`.
    package func dropColumn(_ name: String, from table: String, _ ddl: DDL) async throws {
        try await ddl.execute(ddl.database.alter(table: table).dropColumn(name).alterTable)
    }

    /// `ALTER TABLE … ADD CONSTRAINT … UNIQUE`.
    package func addUniqueConstraint(_ unique: UniqueConstraintMetadata, on table: String, _ ddl: DDL) async throws {
        try await ddl.execute(SQLQueryString(
            "ALTER TABLE \(ident: table) ADD CONSTRAINT \(ident: unique.name) UNIQUE (\(SQLList(unique.columns.map(SQLIdentifier.init(_:)))))"
        ))
    }

    /// `ALTER TABLE … DROP CONSTRAINT`.
    package func dropUniqueConstraint(_ name: String, on table: String, _ ddl: DDL) async throws {
        try await ddl.execute(SQLQueryString("ALTER TABLE \(ident: table) DROP CONSTRAINT \(ident: name)"))
    }

    /// `ALTER TABLE … ADD CONSTRAINT … FOREIGN KEY`.
    package func addForeignKey(_ key: ForeignKeyMetadata, on table: String, _ ddl: DDL) async throws {
        let keyColumns = SQLList(key.columns.map(SQLIdentifier.init(_:)))
        let referenced = SQLList(key.referencedColumns.map(SQLIdentifier.init(_:)))
        let statement: SQLQueryString = "ALTER TABLE \(ident: table) ADD CONSTRAINT \(ident: key.name) FOREIGN KEY (\(keyColumns)) "
            + "REFERENCES \(ident: key.referencedTable) (\(referenced)) "
            + "ON DELETE \(unsafeRaw: key.onDelete.rawValue) ON UPDATE \(unsafeRaw: key.onUpdate.rawValue)"
        try await ddl.execute(statement)
    }

    /// `ALTER TABLE … DROP CONSTRAINT`.
    package func dropForeignKey(_ name: String, on table: String, _ ddl: DDL) async throws {
        try await ddl.execute(SQLQueryString("ALTER TABLE \(ident: table) DROP CONSTRAINT \(ident: name)"))
    }

    /// `ALTER TABLE … RENAME TO` (SQLite and PostgreSQL alike; indexes,
    /// constraints and other tables' foreign keys follow the table), after
    /// checking that `name` exists and `newName` does not.
    package func renameTable(_ name: String, to newName: String, _ ddl: DDL) async throws {
        let tables = try await ddl.tableNames()
        guard tables.contains(name) else { throw OperationError.noSuchTable(name) }
        guard !tables.contains(newName) else { throw OperationError.tableExists(newName) }
        try await ddl.execute(SQLQueryString("ALTER TABLE \(ident: name) RENAME TO \(ident: newName)"))
    }

    /// `ALTER TABLE … RENAME COLUMN … TO …` (SQLite since 3.25, and
    /// PostgreSQL; indexes, constraints and foreign keys follow the
    /// column), after checking that `name` exists and `newName` does not.
    package func renameColumn(_ name: String, on table: String, to newName: String, _ ddl: DDL) async throws {
        let live = try await ddl.table(table)
        guard live.column(named: name) != nil else { throw OperationError.noSuchColumn(table: table, column: name) }
        guard live.column(named: newName) == nil else { throw OperationError.columnExists(table: table, column: newName) }
        try await ddl.execute(SQLQueryString(
            "ALTER TABLE \(ident: table) RENAME COLUMN \(ident: name) TO \(ident: newName)"))
    }

    /// Nothing to prepare.
    package func beginSteps(_ count: Int, on database: any SQLDatabase) async -> @Sendable () async -> Void {
        {}
    }

    /// `BEGIN`.
    package func beginStep(on database: any SQLDatabase, at position: StepPosition) async throws {
        try await database.raw("BEGIN").run()
    }

    /// Nothing to check.
    package func checkBeforeCommit(on database: any SQLDatabase) async throws {}

    /// Nothing to undo.
    package func endStep(on database: any SQLDatabase, at position: StepPosition) async throws {}

    /// Each step in `BEGIN` … `COMMIT`, as the engine runs it.
    package var offlineFrame: OfflineFrame { OfflineFrame() }

    /// Nothing to set.
    package func prepareForServing(_ database: any SQLDatabase) async throws {}
}

extension ForeignKeyAction {
    var sqlAction: SQLForeignKeyAction {
        switch self {
        case .noAction: .noAction
        case .restrict: .restrict
        case .cascade: .cascade
        case .setNull: .setNull
        case .setDefault: .setDefault
        }
    }
}

extension ColumnDefault {
    /// The default in standard SQL; dialects differ only on booleans.
    package var standardSQL: String {
        switch self {
        case .string(let value): "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
        case .integer(let value): String(value)
        case .double(let value): String(value)
        case .boolean(let value): value ? "true" : "false"
        case .currentTimestamp: "CURRENT_TIMESTAMP"
        case .sql(let sql): sql
        }
    }
}
