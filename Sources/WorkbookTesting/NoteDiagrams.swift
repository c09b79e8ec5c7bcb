import Foundation

/// Keeps the notes' diagrams honest: every ```` ```mermaid ```` block in a
/// note is the output of a command that prints one, and must still be what
/// that command prints, as ``NoteExcerpts`` keeps Swift excerpts honest.
///
/// In a note, a diagram follows the command that printed it:
///
///     <!-- run -->
///     ```sh
///     swift run lesson-5 history --diagram
///     ```
///
///     <!-- output -->
///     ```mermaid
///     flowchart LR
///     ...
///     ```
///
/// The command is the last `swift run lesson-N diagram` or
/// `swift run lesson-N history --diagram` of the shell block before the
/// `<!-- output -->` mark (a `not run` block counts too). `…` inside a line
/// matches any text, as in ``scripts/play-notes``: a revision id the
/// learner's `revision` command makes up is shown as `…`.
///
/// Checking needs the lessons' code, which this module does not link: the
/// caller regenerates each ``Block`` (the `NoteDiagramsTests` target does,
/// from the finished lessons).
public enum NoteDiagrams {
    /// What a diagram command draws.
    public enum Kind: Sendable, Equatable {
        /// `diagram`: the models' tables, an `erDiagram`.
        case schema
        /// `history --diagram`: the revisions, a `flowchart`.
        case history
    }

    /// One diagram in a note, and the command that prints it.
    public struct Block: Sendable, Equatable {
        /// The note, relative to the kit's root.
        public var note: String
        /// The note's line of the ```` ```mermaid ```` fence.
        public var line: Int
        /// The lesson whose command prints it (`lesson-5` → 5).
        public var lesson: Int
        /// What it draws.
        public var kind: Kind
        /// The command as the note writes it (without what comes before `swift run`).
        public var command: String
        /// The block's lines, without the fence's indentation.
        public var shown: [String]

        /// For a history: how many revisions it shows (nodes `r1`…`rN`).
        public var revisionCount: Int {
            shown.filter { $0.trimmingCharacters(in: .whitespaces).range(of: #"^r\d+\["#, options: .regularExpression) != nil }.count
        }

        /// For a history: the position of the node marked current (`class rK
        /// current` → K; base → 0), or `nil` when no node is marked.
        public var currentPosition: Int? {
            for line in shown {
                let words = line.split(separator: " ")
                guard words.count == 3, words[0] == "class", words[2] == "current" else { continue }
                if words[1] == "base" { return 0 }
                if words[1].hasPrefix("r"), let position = Int(words[1].dropFirst()) { return position }
            }
            return nil
        }
    }

    /// One problem this check found.
    public typealias Problem = NoteProblem

    /// The diagrams of one note's text, and the ```` ```mermaid ```` blocks
    /// that are not a command's output.
    public static func blocks(in text: String, named name: String) -> (blocks: [Block], problems: [Problem]) {
        let lines = text.components(separatedBy: "\n")
        var blocks: [Block] = []
        var problems: [Problem] = []
        var lastShell: [String] = [] // the commands of the last shell block
        var index = 0
        while index < lines.count {
            guard let fence = fence(lines[index]) else {
                index += 1
                continue
            }
            var body: [String] = []
            var end = index + 1
            while end < lines.count, !isClosing(lines[end], of: fence.marker) {
                body.append(String(lines[end].dropFirst(min(fence.indent, leadingSpaces(lines[end])))))
                end += 1
            }
            if ["sh", "bash", "shell", "console", "zsh"].contains(fence.language) {
                lastShell = commands(body)
            } else if fence.language == "mermaid" {
                let start = index + 1
                if !isOutputMark(above: index, in: lines) {
                    problems.append(Problem(note: name, line: start, message:
                        "a Mermaid diagram in a note must be a command's output: put the command (swift run lesson-N diagram, "
                        + "or swift run lesson-N history --diagram) in a ```sh block above it, and <!-- output --> on the line before the diagram"))
                } else if let (lesson, kind, command) = lastShell.reversed().lazy.compactMap(diagramCommand).first {
                    blocks.append(Block(note: name, line: start, lesson: lesson, kind: kind, command: command, shown: body))
                } else {
                    problems.append(Problem(note: name, line: start, message:
                        "the shell block before this diagram runs no diagram command (swift run lesson-N diagram, "
                        + "or swift run lesson-N history --diagram), so nothing can regenerate it"))
                }
            }
            index = end + 1
        }
        return (blocks, problems)
    }

    /// The problems of one note: each diagram regenerated by `regenerate`
    /// (the lines its command prints now) and compared with the note's.
    public static func check(
        note text: String, named name: String, regenerate: (Block) async throws -> [String]
    ) async -> [Problem] {
        let (blocks, problems) = blocks(in: text, named: name)
        var found = problems
        for block in blocks {
            let printed: [String]
            do {
                printed = try await regenerate(block)
            } catch {
                found.append(Problem(note: name, line: block.line, message:
                    "`\(block.command)` could not be run to check this diagram: \(error)"))
                continue
            }
            if let difference = firstDifference(shown: block.shown, printed: printed) {
                found.append(Problem(note: name, line: block.line, message: """
                    this diagram is not what `\(block.command)` prints (\(difference)). \
                    Regenerate it: run `\(block.command)` at this point of the note\(state(of: block)) \
                    and paste its output into the block, writing `…` where the note shows one (an id the learner's \
                    revision makes up). With the finished lessons it prints now:
                    \(printed.joined(separator: "\n"))
                    """))
            }
        }
        return found
    }

    /// The problems of every English note in `Lessons/` under `root`, and
    /// how many diagrams were checked. (A Russian twin's diagrams are its
    /// original's, byte for byte, as ``NoteTwins`` checks.)
    public static func checkAll(
        root: URL, regenerate: (Block) async throws -> [String]
    ) async throws -> (problems: [Problem], checked: [Block]) {
        var problems: [Problem] = []
        var checked: [Block] = []
        for note in try LessonNotes.read(LessonNotes.originalPaths(root: root), root: root) {
            checked += blocks(in: note.text, named: note.path).blocks
            problems += await check(note: note.text, named: note.path, regenerate: regenerate)
        }
        return (problems, checked)
    }

    /// Where a shown diagram first differs from the printed one, in words;
    /// `nil` when every line matches (trailing spaces aside, `…` matching any text).
    public static func firstDifference(shown: [String], printed: [String]) -> String? {
        let shown = trimBlank(shown.map(trimTrailing))
        let printed = trimBlank(printed.map(trimTrailing))
        for (offset, (a, b)) in zip(shown, printed).enumerated() where !lineMatches(shown: a, printed: b) {
            return "its line \(offset + 1) shows `\(a.trimmingCharacters(in: .whitespaces))`, "
                + "the command prints `\(b.trimmingCharacters(in: .whitespaces))`"
        }
        if shown.count < printed.count {
            return "the command prints \(printed.count - shown.count) more line(s), from `\(printed[shown.count].trimmingCharacters(in: .whitespaces))`"
        }
        if shown.count > printed.count {
            return "the note shows \(shown.count - printed.count) line(s) more than the command prints, from `\(shown[printed.count].trimmingCharacters(in: .whitespaces))`"
        }
        return nil
    }

    // MARK: - Parsing

    private static func state(of block: Block) -> String {
        guard block.kind == .history, let current = block.currentPosition else { return "" }
        return current == 0 ? " (with the database at base)" : " (with the database at the revision marked current, r\(current))"
    }

    /// `(lesson, kind, command)` when `command` runs a lesson's diagram command.
    static func diagramCommand(_ command: String) -> (Int, Kind, String)? {
        let pattern = #"swift run (?:--\S+ \S+ )*lesson-(\d+) (history --diagram|diagram)(?=\s|$)"#
        guard let range = command.range(of: pattern, options: .regularExpression) else { return nil }
        let matched = String(command[range])
        let words = matched.split(separator: " ")
        guard let lessonWord = words.first(where: { $0.hasPrefix("lesson-") }),
              let lesson = Int(lessonWord.dropFirst("lesson-".count)) else { return nil }
        return (lesson, matched.hasSuffix("history --diagram") ? .history : .schema, matched)
    }

    /// A shell block's commands: `#` and blank lines skipped, `\` continuing a line.
    static func commands(_ body: [String]) -> [String] {
        var commands: [String] = []
        var pending = ""
        for raw in body {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if pending.isEmpty, line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasSuffix("\\") {
                pending += line.dropLast() + " "
                continue
            }
            commands.append(pending + line)
            pending = ""
        }
        if !pending.isEmpty { commands.append(pending) }
        return commands
    }

    private static func fence(_ line: String) -> (indent: Int, marker: String, language: String)? {
        let indent = leadingSpaces(line)
        let rest = line.dropFirst(indent)
        let marker = String(rest.prefix { $0 == "`" })
        guard marker.count >= 3 else { return nil }
        let language = rest.dropFirst(marker.count).prefix { !$0.isWhitespace && $0 != "`" }.lowercased()
        return (indent, marker, language)
    }

    private static func isClosing(_ line: String, of marker: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.count >= marker.count && trimmed.allSatisfy { $0 == "`" }
    }

    private static func isOutputMark(above index: Int, in lines: [String]) -> Bool {
        guard index > 0 else { return false }
        let mark = lines[index - 1].trimmingCharacters(in: .whitespaces)
        return mark.replacingOccurrences(of: " ", with: "") == "<!--output-->"
    }

    private static func leadingSpaces(_ line: String) -> Int {
        line.prefix { $0 == " " }.count
    }

    private static func lineMatches(shown: String, printed: String) -> Bool {
        guard shown.contains("…") else { return shown == printed }
        let parts = shown.components(separatedBy: "…")
        guard printed.hasPrefix(parts[0]) else { return false }
        var rest = printed.dropFirst(parts[0].count)
        for (offset, part) in parts.enumerated().dropFirst() {
            if offset == parts.count - 1 { return rest.hasSuffix(part) }
            guard let found = rest.range(of: part) else { return false }
            rest = rest[found.upperBound...]
        }
        return true
    }

    private static func trimTrailing(_ line: String) -> String {
        var line = line
        while line.last == " " || line.last == "\t" || line.last == "\r" { line.removeLast() }
        return line
    }

    private static func trimBlank(_ lines: [String]) -> [String] {
        Array(lines.drop { $0.isEmpty }.reversed().drop { $0.isEmpty }.reversed())
    }
}
