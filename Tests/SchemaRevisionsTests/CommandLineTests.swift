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

    @Test("an Alembic database: the adopting command, with the program's prefix; `stamp heads` for Alembic's branches; how to match an unknown revision first")
    func alembicAdoption() throws {
        let linear = try RevisionGraph([CreateUsers.self, AddNickname.self])
        let known = CommandLineMessage.alembicAdoption(["aaaa00000001"], graph: linear, program: "swift run lesson-6 ")
        #expect(known == "Alembic manages this database: its alembic_version holds aaaa00000001, a revision this history has too "
            + "(create users table). To adopt the database as it is (its schema and rows do not change), run "
            + "`swift run lesson-6 stamp aaaa00000001`, which leaves alembic_version to Alembic, or "
            + "`swift run lesson-6 stamp aaaa00000001 --drop-alembic-version`, which drops it; then `swift run lesson-6 upgrade head`.")

        let branched = try RevisionGraph([CreateUsers.self, AddNickname.self, AddAge.self])
        let heads = CommandLineMessage.alembicAdoption(["aaaa00000002", "cafe00000002"], graph: branched)
        #expect(heads.contains("holds aaaa00000002, cafe00000002, the heads of this history too") && heads.contains("run `stamp heads`"), "\(heads)")

        // Two rows, one of them unknown here: no single stamp adopts that.
        let unknown = CommandLineMessage.alembicAdoption(["aaaa00000002", "0123456789ab"], graph: linear)
        #expect(unknown.contains("which no revision here has") && unknown.contains("Run `stamp head`") && unknown.contains("then `check`"), "\(unknown)")
        #expect(CommandLineMessage.skipped("legacy_orders", filter: TableFilter { !$0.hasPrefix("legacy_") })
            == "Skipping table 'legacy_orders': the table filter leaves it out.")
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
