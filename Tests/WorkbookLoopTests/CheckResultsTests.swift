import Foundation
import Testing
@testable import WorkbookLoop

@Suite("Reading swift test's output")
struct TestOutputTests {
    @Test("an unfinished lesson 1: five failures, each with the TODO line under it, and the summary")
    func exercisesLesson1() {
        let run = TestRunOutput.parse(Samples.exercisesLesson1)
        #expect(run.completed)
        #expect(run.testCount == 8)
        #expect(run.summary == "Test run with 8 tests in 1 suite failed after 0.034 seconds with 5 issues.")
        #expect(run.issues.count == 5)
        #expect(run.issues.allSatisfy { $0.file == "Lesson01Tests.swift" && $0.message == "Issue recorded" })
        // A parameterized test's failure names its argument before the location.
        #expect(run.issues[0].test == #""exercise: a non-integer id is a 422 that names item_id""#)
        #expect(run.issues[1].test == #""exercise: q is optional""#)
        #expect(run.issues[1].details == [
            #"Exercise not done yet. TODO(lesson 1): GET /items/{item_id} is not written yet. Write it in Exercises/01-first-steps/Items.swift — the note Lessons/01-first-steps.md explains how (section "Exercise")."#,
        ])
    }

    @Test("the shapes of issue lines: multi-line comments, thrown errors, arguments; known issues are not failures")
    func shapes() {
        let run = TestRunOutput.parse(Samples.swiftTestingShapes)
        #expect(run.issues.map(\.test) == [#""throws""#, #""record multi-line""#, #""param""#, #""expect with comment""#])
        #expect(run.issues[0].message == "Caught error: E()")
        #expect(run.issues[1].details == ["Exercise not done yet. TODO(lesson 7): line one\nline two"])
        #expect(run.issues[2].message == "Expectation failed: (n → 2) == 1")
        #expect(run.issues[3].message == "Expectation failed: (x → 1) == 2")
        #expect(run.issues[3].details == ["x should be 2\nsecond line"])
        #expect(run.issues[3].text == """
            ✘ Test "expect with comment" failed: Expectation failed: (x → 1) == 2
              ↳ x should be 2
                second line
            """)
        #expect(run.testCount == 7)
        #expect(run.crashLines.isEmpty)
    }

    @Test("a message over several lines is kept whole, up to its ↳ lines; log lines after it are not part of it")
    func multiLineMessage() {
        let run = TestRunOutput.parse(Samples.solutionsWithWrongAnswers)
        let staleFile = run.issues.first { $0.file == "Lesson03Tests.swift" && $0.message.hasPrefix("Expectation failed") }
        #expect(staleFile?.message.contains("\nTo start clean, delete the file") == true)
        #expect(staleFile?.details.first?.hasPrefix("The users table in /tmp/workbook-") == true)
        #expect(staleFile?.details.first?.contains("swift run lesson-3") == true)
        let index = run.issues.first { $0.file == "Lesson03Tests.swift" && $0.message == "Issue recorded" }
        #expect(index?.details == [#"the index on email is named idx_users_email, not ix_users_email (SQLAlchemy's name for index=True): leave out name:, .index(\.$email, unique: true) names it ix_users_email"#])
        #expect(run.issues.allSatisfy { issue in !(issue.details + [issue.message]).contains { $0.contains("codes.vapor") } })
    }

    @Test("a crash: no summary, the fatal error kept, SwiftPM's signal line cut out of the line it landed in")
    func crash() {
        let run = TestRunOutput.parse(Samples.crash)
        #expect(!run.completed)
        #expect(run.summary == nil)
        #expect(run.crashLines.first == "Lesson07Tests/Lesson07Tests.swift:10: Fatal error: boom in test")
        #expect(run.crashLines.contains { $0.hasPrefix("error: Process '") && $0.contains("exited with unexpected signal code 4") })
        #expect(run.issues.count == 1)
    }
}

@Suite("Results per lesson")
struct AttributionTests {
    let testFiles = ["Lesson01Tests.swift": 1, "Lesson02Tests.swift": 2, "Lesson03Tests.swift": 3,
                     "Lesson04Tests.swift": 4, "Lesson05Tests.swift": 5, "Lesson06Tests.swift": 6]

    func results(_ output: String, exitCode: Int32 = 1, lessons: [Int] = [1, 2, 3, 4, 5, 6]) -> [Int: LessonResult] {
        Attribution.results(of: TestRunOutput.parse(output), exitCode: exitCode, output: output, lessons: lessons, testFiles: testFiles)
    }

    @Test("the exercises track: every lesson not done, each with its own TODO line")
    func exercisesTrack() {
        let results = results(Samples.exercisesTrackAllLessons)
        #expect(results.keys.sorted() == [1, 2, 3, 4, 5, 6])
        for lesson in 1...6 {
            #expect(results[lesson]?.status == .notDone)
            #expect(results[lesson]?.message?.hasPrefix("↳ Exercise not done yet. TODO(lesson \(lesson)): ") == true)
        }
        #expect(results[1]?.message == #"↳ Exercise not done yet. TODO(lesson 1): GET /items/{item_id} is not written yet. Write it in Exercises/01-first-steps/Items.swift — the note Lessons/01-first-steps.md explains how (section "Exercise")."#)
    }

    @Test("lessons whose checks fail with another message are broken; the others are done")
    func wrongAnswers() {
        let results = results(Samples.solutionsWithWrongAnswers)
        #expect(results[2] == .done && results[4] == .done && results[5] == .done && results[6] == .done)
        #expect(results[1]?.status == .broken)
        #expect(results[1]?.message == """
            ✘ Test "exercise: a non-integer id is a 422 that names item_id" failed:
              ↳ the 422 should say which parameter is wrong, as FastAPI's does: {"detail":[{"loc":["path","item_id"],…}]}. Got {"detail":"The parameter value could not be converted to the required type"}. req.pathParameter("item_id", as: Int.self) answers that; Vapor's req.parameters.require does not name the parameter.
            """)
        #expect(results[1]?.details.count == 3)
        #expect(results[3]?.status == .broken)
    }

    @Test("one lesson alone: passing is done, its output needs no file names")
    func alone() {
        #expect(results(Samples.lesson1Passing, exitCode: 0, lessons: [1]) == [1: .done])
        #expect(results(Samples.exercisesLesson1, lessons: [1])[1]?.status == .notDone)
    }

    @Test("a crash says nothing about lessons run together, and makes a lesson run alone broken")
    func crash() {
        #expect(results(Samples.crash, lessons: [1, 7]).isEmpty)
        let alone = results(Samples.crash, lessons: [7])[7]
        #expect(alone?.status == .broken)
        #expect(alone?.message == "The checks crashed: Lesson07Tests/Lesson07Tests.swift:10: Fatal error: boom in test")
    }

    @Test("a failure in a file no lesson owns leaves the lessons without failures unknown")
    func unattributed() {
        let output = """
            ✘ Test "x" recorded an issue at Lesson01Tests.swift:1:1: Issue recorded
            ↳ Exercise not done yet. TODO(lesson 1): write it.
            ✘ Test "y" recorded an issue at Helpers.swift:9:9: Caught error: oops
            ✘ Test run with 3 tests in 3 suites failed after 0.1 seconds with 2 issues.
            """
        let results = results(output, lessons: [1, 2, 3])
        #expect(results.keys.sorted() == [1])
        #expect(results[1]?.status == .notDone)
    }

    @Test("TODO lines and other failures together: broken, the TODO shown first, the other failures in the details")
    func mixed() {
        let issues = [
            ReportedIssue(test: #""a""#, file: nil, message: "Issue recorded", details: ["Exercise not done yet. TODO(lesson 5): add the column."]),
            ReportedIssue(test: #""b""#, file: nil, message: "Expectation failed: (n → 2) == 1", details: []),
        ]
        let result = Attribution.classify(lesson: 5, issues: issues)
        #expect(result.status == .broken)
        #expect(result.message == "↳ Exercise not done yet. TODO(lesson 5): add the column.")
        #expect(result.details == [#"✘ Test "b" failed: Expectation failed: (n → 2) == 1"#])
        // Another lesson's TODO is not this lesson's exercise message.
        #expect(Attribution.classify(lesson: 4, issues: [issues[0]]).status == .broken)
    }

    @Test("test file names: LessonNNTests.swift")
    func fileNames() {
        #expect(Attribution.lessonFromFileName("Lesson03Tests.swift") == 3)
        #expect(Attribution.lessonFromFileName("Lesson00Tests.swift") == 0)
        #expect(Attribution.lessonFromFileName("Lesson3Tests.swift") == nil)
        #expect(Attribution.lessonFromFileName("Lesson03TestsHelpers.swift") == nil)
        #expect(CompileErrors.lesson(ofPath: "Exercises/03-orm-model/Models/User.swift:5:9: error: x") == 3)
        #expect(CompileErrors.lesson(ofPath: "Tests/Lesson06Tests/Lesson06Tests.swift:1:1: error: x") == 6)
        #expect(CompileErrors.lesson(ofPath: "Sources/Workbook/Boot.swift:1:1: error: see Exercises/01-first-steps") == nil)
    }
}

@Suite("Output as a Mac prints it")
struct MacOutputTests {
    /// Lesson 1's captured output as Swift Testing writes it on a Mac with the
    /// SF Pro font and colours on: SF Symbols (private-use characters) then two
    /// spaces instead of `✘ `, `✔ `, `↳ `, and ANSI colour codes around them.
    static let macOutput = Samples.exercisesLesson1
        .replacingOccurrences(of: "\n✘ ", with: "\n\u{1B}[91m\u{100884}\u{1B}[0m  ")
        .replacingOccurrences(of: "\n✔ ", with: "\n\u{1B}[92m\u{10105B}\u{1B}[0m  ")
        .replacingOccurrences(of: "\n↳ ", with: "\n\u{100135}  ")
        .replacingOccurrences(of: "\n◇ ", with: "\n\u{1B}[90m\u{1007C8}\u{1B}[0m  ")

    @Test("SF Symbols and colours read as the plain symbols")
    func sfSymbols() {
        #expect(Self.macOutput.contains("\u{100884}") && !Self.macOutput.contains("\n✘ "))
        #expect(TestRunOutput.parse(Self.macOutput) == TestRunOutput.parse(Samples.exercisesLesson1))
        #expect(TestRunOutput.plain("\u{1B}[1;91m\u{100884}\u{1B}[0m  Test x recorded") == "✘ Test x recorded")
    }
}
