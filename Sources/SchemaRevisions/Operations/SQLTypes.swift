import SQLKit

/// The databases the engine writes SQL for.
public enum SQLDialectName: String, Sendable {
    /// SQLite.
    case sqlite
    /// PostgreSQL.
    case postgresql

    /// The dialect of `database`, from SQLKit's dialect name.
    public init(of database: any SQLDatabase) {
        self = database.dialect.name == "postgresql" ? .postgresql : .sqlite
    }
}

extension ColumnType {
    /// How `dialect` spells this type in `CREATE TABLE`.
    ///
    /// SQLite keeps the spelling SQLAlchemy uses (`VARCHAR`, `DATETIME`, …),
    /// so the schema reads the same as the one Alembic makes; SQLite stores
    /// any value in any column, and these names give the expected affinity.
    public func sql(for dialect: SQLDialectName) -> String {
        switch (self, dialect) {
        case (.integer, .sqlite): "INTEGER"
        case (.integer, .postgresql): "BIGINT"
        case (.string(let length?), _): "VARCHAR(\(length))"
        case (.string(nil), _): "VARCHAR"
        case (.text, _): "TEXT"
        case (.double, .sqlite): "DOUBLE"
        case (.double, .postgresql): "DOUBLE PRECISION"
        case (.decimal, _): "NUMERIC"
        case (.boolean, _): "BOOLEAN"
        case (.datetime, .sqlite): "DATETIME"
        case (.datetime, .postgresql): "TIMESTAMP WITH TIME ZONE"
        case (.uuid, _): "UUID"
        case (.blob, .sqlite): "BLOB"
        case (.blob, .postgresql): "BYTEA"
        case (.json, .sqlite): "JSON"
        case (.json, .postgresql): "JSONB"
        case (.custom(let sql), _): sql
        }
    }
}

extension ColumnDefault {
    /// The default as `dialect` writes it after `DEFAULT` — and as SQLite
    /// keeps it in `PRAGMA table_info`, so a live default and a declared one
    /// compare as text.
    public func sql(for dialect: SQLDialectName) -> String {
        switch self {
        case .string(let value): "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
        case .integer(let value): String(value)
        case .double(let value): String(value)
        case .boolean(let value):
            switch dialect {
            case .sqlite: value ? "1" : "0"
            case .postgresql: value ? "true" : "false"
            }
        case .currentTimestamp: "CURRENT_TIMESTAMP"
        case .sql(let sql): sql
        }
    }
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
