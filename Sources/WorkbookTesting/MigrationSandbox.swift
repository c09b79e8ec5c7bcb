import Foundation
import SchemaRevisions
import SchemaRevisionsCLI
@_exported import SchemaRevisionsTesting
import Testing
import Workbook

/// Runs a lesson's migration commands for real — the same code as
/// `swift run lesson-N <command>` — against a database and config file in a
/// temporary folder, and collects what they print.
public final class MigrationSandbox: @unchecked Sendable {
    /// The temporary folder (the config file's).
    public let folder: URL
    /// The database the commands use: a SQLite file in ``folder``, or a
    /// throwaway PostgreSQL database.
    public let databaseURL: DatabaseURL
    /// The lesson's environment, pointed at the sandbox's config file.
    public private(set) var environment: MigrationEnvironment
    private let printed = CollectedLines()

    /// The SQLite file the commands use (SQLite sandboxes only).
    public var databasePath: String {
        guard case .sqliteFile(let path) = databaseURL else {
            preconditionFailure("databasePath is for SQLite sandboxes; this one uses \(databaseURL)")
        }
        return path
    }

    init(environment: MigrationEnvironment, versionsFolder: String?, folder: URL, databaseURL: DatabaseURL?) throws {
        self.folder = folder
        self.databaseURL = databaseURL ?? .sqliteFile(path: folder.appendingPathComponent("db.sqlite").path)
        self.environment = environment
        let configPath = folder.appendingPathComponent("revisions.json").path
        let config: [String: String] = [
            "database_url": self.databaseURL.connectionString,
            "versions": versionsFolder ?? environment.versionsFolder,
        ]
        try JSONSerialization.data(withJSONObject: config).write(to: URL(fileURLWithPath: configPath))
        self.environment.configFile = configPath
        self.environment.output = { [printed] line in printed.append(line) }
        // The config file decides, whatever DATABASE_URL the shell exports.
        self.environment.environmentVariables = [:]
        // No one answers autogenerate's questions: a check never waits on the terminal.
        self.environment.ask = { _ in nil }
    }

    /// Runs `lesson-N <arguments>` and returns the lines it printed.
    @discardableResult
    public func run(_ arguments: String...) async throws -> [String] {
        let start = printed.lines.count
        let handled = try await SchemaRevisionsCommand.run(["lesson"] + arguments, environment: environment)
        #expect(handled, explain("\(arguments.first ?? "") is not a migration command",
                                 russian: "\(arguments.first ?? "") — не команда миграций"))
        return Array(printed.lines[start...])
    }
}

/// Lines a command printed, collected from any thread
/// (a ``SchemaRevisionsCLI/MigrationEnvironment/output``).
public final class CollectedLines: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String] = []

    /// An empty collection.
    public init() {}

    /// Every line so far, in order.
    public var lines: [String] { lock.withLock { storage } }

    /// Adds one line.
    public func append(_ line: String) { lock.withLock { storage.append(line) } }
}

/// A ``MigrationSandbox`` for `environment`, removed after `body`: its
/// database is a SQLite file, or with `backend: .postgresql` a throwaway
/// database on the test PostgreSQL server. New revision files go to
/// `versionsFolder` (by default the lesson's own).
public func withMigrationSandbox<T>(
    _ environment: MigrationEnvironment, versionsFolder: String? = nil, backend: TestBackend = .sqlite,
    _ body: (MigrationSandbox) async throws -> T
) async throws -> T {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("migrations-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    switch backend {
    case .sqlite:
        return try await body(try MigrationSandbox(environment: environment, versionsFolder: versionsFolder, folder: folder, databaseURL: nil))
    case .postgresql:
        return try await withThrowawayDatabase(.postgresql) { url in
            try await body(try MigrationSandbox(environment: environment, versionsFolder: versionsFolder, folder: folder, databaseURL: url))
        }
    }
}

/// Runs `body`; when it throws an ``Workbook/ExerciseTODO``, records one
/// failure with the exercise's message and returns `nil`.
public func expectExerciseDone<T>(
    lesson: Int, sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> T
) async throws -> T? {
    do {
        return try await body()
    } catch let todo as ExerciseTODO where todo.lesson == lesson {
        Issue.record(Comment(rawValue: "\(ExerciseTODO.notDoneYet()) \(todo.reason)"), sourceLocation: sourceLocation)
        return nil
    }
}

/// Records the exercise's message and returns `false` when `todo` is still set.
@discardableResult
public func expectExerciseDone(_ todo: ExerciseTODO?, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
    guard let todo else { return true }
    Issue.record(Comment(rawValue: "\(ExerciseTODO.notDoneYet()) \(todo.reason)"), sourceLocation: sourceLocation)
    return false
}
