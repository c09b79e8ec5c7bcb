import Vapor

/// The JSON body of every error the kit's servers send: `{"detail": ...}`.
///
/// `detail` is a string for most errors (`{"detail": "Not Found"}`) and a
/// list of ``ValidationIssue`` for `422`, exactly as FastAPI does.
public struct ErrorBody: Content, Sendable {
    /// A message, or the list of validation issues.
    public var detail: Detail

    /// Either form of `detail`.
    public enum Detail: Codable, Sendable, Equatable {
        /// A message for a person.
        case message(String)
        /// Validation issues, one per bad field.
        case issues([ValidationIssue])

        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let message = try? container.decode(String.self) {
                self = .message(message)
            } else {
                self = .issues(try container.decode([ValidationIssue].self))
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .message(let message): try container.encode(message)
            case .issues(let issues): try container.encode(issues)
            }
        }
    }
}

/// Turns every error into a JSON answer in FastAPI's shape, never a crash.
///
/// Vapor's own `ErrorMiddleware` answers `{"error": true, "reason": "..."}`;
/// this one answers `{"detail": ...}` so the kit reads like the FastAPI the
/// learner knows (install it with
/// ``Vapor/Application/useFastAPIConventions()``). Errors with a status (`Abort`, ``ValidationFailure``,
/// ``ExerciseTODO``) keep it; a body that is not valid JSON, or JSON of the
/// wrong shape, is a `422` that says which field was wrong; anything else is
/// a `500` whose details go to the log, not to the client.
public struct FastAPIErrorMiddleware: AsyncMiddleware {
    /// Makes the middleware; ``Vapor/Application/useFastAPIConventions()`` installs it.
    public init() {}

    public func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            return Self.response(for: error, to: request)
        }
    }

    /// Writes `"/items/{item_id}"` as it is, not as `"\/items\/{item_id}"`,
    /// and keys in a fixed order, so the same error always reads the same.
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return encoder
    }()

    /// The status and body the kit sends for `error`.
    public static func response(for error: any Error, to request: Request) -> Response {
        let status: HTTPResponseStatus
        let body: ErrorBody
        var headers: HTTPHeaders = [:]

        switch error {
        case let failure as ValidationFailure:
            status = failure.status
            body = ErrorBody(detail: .issues(failure.issues))
        case let validations as ValidationsError:
            // Vapor's `Validatable` (`.email`, `.count(8...)`): one issue per failed field.
            status = .unprocessableEntity
            body = ErrorBody(detail: .issues(validations.failures.map { failure in
                ValidationIssue(type: "value_error", loc: ["body"] + failure.key.stringValue.split(separator: ".").map(String.init),
                                msg: "\(failure.key.stringValue) \(failure.result.failureDescription ?? "is not valid")")
            }))
        case let decoding as DecodingError:
            status = .unprocessableEntity
            body = ErrorBody(detail: .issues([ValidationIssue(decoding)]))
        case let abort as any AbortError:
            status = abort.status
            headers = abort.headers
            // Vapor's router answers unknown paths with a bare Abort(.notFound);
            // FastAPI says "Not Found". Keep a reason when one was given.
            let reason = abort.reason == abort.status.reasonPhrase ? abort.status.reasonPhrase : abort.reason
            body = ErrorBody(detail: .message(reason))
        default:
            status = .internalServerError
            body = ErrorBody(detail: .message("Internal Server Error"))
        }

        if status == .internalServerError || error is ExerciseTODO {
            request.logger.report(error: error)
        } else {
            request.logger.debug("\(status.code) \(request.method) \(request.url.path): \(String(reflecting: error))")
        }

        let response = Response(status: status, headers: headers)
        do {
            try response.content.encode(body, using: Self.encoder)
        } catch {
            response.body = .init(string: #"{"detail":"Internal Server Error"}"#)
            response.headers.contentType = .json
        }
        return response
    }
}

extension ValidationIssue {
    /// The issue a `DecodingError` stands for: which body field, and why.
    init(_ error: DecodingError) {
        func location(_ path: [any CodingKey]) -> [String] {
            ["body"] + path.map { $0.intValue.map(String.init) ?? $0.stringValue }
        }
        switch error {
        case .keyNotFound(let key, let context):
            self.init(type: "missing", loc: location(context.codingPath + [key]), msg: "Field required")
        case .valueNotFound(_, let context):
            self.init(type: "missing", loc: location(context.codingPath), msg: "Field required")
        case .typeMismatch(let type, let context):
            self.init(type: "type_error", loc: location(context.codingPath),
                      msg: "Input should be \(Self.describe(type))")
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            self.init(type: "json_invalid", loc: ["body"], msg: "JSON decode error: the body is not valid JSON")
        case .dataCorrupted(let context):
            self.init(type: "value_error", loc: location(context.codingPath), msg: context.debugDescription)
        @unknown default:
            self.init(type: "value_error", loc: ["body"], msg: "The body could not be read")
        }
    }

    /// "a valid integer", "a valid string", … for the common Swift types.
    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is any BinaryInteger.Type: "a valid integer"
        case is any BinaryFloatingPoint.Type: "a valid number"
        case is Bool.Type: "a valid boolean"
        case is String.Type: "a valid string"
        case is [Any].Type: "a valid list"
        default: "a valid \(type)"
        }
    }
}

extension Application {
    /// The conventions a FastAPI user expects, for this application:
    ///
    /// - errors answer `{"detail": ...}` (``FastAPIErrorMiddleware`` replaces
    ///   Vapor's default error middleware);
    /// - JSON bodies list their keys in a fixed (sorted) order and leave `/`
    ///   unescaped. Swift's `JSONEncoder` on Linux otherwise orders keys by
    ///   hash, so the same answer could read `{"q":"x","item_id":7}` one run
    ///   and `{"item_id":7,"q":"x"}` the next.
    ///
    /// Call it first in `configure(_:)`, so the error middleware wraps everything else.
    public func useFastAPIConventions() {
        _ = stableJSONInstalled
        var middleware = Middlewares()
        middleware.use(RouteLoggingMiddleware(logLevel: .info))
        middleware.use(FastAPIErrorMiddleware())
        self.middleware = middleware
    }
}

/// Vapor's JSON coders are process-wide (`ContentConfiguration.global`, kept
/// behind a lock); this swaps the JSON encoder once, on first use, keeping
/// Vapor's ISO 8601 dates.
private let stableJSONInstalled: Void = {
    var configuration = ContentConfiguration.global
    configuration.use(
        encoder: JSONEncoder.custom(dates: .iso8601, format: [.sortedKeys, .withoutEscapingSlashes]),
        for: .json
    )
    ContentConfiguration.global = configuration
}()
