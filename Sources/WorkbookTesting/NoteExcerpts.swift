import Foundation

/// Keeps the lesson notes honest: every Swift excerpt in a note names the
/// file it comes from, and must still be in that file, word for word.
///
/// In a note, an excerpt is a ```` ```swift ```` block whose nearest
/// non-blank line above says where it comes from:
///
///     From `Solutions/01-first-steps/FirstSteps.swift`:
///
///     ```swift
///     app.get { req async -> Message in
///     // …
///     ```
///
/// A line that is only `// …` leaves lines out: the parts between such lines
/// must each appear in the file as consecutive lines, in the same order.
///
/// A Russian twin (`Lessons/ru/`) says where an excerpt comes from in
/// Russian, ``Из `path`:``, which this check reads as well.
///
/// A ```` ```python ```` block is checked the same way when the line above
/// names a Python file (``From `Benchmarks/service/fastapi_app/app.py`:``),
/// with `# …` leaving lines out. A Python block without such a line retells
/// the walkthrough's code and is not checked.
public enum NoteExcerpts {
    /// A fenced language whose blocks the check reads.
    enum Language {
        case swift, python

        /// The language of a fence line such as ```` ```swift ````, if checked.
        init?(fence line: String) {
            switch line.trimmingCharacters(in: .whitespaces) {
            case "```swift": self = .swift
            case "```python": self = .python
            default: return nil
            }
        }

        /// The comment that stands for left-out lines.
        var elisions: Set<String> {
            switch self {
            case .swift: ["// …", "// ..."]
            case .python: ["# …", "# ..."]
            }
        }
    }

    /// One problem this check found.
    public typealias Problem = NoteProblem

    /// The problems of every note in `Lessons/` under `root`.
    public static func checkAll(root: URL) throws -> [Problem] {
        try LessonNotes.read(root: root).flatMap { note in
            check(note: note.text, named: note.path, root: root)
        }
    }

    /// The problems of one note's text.
    public static func check(note text: String, named name: String, root: URL) -> [Problem] {
        let lines = text.components(separatedBy: "\n")
        var problems: [Problem] = []
        var index = 0
        while index < lines.count {
            guard let language = Language(fence: lines[index]) else {
                index += 1
                continue
            }
            let start = index
            var body: [String] = []
            index += 1
            while index < lines.count, lines[index].trimmingCharacters(in: .whitespaces) != "```" {
                body.append(lines[index])
                index += 1
            }
            index += 1
            func problem(_ message: String) {
                problems.append(Problem(note: name, line: start + 1, message: message))
            }

            let source = sourcePath(above: start, in: lines)
            if language == .python {
                // Only a Python block that names a Python file is an excerpt.
                guard let source, source.hasSuffix(".py") else { continue }
            }
            guard let source else {
                problem("a Swift excerpt must say where it comes from: put a line From `path/to/File.swift`: above it")
                continue
            }
            guard let file = try? String(contentsOf: root.appendingPathComponent(source), encoding: .utf8) else {
                problem("the excerpt names \(source), which does not exist")
                continue
            }
            if let missing = firstMissingPart(of: body, in: file, elisions: language.elisions) {
                problem("the excerpt no longer matches \(source); this part is not in it (in this order):\n\(missing)")
            }
        }
        return problems
    }

    /// The words before an excerpt's path: ``From `path`:``, or in a
    /// Russian twin ``Из `path`:``.
    public static let sourcePrefixes = ["From `", "Из `"]

    /// The path in ``From `path`:`` (or ``Из `path`:``) on the nearest
    /// non-blank line above `line`.
    public static func sourcePath(above line: Int, in lines: [String]) -> String? {
        var index = line - 1
        while index >= 0, lines[index].trimmingCharacters(in: .whitespaces).isEmpty { index -= 1 }
        guard index >= 0 else { return nil }
        let text = lines[index]
        guard let from = sourcePrefixes.lazy.compactMap({ text.range(of: $0) }).first,
              let end = text[from.upperBound...].firstIndex(of: "`") else {
            return nil
        }
        return String(text[from.upperBound..<end])
    }

    /// The first part of the excerpt (split at `// …` lines, or whichever
    /// `elisions` says) that is not in `file` after the parts before it, or
    /// `nil` when all are.
    static func firstMissingPart(of excerpt: [String], in file: String,
                                 elisions: Set<String> = Language.swift.elisions) -> String? {
        let fileLines = file.components(separatedBy: "\n").map(trimTrailing)
        var parts: [[String]] = [[]]
        for line in excerpt.map(trimTrailing) {
            if elisions.contains(line.trimmingCharacters(in: .whitespaces)) {
                parts.append([])
            } else {
                parts[parts.count - 1].append(line)
            }
        }
        var searchFrom = 0
        for part in parts {
            let part = Array(part.drop { $0.isEmpty }.reversed().drop { $0.isEmpty }.reversed())
            if part.isEmpty { continue }
            guard let found = find(part, in: fileLines, from: searchFrom) else {
                return part.joined(separator: "\n")
            }
            searchFrom = found + part.count
        }
        return nil
    }

    private static func find(_ part: [String], in lines: [String], from start: Int) -> Int? {
        guard part.count <= lines.count else { return nil }
        var index = start
        while index + part.count <= lines.count {
            if Array(lines[index..<index + part.count]) == part { return index }
            index += 1
        }
        return nil
    }

    private static func trimTrailing(_ line: String) -> String {
        var line = line
        while line.last == " " || line.last == "\t" || line.last == "\r" { line.removeLast() }
        return line
    }
}

/// The kit's root folder, found from a test file's `#filePath`
/// (`<root>/Tests/<Target>/<File>.swift`).
public func workbookRoot(from filePath: String = #filePath) -> URL {
    URL(fileURLWithPath: filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()
}
