import ArgumentParser
import Foundation
import SchemaRevisions

/// Alembic's command line, for a Swift program: `init`, `revision`,
/// `upgrade`, `downgrade`, `current`, `history`, `heads`, `check`, `stamp`,
/// and `diagram` (the models as a Mermaid ER diagram).
///
/// A program mounts them next to its own commands:
///
/// ```swift
/// if try await SchemaRevisionsCommand.main(CommandLine.arguments, environment: environment) { return }
/// // ... otherwise start the server
/// ```
public struct SchemaRevisionsCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        // Usage lines name the program the commands are mounted on (`lesson-5 upgrade ...`).
        commandName: CommandLine.arguments.first.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "revisions",
        abstract: "Database migrations: Alembic's workflow, for Swift.",
        subcommands: [
            InitCommand.self, RevisionCommand.self, UpgradeCommand.self, DowngradeCommand.self,
            CurrentCommand.self, HistoryCommand.self, HeadsCommand.self, CheckCommand.self, StampCommand.self,
            DiagramCommand.self,
        ]
    )

    public init() {}

    /// The names of the subcommands, to tell them from the program's own.
    public static var commandNames: Set<String> {
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
    public static func run(_ arguments: [String], environment: MigrationEnvironment) async throws -> Bool {
        let rest = Array(arguments.dropFirst())
        guard let name = rest.first, commandNames.contains(name) else { return false }
        var command = try parseAsRoot(rest)
        do {
            try await MigrationEnvironment.$current.withValue(environment) {
                if var asyncCommand = command as? any AsyncParsableCommand {
                    try await asyncCommand.run()
                } else {
                    try command.run()
                }
            }
        } catch {
            throw DatabaseErrorText.readable(error)
        }
        return true
    }
}

/// Options every command takes.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "The config file (default: the program's, e.g. schema-revisions.json).")
    var config: String?

    /// The environment, with `--config` applied.
    func environment() throws -> MigrationEnvironment {
        guard var environment = MigrationEnvironment.current else { throw CLIError.notMounted }
        if let config { environment.configFile = config }
        return environment
    }
}

/// Prints a line to the running command's output.
@Sendable
func say(_ line: String) {
    (MigrationEnvironment.current?.output ?? { print($0) })(line)
}

/// Prints `text` to the running command's output, line by line.
func sayLines(_ text: String) {
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) { say(String(line)) }
}

/// Opens the configured database, runs `body`, closes it.
func withDatabase<T>(
    _ options: CommonOptions, create: Bool,
    _ body: (EngineDatabase, MigrationEnvironment, MigrationConfig) async throws -> T
) async throws -> T {
    let environment = try options.environment()
    return try await withDatabase(environment, try MigrationConfig.load(environment), create: create, body)
}

/// Opens the database `config` names, runs `body`, closes it.
func withDatabase<T>(
    _ environment: MigrationEnvironment, _ config: MigrationConfig, create: Bool,
    _ body: (EngineDatabase, MigrationEnvironment, MigrationConfig) async throws -> T
) async throws -> T {
    let database = try await EngineDatabase.open(try config.resolvedDatabaseURL(environment.environmentVariables), create: create)
    do {
        let result = try await body(database, environment, config)
        try await database.close()
        return result
    } catch {
        try? await database.close()
        throw error
    }
}

/// What the models need that the database lacks — refusing, as Alembic
/// does, when the database is not at head (the diff would then describe
/// revisions that exist but have not run).
func pendingChanges(in database: EngineDatabase, environment: MigrationEnvironment, graph: RevisionGraph) async throws -> [SchemaChange] {
    let current = try await VersionTable.current(in: database.sql)
    guard current == graph.head else { throw RunError.notUpToDate(current: current, head: graph.head) }
    let live = try await SchemaIntrospection.schema(of: database.sql, excluding: [VersionTable.name])
    return SchemaDiff(dialect: SQLDialectName(of: database.sql)).changes(from: live, to: try environment.targetMetadata())
}
