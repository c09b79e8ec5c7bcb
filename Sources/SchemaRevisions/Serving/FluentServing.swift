import FluentKit
import SQLKit

/// What a Vapor server needs to serve the database a ``DatabaseURL``
/// names with Fluent. Each answer is the URL's dialect's.
extension DatabaseURL {
    /// The Fluent configuration for this URL:
    /// `app.databases.use(url.fluentConfiguration, as: url.databaseID)`.
    /// SQLite's foreign keys are enforced (FluentSQLiteDriver turns them on).
    public var fluentConfiguration: DatabaseConfigurationFactory {
        Dialects.dialect(for: self).fluentConfiguration(self)
    }

    /// Fluent's id for this kind of database (`.sqlite`, `.psql`).
    public var databaseID: DatabaseID {
        Dialects.dialect(for: self).fluentID
    }

    /// Settings a server wants on this kind of database, applied once at
    /// start-up so the service itself has no per-database code:
    ///
    /// - SQLite: write-ahead logging (`PRAGMA journal_mode = WAL`), so
    ///   readers do not wait for the writer. SQLite keeps it in the file.
    /// - PostgreSQL: nothing; its defaults already let readers and writers
    ///   work at once.
    public func prepareForServing(_ database: any SQLDatabase) async throws {
        try await DatabaseErrorText.translating(url: self) { try await Dialects.dialect(for: self).prepareForServing(database) }
    }
}
