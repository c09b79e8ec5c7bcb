import Vapor

// Typed path and query parameters that fail the way FastAPI's do.
//
// FastAPI reads `def read_item(item_id: int, q: str | None = None)` and
// answers `/items/foo` with a 422 that names `item_id`. Vapor's own
// `req.parameters.require("item_id", as: Int.self)` answers 422 too, but its
// message does not say which parameter was wrong. These helpers say it.

extension Request {
    /// The path parameter `name` (declared as `":name"` in the route) as a `T`.
    ///
    /// Throws a ``ValidationFailure`` (422) whose `loc` is `["path", name]`
    /// when the value is not a valid `T`.
    public func pathParameter<T: LosslessStringConvertible>(_ name: String, as type: T.Type = T.self) throws -> T {
        guard let raw = parameters.get(name) else {
            // A programming error in the route, not bad input: the route has no `:name`.
            throw Abort(.internalServerError, reason: "The route has no path parameter named '\(name)'")
        }
        guard let value = T(raw) else {
            throw ValidationFailure([Self.parsingIssue(T.self, loc: ["path", name], input: raw)])
        }
        return value
    }

    /// The query parameter `name` as a `T`, or `nil` when the request does not have it.
    ///
    /// Throws a ``ValidationFailure`` (422) whose `loc` is `["query", name]`
    /// when the parameter is there but not a valid `T`.
    public func queryParameter<T: LosslessStringConvertible>(_ name: String, as type: T.Type = T.self) throws -> T? {
        guard let raw = query[String.self, at: name] else { return nil }
        guard let value = T(raw) else {
            throw ValidationFailure([Self.parsingIssue(T.self, loc: ["query", name], input: raw)])
        }
        return value
    }

    /// The issue for a value that is not a valid `T`, worded as FastAPI words it.
    static func parsingIssue<T>(_ type: T.Type, loc: [String], input: String) -> ValidationIssue {
        switch type {
        case is any BinaryInteger.Type:
            ValidationIssue(type: "int_parsing", loc: loc,
                            msg: "Input should be a valid integer, unable to parse string as an integer", input: input)
        case is any BinaryFloatingPoint.Type:
            ValidationIssue(type: "float_parsing", loc: loc,
                            msg: "Input should be a valid number, unable to parse string as a number", input: input)
        case is Bool.Type:
            ValidationIssue(type: "bool_parsing", loc: loc,
                            msg: "Input should be a valid boolean, unable to interpret input", input: input)
        default:
            ValidationIssue(type: "value_error", loc: loc,
                            msg: "Input should be \(ValidationIssue.describe(type))", input: input)
        }
    }
}
