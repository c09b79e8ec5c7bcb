import FluentKit
import FluentSQLiteDriver
import Foundation

/// A database URL in SQLAlchemy's form, as `alembic.ini`'s `sqlalchemy.url`
/// and the `DATABASE_URL` environment variable hold it.
///
/// | URL | database |
/// | --- | --- |
/// | `sqlite:///app.sqlite` | the file `app.sqlite`, relative to the working folder |
/// | `sqlite:////var/data/app.sqlite` | the absolute path `/var/data/app.sqlite` |
/// | `sqlite://` or `sqlite:///:memory:` | a private in-memory database |
public enum DatabaseURL: Sendable, Equatable, CustomStringConvertible {
    /// A SQLite file, by absolute path.
    case sqliteFile(path: String)
    /// A SQLite database in memory, gone when the program ends.
    case sqliteMemory

    /// The environment variable that overrides the configured URL.
    public static let environmentVariable = "DATABASE_URL"

    /// Parses `url`, resolving a relative SQLite path against `workingDirectory`.
    public init(_ url: String, relativeTo workingDirectory: String = FileManager.default.currentDirectoryPath) throws {
        let trimmed = url.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("sqlite://") else {
            throw DatabaseURLError.unsupported(url: url)
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

    /// The URL in SQLAlchemy's spelling (absolute paths use four slashes).
    public var description: String {
        switch self {
        case .sqliteFile(let path): "sqlite:///\(path)"
        case .sqliteMemory: "sqlite://"
        }
    }
}

/// A database URL that cannot be used.
public enum DatabaseURLError: Error, CustomStringConvertible, Equatable {
    /// A scheme the engine does not support (yet).
    case unsupported(url: String)
    /// A `sqlite:` URL that is not in one of the three forms.
    case malformed(url: String)

    public var description: String {
        switch self {
        case .unsupported(let url):
            "The database URL '\(url)' is not supported: use sqlite:///relative/path.sqlite, "
                + "sqlite:////absolute/path.sqlite or sqlite:// (in memory)."
        case .malformed(let url):
            "The database URL '\(url)' is malformed. A SQLite URL has three slashes before a relative path "
                + "(sqlite:///app.sqlite) and four before an absolute one (sqlite:////var/data/app.sqlite)."
        }
    }
}

extension DatabaseURL {
    /// The Fluent configuration for this URL: `app.databases.use(url.fluentConfiguration, as: .sqlite)`.
    /// SQLite's foreign keys are enforced (FluentSQLiteDriver turns them on).
    public var fluentConfiguration: DatabaseConfigurationFactory {
        switch self {
        case .sqliteFile(let path): .sqlite(.file(path))
        case .sqliteMemory: .sqlite(.memory)
        }
    }
}
