// Lesson 0, section 9 — generics, `some` and `any`.
// See Lessons/00-swift-for-python.md.
import Foundation

/// `def first_page(items: list[T], limit: int) -> list[T]`: one function for
/// every element type. `[T]` is `Array<T>`, as `T?` is `Optional<T>`.
func firstPage<T>(_ items: [T], limit: Int) -> [T] {
    Array(items.prefix(limit))
}

/// `T.Type` is the type itself passed as a value: `decode(Int.self, from:)`,
/// as the lessons write `req.queryParameter("limit", as: Int.self)`.
func decode<T: Decodable>(_ type: T.Type, from json: String) throws -> T {
    try JSONDecoder().decode(type, from: Data(json.utf8))
}

/// `some Greeter`: one particular Greeter type, fixed where it is called.
func welcome(_ greeter: some Greeter) -> String {
    greeter.greet("Ada")
}

/// `any Greeter`: a box that holds a value of any Greeter type, chosen
/// while the program runs. Mixed types in one array need it.
func everyGreeting() -> [String] {
    let greeters: [any Greeter] = [English(), French()]
    return greeters.map { $0.greet("Ada") }
}

func genericsExample() throws -> [String] {
    let page = firstPage([3, 1, 4, 1, 5], limit: 2)                       // [3, 1]
    let item = try decode(ItemJSON.self, from: #"{"item_id": 7, "q": "x"}"#)
    return ["\(page)", "\(item.itemID)", welcome(French())] + everyGreeting()
}
