import SQLKit

/// A schema change that cannot be made, and why.
public enum OperationError: Error, CustomStringConvertible, Equatable {
    /// Making a column NOT NULL (or adding one without a default) over rows that hold NULL there.
    case nullsInNotNullColumn(table: String, column: String, rows: Int)
    /// The table does not exist.
    case noSuchTable(String)
    /// The column does not exist.
    case noSuchColumn(table: String, column: String)
    /// No constraint of that name on the table.
    case noSuchConstraint(table: String, name: String)

    public var description: String {
        switch self {
        case .nullsInNotNullColumn(let table, let column, let rows):
            "Cannot make \(table).\(column) NOT NULL: \(rows) row\(rows == 1 ? "" : "s") of '\(table)' hold\(rows == 1 ? "s" : "") NULL there. "
                + "Fill \(rows == 1 ? "it" : "them") first — in the revision, before this step: "
                + "try await op.execute(\"UPDATE \(table) SET \(column) = ... WHERE \(column) IS NULL\") — or give the column a default."
        case .noSuchTable(let table):
            "There is no table '\(table)'. Run `current` to see which revision the database is at."
        case .noSuchColumn(let table, let column):
            "The table '\(table)' has no column '\(column)'."
        case .noSuchConstraint(let table, let name):
            "The table '\(table)' has no constraint named '\(name)'."
        }
    }
}

/// The schema operations a revision performs: Alembic's `op`, on SQLKit.
///
/// Every operation is SQL sent through SQLKit's builders to the database the
/// operations were made for, quoted and escaped by its dialect.
///
/// On PostgreSQL every change is one `ALTER TABLE` (`ALTER COLUMN … TYPE`,
/// `SET NOT NULL`, `ADD CONSTRAINT`, …), as Alembic emits them.
///
/// On SQLite, changes SQLite's `ALTER TABLE` cannot make — a column's type,
/// nullability or default, dropping a column, adding or dropping a unique
/// constraint or foreign key — are made by rebuilding the table the way
/// SQLite's documentation prescribes: create the new table under a temporary
/// name, copy every row, drop the old one, rename the new one, re-create the
/// indexes. Alembic does this only in "batch mode", configured by hand; here
/// it is what these operations do. The revision runner turns foreign-key
/// enforcement off around the step and checks every key before committing.
///
/// On both, making a column NOT NULL over rows that hold NULL there is
/// refused before anything runs, with ``OperationError/nullsInNotNullColumn(table:column:rows:)``.
public struct SchemaOperations: Sendable {
    /// The database the operations run on.
    public let database: any SQLDatabase
    /// Called with each statement's SQL just before it runs.
    public let onStatement: (@Sendable (String) -> Void)?

    /// Operations on `database`; `onStatement` sees every statement's SQL.
    public init(database: any SQLDatabase, onStatement: (@Sendable (String) -> Void)? = nil) {
        self.database = database
        self.onStatement = onStatement
    }

    /// The database's dialect.
    public var dialect: SQLDialectName { SQLDialectName(of: database) }

    // MARK: Tables

    /// `op.create_table('users', sa.Column(...), ..., sa.PrimaryKeyConstraint('id'))`.
    public func createTable(_ name: String, _ elements: [TableElement]) async throws {
        try await createTable(TableElement.table(name, elements))
    }

    /// Creates `table` with its primary key, unique constraints and foreign
    /// keys. Its indexes are separate operations, as in Alembic.
    public func createTable(_ table: TableMetadata) async throws {
        try await execute(createTableStatement(table))
    }

    /// `op.drop_table('users')`.
    public func dropTable(_ name: String) async throws {
        try await execute(database.drop(table: name).dropTable)
    }

    // MARK: Columns

    /// `op.add_column('users', sa.Column('nickname', sa.String(), nullable=True))`.
    ///
    /// A NOT NULL column without a default is added by rebuilding the table,
    /// and only when the table is empty; otherwise the error says what to do.
    public func addColumn(
        _ table: String, _ name: String, _ type: ColumnType, nullable: Bool, default defaultValue: ColumnDefault? = nil
    ) async throws {
        let column = ColumnMetadata(name: name, type: type, nullable: nullable, defaultValue: defaultValue)
        if dialect == .sqlite, !nullable, defaultValue == nil {
            try await rebuild(table) { $0.columns.append(column) }
            return
        }
        if !nullable, defaultValue == nil {
            // Every existing row would hold NULL in the new column.
            let rows = try await rowCount(of: table)
            if rows > 0 { throw OperationError.nullsInNotNullColumn(table: table, column: name, rows: rows) }
        }
        try await execute(database.alter(table: table).column(
            name, type: .custom(SQLRaw(type.sql(for: dialect))), constraints(for: column)
        ).alterTable)
    }

    /// `op.drop_column('users', 'nickname')`.
    public func dropColumn(_ table: String, _ name: String) async throws {
        if dialect == .sqlite {
            try await rebuild(table) { table in
                guard table.column(named: name) != nil else {
                    throw OperationError.noSuchColumn(table: table.name, column: name)
                }
                table.columns.removeAll { $0.name == name }
                table.indexes.removeAll { $0.columns.contains(name) }
                table.uniqueConstraints.removeAll { $0.columns.contains(name) }
                table.foreignKeys.removeAll { $0.columns.contains(name) }
                table.primaryKey.removeAll { $0 == name }
            }
            return
        }
        try await execute(database.alter(table: table).dropColumn(name).alterTable)
    }

    /// `op.alter_column('users', 'password', nullable=False)`: change a
    /// column's type, nullability or default; arguments left `nil` keep what
    /// the column has. Pass `default: .some(nil)` to remove a default.
    ///
    /// On PostgreSQL a type change converts the values with PostgreSQL's
    /// assignment rules, so a value that does not fit (a string longer than
    /// the new `VARCHAR(n)`) fails the step instead of being cut. Where no
    /// automatic conversion exists (text to integer), say how:
    /// `postgresqlUsing: "email::bigint"` — Alembic's `postgresql_using`.
    /// SQLite ignores it.
    public func alterColumn(
        _ table: String, _ name: String,
        type: ColumnType? = nil, nullable: Bool? = nil, default defaultValue: ColumnDefault?? = nil,
        postgresqlUsing: String? = nil
    ) async throws {
        if dialect == .postgresql {
            try await alterPostgresColumn(table, name, type: type, nullable: nullable, default: defaultValue, using: postgresqlUsing)
            return
        }
        try await rebuild(table) { table in
            guard let index = table.columns.firstIndex(where: { $0.name == name }) else {
                throw OperationError.noSuchColumn(table: table.name, column: name)
            }
            if let type { table.columns[index].type = type }
            if let nullable { table.columns[index].nullable = nullable }
            if let defaultValue { table.columns[index].defaultValue = defaultValue }
        }
    }

    // MARK: Indexes and constraints

    /// `op.create_index('ix_users_email', 'users', ['email'], unique=True)`.
    public func createIndex(_ name: String, on table: String, _ columns: [String], unique: Bool = false) async throws {
        try await execute(createIndexStatement(IndexMetadata(name: name, columns: columns, unique: unique), on: table))
    }

    /// `op.drop_index('ix_users_email', table_name='users')`.
    public func dropIndex(_ name: String, on table: String) async throws {
        try await execute(database.drop(index: name).dropIndex)
    }

    /// `op.create_unique_constraint('uq_users_email', 'users', ['email'])`.
    public func createUniqueConstraint(_ name: String, on table: String, _ columns: [String]) async throws {
        if dialect == .postgresql {
            try await execute(SQLQueryString(
                "ALTER TABLE \(ident: table) ADD CONSTRAINT \(ident: name) UNIQUE (\(SQLList(columns.map(SQLIdentifier.init(_:)))))"
            ))
            return
        }
        try await rebuild(table) { $0.uniqueConstraints.append(UniqueConstraintMetadata(name: name, columns: columns)) }
    }

    /// `op.drop_constraint('uq_users_email', 'users', type_='unique')`.
    public func dropUniqueConstraint(_ name: String, on table: String) async throws {
        if dialect == .postgresql {
            try await dropPostgresConstraint(name, on: table)
            return
        }
        try await rebuild(table) { table in
            guard table.uniqueConstraints.contains(where: { $0.name == name }) else {
                throw OperationError.noSuchConstraint(table: table.name, name: name)
            }
            table.uniqueConstraints.removeAll { $0.name == name }
        }
    }

    /// `op.create_foreign_key('fk_posts_user_id_users', 'posts', 'users', ['user_id'], ['id'])`.
    public func createForeignKey(
        _ name: String, on table: String, _ columns: [String], references referencedTable: String, _ referencedColumns: [String],
        onDelete: ForeignKeyAction = .noAction, onUpdate: ForeignKeyAction = .noAction
    ) async throws {
        let key = ForeignKeyMetadata(name: name, columns: columns, referencedTable: referencedTable,
                                     referencedColumns: referencedColumns, onDelete: onDelete, onUpdate: onUpdate)
        if dialect == .postgresql {
            let keyColumns = SQLList(columns.map(SQLIdentifier.init(_:)))
            let referenced = SQLList(referencedColumns.map(SQLIdentifier.init(_:)))
            let statement: SQLQueryString = "ALTER TABLE \(ident: table) ADD CONSTRAINT \(ident: name) FOREIGN KEY (\(keyColumns)) "
                + "REFERENCES \(ident: referencedTable) (\(referenced)) "
                + "ON DELETE \(unsafeRaw: onDelete.rawValue) ON UPDATE \(unsafeRaw: onUpdate.rawValue)"
            try await execute(statement)
            return
        }
        try await rebuild(table) { $0.foreignKeys.append(key) }
    }

    /// `op.drop_constraint('fk_posts_user_id_users', 'posts', type_='foreignkey')`.
    public func dropForeignKey(_ name: String, on table: String) async throws {
        if dialect == .postgresql {
            try await dropPostgresConstraint(name, on: table)
            return
        }
        try await rebuild(table) { table in
            guard table.foreignKeys.contains(where: { $0.name == name }) else {
                throw OperationError.noSuchConstraint(table: table.name, name: name)
            }
            table.foreignKeys.removeAll { $0.name == name }
        }
    }

    /// `op.execute("UPDATE users SET ...")`: any SQL, as written.
    public func execute(_ sql: String) async throws {
        try await execute(SQLRaw(sql))
    }

    // MARK: Changes

    /// Performs one detected change with the operation a revision file
    /// would call for it.
    public func apply(_ change: SchemaChange) async throws {
        switch change {
        case .createTable(let table):
            try await createTable(table)
        case .dropTable(let table):
            try await dropTable(table.name)
        case .addColumn(let table, let column):
            try await addColumn(table, column.name, column.type, nullable: column.nullable, default: column.defaultValue)
        case .dropColumn(let table, let column):
            try await dropColumn(table, column.name)
        case .alterColumn(let table, let from, let to):
            try await alterColumn(table, to.name,
                                  type: from.type == to.type ? nil : to.type,
                                  nullable: from.nullable == to.nullable ? nil : to.nullable,
                                  default: from.defaultValue == to.defaultValue ? nil : .some(to.defaultValue))
        case .createIndex(let table, let index):
            try await createIndex(index.name, on: table, index.columns, unique: index.unique)
        case .dropIndex(let table, let index):
            try await dropIndex(index.name, on: table)
        case .addUniqueConstraint(let table, let unique):
            try await createUniqueConstraint(unique.name, on: table, unique.columns)
        case .dropUniqueConstraint(let table, let unique):
            try await dropUniqueConstraint(unique.name, on: table)
        case .addForeignKey(let table, let key):
            try await createForeignKey(key.name, on: table, key.columns, references: key.referencedTable, key.referencedColumns,
                                       onDelete: key.onDelete, onUpdate: key.onUpdate)
        case .dropForeignKey(let table, let key):
            try await dropForeignKey(key.name, on: table)
        }
    }

    // MARK: Altering a PostgreSQL table

    /// `ALTER TABLE … ALTER COLUMN …`, one statement per change, after the
    /// same checks the SQLite rebuild makes.
    private func alterPostgresColumn(
        _ table: String, _ name: String, type: ColumnType?, nullable: Bool?, default defaultValue: ColumnDefault??,
        using: String?
    ) async throws {
        let live = try await PostgresIntrospector().table(table, in: database)
        guard let existing = live.column(named: name) else {
            throw OperationError.noSuchColumn(table: table, column: name)
        }
        if nullable == false, existing.nullable {
            let nulls = try await rowCount(of: table, whereNull: name)
            if nulls > 0 { throw OperationError.nullsInNotNullColumn(table: table, column: name, rows: nulls) }
        }
        let alter: SQLQueryString = "ALTER TABLE \(ident: table) ALTER COLUMN \(ident: name) "
        // The default to end with: the one asked for, else the column's own.
        let finalDefault: ColumnDefault? = defaultValue ?? existing.defaultValue
        if let type {
            // A default of the old type cannot always be cast to the new one:
            // drop it first, put it back after.
            if existing.defaultValue != nil {
                try await execute(alter + "DROP DEFAULT")
            }
            // Without USING, PostgreSQL converts with its assignment casts,
            // which refuse values that do not fit (an explicit cast would
            // silently cut a too-long string to VARCHAR(n)).
            var statement = alter + "TYPE \(SQLRaw(type.sql(for: .postgresql)))"
            if let using { statement = statement + " USING \(unsafeRaw: using)" }
            try await execute(statement)
            if let finalDefault {
                try await execute(alter + "SET DEFAULT \(unsafeRaw: finalDefault.sql(for: .postgresql))")
            }
        } else if let defaultValue {
            if let value = defaultValue {
                try await execute(alter + "SET DEFAULT \(unsafeRaw: value.sql(for: .postgresql))")
            } else {
                try await execute(alter + "DROP DEFAULT")
            }
        }
        if let nullable {
            try await execute(alter + (nullable ? "DROP NOT NULL" : "SET NOT NULL"))
        }
    }

    private func dropPostgresConstraint(_ name: String, on table: String) async throws {
        try await execute(SQLQueryString("ALTER TABLE \(ident: table) DROP CONSTRAINT \(ident: name)"))
    }

    // MARK: Rebuilding a SQLite table

    /// Rebuilds `name` as `change` describes, keeping every row: SQLite's
    /// documented procedure for the changes its `ALTER TABLE` cannot make.
    func rebuild(_ name: String, _ change: (inout TableMetadata) throws -> Void) async throws {
        let live = try await liveTable(name)
        var target = live
        try change(&target)

        // Refuse NOT NULL over NULLs before touching anything, naming the rows.
        for column in target.columns where !column.nullable {
            let existing = live.column(named: column.name)
            guard existing?.nullable ?? true else { continue }
            if existing == nil, column.defaultValue != nil { continue }
            let nulls = existing == nil
                ? try await rowCount(of: name)
                : try await rowCount(of: name, whereNull: column.name)
            if nulls > 0 {
                throw OperationError.nullsInNotNullColumn(table: name, column: column.name, rows: nulls)
            }
        }

        let temporary = "_schema_revisions_new_\(name)"
        var staged = target
        staged.name = temporary
        try await execute(createTableStatement(staged))

        let copied = target.columns.map(\.name).filter { live.column(named: $0) != nil }
        if !copied.isEmpty {
            let list = SQLList(copied.map(SQLIdentifier.init(_:)))
            try await execute(SQLQueryString("INSERT INTO \(ident: temporary) (\(list)) SELECT \(list) FROM \(ident: name)"))
        }
        try await execute(database.drop(table: name).dropTable)
        try await execute(SQLQueryString("ALTER TABLE \(ident: temporary) RENAME TO \(ident: name)"))
        for index in target.indexes {
            try await execute(createIndexStatement(index, on: name))
        }
    }

    private func liveTable(_ name: String) async throws -> TableMetadata {
        struct Row: Decodable { var sql: String? }
        guard let row = try await database.raw("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = \(bind: name)")
            .first(decoding: Row.self) else {
            throw OperationError.noSuchTable(name)
        }
        return try await SQLiteIntrospector().table(name, createSQL: row.sql ?? "", in: database)
    }

    private func rowCount(of table: String, whereNull column: String? = nil) async throws -> Int {
        struct Row: Decodable { var count: Int }
        let query: SQLQueryString = column.map { "SELECT count(*) AS count FROM \(ident: table) WHERE \(ident: $0) IS NULL" }
            ?? "SELECT count(*) AS count FROM \(ident: table)"
        return try await database.raw(query).first(decoding: Row.self)?.count ?? 0
    }

    // MARK: Statements

    /// The `CREATE TABLE` statement for `table`.
    public func createTableStatement(_ table: TableMetadata) -> SQLCreateTable {
        let builder = database.create(table: table.name)
        let identity = dialect == .postgresql ? table.autoincrementColumn : nil
        for column in table.columns {
            let type = column.type.sql(for: dialect) + (column.name == identity ? " GENERATED BY DEFAULT AS IDENTITY" : "")
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

    /// The `CREATE [UNIQUE] INDEX` statement for `index`.
    public func createIndexStatement(_ index: IndexMetadata, on table: String) -> SQLCreateIndex {
        var builder = database.create(index: index.name).on(table)
        for column in index.columns {
            builder = builder.column(column)
        }
        if index.unique {
            builder = builder.unique()
        }
        return builder.createIndex
    }

    private func constraints(for column: ColumnMetadata) -> [SQLColumnConstraintAlgorithm] {
        var constraints: [SQLColumnConstraintAlgorithm] = []
        if !column.nullable { constraints.append(.notNull) }
        if let defaultValue = column.defaultValue { constraints.append(.default(SQLRaw(defaultValue.sql(for: dialect)))) }
        return constraints
    }

    /// `statement` as SQL text in this database's dialect.
    public func sql(_ statement: any SQLExpression) -> String {
        database.serialize(statement).sql
    }

    private func execute(_ statement: any SQLExpression) async throws {
        onStatement?(sql(statement))
        try await database.execute(sql: statement) { _ in }
    }
}

extension SchemaMetadata {
    /// SQLAlchemy's `Base.metadata.create_all(engine)`: creates every table
    /// (and its indexes) that `database` does not have yet, referenced tables
    /// first. Tables that exist are left exactly as they are — even when they
    /// differ from the models; changing them is what migrations are for.
    ///
    /// - Returns: the names of the tables it created.
    @discardableResult
    public func createAll(on database: any SQLDatabase) async throws -> [String] {
        let existing = Set(try await SchemaIntrospection.tableNames(in: database))
        let operations = SchemaOperations(database: database)
        var created: [String] = []
        for table in tablesInDependencyOrder where !existing.contains(table.name) {
            try await operations.createTable(table)
            for index in table.indexes {
                try await operations.createIndex(index.name, on: table.name, index.columns, unique: index.unique)
            }
            created.append(table.name)
        }
        return created
    }
}
