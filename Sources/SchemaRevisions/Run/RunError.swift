/// Why running revisions stopped. The engine says what happened; the
/// command line adds which command to run next.
package enum RunError: Error, CustomStringConvertible, Equatable {
    /// A program asked for a database at head, and it is not (`current`:
    /// its version rows, none at base).
    case databaseBehind(current: [String], head: String?)
    /// A program asked for a database at head, and the history has several
    /// heads, not merged: there is no one head to be at.
    case unmergedHeads([String])
    /// A revision step failed; the database is as it was before the step
    /// (`at`: its version rows).
    case stepFailed(revision: String, direction: String, reason: String, at: [String])
    /// Another command moved the database's version while this one ran.
    case versionMoved(expected: [String], found: [String])

    package var description: String {
        switch self {
        case .databaseBehind(let current, let head):
            "The database is at revision\(current.count > 1 ? "s" : "") \(Self.rows(current)), but this code expects \(head ?? "base") (head)."
        case .unmergedHeads(let heads):
            "The revisions have \(heads.count) heads, not merged (\(heads.joined(separator: ", "))): "
                + "there is no one head for the database to be at."
        case .stepFailed(let revision, let direction, let reason, let at):
            "The \(direction) of revision \(revision) failed, and was rolled back: \(reason)\n"
                + "The database's schema, data and version are as they were before it (at \(Self.rows(at))). "
                + "Fix the revision, then run the command again."
        case .versionMoved(let expected, let found):
            "Another command changed the database's revision while this one ran (expected \(Self.rows(expected)), "
                + "found \(Self.rows(found))). Nothing more was changed."
        }
    }

    /// Version rows as a message says them: `base`, `a1`, or `a1, b2`.
    private static func rows(_ rows: [String]) -> String {
        rows.isEmpty ? "base" : rows.joined(separator: ", ")
    }
}
