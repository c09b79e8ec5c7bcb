// Lesson 0, section 4 — errors: throw, try, do/catch.
// See Lessons/00-swift-for-python.md.

/// FastAPI's `HTTPException` (Vapor's is `Abort`): an error type of our own,
/// with a status and a message. `CustomStringConvertible` gives it the text
/// `print(error)` shows, as `__str__` does in Python.
struct HTTPError: Error, CustomStringConvertible {
    let status: Int
    let detail: String

    var description: String { "\(status) \(detail)" }
}

/// The users a lookup can find.
let sampleUsers = [1: "ada@example.com"]

/// `throws` in the signature: every caller must write `try`, so an error
/// cannot pass by unnoticed.
func findUser(_ id: Int) throws -> String {
    guard let email = sampleUsers[id] else {
        throw HTTPError(status: 404, detail: "User not found")     // raise HTTPException(...)
    }
    return email
}

/// try / except, in Swift.
func errorsExample() -> [String] {
    var lines: [String] = []
    do {                                           // try:
        lines.append(try findUser(1))
        lines.append(try findUser(7))              // throws: the next line does not run
        lines.append("not reached")
    } catch let error as HTTPError {               // except HTTPException as error:
        lines.append("caught \(error.status): \(error.detail)")
    } catch {                                      // except Exception as error:
        lines.append("something else: \(error)")
    }
    let missing = try? findUser(7)                 // the error becomes nil
    lines.append("try? gives \(missing ?? "nil")")
    return lines
}

/// `try!` and a `let` given its value later.
func certainAndDeferred() -> [String] {
    let ada = try! findUser(1)          // "cannot fail": if it does, the program stops
    let seven: String                   // declared now, given its value once, below
    do {
        seven = try findUser(7)
    } catch {
        seven = "nobody"
    }
    return [ada, seven]
}
