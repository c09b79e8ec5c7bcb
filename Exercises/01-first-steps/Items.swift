// Lesson 1 exercise — path and query parameters, FastAPI's next tutorial page:
//
//     @app.get("/items/{item_id}")
//     async def read_item(item_id: int, q: str | None = None):
//         return {"item_id": item_id, "q": q}
import Vapor
import Workbook

/// What `GET /items/{item_id}` answers: `{"item_id": 5, "q": "somequery"}`.
struct Item: Content {
    let itemID: Int
    let q: String?

    // Swift names are camelCase; the JSON keeps FastAPI's snake_case names.
    enum CodingKeys: String, CodingKey {
        case itemID = "item_id"
        case q
    }
}

/// `read_item(item_id: int, q: str | None = None)`.
func readItem(req: Request) async throws -> Item {
    // TODO: read `item_id` from the path as an Int and `q` from the query
    // (it may be missing), and return Item(itemID:q:). An id that is not an
    // integer must be answered 422 with a message naming `item_id`.
    // Then delete the `throw ExerciseTODO(…)` statement below (both lines)
    // and run: swift test --filter Lesson01Tests
    throw ExerciseTODO(lesson: 1, file: "Exercises/01-first-steps/Items.swift",
                       missing: "GET /items/{item_id} is not written yet")
}
