import Foundation

/// One operation a revision performs, as a value: Alembic's
/// `alembic/operations/ops.py` (`AddColumnOp`, `DropTableOp`, …).
///
/// Every method of ``SchemaOperations`` makes one of these and hands it
/// to ``SchemaOperations/perform(_:)``, which runs it on a live database,
/// renders it without one (`--sql`), or only records it (the checksum that
/// tells whether an applied revision's file has changed since).
package enum SchemaOperation: Sendable, Hashable {
    case createTable(TableMetadata)
    case dropTable(String)
    case renameTable(String, to: String)
    case addColumn(table: String, ColumnMetadata)
    case dropColumn(table: String, String)
    case renameColumn(table: String, String, to: String)
    case alterColumn(table: String, String, ColumnAlteration)
    case createIndex(table: String, IndexMetadata)
    case dropIndex(table: String, String)
    case addUniqueConstraint(table: String, UniqueConstraintMetadata)
    case dropUniqueConstraint(table: String, String)
    case addForeignKey(table: String, ForeignKeyMetadata)
    case dropForeignKey(table: String, String)
    case execute(String)

    /// The operation in one line whose every part is spelled out
    /// explicitly, for checksums: two operations have the same line exactly
    /// when they do the same thing. Written by hand rather than with
    /// `String(describing:)`, so that a new stored property in a metadata
    /// type does not change the checksum of every revision ever applied.
    package var canonicalLine: String {
        switch self {
        case .createTable(let table):
            let parts = table.columns.map(Self.column)
                + ["primary_key(\(table.primaryKey.joined(separator: ",")))"]
                + table.uniqueConstraints.map { "unique \($0.name)(\($0.columns.joined(separator: ",")))" }
                + table.foreignKeys.map(Self.foreignKey)
            return "create_table \(table.name) [" + parts.joined(separator: "; ") + "]"
        case .dropTable(let name):
            return "drop_table \(name)"
        case .renameTable(let name, let newName):
            return "rename_table \(name) \(newName)"
        case .addColumn(let table, let column):
            return "add_column \(table) " + Self.column(column)
        case .dropColumn(let table, let name):
            return "drop_column \(table) \(name)"
        case .renameColumn(let table, let name, let newName):
            return "rename_column \(table) \(name) \(newName)"
        case .alterColumn(let table, let name, let change):
            var parts: [String] = []
            if let type = change.type { parts.append("type=\(type)") }
            if let nullable = change.nullable { parts.append("nullable=\(nullable)") }
            switch change.defaultValue {
            case .set(let value)?: parts.append("default=\(Self.defaultText(value))")
            case .drop?: parts.append("drop_default")
            case nil: break
            }
            if let using = change.postgresqlUsing { parts.append("postgresql_using=\(using)") }
            return "alter_column \(table) \(name) " + parts.joined(separator: " ")
        case .createIndex(let table, let index):
            return "create_index \(index.name) \(table)(\(index.columns.joined(separator: ","))) unique=\(index.unique)"
        case .dropIndex(let table, let name):
            return "drop_index \(name) \(table)"
        case .addUniqueConstraint(let table, let unique):
            return "create_unique_constraint \(unique.name) \(table)(\(unique.columns.joined(separator: ",")))"
        case .dropUniqueConstraint(let table, let name):
            return "drop_unique_constraint \(name) \(table)"
        case .addForeignKey(let table, let key):
            return "create_foreign_key \(table) " + Self.foreignKey(key)
        case .dropForeignKey(let table, let name):
            return "drop_foreign_key \(name) \(table)"
        case .execute(let sql):
            return "execute " + sql
        }
    }

    private static func column(_ column: ColumnMetadata) -> String {
        "\(column.name) \(column.type) nullable=\(column.nullable)"
            + (column.defaultValue.map { " default=" + defaultText($0) } ?? "")
    }

    private static func defaultText(_ value: ColumnDefault) -> String {
        switch value {
        case .string(let text): "string:" + text
        case .integer(let number): "integer:\(number)"
        case .double(let number): "double:\(number)"
        case .boolean(let flag): "boolean:\(flag)"
        case .currentTimestamp: "current_timestamp"
        case .sql(let sql): "sql:" + sql
        }
    }

    private static func foreignKey(_ key: ForeignKeyMetadata) -> String {
        "foreign_key \(key.name)(\(key.columns.joined(separator: ","))) -> \(key.referencedTable)"
            + "(\(key.referencedColumns.joined(separator: ","))) on_delete=\(key.onDelete.rawValue) on_update=\(key.onUpdate.rawValue)"
    }
}

extension SchemaChange {
    /// The operation a revision file calls for this change.
    package var operation: SchemaOperation {
        switch self {
        case .createTable(let table): .createTable(table)
        case .dropTable(let table): .dropTable(table.name)
        case .addColumn(let table, let column): .addColumn(table: table, column)
        case .dropColumn(let table, let column): .dropColumn(table: table, column.name)
        case .alterColumn(let table, let from, let to):
            .alterColumn(table: table, to.name, ColumnAlteration(
                type: from.type == to.type ? nil : to.type,
                nullable: from.nullable == to.nullable ? nil : to.nullable,
                defaultValue: from.defaultValue == to.defaultValue ? nil : (to.defaultValue.map { .set($0) } ?? .drop),
                postgresqlUsing: from.type == to.type ? nil : Dialects.castNeeded(from: from.type, to: to.type, column: to.name)
            ))
        case .createIndex(let table, let index): .createIndex(table: table, index)
        case .dropIndex(let table, let index): .dropIndex(table: table, index.name)
        case .addUniqueConstraint(let table, let unique): .addUniqueConstraint(table: table, unique)
        case .dropUniqueConstraint(let table, let unique): .dropUniqueConstraint(table: table, unique.name)
        case .addForeignKey(let table, let key): .addForeignKey(table: table, key)
        case .dropForeignKey(let table, let key): .dropForeignKey(table: table, key.name)
        case .renameTable(let from, let to): .renameTable(from, to: to)
        case .renameColumn(let table, let from, let to): .renameColumn(table: table, from, to: to)
        }
    }
}

/// Collects the operations a revision performs, without running them
/// (``SchemaOperations/init(recordingInto:)``).
package final class OperationRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [SchemaOperation] = []

    package init() {}

    /// Appends `operation`.
    func record(_ operation: SchemaOperation) {
        lock.withLock { recorded.append(operation) }
    }

    /// What was recorded, in order.
    package var operations: [SchemaOperation] {
        lock.withLock { recorded }
    }
}
