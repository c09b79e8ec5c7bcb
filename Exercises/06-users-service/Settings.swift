// What the service needs from its surroundings: where the database is, and
// the key that signs login tokens.
import SchemaRevisions
import Vapor

/// The service's settings, read from the environment at start-up.
public struct ServiceSettings: Sendable {
    /// The database (`DATABASE_URL`, default `sqlite:///lesson-6.sqlite`;
    /// `postgres://user:password@host:5432/database` for PostgreSQL).
    public var databaseURL: DatabaseURL
    /// The HMAC key that signs and checks login tokens (`JWT_SECRET`).
    public var jwtSecret: String
    /// How long a login token is valid.
    public var tokenLifetime: TimeInterval = 30 * 60
    /// bcrypt's cost: 12 in the app, lower in tests (each step doubles the work).
    public var bcryptCost = 12

    /// The shortest `JWT_SECRET` accepted, in bytes.
    public static let minimumSecretLength = 32

    /// Settings given directly (tests use this).
    public init(databaseURL: DatabaseURL, jwtSecret: String) {
        self.databaseURL = databaseURL
        self.jwtSecret = jwtSecret
    }

    /// Settings from `DATABASE_URL` and `JWT_SECRET` in `variables` (the
    /// process's environment; tests pass their own). Outside the
    /// development environment a missing `JWT_SECRET` stops the server
    /// with a message that says how to make one.
    public static func fromEnvironment(
        _ environment: Environment, logger: Logger,
        variables: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> ServiceSettings {
        let url = try DatabaseURL.fromEnvironment(default: "sqlite:///lesson-6.sqlite", environment: variables)
        if let secret = variables["JWT_SECRET"], !secret.isEmpty {
            // HS256 needs a key at least as long as its 32-byte output.
            guard secret.utf8.count >= minimumSecretLength else {
                throw ServiceError.weakJWTSecret(length: secret.utf8.count)
            }
            return ServiceSettings(databaseURL: url, jwtSecret: secret)
        }
        guard environment == .development else {
            throw ServiceError.missingJWTSecret(environment: environment.name)
        }
        logger.warning("JWT_SECRET is not set; using a development-only key. Tokens will not survive a restart elsewhere.")
        return ServiceSettings(databaseURL: url, jwtSecret: "development-only-key-\(UUID().uuidString)")
    }
}

/// Why the service cannot start.
public enum ServiceError: Error, CustomStringConvertible {
    /// No signing key outside development.
    case missingJWTSecret(environment: String)
    /// A signing key too short for HS256.
    case weakJWTSecret(length: Int)

    public var description: String {
        switch self {
        case .missingJWTSecret(let environment):
            "JWT_SECRET is not set, and the \(environment) environment needs a key to sign login tokens. "
                + "Make one and start again: export JWT_SECRET=$(openssl rand -hex 32)"
        case .weakJWTSecret(let length):
            "JWT_SECRET is \(length) bytes long; HS256 needs at least \(ServiceSettings.minimumSecretLength). "
                + "Make a new one and start again: export JWT_SECRET=$(openssl rand -hex 32)"
        }
    }
}
