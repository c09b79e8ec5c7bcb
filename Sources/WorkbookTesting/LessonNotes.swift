import ExerciseMessages
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

/// The kit's notes, `Lessons/*.md`, and their Russian twins,
/// `Lessons/ru/*.md` and `README.ru.md`, which every note check reads.
public enum LessonNotes {
    /// The folder of the Russian twins, relative to the kit's root: the
    /// twin of `Lessons/03-orm-model.md` is `Lessons/ru/03-orm-model.md`.
    public static let russianFolder = ExerciseMessage.russianNotesFolder

    /// The README's Russian twin, at the kit's root: its original is `README.md`.
    public static let russianReadme = "README.ru.md"

    /// Each English note under `root`, in file-name order, by its path
    /// relative to `root` (`Lessons/01-first-steps.md`).
    public static func originalPaths(root: URL) throws -> [String] {
        try markdownFiles(in: "Lessons", root: root)
    }

    /// Each Russian twin under `root`: the notes' in file-name order
    /// (`Lessons/ru/01-first-steps.md`; none when the folder is missing),
    /// then `README.ru.md` when it exists.
    public static func russianPaths(root: URL) throws -> [String] {
        var isFolder: ObjCBool = false
        let notes = FileManager.default.fileExists(atPath: root.appendingPathComponent(russianFolder).path,
                                                   isDirectory: &isFolder) && isFolder.boolValue
            ? try markdownFiles(in: russianFolder, root: root) : []
        let readme = FileManager.default.fileExists(atPath: root.appendingPathComponent(russianReadme).path)
        return notes + (readme ? [russianReadme] : [])
    }

    /// The English page a Russian twin translates: `Lessons/ru/X.md` →
    /// `Lessons/X.md`, and `README.ru.md` → `README.md`.
    public static func original(ofTwin twin: String) -> String {
        twin == russianReadme ? "README.md" : "Lessons/" + (twin as NSString).lastPathComponent
    }

    /// Every note under `root`, English then Russian, by its path relative to `root`.
    public static func paths(root: URL) throws -> [String] {
        try originalPaths(root: root) + russianPaths(root: root)
    }

    /// Each note under `root` (English then Russian): its path relative to `root`, and its text.
    public static func read(root: URL) throws -> [(path: String, text: String)] {
        try read(paths(root: root), root: root)
    }

    /// The text of each of `paths`, relative to `root`.
    public static func read(_ paths: [String], root: URL) throws -> [(path: String, text: String)] {
        try paths.map { path in
            (path, try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8))
        }
    }

    private static func markdownFiles(in folder: String, root: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)
            .filter { $0.hasSuffix(".md") }
            .sorted()
            .map { "\(folder)/\($0)" }
    }
}
