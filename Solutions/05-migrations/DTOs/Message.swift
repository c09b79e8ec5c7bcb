import Vapor

/// The JSON that `GET /` answers: `{"message": "Hello World"}`.
struct Message: Content {
    let message: String
}
