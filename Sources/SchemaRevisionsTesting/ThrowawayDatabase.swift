import Foundation
import Logging
import PostgresKit
import SchemaRevisions
import Testing

/// The databases the engine's tests and the lessons' checks run on.
///
/// SQLite needs nothing: each test gets a file in a fresh temporary folder.
/// PostgreSQL needs a server: `SCHEMA_REVISIONS_TEST_POSTGRES_URL` names one
/// whose user may `CREATE DATABASE` (`scripts/test-postgres start` starts a
/// throwaway one and prints the line to export; `.ci/run` does both). Each
/// test then gets a database of its own, dropped afterwards. Without the
/// variable, PostgreSQL tests are skipped and say why (``Trait/postgres``).
public enum TestBackend: String, Sendable, CaseIterable, CustomTestStringConvertible {
    /// A SQLite file.
    case sqlite
    /// A database on the test PostgreSQL server.
    case postgresql

    public var testDescription: String { rawValue }

    /// The environment variable that names the test PostgreSQL server.
    public static let postgresVariable = "SCHEMA_REVISIONS_TEST_POSTGRES_URL"

    /// The test server's URL, when one is configured.
    public static var postgresServerURL: String? {
        ProcessInfo.processInfo.environment[postgresVariable].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Why PostgreSQL tests are skipped here.
    public static let postgresSkipReason: Comment =
        "PostgreSQL tests skipped: \(postgresVariable) is not set. Run `eval \"$(scripts/test-postgres start)\"` to start a throwaway server, then test again."
}

extension Trait where Self == ConditionTrait {
    /// Runs the test only when a test PostgreSQL server is configured;
    /// otherwise it is reported as skipped, with the reason and the command
    /// that starts one.
    public static var postgres: Self {
        .enabled(if: TestBackend.postgresServerURL != nil, TestBackend.postgresSkipReason)
    }
}

/// Runs `body` with the URL of a new, empty database on `backend`, and
/// deletes the database afterwards (a SQLite file's folder; a PostgreSQL
/// database, with `DROP DATABASE … WITH (FORCE)`).
public func withThrowawayDatabase<T>(_ backend: TestBackend, _ body: (DatabaseURL) async throws -> T) async throws -> T {
    switch backend {
    case .sqlite:
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("schema-revisions-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try await body(.sqliteFile(path: folder.appendingPathComponent("test.sqlite").path))
    case .postgresql:
        guard let server = TestBackend.postgresServerURL else {
            throw ThrowawayDatabaseError.noPostgresServer
        }
        let name = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        try await administer(server, "CREATE DATABASE \(name)")
        do {
            let result = try await body(try DatabaseURL(try url(server, database: name)))
            try await administer(server, "DROP DATABASE \(name) WITH (FORCE)")
            return result
        } catch {
            try? await administer(server, "DROP DATABASE \(name) WITH (FORCE)")
            throw error
        }
    }
}

/// Runs `body` on one connection to a new, empty database on `backend`
/// (SQLite with foreign keys enforced, as Fluent's driver opens it).
package func withThrowawayConnection<T>(
    _ backend: TestBackend, _ body: (EngineDatabase) async throws -> T
) async throws -> T {
    try await withThrowawayDatabase(backend) { url in
        let database = try await EngineDatabase.open(url, create: true)
        do {
            if backend == .sqlite { try await database.sql.raw("PRAGMA foreign_keys = ON").run() }
            let result = try await body(database)
            try await database.close()
            return result
        } catch {
            try? await database.close()
            throw error
        }
    }
}

/// Why a throwaway database could not be made.
public enum ThrowawayDatabaseError: Error, CustomStringConvertible {
    /// A PostgreSQL test ran without a server (use the `.postgres` trait).
    case noPostgresServer

    public var description: String { String(describing: TestBackend.postgresSkipReason) }
}

/// `server` with its database replaced by `database`.
private func url(_ server: String, database: String) throws -> String {
    guard var components = URLComponents(string: server) else { throw DatabaseURLError.malformedPostgres(url: server) }
    components.path = "/" + database
    guard let url = components.string else { throw DatabaseURLError.malformedPostgres(url: server) }
    return url
}

/// Runs one statement on the server's maintenance database, `postgres`.
private func administer(_ server: String, _ statement: String) async throws {
    let configuration = try SQLPostgresConfiguration(url: try url(server, database: "postgres"))
    let connection = try await PostgresConnection.connect(
        configuration: configuration.coreConfiguration, id: 1, logger: Logger(label: "test-postgres")
    )
    do {
        try await connection.sql().raw(SQLQueryString(statement)).run()
        try await connection.close()
    } catch {
        try? await connection.close()
        throw DatabaseErrorText.readable(error)
    }
}
