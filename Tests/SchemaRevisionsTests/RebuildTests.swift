import Foundation
import PostgresKit
import SQLKit
import SQLiteKit
import SchemaRevisionsTesting
import Testing
@testable import SchemaRevisions

// A table with everything that refers to it: an index, a trigger, a view,
// and another table's foreign key. Revisions change it the ways SQLite
// rebuilds a table for (PostgreSQL alters it in place); all of it must
// survive, with every row.

enum RequireEmailUnderView: SchemaRevision {
    static let id = "dddd00000001"
    static let parent: String? = nil
    static let message = "require email"
    static func upgrade(_ op: SchemaOperations) async throws {
        try await op.alterColumn("users", "email", nullable: false)
    }
    static func downgrade(_ op: SchemaOperations) async throws {
        try await op.alterColumn("users", "email", nullable: true)
    }
}

enum DropAgeUnderView: SchemaRevision {
    static let id = "dddd00000002"
    static let parent: String? = "dddd00000001"
    static let message = "drop age"
    static func upgrade(_ op: SchemaOperations) async throws {
        try await op.dropColumn("users", "age")
    }
    static func downgrade(_ op: SchemaOperations) async throws {
        try await op.addColumn("users", "age", .integer, nullable: true)
    }
}

enum NicknameToTextUnderView: SchemaRevision {
    static let id = "dddd00000003"
    static let parent: String? = "dddd00000002"
    static let message = "nickname to text"
    static func upgrade(_ op: SchemaOperations) async throws {
        try await op.alterColumn("users", "nickname", type: .text)
    }
    static func downgrade(_ op: SchemaOperations) async throws {
        try await op.alterColumn("users", "nickname", type: .string())
    }
}

/// Drops the column the view shows: must fail, naming the view.
enum DropEmailUnderView: SchemaRevision {
    static let id = "dddd00000004"
    static let parent: String? = "dddd00000003"
    static let message = "drop email"
    static func upgrade(_ op: SchemaOperations) async throws {
        try await op.dropColumn("users", "email")
    }
    static func downgrade(_ op: SchemaOperations) async throws {}
}

/// Changes the type of the column the view shows.
enum RetypeEmailUnderView: SchemaRevision {
    static let id = "dddd00000005"
    static let parent: String? = "dddd00000003"
    static let message = "retype email"
    static func upgrade(_ op: SchemaOperations) async throws {
        try await op.alterColumn("users", "email", type: .string(length: 200))
    }
    static func downgrade(_ op: SchemaOperations) async throws {}
}

/// The rebuild checks, on either database.
struct RebuildChecks {
    let backend: TestBackend
    let history: [any SchemaRevision.Type] = [
        RequireEmailUnderView.self, DropAgeUnderView.self, NicknameToTextUnderView.self, DropEmailUnderView.self,
    ]

    struct User: Decodable, Equatable { var id: Int; var email: String; var nickname: String? }
    struct Post: Decodable, Equatable { var id: Int; var user_id: Int }
    struct Count: Decodable { var count: Int }

    /// `users` (with an index, a trigger and a view on it), `posts` (a
    /// foreign key to it) and `audit` (what the trigger writes), with rows.
    func makeShop(_ db: any SQLDatabase) async throws {
        let op = try SchemaOperations(database: db)
        try await op.createTable("users", [
            .column("id", .integer, nullable: false),
            .column("email", .string(), nullable: true),
            .column("nickname", .string(), nullable: true),
            .column("age", .integer, nullable: true),
            .primaryKey("id"),
        ])
        try await op.createIndex("ix_users_nickname", on: "users", ["nickname"])
        try await op.createTable("posts", [
            .column("id", .integer, nullable: false),
            .column("user_id", .integer, nullable: false),
            .primaryKey("id"),
            .foreignKey("fk_posts_user_id_users", ["user_id"], references: "users", ["id"], onDelete: .cascade),
        ])
        try await op.createTable("audit", [.column("user_id", .integer, nullable: false)])
        try await db.raw("CREATE VIEW user_emails AS SELECT id, email FROM users WHERE email IS NOT NULL").run()
        switch backend {
        case .sqlite:
            try await db.raw("CREATE TRIGGER users_audit AFTER INSERT ON users BEGIN INSERT INTO audit (user_id) VALUES (new.id); END").run()
            // A trigger on another table that names users: the rename
            // refuses it too while users is gone.
            try await db.raw("CREATE TRIGGER posts_touch AFTER INSERT ON posts BEGIN UPDATE users SET nickname = nickname WHERE id = new.user_id; END").run()
        case .postgresql:
            try await db.raw("CREATE FUNCTION users_audit() RETURNS trigger AS $$ BEGIN INSERT INTO audit (user_id) VALUES (NEW.id); RETURN NEW; END $$ LANGUAGE plpgsql").run()
            try await db.raw("CREATE TRIGGER users_audit AFTER INSERT ON users FOR EACH ROW EXECUTE FUNCTION users_audit()").run()
        }
        try await db.raw("INSERT INTO users (id, email, nickname, age) VALUES (1, 'ada@example.com', 'ada', 36), (2, 'grace@example.com', NULL, 45)").run()
        try await db.raw("INSERT INTO posts (id, user_id) VALUES (10, 1), (11, 2), (12, 2)").run()
        try await db.raw("DELETE FROM audit").run()
    }

    /// Everything that refers to users still works, and every row is kept.
    func expectEverythingKept(_ db: any SQLDatabase, after step: String, users expected: [User]) async throws {
        #expect(try await db.raw("SELECT id, email, nickname FROM users ORDER BY id").all(decoding: User.self) == expected, "rows, \(step)")
        #expect(try await db.raw("SELECT id, user_id FROM posts ORDER BY id").all(decoding: Post.self)
                    == [Post(id: 10, user_id: 1), Post(id: 11, user_id: 2), Post(id: 12, user_id: 2)], "posts, \(step)")
        struct Email: Decodable, Equatable { var id: Int; var email: String }
        #expect(try await db.raw("SELECT id, email FROM user_emails ORDER BY id").all(decoding: Email.self)
                    == expected.map { Email(id: $0.id, email: $0.email) }, "the view, \(step)")
        let schema = try await SchemaIntrospection.schema(of: db, excluding: [VersionTable.name])
        #expect(schema.table(named: "users")?.indexes.map(\.name) == ["ix_users_nickname"], "the index, \(step)")
        #expect(schema.table(named: "posts")?.foreignKeys.map(\.referencedTable) == ["users"], "the foreign key, \(step)")

        // The trigger fires; the foreign key is still enforced.
        let next = (expected.map(\.id).max() ?? 0) + 1
        let before = try await db.raw("SELECT count(*) AS count FROM audit").first(decoding: Count.self)?.count ?? -1
        try await db.raw("INSERT INTO users (id, email) VALUES (\(bind: next), \(bind: "new\(next)@example.com"))").run()
        #expect(try await db.raw("SELECT count(*) AS count FROM audit").first(decoding: Count.self)?.count == before + 1, "the trigger, \(step)")
        let orphan = { try await db.raw("INSERT INTO posts (id, user_id) VALUES (99, 999)").run() }
        switch backend {
        case .sqlite: await #expect(throws: SQLiteError.self, "posts.user_id → users.id is enforced, \(step)") { try await orphan() }
        case .postgresql: await #expect(throws: PSQLError.self, "posts.user_id → users.id is enforced, \(step)") { try await orphan() }
        }
        try await db.raw("DELETE FROM users WHERE id = \(bind: next)").run()
    }

    func rebuildsKeepWhatRefersToTheTable() async throws {
        try await withThrowawayConnection(backend) { database in
            let db = database.sql
            try await makeShop(db)
            let runner = RevisionRunner(database, graph: try RevisionGraph(history), log: { _ in })
            let users = [User(id: 1, email: "ada@example.com", nickname: "ada"), User(id: 2, email: "grace@example.com", nickname: nil)]

            try await runner.upgrade("dddd00000001") // NOT NULL
            #expect(try await SchemaIntrospection.schema(of: db).table(named: "users")?.column(named: "email")?.nullable == false)
            try await expectEverythingKept(db, after: "NOT NULL", users: users)

            try await runner.upgrade("dddd00000002") // drop a column the view does not use
            #expect(try await SchemaIntrospection.schema(of: db).table(named: "users")?.column(named: "age") == nil)
            try await expectEverythingKept(db, after: "drop column", users: users)

            try await runner.upgrade("dddd00000003") // a type change
            #expect(try await SchemaIntrospection.schema(of: db).table(named: "users")?.column(named: "nickname")?.type == .text)
            try await expectEverythingKept(db, after: "type change", users: users)

            // And back down the same way.
            try await runner.downgrade("base")
            try await expectEverythingKept(db, after: "downgrade", users: users)
            #expect(try await SchemaIntrospection.schema(of: db).table(named: "users")?.column(named: "email")?.nullable == true)
        }
    }

    func droppingAColumnAViewUses() async throws {
        try await withThrowawayConnection(backend) { database in
            let db = database.sql
            try await makeShop(db)
            let runner = RevisionRunner(database, graph: try RevisionGraph(history), log: { _ in })
            try await runner.upgrade("dddd00000003")
            let before = try await SchemaIntrospection.schema(of: db)

            do {
                try await runner.upgrade("head")
                Issue.record("dropping users.email under the view user_emails should fail")
            } catch let error as RunError {
                guard case .stepFailed(let revision, _, let reason, let at) = error else { Issue.record("\(error)"); return }
                #expect(revision == "dddd00000004" && at == ["dddd00000003"])
                #expect(reason.contains("Cannot change the table 'users': the view 'user_emails' uses what the change removes or retypes"))
                #expect(reason.contains(#"op.execute("DROP VIEW user_emails")"#))
            }
            #expect(try await runner.current() == "dddd00000003")
            #expect(try await SchemaIntrospection.schema(of: db) == before)
            try await expectEverythingKept(db, after: "the failed step", users: [
                User(id: 1, email: "ada@example.com", nickname: "ada"), User(id: 2, email: "grace@example.com", nickname: nil),
            ])

            // The engine's error, by kind, from the operation itself.
            do {
                try await RevisionRunner(database: db, graph: try RevisionGraph([]), log: { _ in }).step { op in
                    try await op.dropColumn("users", "email")
                }
                Issue.record("expected OperationError.brokenDependent")
            } catch let error as OperationError {
                guard case .brokenDependent(let table, let kind, let name, _) = error else { Issue.record("\(error)"); return }
                #expect(table == "users" && kind == "view" && name == "user_emails")
            }
            #expect(try await SchemaIntrospection.schema(of: db) == before)
        }
    }
}

@Suite("SQLite table rebuilds keep the indexes, triggers, views and foreign keys that refer to the table")
struct RebuildTests {
    let checks = RebuildChecks(backend: .sqlite)

    @Test("NOT NULL, a dropped column, a type change under a view: every row, the index, trigger, view and foreign key kept")
    func rebuildsKeepWhatRefersToTheTable() async throws { try await checks.rebuildsKeepWhatRefersToTheTable() }

    @Test("dropping a column a view uses: the step fails naming the view; nothing changes")
    func droppingAColumnAViewUses() async throws { try await checks.droppingAColumnAViewUses() }

    @Test("retyping a column a view uses: SQLite's views are untyped, so the view is put back and works")
    func retypingAColumnAViewUses() async throws {
        try await withThrowawayConnection(.sqlite) { database in
            let db = database.sql
            try await checks.makeShop(db)
            let runner = RevisionRunner(database, graph: try RevisionGraph(Array(checks.history.prefix(3)) + [RetypeEmailUnderView.self]), log: { _ in })
            try await runner.upgrade("head")
            #expect(try await SchemaIntrospection.schema(of: db).table(named: "users")?.column(named: "email")?.type == .string(length: 200))
            try await checks.expectEverythingKept(db, after: "retype", users: [
                .init(id: 1, email: "ada@example.com", nickname: "ada"), .init(id: 2, email: "grace@example.com", nickname: nil),
            ])
        }
    }

    @Test("a trigger that uses a dropped column: the step fails naming the trigger; nothing changes")
    func triggerUsingADroppedColumn() async throws {
        try await withThrowawayConnection(.sqlite) { database in
            let db = database.sql
            let op = try SchemaOperations(database: db)
            try await op.createTable("accounts", [
                .column("id", .integer, nullable: false), .column("email", .string(), nullable: true), .primaryKey("id"),
            ])
            try await op.createTable("log", [.column("email", .string(), nullable: true)])
            try await db.raw("CREATE TRIGGER accounts_log AFTER INSERT ON accounts BEGIN INSERT INTO log (email) VALUES (new.email); END").run()
            try await db.raw("INSERT INTO accounts (id, email) VALUES (1, 'ada@example.com')").run()
            let before = try await SchemaIntrospection.schema(of: db)

            do {
                try await RevisionRunner(database: db, graph: try RevisionGraph([]), log: { _ in }).step { op in
                    try await op.dropColumn("accounts", "email")
                }
                Issue.record("expected OperationError.brokenDependent")
            } catch let error as OperationError {
                guard case .brokenDependent(let table, let kind, let name, let reason) = error else { Issue.record("\(error)"); return }
                #expect(table == "accounts" && kind == "trigger" && name == "accounts_log")
                #expect(reason.contains("email"))
            }
            #expect(try await SchemaIntrospection.schema(of: db) == before)
            try await db.raw("INSERT INTO accounts (id, email) VALUES (2, 'grace@example.com')").run()
            struct Email: Decodable, Equatable { var email: String }
            #expect(try await db.raw("SELECT email FROM log").all(decoding: Email.self) == [Email(email: "ada@example.com"), Email(email: "grace@example.com")])
        }
    }
}

@Suite("PostgreSQL keeps what refers to a table through ALTER, and names the view that a dropped or retyped column would break", .postgres)
struct RebuildPostgresTests {
    let checks = RebuildChecks(backend: .postgresql)

    @Test("NOT NULL, a dropped column, a type change under a view: every row, the index, trigger, view and foreign key kept")
    func rebuildsKeepWhatRefersToTheTable() async throws { try await checks.rebuildsKeepWhatRefersToTheTable() }

    @Test("dropping a column a view uses: the step fails naming the view; nothing changes")
    func droppingAColumnAViewUses() async throws { try await checks.droppingAColumnAViewUses() }

    @Test("retyping a column a view uses: the step fails naming the view (PostgreSQL types a view's columns); nothing changes")
    func retypingAColumnAViewUses() async throws {
        try await withThrowawayConnection(.postgresql) { database in
            let db = database.sql
            try await checks.makeShop(db)
            let runner = RevisionRunner(database, graph: try RevisionGraph(Array(checks.history.prefix(3)) + [RetypeEmailUnderView.self]), log: { _ in })
            try await runner.upgrade("dddd00000003")
            let before = try await SchemaIntrospection.schema(of: db)
            do {
                try await runner.upgrade("head")
                Issue.record("retyping users.email under the view user_emails should fail")
            } catch let error as RunError {
                guard case .stepFailed(let revision, _, let reason, _) = error else { Issue.record("\(error)"); return }
                #expect(revision == "dddd00000005")
                #expect(reason.contains("the view 'user_emails' uses what the change removes or retypes (it uses the column 'email', and its type would change)"))
            }
            #expect(try await runner.current() == "dddd00000003")
            #expect(try await SchemaIntrospection.schema(of: db) == before)
            try await checks.expectEverythingKept(db, after: "the failed step", users: [
                .init(id: 1, email: "ada@example.com", nickname: "ada"), .init(id: 2, email: "grace@example.com", nickname: nil),
            ])
        }
    }
}
