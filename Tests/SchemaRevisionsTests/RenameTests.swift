import FluentKit
import Foundation
import SQLKit
import SchemaRevisionsTesting
import Testing
@testable import SchemaRevisions
@testable import SchemaRevisionsCLI

// Renames that keep data: a column `fullname` that becomes `full_name`, a
// table `people` that becomes `members`.

/// The walkthrough's user, with the column first called `fullname`.
final class UserBeforeRename: Model, TableModel, @unchecked Sendable {
    static let schema = "users"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @OptionalField(key: "email") var email: String?
    @OptionalField(key: "fullname") var fullName: String?
    init() {}
    static var tableArguments: [TableArgument<UserBeforeRename>] { [.index(\.$id), .index(\.$email, unique: true)] }
}

/// The same user, the column now `full_name`, and nothing said about it:
/// autogenerate sees a dropped column and an added one.
final class UserWithFullName: Model, TableModel, @unchecked Sendable {
    static let schema = "users"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @OptionalField(key: "email") var email: String?
    @OptionalField(key: "full_name") var fullName: String?
    init() {}
    static var tableArguments: [TableArgument<UserWithFullName>] { [.index(\.$id), .index(\.$email, unique: true)] }
}

/// The same user, the rename declared.
final class RenamedUser: Model, @unchecked Sendable {
    static let schema = "users"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @OptionalField(key: "email") var email: String?
    @OptionalField(key: "full_name") var fullName: String?
    init() {}
}

extension RenamedUser: TableModel {
    static var tableArguments: [TableArgument<RenamedUser>] {
        [
            .index(\.$id),
            .index(\.$email, unique: true),
            .renamedColumn(from: "fullname", to: \.$fullName), // the column was `fullname`: keep its data
        ]
    }
}

/// The table once called `people`.
final class Member: Model, TableModel, @unchecked Sendable {
    static let schema = "members"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "name") var name: String
    init() {}
    static var tableArguments: [TableArgument<Member>] { [.renamedTable(from: "people")] }
}

/// A table whose foreign key points at the renamed one.
final class MemberNote: Model, TableModel, @unchecked Sendable {
    static let schema = "notes"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "member_id") var member: Member
    @OptionalField(key: "text") var text: String?
    init() {}
}

/// A declaration whose former name the model still uses.
final class StillHasFormer: Model, TableModel, @unchecked Sendable {
    static let schema = "still"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @OptionalField(key: "email") var email: String?
    @OptionalField(key: "full_name") var fullName: String?
    init() {}
    static var tableArguments: [TableArgument<StillHasFormer>] { [.renamedColumn(from: "email", to: \.$fullName)] }
}

/// `people` and `notes` before the table is renamed.
let peopleBefore: [TableMetadata] = [
    TableMetadata(name: "people", columns: [idColumn, .init(name: "name", type: .string(), nullable: false)], primaryKey: ["id"]),
    TableMetadata(name: "notes",
                  columns: [idColumn, .init(name: "member_id", type: .integer, nullable: false),
                            .init(name: "text", type: .string(), nullable: true)],
                  primaryKey: ["id"],
                  foreignKeys: [.init(name: "fk_notes_member_id_people", columns: ["member_id"],
                                      referencedTable: "people", referencedColumns: ["id"])]),
]

/// The first revision: `users` with `fullname`, as lesson 5's first one plus that column.
enum CreateUsersWithFullname: SchemaRevision {
    static let id = "dddd00000001"
    static let parent: String? = nil
    static let message = "create users table"
    static func upgrade(_ op: SchemaOperations) async throws {
        try await op.createTable("users", [
            .column("id", .integer, nullable: false),
            .column("email", .string(), nullable: true),
            .column("fullname", .string(), nullable: true),
            .primaryKey("id"),
        ])
        try await op.createIndex("ix_users_id", on: "users", ["id"])
        try await op.createIndex("ix_users_email", on: "users", ["email"], unique: true)
    }
    static func downgrade(_ op: SchemaOperations) async throws {
        try await op.dropTable("users")
    }
}

/// What autogenerate writes for the declared rename (lesson 5's note shows it).
enum RenameFullName: SchemaRevision {
    static let id = "dddd00000002"
    static let parent: String? = "dddd00000001"
    static let message = "rename fullname"

    static func upgrade(_ op: SchemaOperations) async throws {
        try await op.renameColumn("users", "fullname", to: "full_name")
    }

    static func downgrade(_ op: SchemaOperations) async throws {
        try await op.renameColumn("users", "full_name", to: "fullname")
    }
}

/// The rename checks, on either database. The suites below run them on
/// SQLite and on PostgreSQL.
struct RenameChecks {
    let backend: TestBackend

    struct NameRow: Decodable, Equatable { var id: Int; var name: String? }

    var dialect: any Dialect { backend == .sqlite ? SQLiteDialect() : PostgresDialect() }

    func names(_ db: any SQLDatabase, _ table: String, _ column: String) async throws -> [NameRow] {
        try await db.raw("SELECT id, \(ident: column) AS name FROM \(ident: table) ORDER BY id").all(decoding: NameRow.self)
    }

    func liveSchema(_ db: any SQLDatabase) async throws -> SchemaMetadata {
        try await SchemaIntrospection.schema(of: db, excluding: [VersionTable.name])
    }

    func declaredColumnRename() async throws {
        try await withThrowawayConnection(backend) { database in
            let db = database.sql
            let before = try SchemaMetadata(models: UserBeforeRename.self)
            try await before.createAll(on: db)
            try await db.raw("INSERT INTO users (id, email, fullname) VALUES (1, 'ada@example.com', 'Ada Lovelace'), (2, 'grace@example.com', NULL)").run()
            let kept = [NameRow(id: 1, name: "Ada Lovelace"), NameRow(id: 2, name: nil)]

            let target = try SchemaMetadata(models: RenamedUser.self)
            let changes = try await compareMetadata(db, target)
            #expect(changes == [.renameColumn(table: "users", from: "fullname", to: "full_name")])
            #expect(changes.map(\.description) == ["Detected renamed column 'users.fullname' to 'users.full_name'"])
            #expect(changes.allSatisfy { !$0.isDestructive })

            try await applyInTransaction(changes, on: db)
            #expect(try await names(db, "users", "full_name") == kept, "data kept under the new name")
            #expect(try await compareMetadata(db, target) == [], "nothing left to do: the declaration may stay")

            try await applyInTransaction(changes.reversed().map(\.inverse), on: db)
            #expect(try await names(db, "users", "fullname") == kept, "downgrade renames back, data kept")
            #expect(SchemaDiff(spelling: dialect).changes(from: try await liveSchema(db), to: before) == [])
        }
    }

    func declaredTableRename() async throws {
        try await withThrowawayConnection(backend) { database in
            let db = database.sql
            let before = try SchemaMetadata(tables: peopleBefore)
            try await before.createAll(on: db)
            try await db.raw("INSERT INTO people (id, name) VALUES (1, 'Ada'), (2, 'Grace')").run()
            try await db.raw("INSERT INTO notes (id, member_id, text) VALUES (10, 2, 'COBOL')").run()
            let kept = [NameRow(id: 1, name: "Ada"), NameRow(id: 2, name: "Grace")]

            let target = try SchemaMetadata(models: Member.self, MemberNote.self)
            let changes = try await compareMetadata(db, target)
            #expect(changes.map(\.description) == ["Detected renamed table 'people' to 'members'"])

            try await applyInTransaction(changes, on: db)
            #expect(try await names(db, "members", "name") == kept, "rows kept under the new name")
            #expect(try await liveSchema(db).table(named: "notes")?.foreignKeys.map(\.referencedTable) == ["members"],
                    "the foreign key follows the table")
            #expect(try await compareMetadata(db, target) == [])
            try await db.raw("INSERT INTO notes (id, member_id, text) VALUES (11, 1, 'Engine')").run()

            try await applyInTransaction(changes.reversed().map(\.inverse), on: db)
            #expect(try await names(db, "people", "name") == kept, "downgrade renames back, rows kept")
            #expect(try await names(db, "notes", "text") == [NameRow(id: 10, name: "COBOL"), NameRow(id: 11, name: "Engine")])
            #expect(SchemaDiff(spelling: dialect).changes(from: try await liveSchema(db), to: before) == [])
            if backend == .sqlite {
                struct Check: Decodable { var table: String }
                #expect(try await db.raw("PRAGMA foreign_key_check").all(decoding: Check.self).isEmpty)
            }
        }
    }

    func alreadyApplied() async throws {
        try await withThrowawayConnection(backend) { database in
            let target = try SchemaMetadata(models: RenamedUser.self, Member.self, MemberNote.self)
            try await target.createAll(on: database.sql)
            #expect(try await compareMetadata(database.sql, target) == [])
        }
    }

    func revisionBothWays() async throws {
        try await withThrowawayConnection(backend) { database in
            let runner = RevisionRunner(database, graph: try RevisionGraph([CreateUsersWithFullname.self, RenameFullName.self]), log: { _ in })
            try await runner.upgrade("+1")
            try await database.sql.raw("INSERT INTO users (id, email, fullname) VALUES (1, 'ada@example.com', 'Ada Lovelace')").run()
            try await runner.upgrade("head")
            #expect(try await names(database.sql, "users", "full_name") == [NameRow(id: 1, name: "Ada Lovelace")])
            #expect(try await compareMetadata(database.sql, try SchemaMetadata(models: UserWithFullName.self)) == [])
            try await runner.downgrade("-1")
            #expect(try await names(database.sql, "users", "fullname") == [NameRow(id: 1, name: "Ada Lovelace")])
        }
    }

    func refusals() async throws {
        try await withThrowawayConnection(backend) { database in
            let db = database.sql
            try await SchemaMetadata(tables: peopleBefore).createAll(on: db)
            let op = try SchemaOperations(database: db)
            await #expect(throws: OperationError.noSuchColumn(table: "people", column: "nickname")) {
                try await op.renameColumn("people", "nickname", to: "alias")
            }
            await #expect(throws: OperationError.columnExists(table: "people", column: "id")) {
                try await op.renameColumn("people", "name", to: "id")
            }
            await #expect(throws: OperationError.noSuchTable("persons")) {
                try await op.renameTable("persons", to: "members")
            }
            await #expect(throws: OperationError.tableExists("notes")) {
                try await op.renameTable("people", to: "notes")
            }
            #expect(SchemaDiff(spelling: dialect).changes(from: try await liveSchema(db), to: try SchemaMetadata(tables: peopleBefore)) == [],
                    "nothing changed")
        }
    }

    // MARK: The command line

    /// Runs `revision --autogenerate` after `upgrade head` in a folder of its
    /// own, the models being `target`; returns what it printed, the file it
    /// wrote, and the questions it asked.
    func autogenerate(
        target: @escaping @Sendable () throws -> SchemaMetadata, revisions: [any SchemaRevision.Type] = [CreateUsersWithFullname.self],
        answer: Bool?, extra: [String] = []
    ) async throws -> (printed: [String], file: String, questions: [String]) {
        try await withThrowawayDatabase(backend) { url in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("renames-\(UUID().uuidString)")
            let versions = folder.appendingPathComponent("Versions")
            try FileManager.default.createDirectory(at: versions, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let config = folder.appendingPathComponent("revisions.json")
            try JSONSerialization.data(withJSONObject: ["database_url": url.connectionString, "versions": versions.path])
                .write(to: config)

            let printed = LogLines()
            let questions = LogLines()
            var environment = MigrationEnvironment(targetMetadata: target, revisions: revisions, versionsFolder: versions.path,
                                                   configFile: config.path, defaultDatabaseURL: "sqlite://")
            environment.output = printed.append
            environment.environmentVariables = [:]
            environment.ask = { question in
                questions.append(question)
                return answer
            }
            _ = try await SchemaRevisionsCommand.run(["app", "upgrade", "head"], environment: environment)
            let start = printed.lines.count
            _ = try await SchemaRevisionsCommand.run(["app", "revision", "--autogenerate", "-m", "rename"] + extra, environment: environment)
            let files = try FileManager.default.contentsOfDirectory(atPath: versions.path)
            let file = try files.first.map { try String(contentsOfFile: versions.appendingPathComponent($0).path, encoding: .utf8) } ?? ""
            return (Array(printed.lines[start...]), file, questions.lines)
        }
    }

    let renameUp = #"        try await op.renameColumn("users", "fullname", to: "full_name")"# + "\n"
    let renameDown = #"        try await op.renameColumn("users", "full_name", to: "fullname")"# + "\n"

    func noTerminal() async throws {
        let (printed, file, questions) = try await autogenerate(target: { try SchemaMetadata(models: UserWithFullName.self) }, answer: nil)
        #expect(questions == ["Was users.fullname renamed to users.full_name? [y/N]"], "asked, but no one answered")
        #expect(Array(printed.prefix(5)) == [
            "Detected added column 'users.full_name'",
            "Detected removed column 'users.fullname'",
            "WARNING: Was users.fullname renamed to users.full_name? They have the same type, nullability and default, "
                + "but with no terminal to ask, the revision drops users.fullname and its data, and adds users.full_name empty.",
            "WARNING: To keep the data, delete this revision and run again with --rename users.fullname:full_name, "
                + #"or declare the rename in UserWithFullName.tableArguments: .renamedColumn(from: "fullname", to: \.$fullName)"#,
            "Changes that can lose data or fail on existing rows:",
        ])
        #expect(printed.dropFirst(5).first?.contains("users.fullname: the column is dropped") == true, "the lint lists the drop: \(printed)")
        #expect(file.contains(#"        try await op.dropColumn("users", "fullname")"#))
        #expect(file.contains(#"        try await op.addColumn("users", "full_name", .string(), nullable: true)"#))
        #expect(!file.contains("renameColumn"))
    }

    func answeredYes() async throws {
        let (printed, file, questions) = try await autogenerate(target: { try SchemaMetadata(models: UserWithFullName.self) }, answer: true)
        #expect(questions == ["Was users.fullname renamed to users.full_name? [y/N]"])
        #expect(printed.first == "Detected renamed column 'users.fullname' to 'users.full_name'")
        #expect(!printed.contains { $0.hasPrefix("WARNING") })
        #expect(file.contains(renameUp) && file.contains(renameDown))
        #expect(!file.contains("dropColumn"))
    }

    func answeredNo() async throws {
        let (printed, file, _) = try await autogenerate(target: { try SchemaMetadata(models: UserWithFullName.self) }, answer: false)
        #expect(!printed.contains { $0.hasPrefix("WARNING: Was") }, "an answer needs no warning")
        #expect(file.contains(#"try await op.dropColumn("users", "fullname")"#))
    }

    func flag() async throws {
        let (_, file, questions) = try await autogenerate(
            target: { try SchemaMetadata(models: UserWithFullName.self) }, answer: nil, extra: ["--rename", "users.fullname:full_name"])
        #expect(questions == [], "a flag needs no question")
        #expect(file.contains(renameUp) && file.contains(renameDown))
    }

    func declared() async throws {
        let (printed, file, questions) = try await autogenerate(target: { try SchemaMetadata(models: RenamedUser.self) }, answer: nil)
        #expect(questions == [])
        #expect(printed.first == "Detected renamed column 'users.fullname' to 'users.full_name'")
        #expect(file.contains(renameUp) && file.contains(renameDown))
    }

    func tableQuestion() async throws {
        let (printed, file, questions) = try await autogenerate(
            target: { try SchemaMetadata(models: UndeclaredMember.self, MemberNote.self) },
            revisions: [CreatePeople.self], answer: true)
        #expect(questions == ["Was the table people renamed to members? [y/N]"])
        #expect(printed.first == "Detected renamed table 'people' to 'members'")
        #expect(file.contains(#"        try await op.renameTable("people", to: "members")"# + "\n"))
        #expect(file.contains(#"        try await op.renameTable("members", to: "people")"# + "\n"))
        #expect(!file.contains("dropTable"))
    }

    func badFlags() async throws {
        let users: @Sendable () throws -> SchemaMetadata = { try SchemaMetadata(models: UserWithFullName.self) }
        await #expect(throws: RenameFlagError.matchesNothing(flag: "users.nickname:full_name",
                                                             reason: "the database's table 'users' has no column 'nickname'")) {
            _ = try await autogenerate(target: users, answer: nil, extra: ["--rename", "users.nickname:full_name"])
        }
        await #expect(throws: RenameFlagError.malformed("users.fullname")) {
            _ = try await autogenerate(target: users, answer: nil, extra: ["--rename", "users.fullname"])
        }
    }
}

/// `people` without a declaration, and the revision that creates it.
final class UndeclaredMember: Model, TableModel, @unchecked Sendable {
    static let schema = "members"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "name") var name: String
    init() {}
}

enum CreatePeople: SchemaRevision {
    static let id = "dddd00000011"
    static let parent: String? = nil
    static let message = "create people"
    static func upgrade(_ op: SchemaOperations) async throws {
        for table in peopleBefore { try await op.createTable(table) }
    }
    static func downgrade(_ op: SchemaOperations) async throws {
        try await op.dropTable("notes")
        try await op.dropTable("people")
    }
}

@Suite("Renames on SQLite: declared, detected, asked; data kept both ways")
struct RenameTests {
    let checks = RenameChecks(backend: .sqlite)

    @Test("a declared column rename: renameColumn, data kept, downgrade renames back")
    func declaredColumnRename() async throws { try await checks.declaredColumnRename() }

    @Test("a declared table rename: renameTable, rows kept, foreign keys follow, downgrade renames back")
    func declaredTableRename() async throws { try await checks.declaredTableRename() }

    @Test("a declared rename already applied changes nothing")
    func alreadyApplied() async throws { try await checks.alreadyApplied() }

    @Test("a revision with renameColumn, upgraded and downgraded by the runner, keeps the data")
    func revisionBothWays() async throws { try await checks.revisionBothWays() }

    @Test("renaming a missing column or table, or onto a taken name, fails by kind and changes nothing")
    func refusals() async throws { try await checks.refusals() }

    @Test("no terminal: drop and add, with a warning that names the flag and the declaration")
    func noTerminal() async throws { try await checks.noTerminal() }

    @Test("asked on a terminal, answered yes: renameColumn both ways")
    func answeredYes() async throws { try await checks.answeredYes() }

    @Test("asked, answered no: drop and add, no rename warning")
    func answeredNo() async throws { try await checks.answeredNo() }

    @Test("--rename users.fullname:full_name: renameColumn, no question")
    func flag() async throws { try await checks.flag() }

    @Test("declared in the model: renameColumn, no question")
    func declared() async throws { try await checks.declared() }

    @Test("a table with the same columns: asked, renameTable both ways")
    func tableQuestion() async throws { try await checks.tableQuestion() }

    @Test("a --rename that matches nothing, or cannot be read, is refused by kind")
    func badFlags() async throws { try await checks.badFlags() }
}

@Suite("Renames on PostgreSQL: the same checks, on a real server", .postgres)
struct RenamePostgresTests {
    let checks = RenameChecks(backend: .postgresql)

    @Test("a declared column rename: renameColumn, data kept, downgrade renames back")
    func declaredColumnRename() async throws { try await checks.declaredColumnRename() }

    @Test("a declared table rename: renameTable, rows kept, foreign keys follow, downgrade renames back")
    func declaredTableRename() async throws { try await checks.declaredTableRename() }

    @Test("a declared rename already applied changes nothing")
    func alreadyApplied() async throws { try await checks.alreadyApplied() }

    @Test("a revision with renameColumn, upgraded and downgraded by the runner, keeps the data")
    func revisionBothWays() async throws { try await checks.revisionBothWays() }

    @Test("renaming a missing column or table, or onto a taken name, fails by kind and changes nothing")
    func refusals() async throws { try await checks.refusals() }

    @Test("no terminal: drop and add, with a warning that names the flag and the declaration")
    func noTerminal() async throws { try await checks.noTerminal() }

    @Test("asked on a terminal, answered yes: renameColumn both ways")
    func answeredYes() async throws { try await checks.answeredYes() }

    @Test("asked, answered no: drop and add, no rename warning")
    func answeredNo() async throws { try await checks.answeredNo() }

    @Test("--rename users.fullname:full_name: renameColumn, no question")
    func flag() async throws { try await checks.flag() }

    @Test("declared in the model: renameColumn, no question")
    func declared() async throws { try await checks.declared() }

    @Test("a table with the same columns: asked, renameTable both ways")
    func tableQuestion() async throws { try await checks.tableQuestion() }

    @Test("a --rename that matches nothing, or cannot be read, is refused by kind")
    func badFlags() async throws { try await checks.badFlags() }
}

@Suite("Renames: what looks like one, the declarations, the rendered calls")
struct RenameDetectionTests {
    let diff = SchemaDiff(spelling: SQLiteDialect())

    @Test("a dropped and an added column of the same type, nullability and default are a candidate; others are not")
    func columnCandidates() throws {
        let live = try SchemaMetadata(models: UserBeforeRename.self)
        #expect(diff.renameCandidates(from: live, to: try SchemaMetadata(models: UserWithFullName.self))
            == [.column(table: "users", from: "fullname", to: "full_name")])
        var otherType = try TableMetadata(model: UserWithFullName.self)
        otherType.columns[2].type = .text
        #expect(diff.renameCandidates(from: live, to: try SchemaMetadata(tables: [otherType])) == [])
        var notNull = try TableMetadata(model: UserWithFullName.self)
        notNull.columns[2].nullable = false
        #expect(diff.renameCandidates(from: live, to: try SchemaMetadata(tables: [notNull])) == [])
        #expect(diff.renameCandidates(from: live, to: try SchemaMetadata(models: RenamedUser.self)) == [], "declared: no question")
    }

    @Test("a dropped and an added table with the same columns are a candidate")
    func tableCandidates() throws {
        let live = try SchemaMetadata(tables: peopleBefore)
        let target = try SchemaMetadata(models: UndeclaredMember.self, MemberNote.self)
        #expect(diff.renameCandidates(from: live, to: target) == [.table(from: "people", to: "members")])
        var hints = RenameHints()
        hints.renameTable("people", to: "members")
        #expect(diff.renameCandidates(from: live, to: target, renames: hints) == [])
        #expect(diff.changes(from: live, to: target, renames: hints).map(\.description) == ["Detected renamed table 'people' to 'members'"])
    }

    @Test("a renamed column with an index: the old index is dropped before the rename, under the old column's name")
    func renamedIndexedColumn() throws {
        var live = try TableMetadata(model: UserBeforeRename.self)
        live.indexes.append(.init(name: "ix_users_fullname", columns: ["fullname"], unique: false))
        var target = try TableMetadata(model: RenamedUser.self)
        target.indexes.append(.init(name: "ix_users_full_name", columns: ["full_name"], unique: false))
        let changes = diff.changes(from: try SchemaMetadata(tables: [live]), to: try SchemaMetadata(tables: [target]))
        #expect(changes == [
            .dropIndex(table: "users", .init(name: "ix_users_fullname", columns: ["fullname"], unique: false)),
            .renameColumn(table: "users", from: "fullname", to: "full_name"),
            .createIndex(table: "users", .init(name: "ix_users_full_name", columns: ["full_name"], unique: false)),
        ])
    }

    @Test("a declared rename of a column whose type also changes: the rename, then the alteration")
    func renameThenAlter() throws {
        let live = try SchemaMetadata(models: UserBeforeRename.self)
        var target = try TableMetadata(model: RenamedUser.self)
        target.columns[2].type = .text
        let before = live.table(named: "users")!.columns[2]
        #expect(diff.changes(from: live, to: try SchemaMetadata(tables: [target])) == [
            .renameColumn(table: "users", from: "fullname", to: "full_name"),
            .alterColumn(table: "users", from: ColumnMetadata(name: "full_name", type: before.type, nullable: true), to: target.columns[2]),
        ])
    }

    @Test("the declarations are read from tableArguments; a former name still in use is refused")
    func declarations() throws {
        let table = try TableMetadata(model: RenamedUser.self)
        #expect(table.modelNotes.formerColumnNames == ["full_name": "fullname"])
        #expect(table.modelNotes.propertyNames["full_name"] == "fullName")
        #expect(table == (try TableMetadata(model: UserWithFullName.self)), "a declaration is not schema")
        #expect(try TableMetadata(model: Member.self).modelNotes.formerName == "people")
        #expect(throws: MetadataError.formerNameInUse(
            model: "StillHasFormer", argument: #".renamedColumn(from: "email", to: \StillHasFormer.$fullName)"#, name: "email")) {
            _ = try TableMetadata(model: StillHasFormer.self)
        }
    }

    @Test("a rename onto a taken name says what happened; the command line adds the command to run")
    func messages() {
        let error = OperationError.columnExists(table: "users", column: "full_name")
        #expect(error.description == "The table 'users' already has a column 'full_name'.")
        #expect(CommandLineMessage.text(for: error)
            == "The table 'users' already has a column 'full_name'. Run `current` to see which revision the database is at.")
        #expect(CommandLineMessage.text(for: OperationError.tableExists("members"))
            == "There is already a table 'members'. Run `current` to see which revision the database is at.")
    }

    @Test("renames render as one op call each, undone in downgrade, with no DESTRUCTIVE comment")
    func render() {
        let changes: [SchemaChange] = [.renameTable(from: "people", to: "members"),
                                       .renameColumn(table: "members", from: "fullname", to: "full_name")]
        let text = RevisionRenderer().render(.init(id: "x", parent: "y", message: "m", date: Date(timeIntervalSince1970: 0)),
                                             changes: changes, autogenerated: true)
        #expect(text.contains("""
                static func upgrade(_ op: SchemaOperations) async throws {
                    try await op.renameTable("people", to: "members")
                    try await op.renameColumn("members", "fullname", to: "full_name")
                }

                static func downgrade(_ op: SchemaOperations) async throws {
                    try await op.renameColumn("members", "full_name", to: "fullname")
                    try await op.renameTable("members", to: "people")
                }
            """))
        #expect(!text.contains("DESTRUCTIVE"))
    }
}
