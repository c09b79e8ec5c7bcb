/// A column's server-side default, rendered per dialect.
public enum ColumnDefault: Sendable, Hashable, CustomStringConvertible {
    /// `DEFAULT 'text'`.
    case string(String)
    /// `DEFAULT 42`.
    case integer(Int)
    /// `DEFAULT 1.5`.
    case double(Double)
    /// `DEFAULT 1` / `DEFAULT true`, as the dialect spells booleans.
    case boolean(Bool)
    /// `DEFAULT CURRENT_TIMESTAMP`.
    case currentTimestamp
    /// A default written in SQL, used as written: `.sql("(lower('X'))")`.
    case sql(String)

    /// The default as SQL text, for messages.
    public var description: String {
        switch self {
        case .string(let value): "'\(value.replacingOccurrences(of: "'", with: "''"))'"
        case .integer(let value): String(value)
        case .double(let value): String(value)
        case .boolean(let value): value ? "1" : "0"
        case .currentTimestamp: "CURRENT_TIMESTAMP"
        case .sql(let sql): sql
        }
    }
}

/// What happens to a row when the row it references is deleted or updated.
public enum ForeignKeyAction: String, Sendable, Hashable {
    /// `NO ACTION` (the default): the change fails while rows still refer to it.
    case noAction = "NO ACTION"
    /// `RESTRICT`: like `NO ACTION`, checked at once.
    case restrict = "RESTRICT"
    /// `CASCADE`: delete or update the referring rows too.
    case cascade = "CASCADE"
    /// `SET NULL`: clear the referring column.
    case setNull = "SET NULL"
    /// `SET DEFAULT`: reset the referring column to its default.
    case setDefault = "SET DEFAULT"
}

/// One column of a table.
public struct ColumnMetadata: Sendable, Hashable {
    /// The column's name in the database.
    public var name: String
    /// Its type.
    public var type: ColumnType
    /// Whether it may hold `NULL`.
    public var nullable: Bool
    /// Its server-side default, if any.
    public var defaultValue: ColumnDefault?

    /// Describes a column.
    package init(name: String, type: ColumnType, nullable: Bool, defaultValue: ColumnDefault? = nil) {
        self.name = name
        self.type = type
        self.nullable = nullable
        self.defaultValue = defaultValue
    }
}

/// An index: `CREATE [UNIQUE] INDEX name ON table (columns)`.
public struct IndexMetadata: Sendable, Hashable {
    /// The index's name (`ix_users_email` by SQLAlchemy's convention).
    public var name: String
    /// The indexed columns, in order.
    public var columns: [String]
    /// Whether the index also forbids duplicate values.
    public var unique: Bool

    /// Describes an index.
    package init(name: String, columns: [String], unique: Bool) {
        self.name = name
        self.columns = columns
        self.unique = unique
    }
}

/// A `UNIQUE` table constraint (as opposed to a unique index).
public struct UniqueConstraintMetadata: Sendable, Hashable {
    /// The constraint's name (`uq_users_email`).
    public var name: String
    /// The columns whose values together must be unique.
    public var columns: [String]

    /// Describes a unique constraint.
    package init(name: String, columns: [String]) {
        self.name = name
        self.columns = columns
    }
}

/// A `FOREIGN KEY (columns) REFERENCES table (columns)` constraint.
public struct ForeignKeyMetadata: Sendable, Hashable {
    /// The constraint's name (`fk_posts_author_id_users`).
    public var name: String
    /// The referring columns of this table.
    public var columns: [String]
    /// The referenced table.
    public var referencedTable: String
    /// The referenced columns, in the same order.
    public var referencedColumns: [String]
    /// What happens when the referenced row is deleted.
    public var onDelete: ForeignKeyAction
    /// What happens when the referenced key is updated.
    public var onUpdate: ForeignKeyAction

    /// Describes a foreign key.
    package init(
        name: String, columns: [String], referencedTable: String, referencedColumns: [String],
        onDelete: ForeignKeyAction = .noAction, onUpdate: ForeignKeyAction = .noAction
    ) {
        self.name = name
        self.columns = columns
        self.referencedTable = referencedTable
        self.referencedColumns = referencedColumns
        self.onDelete = onDelete
        self.onUpdate = onUpdate
    }
}

/// Everything about one table: what SQLAlchemy's `Table` object holds.
public struct TableMetadata: Sendable, Hashable {
    /// The table's name.
    public var name: String
    /// Its columns, in order.
    public var columns: [ColumnMetadata]
    /// The primary key's columns.
    public var primaryKey: [String]
    /// Its indexes.
    public var indexes: [IndexMetadata]
    /// Its unique constraints.
    public var uniqueConstraints: [UniqueConstraintMetadata]
    /// Its foreign keys.
    public var foreignKeys: [ForeignKeyMetadata]
    /// What its model says beside the schema: its Swift names and former
    /// names (not part of the schema: tables compare equal whatever it holds).
    package var modelNotes = ModelNotes()

    /// Describes a table.
    package init(
        name: String,
        columns: [ColumnMetadata],
        primaryKey: [String],
        indexes: [IndexMetadata] = [],
        uniqueConstraints: [UniqueConstraintMetadata] = [],
        foreignKeys: [ForeignKeyMetadata] = []
    ) {
        self.name = name
        self.columns = columns
        self.primaryKey = primaryKey
        self.indexes = indexes
        self.uniqueConstraints = uniqueConstraints
        self.foreignKeys = foreignKeys
    }

    /// The column called `name`, if the table has one.
    public func column(named name: String) -> ColumnMetadata? {
        columns.first { $0.name == name }
    }

    /// The column the database numbers by itself, by SQLAlchemy's
    /// `autoincrement="auto"` rule: a primary key of exactly one integer
    /// column that no foreign key uses. SQLite does this for any
    /// `INTEGER PRIMARY KEY`; PostgreSQL is told to, with
    /// `GENERATED BY DEFAULT AS IDENTITY` (explicit ids are still accepted).
    package var autoincrementColumn: String? {
        guard primaryKey.count == 1, let name = primaryKey.first,
              column(named: name)?.type.isInteger == true,
              !foreignKeys.contains(where: { $0.columns.contains(name) }) else { return nil }
        return name
    }

    /// What a model says about its table beside the schema: the Swift names,
    /// for messages that show a declaration to write, and the names the
    /// table and its columns had before (``TableArgument/renamedTable(from:)``,
    /// ``TableArgument/renamedColumn(from:to:)``), for autogenerate.
    ///
    /// None of it is schema: two tables with the same columns, keys and
    /// indexes are equal whatever their notes say (a live table has none).
    package struct ModelNotes: Sendable, Hashable {
        /// The model's Swift type (`User`); `nil` for a table described by hand.
        package var modelName: String?
        /// Each column's Swift property, by column name (`full_name` → `fullName`).
        package var propertyNames: [String: String] = [:]
        /// The table's former name, declared with `.renamedTable(from:)`.
        package var formerName: String?
        /// Former column names, by current column name, declared with `.renamedColumn(from:to:)`.
        package var formerColumnNames: [String: String] = [:]

        /// Notes with nothing in them.
        package init() {}

        /// Always equal: notes are not part of the schema.
        package static func == (lhs: ModelNotes, rhs: ModelNotes) -> Bool { true }
        /// Hashes nothing, as every two notes are equal.
        package func hash(into hasher: inout Hasher) {}
    }

    /// SQLAlchemy's naming convention, so names match what Alembic would make.
    package enum Naming {
        /// `ix_users_email`.
        package static func index(table: String, columns: [String]) -> String {
            "ix_\(table)_" + columns.joined(separator: "_")
        }
        /// `uq_users_email`.
        package static func unique(table: String, columns: [String]) -> String {
            "uq_\(table)_" + columns.joined(separator: "_")
        }
        /// `fk_posts_author_id_users`.
        package static func foreignKey(table: String, columns: [String], referencedTable: String) -> String {
            "fk_\(table)_" + columns.joined(separator: "_") + "_\(referencedTable)"
        }
    }
}
