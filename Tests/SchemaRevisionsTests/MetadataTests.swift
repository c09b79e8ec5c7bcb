import FluentKit
import Foundation
import Testing
@testable import SchemaRevisions

@Suite("Metadata: Fluent models → tables")
struct MetadataTests {
    @Test("every property wrapper and Swift type maps to the expected column")
    func columns() throws {
        let table = try TableMetadata(model: Post.self)
        #expect(table.name == "posts")
        let expected: [ColumnMetadata] = [
            .init(name: "id", type: .uuid, nullable: false),
            .init(name: "title", type: .string(), nullable: false),
            .init(name: "subtitle", type: .string(), nullable: true),
            .init(name: "note", type: .string(), nullable: true),
            .init(name: "views", type: .integer, nullable: false),
            .init(name: "small", type: .integer, nullable: false),
            .init(name: "rating", type: .double, nullable: false),
            .init(name: "price", type: .decimal, nullable: false),
            .init(name: "published", type: .boolean, nullable: false),
            .init(name: "featured", type: .boolean, nullable: false),
            .init(name: "pinned", type: .boolean, nullable: true),
            .init(name: "published_at", type: .datetime, nullable: false),
            .init(name: "created_at", type: .datetime, nullable: true),
            .init(name: "status", type: .string(), nullable: false),
            .init(name: "old_status", type: .string(), nullable: true),
            .init(name: "meta", type: .json, nullable: false),
            .init(name: "body", type: .blob, nullable: false),
            .init(name: "external_id", type: .uuid, nullable: false),
            .init(name: "author_id", type: .integer, nullable: false),
            .init(name: "editor_id", type: .integer, nullable: true),
        ]
        #expect(table.columns.map(\.name) == expected.map(\.name))
        for (actual, wanted) in zip(table.columns, expected) {
            #expect(actual == wanted)
        }
        #expect(table.primaryKey == ["id"])
    }

    @Test("@Parent and @OptionalParent become foreign keys to the parent's primary key")
    func foreignKeys() throws {
        let table = try TableMetadata(model: Post.self)
        #expect(table.foreignKeys == [
            ForeignKeyMetadata(name: "fk_posts_author_id_authors", columns: ["author_id"],
                               referencedTable: "authors", referencedColumns: ["id"]),
            ForeignKeyMetadata(name: "fk_posts_editor_id_authors", columns: ["editor_id"],
                               referencedTable: "authors", referencedColumns: ["id"]),
        ])
    }

    @Test("@Children adds no column")
    func children() throws {
        let table = try TableMetadata(model: Author.self)
        #expect(table.columns.map(\.name) == ["id", "name"])
    }

    @Test("table arguments: indexes, unique constraints, defaults, types, foreign-key actions")
    func tableArguments() throws {
        let table = try TableMetadata(model: Comment.self)
        #expect(table.indexes == [
            IndexMetadata(name: "ix_comments_text", columns: ["text"], unique: false),
            IndexMetadata(name: "ix_comments_post_id_language", columns: ["post_id", "language"], unique: true),
        ])
        #expect(table.uniqueConstraints == [UniqueConstraintMetadata(name: "uq_comment_text", columns: ["text", "language"])])
        #expect(table.column(named: "language")?.defaultValue == .string("en"))
        #expect(table.column(named: "text")?.type == .text)
        #expect(table.foreignKeys.first?.onDelete == .cascade)
    }

    @Test("the walkthrough's User: the same table SQLAlchemy describes")
    func walkthroughUser() throws {
        let table = try TableMetadata(model: User.self)
        #expect(table == TableMetadata(
            name: "users",
            columns: [
                .init(name: "id", type: .integer, nullable: false),
                .init(name: "email", type: .string(), nullable: true),
                .init(name: "password", type: .string(), nullable: true),
            ],
            primaryKey: ["id"],
            indexes: [
                .init(name: "ix_users_id", columns: ["id"], unique: false),
                .init(name: "ix_users_email", columns: ["email"], unique: true),
            ]
        ))
    }

    @Test("a key path to something that is not a column is an error that says what to write")
    func notAColumn() {
        #expect(throws: MetadataError.notAField(model: "Broken", argument: #".index(\Broken.$things)"#)) {
            try TableMetadata(model: Broken.self)
        }
    }

    @Test("an unsupported property wrapper is an error, not a silently missing column")
    func unsupported() {
        do {
            _ = try TableMetadata(model: Person.self)
            Issue.record("expected an error for @Group")
        } catch let error as MetadataError {
            guard case .unsupportedProperty(let model, _) = error else { Issue.record("\(error)"); return }
            #expect(model == "Person")
            #expect(error.description.contains("cannot describe"))
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test("tables come in foreign-key order; duplicate names are refused")
    func schema() throws {
        let schema = try SchemaMetadata(models: Comment.self, Post.self, Author.self)
        #expect(schema.tables.map(\.name) == ["comments", "posts", "authors"])
        #expect(schema.tablesInDependencyOrder.map(\.name) == ["authors", "posts", "comments"])
        #expect(throws: MetadataError.duplicateTable("users")) {
            try SchemaMetadata(models: User.self, User.self)
        }
        let dynamic = try SchemaMetadata(models: [Author.self, Post.self] as [any Model.Type])
        #expect(dynamic.tables.map(\.name) == ["authors", "posts"])
    }

    @Test("Swift types with no obvious column type are reported", arguments: [
        (Int.self as Any.Type, ColumnType.integer), (String.self, .string()), (Bool.self, .boolean),
        (Double.self, .double), (Float.self, .double), (Date.self, .datetime), (UUID.self, .uuid),
        (Data.self, .blob), ([UInt8].self, .blob), (Status.self, .string()), (Meta.self, .json),
    ])
    func swiftTypes(type: Any.Type, expected: ColumnType) {
        #expect(ColumnType.forSwiftType(type) == expected)
    }
}
