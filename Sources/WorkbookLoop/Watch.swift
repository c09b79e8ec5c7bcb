import ExerciseMessages
import Foundation

/// The files under a folder with their modification times and sizes: taken
/// every half second by `watch`, a save shows as a difference.
struct FileSnapshot: Equatable, Sendable {
    /// Path relative to the folder → (modification time, size).
    var files: [String: Stamp]

    struct Stamp: Equatable, Sendable {
        var modified: Date
        var size: Int
    }

    /// The files under `folder`, without hidden files and editors' backup and
    /// swap files (`.Items.swift.swp`, `Items.swift~`), which change while
    /// a file is open, not when it is saved.
    static func take(of folder: URL, fileManager: FileManager = .default) -> FileSnapshot {
        var files: [String: Stamp] = [:]
        guard let enumerator = fileManager.enumerator(
            at: folder, includingPropertiesForKeys: [.contentModificationDateKey, .fileSizeKey, .isRegularFileKey],
            options: [.skipsHiddenFiles]) else { return FileSnapshot(files: [:]) }
        let base = folder.standardizedFileURL.path
        for case let url as URL in enumerator {
            let name = url.lastPathComponent
            guard !isScratchFile(name),
                  let values = try? url.resourceValues(forKeys: [.contentModificationDateKey, .fileSizeKey, .isRegularFileKey]),
                  values.isRegularFile == true else { continue }
            var path = url.standardizedFileURL.path
            if path.hasPrefix(base + "/") { path.removeFirst(base.count + 1) }
            files[path] = Stamp(modified: values.contentModificationDate ?? .distantPast, size: values.fileSize ?? 0)
        }
        return FileSnapshot(files: files)
    }

    /// Editors' temporary files.
    static func isScratchFile(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx")
            || name.hasPrefix("#") || name == "4913"
    }

    /// The files added, removed or saved since `old`, sorted.
    func changes(since old: FileSnapshot) -> [String] {
        let paths = Set(files.keys).union(old.files.keys)
        return paths.filter { files[$0] != old.files[$0] }.sorted()
    }
}

/// What `watch` shows: the lesson being worked on and what is still missing.
enum WatchScreen {
    /// The screen after lesson `lesson` was checked.
    static func render(lesson: Lesson, outcome: CheckOutcome, banner: String?,
                       language: WorkbookLanguage = .english) -> String {
        var out: [String] = []
        if let banner { out += [banner, ""] }
        out.append(language.say("Lesson \(lesson.number), \(lesson.title) — \(lesson.exerciseFolder)/",
                                russian: "Урок \(lesson.number), \(lesson.title) — \(lesson.exerciseFolder)/"))
        out.append("")
        out += Report.currentLessonLines(lesson, outcome: outcome, language: language)
        out.append("")
        out.append(language.say(
            "Read \(lesson.noteOrFolder), edit \(lesson.exerciseFolder)/ and save: this checks again.",
            russian: "Читайте \(lesson.noteOrFolder), правьте \(lesson.exerciseFolder)/ и сохраняйте: проверки запустятся снова."))
        out.append(language.say(
            "Stuck? swift run workbook hint \(lesson.number)   ·   Ctrl-C stops watching.",
            russian: "Застряли? swift run workbook hint \(lesson.number)   ·   Ctrl-C останавливает наблюдение."))
        return out.joined(separator: "\n")
    }

    /// Said when `lesson` passes: what comes next.
    static func doneBanner(lesson: Lesson, next: Lesson?, language: WorkbookLanguage = .english) -> String {
        guard let next else {
            return language.say("✔ Lesson \(lesson.number) is done — and that was the last lesson. Well done!",
                                russian: "✔ Урок \(lesson.number) пройден — и это был последний урок. Отличная работа!")
        }
        return language.say(
            "✔ Lesson \(lesson.number) is done! On to lesson \(next.number), \(next.title): read \(next.noteOrFolder).",
            russian: "✔ Урок \(lesson.number) пройден! Дальше — урок \(next.number), \(next.title): читайте \(next.noteOrFolder).")
    }
}

/// `watch`'s loop: check the lesson, show what is missing, wait for a save,
/// check again; when the lesson passes, say so and go on to the next.
struct WatchLoop {
    /// The kit being worked on.
    let kit: Kit
    /// Runs a lesson's checks.
    let checker: Checker
    /// Prints a line (or a screen).
    let show: (String) -> Void
    /// Clears the screen before a redraw (nothing when output is not a terminal).
    let clear: () -> Void
    /// Returns once a file under `Exercises/` differs from the snapshot taken before the check.
    let waitForSave: (FileSnapshot) async throws -> Void
    /// Told every outcome, to remember which lessons are done.
    let record: (CheckOutcome) -> Void

    /// Watches from `kit.lessons[index]` on. With `once`, checks one lesson
    /// once. Returns whether the last lesson checked is done.
    func run(from index: Int, once: Bool) async throws -> Bool {
        let language = kit.language
        var index = index
        var banner: String?
        let exercises = kit.root.appendingPathComponent("Exercises")
        while true {
            let lesson = kit.lessons[index]
            let before = FileSnapshot.take(of: exercises)
            show(language.say("Checking lesson \(lesson.number)…", russian: "Проверяю урок \(lesson.number)…"))
            let outcome = try await checker.check([lesson])
            record(outcome)
            clear()
            if outcome.results[lesson.number]?.status == .done {
                let next = index + 1 < kit.lessons.count ? kit.lessons[index + 1] : nil
                let done = WatchScreen.doneBanner(lesson: lesson, next: next, language: language)
                if once || next == nil {
                    show((banner.map { $0 + "\n" } ?? "") + done)
                    return true
                }
                let lessonsDone = (banner.map { $0 + "\n" } ?? "") + done
                show(lessonsDone)
                banner = lessonsDone
                index += 1
                continue
            }
            show(WatchScreen.render(lesson: lesson, outcome: outcome, banner: banner, language: language))
            banner = nil
            if once { return false }
            try await waitForSave(before)
        }
    }

    /// Polls `folder` every half second until it differs from `snapshot`,
    /// then until the saving settles (editors write in steps).
    static func pollUntilSaved(_ folder: URL, since snapshot: FileSnapshot) async throws {
        var latest = FileSnapshot.take(of: folder)
        while latest.changes(since: snapshot).isEmpty {
            try await Task.sleep(nanoseconds: 500_000_000)
            latest = FileSnapshot.take(of: folder)
        }
        for _ in 0..<4 {
            try await Task.sleep(nanoseconds: 100_000_000)
            let again = FileSnapshot.take(of: folder)
            if again == latest { return }
            latest = again
        }
    }
}
