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
    // TODO: return defaultLimit when text is nil, the number when it is an
    // integer in allowedLimits, and throw a LimitError otherwise, whose
    // message names what was sent and what is allowed, such as
    // "limit must be between 1 and 100, got 500".
    // Then delete the `throw ExerciseTODO(…)` statement below (both of its
    // lines) and run: swift test --filter Lesson00Tests
    throw ExerciseTODO(lesson: 0, file: "Exercises/00-swift-for-python/Limit.swift",
                       missing: "parseLimit is not written yet")
}
