import ArgumentParser
import ExerciseMessages
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `swift run workbook`: the learner's loop through the lessons, like
/// rustlings — where you are (`progress`, the default), checks on every
/// save (`watch`), hints one at a time (`hint N`), starting an exercise over
/// (`reset N`), and every lesson checked (`verify`).
///
/// It speaks the learner's language (``WorkbookLanguage/current``:
/// `WORKBOOK_LANG=ru`, or a Russian locale), read once here, at the top, and
/// passed down: the kit (``Kit/language``) carries it to the checks, the
/// reports, the hints and `reset`. Its help texts are in that language too
/// (ArgumentParser's own words, `USAGE:`, `OPTIONS:`, stay English).
public struct WorkbookCommand: AsyncParsableCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "workbook",
            abstract: helpLanguage.say(
                "Work through the lessons: see where you are, check as you save, get hints.",
                russian: "Проходите уроки: смотрите, где вы сейчас, проверяйте при каждом сохранении, получайте подсказки."),
            discussion: helpLanguage.say("""
                Each lesson has a note (Lessons/NN-*.md), an exercise (Exercises/NN-*/) and \
                checks (swift test --filter LessonNNTests). This runs the checks for you.
                """, russian: """
                У каждого урока есть заметка (Lessons/ru/NN-*.md, в оригинале Lessons/NN-*.md), упражнение \
                (Exercises/NN-*/) и проверки (swift test --filter LessonNNTests). Эта команда запускает проверки за вас.
                """),
            subcommands: [ProgressCommand.self, WatchCommand.self, HintCommand.self, ResetCommand.self, VerifyCommand.self],
            defaultSubcommand: ProgressCommand.self
        )
    }

    public init() {}
}

/// The language of the help texts (`--help`, the abstracts): the learner's.
/// Everything else takes its language from ``SharedOptions/language``.
private var helpLanguage: WorkbookLanguage { .current }

/// Options every command takes.
struct SharedOptions: ParsableArguments {
    @Option(name: .customLong("scratch-path"),
            help: ArgumentHelp(helpLanguage.say(
                "The build folder swift uses (default: .build), passed on as swift's own --scratch-path.",
                russian: "Папка сборки swift (по умолчанию .build); передаётся swift как его собственный --scratch-path."),
                               valueName: "path"))
    var scratchPath: String?

    /// The learner's language (``WorkbookLanguage/current``), read here once.
    var language: WorkbookLanguage { .current }

    /// The kit the current folder is in, in the learner's language.
    func kit() throws -> Kit {
        try Kit.find(from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath), language: language)
    }

    /// Runs the checks of `kit`, saying what happens on standard output.
    func checker(_ kit: Kit) -> Checker {
        // Relative to where the learner typed it, as swift itself reads it; swift runs in the kit's root.
        let scratch = scratchPath.map { URL(fileURLWithPath: $0, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL.path }
        return Checker(kit: kit, runner: SystemProcessRunner(language: kit.language), scratchPath: scratch,
                       say: { Terminal.show($0) })
    }

    /// Checks every lesson of `kit` after saying `announcement`, and
    /// remembers which are done; returns the outcome and what was known to
    /// be done before (`progress` and `verify` share it).
    func checkEveryLesson(of kit: Kit, announcing announcement: String) async throws
        -> (outcome: CheckOutcome, doneBefore: Set<Int>)
    {
        var state = WorkbookState.load(from: kit.root)
        let doneBefore = state.knownDone
        Terminal.show(announcement)
        let outcome = try await checker(kit).check(kit.lessons)
        state.recordOnLearnersTrack(outcome)
        try? state.save(to: kit.root)
        Terminal.show("")
        return (outcome, doneBefore)
    }
}

/// Writes to the terminal unbuffered, so a line shows before a long check starts.
enum Terminal {
    static func show(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func showError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static var isInteractiveOutput: Bool { isatty(1) != 0 }
    static var isInteractiveInput: Bool { isatty(0) != 0 }

    /// Clears the screen (on a terminal) before `watch` redraws.
    static func clear() {
        if isInteractiveOutput { FileHandle.standardOutput.write(Data("\u{1B}[2J\u{1B}[H".utf8)) }
    }

    /// Runs `body`; the workbook's own errors (already in the learner's
    /// language) are printed plainly and end with exit code 1.
    static func reportingErrors(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as WorkbookError {
            showError(error.description)
            throw ExitCode.failure
        } catch let error as ResetError {
            showError(error.description)
            throw ExitCode.failure
        }
    }
}

/// `swift run workbook` (`progress`): every lesson's status and what to do next.
struct ProgressCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "progress",
            abstract: helpLanguage.say("Show every lesson as done, current or not started, and what to do next.",
                                       russian: "Показать каждый урок — пройден, текущий или не начат — и что делать дальше.")
        )
    }

    @OptionGroup var options: SharedOptions

    func run() async throws {
        try await Terminal.reportingErrors {
            let kit = try options.kit()
            let (outcome, doneBefore) = try await options.checkEveryLesson(
                of: kit, announcing: kit.language.say("Checking your lessons…", russian: "Проверяю ваши уроки…"))
            Terminal.show(Report.progress(lessons: kit.lessons, outcome: outcome, doneBefore: doneBefore, language: kit.language))
        }
    }
}

/// `watch`: checks the current lesson each time a file under `Exercises/` is saved.
struct WatchCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "watch",
            abstract: helpLanguage.say("Check the current lesson each time you save a file in Exercises/; Ctrl-C stops.",
                                       russian: "Проверять текущий урок при каждом сохранении файла в Exercises/; Ctrl-C останавливает."),
            discussion: helpLanguage.say("When the lesson's checks pass, it moves on to the next lesson.",
                                         russian: "Когда проверки урока проходят, переходит к следующему уроку.")
        )
    }

    @OptionGroup var options: SharedOptions

    @Option(help: ArgumentHelp(helpLanguage.say("The lesson to start with (default: the first one not done).",
                                                russian: "Урок, с которого начать (по умолчанию — первый непройденный)."),
                               valueName: "N"))
    var lesson: Int?

    @Flag(help: ArgumentHelp(helpLanguage.say(
        "Check once and stop instead of waiting for a save (exit code 0 when the lesson is done).",
        russian: "Проверить один раз и остановиться, не дожидаясь сохранения (код выхода 0, если урок пройден).")))
    var once = false

    func run() async throws {
        try await Terminal.reportingErrors {
            let kit = try options.kit()
            let checker = options.checker(kit)
            var state = WorkbookState.load(from: kit.root)
            let index: Int
            if let lesson {
                let start = try kit.lesson(lesson)
                index = kit.lessons.firstIndex(of: start) ?? 0
            } else {
                // The first lesson not done at the last check; the loop moves on from there.
                let done = state.knownDone
                index = kit.lessons.firstIndex { !done.contains($0.number) } ?? 0
            }
            let exercises = kit.root.appendingPathComponent("Exercises")
            let loop = WatchLoop(
                kit: kit, checker: checker, show: Terminal.show, clear: Terminal.clear,
                waitForSave: { try await WatchLoop.pollUntilSaved(exercises, since: $0) },
                record: { outcome in
                    state.recordOnLearnersTrack(outcome)
                    try? state.save(to: kit.root)
                })
            if try await !loop.run(from: index, once: once) { throw ExitCode.failure }
        }
    }
}

/// `hint N`: lesson N's next hint.
struct HintCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "hint",
            abstract: helpLanguage.say("Show lesson N's next hint, one at a time.",
                                       russian: "Показать следующую подсказку урока N, по одной за раз.")
        )
    }

    @OptionGroup var options: SharedOptions

    @Argument(help: ArgumentHelp(helpLanguage.say("The lesson's number.", russian: "Номер урока."), valueName: "N"))
    var lesson: Int

    @Flag(help: ArgumentHelp(helpLanguage.say("Start again from the first hint.", russian: "Начать снова с первой подсказки.")))
    var again = false

    func run() async throws {
        try await Terminal.reportingErrors {
            let kit = try options.kit()
            let lesson = try kit.lesson(self.lesson)
            let note = lesson.notePath.flatMap { try? String(contentsOf: kit.root.appendingPathComponent($0), encoding: .utf8) } ?? ""
            var state = WorkbookState.load(from: kit.root)
            let (text, shown) = Hints.next(lesson: lesson, hints: Hints.parse(note: note),
                                           shownBefore: again ? 0 : state.hints(lesson.number), language: kit.language)
            Terminal.show(text)
            state.setHints(lesson.number, shown)
            try? state.save(to: kit.root)
        }
    }
}

/// `reset N`: lesson N's exercise back to its starting state.
struct ResetCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "reset",
            abstract: helpLanguage.say("Put lesson N's exercise back to its starting state (asks first).",
                                       russian: "Вернуть упражнение урока N в исходное состояние (сначала спрашивает)."),
            discussion: helpLanguage.say("""
                Restores Exercises/NN-*/ as in git's last commit, removes files you added there, \
                deletes the lesson's database (lesson-N.sqlite…) and lesson-N.revisions.json, \
                and starts its hints over.
                """, russian: """
                Восстанавливает Exercises/NN-*/ как в последнем коммите git, удаляет добавленные вами туда файлы, \
                удаляет базу данных урока (lesson-N.sqlite…) и lesson-N.revisions.json \
                и начинает его подсказки сначала.
                """)
        )
    }

    @OptionGroup var options: SharedOptions

    @Argument(help: ArgumentHelp(helpLanguage.say("The lesson's number.", russian: "Номер урока."), valueName: "N"))
    var lesson: Int

    @Flag(name: .shortAndLong, help: ArgumentHelp(helpLanguage.say("Reset without asking.", russian: "Сбросить, не спрашивая.")))
    var yes = false

    func run() async throws {
        try await Terminal.reportingErrors {
            let kit = try options.kit()
            let language = kit.language
            let plan = ResetPlan(lesson: try kit.lesson(lesson), language: language)
            let runner = SystemProcessRunner(language: language)
            try await plan.requireGit(in: kit.root, runner: runner)
            if !yes {
                guard Terminal.isInteractiveInput else {
                    Terminal.showError(ResetPlan.noTerminal(lesson: lesson, language: language))
                    throw ExitCode.failure
                }
                FileHandle.standardOutput.write(Data(plan.question.utf8))
                guard ResetPlan.isYes(readLine()) else {
                    Terminal.show(language.say("Nothing was changed.", russian: "Ничего не изменено."))
                    return
                }
            }
            let done = try await plan.run(in: kit.root, runner: runner)
            var state = WorkbookState.load(from: kit.root)
            state.setHints(lesson, 0)
            state.doneAtLastCheck?.removeAll { $0 == lesson }
            try? state.save(to: kit.root)
            for line in done { Terminal.show(line) }
            for line in ResetPlan.after(lesson: lesson, language: language) { Terminal.show(line) }
        }
    }
}

/// `verify`: every lesson's checks, in order.
struct VerifyCommand: AsyncParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "verify",
            abstract: helpLanguage.say(
                "Check every lesson: done, not done (with its TODO) or broken. Exit code 0 only when all are done.",
                russian: "Проверить все уроки: пройден, не пройден (с его TODO) или сломан. Код выхода 0, только если пройдены все.")
        )
    }

    @OptionGroup var options: SharedOptions

    func run() async throws {
        try await Terminal.reportingErrors {
            let kit = try options.kit()
            let (outcome, _) = try await options.checkEveryLesson(
                of: kit, announcing: kit.language.say("Checking every lesson…", russian: "Проверяю все уроки…"))
            Terminal.show(Report.verify(lessons: kit.lessons, outcome: outcome, language: kit.language))
            if kit.lessons.contains(where: { outcome.results[$0.number]?.status != .done }) {
                throw ExitCode.failure
            }
        }
    }
}
