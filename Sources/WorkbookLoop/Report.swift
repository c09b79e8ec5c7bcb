import ExerciseMessages
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

/// The text the commands print, in the learner's language. Pure: results in, text out.
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
    static func progress(lessons: [Lesson], outcome: CheckOutcome, doneBefore: Set<Int> = [],
                         language: WorkbookLanguage = .english) -> String {
        let (states, current) = rows(lessons: lessons, results: outcome.results, doneBefore: doneBefore)
        let doneCount = states.filter { $0 == .done }.count
        var out = [language.say("Swift server workbook: \(doneCount) of \(lessons.count) lessons done",
                                russian: "Практикум по серверному Swift — готово уроков: \(doneCount) из \(lessons.count)"),
                   bar(done: doneCount, total: lessons.count), ""]
        let width = lessons.map(\.title.count).max() ?? 0
        for (lesson, state) in zip(lessons, states) {
            let (symbol, word) = switch state {
            case .done: ("✔", language.say("done", russian: "пройден"))
            case .current: ("➜", language.say("current", russian: "текущий"))
            case .notStarted: ("·", language.say("not started", russian: "не начат"))
            }
            out.append("  \(symbol) \(label(lesson, among: lessons, language: language))  \(pad(lesson.title, width))  \(word)")
        }
        out.append("")
        guard let lesson = current else {
            out.append(language.say("Every lesson is done. `swift run workbook verify` checks them all again.",
                                    russian: "Все уроки пройдены. `swift run workbook verify` проверит их все ещё раз."))
            return out.joined(separator: "\n")
        }
        out.append(language.say("Now: lesson \(lesson.number), \(lesson.title)",
                                russian: "Сейчас: урок \(lesson.number), \(lesson.title)"))
        out += currentLessonLines(lesson, outcome: outcome, language: language)
        out.append("")
        out.append(language.say("  Read:    \(lesson.noteOrFolder)",
                                russian: "  Читайте:   \(lesson.noteOrFolder)"))
        out.append(language.say(
            "  Then:    swift run workbook watch     (checks lesson \(lesson.number) again each time you save)",
            russian: "  Затем:     swift run workbook watch     (проверяет урок \(lesson.number) заново при каждом сохранении)"))
        out.append(language.say("  Stuck?   swift run workbook hint \(lesson.number)",
                                russian: "  Застряли?  swift run workbook hint \(lesson.number)"))
        return out.joined(separator: "\n")
    }

    /// What is still missing in `lesson`, as `progress` and `watch` show it.
    static func currentLessonLines(_ lesson: Lesson, outcome: CheckOutcome,
                                   language: WorkbookLanguage = .english) -> [String] {
        let result = outcome.results[lesson.number]
        let fail = language.say("Its checks fail.", russian: "Его проверки не проходят.")
        switch result?.status {
        case .done:
            return [language.say("  Its checks pass.", russian: "  Его проверки проходят.")]
        case .notDone:
            return indent(result?.message ?? fail)
        case .broken:
            if outcome.compileErrors?.byLesson[lesson.number] != nil {
                return compileErrorLines(outcome.compileErrors, language: language)
            }
            var lines = indent(result?.message ?? fail)
            if let first = result?.details.first, first != result?.message { lines += indent(first) }
            return lines
        case .notChecked, nil:
            return compileErrorLines(outcome.compileErrors, language: language)
        }
    }

    /// The compiler's errors, and what to do about them.
    static func compileErrorLines(_ errors: CompileErrors?, limit: Int = 12,
                                  language: WorkbookLanguage = .english) -> [String] {
        guard let errors, !errors.isEmpty else {
            return [language.say("  Its checks could not run. `swift test` shows why, in full.",
                                 russian: "  Его проверки не удалось запустить. Почему — подробно покажет `swift test`.")]
        }
        var lines: [String] = []
        for (lesson, errorLines) in errors.byLesson.sorted(by: { $0.key < $1.key }) {
            lines.append(language.say(
                "  Lesson \(lesson) does not compile, so no check can run. The compiler says:",
                russian: "  Урок \(lesson) не компилируется, поэтому ни одна проверка не может запуститься. Компилятор пишет:"))
            lines += errorLines.prefix(limit).map { "    " + $0 }
        }
        if !errors.other.isEmpty {
            lines.append(language.say("  The kit does not build. The compiler says:",
                                      russian: "  Практикум не собирается. Компилятор пишет:"))
            lines += errors.other.prefix(limit).map { "    " + $0 }
        }
        if errors.byLesson.isEmpty, errors.other.contains(where: { $0.contains("failed due to signal") }) {
            lines.append(language.say(
                "  The Swift compiler itself crashed. Run the same command again; if it crashes again,",
                russian: "  Упал сам компилятор Swift. Запустите ту же команду ещё раз; если он упадёт снова,"))
            lines.append(language.say("  undo your last change and make it in smaller steps.",
                                      russian: "  отмените последнее изменение и внесите его меньшими шагами."))
        } else {
            lines.append(language.say("  Fix these errors, save, and check again.",
                                      russian: "  Исправьте эти ошибки, сохраните и проверьте снова."))
        }
        return lines
    }

    /// `verify`: every lesson's status, with its message.
    static func verify(lessons: [Lesson], outcome: CheckOutcome, language: WorkbookLanguage = .english) -> String {
        var out: [String] = []
        let width = lessons.map(\.title.count).max() ?? 0
        for lesson in lessons {
            let result = outcome.results[lesson.number] ?? LessonResult(status: .notChecked)
            let head = "\(label(lesson, among: lessons, language: language))  \(pad(lesson.title, width))  "
            switch result.status {
            case .done:
                out.append("✔ " + head + language.say("done", russian: "пройден"))
            case .notDone:
                out.append("· " + head + language.say("not done", russian: "не пройден"))
                out += indent(result.message ?? "", by: "    ")
            case .broken:
                if let errors = outcome.compileErrors?.byLesson[lesson.number] {
                    out.append("✘ " + head + language.say("broken: does not compile", russian: "сломан: не компилируется"))
                    out += errors.prefix(12).map { "    " + $0 }
                } else {
                    out.append("✘ " + head + language.say("broken", russian: "сломан"))
                    let lines = result.details.isEmpty ? [result.message ?? ""] : result.details
                    for line in lines.prefix(6) { out += indent(line, by: "    ") }
                    if lines.count > 6 {
                        out.append(language.say("    … and \(lines.count - 6) more", russian: "    … и ещё \(lines.count - 6)"))
                    }
                }
            case .notChecked:
                out.append("? " + head + language.say("not checked (the kit does not build)",
                                                      russian: "не проверен (практикум не собирается)"))
            }
        }
        if let other = outcome.compileErrors?.other, !other.isEmpty {
            out.append("")
            out.append(language.say("The kit does not build. The compiler says:",
                                    russian: "Практикум не собирается. Компилятор пишет:"))
            out += other.prefix(12).map { "    " + $0 }
        }
        let done = lessons.filter { outcome.results[$0.number]?.status == .done }.count
        out.append("")
        out.append(language.say("\(done) of \(lessons.count) lessons done.",
                                russian: "Готово уроков: \(done) из \(lessons.count)."))
        return out.joined(separator: "\n")
    }

    /// `Lesson 1` (`Урок 1`); `Lesson 1 ` when another lesson has two digits, so titles line up.
    static func label(_ lesson: Lesson, among lessons: [Lesson], language: WorkbookLanguage = .english) -> String {
        let twoDigits = lessons.contains { $0.number >= 10 }
        let label = language.say("Lesson \(lesson.number)", russian: "Урок \(lesson.number)")
        return twoDigits && lesson.number < 10 ? label + " " : label
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    private static func indent(_ text: String, by prefix: String = "  ") -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { prefix + $0 }
    }
}
