// Lesson 0, section 1 — values and optionals, beside their Python twins.
// See Lessons/00-swift-for-python.md.

/// Python's `str`, `int`, `list`, `dict` and `None`, in Swift.
func valuesAndOptionals() -> [String] {
    let name = "Ada"                                 // name = "Ada" (and never reassigned)
    var visits = 1                                   // visits = 1 (var: may change)
    visits += 1
    let line = "\(name) visited \(visits) times"     // f"{name} visited {visits} times"

    var tags: [String] = ["swift", "python"]         // tags: list[str] = ["swift", "python"]
    tags.append("vapor")
    let ages: [String: Int] = ["ada": 36]            // ages: dict[str, int] = {"ada": 36}

    let fullName: String? = nil                      // full_name: str | None = None
    let shown = fullName ?? "anonymous"              // "anonymous" if full_name is None else full_name
    let bobsAge = ages["bob"]                        // ages.get("bob"): an Int?, nil here
    let limit = Int("abc")                           // int("abc") raises; Int("abc") is nil

    return [line, "\(tags)", shown, "\(bobsAge ?? 0)", "\(limit == nil)"]
}

/// `guard let`: leave early when the optional is nil; after it, the name
/// holds the value itself (a `String`, no longer a `String?`).
func greeting(fullName: String?) -> String {
    guard let fullName else {              // if full_name is None:
        return "Hello, stranger"           //     return "Hello, stranger"
    }
    return "Hello, \(fullName)"
}

/// `if let`: run a block only when the optional holds a value.
func describeAge(of name: String, in ages: [String: Int]) -> String {
    if let age = ages[name] {              // if (age := ages.get(name)) is not None:
        return "\(name) is \(age)"
    } else {
        return "nobody called \(name)"
    }
}
