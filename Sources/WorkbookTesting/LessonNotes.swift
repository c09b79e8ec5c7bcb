import Foundation

/// What one of the note checks (excerpts, diagrams, links, trees) found
/// wrong: the page, the line, and what to do about it.
public struct NoteProblem: CustomStringConvertible, Equatable, Sendable {
    /// The page, relative to the kit's root (`Lessons/05-migrations.md`).
    public var note: String
    /// The page's line (from 1) the problem is on.
    public var line: Int
    /// What is wrong and how to fix it.
    public var message: String

    public var description: String { "\(note):\(line): \(message)" }
}

/// The kit's notes, `Lessons/*.md`, which every note check reads.
public enum LessonNotes {
    /// Each note under `root`, in file-name order, by its path relative to
    /// `root` (`Lessons/01-first-steps.md`).
    public static func paths(root: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Lessons").path)
            .filter { $0.hasSuffix(".md") }
            .sorted()
            .map { "Lessons/\($0)" }
    }

    /// Each note under `root`: its path relative to `root`, and its text.
    public static func read(root: URL) throws -> [(path: String, text: String)] {
        try paths(root: root).map { path in
            (path, try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8))
        }
    }
}
