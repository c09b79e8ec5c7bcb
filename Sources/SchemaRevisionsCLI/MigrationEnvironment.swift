import Foundation
import SchemaRevisions
import SQLKit

/// What a program tells the migration commands about itself: Alembic's
/// `env.py`, plus the defaults `alembic.ini` would hold.
///
/// ```swift
/// let environment = MigrationEnvironment(
///     targetMetadata: { try SchemaMetadata(models: User.self) }, // target_metadata = Base.metadata
///     revisions: GeneratedRevisions.all,                         // the versions/ folder, compiled
///     versionsFolder: ".../Versions",
///     configFile: "schema-revisions.json",
///     defaultDatabaseURL: "sqlite:///app.sqlite"
/// )
/// ```
public struct MigrationEnvironment: Sendable {
    /// The schema the models describe.
    public var targetMetadata: @Sendable () throws -> SchemaMetadata
    /// The compiled revisions.
    public var revisions: [any SchemaRevision.Type]
    /// Where `revision` writes new revision files (a folder the build
    /// compiles, whose files the SchemaRevisionsRegistry plugin lists).
    public var versionsFolder: String
    /// The config file `init` writes and the other commands read, relative
    /// to the working folder.
    public var configFile: String
    /// The database URL when neither the config file nor `DATABASE_URL` says one.
    public var defaultDatabaseURL: String
    /// Where the commands' output lines go (standard output unless a test says otherwise).
    public var output: @Sendable (String) -> Void = { print($0) }
    /// The environment variables the commands read (`DATABASE_URL`): the
    /// process's own, unless a test pins them (a sandbox passes `[:]` so a
    /// `DATABASE_URL` exported in the shell cannot point its commands at a
    /// real database).
    public var environmentVariables: [String: String] = ProcessInfo.processInfo.environment
    /// Which live tables `check`, `revision --autogenerate` and
    /// ``requireHead(of:url:upgradeCommand:)`` compare with the models:
    /// Alembic's `include_name` in `env.py`. By default every table but
    /// other tools' bookkeeping (`alembic_version`, `_fluent_migrations`),
    /// which the commands name when they skip it:
    ///
    /// ```swift
    /// environment.tableFilter = TableFilter { !$0.hasPrefix("legacy_") } // leave the legacy_ tables alone too
    /// ```
    public var tableFilter: TableFilter = .default
    /// Asks a yes-or-no question (`revision --autogenerate`'s "Was
    /// users.fullname renamed to users.full_name? [y/N]") and returns the
    /// answer, or `nil` when there is no one to ask: by default the terminal,
    /// only when standard input is one. Tests answer it themselves.
    package var ask: @Sendable (String) -> Bool? = TerminalQuestion.ask

    /// Describes a program's migrations.
    public init(
        targetMetadata: @escaping @Sendable () throws -> SchemaMetadata,
        revisions: [any SchemaRevision.Type],
        versionsFolder: String,
        configFile: String,
        defaultDatabaseURL: String
    ) {
        self.targetMetadata = targetMetadata
        self.revisions = revisions
        self.versionsFolder = versionsFolder
        self.configFile = configFile
        self.defaultDatabaseURL = defaultDatabaseURL
    }

    /// Throws unless the database is at the head of ``revisions`` and its
    /// schema is what ``targetMetadata`` describes (``compareMetadata(_:_:filter:)``
    /// finds nothing): the start-up check of a server that must not run on a
    /// schema older (or newer) than its code. The message names
    /// `upgradeCommand`, the command that brings the database to head; when
    /// the database is at head but the models have changed since the last
    /// revision, it names the changes and says to write a revision first.
    /// While the revisions have several heads (branches not merged), the
    /// database is never at head, and the message says to merge them first.
    /// A database that Alembic manages (its `alembic_version` has a row, the
    /// engine's version table none) is named as such, with the `stamp`
    /// command that adopts it. Tables ``tableFilter`` leaves out are not compared.
    ///
    /// Usually the first query a server makes, so a database that cannot be
    /// reached fails here: with `url`, the error says what happened in the
    /// engine's words (no server at that port, no such database, a wrong
    /// password) instead of the driver's.
    public func requireHead(of database: any SQLDatabase, url: DatabaseURL? = nil, upgradeCommand: String) async throws {
        let runner = try RevisionRunner(database: database, graph: try RevisionGraph(revisions), log: output)
        // The other commands, on the same program: `swift run app upgrade head` → `swift run app merge heads …`.
        let program = upgradeCommand.hasSuffix("upgrade head") ? String(upgradeCommand.dropLast("upgrade head".count)) : ""
        let changes: [SchemaChange]
        do {
            try await runner.requireHead()
            changes = try await compareMetadata(database, try targetMetadata(), filter: tableFilter)
        } catch let error as RunError {
            if case .databaseBehind(current: [], _) = error,
               let alembic = try? await AlembicVersionTable.unadopted(in: database, dialect: runner.dialect) {
                throw CommandFailure(message: "\(error) "
                    + CommandLineMessage.alembicAdoption(alembic, graph: runner.graph, program: program)
                    + " The server does not start on a database whose schema differs from its models.")
            }
            if case .unmergedHeads = error {
                throw CommandFailure(message: "\(error) Run `\(program)merge heads -m \"…\"`, then `\(upgradeCommand)`: "
                    + "the server does not start on a database whose schema differs from its models.")
            }
            throw CommandFailure(message: "\(error) Run `\(upgradeCommand)` first: "
                + "the server does not start on a database whose schema differs from its models.")
        } catch {
            throw CommandLineMessage.presented(url.map { DatabaseErrorText.engineError(for: error, url: $0) } ?? error)
        }
        guard changes.isEmpty else {
            throw CommandFailure(message: "The database is at head, but the models need changes no revision makes yet: "
                + changes.map(\.description).joined(separator: "; ") + ". Run `\(program)revision --autogenerate -m \"…\"`, "
                + "then `\(upgradeCommand)`: the server does not start on a database whose schema differs from its models.")
        }
    }
}

/// The config file: `alembic.ini`'s `sqlalchemy.url` and `script_location`.
struct MigrationConfig: Codable, Equatable {
    /// The database, as a SQLAlchemy-style URL.
    var databaseURL: String
    /// Where revision files go.
    var versions: String

    enum CodingKeys: String, CodingKey {
        case databaseURL = "database_url"
        case versions
    }

    /// The config in `environment.configFile`, or the defaults when there is none.
    static func load(_ environment: MigrationEnvironment) throws -> MigrationConfig {
        let path = environment.configFile
        guard FileManager.default.fileExists(atPath: path) else {
            return MigrationConfig(databaseURL: environment.defaultDatabaseURL, versions: environment.versionsFolder)
        }
        do {
            return try JSONDecoder().decode(MigrationConfig.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw CLIError.badConfig(path: path, reason: String(describing: error))
        }
    }

    /// The database URL to use: `DATABASE_URL` when set in `variables`, else the config's.
    func resolvedDatabaseURL(_ variables: [String: String]) throws -> DatabaseURL {
        try DatabaseURL.fromEnvironment(default: databaseURL, environment: variables)
    }
}

/// A command that cannot run as asked.
enum CLIError: Error, CustomStringConvertible {
    case notMounted
    case badConfig(path: String, reason: String)
    case configExists(String)
    case schemaDiffers([SchemaChange], destructive: [DestructiveChange] = [])
    /// `revision --autogenerate` (or `check`) on a database that is not at
    /// head; `alembic`: what to say when Alembic manages it.
    case notUpToDate(current: [String], head: String?, alembic: String? = nil)
    /// `stamp --drop-alembic-version` on a database without `alembic_version`.
    case noAlembicVersion
    /// `upgrade` on a database Alembic manages, not adopted yet; what to say about it.
    case alembicNotAdopted(String)
    /// `revision` (or `check`) while the history has several heads.
    case multipleHeads([String])
    /// `merge` named a revision that is not a head.
    case notAHead(String)
    /// `merge` was given fewer than two heads.
    case nothingToMerge([String])

    var description: String {
        switch self {
        case .notMounted:
            "The migration commands were started without a MigrationEnvironment; run them through "
                + "SchemaRevisionsCommand.main(_:environment:), or mount MigrationCommands<YourProvider>."
        case .badConfig(let path, let reason):
            "The config file \(path) could not be read: \(reason). Fix it, or delete it and run `init` again."
        case .configExists(let path):
            "\(path) already exists; `init` does not overwrite it. Edit it, or delete it first to start over."
        case .schemaDiffers(let changes, let destructive):
            "New upgrade operations detected:\n" + changes.map { "  \($0.description)" }.joined(separator: "\n")
                + CommandLineMessage.destructiveChangesList(destructive).map { "\n" + $0 }.joined()
                + "\nRun `revision --autogenerate -m \"...\"` to write a revision for them."
        case .notUpToDate(let current, let head, let alembic?):
            "Target database is not up to date: it is at \(current.isEmpty ? "base" : current.joined(separator: ", ")) "
                + "for this history, whose head is \(head ?? "base"). \(alembic)"
        case .notUpToDate(let current, let head, nil):
            "Target database is not up to date: it is at \(current.isEmpty ? "base" : current.joined(separator: ", ")), "
                + "the head is \(head ?? "base"). Run `upgrade head` first, then `revision --autogenerate` again."
        case .alembicNotAdopted(let advice):
            "The database has no revision of this history yet, and upgrading it from base would make again "
                + "what Alembic made: nothing was run. \(advice)"
        case .noAlembicVersion:
            "The database has no alembic_version table: there is nothing to drop. Run `stamp` without --drop-alembic-version."
        case .multipleHeads(let heads):
            "Multiple heads are present (\(heads.joined(separator: ", "))); a new revision would not know which to follow. "
                + "Merge them first: run `merge heads -m \"…\"`, then `upgrade head`."
        case .notAHead(let id):
            "Revision \(id) is not a head revision: a merge joins heads. Run `heads` to list them."
        case .nothingToMerge(let heads):
            "There is only \(heads.isEmpty ? "no head" : "one head (\(heads[0]))"): nothing to merge."
        }
    }
}
