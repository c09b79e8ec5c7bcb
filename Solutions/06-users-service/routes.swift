import Vapor

/// Every route of the service.
func routes(_ app: Application) throws {
    try app.register(collection: UsersController())
    try app.register(collection: AuthController())
}
