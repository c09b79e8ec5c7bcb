import SQLKit

/// The schema operations a revision performs: Alembic's `op`.
///
/// Each operation is one change, made the way the connection's dialect
/// makes it (``SQLiteDialect``, ``PostgresDialect``): on PostgreSQL an
/// `ALTER TABLE`, on SQLite a table rebuild where its `ALTER TABLE` cannot
/// make the change. Alembic rebuilds SQLite tables only in "batch mode",
/// configured by hand; here it is what these operations do.
///
/// On both, making a column NOT NULL over rows that hold NULL there is
/// refused before anything runs, with a message that says how to fill them.
public struct SchemaOperations: Sendable {
    /// Where the operations run, in which dialect.
    let ddl: DDL
    /// Set when the operations are only recorded, not run.
    private let recorder: OperationRecorder?

    /// Operations on `database`, in its dialect; `onStatement` sees every
    /// statement's SQL. With `tracked`, `database` is an ``OfflineDatabase``:
    /// the statements are only shown, and `tracked` follows the schema.
    package init(
        database: any SQLDatabase, dialect: any Dialect, onStatement: (@Sendable (String) -> Void)? = nil,
        tracked: TrackedSchema? = nil
    ) {
        self.ddl = DDL(database: database, dialect: dialect, onStatement: onStatement, tracked: tracked)
        self.recorder = nil
    }

    /// Operations on `database`, whose dialect is read from its connection.
    package init(database: any SQLDatabase) throws {
        self.init(database: database, dialect: try Dialects.dialect(for: database))
    }

    /// Operations that only append themselves to `recorder`: what a
    /// revision does, without a database.
    package init(recordingInto recorder: OperationRecorder) {
        let dialect = SQLiteDialect()
        self.ddl = DDL(database: OfflineDatabase(dialect: dialect.sqlDialect), dialect: dialect)
        self.recorder = recorder
    }

    /// The database the operations run on.
    package var database: any SQLDatabase { ddl.database }
    /// Its dialect.
    package var dialect: any Dialect { ddl.dialect }

    // MARK: Tables

    /// `op.create_table('users', sa.Column(...), ..., sa.PrimaryKeyConstraint('id'))`.
    public func createTable(_ name: String, _ elements: [TableElement]) async throws {
        try await perform(.createTable(TableElement.table(name, elements)))
    }

    /// `op.drop_table('users')`.
    public func dropTable(_ name: String) async throws {
        try await perform(.dropTable(name))
    }

    /// `op.rename_table('people', 'members')`: the table and its rows, under
    /// a new name. Its indexes and constraints keep their names.
    public func renameTable(_ name: String, to newName: String) async throws {
        try await perform(.renameTable(name, to: newName))
    }

    // MARK: Columns

    /// `op.add_column('users', sa.Column('nickname', sa.String(), nullable=True))`.
    ///
    /// A NOT NULL column without a default is added only when the table is
    /// empty; otherwise the error says what to do.
    public func addColumn(
        _ table: String, _ name: String, _ type: ColumnType, nullable: Bool, default defaultValue: ColumnDefault? = nil
    ) async throws {
        try await perform(.addColumn(table: table, ColumnMetadata(name: name, type: type, nullable: nullable, defaultValue: defaultValue)))
    }

    /// `op.drop_column('users', 'nickname')`.
    public func dropColumn(_ table: String, _ name: String) async throws {
        try await perform(.dropColumn(table: table, name))
    }

    /// `op.alter_column('users', 'fullname', new_column_name='full_name')`:
    /// the column and its data, under a new name.
    public func renameColumn(_ table: String, _ name: String, to newName: String) async throws {
        try await perform(.renameColumn(table: table, name, to: newName))
    }

    /// `op.alter_column('users', 'password', nullable=False)`: change a
    /// column's type, nullability or default; arguments left out keep what
    /// the column has. `default:` sets a new default; `dropDefault: true`
    /// removes it (Alembic's `server_default=None`).
    ///
    /// On PostgreSQL a type change converts the values with PostgreSQL's
    /// assignment rules, so a value that does not fit (a string longer than
    /// the new `VARCHAR(n)`) fails the step instead of being cut. Where no
    /// automatic conversion exists (text to integer), say how:
    /// `postgresqlUsing: "email::bigint"` — Alembic's `postgresql_using`.
    /// SQLite ignores it.
    public func alterColumn(
        _ table: String, _ name: String,
        type: ColumnType? = nil, nullable: Bool? = nil,
        default defaultValue: ColumnDefault? = nil, dropDefault: Bool = false,
        postgresqlUsing: String? = nil
    ) async throws {
        let defaultChange: ColumnAlteration.DefaultChange? = defaultValue.map { .set($0) } ?? (dropDefault ? .drop : nil)
        try await perform(.alterColumn(table: table, name, ColumnAlteration(
            type: type, nullable: nullable, defaultValue: defaultChange, postgresqlUsing: postgresqlUsing)))
    }

    // MARK: Indexes and constraints

    /// `op.create_index('ix_users_email', 'users', ['email'], unique=True)`.
    public func createIndex(_ name: String, on table: String, _ columns: [String], unique: Bool = false) async throws {
        try await perform(.createIndex(table: table, IndexMetadata(name: name, columns: columns, unique: unique)))
    }

    /// `op.drop_index('ix_users_email', table_name='users')`.
    public func dropIndex(_ name: String, on table: String) async throws {
        try await perform(.dropIndex(table: table, name))
    }

    /// `op.create_unique_constraint('uq_users_email', 'users', ['email'])`.
    public func createUniqueConstraint(_ name: String, on table: String, _ columns: [String]) async throws {
        try await perform(.addUniqueConstraint(table: table, UniqueConstraintMetadata(name: name, columns: columns)))
    }

    /// `op.drop_constraint('uq_users_email', 'users', type_='unique')`.
    public func dropUniqueConstraint(_ name: String, on table: String) async throws {
        try await perform(.dropUniqueConstraint(table: table, name))
    }

    /// `op.create_foreign_key('fk_posts_user_id_users', 'posts', 'users', ['user_id'], ['id'])`.
    public func createForeignKey(
        _ name: String, on table: String, _ columns: [String], references referencedTable: String, _ referencedColumns: [String],
        onDelete: ForeignKeyAction = .noAction, onUpdate: ForeignKeyAction = .noAction
    ) async throws {
        try await perform(.addForeignKey(table: table, ForeignKeyMetadata(
            name: name, columns: columns, referencedTable: referencedTable,
            referencedColumns: referencedColumns, onDelete: onDelete, onUpdate: onUpdate)))
    }

    /// `op.drop_constraint('fk_posts_user_id_users', 'posts', type_='foreignkey')`.
    public func dropForeignKey(_ name: String, on table: String) async throws {
        try await perform(.dropForeignKey(table: table, name))
    }

    /// `op.execute("UPDATE users SET ...")`: any SQL, as written.
    public func execute(_ sql: String) async throws {
        try await perform(.execute(sql))
    }

    // MARK: Performing

    /// Performs `operation`: records it, or runs it in the dialect's way
    /// (offline, renders it and then follows it in the tracked schema).
    package func perform(_ operation: SchemaOperation) async throws {
        if let recorder {
            recorder.record(operation)
            return
        }
        try await run(operation)
        ddl.tracked?.apply(operation)
    }

    private func run(_ operation: SchemaOperation) async throws {
        switch operation {
        case .createTable(let table):
            try await ddl.createTable(table)
        case .dropTable(let name):
            try await ddl.execute(database.drop(table: name).dropTable)
        case .renameTable(let name, let newName):
            try await dialect.renameTable(name, to: newName, ddl)
        case .addColumn(let table, let column):
            try await dialect.addColumn(column, to: table, ddl)
        case .dropColumn(let table, let name):
            try await dialect.dropColumn(name, from: table, ddl)
        case .renameColumn(let table, let name, let newName):
            try await dialect.renameColumn(name, on: table, to: newName, ddl)
        case .alterColumn(let table, let name, let change):
            try await dialect.alterColumn(name, on: table, change, ddl)
        case .createIndex(let table, let index):
            try await ddl.createIndex(index, on: table)
        case .dropIndex(_, let name):
            try await ddl.execute(database.drop(index: name).dropIndex)
        case .addUniqueConstraint(let table, let unique):
            try await dialect.addUniqueConstraint(unique, on: table, ddl)
        case .dropUniqueConstraint(let table, let name):
            try await dialect.dropUniqueConstraint(name, on: table, ddl)
        case .addForeignKey(let table, let key):
            try await dialect.addForeignKey(key, on: table, ddl)
        case .dropForeignKey(let table, let name):
            try await dialect.dropForeignKey(name, on: table, ddl)
        case .execute(let sql):
            try await ddl.execute(SQLRaw(sql))
        }
    }

    /// Creates `table` with its primary key, unique constraints and foreign
    /// keys. Its indexes are separate operations, as in Alembic.
    package func createTable(_ table: TableMetadata) async throws {
        try await perform(.createTable(table))
    }

    /// Performs one detected change with the operation a revision file
    /// would call for it.
    package func apply(_ change: SchemaChange) async throws {
        try await perform(change.operation)
    }

    /// The `CREATE TABLE` statement for `table`.
    package func createTableStatement(_ table: TableMetadata) -> SQLCreateTable {
        ddl.createTableStatement(table)
    }

    /// The `CREATE [UNIQUE] INDEX` statement for `index`.
    package func createIndexStatement(_ index: IndexMetadata, on table: String) -> SQLCreateIndex {
        ddl.createIndexStatement(index, on: table)
    }

    /// `statement` as SQL text in this database's dialect.
    package func sql(_ statement: any SQLExpression) -> String {
        database.serialize(statement).sql
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
        try await DatabaseErrorText.translating { try await createMissingTables(on: database) }
    }

    /// ``createAll(on:)``, its driver errors as they are.
    private func createMissingTables(on database: any SQLDatabase) async throws -> [String] {
        let operations = try SchemaOperations(database: database)
        let existing = Set(try await operations.dialect.tableNames(in: database))
        var created: [String] = []
        for table in tablesInDependencyOrder where !existing.contains(table.name) {
            try await operations.createTable(table)
            for index in table.indexes {
                try await operations.perform(.createIndex(table: table.name, index))
            }
            created.append(table.name)
        }
        return created
    }
}
