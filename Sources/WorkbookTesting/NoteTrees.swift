import Foundation

/// Keeps the folder trees the notes draw of the kit true: every file and
/// folder a tree names must exist.
///
/// A tree is checked when it is a ```` ```text ```` block whose first line
/// starts with `/your/kit/`, the notes' name for the kit's root:
///
///     /your/kit/
///     ├── Package.swift            what to build
///     └── Sources/
///         └── lesson-1/            a comment, after two spaces
///
/// Each entry is the text after `├── ` or `└── ` up to two spaces; its depth
/// is where that text starts, four columns a level. An entry that is only
/// `…` stands for more of the same and is not checked. Other trees (the
/// Python project's, say) are drawings and are not checked.
public enum NoteTrees {
    /// The notes' name for the kit's root folder.
    public static let kitRoot = "/your/kit/"

    /// One problem this check found.
    public typealias Problem = NoteProblem

    /// The problems of every note in `Lessons/` under `root`.
    public static func checkAll(root: URL) throws -> [Problem] {
        try LessonNotes.read(root: root).flatMap { note in
            check(note: note.text, named: note.path, root: root)
        }
    }

    /// The paths, relative to the kit's root, that each checked tree of `text` names, with their lines (from 1).
    public static func paths(in text: String) -> [(line: Int, path: String)] {
        let lines = text.components(separatedBy: "\n")
        var found: [(line: Int, path: String)] = []
        var index = 0
        while index < lines.count {
            defer { index += 1 }
            guard lines[index].trimmingCharacters(in: .whitespaces) == "```text",
                  index + 1 < lines.count, lines[index + 1].hasPrefix(kitRoot) else { continue }
            index += 1
            // The folder at each depth; depth 0 is the kit's root.
            var folders: [String] = [""]
            var line = index + 1
            while line < lines.count, lines[line].trimmingCharacters(in: .whitespaces) != "```" {
                defer { line += 1 }
                guard let entry = entry(lines[line]) else { continue }
                let parent = folders[min(entry.depth - 1, folders.count - 1)]
                folders.removeSubrange(min(entry.depth, folders.count)...)
                if entry.name == "…" { continue }
                let path = parent + entry.name
                found.append((line + 1, path))
                if path.hasSuffix("/") { folders.append(path) }
            }
            index = line
        }
        return found
    }

    /// The problems of one note's text.
    public static func check(note text: String, named name: String, root: URL) -> [Problem] {
        paths(in: text).compactMap { line, path in
            FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
                ? nil
                : Problem(note: name, line: line, message: "the tree names \(path), which is not in the kit")
        }
    }

    /// The name and depth (from 1) of a tree line such as `│   ├── Sources/   comment`.
    static func entry(_ line: String) -> (depth: Int, name: String)? {
        let characters = Array(line)
        for marker in ["├── ", "└── "] {
            guard let range = line.range(of: marker) else { continue }
            let column = line.distance(from: line.startIndex, to: range.lowerBound)
            let prefix = characters[..<column]
            guard prefix.allSatisfy({ $0 == " " || $0 == "│" }) else { return nil }
            var name = String(line[range.upperBound...])
            if let comment = name.range(of: "  ") { name = String(name[..<comment.lowerBound]) }
            return (column / 4 + 1, name.trimmingCharacters(in: .whitespaces))
        }
        return nil
    }
}
