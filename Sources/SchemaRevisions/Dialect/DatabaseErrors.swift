// The errors of the dialect layer: what a database refused, in the
// engine's words. They say what happened; the command line adds which
// command to run next.

/// A schema change that cannot be made, and why.
package enum OperationError: Error, CustomStringConvertible, Equatable {
    /// Making a column NOT NULL (or adding one without a default) over rows that hold NULL there.
    case nullsInNotNullColumn(table: String, column: String, rows: Int)
    /// The table does not exist.
    case noSuchTable(String)
    /// The column does not exist.
    case noSuchColumn(table: String, column: String)
    /// No constraint of that name on the table.
    case noSuchConstraint(table: String, name: String)
    /// A rename's new table name is taken.
    case tableExists(String)
    /// A rename's new column name is taken.
    case columnExists(table: String, column: String)
    /// A view or trigger (`kind`) uses what a change to `table` removes or
    /// retypes; `reason` is the database's word for how.
    case brokenDependent(table: String, kind: String, name: String, reason: String)
    /// A type change that a value of the column does not survive (`value`:
    /// one such value, as text; `nil` inside when it is NULL, `nil` when
    /// none was found); `reason` is the database's word for it.
    case valueDoesNotFit(table: String, column: String, type: String, value: String??, reason: String)
    /// A type change the database makes only when told how to convert the
    /// values; `using` is an expression that converts them.
    case noAutomaticCast(table: String, column: String, from: String, to: String, using: String)

    package var description: String {
        switch self {
        case .nullsInNotNullColumn(let table, let column, let rows):
            "Cannot make \(table).\(column) NOT NULL: \(rows) row\(rows == 1 ? "" : "s") of '\(table)' hold\(rows == 1 ? "s" : "") NULL there. "
                + "Fill \(rows == 1 ? "it" : "them") first — in the revision, before this step: "
                + "try await op.execute(\"UPDATE \(table) SET \(column) = ... WHERE \(column) IS NULL\") — or give the column a default."
        case .noSuchTable(let table):
            "There is no table '\(table)'."
        case .noSuchColumn(let table, let column):
            "The table '\(table)' has no column '\(column)'."
        case .noSuchConstraint(let table, let name):
            "The table '\(table)' has no constraint named '\(name)'."
        case .tableExists(let table):
            "There is already a table '\(table)'."
        case .columnExists(let table, let column):
            "The table '\(table)' already has a column '\(column)'."
        case .brokenDependent(let table, let kind, let name, let reason):
            "Cannot change the table '\(table)': the \(kind) '\(name)' uses what the change removes or retypes (\(reason)). "
                + "In the revision, drop the \(kind) before this change and create it again after it, without what is gone: "
                + "try await op.execute(\"DROP \(kind.uppercased()) \(name)\")."
        case .valueDoesNotFit(let table, let column, let type, let value, let reason):
            switch value {
            case let value??:
                "Cannot change \(table).\(column) to \(type): the value '\(Self.shortened(value))' does not convert to it (\(reason)), "
                    + "and it may not be the only one. Fix such values in the revision, before this change — "
                    + "try await op.execute(\"UPDATE \(table) SET \(column) = ... WHERE \(column) = '\(Self.shortened(value).replacingOccurrences(of: "'", with: "''"))'\") — "
                    + "or convert them with postgresqlUsing:, or keep the type."
            case .some(nil):
                "Cannot change \(table).\(column) to \(type): a NULL does not convert to it (\(reason)). "
                    + "Fill those rows in the revision, before this change, or write a postgresqlUsing: that keeps NULL, or keep the type."
            case nil:
                "Cannot change \(table).\(column) to \(type): a value does not convert to it (\(reason)). "
                    + "Fix such values in the revision, before this change (try await op.execute(\"UPDATE \(table) SET \(column) = ... WHERE ...\")), "
                    + "or convert them with postgresqlUsing:, or keep the type."
            }
        case .noAutomaticCast(let table, let column, let from, let to, let using):
            "Cannot change \(table).\(column) from \(from) to \(to): PostgreSQL converts such values only when told how. "
                + "Say how in the revision: postgresqlUsing: \"\(using.replacingOccurrences(of: "\"", with: "\\\""))\" "
                + "in this op.alterColumn (revision --autogenerate writes it)."
        }
    }
}

extension OperationError {
    /// `value`, cut to 60 characters for a message.
    static func shortened(_ value: String) -> String {
        value.count <= 60 ? value : String(value.prefix(57)) + "..."
    }
}

/// A database the engine has no dialect for.
package struct UnsupportedDatabase: Error, CustomStringConvertible, Equatable {
    /// SQLKit's name for it.
    package let name: String
    /// The ones it supports.
    package let supported: [String]

    package var description: String {
        "The engine does not support \(name) databases; it supports \(supported.joined(separator: " and "))."
    }
}

/// A database error as a person can read it: each dialect's driver may
/// describe its errors too tersely (PostgresNIO's say only "Generic
/// description to prevent accidental leakage"); a migration command runs
/// for the database's owner, who needs the server's own message.
package enum DatabaseErrorText {
    /// `error`'s message: its driver's, read by its dialect, or its description.
    package static func describe(_ error: any Error) -> String {
        for dialect in Dialects.all {
            if let message = dialect.readableMessage(for: error) { return message }
        }
        return String(describing: error)
    }

    /// `error` itself, unless its description would hide what happened;
    /// then an error that says the driver's message.
    package static func readable(_ error: any Error) -> any Error {
        for dialect in Dialects.all {
            if let message = dialect.readableMessage(for: error) { return DatabaseFailure(message: message) }
        }
        return error
    }

    /// `error` as the library's public functions throw it: the engine's
    /// error for it (a lock, a missing database), else one that says the
    /// driver's message (``DatabaseFailure``), else `error` itself. No
    /// driver error leaves the library untranslated.
    package static func translated(_ error: any Error, url: DatabaseURL? = nil) -> any Error {
        readable(engineError(for: error, url: url))
    }

    /// Runs `body`, throwing its errors ``translated(_:url:)``.
    package static func translating<T>(url: DatabaseURL? = nil, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            throw translated(error, url: url)
        }
    }

    /// The engine's error for a driver error (a lock, a missing database),
    /// or `error` itself.
    package static func engineError(for error: any Error, url: DatabaseURL?) -> any Error {
        for dialect in Dialects.all {
            if let translated = dialect.engineError(for: error, url: url) { return translated }
        }
        return error
    }
}

/// A database error the engine has no words of its own for, with the server's message.
package struct DatabaseFailure: Error, CustomStringConvertible, Equatable {
    /// What the server said.
    package let message: String

    package var description: String { "The database refused the command: \(message)" }
}

/// Why the engine could not reach a database. Nothing was changed when one
/// of these is thrown.
package enum ConnectionError: Error, CustomStringConvertible, Equatable {
    /// No database file yet.
    case noDatabase(path: String)
    /// The database could not be opened.
    case cannotOpen(path: String, reason: String)
    /// The file is not a SQLite database, or is damaged.
    case notADatabase(path: String)
    /// Another connection holds the write lock.
    case databaseLocked(String)
    /// The PostgreSQL database named in the URL does not exist on the server.
    case noPostgresDatabase(url: String, createCommand: String)
    /// The user or password in the URL was refused.
    case authenticationFailed(url: String, reason: String)

    package var description: String {
        switch self {
        case .noDatabase(let path):
            "There is no database at \(path) yet."
        case .cannotOpen(let path, let reason):
            "Cannot open the database \(path): \(reason)."
        case .notADatabase(let path):
            "\(path) is not a SQLite database, or it is damaged. Nothing was changed."
        case .databaseLocked(let url):
            "The database \(url) is locked by another connection (a running server, or another command). "
                + "Nothing was changed. Stop that process, or wait for it to finish, and run the command again."
        case .noPostgresDatabase(let url, let command):
            "The database \(url) does not exist on that PostgreSQL server. Create it first — \(command)"
        case .authenticationFailed(let url, let reason):
            "Cannot open the database \(url): \(reason)."
        }
    }
}
