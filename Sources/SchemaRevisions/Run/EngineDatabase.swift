import SQLKit

/// The engine's own connection to the database a command works on: one
/// connection, held for the whole command, as Alembic holds one, with its
/// dialect chosen once.
///
/// One connection (not a pool) is what makes each revision step one
/// transaction: `BEGIN … COMMIT` (and SQLite's `PRAGMA foreign_keys`)
/// belong to a connection.
package final class EngineDatabase: Sendable {
    /// The database, to run SQL on.
    package let sql: any SQLDatabase
    /// Where it is, for messages.
    package let url: DatabaseURL
    /// Its dialect.
    package let dialect: any Dialect
    private let connection: DatabaseConnection

    /// Opens the database at `url`. With `create: false` a missing SQLite
    /// file is an error instead of a new empty database. (A PostgreSQL
    /// database is never created: as with Alembic, `createdb` makes it.)
    ///
    /// Waits up to `busyTimeout` milliseconds for another connection's
    /// lock before giving up with ``ConnectionError/databaseLocked(_:)``.
    package static func open(_ url: DatabaseURL, create: Bool, busyTimeout: Int = 2000) async throws -> EngineDatabase {
        let dialect = Dialects.dialect(for: url)
        let connection = try await dialect.connect(url, create: create, busyTimeout: busyTimeout)
        return EngineDatabase(connection: connection, url: url, dialect: dialect)
    }

    private init(connection: DatabaseConnection, url: DatabaseURL, dialect: any Dialect) {
        self.connection = connection
        self.sql = connection.sql
        self.url = url
        self.dialect = dialect
    }

    /// Closes the connection.
    package func close() async throws {
        try await connection.close()
    }
}
