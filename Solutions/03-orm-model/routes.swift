import Vapor

/// Registers every route: lesson 2's, and the users routes.
func routes(_ app: Application) throws {
    app.get { req async -> Message in
        Message(message: "Hello World")
    }
    .openAPI(summary: "Root")

    try app.register(collection: ItemsController())
    try app.register(collection: UsersController())
}
