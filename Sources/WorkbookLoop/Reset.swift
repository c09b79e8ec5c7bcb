import ExerciseMessages
import Foundation

/// What `reset N` does to put lesson N's exercise back to its starting state.
struct ResetPlan: Equatable, Sendable {
    /// The lesson to reset.
    let lesson: Lesson
    /// The language the plan speaks to the learner.
    var language: WorkbookLanguage = .english

    /// The question asked first.
    var question: String {
        language.say("Reset lesson \(lesson.number)? This discards your changes in \(lesson.exerciseFolder)/ [y/N] ",
                     russian: "Сбросить урок \(lesson.number)? Ваши изменения в \(lesson.exerciseFolder)/ пропадут [y/N] ")
    }

    /// Run from the kit's root, in order: restore the committed files, then
    /// remove the files git does not know (revision files the learner generated).
    var gitCommands: [[String]] {
        [
            ["git", "checkout", "HEAD", "--", lesson.exerciseFolder],
            ["git", "clean", "-fd", "--", lesson.exerciseFolder],
        ]
    }

    /// The lesson's database and migration settings in the kit's root.
    var filesToDelete: [String] {
        let base = "lesson-\(lesson.number)"
        return ["\(base).sqlite", "\(base).sqlite-wal", "\(base).sqlite-shm", "\(base).revisions.json"]
    }

    /// What `reset N` says when it cannot ask first (no terminal) and was not told `--yes`.
    static func noTerminal(lesson: Int, language: WorkbookLanguage) -> String {
        language.say("""
            Not resetting lesson \(lesson): there is no terminal to ask you first.
            To reset it without being asked: swift run workbook reset \(lesson) --yes
            """, russian: """
            Урок \(lesson) не сброшен: нет терминала, чтобы сначала спросить вас.
            Чтобы сбросить его без вопроса: swift run workbook reset \(lesson) --yes
            """)
    }

    /// What `reset N` says last, after the reset.
    static func after(lesson: Int, language: WorkbookLanguage) -> [String] {
        [
            language.say("Hints for lesson \(lesson) start again from the first.",
                         russian: "Подсказки к уроку \(lesson) снова начнутся с первой."),
            language.say("Next: swift run workbook watch --lesson \(lesson)",
                         russian: "Дальше: swift run workbook watch --lesson \(lesson)"),
        ]
    }

    /// Whether an answer to ``question`` means yes (`y`, `yes`; `д`, `да` too).
    static func isYes(_ answer: String?) -> Bool {
        guard let answer = answer?.trimmingCharacters(in: .whitespaces).lowercased() else { return false }
        return ["y", "yes", "д", "да"].contains(answer)
    }

    /// What to say when the kit is not a git checkout.
    var withoutGit: String {
        language.say("""
            Cannot reset lesson \(lesson.number): this copy of the kit is not a git checkout, so there is no
            starting state to go back to. Either copy \(lesson.exerciseFolder)/ from a fresh download of
            the kit over yours, or get the kit with `git clone` and work in that copy.
            """, russian: """
            Урок \(lesson.number) не сбросить: эта копия практикума — не рабочая копия git, и вернуться
            не к чему. Либо скопируйте \(lesson.exerciseFolder)/ из свежей загрузки практикума поверх
            своей папки, либо получите практикум через `git clone` и работайте в этой копии.
            """)
    }

    /// Throws ``withoutGit`` unless `root` is in a git checkout.
    func requireGit(in root: URL, runner: any ProcessRunning) async throws {
        let check: ProcessOutput
        do {
            check = try await runner.run(["git", "rev-parse", "--is-inside-work-tree"], in: root)
        } catch {
            throw ResetError(message: withoutGit + language.say("\n(git itself could not be run: is it installed?)",
                                                                russian: "\n(не удалось запустить сам git: он установлен?)"))
        }
        guard check.status == 0, check.output.contains("true") else { throw ResetError(message: withoutGit) }
    }

    /// Carries the plan out in `root`: git first (so nothing is deleted when
    /// git fails), then the database files. Returns what was done, for the learner.
    func run(in root: URL, runner: any ProcessRunning, fileManager: FileManager = .default) async throws -> [String] {
        try await requireGit(in: root, runner: runner)
        for command in gitCommands {
            let result = try await runner.run(command, in: root)
            guard result.status == 0 else {
                let (commandLine, output) = (command.joined(separator: " "),
                                             result.output.trimmingCharacters(in: .whitespacesAndNewlines))
                throw ResetError(message: language.say("""
                    Could not reset lesson \(lesson.number): `\(commandLine)` failed:
                    \(output)
                    Your files are as they were before this command.
                    """, russian: """
                    Не удалось сбросить урок \(lesson.number): `\(commandLine)` завершилась с ошибкой:
                    \(output)
                    Ваши файлы остались такими же, как до этой команды.
                    """))
            }
        }
        var done = [language.say("\(lesson.exerciseFolder)/ is back to its starting state (as in git's last commit).",
                                 russian: "\(lesson.exerciseFolder)/ снова в исходном состоянии (как в последнем коммите git).")]
        let deleted = try filesToDelete.filter { name in
            let url = root.appendingPathComponent(name)
            guard fileManager.fileExists(atPath: url.path) else { return false }
            try fileManager.removeItem(at: url)
            return true
        }
        if !deleted.isEmpty {
            done.append(language.say("Deleted ", russian: "Удалены: ") + deleted.joined(separator: ", ") + ".")
        }
        return done
    }
}

/// A reset that could not be done, with what to do about it.
struct ResetError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
