import Vapor

/// Registers every route. Small routes live here; groups of routes that
/// belong together live in a controller under Controllers/.
func routes(_ app: Application) throws {
    app.get { req async -> Message in
        Message(message: "Hello World")
    }
    .openAPI(summary: "Root")

    try app.register(collection: ItemsController())
}
