import Foundation
import SQLKit
import SchemaRevisionsCLI
import SchemaRevisionsTesting
import Testing
@testable import SchemaRevisions

// Revision c5c500000002 as it was applied, and as its file says after an edit.

enum ChecksumCreate: SchemaRevision {
    static let id = "c5c500000001"
    static let parent: String? = nil
    static let message = "create users"
    static func upgrade(_ op: SchemaOperations) async throws {
        try await op.createTable("users", [.column("id", .integer, nullable: false), .primaryKey("id")])
    }
    static func downgrade(_ op: SchemaOperations) async throws {
        try await op.dropTable("users")
    }
}

enum ChecksumNickname: SchemaRevision {
    static let id = "c5c500000002"
    static let parent: String? = "c5c500000001"
    static let message = "add nickname"
    static func upgrade(_ op: SchemaOperations) async throws {
        try await op.addColumn("users", "nickname", .string(), nullable: true)
    }
    static func downgrade(_ op: SchemaOperations) async throws {
        try await op.dropColumn("users", "nickname")
    }
}

/// The same operations as ``ChecksumNickname``, written differently.
enum ChecksumNicknameReformatted: SchemaRevision {
    static let id = "c5c500000002"
    static let parent: String? = "c5c500000001"
    static let message = "add nickname"
    static func upgrade(_ op: SchemaOperations) async throws {
        // A comment, another layout: the same operation.
        try await op.addColumn(
            "users",
            "nickname",
            .string(length: nil),
            nullable: true,
            default: nil
        )
    }
    static func downgrade(_ op: SchemaOperations) async throws {
        try await op.dropColumn("users", "nickname")
    }
}

/// ``ChecksumNickname`` after an edit: a length limit.
enum ChecksumNicknameEdited: SchemaRevision {
    static let id = "c5c500000002"
    static let parent: String? = "c5c500000001"
    static let message = "add nickname"
    static func upgrade(_ op: SchemaOperations) async throws {
        try await op.addColumn("users", "nickname", .string(length: 40), nullable: true)
    }
    static func downgrade(_ op: SchemaOperations) async throws {
        try await op.dropColumn("users", "nickname")
    }
}

/// The checksum checks, on either database.
struct ChecksumChecks {
    let backend: TestBackend
    let applied: [any SchemaRevision.Type] = [ChecksumCreate.self, ChecksumNickname.self]
    let edited: [any SchemaRevision.Type] = [ChecksumCreate.self, ChecksumNicknameEdited.self]

    func rows(_ database: EngineDatabase) async throws -> [String: String] {
        try await RevisionChecksums.recorded(in: database.sql, dialect: database.dialect)
    }

    func changed(_ database: EngineDatabase, _ revisions: [any SchemaRevision.Type]) async throws -> [String] {
        let graph = try RevisionGraph(revisions)
        return try await RevisionChecksums.changed(
            in: database.sql, dialect: database.dialect, graph: graph,
            current: try await VersionTable.rows(in: database.sql, dialect: database.dialect))
    }

    /// Each step records its revision's checksum in its transaction; a
    /// downgrade forgets it; a failed step records nothing.
    func recordedPerStep() async throws {
        try await withThrowawayConnection(backend) { database in
            try await RevisionRunner(database, graph: try RevisionGraph(applied), log: { _ in }).upgrade("head")
            #expect(try await rows(database) == [
                "c5c500000001": try await RevisionChecksums.checksum(of: ChecksumCreate.self),
                "c5c500000002": try await RevisionChecksums.checksum(of: ChecksumNickname.self),
            ])
            try await RevisionRunner(database, graph: try RevisionGraph(applied), log: { _ in }).downgrade("-1")
            #expect(try await rows(database).keys.sorted() == ["c5c500000001"])
            #expect(try await changed(database, applied).isEmpty)
        }
    }

    /// Layout and comments do not count; any change to an operation does.
    func whatCounts() async throws {
        let original = try await RevisionChecksums.checksum(of: ChecksumNickname.self)
        #expect(original.count == 64 && original.allSatisfy(\.isHexDigit))
        #expect(try await RevisionChecksums.checksum(of: ChecksumNicknameReformatted.self) == original)
        #expect(try await RevisionChecksums.checksum(of: ChecksumNicknameEdited.self) != original)
        #expect(try await RevisionChecksums.checksum(of: ChecksumCreate.self) != original)
    }

    /// An applied revision edited afterwards: `check`, `upgrade` and
    /// `current --verbose` warn, naming the file and `repair`; `repair`
    /// accepts it without running anything, and the warnings stop.
    func editedAfterApplied() async throws {
        try await withCommands { run, printed, versions in
            try await run(applied, ["upgrade", "head"])
            let file = versions.appendingPathComponent("c5c500000002_add_nickname.swift").path
            let warning = CommandLineMessage.changedRevisionWarning("c5c500000002", file: file)
            #expect(warning.hasPrefix("WARNING: Revision c5c500000002 (\(file)) has changed since it was applied to this database"))
            #expect(warning.contains("run `repair c5c500000002` to accept it"))
            #expect(warning.contains("`git checkout -- \(file)`"))

            for command in [["check"], ["upgrade", "head"], ["current", "--verbose"]] {
                let start = printed.lines.count
                try await run(edited, command)
                #expect(printed.lines[start...].contains(warning), "`\(command.joined(separator: " "))` warns")
            }
            let start = printed.lines.count
            try await run(edited, ["repair"])
            #expect(printed.lines[start...].contains { $0.hasPrefix("Accepted c5c500000002 (\(file)) as it is now. Nothing ran") })
            let after = printed.lines.count
            try await run(edited, ["check"])
            try await run(edited, ["current", "--verbose"])
            #expect(!printed.lines[after...].contains { $0.hasPrefix("WARNING") })
            #expect(printed.lines[after...].contains("Path: " + file))
        }
    }

    /// Editing a revision before it runs is free; so is a database whose
    /// revisions ran before checksums were recorded.
    func freeBeforeApplied() async throws {
        try await withCommands { run, printed, _ in
            try await run(applied, ["upgrade", "c5c500000001"])
            try await run(edited, ["upgrade", "head"])
            try await run(edited, ["current", "--verbose"])
            #expect(printed.lines.contains("Rev: c5c500000002 (head)"))
            #expect(!printed.lines.contains { $0.hasPrefix("WARNING") })
        }
        try await withThrowawayConnection(backend) { database in
            try await RevisionRunner(database, graph: try RevisionGraph(applied), log: { _ in }).upgrade("head")
            try await database.sql.raw("DROP TABLE \(ident: RevisionChecksums.tableName)").run()
            #expect(try await changed(database, edited).isEmpty)
        }
    }

    /// `repair` naming a revision that has not changed is refused, saying what to run.
    func repairRefusal() async throws {
        try await withCommands { run, _, _ in
            try await run(applied, ["upgrade", "head"])
            await #expect(throws: CommandFailure.self) { try await run(applied, ["repair", "c5c500000002"]) }
            do {
                try await run(applied, ["repair", "c5c500000002"])
            } catch {
                #expect("\(error)".contains("Run `current --verbose`"))
            }
        }
    }

    /// Runs commands on one throwaway database with a versions folder
    /// holding the revisions' files.
    func withCommands(
        _ body: (_ run: ([any SchemaRevision.Type], [String]) async throws -> Void, _ printed: LogLines, _ versions: URL) async throws -> Void
    ) async throws {
        try await withThrowawayDatabase(backend) { url in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("checksums-\(UUID().uuidString)")
            let versions = folder.appendingPathComponent("Versions")
            try FileManager.default.createDirectory(at: versions, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            for name in ["c5c500000001_create_users.swift", "c5c500000002_add_nickname.swift"] {
                try Data("// \(name)\n".utf8).write(to: versions.appendingPathComponent(name))
            }
            let config = folder.appendingPathComponent("revisions.json")
            try JSONSerialization.data(withJSONObject: ["database_url": url.connectionString, "versions": versions.path])
                .write(to: config)
            let printed = LogLines()
            try await body({ revisions, arguments in
                var environment = MigrationEnvironment(
                    targetMetadata: { try SchemaMetadata(tables: [TableMetadata(
                        name: "users", columns: [ColumnMetadata(name: "id", type: .integer, nullable: false),
                                                 ColumnMetadata(name: "nickname", type: .string(), nullable: true)],
                        primaryKey: ["id"])]) },
                    revisions: revisions, versionsFolder: versions.path, configFile: config.path, defaultDatabaseURL: "sqlite://")
                environment.output = printed.append
                environment.environmentVariables = [:]
                do {
                    _ = try await SchemaRevisionsCommand.run(["app"] + arguments, environment: environment)
                } catch {
                    throw CommandLineMessage.presented(error)
                }
            }, printed, versions)
        }
    }
}

@Suite("Tamper checks on SQLite: an applied revision's file changed since it ran")
struct ChecksumTests {
    let checks = ChecksumChecks(backend: .sqlite)

    @Test("each step records its checksum; a downgrade forgets it")
    func recordedPerStep() async throws { try await checks.recordedPerStep() }

    @Test("layout and comments do not change a checksum; an operation's argument does")
    func whatCounts() async throws { try await checks.whatCounts() }

    @Test("check, upgrade and current --verbose warn, naming the file; repair accepts it")
    func editedAfterApplied() async throws { try await checks.editedAfterApplied() }

    @Test("editing before applying is free; revisions applied before checksums are not checked")
    func freeBeforeApplied() async throws { try await checks.freeBeforeApplied() }

    @Test("repair of a revision that has not changed is refused, saying what to run")
    func repairRefusal() async throws { try await checks.repairRefusal() }
}

@Suite("Tamper checks on PostgreSQL: the same checks, on a real server", .postgres)
struct ChecksumPostgresTests {
    let checks = ChecksumChecks(backend: .postgresql)

    @Test("each step records its checksum; a downgrade forgets it")
    func recordedPerStep() async throws { try await checks.recordedPerStep() }

    @Test("check, upgrade and current --verbose warn, naming the file; repair accepts it")
    func editedAfterApplied() async throws { try await checks.editedAfterApplied() }

    @Test("editing before applying is free; revisions applied before checksums are not checked")
    func freeBeforeApplied() async throws { try await checks.freeBeforeApplied() }

    @Test("repair of a revision that has not changed is refused, saying what to run")
    func repairRefusal() async throws { try await checks.repairRefusal() }
}

@Suite("Tamper checks: lesson 5's note shows the warning the command prints")
struct ChecksumNoteTests {
    @Test("the note's warning is CommandLineMessage.changedRevisionWarning's, word for word")
    func noteWarning() throws {
        let kit = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let note = try String(contentsOf: kit.appendingPathComponent("Lessons/05-migrations.md"), encoding: .utf8)
        let section = try #require(note.components(separatedBy: "## When an applied revision changes").dropFirst().first)
        let file = "/your/kit/Exercises/05-migrations/Versions/b0fc2b4c59c4_create_users_table.swift"
        #expect(section.contains("```text\n" + CommandLineMessage.changedRevisionWarning("b0fc2b4c59c4", file: file)
            + "\nNo new upgrade operations detected.\n```"))
        // The file the warning names is the revision's real file.
        #expect(FileManager.default.fileExists(
            atPath: kit.appendingPathComponent("Exercises/05-migrations/Versions/b0fc2b4c59c4_create_users_table.swift").path))
    }
}
