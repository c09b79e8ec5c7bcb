import ExerciseMessages
import Foundation

/// One lesson of the kit: an exercise folder `Exercises/NN-slug/`, its note
/// `Lessons/NN-slug.md` and its checks `Tests/LessonNNTests/`.
struct Lesson: Equatable, Sendable {
    /// 1 for `Exercises/01-first-steps/` (0 is allowed).
    let number: Int
    /// `first-steps` for `Exercises/01-first-steps/`.
    let slug: String
    /// The note's path relative to the kit's root, when there is one: the
    /// Russian twin (`Lessons/ru/NN-slug.md`) when the learner reads Russian
    /// and the lesson has one.
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

/// The kit on disk: its root folder and the lessons found in it, as the
/// learner reads them (in their language: notes, titles, messages).
struct Kit: Sendable {
    /// The folder with `Package.swift` and `Lessons/`.
    let root: URL
    /// Every lesson, in order.
    let lessons: [Lesson]
    /// The language the learner reads: the notes the lessons point at, their
    /// titles, and what the commands say.
    let language: WorkbookLanguage

    /// The kit that `directory` is in, looking upwards for the folder that has
    /// both `Package.swift` and `Lessons/`.
    static func find(from directory: URL, language: WorkbookLanguage = .english,
                     fileManager: FileManager = .default) throws -> Kit {
        var folder = directory.standardizedFileURL
        while true {
            var isDirectory: ObjCBool = false
            if fileManager.fileExists(atPath: folder.appendingPathComponent("Package.swift").path),
               fileManager.fileExists(atPath: folder.appendingPathComponent("Lessons").path, isDirectory: &isDirectory),
               isDirectory.boolValue {
                return try Kit(root: folder, language: language, fileManager: fileManager)
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { throw WorkbookError.notInKit(directory.path, language) }
            folder = parent
        }
    }

    /// Reads the lessons of the kit at `root`; in Russian, each lesson's note
    /// (and title) is its Russian twin in `Lessons/ru/` where there is one.
    init(root: URL, language: WorkbookLanguage = .english, fileManager: FileManager = .default) throws {
        self.root = root
        self.language = language
        let exercises = (try? fileManager.contentsOfDirectory(atPath: root.appendingPathComponent("Exercises").path)) ?? []
        let notes = (try? fileManager.contentsOfDirectory(atPath: root.appendingPathComponent("Lessons").path)) ?? []
        var lessons = Kit.lessons(exerciseFolders: exercises, noteFiles: notes)
        if language == .russian {
            let twins = (try? fileManager.contentsOfDirectory(
                atPath: root.appendingPathComponent(ExerciseMessage.russianNotesFolder).path)) ?? []
            lessons = Kit.russianTwins(of: lessons, twinFiles: twins)
        }
        for index in lessons.indices {
            guard let note = lessons[index].notePath,
                  let text = try? String(contentsOf: root.appendingPathComponent(note), encoding: .utf8),
                  let title = Kit.title(fromNote: text) else { continue }
            lessons[index].title = title
        }
        guard !lessons.isEmpty else { throw WorkbookError.noLessons(root.path, language) }
        self.lessons = lessons
    }

    /// For tests: a kit with these lessons.
    init(root: URL, lessons: [Lesson], language: WorkbookLanguage = .english) {
        self.root = root
        self.lessons = lessons
        self.language = language
    }

    /// The lesson numbered `number`.
    func lesson(_ number: Int) throws -> Lesson {
        guard let lesson = lessons.first(where: { $0.number == number }) else {
            throw WorkbookError.noSuchLesson(number, known: lessons.map(\.number), language)
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

    /// `lessons` with each note replaced by its Russian twin
    /// (``ExerciseMessage/russianTwin(ofNote:)``), for the twins in
    /// `twinFiles` (the names in `Lessons/ru/`); a lesson without a twin
    /// keeps its English note.
    static func russianTwins(of lessons: [Lesson], twinFiles: [String]) -> [Lesson] {
        lessons.map { lesson in
            var lesson = lesson
            if let note = lesson.notePath {
                let twin = ExerciseMessage.russianTwin(ofNote: note)
                if twinFiles.contains((twin as NSString).lastPathComponent) { lesson.notePath = twin }
            }
            return lesson
        }
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
    /// `# Lesson 1 — First steps: FastAPI's "Hello World" in Vapor` → `First steps`
    /// (and `# Урок 1 — Первые шаги: …` → `Первые шаги`).
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

/// What can go wrong, said for a learner in their language.
enum WorkbookError: Error, CustomStringConvertible {
    case notInKit(String, WorkbookLanguage)
    case noLessons(String, WorkbookLanguage)
    case noSuchLesson(Int, known: [Int], WorkbookLanguage)
    case cannotRun(String, String, WorkbookLanguage)

    var description: String {
        switch self {
        case .notInKit(let path, let language):
            language.say(
                "This is not inside the workbook: no folder above \(path) has both Package.swift and Lessons/.\n"
                    + "cd into the kit's folder (the one with README.md) and run the command again.",
                russian: "Это не папка практикума: ни в одной папке над \(path) нет сразу Package.swift и Lessons/.\n"
                    + "Перейдите (cd) в папку практикума (ту, где лежит README.md) и запустите команду снова.")
        case .noLessons(let path, let language):
            language.say(
                "No lessons found: \(path)/Exercises/ has no NN-name folders. Is this the workbook's folder?",
                russian: "Уроки не найдены: в \(path)/Exercises/ нет папок вида NN-название. Это точно папка практикума?")
        case .noSuchLesson(let number, let known, let language):
            language.say("There is no lesson \(number). The lessons are ", russian: "Урока \(number) нет. Есть уроки ")
                + known.map(String.init).joined(separator: ", ") + "."
        case .cannotRun(let command, let detail, let language):
            language.say(
                "Could not run `\(command)`: \(detail)\nIs Swift installed and on your PATH? `swift --version` should work.",
                russian: "Не удалось запустить `\(command)`: \(detail)\nSwift установлен и есть в PATH? Команда `swift --version` должна работать.")
        }
    }
}
