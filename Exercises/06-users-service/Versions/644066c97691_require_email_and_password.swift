// require email and password
//
// Revision ID: 644066c97691
// Revises: 4d9a41a7ac38
// Create Date: 2026-11-25 08:58:39 UTC
//
// Written by `revision --autogenerate`: check it, and edit it if the guess is wrong.
import SchemaRevisions

enum Revision_644066c97691: SchemaRevision {
    static let id = "644066c97691"
    static let parent: String? = "4d9a41a7ac38"
    static let message = "require email and password"

    static func upgrade(_ op: SchemaOperations) async throws {
        try await op.alterColumn("users", "email", nullable: false)
        try await op.alterColumn("users", "password", nullable: false)
    }

    static func downgrade(_ op: SchemaOperations) async throws {
        try await op.alterColumn("users", "password", nullable: true)
        try await op.alterColumn("users", "email", nullable: true)
    }
}
