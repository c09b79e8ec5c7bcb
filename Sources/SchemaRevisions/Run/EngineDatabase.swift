import Foundation
import Logging
import SQLiteKit

/// The engine's own connection to the database a command works on: one
/// connection, held for the whole command, as Alembic holds one.
///
/// One connection (not a pool) is what makes each revision step one
/// transaction: SQLite's `PRAGMA foreign_keys` and `BEGIN … COMMIT` belong
/// to a connection.
public final class EngineDatabase: Sendable {
    /// The database, to run SQL on.
    public let sql: any SQLDatabase
    /// Where it is, for messages.
    public let url: DatabaseURL
    private let connection: SQLiteConnection

    private init(connection: SQLiteConnection, url: DatabaseURL) {
        self.connection = connection
        self.sql = connection.sql()
        self.url = url
    }

    /// Opens the database at `url`. With `create: false` a missing file is
    /// an error instead of a new empty database.
    ///
    /// Waits up to `busyTimeout` milliseconds for another connection's
    /// write lock before giving up with ``RunError/databaseLocked(_:)``.
    public static func open(_ url: DatabaseURL, create: Bool, busyTimeout: Int = 2000) async throws -> EngineDatabase {
        let storage: SQLiteConnection.Storage
        switch url {
        case .sqliteMemory:
            storage = .memory
        case .sqliteFile(let path):
            if !FileManager.default.fileExists(atPath: path) {
                guard create else { throw RunError.noDatabase(path: path) }
                let folder = (path as NSString).deletingLastPathComponent
                guard FileManager.default.fileExists(atPath: folder) else {
                    throw RunError.cannotOpen(path: path, reason: "the folder \(folder) does not exist")
                }
            }
            storage = .file(path: path)
        }
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(storage: storage, logger: Logger(label: "schema-revisions"))
        } catch {
            throw RunError.cannotOpen(path: url.description, reason: String(describing: error))
        }
        let database = EngineDatabase(connection: connection, url: url)
        do {
            // Reading the schema fails at once on a file that is not a database.
            try await database.sql.raw("PRAGMA busy_timeout = \(unsafeRaw: String(busyTimeout))").run()
            try await database.sql.raw("SELECT count(*) FROM sqlite_master").run()
        } catch {
            try? await connection.close()
            throw RunError.from(error, url: url)
        }
        return database
    }

    /// Closes the connection.
    public func close() async throws {
        try await connection.close()
    }
}

/// Why a command could not run. Nothing was changed when one of these is thrown.
public enum RunError: Error, CustomStringConvertible, Equatable {
    /// No database file yet.
    case noDatabase(path: String)
    /// The database could not be opened.
    case cannotOpen(path: String, reason: String)
    /// The file is not a SQLite database, or is damaged.
    case notADatabase(path: String)
    /// Another connection holds the write lock.
    case databaseLocked(String)
    /// `revision --autogenerate` on a database that is not at head.
    case notUpToDate(current: String?, head: String?)
    /// A program asked for a database at head, and it is not.
    case databaseBehind(current: String?, head: String?, upgradeCommand: String)
    /// A revision step failed; the database is as it was before the step.
    case stepFailed(revision: String, direction: String, reason: String, at: String?)

    public var description: String {
        switch self {
        case .noDatabase(let path):
            "There is no database at \(path) yet. Run `upgrade head` to create it."
        case .cannotOpen(let path, let reason):
            "Cannot open the database \(path): \(reason)."
        case .notADatabase(let path):
            "\(path) is not a SQLite database, or it is damaged. Nothing was changed. "
                + "Check the database URL (`DATABASE_URL` or the config's database_url), or restore the file from a backup."
        case .databaseLocked(let url):
            "The database \(url) is locked by another connection (a running server, or another command). "
                + "Nothing was changed. Stop that process, or wait for it to finish, and run the command again."
        case .notUpToDate(let current, let head):
            "Target database is not up to date: it is at \(current ?? "base"), the head is \(head ?? "base"). "
                + "Run `upgrade head` first, then `revision --autogenerate` again."
        case .databaseBehind(let current, let head, let command):
            "The database is at revision \(current ?? "base"), but this code expects \(head ?? "base") (head). "
                + "Run `\(command)` first: the server does not start on a database whose schema differs from its models."
        case .stepFailed(let revision, let direction, let reason, let at):
            "The \(direction) of revision \(revision) failed, and was rolled back: \(reason)\n"
                + "The database's schema, data and version are as they were before it (at \(at ?? "base")). "
                + "Fix the revision, then run the command again."
        }
    }

    /// The error SQLite gave, in the engine's words.
    static func from(_ error: any Error, url: DatabaseURL) -> any Error {
        guard let sqlite = error as? SQLiteError else { return error }
        switch sqlite.reason {
        case .notADatabase, .corrupt:
            return RunError.notADatabase(path: url.description)
        case .busy, .locked, .busyTimeout, .busyInRecovery, .busyInSnapshot, .lockedBySharedCache:
            return RunError.databaseLocked(url.description)
        default:
            return error
        }
    }
}
