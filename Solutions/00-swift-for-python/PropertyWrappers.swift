// Lesson 0, section 7 — property wrappers, the mechanism behind Fluent's
// `@Field`. See Lessons/00-swift-for-python.md.

/// A property wrapper: a type that stands behind a property and runs each
/// time it is read or written, as a Python descriptor (SQLAlchemy's
/// `Column`) does. This one is a tiny `@Field`: it keeps the column's name
/// beside the value.
/// `<Value>`: a type parameter, the type of the value it wraps, as
/// `Generic[T]` in Python (section 9).
@propertyWrapper
struct Column<Value> {
    /// The column's name in the table.
    let key: String
    private var value: Value?

    init(key: String) {
        self.key = key
    }

    /// What `row.email` reads and writes: `get` runs on each read, `set` on
    /// each write, with the value written as `newValue` (a `@property` and its
    /// setter). `fatalError`: stop the program, for a bug (section 4).
    var wrappedValue: Value {
        get {
            guard let value else { fatalError("\(key) was read before it was set") }
            return value
        }
        set { value = newValue }
    }

    /// What `row.$email` is: here, the wrapper itself, with its `key`.
    var projectedValue: Column<Value> { self }
}

/// A row, written as a Fluent model is.
final class MiniUser {
    @Column(key: "email")
    var email: String

    @Column(key: "full_name")
    var fullName: String?

    init(email: String) {
        self.email = email
    }
}

/// The column behind a property, from its key path: `\.$email` names
/// "the `$email` of a MiniUser", as Fluent's `.filter(\.$email == ...)` does.
func columnName<Value>(_ keyPath: KeyPath<MiniUser, Column<Value>>) -> String {
    MiniUser(email: "")[keyPath: keyPath].key
}

func propertyWrapperExample() -> [String] {
    let user = MiniUser(email: "ada@example.com")
    user.fullName = "Ada Lovelace"
    return [user.email, user.$email.key, columnName(\.$fullName)]   // [.., "email", "full_name"]
}
