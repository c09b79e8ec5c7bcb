import OpenAPIKit
import Vapor

/// A path or query parameter as the OpenAPI document describes it.
///
/// The route's path already says which path parameters exist; this adds the
/// type FastAPI would read from the function signature (`item_id: int`).
public struct DocumentedParameter: Sendable {
    /// Where the parameter is read from.
    public enum Location: String, Sendable {
        /// A `:name` component of the route's path.
        case path
        /// A `?name=` query parameter.
        case query
    }

    /// The parameter's name, as in the path (`item_id`) or query (`q`).
    public let name: String
    /// Path or query.
    public let location: Location
    /// Its JSON Schema, from the Swift type.
    public let schema: JSONSchema
    /// Whether a request must have it (path parameters always must).
    public let required: Bool

    /// A path parameter of type `T`: `.path("item_id", Int.self)`.
    public static func path<T: LosslessStringConvertible>(_ name: String, _ type: T.Type) -> Self {
        Self(name: name, location: .path, schema: schema(for: T.self), required: true)
    }

    /// A query parameter of type `T`, optional unless `required`: `.query("q", String.self)`.
    public static func query<T: LosslessStringConvertible>(_ name: String, _ type: T.Type, required: Bool = false) -> Self {
        Self(name: name, location: .query, schema: schema(for: T.self), required: required)
    }

    private static func schema(for type: Any.Type) -> JSONSchema {
        SchemaReflector.primitiveSchema(for: type) ?? .string
    }
}

/// A response other than the route's success response: `.init(.notFound, "No such item")`.
public struct DocumentedResponse: Sendable {
    /// The status it is sent with.
    public let status: HTTPResponseStatus
    /// When it is sent, for a person reading `/docs`.
    public let description: String

    /// Describes an error (or other) response the route can send.
    public init(_ status: HTTPResponseStatus, _ description: String) {
        self.status = status
        self.description = description
    }
}

/// What the OpenAPI document says about a route beyond what Vapor knows.
///
/// Vapor already knows a route's method, path and response type; those go
/// into the document straight from the route, so they cannot drift. This
/// adds what only the author knows: a summary, parameter types, the request
/// body type, the success status and the error responses.
public struct RouteDocumentation: Sendable {
    /// A short title for the operation ("Read Item").
    public var summary: String?
    /// A longer explanation.
    public var description: String?
    /// Typed path and query parameters.
    public var parameters: [DocumentedParameter] = []
    /// The request body's type name and schema, when the route reads one.
    public var body: (name: String, schema: JSONSchema)?
    /// The status of a successful answer (`200`, or `201` for a create).
    public var successStatus: HTTPResponseStatus = .ok
    /// Other responses the route can send.
    public var responses: [DocumentedResponse] = []
    /// `true` for routes that are not part of the API (the docs themselves).
    public var hidden = false
}

/// The key ``RouteDocumentation`` is kept under in `Route.userInfo`.
private let documentationKey: AnySendableHashable = "workbook.openapi.documentation"

extension Route {
    /// What has been said about this route for the OpenAPI document, if anything.
    public var documentation: RouteDocumentation? {
        userInfo[documentationKey] as? RouteDocumentation
    }

    /// Describes the route in the OpenAPI document served at `/openapi.json`.
    ///
    /// ```swift
    /// app.get("items", ":item_id", use: readItem)
    ///     .openAPI(summary: "Read Item", parameters: [.path("item_id", Int.self), .query("q", String.self)])
    /// ```
    @discardableResult
    public func openAPI(
        summary: String? = nil,
        description: String? = nil,
        parameters: [DocumentedParameter] = [],
        body: (any Decodable.Type)? = nil,
        status: HTTPResponseStatus = .ok,
        responses: [DocumentedResponse] = []
    ) -> Route {
        var docs = documentation ?? RouteDocumentation()
        docs.summary = summary
        docs.description = description
        docs.parameters = parameters
        docs.body = body.map { (String(describing: $0), SchemaReflector.schema(for: $0)) }
        docs.successStatus = status
        docs.responses = responses
        userInfo[documentationKey] = docs
        return self
    }

    /// Leaves the route out of the OpenAPI document (as FastAPI leaves out
    /// `/docs` and `/openapi.json`).
    @discardableResult
    public func excludedFromDocs() -> Route {
        var docs = documentation ?? RouteDocumentation()
        docs.hidden = true
        userInfo[documentationKey] = docs
        return self
    }
}
