import Foundation
import Testing
import WorkbookTesting

/// The lessons' checks speak the learner's language: every failure message is
/// written in English and Russian, side by side, through `explain(_:russian:)`
/// (Sources/WorkbookTesting/Explain.swift; lesson 0 has its own copy). This
/// fails on a check that passes a plain string instead, naming its file and
/// line, so an English-only message cannot slip in.
@Suite("The lessons' checks say their failures in English and Russian")
struct BilingualCheckMessagesTests {
    let root = workbookRoot()

    @Test("no #expect, #require or Issue.record in the lessons' checks or WorkbookTesting carries a plain string message")
    func everyMessageIsBilingual() throws {
        let files = try CheckMessages.files(root: root)
        #expect(files.contains("Tests/Lesson01Tests/Lesson01Tests.swift") && files.contains("Sources/WorkbookTesting/ExerciseChecks.swift"),
                "the scan found \(files)")
        var problems: [CheckMessages.Problem] = []
        for file in files {
            let source = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            problems += CheckMessages.problems(in: source, file: file)
        }
        #expect(problems.isEmpty, """
            These check messages are English only; write each as explain("…", russian: "…"):
            \(problems.map(\.description).joined(separator: "\n"))
            """)
    }

    // The checker itself, on a source written here, so it is seen to fail.

    static let fixture = #"""
        import Testing

        func checks(x: Int, body: String) throws {
            #expect(x == 1)
            #expect(x == 2, "x should be 2, got \(x)")
            #expect(body == "a, b", explain("body is \(body)", russian: "тело — \(body)"))
            let y = try #require(Optional(x), "x is there")
            Issue.record("no \"quotes\" (\(x, default: "none")) here")
            Issue.record(explain("fine", russian: "хорошо"), sourceLocation: #_sourceLocation)
            #expect(x > 0, "first part, "
                    + "second part")
            Issue.record("""
                A long message
                """)
            #expect(throws: Never.self, #"raw "x" message"#) { }
            Issue.record(Comment(rawValue: "plain words"))
            Issue.record(Comment(rawValue: "\(ExerciseMessage.notDoneYet()) \(body)"))
            #expect(x != 3, "\(body)")
            // Issue.record("in a comment")
            let text = "#expect(x, \"in a string\")"
            /* #expect(x, "in a block comment") */
        }
        """#

    @Test("the checker names each plain message's file and line, and leaves explain(…), conditions, comments and strings alone")
    func checkerFindsPlainMessages() {
        let problems = CheckMessages.problems(in: Self.fixture, file: "Tests/Lesson09Tests/Lesson09Tests.swift")
        #expect(problems.map(\.line) == [5, 7, 8, 10, 12, 15, 16], "\(problems.map(\.description).joined(separator: "\n"))")
        #expect(problems.first?.description
                == #"Tests/Lesson09Tests/Lesson09Tests.swift:5: #expect has the plain message "x should be 2, got \(x)""#)
        #expect(problems.map(\.call) == ["#expect", "#require", "Issue.record", "#expect", "Issue.record", "#expect", "Issue.record"])
    }

    @Test("a file with every message bilingual has no problems")
    func checkerPassesBilingualSource() {
        let source = """
            #expect(a == b, explain("a is \\(a)", russian: "a — \\(a)"))
            Issue.record(explain("x", russian: "икс"), sourceLocation: location)
            """
        #expect(CheckMessages.problems(in: source, file: "X.swift").isEmpty)
    }
}

/// Finds the check messages that are plain strings: an argument of
/// `#expect(…)`/`#require(…)` after the condition, or of `Issue.record(…)`,
/// that is a string literal (or `Comment(rawValue: "…")`) with words of its
/// own. A literal that is only interpolations (`"\(body)"`) has nothing to
/// translate and passes.
enum CheckMessages {
    struct Problem: CustomStringConvertible {
        let file: String
        let line: Int
        /// `#expect`, `#require` or `Issue.record`.
        let call: String
        /// The argument as written (its first line).
        let message: String

        var description: String { "\(file):\(line): \(call) has the plain message \(message)" }
    }

    static let calls = ["#expect", "#require", "Issue.record"]

    /// The files scanned, relative to `root`: every lesson's checks and WorkbookTesting.
    static func files(root: URL) throws -> [String] {
        let manager = FileManager.default
        var files: [String] = []
        let tests = try manager.contentsOfDirectory(atPath: root.appendingPathComponent("Tests").path)
            .filter { $0.hasPrefix("Lesson") && $0.hasSuffix("Tests") }
        for folder in tests.sorted() {
            files += try manager.contentsOfDirectory(atPath: root.appendingPathComponent("Tests/\(folder)").path)
                .filter { $0.hasSuffix(".swift") }.sorted().map { "Tests/\(folder)/\($0)" }
        }
        files += try manager.contentsOfDirectory(atPath: root.appendingPathComponent("Sources/WorkbookTesting").path)
            .filter { $0.hasSuffix(".swift") }.sorted().map { "Sources/WorkbookTesting/\($0)" }
        return files
    }

    static func problems(in source: String, file: String) -> [Problem] {
        let text = Array(source)
        var problems: [Problem] = []
        var i = 0
        while i < text.count {
            if starts(text, i, "//") {
                while i < text.count && text[i] != "\n" { i += 1 }
            } else if starts(text, i, "/*") {
                i = (find(text, "*/", from: i + 2) ?? text.count - 2) + 2
            } else if isStringStart(text, i) {
                i = skipString(text, i)
            } else if let call = calls.first(where: { starts(text, i, $0 + "(") && (i == 0 || !isIdentifier(text[i - 1])) }) {
                let open = i + call.count
                let arguments = splitArguments(text, open).arguments
                let messages = call == "Issue.record" ? arguments : Array(arguments.dropFirst())
                for argument in messages where isPlainMessage(argument) {
                    let line = text[..<i].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
                    let shown = argument.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").first.map(String.init) ?? ""
                    problems.append(Problem(file: file, line: line, call: call, message: shown))
                }
                i = open + 1     // on into the arguments: a check may hold another
            } else {
                i += 1
            }
        }
        return problems
    }

    /// Whether `argument` is a string literal with words of its own, bare or
    /// as `Comment(rawValue: …)`; labelled arguments (`sourceLocation:`) are not messages.
    static func isPlainMessage(_ argument: String) -> Bool {
        var text = Array(argument.trimmingCharacters(in: .whitespacesAndNewlines))
        if starts(text, 0, "Comment(rawValue:") {
            text = Array(String(text.dropFirst("Comment(rawValue:".count)).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        guard isStringStart(text, 0) else { return false }
        return hasWords(text, 0)
    }

    // MARK: Reading Swift, just enough

    static func starts(_ text: [Character], _ i: Int, _ prefix: String) -> Bool {
        let prefix = Array(prefix)
        return i + prefix.count <= text.count && Array(text[i..<(i + prefix.count)]) == prefix
    }

    static func find(_ text: [Character], _ needle: String, from: Int) -> Int? {
        var i = from
        while i < text.count {
            if starts(text, i, needle) { return i }
            i += 1
        }
        return nil
    }

    static func isIdentifier(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" || c == "." }

    /// `"`, `"""`, `#"`, `##"""`…
    static func isStringStart(_ text: [Character], _ i: Int) -> Bool {
        var j = i
        while j < text.count && text[j] == "#" { j += 1 }
        return j < text.count && text[j] == "\""
    }

    /// The literal's delimiters at `i`: its `#`s and whether it is multi-line.
    static func delimiters(_ text: [Character], _ i: Int) -> (hashes: Int, multiline: Bool, contentStart: Int) {
        var hashes = 0
        while text[i + hashes] == "#" { hashes += 1 }
        let quote = i + hashes
        let multiline = starts(text, quote, "\"\"\"")
        return (hashes, multiline, quote + (multiline ? 3 : 1))
    }

    /// Walks the literal at `i`, calling `visit` with each character of its
    /// own text (not its interpolations, escapes as one character); returns
    /// the index after it.
    @discardableResult
    static func walkString(_ text: [Character], _ i: Int, visit: (Character) -> Void = { _ in }) -> Int {
        let (hashes, multiline, start) = delimiters(text, i)
        let close = (multiline ? "\"\"\"" : "\"") + String(repeating: "#", count: hashes)
        let escape = "\\" + String(repeating: "#", count: hashes)
        var j = start
        while j < text.count {
            if starts(text, j, close) { return j + close.count }
            if starts(text, j, escape) {
                j += escape.count
                if j < text.count && text[j] == "(" {
                    j = splitArguments(text, j).end       // an interpolation: code, not words
                } else {
                    if j < text.count { visit(text[j]) }
                    j += 1
                }
                continue
            }
            visit(text[j])
            j += 1
        }
        return j
    }

    static func skipString(_ text: [Character], _ i: Int) -> Int { walkString(text, i) }

    static func hasWords(_ text: [Character], _ i: Int) -> Bool {
        var words = false
        walkString(text, i) { if $0.isLetter { words = true } }
        return words
    }

    /// The top-level arguments of the call whose `(` is at `open`, and the index after its `)`.
    static func splitArguments(_ text: [Character], _ open: Int) -> (arguments: [String], end: Int) {
        var arguments: [String] = []
        var depth = 0
        var start = open + 1
        var i = open
        while i < text.count {
            let c = text[i]
            if starts(text, i, "//") {
                while i < text.count && text[i] != "\n" { i += 1 }
                continue
            }
            if isStringStart(text, i) {
                i = skipString(text, i)
                continue
            }
            if "([{".contains(c) {
                depth += 1
            } else if ")]}".contains(c) {
                depth -= 1
                if depth == 0 {
                    arguments.append(String(text[start..<i]))
                    return (arguments.filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }, i + 1)
                }
            } else if c == "," && depth == 1 {
                arguments.append(String(text[start..<i]))
                start = i + 1
            }
            i += 1
        }
        return (arguments, text.count)
    }
}
