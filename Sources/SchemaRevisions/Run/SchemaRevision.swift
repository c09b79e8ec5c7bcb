/// One revision: Alembic's `versions/<id>_<slug>.py`, as a Swift type.
///
/// `revision --autogenerate` writes one of these into the versions folder;
/// it is ordinary Swift, meant to be read and edited.
///
/// ```swift
/// enum Revision_b0fc2b4c59c4: SchemaRevision {
///     static let id = "b0fc2b4c59c4"
///     static let parent: String? = nil
///     static let message = "create users table"
///
///     static func upgrade(_ op: SchemaOperations) async throws { ... }
///     static func downgrade(_ op: SchemaOperations) async throws { ... }
/// }
/// ```
public protocol SchemaRevision: Sendable {
    /// The revision's id: 12 hex digits, like Alembic's.
    static var id: String { get }
    /// The revision it comes after (`down_revision`); `nil` for the first.
    static var parent: String? { get }
    /// What it does, from `revision -m`.
    static var message: String { get }
    /// Applies the revision.
    static func upgrade(_ op: SchemaOperations) async throws
    /// Undoes it.
    static func downgrade(_ op: SchemaOperations) async throws
}
