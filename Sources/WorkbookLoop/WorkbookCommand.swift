import ArgumentParser
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
public struct WorkbookCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "workbook",
        abstract: "Work through the lessons: see where you are, check as you save, get hints.",
        discussion: """
            Each lesson has a note (Lessons/NN-*.md), an exercise (Exercises/NN-*/) and \
            checks (swift test --filter LessonNNTests). This runs the checks for you.
            """,
        subcommands: [ProgressCommand.self, WatchCommand.self, HintCommand.self, ResetCommand.self, VerifyCommand.self],
        defaultSubcommand: ProgressCommand.self
    )

    public init() {}
}

/// Options every command takes.
struct SharedOptions: ParsableArguments {
    @Option(name: .customLong("scratch-path"),
            help: ArgumentHelp("The build folder swift uses (default: .build), passed on as swift's own --scratch-path.",
                               valueName: "path"))
    var scratchPath: String?

    /// The kit the current folder is in.
    func kit() throws -> Kit {
        try Kit.find(from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    }

    /// Runs the checks of `kit`, saying what happens on standard output.
    func checker(_ kit: Kit) -> Checker {
        // Relative to where the learner typed it, as swift itself reads it; swift runs in the kit's root.
        let scratch = scratchPath.map { URL(fileURLWithPath: $0, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL.path }
        return Checker(kit: kit, runner: SystemProcessRunner(), scratchPath: scratch, say: { Terminal.show($0) })
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

    /// Runs `body`; the workbook's own errors are printed plainly and end with exit code 1.
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
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "Show every lesson as done, current or not started, and what to do next."
    )

    @OptionGroup var options: SharedOptions

    func run() async throws {
        try await Terminal.reportingErrors {
            let kit = try options.kit()
            let (outcome, doneBefore) = try await options.checkEveryLesson(of: kit, announcing: "Checking your lessons…")
            Terminal.show(Report.progress(lessons: kit.lessons, outcome: outcome, doneBefore: doneBefore))
        }
    }
}

/// `watch`: checks the current lesson each time a file under `Exercises/` is saved.
struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Check the current lesson each time you save a file in Exercises/; Ctrl-C stops.",
        discussion: "When the lesson's checks pass, it moves on to the next lesson."
    )

    @OptionGroup var options: SharedOptions

    @Option(help: ArgumentHelp("The lesson to start with (default: the first one not done).", valueName: "N"))
    var lesson: Int?

    @Flag(help: "Check once and stop instead of waiting for a save (exit code 0 when the lesson is done).")
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
    static let configuration = CommandConfiguration(
        commandName: "hint",
        abstract: "Show lesson N's next hint, one at a time."
    )

    @OptionGroup var options: SharedOptions

    @Argument(help: ArgumentHelp("The lesson's number.", valueName: "N"))
    var lesson: Int

    @Flag(help: "Start again from the first hint.")
    var again = false

    func run() async throws {
        try await Terminal.reportingErrors {
            let kit = try options.kit()
            let lesson = try kit.lesson(self.lesson)
            let note = lesson.notePath.flatMap { try? String(contentsOf: kit.root.appendingPathComponent($0), encoding: .utf8) } ?? ""
            var state = WorkbookState.load(from: kit.root)
            let (text, shown) = Hints.next(lesson: lesson, hints: Hints.parse(note: note),
                                           shownBefore: again ? 0 : state.hints(lesson.number))
            Terminal.show(text)
            state.setHints(lesson.number, shown)
            try? state.save(to: kit.root)
        }
    }
}

/// `reset N`: lesson N's exercise back to its starting state.
struct ResetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset",
        abstract: "Put lesson N's exercise back to its starting state (asks first).",
        discussion: """
            Restores Exercises/NN-*/ as in git's last commit, removes files you added there, \
            deletes the lesson's database (lesson-N.sqlite…) and lesson-N.revisions.json, \
            and starts its hints over.
            """
    )

    @OptionGroup var options: SharedOptions

    @Argument(help: ArgumentHelp("The lesson's number.", valueName: "N"))
    var lesson: Int

    @Flag(name: .shortAndLong, help: "Reset without asking.")
    var yes = false

    func run() async throws {
        try await Terminal.reportingErrors {
            let kit = try options.kit()
            let plan = ResetPlan(lesson: try kit.lesson(lesson))
            let runner = SystemProcessRunner()
            try await plan.requireGit(in: kit.root, runner: runner)
            if !yes {
                guard Terminal.isInteractiveInput else {
                    Terminal.showError("""
                        Not resetting lesson \(lesson): there is no terminal to ask you first.
                        To reset it without being asked: swift run workbook reset \(lesson) --yes
                        """)
                    throw ExitCode.failure
                }
                FileHandle.standardOutput.write(Data(plan.question.utf8))
                guard ResetPlan.isYes(readLine()) else {
                    Terminal.show("Nothing was changed.")
                    return
                }
            }
            let done = try await plan.run(in: kit.root, runner: runner)
            var state = WorkbookState.load(from: kit.root)
            state.setHints(lesson, 0)
            state.doneAtLastCheck?.removeAll { $0 == lesson }
            try? state.save(to: kit.root)
            for line in done { Terminal.show(line) }
            Terminal.show("Hints for lesson \(lesson) start again from the first.")
            Terminal.show("Next: swift run workbook watch --lesson \(lesson)")
        }
    }
}

/// `verify`: every lesson's checks, in order.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check every lesson: done, not done (with its TODO) or broken. Exit code 0 only when all are done."
    )

    @OptionGroup var options: SharedOptions

    func run() async throws {
        try await Terminal.reportingErrors {
            let kit = try options.kit()
            let (outcome, _) = try await options.checkEveryLesson(of: kit, announcing: "Checking every lesson…")
            Terminal.show(Report.verify(lessons: kit.lessons, outcome: outcome))
            if kit.lessons.contains(where: { outcome.results[$0.number]?.status != .done }) {
                throw ExitCode.failure
            }
        }
    }
}
