import ExerciseMessages
import Foundation

/// Keeps the two languages of the notes from drifting apart: each Russian
/// twin `Lessons/ru/X.md` must have the English note `Lessons/X.md`, and
/// the two must have
///
/// - the same sections: the same headings' levels (`#`, `##`, `###`), in
///   the same order (the words are translated, so only levels are compared);
/// - in each section, the same fenced blocks (commands, output, code,
///   diagrams), byte for byte, in the same order;
/// - before each block, the same mark (`<!-- run -->`, `<!-- output -->`,
///   `<!-- serve -->`, `<!-- exercise: … -->`, …; a `not run:` mark's
///   reason is prose, and may be translated);
/// - above each excerpt, the same path (``From `path`:`` in English,
///   ``Из `path`:`` in Russian).
///
/// So a command, its expected output or an excerpt changed in one language
/// and not in the other fails, naming the twin, the section and the block.
///
/// One difference is required rather than allowed: where a block of the
/// English note shows the kit's own exercise message (`Exercise not done
/// yet. TODO(lesson 1): … Write it in … — the note … explains how (section
/// "Exercise").`), the Russian twin shows what a learner who chose Russian
/// sees in its place, the same message as ``ExerciseMessage`` words it in
/// Russian (``inRussian(_:)``). The English line is played against the
/// program by `scripts/play-notes`; its Russian form is made by the same
/// code the program prints it with.
public enum NoteTwins {
    /// One problem this check found.
    public typealias Problem = NoteProblem

    /// A note cut at its headings.
    struct Section {
        /// The heading's level (1 for `#`); 0 for the text before the first heading.
        var level: Int
        /// The heading as written, without its `#`s.
        var title: String
        /// The heading's line (from 1).
        var line: Int
        var blocks: [Block] = []
    }

    /// One fenced block, with what stands before it.
    struct Block: Equatable {
        /// The fence's line (from 1).
        var line: Int
        /// The lines from the opening fence to the closing one, both included.
        var lines: [String]
        /// The `<!-- … -->` mark on the nearest non-blank line above, if any
        /// (`not run: REASON` is kept as `not run`).
        var mark: String?
        /// The path of ``From `path`:`` above the block, if any.
        var source: String?
    }

    /// The problems of every Russian twin under `root`.
    public static func checkAll(root: URL) throws -> [Problem] {
        try LessonNotes.russianPaths(root: root).flatMap { twin in
            let original = LessonNotes.original(ofTwin: twin)
            let twinText = try String(contentsOf: root.appendingPathComponent(twin), encoding: .utf8)
            guard let originalText = try? String(contentsOf: root.appendingPathComponent(original), encoding: .utf8) else {
                return [Problem(note: twin, line: 1, message:
                    "\(twin) is the Russian twin of \(original), which does not exist: rename the twin, or remove it")]
            }
            return check(twin: twinText, named: twin, original: originalText, named: original)
        }
    }

    /// The differences between a twin's text and its original's.
    public static func check(twin twinText: String, named twinName: String,
                             original originalText: String, named originalName: String) -> [Problem] {
        let twin = sections(of: twinText)
        let original = sections(of: originalText)
        var problems: [Problem] = []

        func describe(_ index: Int, _ section: Section) -> String {
            section.level == 0 ? "before the first heading" : "section \(index) («\(section.title)»)"
        }

        // The sections: the same levels, in the same order.
        for index in 0..<max(twin.count, original.count) {
            guard index < twin.count else {
                let missing = original[index]
                problems.append(Problem(note: twinName, line: twin.last?.line ?? 1, message:
                    "\(originalName) has \(original.count - 1) sections, this twin \(twin.count - 1): "
                    + "it has no \(describe(index, missing)), \(String(repeating: "#", count: missing.level)) at its line \(missing.line)"))
                break
            }
            guard index < original.count else {
                problems.append(Problem(note: twinName, line: twin[index].line, message:
                    "\(describe(index, twin[index])) is not in \(originalName), which has \(original.count - 1) sections"))
                break
            }
            if twin[index].level != original[index].level {
                problems.append(Problem(note: twinName, line: twin[index].line, message:
                    "\(describe(index, twin[index])) is a level-\(twin[index].level) heading; "
                    + "\(originalName)'s section \(index) («\(original[index].title)») is level \(original[index].level)"))
                break
            }
        }
        guard problems.isEmpty else { return problems }

        // In each section: the same blocks, marks and excerpt paths.
        for (index, (mine, theirs)) in zip(twin, original).enumerated() {
            let whereMine = "\(describe(index, mine))"
            let theirsName = "\(originalName)'s (section «\(theirs.title)», line \(theirs.line))"
            for number in 0..<max(mine.blocks.count, theirs.blocks.count) {
                guard number < mine.blocks.count else {
                    let block = theirs.blocks[number]
                    problems.append(Problem(note: twinName, line: mine.line, message:
                        "\(whereMine): has \(mine.blocks.count) code blocks, \(theirsName) \(theirs.blocks.count); "
                        + "it lacks code block \(number + 1), \(originalName):\(block.line):\n\(block.lines.joined(separator: "\n"))"))
                    break
                }
                let block = mine.blocks[number]
                guard number < theirs.blocks.count else {
                    problems.append(Problem(note: twinName, line: block.line, message:
                        "\(whereMine): has \(mine.blocks.count) code blocks, \(theirsName) \(theirs.blocks.count); "
                        + "code block \(number + 1) is not in the original:\n\(block.lines.joined(separator: "\n"))"))
                    break
                }
                let other = theirs.blocks[number]
                let expected = other.lines.map(inRussian)
                if block.lines != expected {
                    let translated = expected != other.lines
                        ? " (the kit's exercise message in Russian, as `WORKBOOK_LANG=ru` prints it)" : ""
                    problems.append(Problem(note: twinName, line: block.line, message:
                        "\(whereMine): code block \(number + 1) differs from \(theirsName), "
                        + "the block at \(originalName):\(other.line)\(translated): \(firstDifference(block.lines, expected))"))
                }
                if block.mark != other.mark {
                    problems.append(Problem(note: twinName, line: block.line, message:
                        "\(whereMine): code block \(number + 1)'s mark is \(show(block.mark)), "
                        + "\(theirsName) is \(show(other.mark))"))
                }
                if block.source != other.source {
                    problems.append(Problem(note: twinName, line: block.line, message:
                        "\(whereMine): code block \(number + 1) is an excerpt of \(block.source.map { "`\($0)`" } ?? "no file"), "
                        + "\(theirsName) of \(other.source.map { "`\($0)`" } ?? "no file")"))
                }
            }
        }
        return problems
    }

    /// `line` of an English note's block as a learner who chose Russian
    /// sees it: each exercise message in it (``ExerciseMessage/text(lesson:file:missing:language:)``,
    /// also JSON-escaped inside a `{"detail":…}` body) and the words before
    /// it (``ExerciseMessage/notDoneYet(in:)``) in Russian; any other line
    /// as it is.
    public static func inRussian(_ line: String) -> String {
        var line = line
        let pattern = /TODO\(lesson (\d+)\): (.+?)\. Write it in (\S+) — the note (\S+) explains how \(section (\\?)"Exercise\\?"\)\./
        while let match = line.firstMatch(of: pattern), let lesson = Int(match.1) {
            let missing = String(match.2), file = String(match.3)
            var english = ExerciseMessage.text(lesson: lesson, file: file, missing: missing, language: .english)
            if !match.5.isEmpty { english = english.replacingOccurrences(of: "\"", with: "\\\"") }
            // Only the kit's own message, word for word, is translated.
            guard String(match.0) == english, String(match.4) == ExerciseMessage.note(forLesson: lesson) else { break }
            let russian = ExerciseMessage.text(lesson: lesson, file: file, missing: missing, language: .russian)
            line.replaceSubrange(match.range, with: russian)
        }
        return line.replacingOccurrences(of: ExerciseMessage.notDoneYet(in: .english),
                                         with: ExerciseMessage.notDoneYet(in: .russian))
    }

    /// `text` cut at its headings (outside fenced blocks), each with its blocks.
    static func sections(of text: String) -> [Section] {
        let lines = text.components(separatedBy: "\n")
        var sections = [Section(level: 0, title: "", line: 1)]
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                let marker = String(trimmed.prefix { $0 == trimmed.first })
                var end = index + 1
                while end < lines.count {
                    let closing = lines[end].trimmingCharacters(in: .whitespaces)
                    if closing.hasPrefix(marker), closing.allSatisfy({ $0 == marker.first }) { break }
                    end += 1
                }
                let block = Block(line: index + 1, lines: Array(lines[index..<min(end + 1, lines.count)]),
                                  mark: mark(above: index, in: lines),
                                  source: NoteExcerpts.sourcePath(above: index, in: lines))
                sections[sections.count - 1].blocks.append(block)
                index = end + 1
                continue
            }
            if let heading = line.firstMatch(of: /^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/) {
                sections.append(Section(level: heading.1.count, title: String(heading.2), line: index + 1))
            }
            index += 1
        }
        return sections
    }

    /// The `<!-- … -->` mark on the nearest non-blank line above `line`,
    /// with a `not run:` reason left out.
    static func mark(above line: Int, in lines: [String]) -> String? {
        var index = line - 1
        while index >= 0, lines[index].trimmingCharacters(in: .whitespaces).isEmpty { index -= 1 }
        guard index >= 0, let comment = lines[index].firstMatch(of: /^\s*<!--\s*(.*?)\s*-->\s*$/) else { return nil }
        let mark = String(comment.1)
        return mark.hasPrefix("not run:") ? "not run" : mark
    }

    private static func show(_ mark: String?) -> String {
        mark.map { "<!-- \($0) -->" } ?? "no mark"
    }

    /// Where two blocks' lines first differ, in words.
    private static func firstDifference(_ mine: [String], _ theirs: [String]) -> String {
        for (number, (a, b)) in zip(mine, theirs).enumerated() where a != b {
            return "its line \(number + 1) is\n    \(a)\nwhere the original's is\n    \(b)"
        }
        return mine.count < theirs.count
            ? "it lacks the original's lines from \(mine.count):\n    \(theirs[(mine.count - 1)...].joined(separator: "\n    "))"
            : "it has lines the original has not, from \(theirs.count):\n    \(mine[(theirs.count - 1)...].joined(separator: "\n    "))"
    }
}
