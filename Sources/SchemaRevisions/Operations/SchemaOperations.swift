import SQLKit

/// The schema operations a revision performs: Alembic's `op`, on SQLKit.
///
/// Every operation is SQL sent through SQLKit's builders to the database the
/// operations were made for, so the same revision runs on any database
/// SQLKit speaks, quoted and escaped by its dialect.
public struct SchemaOperations: Sendable {
    /// The database the operations run on.
    public let database: any SQLDatabase

    /// Operations on `database`.
    public init(database: any SQLDatabase) {
        self.database = database
    }

    /// The database's dialect.
    public var dialect: SQLDialectName { SQLDialectName(of: database) }

    /// `op.create_table(...)`: the table, its primary key, unique constraints
    /// and foreign keys. Its indexes are separate operations (``createIndex(_:on:)``),
    /// as in Alembic.
    public func createTable(_ table: TableMetadata) async throws {
        try await execute(createTableStatement(table))
    }

    /// `op.drop_table(name)`.
    public func dropTable(_ name: String) async throws {
        try await execute(database.drop(table: name).dropTable)
    }

    /// `op.create_index(name, table, columns, unique=...)`.
    public func createIndex(_ index: IndexMetadata, on table: String) async throws {
        try await execute(createIndexStatement(index, on: table))
    }

    /// `op.drop_index(name)`.
    public func dropIndex(_ name: String) async throws {
        try await execute(database.drop(index: name).dropIndex)
    }

    // MARK: Statements

    /// The `CREATE TABLE` statement for `table`.
    public func createTableStatement(_ table: TableMetadata) -> SQLCreateTable {
        let builder = database.create(table: table.name)
        for column in table.columns {
            var constraints: [SQLColumnConstraintAlgorithm] = []
            if !column.nullable { constraints.append(.notNull) }
            if let defaultValue = column.defaultValue { constraints.append(defaultValue.sqlConstraint) }
            builder.column(column.name, type: .custom(SQLRaw(column.type.sql(for: dialect))), constraints)
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

    /// `statement` as SQL text in this database's dialect.
    public func sql(_ statement: any SQLExpression) -> String {
        database.serialize(statement).sql
    }

    private func execute(_ statement: any SQLExpression) async throws {
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
                try await operations.createIndex(index, on: table.name)
            }
            created.append(table.name)
        }
        return created
    }
}
