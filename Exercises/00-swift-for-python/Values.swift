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
    var seen: [String: Int] = [:]                    // seen: dict[str, int] = {}: [:] is the empty dict
    seen["ada"] = 1

    let fullName: String? = nil                      // full_name: str | None = None
    let shown = fullName ?? "anonymous"              // "anonymous" if full_name is None else full_name
    let bobsAge = ages["bob"]                        // ages.get("bob"): an Int?, nil here
    let limit = Int("abc")                           // int("abc") raises; Int("abc") is nil

    return [line, "\(tags)", shown, "\(bobsAge ?? 0)", "\(limit == nil)", "\(seen)"]
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

/// The ternary, ranges and `\"`.
func choicesAndRanges(visits: Int) -> [String] {
    let word = visits == 1 ? "visit" : "visits"       // "visit" if visits == 1 else "visits"
    let closed = Array(1...3)                         // [1, 2, 3]: both ends, list(range(1, 4))
    let halfOpen = Array(0..<3)                       // [0, 1, 2]: list(range(0, 3))
    let quoted = "got \"abc\""                        // 'got "abc"': \" is a " inside a string
    return ["\(visits) \(word)", "\(closed)", "\(halfOpen)", quoted]
}

/// `guard` takes any condition, not only `let`. Commas join conditions: all
/// must hold, and a later one may use a name an earlier one opened.
func checkLogin(email: String, password: String, in passwords: [String: String]) -> String {
    guard !email.isEmpty else {                                 // if not email:
        return "email is required"                              //     return "email is required"
    }
    // if (stored := passwords.get(email)) is None or stored != password:
    guard let stored = passwords[email], stored == password else {
        return "wrong email or password"
    }
    return "welcome, \(email)"
}

/// `?.` and `as?`: both give an optional, nil when the answer is "no".
/// (`Any`: a value of any type at all, as an unannotated Python name.)
func chainingAndCasts(fullName: String?, value: Any) -> [String] {
    let length = fullName?.count               // len(full_name) if full_name is not None else None
    let number = value as? Int                 // value if isinstance(value, int) else None
    return ["\(length ?? 0)", "\(number ?? 0)"]
}
