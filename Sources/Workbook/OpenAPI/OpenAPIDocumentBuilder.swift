import OpenAPIKit
import Vapor

/// Something said about a route that does not match the route itself.
public enum OpenAPIDocumentError: Error, CustomStringConvertible, Equatable {
    /// `.openAPI(parameters: [.path("id", …)])` on a route whose path has no `:id`.
    case unknownPathParameter(route: String, name: String)

    public var description: String {
        switch self {
        case .unknownPathParameter(let route, let name):
            "The route \(route) documents a path parameter '\(name)' that its path does not have. "
                + "Rename it to match a ':name' component of the path, or remove it from .openAPI(parameters:)."
        }
    }
}

/// Builds an OpenAPI 3.1 document from an application's registered routes.
///
/// Code-first, as FastAPI is: every route Vapor knows appears in the
/// document with its method and path (path parameters included), unless it
/// was marked ``Vapor/Route/excludedFromDocs()``. The response schema comes
/// from the handler's return type, the request body and parameter types from
/// ``Vapor/Route/openAPI(summary:description:parameters:body:status:responses:)``.
public struct OpenAPIDocumentBuilder: Sendable {
    /// The API's title, shown at the top of `/docs`.
    public var title: String
    /// The API's own version (not the OpenAPI version).
    public var version: String

    /// A builder for an API called `title`.
    public init(title: String, version: String = "0.1.0") {
        self.title = title
        self.version = version
    }

    /// The document for `routes`, in the order they were registered.
    ///
    /// Throws ``OpenAPIDocumentError`` when a route's documentation names a
    /// path parameter its path does not have.
    public func document(for routes: [Route]) throws -> OpenAPI.Document {
        var paths: OrderedDictionary<OpenAPI.Path, OpenAPI.PathItem> = [:]
        var schemas: OrderedDictionary<OpenAPI.ComponentKey, JSONSchema> = [:]
        var usesValidationErrors = false

        for route in routes {
            let docs = route.documentation ?? RouteDocumentation()
            if docs.hidden { continue }
            let path = OpenAPI.Path(rawValue: Self.openAPIPath(route.path))
            let operation = try operation(for: route, docs: docs, schemas: &schemas, usesValidationErrors: &usesValidationErrors)
            var item = paths[path] ?? OpenAPI.PathItem()
            item.set(operation: operation, for: OpenAPI.HttpMethod(rawValue: route.method.rawValue) ?? .get)
            paths[path] = item
        }

        if usesValidationErrors {
            schemas["ValidationError"] = Self.validationErrorSchema
            schemas["HTTPValidationError"] = .object(
                title: "HTTPValidationError",
                properties: ["detail": .array(required: false, items: Self.reference("ValidationError"))]
            )
        }

        return OpenAPI.Document(
            openAPIVersion: .v3_1_1,
            info: .init(title: title, version: version),
            servers: [],
            paths: paths.mapValues { .b($0) },
            components: .init(schemas: schemas)
        )
    }

    /// The document as the JSON `/openapi.json` serves.
    public func json(for routes: [Route]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return try encoder.encode(try document(for: routes))
    }

    /// `/items/:item_id` → `/items/{item_id}`.
    static func openAPIPath(_ components: [PathComponent]) -> String {
        "/" + components.map { component in
            switch component {
            case .constant(let value): value
            case .parameter(let name): "{\(name)}"
            case .anything: "{anything}"
            case .catchall: "{catchall}"
            }
        }.joined(separator: "/")
    }

    private func operation(
        for route: Route,
        docs: RouteDocumentation,
        schemas: inout OrderedDictionary<OpenAPI.ComponentKey, JSONSchema>,
        usesValidationErrors: inout Bool
    ) throws -> OpenAPI.Operation {
        let routeName = "\(route.method.rawValue) \(Self.openAPIPath(route.path))"
        var parameters: OpenAPI.Parameter.Array = []

        // Every path parameter the route has, typed when documented.
        var pathNames: [String] = []
        for component in route.path {
            switch component {
            case .parameter(let name): pathNames.append(name)
            case .anything: pathNames.append("anything")
            case .catchall: pathNames.append("catchall")
            case .constant: break
            }
        }
        for name in pathNames {
            let documented = docs.parameters.first { $0.location == .path && $0.name == name }
            parameters.append(.b(.path(name: name, schema: documented?.schema ?? .string)))
        }
        for parameter in docs.parameters where parameter.location == .path && !pathNames.contains(parameter.name) {
            throw OpenAPIDocumentError.unknownPathParameter(route: routeName, name: parameter.name)
        }
        for parameter in docs.parameters where parameter.location == .query {
            parameters.append(.b(.query(name: parameter.name, required: parameter.required, schema: parameter.schema)))
        }

        var requestBody: OpenAPI.Request?
        if let body = docs.body {
            let key = Self.componentKey(body.name)
            schemas[key] = body.schema
            requestBody = OpenAPI.Request(content: Self.json(Self.reference(key)))
        }

        var responses: OpenAPI.Response.Map = [:]
        let success = OpenAPI.Response.StatusCode(integerLiteral: Int(docs.successStatus.code))
        if let decodable = route.responseType as? any Decodable.Type, !(route.responseType is String.Type) {
            let key = Self.componentKey(String(describing: route.responseType))
            schemas[key] = SchemaReflector.schema(for: decodable)
            responses[success] = .b(OpenAPI.Response(
                description: "Successful Response",
                content: Self.json(Self.reference(key))
            ))
        } else {
            responses[success] = .b(OpenAPI.Response(description: "Successful Response"))
        }
        for response in docs.responses {
            responses[.init(integerLiteral: Int(response.status.code))] = .b(OpenAPI.Response(
                description: response.description,
                content: Self.json(Self.messageErrorSchema)
            ))
        }
        if !parameters.isEmpty || requestBody != nil {
            usesValidationErrors = true
            responses[OpenAPI.Response.StatusCode(integerLiteral: 422)] = .b(OpenAPI.Response(
                description: "Validation Error",
                content: Self.json(Self.reference("HTTPValidationError"))
            ))
        }

        return OpenAPI.Operation(
            summary: docs.summary,
            description: docs.description,
            operationId: Self.operationID(route),
            parameters: parameters,
            requestBody: requestBody,
            responses: responses
        )
    }

    /// A JSON body of the given schema.
    static func json(_ schema: JSONSchema) -> OpenAPI.Content.Map {
        [.json: .b(OpenAPI.Content(schema: schema))]
    }

    /// `{"$ref": "#/components/schemas/<key>"}`.
    static func reference(_ key: OpenAPI.ComponentKey) -> JSONSchema {
        JSONSchema.reference(.component(named: key.rawValue))
    }

    /// `GET /items/{item_id}` → `get_items_item_id`.
    static func operationID(_ route: Route) -> String {
        let parts = route.path.map { component in
            switch component {
            case .constant(let value), .parameter(let value): value
            case .anything: "anything"
            case .catchall: "catchall"
            }
        }
        let raw = ([route.method.rawValue.lowercased()] + (parts.isEmpty ? ["root"] : parts)).joined(separator: "_")
        return String(raw.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }

    /// A Swift type name as a component key (generic brackets and dots become `_`).
    static func componentKey(_ typeName: String) -> OpenAPI.ComponentKey {
        let cleaned = String(typeName.map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "_" })
        return OpenAPI.ComponentKey(rawValue: cleaned) ?? "Schema"
    }

    /// `{"detail": "…"}`: the body of every non-validation error.
    static let messageErrorSchema: JSONSchema = .object(properties: ["detail": .string])

    /// One entry of a 422's `detail` list, as FastAPI documents it.
    static let validationErrorSchema: JSONSchema = .object(
        title: "ValidationError",
        properties: [
            "loc": .array(items: .string),
            "msg": .string,
            "type": .string,
            "input": .string(required: false),
        ]
    )
}
