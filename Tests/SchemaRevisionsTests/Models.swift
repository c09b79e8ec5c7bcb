import FluentKit
import Foundation
import SchemaRevisions

// Models covering every property wrapper and Swift type the metadata layer maps.
// `@unchecked Sendable`: Fluent models are mutable classes (see Fluent's docs).

final class Author: Model, @unchecked Sendable {
    static let schema = "authors"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "name") var name: String
    @Children(for: \.$author) var posts: [Post]
    init() {}
}

enum Status: String, Codable, Sendable { case draft, published }
struct Meta: Codable, Sendable { var tags: [String] }

final class Post: Model, @unchecked Sendable {
    static let schema = "posts"
    @ID var id: UUID?
    @Field(key: "title") var title: String
    @OptionalField(key: "subtitle") var subtitle: String?
    @Field(key: "note") var note: String?
    @Field(key: "views") var views: Int
    @Field(key: "small") var small: Int16
    @Field(key: "rating") var rating: Double
    @Field(key: "price") var price: Decimal
    @Field(key: "published") var published: Bool
    @Boolean(key: "featured") var featured: Bool
    @OptionalBoolean(key: "pinned") var pinned: Bool?
    @Field(key: "published_at") var publishedAt: Date
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Enum(key: "status") var status: Status
    @OptionalEnum(key: "old_status") var oldStatus: Status?
    @Field(key: "meta") var meta: Meta
    @Field(key: "body") var body: Data
    @Field(key: "external_id") var externalID: UUID
    @Parent(key: "author_id") var author: Author
    @OptionalParent(key: "editor_id") var editor: Author?
    @Children(for: \.$post) var comments: [Comment]
    init() {}
}

final class Comment: Model, @unchecked Sendable {
    static let schema = "comments"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "post_id") var post: Post
    @Field(key: "text") var text: String
    @Field(key: "language") var language: String
    init() {}
}

extension Comment: TableModel {
    static var tableArguments: [TableArgument<Comment>] {
        [
            .index(\.$text),
            .index(\.$post, \.$language, unique: true),
            .unique(\.$text, \.$language, name: "uq_comment_text"),
            .defaultValue(\.$language, .string("en")),
            .type(\.$text, .text),
            .foreignKey(\.$post, onDelete: .cascade),
        ]
    }
}

/// The walkthrough's model, as lesson 3 writes it.
final class User: Model, @unchecked Sendable {
    static let schema = "users"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @OptionalField(key: "email") var email: String?
    @OptionalField(key: "password") var password: String?
    init() {}
}

extension User: TableModel {
    static var tableArguments: [TableArgument<User>] {
        [.index(\.$id), .index(\.$email, unique: true)]
    }
}

/// A table argument whose key path leads to a relation, not a column.
final class Broken: Model, @unchecked Sendable {
    static let schema = "broken"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Children(for: \.$owner) var things: [Thing]
    init() {}
}

extension Broken: TableModel {
    static var tableArguments: [TableArgument<Broken>] { [.index(\.$things)] }
}

final class Thing: Model, @unchecked Sendable {
    static let schema = "things"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "owner_id") var owner: Broken
    init() {}
}

/// A group of fields, which the engine does not describe yet.
final class Address: Fields, @unchecked Sendable {
    @Field(key: "city") var city: String
    init() {}
}

final class Person: Model, @unchecked Sendable {
    static let schema = "people"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Group(key: "home") var home: Address
    init() {}
}
