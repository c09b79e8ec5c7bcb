import Foundation
import PostgresKit

/// A database URL in SQLAlchemy's form, as `alembic.ini`'s `sqlalchemy.url`
/// and the `DATABASE_URL` environment variable hold it.
///
/// | URL | database |
/// | --- | --- |
/// | `sqlite:///app.sqlite` | the file `app.sqlite`, relative to the working folder |
/// | `sqlite:////var/data/app.sqlite` | the absolute path `/var/data/app.sqlite` |
/// | `sqlite://` or `sqlite:///:memory:` | a private in-memory database |
/// | `postgres://user:pass@host:5432/app` | the PostgreSQL database `app` on `host` |
///
/// `postgresql://` is the same as `postgres://`, and SQLAlchemy's driver
/// suffixes (`postgresql+psycopg://`, `+psycopg2`, `+asyncpg`, `+pg8000`)
/// are accepted and ignored, so a URL copied from a Python project works.
/// `?sslmode=disable|prefer|require` chooses TLS (default `prefer`).
public enum DatabaseURL: Sendable, Equatable, CustomStringConvertible {
    /// A SQLite file, by absolute path.
    case sqliteFile(path: String)
    /// A SQLite database in memory, gone when the program ends.
    case sqliteMemory
    /// A PostgreSQL database, by its (normalised) `postgres://` URL.
    case postgres(url: String)

    /// The environment variable that overrides the configured URL.
    package static let environmentVariable = "DATABASE_URL"

    /// The PostgreSQL schemes accepted, SQLAlchemy's driver suffixes included.
    static let postgresSchemes = [
        "postgres", "postgresql", "postgresql+psycopg", "postgresql+psycopg2", "postgresql+asyncpg", "postgresql+pg8000",
    ]

    /// Parses `url`, resolving a relative SQLite path against `workingDirectory`.
    public init(_ url: String, relativeTo workingDirectory: String = FileManager.default.currentDirectoryPath) throws {
        let trimmed = url.trimmingCharacters(in: .whitespaces)
        if let scheme = trimmed.range(of: "://").map({ String(trimmed[..<$0.lowerBound]).lowercased() }),
           Self.postgresSchemes.contains(scheme) {
            let normalized = "postgres" + trimmed.dropFirst(scheme.count)
            do {
                _ = try SQLPostgresConfiguration(url: normalized)
            } catch {
                throw DatabaseURLError.malformedPostgres(url: Self.redacted(url))
            }
            self = .postgres(url: normalized)
            return
        }
        guard trimmed.hasPrefix("sqlite://") else {
            throw DatabaseURLError.unsupported(url: Self.redacted(url))
        }
        let rest = String(trimmed.dropFirst("sqlite://".count))
        if rest.isEmpty || rest == "/:memory:" {
            self = .sqliteMemory
            return
        }
        guard rest.hasPrefix("/"), rest.count > 1 else {
            throw DatabaseURLError.malformed(url: url)
        }
        let path = String(rest.dropFirst()) // sqlite:///x → "x"; sqlite:////abs → "/abs"
        if path.hasPrefix("/") {
            self = .sqliteFile(path: path)
        } else {
            self = .sqliteFile(path: URL(fileURLWithPath: workingDirectory).appendingPathComponent(path).standardizedFileURL.path)
        }
    }

    /// `DATABASE_URL` when it is set, else `defaultURL`.
    public static func fromEnvironment(
        default defaultURL: String,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> DatabaseURL {
        try DatabaseURL(environment[environmentVariable] ?? defaultURL)
    }

    /// SQLKit's name for the database's dialect, to choose it by (``Dialects/named(_:)``).
    package var dialectName: String {
        switch self {
        case .sqliteFile, .sqliteMemory: "sqlite"
        case .postgres: "postgresql"
        }
    }

    /// The URL in SQLAlchemy's spelling (absolute SQLite paths use four
    /// slashes), with any password replaced by `***`, as SQLAlchemy prints
    /// URLs: safe for messages and logs.
    public var description: String {
        switch self {
        case .sqliteFile(let path): "sqlite:///\(path)"
        case .sqliteMemory: "sqlite://"
        case .postgres(let url): Self.redacted(url)
        }
    }

    /// The URL as written, password included: for connecting and for config
    /// files, never for messages (use ``description``).
    package var connectionString: String {
        switch self {
        case .sqliteFile, .sqliteMemory: description
        case .postgres(let url): url
        }
    }

    /// `url` with the password (between `user:` and `@`) replaced by `***`.
    static func redacted(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://"),
              let at = url[schemeEnd.upperBound...].lastIndex(of: "@"),
              let colon = url[schemeEnd.upperBound..<at].firstIndex(of: ":") else { return url }
        return String(url[..<url.index(after: colon)]) + "***" + String(url[at...])
    }

    /// Where a PostgreSQL URL points: host, port, database and user, for messages.
    var postgresTarget: (host: String, port: Int, database: String, user: String)? {
        guard case .postgres(let url) = self, let components = URLComponents(string: url) else { return nil }
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        return (components.host ?? "localhost", components.port ?? 5432, database, components.user ?? "")
    }
}

/// A database URL that cannot be used.
package enum DatabaseURLError: Error, CustomStringConvertible, Equatable {
    /// A scheme the engine does not support.
    case unsupported(url: String)
    /// A `sqlite:` URL that is not in one of the three forms.
    case malformed(url: String)
    /// A `postgres:` URL without a host or user, or with a bad `sslmode`.
    case malformedPostgres(url: String)

    package var description: String {
        switch self {
        case .unsupported(let url):
            "The database URL '\(url)' is not supported: use sqlite:///relative/path.sqlite, "
                + "sqlite:////absolute/path.sqlite, sqlite:// (in memory) or postgres://user:password@host:5432/database."
        case .malformed(let url):
            "The database URL '\(url)' is malformed. A SQLite URL has three slashes before a relative path "
                + "(sqlite:///app.sqlite) and four before an absolute one (sqlite:////var/data/app.sqlite)."
        case .malformedPostgres(let url):
            "The database URL '\(url)' is malformed. A PostgreSQL URL names a user and a host: "
                + "postgres://user:password@host:5432/database (optionally ?sslmode=disable, prefer or require)."
        }
    }
}
