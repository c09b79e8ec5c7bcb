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
///
/// A merge revision, which `merge heads` writes, joins two branches and
/// names both as its parents (Alembic's `down_revision = ("a", "b")`):
///
/// ```swift
/// enum Revision_5e6f7a8b9c0d: SchemaRevision {
///     static let id = "5e6f7a8b9c0d"
///     static let parents = ["1a2b3c4d5e6f", "7a8b9c0d1e2f"]
///     static let message = "merge heads"
///     ...
/// }
/// ```
public protocol SchemaRevision: Sendable {
    /// The revision's id: 12 hex digits, like Alembic's.
    static var id: String { get }
    /// The revision it comes after (`down_revision`); `nil` for the first.
    /// A merge revision declares ``parents`` instead.
    static var parent: String? { get }
    /// Every revision it comes after: `[parent]` (or none for the first),
    /// unless the revision declares it; a merge revision has several
    /// (`down_revision = ("a", "b")`). When a revision declares both,
    /// `parents` counts.
    static var parents: [String] { get }
    /// What it does, from `revision -m`.
    static var message: String { get }
    /// Applies the revision.
    static func upgrade(_ op: SchemaOperations) async throws
    /// Undoes it.
    static func downgrade(_ op: SchemaOperations) async throws
}

extension SchemaRevision {
    /// No single parent: what a merge revision, which declares ``parents``, has.
    public static var parent: String? { nil }

    /// `[parent]`, or none for the first revision.
    public static var parents: [String] { parent.map { [$0] } ?? [] }
}
