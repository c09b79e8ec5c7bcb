// Lesson 0, section 3 — functions and closures.
// See Lessons/00-swift-for-python.md.

/// `def greet(name: str, greeting: str = "Hello") -> str`. The `_` means the
/// first argument has no label: `greet("Ada")`, `greet("Ada", greeting: "Hi")`.
func greet(_ name: String, greeting: String = "Hello") -> String {
    "\(greeting), \(name)"                // one expression: no `return` needed
}

/// A label (`from`, what the caller writes) and a parameter name (`user`,
/// what the body uses) can differ: `email(from: row)`.
func email(from user: UserRow) -> String {
    user.email
}

/// `inout`: the function changes the caller's own variable, and the caller
/// marks it with `&`. A Swift array is a value, so without `inout` the
/// function would change a copy.
func addTag(_ tag: String, to tags: inout [String]) {
    tags.append(tag)
}

/// Closures are Swift's lambdas: `{ parameters in body }`.
func closures() -> [String] {
    let shout = { (text: String) -> String in text.uppercased() }   // lambda text: text.upper()
    let names = ["bob", "ada", "cy"]
    let sorted = names.sorted { $0 < $1 }               // sorted(names): $0, $1 are the arguments
    let lengths = names.map { name in name.count }      // [len(name) for name in names]
    return [greet("Ada"), greet("Ada", greeting: "Hi"), shout("hi"), "\(sorted)", "\(lengths)"]
}

/// A function is a value too, named by its labels: `email(from:)` is the
/// function above, `UserRow.init(email:)` is UserRow's initializer.
func functionsAsValues() -> [String] {
    let rows = ["ada@example.com", "bob@example.com"].map(UserRow.init(email:))  // [UserRow(email=e) for e in ...]
    return rows.map(email(from:))                                               // [email(row) for row in rows]
}

/// Runs `handler` on 3, as a router runs a route's closure on a request.
func runHandler(_ handler: (Int) async throws -> Int) async throws -> Int {
    try await handler(3)
}

/// `async` in a closure's header, before `->`: the closure may `await`
/// (section 5), as lesson 1's `app.get { req async -> Message in … }`.
func asyncClosure() async throws -> Int {
    try await runHandler { n async throws -> Int in
        try await slowSquare(n)
    }
}

/// A tiny router shaped like Vapor's, to show the closure a route is.
struct MiniRouter {
    /// Path → handler. `@Sendable`: a handler may run on any thread, as a
    /// server runs many requests at once. `private`: only this type's code
    /// may use it (section 8). `[:]`: an empty dictionary, Python's `{}`.
    private var handlers: [String: @Sendable (String) -> String] = [:]

    /// `@escaping`: the closure is kept to run later, not only during this call.
    /// `mutating`: this method changes the struct it is called on.
    mutating func get(_ path: String, use handler: @escaping @Sendable (String) -> String) {
        handlers[path] = handler
    }

    /// Runs the handler for `path`, or `nil` when there is none (a 404).
    func handle(_ path: String, name: String) -> String? {
        handlers[path]?(name)
    }
}

/// The closure comes last, so it is written after the parentheses: a
/// "trailing closure", as `app.get("hello") { req in ... }`.
func routerExample() -> String? {
    var router = MiniRouter()
    router.get("/hello") { name in
        "Hello, \(name)"
    }
    return router.handle("/hello", name: "Ada")
}
