import Foundation

/// The outcome of checking some lessons: a result for each, and the
/// compiler's errors when the kit did not build.
struct CheckOutcome: Equatable, Sendable {
    /// Lesson number → result, for every lesson that was asked about.
    var results: [Int: LessonResult]
    /// Compiler errors, when the kit does not build (then no check ran).
    var compileErrors: CompileErrors?
}

/// How `progress` shows a lesson.
enum RowState: Equatable, Sendable {
    case done, current, notStarted
}

/// The text the commands print. Pure: results in, text out.
enum Report {
    /// `[████░░░░░░] 2/6`.
    static func bar(done: Int, total: Int, width: Int = 10) -> String {
        let filled = total == 0 ? 0 : Int((Double(done) / Double(total) * Double(width)).rounded(.down))
        return "[" + String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled) + "] \(done)/\(total)"
    }

    /// Each lesson's row state, and the current lesson (the first that is not
    /// done; `nil` when all are). A later lesson whose checks pass is done.
    /// A lesson that could not be checked counts as done when it was done at
    /// the last check (`doneBefore`).
    static func rows(lessons: [Lesson], results: [Int: LessonResult], doneBefore: Set<Int> = [])
        -> (states: [RowState], current: Lesson?) {
        func isDone(_ lesson: Lesson) -> Bool {
            switch results[lesson.number]?.status {
            case .done: true
            case .notChecked, nil: doneBefore.contains(lesson.number)
            default: false
            }
        }
        let current = lessons.first { !isDone($0) }
        let states = lessons.map { lesson -> RowState in
            if lesson.number == current?.number { return .current }
            return isDone(lesson) ? .done : .notStarted
        }
        return (states, current)
    }

    /// `swift run workbook`: every lesson, the bar, and what to do now.
    static func progress(lessons: [Lesson], outcome: CheckOutcome, doneBefore: Set<Int> = []) -> String {
        let (states, current) = rows(lessons: lessons, results: outcome.results, doneBefore: doneBefore)
        let doneCount = states.filter { $0 == .done }.count
        var out = ["Swift server workbook: \(doneCount) of \(lessons.count) lessons done",
                   bar(done: doneCount, total: lessons.count), ""]
        let width = lessons.map(\.title.count).max() ?? 0
        for (lesson, state) in zip(lessons, states) {
            let (symbol, word) = switch state {
            case .done: ("✔", "done")
            case .current: ("➜", "current")
            case .notStarted: ("·", "not started")
            }
            out.append("  \(symbol) \(label(lesson, among: lessons))  \(pad(lesson.title, width))  \(word)")
        }
        out.append("")
        guard let lesson = current else {
            out.append("Every lesson is done. `swift run workbook verify` checks them all again.")
            return out.joined(separator: "\n")
        }
        out.append("Now: lesson \(lesson.number), \(lesson.title)")
        out += currentLessonLines(lesson, outcome: outcome)
        out.append("")
        out.append("  Read:    \(lesson.noteOrFolder)")
        out.append("  Then:    swift run workbook watch     (checks lesson \(lesson.number) again each time you save)")
        out.append("  Stuck?   swift run workbook hint \(lesson.number)")
        return out.joined(separator: "\n")
    }

    /// What is still missing in `lesson`, as `progress` and `watch` show it.
    static func currentLessonLines(_ lesson: Lesson, outcome: CheckOutcome) -> [String] {
        let result = outcome.results[lesson.number]
        switch result?.status {
        case .done:
            return ["  Its checks pass."]
        case .notDone:
            return indent(result?.message ?? "Its checks fail.")
        case .broken:
            if outcome.compileErrors?.byLesson[lesson.number] != nil { return compileErrorLines(outcome.compileErrors) }
            var lines = indent(result?.message ?? "Its checks fail.")
            if let first = result?.details.first, first != result?.message { lines += indent(first) }
            return lines
        case .notChecked, nil:
            return compileErrorLines(outcome.compileErrors)
        }
    }

    /// The compiler's errors, and what to do about them.
    static func compileErrorLines(_ errors: CompileErrors?, limit: Int = 12) -> [String] {
        guard let errors, !errors.isEmpty else {
            return ["  Its checks could not run. `swift test` shows why, in full."]
        }
        var lines: [String] = []
        for (lesson, errorLines) in errors.byLesson.sorted(by: { $0.key < $1.key }) {
            lines.append("  Lesson \(lesson) does not compile, so no check can run. The compiler says:")
            lines += errorLines.prefix(limit).map { "    " + $0 }
        }
        if !errors.other.isEmpty {
            lines.append("  The kit does not build. The compiler says:")
            lines += errors.other.prefix(limit).map { "    " + $0 }
        }
        if errors.byLesson.isEmpty, errors.other.contains(where: { $0.contains("failed due to signal") }) {
            lines.append("  The Swift compiler itself crashed. Run the same command again; if it crashes again,")
            lines.append("  undo your last change and make it in smaller steps.")
        } else {
            lines.append("  Fix these errors, save, and check again.")
        }
        return lines
    }

    /// `verify`: every lesson's status, with its message.
    static func verify(lessons: [Lesson], outcome: CheckOutcome) -> String {
        var out: [String] = []
        let width = lessons.map(\.title.count).max() ?? 0
        for lesson in lessons {
            let result = outcome.results[lesson.number] ?? LessonResult(status: .notChecked)
            let head = "\(label(lesson, among: lessons))  \(pad(lesson.title, width))  "
            switch result.status {
            case .done:
                out.append("✔ " + head + "done")
            case .notDone:
                out.append("· " + head + "not done")
                out += indent(result.message ?? "", by: "    ")
            case .broken:
                if let errors = outcome.compileErrors?.byLesson[lesson.number] {
                    out.append("✘ " + head + "broken: does not compile")
                    out += errors.prefix(12).map { "    " + $0 }
                } else {
                    out.append("✘ " + head + "broken")
                    let lines = result.details.isEmpty ? [result.message ?? ""] : result.details
                    for line in lines.prefix(6) { out += indent(line, by: "    ") }
                    if lines.count > 6 { out.append("    … and \(lines.count - 6) more") }
                }
            case .notChecked:
                out.append("? " + head + "not checked (the kit does not build)")
            }
        }
        if let other = outcome.compileErrors?.other, !other.isEmpty {
            out.append("")
            out.append("The kit does not build. The compiler says:")
            out += other.prefix(12).map { "    " + $0 }
        }
        let done = lessons.filter { outcome.results[$0.number]?.status == .done }.count
        out.append("")
        out.append("\(done) of \(lessons.count) lessons done.")
        return out.joined(separator: "\n")
    }

    /// `Lesson 1`; `Lesson 1 ` when another lesson has two digits, so titles line up.
    static func label(_ lesson: Lesson, among lessons: [Lesson]) -> String {
        let twoDigits = lessons.contains { $0.number >= 10 }
        return twoDigits && lesson.number < 10 ? "Lesson \(lesson.number) " : "Lesson \(lesson.number)"
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    private static func indent(_ text: String, by prefix: String = "  ") -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { prefix + $0 }
    }
}
