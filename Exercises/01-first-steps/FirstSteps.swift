// Lesson 1 — FastAPI's "First Steps", in Vapor (the walkthrough's step 1).
//
// The whole FastAPI app of that page is:
//
//     from fastapi import FastAPI
//
//     app = FastAPI()
//
//     @app.get("/")
//     async def root():
//         return {"message": "Hello World"}
//
// Here it is in Swift. Like FastAPI's `main.py`, this lesson keeps everything
// in one place; lesson 2 splits it into the layout real projects use.
import Vapor
import Workbook

/// The JSON that `GET /` answers: `{"message": "Hello World"}`.
/// FastAPI turns the returned dict into JSON; Vapor encodes a `Content` type.
struct Message: Content {
    let message: String
}

/// `app = FastAPI()` and its routes: everything the server does.
/// `swift run lesson-1` calls this, and so do the lesson's tests.
public func configure(_ app: Application) async throws {
    // Errors answer {"detail": ...} as FastAPI's do; JSON keys keep one order.
    app.useFastAPIConventions()
    // FastAPI's automatic /docs and /openapi.json.
    app.useOpenAPIDocs(title: "Lesson 1 — First Steps")

    // @app.get("/")
    // async def root():
    //     return {"message": "Hello World"}
    app.get { req async -> Message in
        Message(message: "Hello World")
    }
    .openAPI(summary: "Root")

    // @app.get("/items/{item_id}") — the exercise; the handler is in Items.swift.
    app.get("items", ":item_id", use: readItem)
        .openAPI(
            summary: "Read Item",
            parameters: [.path("item_id", Int.self), .query("q", String.self)]
        )
}
