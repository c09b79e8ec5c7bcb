import ArgumentParser
import Foundation
import SchemaRevisionsCLI
import SchemaRevisionsTesting
import SQLiteKit
import Testing
@testable import SchemaRevisions

// A history that branches: two revisions on `create users table`
// (`AddNickname` and `AddAge`), and the merge that joins them.

/// A second branch beside `AddNickname`, on the same parent.
enum AddAge: SchemaRevision {
    static let id = "cafe00000002"
    static let parent: String? = "aaaa00000001"
    static let message = "add age"
    static func upgrade(_ op: SchemaOperations) async throws {
        try await op.addColumn("users", "age", .integer, nullable: true)
    }
    static func downgrade(_ op: SchemaOperations) async throws {
        try await op.dropColumn("users", "age")
    }
}

/// The merge of the two branches: two parents, nothing to run.
enum MergeNicknameAndAge: SchemaRevision {
    static let id = "beef00000003"
    static let parents = ["aaaa00000002", "cafe00000002"]
    static let message = "merge heads"
    static func upgrade(_ op: SchemaOperations) async throws {}
    static func downgrade(_ op: SchemaOperations) async throws {}
}

/// A merge whose step changes the schema, then fails.
enum BrokenMerge: SchemaRevision {
    static let id = "beef0000dead"
    static let parents = ["aaaa00000002", "cafe00000002"]
    static let message = "broken merge"
    static func upgrade(_ op: SchemaOperations) async throws {
        try await op.addColumn("users", "half_done", .string(), nullable: true)
        try await op.execute("INSERT INTO no_such_table VALUES (1)")
    }
    static func downgrade(_ op: SchemaOperations) async throws {}
}

/// A branch whose step changes the schema, then fails.
enum BrokenBranch: SchemaRevision {
    static let id = "dead00000002"
    static let parent: String? = "aaaa00000001"
    static let message = "broken branch"
    static func upgrade(_ op: SchemaOperations) async throws {
        try await op.addColumn("users", "half_done", .string(), nullable: true)
        try await op.execute("INSERT INTO no_such_table VALUES (1)")
    }
    static func downgrade(_ op: SchemaOperations) async throws {}
}

/// The version table's rows, read with SQL.
func versionRows(_ database: EngineDatabase) async throws -> [String] {
    struct Row: Decodable { var version_num: String }
    return try await database.sql.raw("SELECT version_num FROM schema_revisions_version ORDER BY version_num")
        .all(decoding: Row.self).map(\.version_num)
}

/// The branch-and-merge checks, on either database.
struct BranchChecks {
    let backend: TestBackend
    let branched: [any SchemaRevision.Type] = [CreateUsers.self, AddNickname.self, AddAge.self]
    var merged: [any SchemaRevision.Type] { branched + [MergeNicknameAndAge.self] }
    let bothHeads = ["aaaa00000002", "cafe00000002"]

    func runner(_ database: EngineDatabase, _ revisions: [any SchemaRevision.Type], log: LogLines = LogLines()) throws -> RevisionRunner {
        RevisionRunner(database, graph: try RevisionGraph(revisions), log: log.append)
    }

    func columns(_ database: EngineDatabase) async throws -> [String] {
        try await RunnerChecks(backend: backend).columns(database.sql)
    }

    func upgradeHeadsThenMerge() async throws {
        try await withThrowawayConnection(backend) { database in
            let log = LogLines()
            let branchedRunner = try runner(database, branched, log: log)
            await #expect(throws: RevisionError.multipleHeads(argument: "head", heads: bothHeads)) {
                try await branchedRunner.upgrade("head")
            }
            await #expect(throws: RevisionError.multipleHeads(argument: "+1", heads: bothHeads)) {
                try await branchedRunner.upgrade("+1")
            }
            #expect(try await SchemaIntrospection.tableNames(in: database.sql).isEmpty, "a refused upgrade changes nothing")

            try await branchedRunner.upgrade("heads")
            #expect(log.lines == [
                "Running upgrade  -> aaaa00000001, create users table",
                "Running upgrade aaaa00000001 -> aaaa00000002, add nickname",
                "Running upgrade aaaa00000001 -> cafe00000002, add age",
            ])
            // One row per branch, as Alembic's alembic_version holds them.
            #expect(try await versionRows(database) == bothHeads)
            #expect(try await branchedRunner.currentHeads() == bothHeads)
            await #expect(throws: RevisionError.multipleHeads(argument: "current", heads: bothHeads)) {
                _ = try await branchedRunner.current()
            }
            #expect(try await columns(database) == ["id", "email", "nickname", "age"])
            // Several heads: never "at head", whatever the database holds.
            await #expect(throws: RunError.unmergedHeads(bothHeads)) { try await branchedRunner.requireHead() }

            let mergedRunner = try runner(database, merged, log: log)
            await #expect(throws: RunError.databaseBehind(current: bothHeads, head: "beef00000003")) {
                try await mergedRunner.requireHead()
            }
            try await mergedRunner.upgrade("head")
            #expect(log.lines.last == "Running upgrade aaaa00000002, cafe00000002 -> beef00000003, merge heads")
            #expect(try await versionRows(database) == ["beef00000003"])
            try await mergedRunner.requireHead()
            try await mergedRunner.upgrade("head")
            #expect(log.lines.count == 4, "nothing left to run")
        }
    }

    func downgradeAcrossTheMerge() async throws {
        try await withThrowawayConnection(backend) { database in
            let log = LogLines()
            let runner = try runner(database, merged, log: log)
            try await runner.upgrade("head")
            #expect(log.lines == [
                "Running upgrade  -> aaaa00000001, create users table",
                "Running upgrade aaaa00000001 -> aaaa00000002, add nickname",
                "Running upgrade aaaa00000001 -> cafe00000002, add age",
                "Running upgrade aaaa00000002, cafe00000002 -> beef00000003, merge heads",
            ])
            try await database.sql.raw("INSERT INTO users (id, email, nickname, age) VALUES (1, 'ada@example.com', 'ada', 36)").run()

            // From the merge, -1 goes back to both its parents: two heads again.
            try await runner.downgrade("-1")
            #expect(log.lines.last == "Running downgrade beef00000003 -> aaaa00000002, cafe00000002, merge heads")
            #expect(try await versionRows(database) == bothHeads)
            // Then one branch at a time: its row goes, the other stays.
            try await runner.downgrade("-1")
            #expect(log.lines.last == "Running downgrade cafe00000002 -> aaaa00000001, add age")
            #expect(try await versionRows(database) == ["aaaa00000002"])
            #expect(try await columns(database) == ["id", "email", "nickname"])

            // Up again: the other branch gets its row back, then the merge joins them.
            try await runner.upgrade("head")
            #expect(Array(log.lines.suffix(2)) == [
                "Running upgrade aaaa00000001 -> cafe00000002, add age",
                "Running upgrade aaaa00000002, cafe00000002 -> beef00000003, merge heads",
            ])
            #expect(try await versionRows(database) == ["beef00000003"])

            // Down to a revision below the branch point: every revision after it, on both branches.
            try await runner.downgrade("aaaa00000001")
            #expect(Array(log.lines.suffix(3)) == [
                "Running downgrade beef00000003 -> aaaa00000002, cafe00000002, merge heads",
                "Running downgrade cafe00000002 -> aaaa00000001, add age",
                "Running downgrade aaaa00000002 -> aaaa00000001, add nickname",
            ])
            #expect(try await versionRows(database) == ["aaaa00000001"])
            #expect(try await columns(database) == ["id", "email"])
            struct Row: Decodable, Equatable { var id: Int; var email: String? }
            #expect(try await database.sql.raw("SELECT id, email FROM users").all(decoding: Row.self) == [Row(id: 1, email: "ada@example.com")])

            try await runner.upgrade("head")
            try await runner.downgrade("base")
            #expect(log.lines.last == "Running downgrade aaaa00000001 -> , create users table")
            #expect(try await versionRows(database) == [])
            #expect(try await SchemaIntrospection.tableNames(in: database.sql) == [RevisionChecksums.tableName, VersionTable.name])
        }
    }

    func offlineSQL() async throws {
        try await withThrowawayConnection(backend) { database in
            let log = LogLines()
            try await runner(database, merged, log: log).upgrade("head", dryRun: true)
            let text = log.lines.joined(separator: "\n")
            // A row per branch: the second branch inserts its own; the merge updates one and deletes the other.
            #expect(text.contains(#"INSERT INTO "schema_revisions_version" (version_num) VALUES ('aaaa00000001');"#))
            #expect(text.contains(#"UPDATE "schema_revisions_version" SET version_num = 'aaaa00000002' WHERE version_num = 'aaaa00000001';"#))
            #expect(text.contains(#"INSERT INTO "schema_revisions_version" (version_num) VALUES ('cafe00000002');"#))
            #expect(text.contains("-- Running upgrade aaaa00000002, cafe00000002 -> beef00000003, merge heads\n"
                + #"UPDATE "schema_revisions_version" SET version_num = 'beef00000003' WHERE version_num = 'aaaa00000002';"# + "\n"
                + #"DELETE FROM "schema_revisions_version" WHERE version_num = 'cafe00000002';"#))
            #expect(try await SchemaIntrospection.tableNames(in: database.sql).isEmpty)

            try await runner(database, merged).upgrade("head")
            let downLog = LogLines()
            try await runner(database, merged, log: downLog).downgrade("-1", dryRun: true)
            #expect(downLog.lines == [
                "-- Running downgrade beef00000003 -> aaaa00000002, cafe00000002, merge heads",
                #"UPDATE "schema_revisions_version" SET version_num = 'aaaa00000002' WHERE version_num = 'beef00000003';"#,
                #"INSERT INTO "schema_revisions_version" (version_num) VALUES ('cafe00000002');"#,
                #"DELETE FROM "schema_revisions_checksums" WHERE revision = 'beef00000003';"#,
            ])
            #expect(try await versionRows(database) == ["beef00000003"], "--dry-run keeps nothing")
        }
    }

    func failingSteps() async throws {
        try await withThrowawayConnection(backend) { database in
            // A new branch that fails: its row is not inserted, its column not kept.
            let branchRunner = try runner(database, [CreateUsers.self, AddNickname.self, BrokenBranch.self])
            try await branchRunner.upgrade("aaaa00000002")
            let before = try await SchemaIntrospection.schema(of: database.sql)
            do {
                try await branchRunner.upgrade("heads")
                Issue.record("the broken branch should fail")
            } catch let error as RunError {
                #expect(error == .stepFailed(revision: "dead00000002", direction: "upgrade",
                                             reason: stepFailureReason(error), at: ["aaaa00000002"]))
            }
            #expect(try await versionRows(database) == ["aaaa00000002"])
            #expect(try await SchemaIntrospection.schema(of: database.sql) == before)

            // A merge that fails: both rows stay, nothing of the step is kept.
            let mergeRunner = try runner(database, branched + [BrokenMerge.self])
            try await mergeRunner.upgrade("cafe00000002")
            #expect(try await versionRows(database) == bothHeads)
            let beforeMerge = try await SchemaIntrospection.schema(of: database.sql)
            do {
                try await mergeRunner.upgrade("head")
                Issue.record("the broken merge should fail")
            } catch let error as RunError {
                #expect(error == .stepFailed(revision: "beef0000dead", direction: "upgrade",
                                             reason: stepFailureReason(error), at: bothHeads))
                #expect(error.description.contains("(at aaaa00000002, cafe00000002)"))
            }
            #expect(try await versionRows(database) == bothHeads)
            #expect(try await SchemaIntrospection.schema(of: database.sql) == beforeMerge)
        }
    }

    /// The reason a failed step gives (the driver's words differ by database).
    private func stepFailureReason(_ error: RunError) -> String {
        if case .stepFailed(_, _, let reason, _) = error { reason } else { "" }
    }

    func stampBranches() async throws {
        try await withThrowawayConnection(backend) { database in
            let runner = try runner(database, branched)
            await #expect(throws: RevisionError.multipleHeads(argument: "head", heads: bothHeads)) { try await runner.stamp("head") }
            try await runner.stamp("heads")
            #expect(try await versionRows(database) == bothHeads)
            try await runner.stamp("aaaa00000001")
            #expect(try await versionRows(database) == ["aaaa00000001"])
            try await runner.stamp("base")
            #expect(try await versionRows(database) == [])
        }
    }

    /// The commands on a branched history, in a database of their own.
    func commands() async throws {
        try await withBranchCommands(backend, revisions: branched) { commands in
            func run(_ arguments: String...) async throws -> [String] { try await commands.run(arguments: arguments) }
            let url = commands.url, folder = commands.folder
            _ = try await run("upgrade", "heads")
            #expect(try await run("current") == ["aaaa00000002 (head)", "cafe00000002 (head)"])
            #expect(try await run("heads") == ["aaaa00000002 (head)", "cafe00000002 (head)"])
            #expect(try await run("history") == [
                "aaaa00000001 -> cafe00000002 (head), add age",
                "aaaa00000001 -> aaaa00000002 (head), add nickname",
                "<base> -> aaaa00000001 (branchpoint), create users table",
            ])
            // Autogenerate (and plain `revision`) refuse: the new revision would not know which head to follow.
            let refusal = "Multiple heads are present (aaaa00000002, cafe00000002); a new revision would not know which to follow. "
                + "Merge them first: run `merge heads -m \"…\"`, then `upgrade head`."
            for command in [["revision", "--autogenerate", "-m", "more"], ["revision", "-m", "more"], ["check"]] {
                #expect(await failure(of: try await commands.run(arguments: command)) == refusal, "\(command)")
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".swift") }.isEmpty)
            // Merging one head, or a revision that is not a head, is refused.
            #expect(await failure(of: try await run("merge", "aaaa00000001", "aaaa00000002", "-m", "no"))
                == "Revision aaaa00000001 is not a head revision: a merge joins heads. Run `heads` to list them.")
            #expect(await failure(of: try await run("merge", "aaaa00000002", "-m", "no"))
                == "There is only one head (aaaa00000002): nothing to merge.")

            // The server's start-up check: several heads are never head.
            let database = try await EngineDatabase.open(url, create: false)
            let environment = MigrationEnvironment(
                targetMetadata: { try SchemaMetadata(models: User.self) }, revisions: branched,
                versionsFolder: folder, configFile: folder + "/revisions.json", defaultDatabaseURL: "sqlite://")
            do {
                try await environment.requireHead(of: database.sql, upgradeCommand: "swift run app upgrade head")
                Issue.record("two heads are not head")
            } catch let error as CommandFailure {
                #expect(error.message == "The revisions have 2 heads, not merged (aaaa00000002, cafe00000002): "
                    + "there is no one head for the database to be at. Run `swift run app merge heads -m \"…\"`, then "
                    + "`swift run app upgrade head`: the server does not start on a database whose schema differs from its models.")
            }
            try await database.close()

            // merge heads writes the merge revision, which compiles as the fixture above.
            #expect(try await run("merge", "heads", "-m", "merge heads", "--rev-id", "beef00000003") == [
                "Generating \(folder)/beef00000003_merge_heads.swift ...  done",
                "The next build compiles it: run `upgrade head` to apply it.",
            ])
            let written = try String(contentsOfFile: folder + "/beef00000003_merge_heads.swift", encoding: .utf8)
            #expect(written.hasPrefix("// merge heads\n//\n// Revision ID: beef00000003\n// Revises: aaaa00000002, cafe00000002\n"))
            #expect(written.contains("    static let parents = [\"aaaa00000002\", \"cafe00000002\"]\n"))
        }
    }

    /// Lesson 5's note, "Two branches, one merge": the learner's `add full
    /// name` and a teammate's `add nickname` on the same parent. The lines
    /// here are the note's, with its example ids.
    func lessonFiveNote() async throws {
        let mine: [any SchemaRevision.Type] = [NoteCreateUsers.self, NoteAddFullName.self]
        let afterGitMerge = mine + [NoteAddNickname.self]
        try await withBranchCommands(backend, revisions: mine) { commands in
            func run(_ arguments: String...) async throws -> [String] { try await commands.run(arguments: arguments) }
            let folder = commands.folder
            #expect(try await run("upgrade", "head") == [
                "Running upgrade  -> b0fc2b4c59c4, create users table",
                "Running upgrade b0fc2b4c59c4 -> 2f7c9d1e4a6b, add full name",
            ])
            // After `git merge`: the teammate's revision is compiled too.
            commands.environment.revisions = afterGitMerge
            #expect(try await run("heads") == ["2f7c9d1e4a6b (head)", "8e3a5b0c1d92 (head)"])
            do {
                _ = try await run("upgrade", "head")
                Issue.record("upgrade head should refuse two heads")
            } catch {
                // What the command line prints, as the note shows it.
                #expect(SchemaRevisionsCommand.fullMessage(for: error) == "Error: Multiple head revisions are present for given argument 'head' "
                    + "(2f7c9d1e4a6b, 8e3a5b0c1d92); please specify a specific target revision, or 'heads' for all heads. "
                    + "Run `merge heads -m \"…\"` to join them into one, or `upgrade heads` to apply every branch as it is.")
            }
            #expect(try await run("merge", "heads", "-m", "merge full name and nickname", "--rev-id", "4c1e7f2b9a30") == [
                "Generating \(folder)/4c1e7f2b9a30_merge_full_name_and_nickname.swift ...  done",
                "The next build compiles it: run `upgrade head` to apply it.",
            ])
            // What it wrote is the fixture below, which the note shows.
            let written = try String(contentsOfFile: folder + "/4c1e7f2b9a30_merge_full_name_and_nickname.swift", encoding: .utf8)
            let enumStart = try #require(written.range(of: "enum Revision_4c1e7f2b9a30"))
            let source = try String(contentsOfFile: #filePath, encoding: .utf8)
            #expect(source.contains(String(written[enumStart.lowerBound...])))
            // The next build compiles the merge revision.
            commands.environment.revisions = afterGitMerge + [Revision_4c1e7f2b9a30.self]
            #expect(try await run("upgrade", "head") == [
                "Running upgrade b0fc2b4c59c4 -> 8e3a5b0c1d92, add nickname",
                "Running upgrade 2f7c9d1e4a6b, 8e3a5b0c1d92 -> 4c1e7f2b9a30, merge full name and nickname",
            ])
            #expect(try await run("current") == ["4c1e7f2b9a30 (head) (mergepoint)"])
            #expect(try await run("history") == [
                "2f7c9d1e4a6b, 8e3a5b0c1d92 -> 4c1e7f2b9a30 (head) (mergepoint), merge full name and nickname",
                "b0fc2b4c59c4 -> 8e3a5b0c1d92, add nickname",
                "b0fc2b4c59c4 -> 2f7c9d1e4a6b, add full name",
                "<base> -> b0fc2b4c59c4 (branchpoint), create users table",
            ])
        }
    }
}

/// The commands, run in a throwaway database and versions folder, in an
/// environment a test may change between commands (the next build, with
/// more revision files compiled).
final class BranchCommands: @unchecked Sendable {
    /// The environment the next command runs in.
    var environment: MigrationEnvironment
    /// The database.
    let url: DatabaseURL
    /// The versions folder (and the config file's).
    let folder: String
    private let printed = LogLines()

    init(url: DatabaseURL, folder: String, revisions: [any SchemaRevision.Type]) throws {
        self.url = url
        self.folder = folder
        let config = folder + "/revisions.json"
        try JSONSerialization.data(withJSONObject: ["database_url": url.connectionString, "versions": folder])
            .write(to: URL(fileURLWithPath: config))
        environment = MigrationEnvironment(
            targetMetadata: { try SchemaMetadata(models: User.self) }, revisions: revisions,
            versionsFolder: folder, configFile: config, defaultDatabaseURL: "sqlite://")
        environment.output = printed.append
        environment.environmentVariables = [:]
    }

    /// Runs `app ARGUMENTS…` and returns the lines it printed.
    func run(arguments: [String]) async throws -> [String] {
        let start = printed.lines.count
        let handled = try await SchemaRevisionsCommand.run(["app"] + arguments, environment: environment)
        #expect(handled)
        return Array(printed.lines[start...])
    }
}

/// What a command that must fail says (`nil`, with an issue, if it did not fail).
func failure(of command: @autoclosure () async throws -> [String]) async -> String? {
    do {
        _ = try await command()
        Issue.record("expected the command to fail")
        return nil
    } catch {
        return String(describing: error)
    }
}

/// Runs `body` with the commands on a throwaway database of `backend`.
func withBranchCommands(
    _ backend: TestBackend, revisions: [any SchemaRevision.Type], _ body: (BranchCommands) async throws -> Void
) async throws {
    try await withThrowawayDatabase(backend) { url in
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("branches-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await body(try BranchCommands(url: url, folder: folder, revisions: revisions))
    }
}

// Lesson 5's note, "Two branches, one merge": its revisions, with its example ids.

/// Lesson 5's shipped revision.
enum NoteCreateUsers: SchemaRevision {
    static let id = "b0fc2b4c59c4"
    static let parent: String? = nil
    static let message = "create users table"
    static func upgrade(_ op: SchemaOperations) async throws {
        try await op.createTable("users", [
            .column("id", .integer, nullable: false),
            .column("email", .string(), nullable: true),
            .column("password", .string(), nullable: true),
            .primaryKey("id"),
        ])
    }
    static func downgrade(_ op: SchemaOperations) async throws {
        try await op.dropTable("users")
    }
}

/// The learner's exercise.
enum NoteAddFullName: SchemaRevision {
    static let id = "2f7c9d1e4a6b"
    static let parent: String? = "b0fc2b4c59c4"
    static let message = "add full name"
    static func upgrade(_ op: SchemaOperations) async throws {
        try await op.addColumn("users", "full_name", .string(), nullable: true)
    }
    static func downgrade(_ op: SchemaOperations) async throws {
        try await op.dropColumn("users", "full_name")
    }
}

/// A teammate's revision, written on the same parent on another git branch.
enum NoteAddNickname: SchemaRevision {
    static let id = "8e3a5b0c1d92"
    static let parent: String? = "b0fc2b4c59c4"
    static let message = "add nickname"
    static func upgrade(_ op: SchemaOperations) async throws {
        try await op.addColumn("users", "nickname", .string(), nullable: true)
    }
    static func downgrade(_ op: SchemaOperations) async throws {
        try await op.dropColumn("users", "nickname")
    }
}

// What `merge heads -m "merge full name and nickname"` writes, as it writes it
// (`lessonFiveNote` checks that this file holds it, word for word):
enum Revision_4c1e7f2b9a30: SchemaRevision {
    static let id = "4c1e7f2b9a30"
    static let parents = ["2f7c9d1e4a6b", "8e3a5b0c1d92"]
    static let message = "merge full name and nickname"

    static func upgrade(_ op: SchemaOperations) async throws {}

    static func downgrade(_ op: SchemaOperations) async throws {}
}

@Suite("Branches and merges on SQLite: heads, upgrade heads, merge, downgrade across the merge, one version row per branch")
struct BranchTests {
    let checks = BranchChecks(backend: .sqlite)

    @Test("two revisions on one parent: upgrade head refuses, upgrade heads applies both (two version rows), the merge joins them (one row)")
    func upgradeHeadsThenMerge() async throws { try await checks.upgradeHeadsThenMerge() }

    @Test("downgrade -1 from a merge gives back both heads; down to a revision and to base undoes both branches")
    func downgradeAcrossTheMerge() async throws { try await checks.downgradeAcrossTheMerge() }

    @Test("--dry-run shows a branch's INSERT and a merge's UPDATE and DELETE, and keeps nothing")
    func offlineSQL() async throws { try await checks.offlineSQL() }

    @Test("a failing branch or merge step leaves schema and version rows exactly as they were")
    func failingSteps() async throws { try await checks.failingSteps() }

    @Test("stamp heads records a row per head; stamp head refuses several")
    func stampBranches() async throws { try await checks.stampBranches() }

    @Test("current, heads, history, revision, check, merge and the start-up check on two heads")
    func commands() async throws { try await checks.commands() }

    @Test("lesson 5's note: heads, the refusal of upgrade head, merge heads, upgrade head, current, history")
    func lessonFiveNote() async throws { try await checks.lessonFiveNote() }

    @Test("the graph: parents first, a branch kept together, heads, branch and merge points, each step's version rows")
    func graph() throws {
        let graph = try RevisionGraph(checks.merged)
        #expect(graph.ordered.map(\.id) == ["aaaa00000001", "aaaa00000002", "cafe00000002", "beef00000003"])
        #expect(graph.heads == ["beef00000003"])
        #expect(graph.isBranchPoint("aaaa00000001") && !graph.isBranchPoint("aaaa00000002"))
        #expect(graph.isMergePoint("beef00000003") && !graph.isMergePoint("cafe00000002"))
        #expect(graph.node("beef00000003")?.parent == nil && graph.node("cafe00000002")?.parent == "aaaa00000001")
        let up = try graph.upgradeSteps("head", from: [])
        #expect(up.map(\.before) == [[], ["aaaa00000001"], ["aaaa00000002"], ["aaaa00000002", "cafe00000002"]])
        #expect(up.map(\.after) == [["aaaa00000001"], ["aaaa00000002"], ["aaaa00000002", "cafe00000002"], ["beef00000003"]])
        // Upgrading to one branch's revision runs only what it needs.
        #expect(try graph.upgradeSteps("cafe00000002", from: ["aaaa00000002"]).map(\.node.id) == ["cafe00000002"])
        #expect(throws: RevisionError.wrongDirection("aaaa00000001", upgrade: true)) {
            try graph.upgradeSteps("aaaa00000001", from: ["aaaa00000002"])
        }
        #expect(throws: RevisionError.belowBase(steps: 3, available: 2)) { try graph.downgradeSteps("-3", from: ["aaaa00000002"]) }
        #expect(throws: RevisionError.wrongDirection("cafe00000002", upgrade: false)) {
            try graph.downgradeSteps("cafe00000002", from: ["aaaa00000002"])
        }
        // Existing revision files, with `parent` only, are read as before.
        #expect(AddNickname.parents == ["aaaa00000001"] && CreateUsers.parents == [])
        #expect(MergeNicknameAndAge.parent == nil)
    }

    @Test("history --diagram draws both branches, the merge, and both rows the database is at")
    func diagram() throws {
        #expect(MermaidDiagram.history(try RevisionGraph(checks.merged), current: ["aaaa00000002", "cafe00000002"]) == """
            flowchart LR
                base(["base"])
                r1["aaaa00000001<br/>create users table<br/>(branchpoint)"]
                r2["aaaa00000002<br/>add nickname<br/>(current)"]
                r3["cafe00000002<br/>add age<br/>(current)"]
                r4["beef00000003<br/>merge heads<br/>(head, mergepoint)"]
                base --> r1
                r1 --> r2
                r1 --> r3
                r2 --> r4
                r3 --> r4
                classDef current fill:#fde68a,stroke:#b45309,stroke-width:3px,color:#000
                class r2,r3 current
            """)
    }

    @Test("a merge revision renders with both parents and nothing to run")
    func renderMerge() {
        let header = RevisionRenderer.Header(id: "beef00000003", parents: ["aaaa00000002", "cafe00000002"], message: "merge heads",
                                             date: Date(timeIntervalSince1970: 1_795_000_000))
        #expect(RevisionRenderer().render(header, changes: [], autogenerated: false) == """
            // merge heads
            //
            // Revision ID: beef00000003
            // Revises: aaaa00000002, cafe00000002
            // Create Date: 2026-11-18 11:06:40 UTC
            //
            // Written by `merge`: it joins the branches, and runs nothing unless you add steps.
            import SchemaRevisions

            enum Revision_beef00000003: SchemaRevision {
                static let id = "beef00000003"
                static let parents = ["aaaa00000002", "cafe00000002"]
                static let message = "merge heads"

                static func upgrade(_ op: SchemaOperations) async throws {}

                static func downgrade(_ op: SchemaOperations) async throws {}
            }

            """)
    }
}

@Suite("Branches and merges on PostgreSQL: the same checks", .postgres)
struct BranchPostgresTests {
    let checks = BranchChecks(backend: .postgresql)

    @Test("two revisions on one parent: upgrade head refuses, upgrade heads applies both (two version rows), the merge joins them (one row)")
    func upgradeHeadsThenMerge() async throws { try await checks.upgradeHeadsThenMerge() }

    @Test("downgrade -1 from a merge gives back both heads; down to a revision and to base undoes both branches")
    func downgradeAcrossTheMerge() async throws { try await checks.downgradeAcrossTheMerge() }

    @Test("--dry-run shows a branch's INSERT and a merge's UPDATE and DELETE, and keeps nothing")
    func offlineSQL() async throws { try await checks.offlineSQL() }

    @Test("a failing branch or merge step leaves schema and version rows exactly as they were")
    func failingSteps() async throws { try await checks.failingSteps() }

    @Test("stamp heads records a row per head; stamp head refuses several")
    func stampBranches() async throws { try await checks.stampBranches() }

    @Test("current, heads, history, revision, check, merge and the start-up check on two heads")
    func commands() async throws { try await checks.commands() }

    @Test("lesson 5's note: heads, the refusal of upgrade head, merge heads, upgrade head, current, history")
    func lessonFiveNote() async throws { try await checks.lessonFiveNote() }
}
