import ArgumentParser
import Foundation
import SchemaRevisions
import SQLKit

/// Alembic's command line, for a Swift program: `init`, `revision`,
/// `upgrade`, `downgrade`, `current`, `history`, `heads`, `check`, `stamp`,
/// `merge`, plus `diagram` (the models as a Mermaid ER diagram) and
/// `repair` (accept an applied revision's changed file).
///
/// A program mounts them next to its own commands:
///
/// ```swift
/// if await SchemaRevisionsCommand.main(CommandLine.arguments, environment: environment) { return }
/// // ... otherwise start the server
/// ```
///
/// A program whose own command line is built with ArgumentParser mounts
/// them as a subcommand instead: ``MigrationCommands``.
public struct SchemaRevisionsCommand: AsyncParsableCommand {
    /// The commands, with usage lines that name the program they are mounted on (`lesson-5 upgrade ...`).
    public static let configuration = CommandConfiguration(
        commandName: CommandLine.arguments.first.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "revisions",
        abstract: MigrationCommands<Unmounted>.abstract,
        subcommands: MigrationCommands<Unmounted>.subcommands
    )

    /// Parses no command of its own; run one of the subcommands.
    public init() {}

    /// The names of the subcommands, to tell them from the program's own.
    package static var commandNames: Set<String> {
        Set(configuration.subcommands.compactMap { $0.configuration.commandName })
    }

    /// Runs the migration command in `arguments` (`[program, command, ...]`)
    /// and returns `true`; returns `false`, doing nothing, when the first
    /// argument is not one of the migration commands. When the command
    /// fails, prints why and exits the process with status 1.
    public static func main(_ arguments: [String], environment: MigrationEnvironment) async -> Bool {
        do {
            return try await run(arguments, environment: environment)
        } catch {
            exit(withError: error)
        }
    }

    /// ``main(_:environment:)`` without exiting: throws what went wrong.
    package static func run(_ arguments: [String], environment: MigrationEnvironment) async throws -> Bool {
        let rest = Array(arguments.dropFirst())
        guard let name = rest.first, commandNames.contains(name) else { return false }
        var command = try parseAsRoot(rest)
        if let migration = command as? any MigrationSubcommand {
            try await migration.run(mountedIn: environment)
        } else {
            // ArgumentParser's own: `upgrade --help` parses as its help command.
            try command.run()
        }
        return true
    }
}

/// Says which ``MigrationEnvironment`` the commands run in, when they are
/// mounted as an ArgumentParser subcommand (``MigrationCommands``).
///
/// ```swift
/// enum Migrations: MigrationEnvironmentProvider {
///     static func migrationEnvironment() -> MigrationEnvironment { ... }
/// }
/// ```
public protocol MigrationEnvironmentProvider: Sendable {
    /// The environment the commands run in.
    static func migrationEnvironment() throws -> MigrationEnvironment
}

/// The migration commands as one ArgumentParser subcommand of a program's
/// own command line:
///
/// ```swift
/// @main struct App: AsyncParsableCommand {
///     static let configuration = CommandConfiguration(
///         subcommands: [Serve.self, MigrationCommands<Migrations>.self])
/// }
/// ```
///
/// `app migrations upgrade head` then runs `upgrade head`.
public struct MigrationCommands<Provider: MigrationEnvironmentProvider>: AsyncParsableCommand {
    /// The group's name, `migrations`, and its subcommands.
    public static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "migrations", abstract: abstract, subcommands: subcommands)
    }

    static var abstract: String { "Database migrations: Alembic's workflow, for Swift." }

    static var subcommands: [any ParsableCommand.Type] {
        [
            InitCommand<Provider>.self, RevisionCommand<Provider>.self, UpgradeCommand<Provider>.self,
            DowngradeCommand<Provider>.self, CurrentCommand<Provider>.self, HistoryCommand<Provider>.self,
            HeadsCommand<Provider>.self, CheckCommand<Provider>.self, StampCommand<Provider>.self,
            DiagramCommand<Provider>.self, MergeCommand<Provider>.self, RepairCommand<Provider>.self,
        ]
    }

    /// Parses no command of its own; run one of the subcommands.
    public init() {}
}

/// The provider of ``SchemaRevisionsCommand``, whose environment is passed
/// to ``SchemaRevisionsCommand/main(_:environment:)`` instead.
enum Unmounted: MigrationEnvironmentProvider {
    static func migrationEnvironment() throws -> MigrationEnvironment { throw CLIError.notMounted }
}

/// One migration command: runs in the environment it is given, or in its
/// provider's when ArgumentParser runs it.
protocol MigrationSubcommand: AsyncParsableCommand {
    associatedtype Provider: MigrationEnvironmentProvider
    /// Options every command takes.
    var options: CommonOptions { get }
    /// Runs the command in `environment` (with `--config` applied).
    func run(in environment: MigrationEnvironment) async throws
}

extension MigrationSubcommand {
    /// ArgumentParser's entry: the provider's environment.
    func run() async throws {
        try await run(mountedIn: try Provider.migrationEnvironment())
    }

    /// Runs in `environment`, with `--config` applied, the engine's errors
    /// in the command line's words.
    func run(mountedIn environment: MigrationEnvironment) async throws {
        var environment = environment
        if let config = options.config { environment.configFile = config }
        do {
            try await run(in: environment)
        } catch {
            throw CommandLineMessage.presented(error)
        }
    }
}

/// Options every command takes.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "The config file (default: the program's, e.g. schema-revisions.json).")
    var config: String?
}

/// Prints `text` with `say`, line by line.
func sayLines(_ text: String, to say: (String) -> Void) {
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) { say(String(line)) }
}

/// Opens the database `environment`'s config names, runs `body`, closes it.
func withDatabase<T>(
    _ environment: MigrationEnvironment, create: Bool,
    _ body: (EngineDatabase, MigrationConfig) async throws -> T
) async throws -> T {
    let config = try MigrationConfig.load(environment)
    let database = try await EngineDatabase.open(try config.resolvedDatabaseURL(environment.environmentVariables), create: create)
    do {
        let result = try await body(database, config)
        try await database.close()
        return result
    } catch {
        try? await database.close()
        throw error
    }
}

/// What the models need that the database lacks — refusing, as Alembic
/// does, when the database is not at head (the diff would then describe
/// revisions that exist but have not run), or when the history has several
/// heads (a revision would not know which to follow).
func pendingChanges(in database: EngineDatabase, environment: MigrationEnvironment, graph: RevisionGraph) async throws -> [SchemaChange] {
    try await requireUpToDate(database, graph: graph)
    return try await compareMetadata(database.sql, try environment.targetMetadata(), filter: environment.tableFilter)
}

/// Refuses, as ``pendingChanges(in:environment:graph:)`` does, a database
/// that is not at the history's one head; one that Alembic manages is
/// named as such, with the command that adopts it.
func requireUpToDate(_ database: EngineDatabase, graph: RevisionGraph) async throws {
    guard graph.heads.count <= 1 else { throw CLIError.multipleHeads(graph.heads) }
    let current = try await VersionTable.rows(in: database.sql, dialect: database.dialect)
    guard current == graph.heads else {
        let alembic = current.isEmpty ? try await AlembicVersionTable.unadopted(in: database.sql, dialect: database.dialect) : nil
        throw CLIError.notUpToDate(current: current, head: graph.heads.first,
                                   alembic: alembic.map { CommandLineMessage.alembicAdoption($0, graph: graph) })
    }
}

/// Refuses to run revisions on a database Alembic manages and the engine
/// does not yet: from base, they would make again what Alembic made. The
/// message names the `stamp` that adopts it.
func refuseUnadoptedAlembic(_ database: EngineDatabase, graph: RevisionGraph) async throws {
    guard let alembic = try await AlembicVersionTable.unadopted(in: database.sql, dialect: database.dialect) else { return }
    throw CLIError.alembicNotAdopted(CommandLineMessage.alembicAdoption(alembic, graph: graph))
}

/// Prints, with `say`, a line for each live table the environment's filter
/// leaves out of the comparison (`Skipping table 'alembic_version': …`).
func saySkippedTables(_ database: EngineDatabase, environment: MigrationEnvironment) async throws {
    for table in try await skippedTables(in: database.sql, dialect: database.dialect, filter: environment.tableFilter) {
        environment.output(CommandLineMessage.skipped(table, filter: environment.tableFilter))
    }
}
