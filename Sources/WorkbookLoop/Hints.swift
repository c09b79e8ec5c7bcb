import ExerciseMessages
import Foundation

/// Reads a note's hints: the `<details><summary>Hint K</summary> … </details>`
/// blocks under its `### Hints` heading (see CONTRIBUTING.md).
enum Hints {
    /// The body of each hint, in order, with blank lines around it removed.
    ///
    /// A note whose `### Hints` section is a numbered list (`1. …`) instead
    /// of `<details>` blocks gives one hint per item.
    static func parse(note: String) -> [String] {
        let lines = section(of: note)
        let blocks = detailsBlocks(lines)
        return blocks.isEmpty ? listItems(lines) : blocks
    }

    /// The hints' heading, in an English note and in its Russian twin
    /// (`Lessons/ru/`), lower-cased.
    static let headings: Set<String> = ["hints", "подсказки"]

    /// The lines under `### Hints` (`### Подсказки`), up to the next heading of its level or higher.
    static func section(of note: String) -> [String] {
        var section: [String] = []
        var level: Int?
        var inFence = false
        for line in note.components(separatedBy: "\n") {
            if line.hasPrefix("```") { inFence.toggle() }
            let hashes = inFence ? 0 : line.prefix { $0 == "#" }.count
            let isHeading = hashes > 0 && line.dropFirst(hashes).hasPrefix(" ")
            if let open = level {
                if isHeading && hashes <= open { break }
                section.append(line)
            } else if isHeading, headings.contains(line.dropFirst(hashes).trimmingCharacters(in: .whitespaces).lowercased()) {
                level = hashes
            }
        }
        return section
    }

    private static func detailsBlocks(_ lines: [String]) -> [String] {
        var hints: [String] = []
        var body: [String]?
        for line in lines {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("<details") {
                // `<details><summary>Hint 1</summary>` and, rarely, text after it.
                var rest = trimmed
                if let end = rest.range(of: "</summary>") { rest = String(rest[end.upperBound...]) } else { rest = "" }
                body = rest.isEmpty ? [] : [rest]
            } else if trimmed.hasPrefix("</details>"), let lines = body {
                hints.append(trimBlankLines(lines).joined(separator: "\n"))
                body = nil
            } else if body != nil {
                body?.append(line)
            }
        }
        return hints.filter { !$0.isEmpty }
    }

    private static func listItems(_ lines: [String]) -> [String] {
        var hints: [[String]] = []
        for line in lines {
            let digits = line.prefix { $0.isNumber }
            if !digits.isEmpty, line.dropFirst(digits.count).hasPrefix(". ") {
                hints.append([String(line.dropFirst(digits.count + 2))])
            } else if !hints.isEmpty, line.hasPrefix(" ") || line.isEmpty {
                hints[hints.count - 1].append(line.trimmingCharacters(in: .whitespaces))
            } else if !hints.isEmpty {
                break
            }
        }
        return hints.map { trimBlankLines($0).joined(separator: "\n") }
    }

    private static func trimBlankLines(_ lines: [String]) -> [String] {
        var lines = lines
        while lines.first?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeFirst() }
        while lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeLast() }
        return lines
    }

    /// What `hint N` prints, given how many hints were shown before.
    /// Returns the text and the new count to remember.
    static func next(lesson: Lesson, hints: [String], shownBefore: Int,
                     language: WorkbookLanguage = .english) -> (text: String, shown: Int) {
        let note = lesson.noteOrFolder
        let (number, solution, exercise) = (lesson.number, lesson.solutionFolder, lesson.exerciseFolder)
        guard !hints.isEmpty else {
            return (language.say(
                "Lesson \(number) has no hints. Its note, \(note), explains the exercise (section \"Exercise\");\n"
                    + "the finished version is in \(solution)/.",
                russian: "У урока \(number) нет подсказок. Упражнение объясняет его заметка, \(note) (раздел «Упражнение»);\n"
                    + "готовая версия — в \(solution)/."), shownBefore)
        }
        guard shownBefore < hints.count else {
            return (language.say("""
                You have seen all \(hints.count) hints for lesson \(number).
                The finished version is in \(solution)/ — compare it with your \(exercise)/,
                or run it: WORKBOOK=solutions swift run lesson-\(number)
                To read the hints again from the first: swift run workbook hint \(number) --again
                """, russian: """
                Вы уже видели все подсказки к уроку \(number) (их \(hints.count)).
                Готовая версия — в \(solution)/: сравните её со своей \(exercise)/
                или запустите её: WORKBOOK=solutions swift run lesson-\(number)
                Чтобы читать подсказки снова с первой: swift run workbook hint \(number) --again
                """), shownBefore)
        }
        let shown = shownBefore + 1
        var text = language.say("Lesson \(number), hint \(shown) of \(hints.count):",
                                russian: "Урок \(number), подсказка \(shown) из \(hints.count):") + "\n\n"
        text += hints[shownBefore].split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n")
        text += "\n\n"
        if shown < hints.count {
            text += language.say("Still stuck? The next hint: swift run workbook hint \(number)",
                                 russian: "Всё ещё не получается? Следующая подсказка: swift run workbook hint \(number)")
        } else {
            text += language.say("That was the last hint. The finished version is in \(solution)/.",
                                 russian: "Это была последняя подсказка. Готовая версия — в \(solution)/.")
        }
        return (text, shown)
    }
}
