import Foundation
import Lesson04
import SchemaRevisions
import SchemaRevisionsCLI
import Testing
import Workbook
import WorkbookTesting

/// Lesson 4 — Alembic's set-up. See Lessons/04-migration-setup.md.
@Suite("Lesson 4: migration set-up")
struct Lesson04Tests {
    @Test("init writes the config (alembic.ini) and the versions folder, and refuses to overwrite")
    func initCommand() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("init-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var environment = migrationEnvironment()
        environment.configFile = folder.appendingPathComponent("lesson-4.revisions.json").path
        environment.versionsFolder = folder.appendingPathComponent("Versions").path
        let printed = CollectedLines()
        environment.output = { printed.append($0) }

        #expect(try await SchemaRevisionsCommand.run(["lesson-4", "init"], environment: environment))
        #expect(printed.lines.first == "Creating directory \(environment.versionsFolder) ...  done")
        #expect(FileManager.default.fileExists(atPath: environment.versionsFolder))
        let config = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: environment.configFile))) as? [String: String]
        #expect(config == ["database_url": "sqlite:///lesson-4.sqlite", "versions": environment.versionsFolder])

        do {
            _ = try await SchemaRevisionsCommand.run(["lesson-4", "init"], environment: environment)
            Issue.record("a second init should refuse")
        } catch {
            #expect(String(describing: error).contains("does not overwrite"))
        }
    }

    @Test("the config's database_url is the database the commands use")
    func configuredDatabase() async throws {
        try await withMigrationSandbox(migrationEnvironment()) { sandbox in
            #expect(!FileManager.default.fileExists(atPath: sandbox.databasePath))
            try await sandbox.run("upgrade", "head")
            #expect(FileManager.default.fileExists(atPath: sandbox.databasePath))
            #expect(try await sandbox.run("current") == [])
        }
    }

    @Test("DATABASE_URL overrides the config's database_url, as it overrides alembic.ini's sqlalchemy.url")
    func databaseURLOverride() async throws {
        try await withMigrationSandbox(migrationEnvironment()) { sandbox in
            let elsewhere = sandbox.folder.appendingPathComponent("elsewhere.sqlite").path
            var environment = sandbox.environment
            environment.environmentVariables = ["DATABASE_URL": "sqlite:///\(elsewhere)"]
            _ = try await SchemaRevisionsCommand.run(["lesson-4", "upgrade", "head"], environment: environment)
            #expect(FileManager.default.fileExists(atPath: elsewhere))
            #expect(!FileManager.default.fileExists(atPath: sandbox.databasePath), "the config's database is untouched")
        }
    }

    // MARK: The exercise (Exercises/04-migration-setup/migrations.swift)

    @Test("exercise: target_metadata describes the users table, with its indexes")
    func targetMetadata() async throws {
        guard let metadata = try await expectExerciseDone(lesson: 4, { try migrationEnvironment().targetMetadata() }) else { return }
        let users = try #require(metadata.table(named: "users"), "target metadata should have the users table")
        #expect(users.columns.map(\.name) == ["id", "email", "password"])
        #expect(Set(users.indexes) == [
            IndexMetadata(name: "ix_users_id", columns: ["id"], unique: false),
            IndexMetadata(name: "ix_users_email", columns: ["email"], unique: true),
        ])
    }

    @Test("exercise: revision --autogenerate against an empty database writes the 'create users table' revision")
    func autogenerate() async throws {
        let versions = FileManager.default.temporaryDirectory.appendingPathComponent("versions-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: versions, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: versions) }
        try await withMigrationSandbox(migrationEnvironment(), versionsFolder: versions.path) { sandbox in
            guard let printed = try await expectExerciseDone(lesson: 4, {
                try await sandbox.run("revision", "--autogenerate", "-m", "create users table")
            }) else { return }
            #expect(printed.prefix(3) == [
                "Detected added table 'users'",
                "Detected added index 'ix_users_id' on 'users' (id)",
                "Detected added unique index 'ix_users_email' on 'users' (email)",
            ])
            let files = try FileManager.default.contentsOfDirectory(atPath: versions.path)
            #expect(files.count == 1 && files[0].hasSuffix("_create_users_table.swift"), "one revision file: \(files)")
            let source = try String(contentsOf: versions.appendingPathComponent(files[0]), encoding: .utf8)
            #expect(source.contains(#"try await op.createTable("users", ["#))
            #expect(source.contains(#"try await op.createIndex("ix_users_email", on: "users", ["email"], unique: true)"#))
        }
    }
}

