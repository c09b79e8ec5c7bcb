import Foundation
import Lesson05
import SchemaRevisions
import SchemaRevisionsCLI
import Testing
import VaporTesting
import Workbook
import WorkbookTesting

/// Lesson 5 — Alembic's workflow. See Lessons/05-migrations.md.
///
/// Every test runs the lesson's real migration commands on a database of
/// its own, then reads that file's schema on a separate connection.
@Suite("Lesson 5: the migration workflow")
struct Lesson05Tests {
    let shipped = "b0fc2b4c59c4"

    func schema(_ path: String) async throws -> (columns: [SQLiteSchema.Column], indexes: [SQLiteSchema.Index], tables: [String]) {
        try await SQLiteSchema.inspect(path: path) { db in
            let tables = try await SQLiteSchema.tables(in: db)
            guard tables.contains("users") else { return ([], [], tables) }
            return (try await SQLiteSchema.columns(of: "users", in: db), try await SQLiteSchema.indexes(of: "users", in: db), tables)
        }
    }

    // MARK: The walkthrough's own steps (pass before the exercise is done)

    @Test("upgrade to the shipped revision creates the schema Alembic creates for the walkthrough")
    func upgradeShipped() async throws {
        try await withMigrationSandbox(migrationEnvironment()) { sandbox in
            #expect(try await sandbox.run("upgrade", shipped) == ["Running upgrade  -> b0fc2b4c59c4, create users table"])
            let (columns, indexes, tables) = try await schema(sandbox.databasePath)
            #expect(tables == ["schema_revisions_checksums", "schema_revisions_version", "users"])
            #expect(columns.map(\.name) == ["id", "email", "password"])
            #expect(columns.map(\.type) == ["INTEGER", "VARCHAR", "VARCHAR"])
            #expect(columns.map(\.notnull) == [1, 0, 0])
            #expect(columns.map(\.pk) == [1, 0, 0])
            #expect(indexes.filter { $0.origin == "c" } == [
                SQLiteSchema.Index(name: "ix_users_email", unique: true, origin: "c", columns: ["email"]),
                SQLiteSchema.Index(name: "ix_users_id", unique: false, origin: "c", columns: ["id"]),
            ])
            let version = try await SQLiteSchema.inspect(path: sandbox.databasePath) { db in
                try await SQLiteSchema.columns(of: "schema_revisions_version", in: db)
            }
            #expect(version.map(\.name) == ["version_num"] && version.first?.type == "VARCHAR(32)" && version.first?.pk == 1)
            let current = try await sandbox.run("current")
            #expect(current.first?.hasPrefix(shipped) == true)
        }
    }

    @Test("downgrade -1 undoes it, as `alembic downgrade -1` logs it")
    func downgradeShipped() async throws {
        try await withMigrationSandbox(migrationEnvironment()) { sandbox in
            try await sandbox.run("upgrade", shipped)
            #expect(try await sandbox.run("downgrade", "-1") == ["Running downgrade b0fc2b4c59c4 -> , create users table"])
            #expect(try await schema(sandbox.databasePath).tables == ["schema_revisions_checksums", "schema_revisions_version"])
            #expect(try await sandbox.run("current") == [])
        }
    }

    @Test("history lists the shipped revision first")
    func history() async throws {
        try await withMigrationSandbox(migrationEnvironment()) { sandbox in
            let lines = try await sandbox.run("history")
            #expect(lines.last?.hasPrefix("<base> -> b0fc2b4c59c4") == true)
            #expect(lines.last?.hasSuffix(", create users table") == true)
        }
    }

    @Test("the server refuses a database that is not at head, and names the command that fixes it")
    func serverNeedsHead() async throws {
        try await withMigrationSandbox(migrationEnvironment()) { sandbox in
            do {
                try await withApp(configure: { try await configure($0, databaseURL: .sqliteFile(path: sandbox.databasePath)) }) { _ in
                    Issue.record(explain("configure should refuse a database at base",
                                         russian: "configure должен отказываться от базы на base"))
                }
            } catch {
                #expect(String(describing: error).contains("Run `swift run lesson-5 upgrade head` first"))
            }
            try await sandbox.run("upgrade", "head")
            try await withApp(configure: { try await configure($0, databaseURL: .sqliteFile(path: sandbox.databasePath)) }) { app in
                let res = try await app.testing().sendRequest(.POST, "/users", headers: ["Content-Type": "application/json"],
                                                              body: ByteBuffer(string: #"{"email":"ada@example.com","password":"pw"}"#))
                #expect(res.status == .created,
                        explain("POST /users on a database at head answered \(res.status.code) \(res.body.string): does every field of User have its column in a revision?",
                                russian: "POST /users на базе на head ответил \(res.status.code) \(res.body.string): у каждого ли поля User есть колонка в какой-нибудь ревизии?"))
            }
        }
    }

    @Test("autogenerate refuses a database that is not at head, and writes nothing when nothing changed")
    func autogenerateGuards() async throws {
        let versions = FileManager.default.temporaryDirectory.appendingPathComponent("versions-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: versions, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: versions) }
        try await withMigrationSandbox(migrationEnvironment(), versionsFolder: versions.path) { sandbox in
            do {
                try await sandbox.run("revision", "--autogenerate", "-m", "too early")
                Issue.record(explain("autogenerate should refuse a database at base",
                                     russian: "autogenerate должен отказываться от базы на base"))
            } catch {
                #expect(String(describing: error).hasPrefix("Target database is not up to date"))
            }
            try await sandbox.run("upgrade", "head")
            let printed = try await sandbox.run("revision", "--autogenerate", "-m", "nothing")
            if printed == ["No changes in schema detected."] {
                #expect(try FileManager.default.contentsOfDirectory(atPath: versions.path).isEmpty)
            } else if let revision = try Exercise.learnersRevision() {
                // A revision that does not make what the model declares.
                let detected = printed.filter { $0.hasPrefix("Detected") }.joined(separator: "; ")
                Issue.record(Exercise.todo(
                    "at head the database still differs from User (autogenerate says: "
                        + detected
                        + "): revision \(revision.id) must make the column exactly as the model declares it (or make it again: "
                        + "`downgrade -1`, delete its file, then \(Exercise.generate))",
                    russian: "на head база всё ещё отличается от User (autogenerate говорит: "
                        + detected
                        + "): ревизия \(revision.id) должна создавать колонку ровно такой, какой её объявляет модель (или создайте ревизию заново: "
                        + "`downgrade -1`, удалите её файл, затем \(Exercise.generate))",
                    file: revision.file))
            } else {
                // The model has changed and no revision has caught up: the exercise, half done.
                let detected = printed.filter { $0.hasPrefix("Detected") }.joined(separator: "; ")
                Issue.record(Exercise.todo(
                    "User has changes that no revision makes yet (autogenerate at head says: "
                        + detected
                        + "): run `swift run lesson-5 upgrade head`, then \(Exercise.generate)",
                    russian: "в User есть изменения, которых пока не вносит ни одна ревизия (autogenerate на head говорит: "
                        + detected
                        + "): выполните `swift run lesson-5 upgrade head`, затем \(Exercise.generate)",
                    file: Exercise.relative(versionsFolder)))
            }
        }
    }

    // MARK: The exercise (Models/User.swift, a new revision in Versions/)
    //
    // Nothing to tick by hand: the checks read your model (through the
    // engine's metadata, as autogenerate does), find the revision that comes
    // after b0fc2b4c59c4 among the compiled ones (its id is random), and run
    // it on a database of their own. Each says what is missing next.

    @Test("exercise: User has an optional full_name column (Models/User.swift)")
    func modelHasFullName() throws {
        _ = try Exercise.requireModel()
    }

    @Test("exercise: a revision after b0fc2b4c59c4 adds users.full_name, over existing users, and leaves nothing for check")
    func newRevision() async throws {
        guard let revision = try Exercise.requireRevision() else { return }
        try await withMigrationSandbox(migrationEnvironment()) { sandbox in
            let before = try await Exercise.seedTwoUsers(sandbox)
            guard try await Exercise.upgradeAddsFullName(sandbox, revision) else { return }
            #expect(try await Exercise.rows(sandbox) == before,
                    explain("upgrade head changed the users already in the table: \(revision.file) must only add the column",
                            russian: "upgrade head изменил пользователей, которые уже были в таблице: ревизия \(revision.file) должна только добавлять колонку"))
            // `check` fails (as `alembic check` does) when the model and the database differ.
            let differences: [String]
            do {
                differences = try await sandbox.run("check").filter { $0 != "No new upgrade operations detected." }
            } catch {
                differences = String(describing: error).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.hasPrefix("New upgrade operations") && !$0.hasPrefix("Run `revision") }
            }
            if !differences.isEmpty {
                Issue.record(Exercise.todo(
                    "after `upgrade head` the database still differs from User: `check` says "
                        + differences.joined(separator: "; ")
                        + ". Revision \(revision.id) must make the column exactly as the model declares it (or make it again: "
                        + "`downgrade -1`, delete its file, then \(Exercise.generate))",
                    russian: "после `upgrade head` база всё ещё отличается от User: `check` говорит "
                        + differences.joined(separator: "; ")
                        + ". Ревизия \(revision.id) должна создавать колонку ровно такой, какой её объявляет модель (или создайте ревизию заново: "
                        + "`downgrade -1`, удалите её файл, затем \(Exercise.generate))",
                    file: revision.file))
            }
        }
    }

    @Test("exercise: downgrade removes full_name and upgrade adds it again; the users stay every time")
    func upgradeDowngradeKeepsRows() async throws {
        guard let revision = try Exercise.requireRevision() else { return }
        try await withMigrationSandbox(migrationEnvironment()) { sandbox in
            let before = try await Exercise.seedTwoUsers(sandbox)
            guard try await Exercise.upgradeAddsFullName(sandbox, revision) else { return }

            do {
                try await sandbox.run("downgrade", shipped)
            } catch {
                Issue.record(Exercise.todo("`downgrade \(shipped)` fails: \(error)",
                                           russian: "`downgrade \(shipped)` падает: \(error)", file: revision.file))
                return
            }
            let columns = try await schema(sandbox.databasePath).columns.map(\.name)
            if columns != ["id", "email", "password"] {
                Issue.record(Exercise.todo(
                    "the downgrade of \(revision.id) (\(revision.message)) leaves the users table with the columns "
                        + columns.joined(separator: ", ")
                        + ": it must drop what its upgrade added — `try await op.dropColumn(\"users\", \"full_name\")`",
                    russian: "downgrade ревизии \(revision.id) (\(revision.message)) оставляет в таблице users колонки "
                        + columns.joined(separator: ", ")
                        + ": он должен удалять то, что добавил его upgrade, — `try await op.dropColumn(\"users\", \"full_name\")`",
                    file: revision.file))
                return
            }
            #expect(try await Exercise.rows(sandbox) == before, explain("downgrade lost or changed users: it must drop only the column",
                                                                        russian: "downgrade потерял или изменил пользователей: он должен удалять только колонку"))

            guard try await Exercise.upgradeAddsFullName(sandbox, revision, again: true) else { return }
            #expect(try await Exercise.rows(sandbox) == before, explain("upgrade head, the second time, lost or changed users",
                                                                        russian: "upgrade head при втором запуске потерял или изменил пользователей"))
        }
    }
}

/// What is left of lesson 5's exercise, found from the learner's own model and
/// revisions. Every message is an ``ExerciseTODO`` (`TODO(lesson 5): …`) that
/// says what to do next and in which file.
enum Exercise {
    static let shipped = "b0fc2b4c59c4"
    static let generate = "`swift run lesson-5 revision --autogenerate -m \"add full name\"`"

    /// `/…/Exercises/05-migrations/Versions` → `Exercises/05-migrations/Versions`.
    static func relative(_ path: String) -> String {
        URL(fileURLWithPath: path).pathComponents.suffix(3).joined(separator: "/")
    }

    /// `Exercises/05-migrations/Models/User.swift` (`Solutions/…` on that track).
    static var modelFile: String {
        URL(fileURLWithPath: versionsFolder).pathComponents.suffix(3).dropLast().joined(separator: "/") + "/Models/User.swift"
    }

    /// "Exercise not done yet." and lesson 5's TODO message, with what is
    /// `missing` in the learner's language.
    static func todo(_ missing: String, russian: String, file: String) -> Comment {
        exerciseNotDone(lesson: 5, file: file, missing: missing, russian: russian)
    }

    /// The learner's revision: the one after the shipped one, and its file.
    struct Revision {
        let id: String
        let message: String
        /// Relative to the kit's root.
        let file: String
    }

    /// The model's full_name column, or `nil` after recording what is missing.
    @discardableResult
    static func requireModel(sourceLocation: SourceLocation = #_sourceLocation) throws -> ColumnMetadata? {
        let users = try #require(try migrationEnvironment().targetMetadata().table(named: "users"),
                                 explain("User's table should be called users",
                                         russian: "таблица User должна называться users"), sourceLocation: sourceLocation)
        guard let column = users.column(named: "full_name") else {
            let others = users.columns.map(\.name).filter { !["id", "email", "password"].contains($0) }
            let found = others.map { "`\($0)`" }.joined(separator: ", ")
            let missing = others.isEmpty
                ? "User has no full_name column yet: add `@OptionalField(key: \"full_name\") var fullName: String?`"
                : "User has no full_name column; it has " + found
                    + ". The key in `@OptionalField(key: \"full_name\")` is the column's name, and the walkthrough's is full_name"
            let russian = others.isEmpty
                ? "у User ещё нет колонки full_name: добавьте `@OptionalField(key: \"full_name\") var fullName: String?`"
                : "у User нет колонки full_name; у неё есть " + found
                    + ". Ключ в `@OptionalField(key: \"full_name\")` — это имя колонки, а в конспекте она называется full_name"
            Issue.record(todo(missing, russian: russian, file: modelFile), sourceLocation: sourceLocation)
            return nil
        }
        guard column.nullable else {
            Issue.record(todo(
                "User's full_name is required (NOT NULL), but the users already in the table have no name: "
                    + "make it optional — `@OptionalField(key: \"full_name\") var fullName: String?`",
                russian: "full_name у User обязательное (NOT NULL), а у пользователей, которые уже есть в таблице, имени нет: "
                    + "сделайте его опционалом — `@OptionalField(key: \"full_name\") var fullName: String?`",
                file: modelFile), sourceLocation: sourceLocation)
            return nil
        }
        guard case .string = column.type else {
            Issue.record(todo("User's full_name is stored as \(column.type), not as text: its Swift type is `String?`",
                              russian: "full_name у User хранится как \(column.type), а не как текст: его тип в Swift — `String?`",
                              file: modelFile), sourceLocation: sourceLocation)
            return nil
        }
        return column
    }

    /// The revision that comes after the shipped one, or `nil` after
    /// recording what is missing (the model first, then the revision).
    /// The revision after the shipped one, if there is one, without checking the model.
    static func learnersRevision() throws -> Revision? {
        let graph = try RevisionGraph(migrationEnvironment().revisions)
        guard let node = graph.ordered.first(where: { $0.parent == shipped }) else { return nil }
        let files = try FileManager.default.contentsOfDirectory(atPath: versionsFolder)
        let file = files.first { $0.hasPrefix(node.id + "_") && $0.hasSuffix(".swift") } ?? "\(node.id)_….swift"
        return Revision(id: node.id, message: node.message, file: relative(versionsFolder) + "/" + file)
    }

    static func requireRevision(sourceLocation: SourceLocation = #_sourceLocation) throws -> Revision? {
        guard try requireModel(sourceLocation: sourceLocation) != nil else { return nil }
        let graph = try RevisionGraph(migrationEnvironment().revisions)
        guard let node = graph.ordered.first(where: { $0.parent == shipped }) else {
            Issue.record(todo(
                "User has full_name, but no revision comes after \(shipped) yet: run `swift run lesson-5 upgrade head`, "
                    + "then \(generate), which writes it",
                russian: "full_name у User есть, но после \(shipped) пока нет ни одной ревизии: выполните `swift run lesson-5 upgrade head`, "
                    + "затем \(generate) — она её и напишет",
                file: relative(versionsFolder)), sourceLocation: sourceLocation)
            return nil
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: versionsFolder)
        let file = try #require(files.first { $0.hasPrefix(node.id + "_") && $0.hasSuffix(".swift") },
                                explain("revision \(node.id) is compiled, but no file \(node.id)_….swift is in \(versionsFolder)",
                                        russian: "ревизия \(node.id) скомпилирована, но файла \(node.id)_….swift в \(versionsFolder) нет"),
                                sourceLocation: sourceLocation)
        return Revision(id: node.id, message: node.message, file: relative(versionsFolder) + "/" + file)
    }

    struct Row: Decodable, Equatable { var id: Int; var email: String?; var password: String? }

    /// Upgrades to the shipped revision and inserts two users, as a learner's
    /// database has them; returns them.
    static func seedTwoUsers(_ sandbox: MigrationSandbox) async throws -> [Row] {
        try await sandbox.run("upgrade", shipped)
        try await SQLiteSchema.inspect(path: sandbox.databasePath) { db in
            try await db.raw("INSERT INTO users (id, email, password) VALUES (1, 'ada@example.com', 'h1'), (2, 'grace@example.com', 'h2')").run()
        }
        return try await rows(sandbox)
    }

    static func rows(_ sandbox: MigrationSandbox) async throws -> [Row] {
        try await SQLiteSchema.inspect(path: sandbox.databasePath) { db in
            try await db.raw("SELECT id, email, password FROM users ORDER BY id").all(decoding: Row.self)
        }
    }

    /// Runs `upgrade head` and requires users.full_name after it; records
    /// what went wrong otherwise.
    static func upgradeAddsFullName(
        _ sandbox: MigrationSandbox, _ revision: Revision, again: Bool = false,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> Bool {
        let step = again ? "`upgrade head` after `downgrade`" : "`upgrade head`"
        let russianStep = again ? "`upgrade head` после `downgrade`" : "`upgrade head`"
        let before = try await SQLiteSchema.inspect(path: sandbox.databasePath) { try await SQLiteSchema.columns(of: "users", in: $0) }
        do {
            try await sandbox.run("upgrade", "head")
        } catch {
            var missing = "\(step) over a users table that has two users fails: \(error)"
            var russian = "\(russianStep) на таблице users с двумя пользователями падает: \(error)"
            if String(describing: error).contains("NOT NULL") {
                missing += ". A column added to a table that has rows must allow NULL (`nullable: true`, "
                    + "and `String?` with `@OptionalField` in the model): the users already there have no name"
                russian += ". Колонка, которую добавляют в таблицу со строками, должна допускать NULL (`nullable: true`, "
                    + "а в модели — `String?` с `@OptionalField`): у пользователей, которые там уже есть, имени нет"
            }
            Issue.record(todo(missing, russian: russian, file: revision.file), sourceLocation: sourceLocation)
            return false
        }
        let after = try await SQLiteSchema.inspect(path: sandbox.databasePath) { try await SQLiteSchema.columns(of: "users", in: $0) }
        guard after.contains(where: { $0.name == "full_name" }) else {
            let added = after.map(\.name).filter { name in !before.contains { $0.name == name } }
            let addedColumns = added.map { "users.\($0)" }.joined(separator: ", ")
            Issue.record(todo(
                "revision \(revision.id) (\(revision.message)) does not add users.full_name: "
                    + (added.isEmpty ? "its upgrade adds no column" : "its upgrade adds " + addedColumns)
                    + " — `try await op.addColumn(\"users\", \"full_name\", .string(), nullable: true)`",
                russian: "ревизия \(revision.id) (\(revision.message)) не добавляет users.full_name: "
                    + (added.isEmpty ? "её upgrade не добавляет ни одной колонки" : "её upgrade добавляет " + addedColumns)
                    + " — `try await op.addColumn(\"users\", \"full_name\", .string(), nullable: true)`",
                file: revision.file), sourceLocation: sourceLocation)
            return false
        }
        return true
    }
}
