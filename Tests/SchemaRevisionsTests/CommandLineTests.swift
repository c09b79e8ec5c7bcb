import ArgumentParser
import Foundation
import SchemaRevisionsCLI
import Testing
@testable import SchemaRevisions

/// Lines a command printed.
final class PrintedLines: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String] = []
    var lines: [String] { lock.withLock { storage } }
    func append(_ line: String) { lock.withLock { storage.append(line) } }
}

/// A program that mounts the commands as an ArgumentParser subcommand.
enum MountedMigrations: MigrationEnvironmentProvider {
    static let printed = PrintedLines()

    static func migrationEnvironment() -> MigrationEnvironment {
        var environment = MigrationEnvironment(
            targetMetadata: { try SchemaMetadata(models: User.self) },
            revisions: [CreateUsers.self, AddNickname.self],
            versionsFolder: "/nonexistent",
            configFile: "/nonexistent/config.json",
            defaultDatabaseURL: "sqlite://"
        )
        environment.output = printed.append
        environment.environmentVariables = [:]
        return environment
    }
}

/// Runs a parsed command as ArgumentParser's `main` would.
func run<Command: AsyncParsableCommand>(_ command: Command) async throws {
    var command = command
    try await command.run()
}

struct MountingProgram: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "app", subcommands: [MigrationCommands<MountedMigrations>.self])
}

/// Another mounting program, with its own printed lines (tests run in parallel).
enum MountedDiagramMigrations: MigrationEnvironmentProvider {
    static let printed = PrintedLines()

    static func migrationEnvironment() -> MigrationEnvironment {
        var environment = MountedMigrations.migrationEnvironment()
        environment.output = printed.append
        return environment
    }
}

struct MountingDiagramProgram: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "app", subcommands: [MigrationCommands<MountedDiagramMigrations>.self])
}

@Suite("The commands mounted as an ArgumentParser subcommand")
struct CommandLineTests {
    @Test("`app migrations history` runs `history` in the provider's environment")
    func mountedSubcommand() async throws {
        let command = try MountingProgram.parseAsRoot(["migrations", "history"])
        let history = try #require(command as? any AsyncParsableCommand)
        try await run(history)
        #expect(MountedMigrations.printed.lines == [
            "aaaa00000001 -> aaaa00000002 (head), add nickname",
            "<base> -> aaaa00000001, create users table",
        ])
    }

    @Test("`app migrations diagram` prints the models' ER diagram, as `lesson-N diagram` does")
    func mountedDiagram() async throws {
        let command = try MountingDiagramProgram.parseAsRoot(["migrations", "diagram"])
        let diagram = try #require(command as? any AsyncParsableCommand)
        try await run(diagram)
        #expect(MountedDiagramMigrations.printed.lines
            == MermaidDiagram.entityRelationship(try SchemaMetadata(models: User.self)).components(separatedBy: "\n"))
    }

    @Test("`upgrade --help` through SchemaRevisionsCommand asks for help, as ArgumentParser does")
    func help() async throws {
        do {
            _ = try await SchemaRevisionsCommand.run(["app", "upgrade", "--help"], environment: MountedMigrations.migrationEnvironment())
            Issue.record("expected a request for help")
        } catch {
            // What `main` hands to ArgumentParser's exit(withError:): help, exit status 0.
            #expect(SchemaRevisionsCommand.exitCode(for: error) == .success, "\(error)")
            #expect(SchemaRevisionsCommand.fullMessage(for: error).contains("Apply revisions up to head"))
        }
    }

    @Test("the engine's errors get the command to run next only on the command line")
    func hints() {
        let error = RevisionError.unknownRevision("deadbeef")
        #expect(error.description == "Can't locate revision identified by 'deadbeef'.")
        #expect(CommandLineMessage.text(for: error) == "Can't locate revision identified by 'deadbeef'. Run `history` to list the revisions.")
        #expect(CommandLineMessage.text(for: RevisionError.wrongDirection("abc", upgrade: true))
            == "'abc' is older than the database's revision; use `downgrade abc`.")
    }
}
