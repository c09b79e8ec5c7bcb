// Lesson 6 — the users service the walkthrough was building, finished.
import Fluent
import JWT
import SchemaRevisions
import SchemaRevisionsCLI
import SQLKit
import Vapor
import Workbook

/// Sets the service up from the environment (`DATABASE_URL`, `JWT_SECRET`).
public func configure(_ app: Application) async throws {
    try await configure(app, settings: ServiceSettings.fromEnvironment(app.environment, logger: app.logger))
}

/// Sets the service up with `settings`.
public func configure(_ app: Application, settings: ServiceSettings) async throws {
    app.useFastAPIConventions()
    app.useOpenAPIDocs(title: "Lesson 6 — Users Service")
    // Bodies larger than this are refused with 413 before they are read.
    app.routes.defaultMaxBodySize = "16kb"

    // SQLite or PostgreSQL, as DATABASE_URL says: the rest of the service is the same.
    app.databases.use(settings.databaseURL.fluentConfiguration, as: settings.databaseURL.databaseID)
    app.passwords.use(.bcrypt(cost: app.environment == .testing ? 4 : settings.bcryptCost))
    guard settings.jwtSecret.utf8.count >= ServiceSettings.minimumSecretLength else {
        throw ServiceError.weakJWTSecret(length: settings.jwtSecret.utf8.count)
    }
    await app.jwt.keys.add(hmac: HMACKey(from: settings.jwtSecret), digestAlgorithm: .sha256)
    app.tokenLifetime = settings.tokenLifetime

    guard let database = app.db as? any SQLDatabase else {
        throw Abort(.internalServerError, reason: "The database does not speak SQL.")
    }
    // The schema comes only from migrations: refuse a database that is behind.
    try await migrationEnvironment()
        .requireHead(of: database, url: settings.databaseURL, upgradeCommand: "swift run lesson-6 upgrade head")
    // On SQLite, write-ahead logging: readers do not wait for the writer.
    try await settings.databaseURL.prepareForServing(database)

    try routes(app)
}

extension Application {
    private struct TokenLifetimeKey: StorageKey { typealias Value = TimeInterval }

    /// How long the login tokens this app signs are valid.
    var tokenLifetime: TimeInterval {
        get { storage[TokenLifetimeKey.self] ?? 30 * 60 }
        set { storage[TokenLifetimeKey.self] = newValue }
    }
}
