import Foundation

/// One lesson of the kit: an exercise folder `Exercises/NN-slug/`, its note
/// `Lessons/NN-slug.md` and its checks `Tests/LessonNNTests/`.
struct Lesson: Equatable, Sendable {
    /// 1 for `Exercises/01-first-steps/` (0 is allowed).
    let number: Int
    /// `first-steps` for `Exercises/01-first-steps/`.
    let slug: String
    /// The note's path relative to the kit's root, when there is one.
    var notePath: String?
    /// A short title: from the note's first heading, else from the slug.
    var title: String

    /// `01` for lesson 1.
    var twoDigits: String { number < 10 ? "0\(number)" : "\(number)" }
    /// `Exercises/01-first-steps`, relative to the kit's root.
    var exerciseFolder: String { "Exercises/\(twoDigits)-\(slug)" }
    /// `Solutions/01-first-steps`, relative to the kit's root.
    var solutionFolder: String { "Solutions/\(twoDigits)-\(slug)" }
    /// `Lesson01Tests`: the test target, and what `swift test --filter` selects.
    var testTarget: String { "Lesson\(twoDigits)Tests" }
    /// The note to read, or the lessons folder when the lesson has none.
    var noteOrFolder: String { notePath ?? "Lessons/" }
}

/// The kit on disk: its root folder and the lessons found in it.
struct Kit: Sendable {
    /// The folder with `Package.swift` and `Lessons/`.
    let root: URL
    /// Every lesson, in order.
    let lessons: [Lesson]

    /// The kit that `directory` is in, looking upwards for the folder that has
    /// both `Package.swift` and `Lessons/`.
    static func find(from directory: URL, fileManager: FileManager = .default) throws -> Kit {
        var folder = directory.standardizedFileURL
        while true {
            var isDirectory: ObjCBool = false
            if fileManager.fileExists(atPath: folder.appendingPathComponent("Package.swift").path),
               fileManager.fileExists(atPath: folder.appendingPathComponent("Lessons").path, isDirectory: &isDirectory),
               isDirectory.boolValue {
                return try Kit(root: folder, fileManager: fileManager)
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { throw WorkbookError.notInKit(directory.path) }
            folder = parent
        }
    }

    /// Reads the lessons of the kit at `root`.
    init(root: URL, fileManager: FileManager = .default) throws {
        self.root = root
        let exercises = (try? fileManager.contentsOfDirectory(atPath: root.appendingPathComponent("Exercises").path)) ?? []
        let notes = (try? fileManager.contentsOfDirectory(atPath: root.appendingPathComponent("Lessons").path)) ?? []
        var lessons = Kit.lessons(exerciseFolders: exercises, noteFiles: notes)
        for index in lessons.indices {
            guard let note = lessons[index].notePath,
                  let text = try? String(contentsOf: root.appendingPathComponent(note), encoding: .utf8),
                  let title = Kit.title(fromNote: text) else { continue }
            lessons[index].title = title
        }
        guard !lessons.isEmpty else { throw WorkbookError.noLessons(root.path) }
        self.lessons = lessons
    }

    /// For tests: a kit with these lessons.
    init(root: URL, lessons: [Lesson]) {
        self.root = root
        self.lessons = lessons
    }

    /// The lesson numbered `number`.
    func lesson(_ number: Int) throws -> Lesson {
        guard let lesson = lessons.first(where: { $0.number == number }) else {
            throw WorkbookError.noSuchLesson(number, known: lessons.map(\.number))
        }
        return lesson
    }

    /// The lessons that the folder names describe: `NN-slug` folders under
    /// `Exercises/`, each with the note `Lessons/NN-slug.md` (or, failing
    /// that, the one `Lessons/NN-*.md` that is not an appendix).
    static func lessons(exerciseFolders: [String], noteFiles: [String]) -> [Lesson] {
        exerciseFolders.compactMap { folder -> Lesson? in
            guard let (number, slug) = numberAndSlug(folder) else { return nil }
            let prefix = String(folder.prefix(2))
            let note: String?
            if noteFiles.contains("\(folder).md") {
                note = "\(folder).md"
            } else {
                note = noteFiles.sorted().first { name in
                    name.hasPrefix(prefix + "-") && name.hasSuffix(".md") && !name.hasPrefix(prefix + "-appendix-")
                }
            }
            return Lesson(number: number, slug: slug, notePath: note.map { "Lessons/\($0)" },
                          title: titleFromSlug(slug))
        }
        .sorted { $0.number < $1.number }
    }

    /// `(1, "first-steps")` for `01-first-steps`; `nil` for other names.
    static func numberAndSlug(_ name: String) -> (Int, String)? {
        let characters = Array(name)
        guard characters.count > 3, characters[0].isASCII, characters[0].isNumber,
              characters[1].isASCII, characters[1].isNumber, characters[2] == "-",
              let number = Int(String(characters[0...1])) else { return nil }
        return (number, String(characters[3...]))
    }

    /// The lesson's title from its note's first heading:
    /// `# Lesson 1 — First steps: FastAPI's "Hello World" in Vapor` → `First steps`.
    static func title(fromNote text: String) -> String? {
        guard let heading = text.split(separator: "\n").first(where: { $0.hasPrefix("# ") }) else { return nil }
        var title = Substring(heading.dropFirst(2))
        if let dash = title.range(of: " — ") { title = title[dash.upperBound...] }
        if let colon = title.range(of: ": ") { title = title[..<colon.lowerBound] }
        let trimmed = title.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// `first-steps` → `First steps`.
    static func titleFromSlug(_ slug: String) -> String {
        let words = slug.replacingOccurrences(of: "-", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// Which lesson each test file belongs to, by file name: every `.swift`
    /// file under `Tests/LessonNNTests/`. Swift Testing names only the file
    /// (`Lesson01Tests.swift:42:9`) where a check failed.
    func testFileLessons(fileManager: FileManager = .default) -> [String: Int] {
        var map: [String: Int] = [:]
        for lesson in lessons {
            let folder = root.appendingPathComponent("Tests/\(lesson.testTarget)")
            guard let files = fileManager.enumerator(atPath: folder.path) else { continue }
            for case let file as String in files where file.hasSuffix(".swift") {
                let name = (file as NSString).lastPathComponent
                // A name two lessons share tells nothing: leave it out.
                map[name] = map[name] == nil ? lesson.number : -1
            }
        }
        return map.filter { $0.value >= 0 }
    }
}

/// What can go wrong, said for a learner.
enum WorkbookError: Error, CustomStringConvertible {
    case notInKit(String)
    case noLessons(String)
    case noSuchLesson(Int, known: [Int])
    case cannotRun(String, String)

    var description: String {
        switch self {
        case .notInKit(let path):
            "This is not inside the workbook: no folder above \(path) has both Package.swift and Lessons/.\n"
                + "cd into the kit's folder (the one with README.md) and run the command again."
        case .noLessons(let path):
            "No lessons found: \(path)/Exercises/ has no NN-name folders. Is this the workbook's folder?"
        case .noSuchLesson(let number, let known):
            "There is no lesson \(number). The lessons are "
                + known.map(String.init).joined(separator: ", ") + "."
        case .cannotRun(let command, let detail):
            "Could not run `\(command)`: \(detail)\nIs Swift installed and on your PATH? `swift --version` should work."
        }
    }
}
