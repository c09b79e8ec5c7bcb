// Lesson 2 — the project layout (the walkthrough's step 3).
//
// The walkthrough had to move everything but `main.py` into a package `app/`
// with an `__init__.py`, so that other code could `from app.models import User`.
// In Swift the package is this module, `Lesson02`: a library target declared
// in Package.swift. Other targets `import Lesson02` and see what it marks
// `public` — here, `configure(_:)`. The entry point that boots it is another
// target: Sources/lesson-2/entrypoint.swift, the counterpart of `main.py`.
import Vapor
import Workbook

/// Sets the application up: middleware, docs, routes.
/// `public`, because the entry point and the tests are other modules.
public func configure(_ app: Application) async throws {
    app.useFastAPIConventions()
    app.useOpenAPIDocs(title: "Lesson 2 — Project Layout")
    try routes(app)
}
