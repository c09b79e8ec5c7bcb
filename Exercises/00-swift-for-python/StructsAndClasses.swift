// Lesson 0, section 2 — structs, classes and enums.
// See Lessons/00-swift-for-python.md.

/// A struct is a value: assigning it or passing it makes a copy, as an
/// `int` or a `str` behaves in Python. The kit's DTOs and settings are structs.
struct ItemDraft {
    /// A class attribute in Python: one for the type, not one per value.
    static let maximumPrice = 1_000

    var name: String
    var price: Int
}

/// A class is a reference: every variable that holds it points at the same
/// object, as every Python object does. `final`: no subclass may change it.
final class UserRow {
    var email: String

    // Python's __init__; a struct gets one written for it, a class does not.
    init(email: String) {
        self.email = email
    }
}

/// What each kind does when two variables hold it.
func copiesAndSharing() -> (draft: String, copy: String, row: String) {
    let draft = ItemDraft(name: "Foo", price: 10)
    var copy = draft                      // a second, separate value
    copy.name = "Bar"                     // draft.name is still "Foo"

    let row = UserRow(email: "ada@example.com")
    let sameRow = row                     // same_row = row: one object, two names
    sameRow.email = "ada@lovelace.dev"    // row.email changes too
    return (draft.name, copy.name, row.email)
}

/// An enum: one of a fixed set of cases, each of which may carry values
/// (Python's `Enum`, plus data).
enum LoginResult {
    case success(userID: Int)
    case wrongPassword
    case unknownEmail(String)
}

/// `switch` must handle every case, or the program does not compile.
func describe(_ result: LoginResult) -> String {
    switch result {
    case .success(let userID):
        "logged in as user \(userID)"
    case .wrongPassword:
        "wrong password"
    case .unknownEmail(let email):
        "no account for \(email)"
    }
}

/// What a type may hold besides stored properties.
struct Page {
    /// `static let` and `static func` belong to the type: Python's class
    /// attribute and `@classmethod`, used as `Page.size`, `Page.starting(at: 40)`.
    static let size = 20
    static func starting(at offset: Int) -> Page {
        Page(offset: offset)
    }
    /// `static var` with a body: a computed property of the type itself.
    static var start: Page { Page(offset: 0) }

    var offset: Int

    /// A computed property, Python's `@property`: worked out on each read,
    /// stored nowhere, read without parentheses: `page.number`.
    var number: Int { offset / Self.size + 1 }
}

/// A leading dot: where Swift knows a `Page` is expected, `.start` means
/// `Page.start`, and `.init(offset: 40)` means `Page(offset: 40)`.
func leadingDots() -> [Int] {
    let pages: [Page] = [.start, .starting(at: 20), .init(offset: 40)]
    return pages.map { page in page.number }        // [page.number for page in pages]: [1, 2, 3]
}
