import Foundation
import Logging
import PostgresKit
import SQLiteKit

/// The engine's own connection to the database a command works on: one
/// connection, held for the whole command, as Alembic holds one.
///
/// One connection (not a pool) is what makes each revision step one
/// transaction: `BEGIN … COMMIT` (and SQLite's `PRAGMA foreign_keys`)
/// belong to a connection.
public final class EngineDatabase: Sendable {
    /// The database, to run SQL on.
    public let sql: any SQLDatabase
    /// Where it is, for messages.
    public let url: DatabaseURL
    private let connection: Connection

    private enum Connection: Sendable {
        case sqlite(SQLiteConnection)
        case postgres(PostgresConnection)
    }

    private init(connection: Connection, url: DatabaseURL) {
        self.connection = connection
        switch connection {
        case .sqlite(let sqlite): self.sql = sqlite.sql()
        case .postgres(let postgres): self.sql = postgres.sql(queryLogLevel: nil)
        }
        self.url = url
    }

    /// Opens the database at `url`. With `create: false` a missing SQLite
    /// file is an error instead of a new empty database. (A PostgreSQL
    /// database is never created: as with Alembic, `createdb` makes it.)
    ///
    /// Waits up to `busyTimeout` milliseconds for another connection's
    /// lock before giving up with ``RunError/databaseLocked(_:)``.
    public static func open(_ url: DatabaseURL, create: Bool, busyTimeout: Int = 2000) async throws -> EngineDatabase {
        switch url {
        case .sqliteMemory, .sqliteFile:
            return try await openSQLite(url, create: create, busyTimeout: busyTimeout)
        case .postgres(let string):
            return try await openPostgres(url, string: string, lockTimeout: busyTimeout)
        }
    }

    private static func openSQLite(_ url: DatabaseURL, create: Bool, busyTimeout: Int) async throws -> EngineDatabase {
        let storage: SQLiteConnection.Storage
        switch url {
        case .sqliteFile(let path):
            if !FileManager.default.fileExists(atPath: path) {
                guard create else { throw RunError.noDatabase(path: path) }
                let folder = (path as NSString).deletingLastPathComponent
                guard FileManager.default.fileExists(atPath: folder) else {
                    throw RunError.cannotOpen(path: path, reason: "the folder \(folder) does not exist")
                }
            }
            storage = .file(path: path)
        default:
            storage = .memory
        }
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(storage: storage, logger: Logger(label: "schema-revisions"))
        } catch {
            throw RunError.cannotOpen(path: url.description, reason: String(describing: error))
        }
        let database = EngineDatabase(connection: .sqlite(connection), url: url)
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

    private static func openPostgres(_ url: DatabaseURL, string: String, lockTimeout: Int) async throws -> EngineDatabase {
        let connection: PostgresConnection
        do {
            let configuration = try SQLPostgresConfiguration(url: string)
            connection = try await PostgresConnection.connect(
                configuration: configuration.coreConfiguration, id: 1, logger: Logger(label: "schema-revisions")
            )
        } catch {
            throw RunError.from(error, url: url)
        }
        let database = EngineDatabase(connection: .postgres(connection), url: url)
        do {
            // Wait this long for a lock another session holds (a running
            // server's open transaction, another command), then fail cleanly.
            try await database.sql.raw("SET lock_timeout = \(unsafeRaw: String(lockTimeout))").run()
        } catch {
            try? await connection.close()
            throw RunError.from(error, url: url)
        }
        return database
    }

    /// Closes the connection.
    public func close() async throws {
        switch connection {
        case .sqlite(let sqlite): try await sqlite.close()
        case .postgres(let postgres): try await postgres.close()
        }
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
    /// The PostgreSQL database named in the URL does not exist on the server.
    case noPostgresDatabase(url: String, createCommand: String)
    /// Another command moved the database's version while this one ran.
    case versionMoved(expected: String?, found: String?)

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
        case .noPostgresDatabase(let url, let command):
            "The database \(url) does not exist on that PostgreSQL server. Create it first — \(command) — "
                + "then run `upgrade head`."
        case .versionMoved(let expected, let found):
            "Another command changed the database's revision while this one ran (expected \(expected ?? "base"), "
                + "found \(found ?? "base")). Nothing more was changed. Run `current` to see where it is now."
        }
    }

    /// The error the database gave, in the engine's words.
    static func from(_ error: any Error, url: DatabaseURL) -> any Error {
        if let postgres = error as? PSQLError {
            return from(postgres, url: url)
        }
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

    private static func from(_ error: PSQLError, url: DatabaseURL) -> any Error {
        let target = url.postgresTarget
        switch error.serverInfo?[.sqlState] {
        case "3D000": // invalid_catalog_name: no such database
            let command = target.map { "createdb -h \($0.host) -p \($0.port) -U \($0.user) \($0.database)" } ?? "createdb"
            return RunError.noPostgresDatabase(url: url.description, createCommand: command)
        case "55P03", "40P01": // lock_not_available (lock_timeout), deadlock_detected
            return RunError.databaseLocked(url.description)
        case "28P01", "28000": // invalid_password, invalid_authorization_specification
            return RunError.cannotOpen(path: url.description, reason: DatabaseErrorText.describe(error)
                + ". Check the user and password in the URL (DATABASE_URL or the config's database_url)")
        case .some:
            return error
        case nil:
            let place = target.map { "\($0.host):\($0.port)" } ?? "the server"
            if error.code == .sslUnsupported {
                return RunError.cannotOpen(path: url.description, reason: "the server at \(place) does not offer TLS, "
                    + "and the URL requires it. Use ?sslmode=prefer (or disable, on a trusted network)")
            }
            if let underlying = error.underlying, String(reflecting: type(of: underlying)).contains("NIOSSL") {
                // sslmode=prefer and require verify the server's certificate fully
                // (PostgresKit's rule; libpq's prefer does not verify).
                return RunError.cannotOpen(path: url.description, reason: "the TLS handshake with \(place) failed ("
                    + String(describing: underlying) + "): its certificate is not one this machine trusts. "
                    + "For a local server, add ?sslmode=disable to the URL; otherwise install the server's CA certificate")
            }
            guard error.code == .connectionError || error.code == .serverClosedConnection else {
                return error
            }
            return RunError.cannotOpen(path: url.description, reason: "no PostgreSQL server answered at \(place) ("
                + DatabaseErrorText.describe(error) + "). Start it, or check the host and port in the URL")
        }
    }
}

/// A database error as a person can read it.
///
/// PostgresNIO's `PSQLError` describes itself only as "Generic description
/// to prevent accidental leakage" (so a server never shows a user its SQL);
/// a migration command runs for the database's owner, who needs the
/// server's message, detail and hint.
public enum DatabaseErrorText {
    /// `error`'s message: the server's for PostgreSQL, the description otherwise.
    public static func describe(_ error: any Error) -> String {
        if error is PostgresDecodingError {
            // Also "Generic description…" by default; the reflection names the column and types.
            return String(reflecting: error)
        }
        guard let postgres = error as? PSQLError else { return String(describing: error) }
        if let info = postgres.serverInfo, let message = info[.message] {
            var text = message
            if let detail = info[.detail] { text += " (\(detail))" }
            if let hint = info[.hint] { text += " Hint: \(hint)" }
            return text
        }
        if let underlying = postgres.underlying {
            return String(describing: underlying)
        }
        return "\(postgres.code)"
    }

    /// `error` itself, unless its description would hide what happened
    /// (PostgresNIO's); then an error that says the server's message.
    public static func readable(_ error: any Error) -> any Error {
        error is PSQLError || error is PostgresDecodingError ? DatabaseFailure(message: describe(error)) : error
    }
}

/// A database error the engine has no words of its own for, with the server's message.
public struct DatabaseFailure: Error, CustomStringConvertible, Equatable {
    /// What the server said.
    public let message: String

    public var description: String { "The database refused the command: \(message)" }
}
