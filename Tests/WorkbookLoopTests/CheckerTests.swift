import Foundation
import Testing
@testable import WorkbookLoop

@Suite("Running the checks")
struct CheckerTests {
    let root = URL(fileURLWithPath: "/your/kit")

    func checker(_ runner: FakeRunner, lessons: [Lesson] = sixLessons, said: Said = Said()) -> Checker {
        Checker(kit: Kit(root: root, lessons: lessons), runner: runner, scratchPath: "/your/kit/.build-ci",
                say: { said.append($0) })
    }

    @Test("one swift test for all lessons, each selected by its own --filter")
    func oneRun() async throws {
        let runner = FakeRunner([(prefix: ["swift", "test"], output: ProcessOutput(status: 1, output: Samples.exercisesTrackAllLessons))])
        let outcome = try await checker(runner).check(sixLessons)
        #expect(runner.ran == [
            ["swift", "test", "--scratch-path", "/your/kit/.build-ci",
             "--filter", "Lesson01Tests", "--filter", "Lesson02Tests", "--filter", "Lesson03Tests",
             "--filter", "Lesson04Tests", "--filter", "Lesson05Tests", "--filter", "Lesson06Tests"],
        ])
        #expect(outcome.compileErrors == nil)
        #expect(sixLessons.allSatisfy { outcome.results[$0.number]?.status == .notDone })
        #expect(outcome.results[3]?.message?.hasPrefix("↳ Exercise not done yet. TODO(lesson 3): ") == true)
    }

    @Test("when the run crashes, each lesson runs again alone, and the one that crashes is broken")
    func crashRerunsAlone() async throws {
        let runner = FakeRunner([
            (prefix: ["swift", "test", "--scratch-path", "/your/kit/.build-ci", "--filter", "Lesson01Tests", "--filter", "Lesson02Tests"],
             output: ProcessOutput(status: 1, output: Samples.crash)),
            (prefix: ["swift", "test", "--skip-build", "--scratch-path", "/your/kit/.build-ci", "--filter", "Lesson01Tests"],
             output: ProcessOutput(status: 0, output: Samples.lesson1Passing)),
            (prefix: ["swift", "test", "--skip-build", "--scratch-path", "/your/kit/.build-ci", "--filter", "Lesson02Tests"],
             output: ProcessOutput(status: 1, output: Samples.crash)),
        ])
        let lessons = Array(sixLessons.prefix(2))
        let outcome = try await checker(runner, lessons: lessons).check(lessons)
        #expect(runner.ran.count == 3)
        #expect(outcome.results[1] == LessonResult.done)
        #expect(outcome.results[2]?.status == .broken)
        #expect(outcome.results[2]?.message == "The checks crashed: Lesson07Tests/Lesson07Tests.swift:10: Fatal error: boom in test")
    }

    @Test("a compile error: the lesson it names is broken, the others not checked, and no test runs")
    func compileError() async throws {
        let runner = FakeRunner([(prefix: ["swift", "test"], output: ProcessOutput(status: 1, output: Samples.compileError))])
        let checker = Checker(kit: Kit(root: URL(fileURLWithPath: "/tmp/kit-sample"), lessons: sixLessons), runner: runner,
                              scratchPath: nil, say: { _ in })
        let outcome = try await checker.check(sixLessons)
        #expect(runner.ran.count == 1)
        #expect(outcome.results[3]?.status == .broken)
        #expect(outcome.results[1]?.status == .notChecked)
        #expect(outcome.compileErrors?.byLesson == [3: [
            "Exercises/03-orm-model/Models/User.swift:5:9: error: cannot find 'undefinedThing' in scope",
        ]])
        #expect(outcome.compileErrors?.other == [])
    }

    @Test("a file the build cannot open: the lesson its message names is broken")
    func missingFile() {
        let outcome = Checker.buildFailed(output: Samples.missingInputFile, lessons: sixLessons, root: "/work/main")
        #expect(outcome.compileErrors?.byLesson == [5: [
            "<unknown>:0: error: error opening input file 'Solutions/05-migrations/exercise.swift' (No such file or directory)",
        ]])
        #expect(outcome.results[5]?.status == .broken)
        #expect(outcome.compileErrors?.other == [])
    }

    @Test("a build that fails without an error: line shows its last lines")
    func buildFailsOtherwise() {
        let outcome = Checker.buildFailed(output: "Fetching https://github.com/vapor/vapor.git\nwarning: could not fetch\nnetwork down",
                                          lessons: sixLessons, root: "/your/kit")
        #expect(outcome.compileErrors?.other == ["Fetching https://github.com/vapor/vapor.git", "warning: could not fetch", "network down"])
        #expect(outcome.results.values.allSatisfy { $0.status == .notChecked })
    }

    @Test("the first build is announced; later ones are not")
    func firstBuild() async throws {
        try await withTemporaryFolder { folder in
            let said = Said()
            let checker = Checker(kit: Kit(root: folder, lessons: [sixLessons[0]]), runner: FakeRunner([]), scratchPath: nil,
                                  say: { said.append($0) })
            #expect(checker.isFirstBuild)
            _ = try await checker.check([sixLessons[0]])
            #expect(said.lines == [Checker.firstBuildMessage(in: .english)])

            try write("", to: ".build/debug/swift-server-workbookPackageTests.xctest", in: folder)
            #expect(!checker.isFirstBuild)
        }
    }
}

@Suite("Starting processes")
struct ProcessRunnerTests {
    @Test("a real process: its output, both streams, and its exit status")
    func realProcess() async throws {
        let runner = SystemProcessRunner()
        let here = URL(fileURLWithPath: NSTemporaryDirectory())
        let echo = try await runner.run(["echo", "hello", "workbook"], in: here)
        #expect(echo == ProcessOutput(status: 0, output: "hello workbook\n"))
        let both = try await runner.run(["sh", "-c", "echo out; echo err >&2; exit 3"], in: here)
        #expect(both.status == 3)
        #expect(both.output.contains("out\n") && both.output.contains("err\n"))
        let environment = try await runner.run(["sh", "-c", "echo \"$HOME\""], in: here)
        #expect(environment.output == (ProcessInfo.processInfo.environment["HOME"] ?? "") + "\n")
    }

    @Test("a program that is not installed says so")
    func missingProgram() async throws {
        let error = await #expect(throws: WorkbookError.self) {
            try await SystemProcessRunner().run(["no-such-program-workbook"], in: URL(fileURLWithPath: NSTemporaryDirectory()))
        }
        #expect(error?.description.contains("Could not run `no-such-program-workbook`") == true)
    }
}

/// Lines a checker said, collected from any thread.
final class Said: @unchecked Sendable {
    private let lock = NSLock()
    private var said: [String] = []
    func append(_ line: String) { lock.withLock { said.append(line) } }
    var lines: [String] { lock.withLock { said } }
}
