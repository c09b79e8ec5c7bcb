import Foundation
import SQLKit
import SchemaRevisionsTesting
import Testing
@testable import SchemaRevisions

/// Applies `changes` as one revision step, in the revision runner's own
/// transaction: the dialect's hooks around it (on SQLite, foreign keys off
/// and every key checked before commit).
func applyInTransaction(_ changes: [SchemaChange], on db: any SQLDatabase) async throws {
    let runner = try RevisionRunner(database: db, graph: try RevisionGraph([]), log: { _ in })
    try await runner.step { op in
        for change in changes { try await op.apply(change) }
    }
}

// The tables the cases start from and change.

let idColumn = ColumnMetadata(name: "id", type: .integer, nullable: false)

func users(
    columns extra: [ColumnMetadata] = [],
    email: ColumnMetadata = .init(name: "email", type: .string(), nullable: true),
    indexes: [IndexMetadata] = [],
    uniques: [UniqueConstraintMetadata] = []
) -> TableMetadata {
    TableMetadata(name: "users", columns: [idColumn, email] + extra, primaryKey: ["id"],
                  indexes: indexes, uniqueConstraints: uniques)
}

func posts(foreignKeys: [ForeignKeyMetadata] = [], userColumnNullable: Bool = true) -> TableMetadata {
    TableMetadata(name: "posts",
                  columns: [idColumn, .init(name: "user_id", type: .integer, nullable: userColumnNullable),
                            .init(name: "title", type: .string(), nullable: true)],
                  primaryKey: ["id"], foreignKeys: foreignKeys)
}

let postsUserKey = ForeignKeyMetadata(name: "fk_posts_user_id_users", columns: ["user_id"],
                                      referencedTable: "users", referencedColumns: ["id"])

/// One kind of change: a schema before, the models after, what must be detected.
struct AutogenerateCase: CustomTestStringConvertible, Sendable {
    var name: String
    var before: [TableMetadata]
    var after: [TableMetadata]
    var detected: [String]
    var testDescription: String { name }
}

let autogenerateCases: [AutogenerateCase] = [
    .init(name: "no change", before: [users()], after: [users()], detected: []),
    .init(name: "add table", before: [users()], after: [users(), posts(foreignKeys: [postsUserKey])],
          detected: ["Detected added table 'posts'"]),
    .init(name: "drop table", before: [users(), posts(foreignKeys: [postsUserKey])], after: [users()],
          detected: ["Detected removed table 'posts'"]),
    .init(name: "add column", before: [users()],
          after: [users(columns: [.init(name: "nickname", type: .string(), nullable: true)])],
          detected: ["Detected added column 'users.nickname'"]),
    .init(name: "add NOT NULL column with a default", before: [users()],
          after: [users(columns: [.init(name: "role", type: .string(), nullable: false, defaultValue: .string("member"))])],
          detected: ["Detected added column 'users.role'"]),
    .init(name: "drop column", before: [users(columns: [.init(name: "nickname", type: .string(), nullable: true)])],
          after: [users()], detected: ["Detected removed column 'users.nickname'"]),
    .init(name: "nullable → NOT NULL", before: [users()],
          after: [users(email: .init(name: "email", type: .string(), nullable: false))],
          detected: ["Detected changed column 'users.email': now NOT NULL"]),
    .init(name: "change type", before: [users()],
          after: [users(email: .init(name: "email", type: .text, nullable: true))],
          detected: ["Detected changed column 'users.email': type string → text"]),
    .init(name: "change default", before: [users(columns: [.init(name: "role", type: .string(), nullable: true)])],
          after: [users(columns: [.init(name: "role", type: .string(), nullable: true, defaultValue: .string("member"))])],
          detected: ["Detected changed column 'users.role': default none → 'member'"]),
    .init(name: "add index", before: [users()],
          after: [users(indexes: [.init(name: "ix_users_email", columns: ["email"], unique: false)])],
          detected: ["Detected added index 'ix_users_email' on 'users' (email)"]),
    .init(name: "add unique index", before: [users()],
          after: [users(indexes: [.init(name: "ix_users_email", columns: ["email"], unique: true)])],
          detected: ["Detected added unique index 'ix_users_email' on 'users' (email)"]),
    .init(name: "drop index", before: [users(indexes: [.init(name: "ix_users_email", columns: ["email"], unique: false)])],
          after: [users()], detected: ["Detected removed index 'ix_users_email' on 'users'"]),
    .init(name: "add unique constraint", before: [users()],
          after: [users(uniques: [.init(name: "uq_users_email", columns: ["email"])])],
          detected: ["Detected added unique constraint 'uq_users_email' on 'users' (email)"]),
    .init(name: "drop unique constraint", before: [users(uniques: [.init(name: "uq_users_email", columns: ["email"])])],
          after: [users()], detected: ["Detected removed unique constraint 'uq_users_email' on 'users'"]),
    .init(name: "add foreign key", before: [users(), posts()], after: [users(), posts(foreignKeys: [postsUserKey])],
          detected: ["Detected added foreign key (user_id) → users on 'posts'"]),
    .init(name: "drop foreign key", before: [users(), posts(foreignKeys: [postsUserKey])], after: [users(), posts()],
          detected: ["Detected removed foreign key (user_id) → users on 'posts'"]),
]

/// The autogenerate checks, on either database. The suites below run them
/// on SQLite and on PostgreSQL.
struct AutogenerateChecks {
    let backend: TestBackend

    struct UserRow: Decodable, Equatable { var id: Int; var email: String? }
    struct PostRow: Decodable, Equatable { var id: Int; var user_id: Int?; var title: String? }

    var dialect: any Dialect { backend == .sqlite ? SQLiteDialect() : PostgresDialect() }

    func seed(_ db: any SQLDatabase, tables: [TableMetadata]) async throws {
        try await db.raw("INSERT INTO users (id, email) VALUES (1, 'ada@example.com'), (2, 'grace@example.com')").run()
        if tables.contains(where: { $0.name == "posts" }) {
            try await db.raw("INSERT INTO posts (id, user_id, title) VALUES (10, 1, 'Notes'), (11, 2, 'COBOL')").run()
        }
    }

    func rows(_ db: any SQLDatabase, tables: [String]) async throws -> ([UserRow], [PostRow]) {
        let users = try await db.raw("SELECT id, email FROM users ORDER BY id").all(decoding: UserRow.self)
        let posts = tables.contains("posts")
            ? try await db.raw("SELECT id, user_id, title FROM posts ORDER BY id").all(decoding: PostRow.self) : []
        return (users, posts)
    }

    func roundTrip(_ testCase: AutogenerateCase) async throws {
        try await withThrowawayConnection(backend) { database in
            let db = database.sql
            let before = try SchemaMetadata(tables: testCase.before)
            let after = try SchemaMetadata(tables: testCase.after)
            try await before.createAll(on: db)
            try await seed(db, tables: testCase.before)
            // Rows of the tables that survive the change must survive the round trip.
            let kept = testCase.before.map(\.name).filter { name in testCase.after.contains { $0.name == name } }
            let startingRows = try await rows(db, tables: kept)
            let diff = SchemaDiff(spelling: dialect)

            // Detect.
            let live = try await SchemaIntrospection.schema(of: db)
            #expect(diff.changes(from: live, to: before).isEmpty, "the live schema reads back as created")
            let changes = diff.changes(from: live, to: after)
            #expect(changes.map(\.description) == testCase.detected)

            // Upgrade: nothing left to detect.
            try await applyInTransaction(changes, on: db)
            let upgraded = try await SchemaIntrospection.schema(of: db)
            #expect(diff.changes(from: upgraded, to: after).map(\.description) == [], "after upgrade")

            // Downgrade: back to the starting schema, with the starting rows.
            try await applyInTransaction(changes.reversed().map(\.inverse), on: db)
            let downgraded = try await SchemaIntrospection.schema(of: db)
            #expect(diff.changes(from: downgraded, to: before).map(\.description) == [], "after downgrade")
            #expect(try await rows(db, tables: kept) == startingRows, "rows kept")

            if backend == .sqlite {
                struct Check: Decodable { var table: String }
                #expect(try await db.raw("PRAGMA foreign_key_check").all(decoding: Check.self).isEmpty)
            }
        }
    }

    func notNullOverNulls() async throws {
        try await withThrowawayConnection(backend) { database in
            let db = database.sql
            let before = try SchemaMetadata(tables: [users()])
            try await before.createAll(on: db)
            try await db.raw("INSERT INTO users (id, email) VALUES (1, NULL), (2, 'x'), (3, NULL)").run()
            let after = try SchemaMetadata(tables: [users(email: .init(name: "email", type: .string(), nullable: false))])
            let live = try await SchemaIntrospection.schema(of: db)
            let changes = SchemaDiff(spelling: dialect).changes(from: live, to: after)

            await #expect(throws: OperationError.nullsInNotNullColumn(table: "users", column: "email", rows: 2)) {
                try await applyInTransaction(changes, on: db)
            }
            let error = OperationError.nullsInNotNullColumn(table: "users", column: "email", rows: 2)
            #expect(error.description.hasPrefix("Cannot make users.email NOT NULL: 2 rows of 'users' hold NULL there."))
            #expect(try await SchemaIntrospection.schema(of: db) == live)
            #expect(SchemaDiff(spelling: dialect).changes(from: live, to: before).isEmpty)
            #expect(try await rows(db, tables: ["users"]).0.count == 3)
        }
    }

    func ignoresVersionTable() async throws {
        try await withThrowawayConnection(backend) { database in
            try await database.sql.raw("CREATE TABLE schema_revisions_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)").run()
            let live = try await SchemaIntrospection.schema(of: database.sql, excluding: ["schema_revisions_version"])
            #expect(live.tables.isEmpty)
        }
    }

    func introspectionRoundTrip() async throws {
        try await withThrowawayConnection(backend) { database in
            let db = database.sql
            let comments = try TableMetadata(model: Comment.self)
            let schema = try SchemaMetadata(models: Author.self, Post.self, Comment.self, User.self)
            try await schema.createAll(on: db)
            let live = try await SchemaIntrospection.schema(of: db)
            // Types read back as what they are: on PostgreSQL an `Int` column
            // was made BIGINT, and reads back as int64 (which satisfies `Int`).
            func made(_ table: TableMetadata) -> TableMetadata {
                var table = table.sortedIndexes
                for index in table.columns.indices where backend == .postgresql && table.columns[index].type == .integer {
                    table.columns[index].type = .int64
                }
                return table
            }
            #expect(live.table(named: "comments") == made(comments))
            #expect(live.table(named: "users") == made(try TableMetadata(model: User.self)))
            #expect(live.table(named: "posts") == made(try TableMetadata(model: Post.self)))
            #expect(SchemaDiff(spelling: dialect).changes(from: live, to: schema).isEmpty)
        }
    }
}

@Suite("Autogenerate on SQLite: detect, upgrade, downgrade — on real files, rows kept")
struct AutogenerateTests {
    let checks = AutogenerateChecks(backend: .sqlite)

    @Test(arguments: autogenerateCases)
    func roundTrip(_ testCase: AutogenerateCase) async throws { try await checks.roundTrip(testCase) }

    @Test("making a column NOT NULL over rows that hold NULL fails, names table, column and rows, and changes nothing")
    func notNullOverNulls() async throws { try await checks.notNullOverNulls() }

    @Test("the engine's own table is not part of the diff")
    func ignoresVersionTable() async throws { try await checks.ignoresVersionTable() }

    @Test("introspection reads back exactly what createAll made")
    func introspectionRoundTrip() async throws { try await checks.introspectionRoundTrip() }
}

@Suite("Autogenerate on PostgreSQL: the same cases, on a real server", .postgres)
struct AutogeneratePostgresTests {
    let checks = AutogenerateChecks(backend: .postgresql)

    @Test(arguments: autogenerateCases)
    func roundTrip(_ testCase: AutogenerateCase) async throws { try await checks.roundTrip(testCase) }

    @Test("making a column NOT NULL over rows that hold NULL fails, names table, column and rows, and changes nothing")
    func notNullOverNulls() async throws { try await checks.notNullOverNulls() }

    @Test("the engine's own table is not part of the diff")
    func ignoresVersionTable() async throws { try await checks.ignoresVersionTable() }

    @Test("introspection reads back exactly what createAll made")
    func introspectionRoundTrip() async throws { try await checks.introspectionRoundTrip() }
}

extension TableMetadata {
    var sortedIndexes: TableMetadata {
        var copy = self
        copy.indexes.sort { $0.name < $1.name }
        return copy
    }
}
