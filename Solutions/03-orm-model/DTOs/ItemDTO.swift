import Vapor

/// What `GET /items/{item_id}` answers: `{"item_id": 5, "q": "somequery"}`.
struct ItemDTO: Content {
    let itemID: Int
    let q: String?

    enum CodingKeys: String, CodingKey {
        case itemID = "item_id"
        case q
    }
}

/// One entry of `GET /items`: `{"item_name": "Foo"}`.
struct ItemNameDTO: Content, Equatable {
    let itemName: String

    enum CodingKeys: String, CodingKey {
        case itemName = "item_name"
    }
}
