// Lesson 0, exercise 1 — a throwing parser, FastAPI's query validation:
//
//     @app.get("/users")
//     async def list_users(limit: int = Query(20, ge=1, le=100)): ...
//
// `?limit=abc` and `?limit=500` are answered 422, with a message that says
// what was sent and what is allowed.

/// `parseLimit` throws this for a bad `?limit=`; `message` is what the 422 says.
public struct LimitError: Error, CustomStringConvertible, Equatable {
    public let message: String

    public var description: String { message }
}

/// The limits a page may have, and the one used when `?limit=` is missing.
public let allowedLimits = 1...100
public let defaultLimit = 20

/// Reads `?limit=`: `text` is what the query string says, `nil` when it
/// has no `limit` at all.
public func parseLimit(_ text: String?) throws -> Int {
    // No ?limit= at all: the default, as `= 20` in Python.
    guard let text else { return defaultLimit }
    // int("abc") raises; Int("abc") is nil.
    guard let limit = Int(text) else {
        throw LimitError(message: "limit must be an integer, got \"\(text)\"")
    }
    guard allowedLimits.contains(limit) else {
        throw LimitError(message: "limit must be between 1 and 100, got \(limit)")
    }
    return limit
}
