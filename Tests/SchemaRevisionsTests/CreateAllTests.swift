import FluentKit
import FluentSQLiteDriver
import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLiteKit
import Testing
@testable import SchemaRevisions

/// Opens a fresh in-memory SQLite database for `body`.
func withSQLite<T>(_ body: (any SQLDatabase) async throws -> T) async throws -> T {
    let connection = try await SQLiteConnection.open(
        storage: .memory, threadPool: .singleton, logger: Logger(label: "test"),
        on: MultiThreadedEventLoopGroup.singleton.any()
    )
    do {
        _ = try await connection.query("PRAGMA foreign_keys = ON")
        let result = try await body(connection.sql())
        try await connection.close()
        return result
    } catch {
        try? await connection.close()
        throw error
    }
}

@Suite("create_all: tables from metadata")
struct CreateAllTests {
    @Test("the walkthrough's users table renders as SQLAlchemy renders it")
    func usersDDL() async throws {
        try await withSQLite { db in
            let operations = try SchemaOperations(database: db)
            let table = try TableMetadata(model: User.self)
            #expect(operations.sql(operations.createTableStatement(table))
                == #"CREATE TABLE "users" ("id" INTEGER NOT NULL, "email" VARCHAR, "password" VARCHAR, PRIMARY KEY ("id"))"#)
            #expect(operations.sql(operations.createIndexStatement(table.indexes[1], on: "users"))
                == #"CREATE UNIQUE INDEX "ix_users_email" ON "users" ("email")"#)
        }
    }

    @Test("createAll makes every missing table, in foreign-key order, with its indexes, and leaves existing ones alone")
    func createAll() async throws {
        try await withSQLite { db in
            let schema = try SchemaMetadata(models: Comment.self, Post.self, Author.self, User.self)
            let created = try await schema.createAll(on: db)
            #expect(created == ["authors", "posts", "comments", "users"])
            #expect(try await SchemaIntrospection.tableNames(in: db) == ["authors", "comments", "posts", "users"])

            struct IndexRow: Decodable { var name: String; var unique: Int; var origin: String }
            let indexes = try await db.raw("PRAGMA index_list(comments)").all(decoding: IndexRow.self)
                .filter { $0.origin == "c" }.map(\.name).sorted()
            #expect(indexes == ["ix_comments_post_id_language", "ix_comments_text"])

            struct FKRow: Decodable { var table: String; var from: String; var on_delete: String }
            let fks = try await db.raw("PRAGMA foreign_key_list(comments)").all(decoding: FKRow.self)
            #expect(fks.map(\.table) == ["posts"])
            #expect(fks.first?.on_delete == "CASCADE")

            struct ColumnRow: Decodable { var name: String; var dflt_value: String? }
            let language = try await db.raw("PRAGMA table_info(comments)").all(decoding: ColumnRow.self)
                .first { $0.name == "language" }
            #expect(language?.dflt_value == "'en'")

            // A second run creates nothing and changes nothing.
            #expect(try await schema.createAll(on: db).isEmpty)
        }
    }

    @Test("the unique index refuses a duplicate")
    func uniqueIndexEnforced() async throws {
        try await withSQLite { db in
            try await SchemaMetadata(models: User.self).createAll(on: db)
            try await db.raw("INSERT INTO users (email) VALUES ('a@b.c')").run()
            await #expect(throws: SQLiteError.self) {
                try await db.raw("INSERT INTO users (email) VALUES ('a@b.c')").run()
            }
        }
    }
}
