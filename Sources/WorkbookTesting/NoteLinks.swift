import Foundation

/// Keeps the links between the kit's pages working: every relative link in
/// a note, the README or CONTRIBUTING points to a file that exists, and
/// every `#anchor` to a heading of that page, as GitHub names headings.
///
///     [the primer](00-swift-for-python.md#4-errors)    the file, and the heading "4. Errors"
///     [Exercise: log in](#exercise-log-in)             a heading of the same page
///
/// Links with a scheme (`https:`, `mailto:`) are left alone, and so is
/// anything inside code: fenced blocks and `inline code`.
public enum NoteLinks {
    /// One problem this check found.
    public typealias Problem = NoteProblem

    /// The pages whose links are checked: `Lessons/*.md`, the Russian
    /// twins `Lessons/ru/*.md` and `README.ru.md`, `README.md` and `CONTRIBUTING.md`, relative to `root`.
    public static func pages(root: URL) throws -> [String] {
        try LessonNotes.paths(root: root) + ["README.md", "CONTRIBUTING.md"]
    }

    /// The problems of every page ``pages(root:)`` lists.
    public static func checkAll(root: URL) throws -> [Problem] {
        try pages(root: root).flatMap { page in
            let text = try String(contentsOf: root.appendingPathComponent(page), encoding: .utf8)
            return check(page: text, named: page, root: root)
        }
    }

    /// The problems of one page's text; `name` is its path relative to `root`.
    public static func check(page text: String, named name: String, root: URL) -> [Problem] {
        let folder = URL(fileURLWithPath: name, relativeTo: root).deletingLastPathComponent()
        var problems: [Problem] = []
        var anchorsOf: [String: Set<String>] = [:] // each linked page's headings, read once
        for link in links(in: text) {
            func problem(_ message: String) {
                problems.append(Problem(note: name, line: link.line, message: message))
            }
            let (path, anchor) = split(link.target)
            let file = path.isEmpty
                ? URL(fileURLWithPath: name, relativeTo: root).standardizedFileURL
                : URL(fileURLWithPath: path.removingPercentEncoding ?? path, relativeTo: folder).standardizedFileURL
            guard path.isEmpty || FileManager.default.fileExists(atPath: file.path) else {
                problem("the link \(link.target) names \(path), which does not exist")
                continue
            }
            // Anchors are checked in Markdown pages only (a line of code, `#L10`, is not a heading).
            guard let anchor, file.pathExtension == "md" else { continue }
            if anchorsOf[file.path] == nil {
                let fileText = path.isEmpty ? text : (try? String(contentsOf: file, encoding: .utf8)) ?? ""
                anchorsOf[file.path] = anchors(in: fileText)
            }
            if anchorsOf[file.path]?.contains(anchor) != true {
                problem("the link \(link.target) names the heading #\(anchor), which \(path.isEmpty ? "this page" : path) does not have")
            }
        }
        return problems
    }

    /// A link found in a page: its target, as written, and its line (from 1).
    public struct Link: Equatable {
        public var line: Int
        public var target: String
    }

    /// Every relative link of `text`: inline links `[text](target)`, images,
    /// and reference definitions `[name]: target`, outside code.
    public static func links(in text: String) -> [Link] {
        var found: [Link] = []
        for (number, line) in proseLines(of: text) {
            let line = withoutCodeSpans(line)
            var targets: [String] = []
            guard line.contains("](") || line.contains("]:") else { continue }
            // Reference definitions: `[name]: target`.
            if let match = line.firstMatch(of: /^\s{0,3}\[[^\]]+\]:\s+<?([^\s>]+)>?/) {
                targets.append(String(match.1))
            }
            // Inline links and images: `](target)` or `](target "title")`.
            var rest = line[...]
            while let open = rest.range(of: "](") {
                var depth = 0
                var end = open.upperBound
                while end < rest.endIndex {
                    let character = rest[end]
                    if character == "(" { depth += 1 }
                    if character == ")" {
                        if depth == 0 { break }
                        depth -= 1
                    }
                    end = rest.index(after: end)
                }
                var target = rest[open.upperBound..<end].trimmingCharacters(in: .whitespaces)
                if let space = target.firstIndex(of: " ") { target = String(target[..<space]) } // a title follows
                if target.hasPrefix("<"), target.hasSuffix(">") { target = String(target.dropFirst().dropLast()) }
                targets.append(target)
                rest = end < rest.endIndex ? rest[rest.index(after: end)...] : rest[rest.endIndex...]
            }
            for target in targets where isRelative(target) {
                found.append(Link(line: number, target: target))
            }
        }
        return found
    }

    /// The anchors GitHub gives `text`'s headings (and any `<a id="…">` or
    /// `<a name="…">`); a repeated heading gets `-1`, `-2`, … after its slug.
    public static func anchors(in text: String) -> Set<String> {
        var anchors: Set<String> = []
        var seen: [String: Int] = [:]
        for (_, line) in proseLines(of: text) {
            if line.contains("<a ") {
                for match in line.matches(of: /<a\s+(?:id|name)="([^"]+)"/) {
                    anchors.insert(String(match.1))
                }
            }
            guard line.trimmingCharacters(in: .whitespaces).hasPrefix("#"),
                  let heading = line.firstMatch(of: /^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/) else { continue }
            let slug = slug(String(heading.1))
            let count = seen[slug, default: 0]
            seen[slug] = count + 1
            anchors.insert(count == 0 ? slug : "\(slug)-\(count)")
        }
        return anchors
    }

    /// GitHub's anchor for a heading: its text (a link's text, not its
    /// target), lower-cased, with spaces turned into `-` and every other
    /// character that is not a letter, a digit, `-` or `_` dropped
    /// (backticks included).
    ///
    ///     slug("6. Protocols and extensions")  == "6-protocols-and-extensions"
    ///     slug("`uvicorn main:app` — what runs the server") == "uvicorn-mainapp--what-runs-the-server"
    public static func slug(_ heading: String) -> String {
        let text = heading.replacing(/!?\[([^\]]*)\]\([^)]*\)/) { String($0.1) }
        var slug = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar == " " {
                slug.append("-")
            } else if scalar == "-" || scalar == "_" || scalar.properties.isAlphabetic
                        || scalar.properties.numericType != nil || scalar.properties.generalCategory.isMark {
                slug.unicodeScalars.append(scalar)
            }
        }
        return slug
    }

    // MARK: - Reading Markdown

    /// The lines of `text` outside fenced code blocks, with their numbers (from 1).
    static func proseLines(of text: String) -> [(Int, String)] {
        var lines: [(Int, String)] = []
        var fence: String?
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let open = fence {
                if trimmed.hasPrefix(open), trimmed.allSatisfy({ $0 == open.first }) { fence = nil }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = String(trimmed.prefix { $0 == trimmed.first })
                continue
            }
            lines.append((index + 1, line))
        }
        return lines
    }

    /// `line` with its `inline code` spans removed.
    static func withoutCodeSpans(_ line: String) -> String {
        line.replacing(/(`+)[^`].*?\1/, with: "")
    }

    /// Whether `target` is a link inside the kit (no scheme, not protocol-relative).
    static func isRelative(_ target: String) -> Bool {
        guard !target.isEmpty, !target.hasPrefix("//") else { return false }
        return target.firstMatch(of: /^[A-Za-z][A-Za-z0-9+.-]*:/) == nil
    }

    /// `target` split into its path and its anchor (without `#`), if any.
    static func split(_ target: String) -> (path: String, anchor: String?) {
        guard let hash = target.firstIndex(of: "#") else { return (target, nil) }
        let anchor = String(target[target.index(after: hash)...])
        return (String(target[..<hash]), anchor.removingPercentEncoding ?? anchor)
    }
}

extension Unicode.GeneralCategory {
    /// Combining marks, which GitHub keeps in anchors (as in `й` written as two scalars).
    var isMark: Bool {
        self == .nonspacingMark || self == .spacingMark || self == .enclosingMark
    }
}
