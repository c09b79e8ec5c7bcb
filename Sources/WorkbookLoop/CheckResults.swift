import ExerciseMessages
import Foundation

/// Where a lesson stands after its checks ran.
enum LessonStatus: String, Equatable, Sendable {
    /// Every check passes.
    case done
    /// Checks fail with the exercise's own `TODO(lesson N)` message only.
    case notDone
    /// Anything else: a check fails with another message, the checks crash,
    /// or the lesson does not compile.
    case broken
    /// The checks could not run (another lesson does not compile).
    case notChecked
}

/// One lesson's result: its status and what to tell the learner.
struct LessonResult: Equatable, Sendable {
    var status: LessonStatus
    /// The first thing to show: the `↳ Exercise not done yet. TODO(lesson N): …`
    /// line (`↳ Упражнение ещё не сделано. TODO(lesson N): …` in Russian) when
    /// there is one, else the first failure.
    var message: String?
    /// More lines for `verify`: compiler errors, a crash, other failures.
    var details: [String] = []

    static let done = LessonResult(status: .done)
}

/// One failure Swift Testing printed:
/// `✘ Test "…" recorded an issue at Lesson01Tests.swift:42:9: Issue recorded`
/// and the `↳ …` lines right under it.
struct ReportedIssue: Equatable, Sendable {
    /// The test as printed: `"exercise: GET /items/{item_id} …"` (quoted) or `helloWorld()`.
    var test: String
    /// The file name of the failure's location (`Lesson01Tests.swift`), when printed.
    var file: String?
    /// The text after the location: `Issue recorded`, `Expectation failed: …`.
    var message: String
    /// The `↳` lines under it, without the arrow.
    var details: [String]

    /// The lesson's TODO line among the details (`Exercise not done yet. TODO(lesson 1): …`,
    /// or `Упражнение ещё не сделано. TODO(lesson 1): …`: the marker is the same in both languages).
    func todoLine(lesson: Int) -> String? {
        ([message] + details).first { $0.contains("TODO(lesson \(lesson))") }
    }

    /// The failure as the learner should read it, in English (``text(in:)``).
    var text: String { text(in: .english) }

    /// The failure as the learner should read it: the test, the first line of
    /// its message (unless it only says `Issue recorded`), and the `↳` lines.
    /// (Swift Testing's own words, `Issue recorded`, `Expectation failed`,
    /// stay as it prints them.)
    func text(in language: WorkbookLanguage) -> String {
        var firstLine = String(message.prefix { $0 != "\n" })
        if firstLine.count > 200 { firstLine = firstLine.prefix(200) + "…" }
        let failed = language.say("✘ Test \(test) failed:", russian: "✘ Тест \(test) не прошёл:")
        let head = firstLine.isEmpty || (firstLine == "Issue recorded" && !details.isEmpty)
            ? failed : failed + " " + firstLine
        let details = details.map { "  ↳ " + $0.replacingOccurrences(of: "\n", with: "\n    ") }
        return ([head] + details).joined(separator: "\n")
    }
}

/// What one `swift test` run printed, read line by line.
struct TestRunOutput: Equatable, Sendable {
    /// Every `recorded an issue` failure, in the order printed.
    var issues: [ReportedIssue] = []
    /// `Test run with 8 tests in 1 suite failed after 0.5 seconds with 1 issue.`,
    /// when the run got to its end.
    var summary: String?
    /// Lines that say the test process crashed (`Fatal error: …`, `Exited with unexpected signal …`).
    var crashLines: [String] = []
    /// The number of tests the summary names, when there is one.
    var testCount: Int?

    /// Whether the run got to its summary line without crashing.
    var completed: Bool { summary != nil && crashLines.isEmpty }

    /// Reads `swift test`'s console output (Swift Testing's and XCTest's, mixed).
    static func parse(_ output: String) -> TestRunOutput {
        var run = TestRunOutput()
        var lastIssueIndex: Int?
        for rawLine in output.split(separator: "\n", omittingEmptySubsequences: false).map(plain) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if let index = lastIssueIndex {
                if line.hasPrefix("↳ ") {
                    run.issues[index].details.append(String(line.dropFirst(2)))
                    continue
                }
                // A message's further lines follow it as they are, up to the next
                // event; a `↳` comment's further lines are indented under it.
                if !startsSomethingElse(line) {
                    if run.issues[index].details.isEmpty {
                        run.issues[index].message += "\n" + line
                        continue
                    }
                    if rawLine.hasPrefix("  ") {
                        run.issues[index].details[run.issues[index].details.count - 1] += "\n" + line
                        continue
                    }
                }
            }
            lastIssueIndex = nil
            if let issue = parseIssue(line) {
                run.issues.append(issue)
                lastIssueIndex = run.issues.count - 1
            } else if line.hasPrefix("✘ Test run with ") || line.hasPrefix("✔ Test run with ") {
                let summary = String(line.dropFirst(2))
                run.summary = summary
                run.testCount = Int(summary.dropFirst("Test run with ".count).prefix { $0.isNumber })
            } else if isCrash(line) {
                // SwiftPM's own line can land in the middle of another: keep it alone.
                if let process = line.range(of: "error: Process ") {
                    run.crashLines.append(String(line[process.lowerBound...]))
                } else {
                    run.crashLines.append(line)
                }
            }
        }
        return run
    }

    /// Swift Testing's symbols as on Linux, for the SF Symbols it prints on a Mac
    /// with the SF Pro font (private-use characters, then two spaces).
    private static let sfSymbols: [Character: Character] = [
        "\u{1007C8}": "◇", "\u{10065F}": "➜", "\u{100882}": "━", "\u{10105B}": "✔",
        "\u{100884}": "✘", "\u{100135}": "↳", "\u{1001FF}": "⚠", "\u{10017A}": "±", "\u{100237}": "⎙",
    ]

    /// `line` without colours (ANSI escape sequences) and with Linux's symbols.
    static func plain(_ line: Substring) -> String {
        var text = String(line)
        if text.contains("\u{1B}") {
            // ESC [ parameters final-letter
            text = text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*[A-Za-z]", with: "", options: .regularExpression)
        }
        if let first = text.first, let symbol = sfSymbols[first] {
            var rest = text.dropFirst()
            if rest.hasPrefix("  ") { rest = rest.dropFirst() }
            text = String(symbol) + rest
        }
        return text
    }

    /// `✘ Test "x" recorded an issue at F.swift:42:9: message` (also with
    /// `with 1 argument … at`, or without a location).
    static func parseIssue(_ line: String) -> ReportedIssue? {
        guard line.hasPrefix("✘ Test "), let recorded = line.range(of: " recorded an issue") else { return nil }
        let test = String(line[line.index(line.startIndex, offsetBy: 7)..<recorded.lowerBound])
        let rest = line[recorded.upperBound...]
        // The location is the first " at NAME.swift:LINE:COLUMN: " (after any arguments).
        if let location = location(in: rest) {
            return ReportedIssue(test: test, file: location.file, message: location.message, details: [])
        }
        var message = rest
        if message.hasPrefix(":") { message = message.dropFirst() }
        return ReportedIssue(test: test, file: nil, message: message.trimmingCharacters(in: .whitespaces), details: [])
    }

    private static func location(in text: Substring) -> (file: String, message: String)? {
        var searchStart = text.startIndex
        while let at = text.range(of: " at ", range: searchStart..<text.endIndex) {
            searchStart = at.upperBound
            let after = text[at.upperBound...]
            guard let swift = after.range(of: ".swift:") else { continue }
            let file = after[..<swift.lowerBound] + ".swift"
            guard !file.contains(" ") else { continue }
            // LINE:COLUMN: message
            let numbers = after[swift.upperBound...]
            let parts = numbers.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count >= 2, Int(parts[0]) != nil, Int(parts[1]) != nil else { continue }
            let message = parts.count == 3 ? parts[2].trimmingCharacters(in: .whitespaces) : ""
            return (String((file as NSString).lastPathComponent), message)
        }
        return nil
    }

    /// Whether `line` (trimmed) is not the rest of an issue's message: an empty
    /// line, another event of Swift Testing or XCTest, a server's log line, a crash.
    static func startsSomethingElse(_ line: String) -> Bool {
        if line.isEmpty || isCrash(line) { return true }
        if let first = line.first, "◇✔✘➜━􀟈".contains(first) { return true }
        if line.hasPrefix("Test Suite '") || line.hasPrefix("Test Case '") || line.hasPrefix("[") { return true }
        // Log lines: `2026-11-27T03:09:58+0000 info codes.vapor.application: …`.
        let date = line.prefix(11)
        return date.count == 11 && date.dropFirst(10) == "T" && date.prefix(4).allSatisfy(\.isNumber)
    }

    static func isCrash(_ line: String) -> Bool {
        let lower = line.lowercased()
        return line.contains("Fatal error:") || lower.contains("unexpected signal")
            || lower.contains("program crashed") || lower.contains("segmentation fault")
            || line.hasPrefix("💣")
    }
}

/// Compiler errors, read from `swift build`'s output.
struct CompileErrors: Equatable, Sendable {
    /// Error lines that name a file of a lesson (`Exercises/03-…`, `Solutions/03-…`, `Tests/Lesson03Tests/`), by lesson.
    var byLesson: [Int: [String]] = [:]
    /// The other error lines.
    var other: [String] = []

    var isEmpty: Bool { byLesson.isEmpty && other.isEmpty }

    /// The `error:` lines of `output`, with `root`'s path cut from file paths.
    static func parse(_ output: String, root: String) -> CompileErrors {
        var errors = CompileErrors()
        var seen = Set<String>()
        var unlocated: [String] = []
        let prefix = root.hasSuffix("/") ? root : root + "/"
        for rawLine in output.split(separator: "\n") {
            let line = rawLine.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: prefix, with: "")
            if line.contains(": error: ") {
                guard seen.insert(line).inserted else { continue }
                if let lesson = lesson(ofPath: line) {
                    errors.byLesson[lesson, default: []].append(line)
                } else {
                    errors.other.append(line)
                }
            } else if line.hasPrefix("error: "), seen.insert(line).inserted {
                unlocated.append(line)
            }
        }
        // "error: emit-module command failed …" only repeats the errors above.
        if errors.isEmpty { errors.other = unlocated }
        return errors
    }

    /// 3 for `Exercises/03-orm-model/…`, `Solutions/03-…` or `Tests/Lesson03Tests/…`
    /// at the start of an error line (or, for `<unknown>:0: error: …`, anywhere in it).
    static func lesson(ofPath line: String) -> Int? {
        let path = line.hasPrefix("<unknown>") ? Substring(line) : line.prefix { $0 != ":" }
        for marker in ["Exercises/", "Solutions/"] {
            if let range = path.range(of: marker),
               let (number, _) = Kit.numberAndSlug(String(path[range.upperBound...].prefix { $0 != "/" })) {
                return number
            }
        }
        if let range = path.range(of: "Tests/Lesson") {
            let digits = path[range.upperBound...].prefix { $0.isNumber }
            if digits.count == 2, path[range.upperBound...].dropFirst(2).hasPrefix("Tests/") { return Int(digits) }
        }
        return nil
    }
}

/// Turns one `swift test` run into results per lesson.
enum Attribution {
    /// The results of the `lessons` one run checked. A lesson it cannot speak
    /// for (the run crashed, or failed somewhere no file name ties to a
    /// lesson) is left out: run it again on its own.
    ///
    /// - Parameters:
    ///   - testFiles: test file name → lesson (``Kit/testFileLessons(fileManager:)``).
    static func results(
        of run: TestRunOutput, exitCode: Int32, output: String, lessons: [Int], testFiles: [String: Int],
        language: WorkbookLanguage = .english
    ) -> [Int: LessonResult] {
        if lessons.count == 1, let lesson = lessons.first {
            return [lesson: result(lesson: lesson, issues: run.issues, run: run, exitCode: exitCode, output: output,
                                   language: language)]
        }
        // A failed run with no failure to read (an XCTest failure, say) cannot be told apart.
        guard run.completed, exitCode == 0 || !run.issues.isEmpty else { return [:] }
        var byLesson: [Int: [ReportedIssue]] = [:]
        var unattributed = false
        for issue in run.issues {
            if let file = issue.file, let lesson = testFiles[file] ?? lessonFromFileName(file), lessons.contains(lesson) {
                byLesson[lesson, default: []].append(issue)
            } else {
                unattributed = true
            }
        }
        var results: [Int: LessonResult] = [:]
        for lesson in lessons {
            if let issues = byLesson[lesson] {
                results[lesson] = classify(lesson: lesson, issues: issues, language: language)
            } else if !unattributed {
                results[lesson] = .done
            }
        }
        return results
    }

    /// The result of a run that checked `lesson` alone.
    static func result(lesson: Int, issues: [ReportedIssue], run: TestRunOutput, exitCode: Int32, output: String,
                       language: WorkbookLanguage = .english) -> LessonResult {
        if !run.crashLines.isEmpty {
            var result = issues.isEmpty ? LessonResult(status: .broken) : classify(lesson: lesson, issues: issues, language: language)
            result.status = .broken
            let reason = run.crashLines.first { $0.contains("Fatal error:") } ?? run.crashLines[0]
            result.message = language.say("The checks crashed: ", russian: "Проверки упали: ") + reason
            result.details = run.crashLines + issues.map { $0.text(in: language) }
            return result
        }
        if !issues.isEmpty { return classify(lesson: lesson, issues: issues, language: language) }
        if run.summary != nil && exitCode == 0 { return .done }
        // No failure, yet no clean end: say what the run printed last.
        let tail = output.split(separator: "\n").suffix(8).map(String.init)
        return LessonResult(status: .broken,
                            message: language.say("The checks stopped before the end (swift test exited \(exitCode)).",
                                                  russian: "Проверки остановились, не дойдя до конца (swift test завершился с кодом \(exitCode))."),
                            details: tail)
    }

    /// Not done when every failure carries the lesson's TODO message; broken otherwise.
    static func classify(lesson: Int, issues: [ReportedIssue], language: WorkbookLanguage = .english) -> LessonResult {
        let others = issues.filter { $0.todoLine(lesson: lesson) == nil }
        let todo = issues.lazy.compactMap { $0.todoLine(lesson: lesson) }.first
        let message = todo.map { "↳ " + $0 } ?? issues.first.map { $0.text(in: language) }
        if others.isEmpty {
            return LessonResult(status: .notDone, message: message)
        }
        return LessonResult(status: .broken, message: message, details: others.map { $0.text(in: language) })
    }

    /// 1 for `Lesson01Tests.swift`.
    static func lessonFromFileName(_ file: String) -> Int? {
        guard file.hasPrefix("Lesson"), file.hasSuffix("Tests.swift") else { return nil }
        let digits = file.dropFirst(6).prefix { $0.isNumber }
        return digits.count == 2 && file.dropFirst(8) == "Tests.swift" ? Int(digits) : nil
    }
}
