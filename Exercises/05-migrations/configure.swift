// Lesson 5 — lesson 3's users service, with its schema made only by migrations.
import Fluent
import FluentSQLiteDriver
import SchemaRevisions
import SchemaRevisionsCLI
import Vapor
import Workbook

/// Sets the application up with the database in `DATABASE_URL`, or
/// `lesson-5.sqlite` in the working folder.
public func configure(_ app: Application) async throws {
    let url = try DatabaseURL.fromEnvironment(default: "sqlite:///lesson-5.sqlite")
    try await configure(app, databaseURL: url)
}

/// Sets the application up with the database at `databaseURL`, which must
/// be at the head revision.
public func configure(_ app: Application, databaseURL: DatabaseURL) async throws {
    app.useFastAPIConventions()
    app.useOpenAPIDocs(title: "Lesson 5 — Migrations")
    app.databases.use(databaseURL.fluentConfiguration, as: .sqlite)
    app.passwords.use(.bcrypt(cost: app.environment == .testing ? 4 : 12))

    // No create_all here: the schema comes from the revisions in Versions/.
    // A database that is not at their head would not match the model, so the
    // server refuses to start, and says which command fixes it.
    guard let database = app.db as? any SQLDatabase else {
        throw Abort(.internalServerError, reason: "The database does not speak SQL.")
    }
    try await migrationEnvironment()
        .requireHead(of: database, upgradeCommand: "swift run lesson-5 upgrade head")

    app.get { req async -> Message in
        Message(message: "Hello World")
    }
    .openAPI(summary: "Root")
    try app.register(collection: UsersController())
}
