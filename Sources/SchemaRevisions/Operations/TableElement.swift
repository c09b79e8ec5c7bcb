/// One piece of a table definition in ``SchemaOperations/createTable(_:_:)``,
/// as Alembic's `op.create_table('users', sa.Column(...), sa.PrimaryKeyConstraint('id'))`
/// takes them.
public enum TableElement: Sendable, Hashable {
    /// `sa.Column('email', sa.String(), nullable=True)`.
    case column(ColumnMetadata)
    /// `sa.PrimaryKeyConstraint('id')`.
    case primaryKey([String])
    /// `sa.UniqueConstraint('email', name='uq_users_email')`.
    case unique(UniqueConstraintMetadata)
    /// `sa.ForeignKeyConstraint(['user_id'], ['users.id'])`.
    case foreignKey(ForeignKeyMetadata)

    /// A column: `.column("email", .string(), nullable: true)`.
    public static func column(
        _ name: String, _ type: ColumnType, nullable: Bool, default defaultValue: ColumnDefault? = nil
    ) -> TableElement {
        .column(ColumnMetadata(name: name, type: type, nullable: nullable, defaultValue: defaultValue))
    }

    /// The primary key: `.primaryKey("id")`.
    public static func primaryKey(_ columns: String...) -> TableElement {
        .primaryKey(columns)
    }

    /// A unique constraint: `.unique("uq_users_email", ["email"])`.
    public static func unique(_ name: String, _ columns: [String]) -> TableElement {
        .unique(UniqueConstraintMetadata(name: name, columns: columns))
    }

    /// A foreign key: `.foreignKey("fk_posts_user_id_users", ["user_id"], references: "users", ["id"])`.
    public static func foreignKey(
        _ name: String, _ columns: [String], references table: String, _ referencedColumns: [String],
        onDelete: ForeignKeyAction = .noAction, onUpdate: ForeignKeyAction = .noAction
    ) -> TableElement {
        .foreignKey(ForeignKeyMetadata(name: name, columns: columns, referencedTable: table,
                                       referencedColumns: referencedColumns, onDelete: onDelete, onUpdate: onUpdate))
    }

    /// The table these elements define.
    static func table(_ name: String, _ elements: [TableElement]) -> TableMetadata {
        var table = TableMetadata(name: name, columns: [], primaryKey: [])
        for element in elements {
            switch element {
            case .column(let column): table.columns.append(column)
            case .primaryKey(let columns): table.primaryKey = columns
            case .unique(let unique): table.uniqueConstraints.append(unique)
            case .foreignKey(let key): table.foreignKeys.append(key)
            }
        }
        return table
    }

    /// The elements of `table` (without its indexes), in a stable order.
    static func elements(of table: TableMetadata) -> [TableElement] {
        table.columns.map(TableElement.column)
            + (table.primaryKey.isEmpty ? [] : [.primaryKey(table.primaryKey)])
            + table.uniqueConstraints.map(TableElement.unique)
            + table.foreignKeys.map(TableElement.foreignKey)
    }
}
