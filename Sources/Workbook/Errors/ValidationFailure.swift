import Vapor

/// One thing wrong with a request, in FastAPI's shape.
///
/// FastAPI answers bad input with `422` and a body like
/// `{"detail": [{"type": "int_parsing", "loc": ["path", "item_id"], "msg": "...", "input": "foo"}]}`.
/// The kit answers the same way, so a learner coming from FastAPI reads the
/// same error, and a client written for one works against the other.
public struct ValidationIssue: Content, Equatable, Sendable {
    /// A machine-readable kind: `int_parsing`, `missing`, `json_invalid`, …
    public var type: String
    /// Where the bad value was: `["path", "item_id"]`, `["query", "limit"]`, `["body", "email"]`.
    public var loc: [String]
    /// What was wrong, for a person.
    public var msg: String
    /// The value that was sent, when there was one.
    public var input: String?

    /// Describes one problem with the request.
    public init(type: String, loc: [String], msg: String, input: String? = nil) {
        self.type = type
        self.loc = loc
        self.msg = msg
        self.input = input
    }
}

/// A request that failed validation: answered `422 Unprocessable Content`
/// with every ``ValidationIssue`` in `detail`.
public struct ValidationFailure: AbortError {
    /// Everything that was wrong with the request.
    public var issues: [ValidationIssue]

    /// A failure made of the given issues.
    public init(_ issues: [ValidationIssue]) { self.issues = issues }

    /// `422`, as FastAPI answers.
    public var status: HTTPResponseStatus { .unprocessableEntity }

    /// The issues joined into one line, for logs.
    public var reason: String {
        issues.map { "\($0.loc.joined(separator: ".")): \($0.msg)" }.joined(separator: "; ")
    }
}
