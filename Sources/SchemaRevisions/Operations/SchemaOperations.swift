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

    /// Operations on `database`, in its dialect; `onStatement` sees every statement's SQL.
    package init(database: any SQLDatabase, dialect: any Dialect, onStatement: (@Sendable (String) -> Void)? = nil) {
        self.ddl = DDL(database: database, dialect: dialect, onStatement: onStatement)
    }

    /// Operations on `database`, whose dialect is read from its connection.
    package init(database: any SQLDatabase) throws {
        self.init(database: database, dialect: try Dialects.dialect(for: database))
    }

    /// The database the operations run on.
    package var database: any SQLDatabase { ddl.database }
    /// Its dialect.
    package var dialect: any Dialect { ddl.dialect }

    // MARK: Tables

    /// `op.create_table('users', sa.Column(...), ..., sa.PrimaryKeyConstraint('id'))`.
    public func createTable(_ name: String, _ elements: [TableElement]) async throws {
        try await createTable(TableElement.table(name, elements))
    }

    /// Creates `table` with its primary key, unique constraints and foreign
    /// keys. Its indexes are separate operations, as in Alembic.
    package func createTable(_ table: TableMetadata) async throws {
        try await ddl.createTable(table)
    }

    /// `op.drop_table('users')`.
    public func dropTable(_ name: String) async throws {
        try await ddl.execute(database.drop(table: name).dropTable)
    }

    /// `op.rename_table('people', 'members')`: the table and its rows, under
    /// a new name. Its indexes and constraints keep their names.
    public func renameTable(_ name: String, to newName: String) async throws {
        try await dialect.renameTable(name, to: newName, ddl)
    }

    // MARK: Columns

    /// `op.add_column('users', sa.Column('nickname', sa.String(), nullable=True))`.
    ///
    /// A NOT NULL column without a default is added only when the table is
    /// empty; otherwise the error says what to do.
    public func addColumn(
        _ table: String, _ name: String, _ type: ColumnType, nullable: Bool, default defaultValue: ColumnDefault? = nil
    ) async throws {
        let column = ColumnMetadata(name: name, type: type, nullable: nullable, defaultValue: defaultValue)
        try await dialect.addColumn(column, to: table, ddl)
    }

    /// `op.drop_column('users', 'nickname')`.
    public func dropColumn(_ table: String, _ name: String) async throws {
        try await dialect.dropColumn(name, from: table, ddl)
    }

    /// `op.alter_column('users', 'fullname', new_column_name='full_name')`:
    /// the column and its data, under a new name.
    public func renameColumn(_ table: String, _ name: String, to newName: String) async throws {
        try await dialect.renameColumn(name, on: table, to: newName, ddl)
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
        try await alterColumn(table, name, ColumnAlteration(
            type: type, nullable: nullable, defaultValue: defaultChange, postgresqlUsing: postgresqlUsing))
    }

    /// Changes a column as `change` says.
    package func alterColumn(_ table: String, _ name: String, _ change: ColumnAlteration) async throws {
        try await dialect.alterColumn(name, on: table, change, ddl)
    }

    // MARK: Indexes and constraints

    /// `op.create_index('ix_users_email', 'users', ['email'], unique=True)`.
    public func createIndex(_ name: String, on table: String, _ columns: [String], unique: Bool = false) async throws {
        try await ddl.createIndex(IndexMetadata(name: name, columns: columns, unique: unique), on: table)
    }

    /// `op.drop_index('ix_users_email', table_name='users')`.
    public func dropIndex(_ name: String, on table: String) async throws {
        try await ddl.execute(database.drop(index: name).dropIndex)
    }

    /// `op.create_unique_constraint('uq_users_email', 'users', ['email'])`.
    public func createUniqueConstraint(_ name: String, on table: String, _ columns: [String]) async throws {
        try await dialect.addUniqueConstraint(UniqueConstraintMetadata(name: name, columns: columns), on: table, ddl)
    }

    /// `op.drop_constraint('uq_users_email', 'users', type_='unique')`.
    public func dropUniqueConstraint(_ name: String, on table: String) async throws {
        try await dialect.dropUniqueConstraint(name, on: table, ddl)
    }

    /// `op.create_foreign_key('fk_posts_user_id_users', 'posts', 'users', ['user_id'], ['id'])`.
    public func createForeignKey(
        _ name: String, on table: String, _ columns: [String], references referencedTable: String, _ referencedColumns: [String],
        onDelete: ForeignKeyAction = .noAction, onUpdate: ForeignKeyAction = .noAction
    ) async throws {
        let key = ForeignKeyMetadata(name: name, columns: columns, referencedTable: referencedTable,
                                     referencedColumns: referencedColumns, onDelete: onDelete, onUpdate: onUpdate)
        try await dialect.addForeignKey(key, on: table, ddl)
    }

    /// `op.drop_constraint('fk_posts_user_id_users', 'posts', type_='foreignkey')`.
    public func dropForeignKey(_ name: String, on table: String) async throws {
        try await dialect.dropForeignKey(name, on: table, ddl)
    }

    /// `op.execute("UPDATE users SET ...")`: any SQL, as written.
    public func execute(_ sql: String) async throws {
        try await ddl.execute(SQLRaw(sql))
    }

    // MARK: Changes

    /// Performs one detected change with the operation a revision file
    /// would call for it.
    package func apply(_ change: SchemaChange) async throws {
        switch change {
        case .createTable(let table):
            try await createTable(table)
        case .dropTable(let table):
            try await dropTable(table.name)
        case .addColumn(let table, let column):
            try await dialect.addColumn(column, to: table, ddl)
        case .dropColumn(let table, let column):
            try await dropColumn(table, column.name)
        case .alterColumn(let table, let from, let to):
            try await alterColumn(table, to.name, ColumnAlteration(
                type: from.type == to.type ? nil : to.type,
                nullable: from.nullable == to.nullable ? nil : to.nullable,
                defaultValue: from.defaultValue == to.defaultValue ? nil : (to.defaultValue.map { .set($0) } ?? .drop),
                postgresqlUsing: from.type == to.type ? nil : Dialects.castNeeded(from: from.type, to: to.type, column: to.name)
            ))
        case .createIndex(let table, let index):
            try await ddl.createIndex(index, on: table)
        case .dropIndex(let table, let index):
            try await dropIndex(index.name, on: table)
        case .addUniqueConstraint(let table, let unique):
            try await dialect.addUniqueConstraint(unique, on: table, ddl)
        case .dropUniqueConstraint(let table, let unique):
            try await dropUniqueConstraint(unique.name, on: table)
        case .addForeignKey(let table, let key):
            try await dialect.addForeignKey(key, on: table, ddl)
        case .dropForeignKey(let table, let key):
            try await dropForeignKey(key.name, on: table)
        case .renameTable(let from, let to):
            try await renameTable(from, to: to)
        case .renameColumn(let table, let from, let to):
            try await renameColumn(table, from, to: to)
        }
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
                try await operations.ddl.createIndex(index, on: table.name)
            }
            created.append(table.name)
        }
        return created
    }
}
