// Lesson 4 — the server is lesson 2's; this lesson is about the migration
// commands, which Sources/lesson-4/entrypoint.swift mounts beside `serve`.
import Vapor
import Workbook

/// Sets the application up: lesson 2's root route and the docs.
public func configure(_ app: Application) async throws {
    app.useFastAPIConventions()
    app.useOpenAPIDocs(title: "Lesson 4 — Migration Set-up")
    app.get { req async -> Message in
        Message(message: "Hello World")
    }
    .openAPI(summary: "Root")
}

/// The JSON that `GET /` answers: `{"message": "Hello World"}`.
struct Message: Content {
    let message: String
}
