// Lesson 0, section 6 — protocols, extensions and Codable.
// See Lessons/00-swift-for-python.md.
import Foundation

/// `class Greeter(Protocol)`: what a type must have to count as a Greeter.
protocol Greeter {
    func greet(_ name: String) -> String
}

/// A type says which protocols it follows, and the compiler checks it has
/// everything they ask for.
struct English: Greeter {
    func greet(_ name: String) -> String { "Hello, \(name)" }
}

struct French: Greeter {
    func greet(_ name: String) -> String { "Bonjour, \(name)" }
}

/// An extension adds to a type, even one you did not write, such as `String`.
extension String {
    /// `" Ada@Example.com ".normalizedEmail` is `"ada@example.com"`.
    var normalizedEmail: String {
        trimmingCharacters(in: .whitespaces).lowercased()
    }
}

/// An extension can also make a type follow a protocol afterwards, as lesson
/// 3 writes `extension User: TableModel`.
extension ItemDraft: CustomStringConvertible {
    var description: String { "\(name) (\(price))" }
}

/// pydantic's `class Item(BaseModel): item_id: int; q: str | None = None`.
/// `Codable`: Swift writes the JSON decoding and encoding for you.
struct ItemJSON: Codable, Equatable {
    let itemID: Int
    let q: String?          // optional: the key may be missing or null

    // The JSON's names, where they differ from the Swift names.
    enum CodingKeys: String, CodingKey {
        case itemID = "item_id"
        case q
    }
}

/// `Item.model_validate_json(...)` and `item.model_dump_json()`.
func codableExample() throws -> [String] {
    let item = try JSONDecoder().decode(ItemJSON.self, from: Data(#"{"item_id": 5}"#.utf8))
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let json = String(decoding: try encoder.encode(item), as: UTF8.self)
    let same = item == ItemJSON(itemID: 5, q: nil)   // Equatable gives ==: every property equal
    return ["\(item.itemID)", "\(item.q == nil)", json, "\(same)"]   // ["5", "true", "{\"item_id\":5}", "true"]
}
