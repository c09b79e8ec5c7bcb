// create users table
//
// Revision ID: b0fc2b4c59c4
// Revises: <base>
// Create Date: 2026-11-25 08:37:49 UTC
//
// Written by `revision --autogenerate`: check it, and edit it if the guess is wrong.
import SchemaRevisions

enum Revision_b0fc2b4c59c4: SchemaRevision {
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
        try await op.createIndex("ix_users_id", on: "users", ["id"])
        try await op.createIndex("ix_users_email", on: "users", ["email"], unique: true)
    }

    static func downgrade(_ op: SchemaOperations) async throws {
        try await op.dropIndex("ix_users_email", on: "users")
        try await op.dropIndex("ix_users_id", on: "users")
        // DESTRUCTIVE: drops the table 'users' and every row in it.
        try await op.dropTable("users")
    }
}
