/// One change to a database's schema: what autogenerate detects and what a
/// revision's `upgrade` performs. Every change has an ``inverse``, which
/// `downgrade` performs.
public enum SchemaChange: Sendable, Hashable, CustomStringConvertible {
    /// A new table (its indexes are separate ``createIndex(table:_:)`` changes).
    case createTable(TableMetadata)
    /// Remove a table; carries its whole definition so the inverse can rebuild it.
    case dropTable(TableMetadata)
    /// A new column on an existing table.
    case addColumn(table: String, ColumnMetadata)
    /// Remove a column; carries its definition for the inverse.
    case dropColumn(table: String, ColumnMetadata)
    /// A column whose type, nullability or default changes.
    case alterColumn(table: String, from: ColumnMetadata, to: ColumnMetadata)
    /// A new index.
    case createIndex(table: String, IndexMetadata)
    /// Remove an index.
    case dropIndex(table: String, IndexMetadata)
    /// A new `UNIQUE` constraint.
    case addUniqueConstraint(table: String, UniqueConstraintMetadata)
    /// Remove a `UNIQUE` constraint.
    case dropUniqueConstraint(table: String, UniqueConstraintMetadata)
    /// A new foreign key.
    case addForeignKey(table: String, ForeignKeyMetadata)
    /// Remove a foreign key.
    case dropForeignKey(table: String, ForeignKeyMetadata)
    /// Rename a table, keeping its rows (`ALTER TABLE … RENAME TO`).
    case renameTable(from: String, to: String)
    /// Rename a column, keeping its data (`ALTER TABLE … RENAME COLUMN`).
    case renameColumn(table: String, from: String, to: String)

    /// The change that undoes this one.
    package var inverse: SchemaChange {
        switch self {
        case .createTable(let table): .dropTable(table)
        case .dropTable(let table): .createTable(table)
        case .addColumn(let table, let column): .dropColumn(table: table, column)
        case .dropColumn(let table, let column): .addColumn(table: table, column)
        case .alterColumn(let table, let from, let to): .alterColumn(table: table, from: to, to: from)
        case .createIndex(let table, let index): .dropIndex(table: table, index)
        case .dropIndex(let table, let index): .createIndex(table: table, index)
        case .addUniqueConstraint(let table, let unique): .dropUniqueConstraint(table: table, unique)
        case .dropUniqueConstraint(let table, let unique): .addUniqueConstraint(table: table, unique)
        case .addForeignKey(let table, let key): .dropForeignKey(table: table, key)
        case .dropForeignKey(let table, let key): .addForeignKey(table: table, key)
        case .renameTable(let from, let to): .renameTable(from: to, to: from)
        case .renameColumn(let table, let from, let to): .renameColumn(table: table, from: to, to: from)
        }
    }

    /// Whether the change throws data away (a dropped table or column).
    public var isDestructive: Bool {
        switch self {
        case .dropTable, .dropColumn: true
        default: false
        }
    }

    /// The table the change is on (a renamed table's new name).
    public var table: String {
        switch self {
        case .createTable(let table), .dropTable(let table): table.name
        case .addColumn(let table, _), .dropColumn(let table, _), .alterColumn(let table, _, _),
             .createIndex(let table, _), .dropIndex(let table, _),
             .addUniqueConstraint(let table, _), .dropUniqueConstraint(let table, _),
             .addForeignKey(let table, _), .dropForeignKey(let table, _),
             .renameTable(_, let table), .renameColumn(let table, _, _):
            table
        }
    }

    /// A one-line summary, as `alembic revision --autogenerate` prints it:
    /// `Detected added table 'users'`.
    public var description: String {
        switch self {
        case .createTable(let table): "Detected added table '\(table.name)'"
        case .dropTable(let table): "Detected removed table '\(table.name)'"
        case .addColumn(let table, let column): "Detected added column '\(table).\(column.name)'"
        case .dropColumn(let table, let column): "Detected removed column '\(table).\(column.name)'"
        case .alterColumn(let table, let from, let to):
            "Detected changed column '\(table).\(to.name)': " + Self.describeAlteration(from: from, to: to)
        case .createIndex(let table, let index):
            "Detected added \(index.unique ? "unique " : "")index '\(index.name)' on '\(table)' (\(index.columns.joined(separator: ", ")))"
        case .dropIndex(let table, let index): "Detected removed index '\(index.name)' on '\(table)'"
        case .addUniqueConstraint(let table, let unique):
            "Detected added unique constraint '\(unique.name)' on '\(table)' (\(unique.columns.joined(separator: ", ")))"
        case .dropUniqueConstraint(let table, let unique): "Detected removed unique constraint '\(unique.name)' on '\(table)'"
        case .addForeignKey(let table, let key):
            "Detected added foreign key (\(key.columns.joined(separator: ", "))) → \(key.referencedTable) on '\(table)'"
        case .dropForeignKey(let table, let key):
            "Detected removed foreign key (\(key.columns.joined(separator: ", "))) → \(key.referencedTable) on '\(table)'"
        case .renameTable(let from, let to): "Detected renamed table '\(from)' to '\(to)'"
        case .renameColumn(let table, let from, let to): "Detected renamed column '\(table).\(from)' to '\(table).\(to)'"
        }
    }

    static func describeAlteration(from: ColumnMetadata, to: ColumnMetadata) -> String {
        var parts: [String] = []
        if from.type != to.type { parts.append("type \(from.type) → \(to.type)") }
        if from.nullable != to.nullable { parts.append(to.nullable ? "now nullable" : "now NOT NULL") }
        if from.defaultValue != to.defaultValue {
            parts.append("default \(from.defaultValue.map(\.description) ?? "none") → \(to.defaultValue.map(\.description) ?? "none")")
        }
        return parts.joined(separator: ", ")
    }
}
