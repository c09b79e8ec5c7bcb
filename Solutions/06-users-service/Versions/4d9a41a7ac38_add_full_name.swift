// add full name
//
// Revision ID: 4d9a41a7ac38
// Revises: b0fc2b4c59c4
// Create Date: 2026-11-25 08:38:49 UTC
//
// Written by `revision --autogenerate`: check it, and edit it if the guess is wrong.
import SchemaRevisions

enum Revision_4d9a41a7ac38: SchemaRevision {
    static let id = "4d9a41a7ac38"
    static let parent: String? = "b0fc2b4c59c4"
    static let message = "add full name"

    static func upgrade(_ op: SchemaOperations) async throws {
        try await op.addColumn("users", "full_name", .string(), nullable: true)
    }

    static func downgrade(_ op: SchemaOperations) async throws {
        // DESTRUCTIVE: drops the column 'users.full_name' and the data in it.
        try await op.dropColumn("users", "full_name")
    }
}
