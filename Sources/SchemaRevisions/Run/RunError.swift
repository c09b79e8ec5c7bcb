/// Why running revisions stopped. The engine says what happened; the
/// command line adds which command to run next.
package enum RunError: Error, CustomStringConvertible, Equatable {
    /// A program asked for a database at head, and it is not.
    case databaseBehind(current: String?, head: String?)
    /// A revision step failed; the database is as it was before the step.
    case stepFailed(revision: String, direction: String, reason: String, at: String?)
    /// Another command moved the database's version while this one ran.
    case versionMoved(expected: String?, found: String?)

    package var description: String {
        switch self {
        case .databaseBehind(let current, let head):
            "The database is at revision \(current ?? "base"), but this code expects \(head ?? "base") (head)."
        case .stepFailed(let revision, let direction, let reason, let at):
            "The \(direction) of revision \(revision) failed, and was rolled back: \(reason)\n"
                + "The database's schema, data and version are as they were before it (at \(at ?? "base")). "
                + "Fix the revision, then run the command again."
        case .versionMoved(let expected, let found):
            "Another command changed the database's revision while this one ran (expected \(expected ?? "base"), "
                + "found \(found ?? "base")). Nothing more was changed."
        }
    }
}
