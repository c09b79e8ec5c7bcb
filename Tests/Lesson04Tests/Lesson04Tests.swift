import Foundation
import Lesson04
import SchemaRevisions
import SchemaRevisionsCLI
import Testing
import Workbook
import WorkbookTesting

/// Lesson 4 — Alembic's set-up. See Lessons/04-migration-setup.md.
///
/// The set-up checks run the commands as on a project just after `init`, with
/// no revisions, whatever your `Versions/` holds; the last check runs the
/// revisions you generated there.
@Suite("Lesson 4: migration set-up")
struct Lesson04Tests {
    /// The lesson's environment (`env.py`) with no revisions: a project just after `init`.
    func freshProject() -> MigrationEnvironment {
        var environment = migrationEnvironment()
        environment.revisions = []
        return environment
    }

    @Test("init writes the config (alembic.ini) and the versions folder, and refuses to overwrite")
    func initCommand() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("init-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var environment = freshProject()
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
            Issue.record(explain("a second init should refuse",
                                 russian: "повторный init должен отказаться"))
        } catch {
            #expect(String(describing: error).contains("does not overwrite"))
        }
    }

    @Test("the config's database_url is the database the commands use")
    func configuredDatabase() async throws {
        try await withMigrationSandbox(freshProject()) { sandbox in
            #expect(!FileManager.default.fileExists(atPath: sandbox.databasePath))
            try await sandbox.run("upgrade", "head")
            #expect(FileManager.default.fileExists(atPath: sandbox.databasePath))
            #expect(try await sandbox.run("current") == [])
        }
    }

    @Test("DATABASE_URL overrides the config's database_url, as it overrides alembic.ini's sqlalchemy.url")
    func databaseURLOverride() async throws {
        try await withMigrationSandbox(freshProject()) { sandbox in
            let elsewhere = sandbox.folder.appendingPathComponent("elsewhere.sqlite").path
            var environment = sandbox.environment
            environment.environmentVariables = ["DATABASE_URL": "sqlite:///\(elsewhere)"]
            _ = try await SchemaRevisionsCommand.run(["lesson-4", "upgrade", "head"], environment: environment)
            #expect(FileManager.default.fileExists(atPath: elsewhere))
            #expect(!FileManager.default.fileExists(atPath: sandbox.databasePath), explain("the config's database is untouched",
                                                                                           russian: "база из конфигурации не тронута"))
        }
    }

    // MARK: The exercise (Exercises/04-migration-setup/migrations.swift)

    @Test("exercise: target_metadata describes the users table, with its columns and indexes")
    func targetMetadata() async throws {
        guard let metadata = try await expectExerciseDone(lesson: 4, { try migrationEnvironment().targetMetadata() }) else { return }
        let names = metadata.tables.map(\.name)
        guard let users = metadata.table(named: "users") else {
            let tableList = names.map { "'\($0)'" }.joined(separator: ", ")
            Issue.record(names.isEmpty
                ? explain("target_metadata has no tables, so the engine manages none: make it from the User model, SchemaMetadata(models: User.self)",
                          russian: "в target_metadata нет таблиц, и движок не управляет ни одной: соберите его из модели User, SchemaMetadata(models: User.self)")
                : explain("target_metadata has no table named 'users' (it has \(tableList)): "
                    + "the table is the one the User model names, User.schema; make the metadata from the model, SchemaMetadata(models: User.self)",
                          russian: "в target_metadata нет таблицы 'users' (есть \(tableList)): "
                    + "таблица — та, которую называет модель User, User.schema; соберите метаданные из модели, SchemaMetadata(models: User.self)"))
            return
        }
        #expect(names == ["users"], explain("target_metadata should describe the users table only; it has \(names)",
                                            russian: "target_metadata должен описывать только таблицу users, а в нём \(names)"))

        let expectedColumns = [
            ColumnMetadata(name: "id", type: .integer, nullable: false),
            ColumnMetadata(name: "email", type: .string(), nullable: true),
            ColumnMetadata(name: "password", type: .string(), nullable: true),
        ]
        #expect(users.columns.map(\.name) == expectedColumns.map(\.name),
                explain("target_metadata's users table should have the User model's columns id, email, password; it has \(users.columns.map(\.name))",
                        russian: "у таблицы users в target_metadata должны быть колонки модели User — id, email, password, а у неё \(users.columns.map(\.name))"))
        for expected in expectedColumns {
            guard let column = users.column(named: expected.name) else { continue }
            #expect(column.type == expected.type && column.nullable == expected.nullable,
                    explain("users.\(expected.name) is \(column.type)\(column.nullable ? ", nullable" : ", NOT NULL"); the User model says \(expected.type)\(expected.nullable ? ", nullable" : ", NOT NULL")",
                            russian: "users.\(expected.name) — это \(column.type)\(column.nullable ? ", nullable" : ", NOT NULL"), а модель User говорит \(expected.type)\(expected.nullable ? ", nullable" : ", NOT NULL")"))
        }
        #expect(users.primaryKey == ["id"], explain("users' primary key should be id; it is \(users.primaryKey)",
                                                    russian: "первичный ключ users должен быть id, а он \(users.primaryKey)"))

        let expectedIndexes = [
            IndexMetadata(name: "ix_users_id", columns: ["id"], unique: false),
            IndexMetadata(name: "ix_users_email", columns: ["email"], unique: true),
        ]
        for expected in expectedIndexes {
            guard let index = users.indexes.first(where: { $0.name == expected.name }) else {
                Issue.record(explain("target_metadata's users table has no index \(expected.name): the indexes come from the User model's tableArguments — make the metadata from the model, SchemaMetadata(models: User.self)",
                                     russian: "у таблицы users в target_metadata нет индекса \(expected.name): индексы берутся из tableArguments модели User — соберите метаданные из модели, SchemaMetadata(models: User.self)"))
                continue
            }
            #expect(index == expected,
                    explain("\(index.name) is on (\(index.columns.joined(separator: ", ")))\(index.unique ? ", unique" : ", not unique"); the User model declares it on (\(expected.columns.joined(separator: ", ")))\(expected.unique ? ", unique" : ", not unique")",
                            russian: "\(index.name) построен по (\(index.columns.joined(separator: ", ")))\(index.unique ? ", уникальный" : ", не уникальный"), а модель User объявляет его по (\(expected.columns.joined(separator: ", ")))\(expected.unique ? ", уникальным" : ", не уникальным")"))
        }
        let extra = users.indexes.filter { index in !expectedIndexes.contains { $0.name == index.name } }
        #expect(extra.isEmpty, explain("target_metadata's users table has indexes the User model does not declare: \(extra.map(\.name))",
                                       russian: "у таблицы users в target_metadata есть индексы, которых модель User не объявляет: \(extra.map(\.name))"))
        #expect(users.uniqueConstraints.isEmpty, explain("target_metadata's users table has unique constraints the User model does not declare: \(users.uniqueConstraints.map(\.name))",
                                                         russian: "у таблицы users в target_metadata есть ограничения уникальности, которых модель User не объявляет: \(users.uniqueConstraints.map(\.name))"))
    }

    @Test("exercise: revision --autogenerate against an empty database writes the 'create users table' revision")
    func autogenerate() async throws {
        let versions = FileManager.default.temporaryDirectory.appendingPathComponent("versions-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: versions, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: versions) }
        try await withMigrationSandbox(freshProject(), versionsFolder: versions.path) { sandbox in
            guard let printed = try await expectExerciseDone(lesson: 4, {
                try await sandbox.run("revision", "--autogenerate", "-m", "create users table")
            }) else { return }
            guard printed != ["No changes in schema detected."] else {
                Issue.record(explain("revision --autogenerate found nothing to create in an empty database: target_metadata describes no tables. Make it from the User model, SchemaMetadata(models: User.self)",
                                     russian: "revision --autogenerate не нашёл, что создавать в пустой базе: target_metadata не описывает ни одной таблицы. Соберите его из модели User, SchemaMetadata(models: User.self)"))
                return
            }
            #expect(printed.prefix(3) == [
                "Detected added table 'users'",
                "Detected added index 'ix_users_id' on 'users' (id)",
                "Detected added unique index 'ix_users_email' on 'users' (email)",
            ], explain("revision --autogenerate against an empty database should detect the users table and its two indexes; it printed \(printed)",
                       russian: "revision --autogenerate на пустой базе должен обнаружить таблицу users и два её индекса, а он вывел \(printed)"))
            let files = try FileManager.default.contentsOfDirectory(atPath: versions.path)
            #expect(files.count == 1 && files[0].hasSuffix("_create_users_table.swift"), explain("one revision file: \(files)",
                                                                                                 russian: "должен быть один файл ревизии: \(files)"))
            guard let file = files.first else { return }
            let source = try String(contentsOf: versions.appendingPathComponent(file), encoding: .utf8)
            #expect(source.contains(#"try await op.createTable("users", ["#), explain("the revision should create the users table:\n\(source)",
                                                                                      russian: "ревизия должна создавать таблицу users:\n\(source)"))
            #expect(source.contains(#"try await op.createIndex("ix_users_email", on: "users", ["email"], unique: true)"#),
                    explain("the revision should create the unique index ix_users_email:\n\(source)",
                            russian: "ревизия должна создавать уникальный индекс ix_users_email:\n\(source)"))
        }
    }

    @Test("exercise: the revisions you generated in Versions/ build the model's schema (check finds nothing), and downgrade base undoes them")
    func yourRevisions() async throws {
        let environment = migrationEnvironment()
        // None generated yet: nothing of yours to check.
        guard !environment.revisions.isEmpty else { return }
        guard try await expectExerciseDone(lesson: 4, { try environment.targetMetadata() }) != nil else { return }
        let ids = environment.revisions.map { $0.id }.joined(separator: ", ")
        try await withMigrationSandbox(environment) { sandbox in
            try await sandbox.run("upgrade", "head")
            do {
                try await sandbox.run("check")
            } catch {
                Issue.record(explain("""
                    After `upgrade head` on an empty database, your revisions (\(ids), in \(environment.versionsFolder)) \
                    do not build what the models describe — `check` says:
                    \(error)
                    A revision stays as it was written when the model (or target_metadata) changes afterwards. \
                    Write another for what is missing (`swift run lesson-4 upgrade head`, then \
                    `swift run lesson-4 revision --autogenerate -m "..."`), or `swift run lesson-4 downgrade base`, \
                    delete the file, and generate it again.
                    """, russian: """
                    После `upgrade head` на пустой базе ваши ревизии (\(ids), в \(environment.versionsFolder)) \
                    не строят то, что описывают модели, — `check` говорит:
                    \(error)
                    Ревизия остаётся такой, какой её написали, даже если модель (или target_metadata) потом меняется. \
                    Напишите ещё одну на то, чего не хватает (`swift run lesson-4 upgrade head`, затем \
                    `swift run lesson-4 revision --autogenerate -m "..."`), или выполните `swift run lesson-4 downgrade base`, \
                    удалите файл и сгенерируйте его заново.
                    """))
            }
            try await sandbox.run("downgrade", "base")
            let tables = try await SQLiteSchema.inspect(path: sandbox.databasePath) { try await SQLiteSchema.tables(in: $0) }
            // What `downgrade base` leaves: the engine's own two tables, empty.
            let engineTables = [RevisionChecksums.tableName, VersionTable.name]
            #expect(tables == engineTables,
                    explain("after `downgrade base` the database should hold only \(engineTables.joined(separator: " and ")); it holds \(tables): a downgrade() does not undo its upgrade()",
                            russian: "после `downgrade base` в базе должны остаться только \(engineTables.joined(separator: " и ")), а в ней \(tables): какой-то downgrade() не отменяет свой upgrade()"))
        }
    }
}
