// Lesson 3 — the ORM model. Lesson 2's server, plus a database and a model.
import Fluent
import FluentSQLiteDriver
import SchemaRevisions
import Vapor
import Workbook

/// The tables the models describe: SQLAlchemy's `Base.metadata`, which
/// `create_all` builds from (and `swift run lesson-3 diagram` draws).
public func targetMetadata() throws -> SchemaMetadata {
    try SchemaMetadata(models: User.self)
}

/// Sets the application up with the database in `DATABASE_URL`, or the file
/// `lesson-3.sqlite` in the working folder.
public func configure(_ app: Application) async throws {
    let url = try DatabaseURL.fromEnvironment(default: "sqlite:///lesson-3.sqlite")
    try await configure(app, databaseURL: url)
}

/// Sets the application up with the database at `databaseURL`
/// (SQLAlchemy's `create_engine(url)`).
public func configure(_ app: Application, databaseURL: DatabaseURL) async throws {
    app.useFastAPIConventions()
    app.useOpenAPIDocs(title: "Lesson 3 — The ORM Model")

    // engine = create_engine("sqlite:///lesson-3.sqlite")
    app.databases.use(databaseURL.fluentConfiguration, as: .sqlite)

    // Passwords are stored as bcrypt hashes; a lower cost keeps tests fast.
    app.passwords.use(.bcrypt(cost: app.environment == .testing ? 4 : 12))

    // Base.metadata.create_all(engine): create the tables the models describe.
    let metadata = try targetMetadata()
    guard let database = app.db as? any SQLDatabase else {
        throw Abort(.internalServerError, reason: "The database does not speak SQL.")
    }
    let created = try await metadata.createAll(on: database)
    if !created.isEmpty {
        app.logger.notice("Created tables \(created.joined(separator: ", ")) in \(databaseURL)")
    }

    // create_all never changes a table that exists: a users table made from
    // an older model (before the exercise, say) keeps its old shape. Compare
    // the file's tables with the models, with the migration engine's diff
    // (lesson 4's autogenerate), and refuse to serve a table that differs.
    let differences = try await compareMetadata(database, metadata)
        .filter { metadata.table(named: $0.table) != nil } // other tables in the file are not the models'
    guard differences.isEmpty else {
        throw OutdatedTables(databaseURL: databaseURL, differences: differences)
    }

    try routes(app)
}
