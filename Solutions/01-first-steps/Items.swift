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
    // `item_id: int` — a value that is not an integer is answered 422,
    // naming the parameter, as FastAPI does.
    let itemID = try req.pathParameter("item_id", as: Int.self)
    // `q: str | None = None` — absent means nil.
    let q = try req.queryParameter("q", as: String.self)
    return Item(itemID: itemID, q: q)
}
