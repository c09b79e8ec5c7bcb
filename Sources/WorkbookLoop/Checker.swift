import ExerciseMessages
import Foundation

/// Runs lessons' real checks (`swift test --filter LessonNNTests`) and reads
/// their results.
///
/// How, measured on this kit (Swift 6.3.1, Linux, 2 cores, warm `.build`,
/// exercises track):
/// - One `swift test` for all the lessons asked about, one `--filter` per
///   lesson (SwiftPM ORs them; `'Lesson0[1-6]Tests'` works too but cannot
///   name lesson 10 and 1 apart as plainly). Swift Testing runs the lessons'
///   suites in parallel in one process: all six lessons take 1.5 s, against
///   0.6–1.5 s *each* (5.3 s in all) run one by one with `--skip-build`.
///   Results are told apart by the file each failure names
///   (`Lesson03Tests.swift:…`, see ``Kit/testFileLessons(fileManager:)``).
///   When that cannot be done (the process crashed, or a failure names no
///   lesson's file), each lesson not yet known runs again alone with
///   `--skip-build`, which is always unambiguous.
/// - `swift test` builds first, in the same process: `swift test --filter
///   Lesson01Tests` takes 1.4 s with nothing to rebuild, where
///   `swift build --build-tests` then `swift test --skip-build` take 2.0 s
///   (SwiftPM starts twice). A compile error is still told apart: the build
///   failed when no test ran (no `Test run started.`), and the compiler's
///   `error:` lines say which lesson it is in.
/// - The environment passes through unchanged (`WORKBOOK=solutions`).
struct Checker: Sendable {
    /// The kit whose lessons are checked.
    let kit: Kit
    /// Starts `swift`.
    let runner: any ProcessRunning
    /// Forwarded to swift as `--scratch-path` (absolute), when set.
    let scratchPath: String?
    /// Tells the learner what is going on, one short line at a time.
    let say: @Sendable (String) -> Void

    /// The kit's language: what `say` is told and the results' own words.
    var language: WorkbookLanguage { kit.language }

    /// Said before the first build, which is long.
    static func firstBuildMessage(in language: WorkbookLanguage) -> String {
        language.say("Building the kit's checks — the first build takes several minutes…",
                     russian: "Собираю проверки практикума — первая сборка занимает несколько минут…")
    }

    var scratchArguments: [String] { scratchPath.map { ["--scratch-path", $0] } ?? [] }

    /// The command that builds the kit and runs `lessons`' checks; with
    /// `skipBuild`, runs them as they were last built.
    func testCommand(_ lessons: [Lesson], skipBuild: Bool = false) -> [String] {
        ["swift", "test"] + (skipBuild ? ["--skip-build"] : []) + scratchArguments
            + lessons.flatMap { ["--filter", $0.testTarget] }
    }

    /// Whether the checks were never built in this build folder (no test bundle yet).
    var isFirstBuild: Bool {
        let folder = scratchPath.map { URL(fileURLWithPath: $0) } ?? kit.root.appendingPathComponent(".build")
        let debug = folder.appendingPathComponent("debug")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: debug.path)) ?? []
        return !names.contains { $0.hasSuffix("PackageTests.xctest") }
    }

    /// Builds the kit and runs `lessons`' checks.
    func check(_ lessons: [Lesson]) async throws -> CheckOutcome {
        if isFirstBuild { say(Checker.firstBuildMessage(in: language)) }
        let run = try await runner.run(testCommand(lessons), in: kit.root)
        guard run.status == 0 || Checker.testsRan(run.output) else {
            return Checker.buildFailed(output: run.output, lessons: lessons, root: kit.root.path, language: language)
        }
        let testFiles = kit.testFileLessons()
        var results = Attribution.results(of: TestRunOutput.parse(run.output), exitCode: run.status, output: run.output,
                                          lessons: lessons.map(\.number), testFiles: testFiles, language: language)
        for lesson in lessons where results[lesson.number] == nil {
            let alone = try await runner.run(testCommand([lesson], skipBuild: true), in: kit.root)
            results[lesson.number] = Attribution.results(
                of: TestRunOutput.parse(alone.output), exitCode: alone.status, output: alone.output,
                lessons: [lesson.number], testFiles: testFiles, language: language)[lesson.number]
        }
        return CheckOutcome(results: results, compileErrors: nil)
    }

    /// Whether `swift test` got as far as running tests (Swift Testing's or XCTest's).
    static func testsRan(_ output: String) -> Bool {
        output.contains("Test run started.") || output.contains("Test Suite '")
    }

    /// The outcome when the build failed: the lessons the compiler's errors
    /// name are broken; the others could not be checked.
    static func buildFailed(output: String, lessons: [Lesson], root: String,
                            language: WorkbookLanguage = .english) -> CheckOutcome {
        var errors = CompileErrors.parse(output, root: root)
        if errors.isEmpty {
            // No `error:` line at all (a dependency could not be fetched, say): show the end.
            errors.other = output.split(separator: "\n").suffix(10).map(String.init)
        }
        var results: [Int: LessonResult] = [:]
        for lesson in lessons {
            if let lines = errors.byLesson[lesson.number] {
                results[lesson.number] = LessonResult(
                    status: .broken,
                    message: language.say("Lesson \(lesson.number) does not compile.", russian: "Урок \(lesson.number) не компилируется."),
                    details: lines)
            } else {
                results[lesson.number] = LessonResult(status: .notChecked)
            }
        }
        return CheckOutcome(results: results, compileErrors: errors)
    }
}
