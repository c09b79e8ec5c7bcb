import Foundation
import Testing
@testable import WorkbookLoop

@Suite("Watching Exercises/ for saves")
struct SnapshotTests {
    @Test("a save, a new file and a removed file are changes; editor swap files are not")
    func changes() async throws {
        try await withTemporaryFolder { folder in
            try write("a", to: "01-x/A.swift", in: folder)
            try write("b", to: "01-x/B.swift", in: folder)
            let before = FileSnapshot.take(of: folder)
            #expect(before.files.keys.sorted() == ["01-x/A.swift", "01-x/B.swift"])
            #expect(FileSnapshot.take(of: folder).changes(since: before).isEmpty)

            try write("swap", to: "01-x/.A.swift.swp", in: folder)
            try write("backup", to: "01-x/A.swift~", in: folder)
            #expect(FileSnapshot.take(of: folder).changes(since: before).isEmpty)

            // A save that keeps the size: the modification time tells.
            let a = folder.appendingPathComponent("01-x/A.swift")
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 5)], ofItemAtPath: a.path)
            try write("c", to: "01-x/C.swift", in: folder)
            try FileManager.default.removeItem(at: folder.appendingPathComponent("01-x/B.swift"))
            #expect(FileSnapshot.take(of: folder).changes(since: before) == ["01-x/A.swift", "01-x/B.swift", "01-x/C.swift"])
        }
    }
}

@Suite("watch's loop")
struct WatchLoopTests {
    @Test("not done, a save, done: says so and goes on to the next lesson, which shows what it misses")
    func movesOn() async throws {
        let lesson2Missing = """
            ◇ Test run started.
            ✘ Test "exercise: GET /items" recorded an issue at Lesson02Tests.swift:10:5: Issue recorded
            ↳ Exercise not done yet. TODO(lesson 2): GET /items?skip=&limit= is not written yet.
            ✘ Test run with 3 tests in 1 suite failed after 0.1 seconds with 1 issue.
            """
        let runner = ScriptedRunner([
            ProcessOutput(status: 1, output: Samples.exercisesLesson1),
            ProcessOutput(status: 0, output: Samples.lesson1Passing),
            ProcessOutput(status: 1, output: lesson2Missing),
        ])
        var shown: [String] = []
        var saves = 0
        var recorded: [CheckOutcome] = []
        let kit = Kit(root: URL(fileURLWithPath: "/nonexistent-kit"), lessons: Array(titledLessons.prefix(3)))
        let loop = WatchLoop(
            kit: kit, checker: Checker(kit: kit, runner: runner, scratchPath: nil, say: { _ in }),
            show: { shown.append($0) }, clear: { shown.append("<clear>") },
            waitForSave: { _ in
                saves += 1
                if saves == 2 { throw CancellationError() }  // Ctrl-C, in effect
            },
            record: { recorded.append($0) })
        await #expect(throws: CancellationError.self) { _ = try await loop.run(from: 0, once: false) }

        #expect(runner.commands.map { $0.last } == ["Lesson01Tests", "Lesson01Tests", "Lesson02Tests"])
        #expect(saves == 2)
        #expect(recorded.map { $0.results.values.first?.status } == [.notDone, .done, .notDone])
        #expect(shown.count == 9)
        #expect(shown[0] == "Checking lesson 1…" && shown[1] == "<clear>")
        #expect(shown[2].contains("TODO(lesson 1)"))
        #expect(shown[3] == "Checking lesson 1…")
        #expect(shown[5] == "✔ Lesson 1 is done! On to lesson 2, The project layout: read Lessons/02-project-layout.md.")
        #expect(shown[6] == "Checking lesson 2…")
        #expect(shown[8].hasPrefix("""
            ✔ Lesson 1 is done! On to lesson 2, The project layout: read Lessons/02-project-layout.md.

            Lesson 2, The project layout — Exercises/02-project-layout/

              ↳ Exercise not done yet. TODO(lesson 2): GET /items?skip=&limit= is not written yet.
            """))
    }

    @Test("--once: one check, no waiting; the result says whether the lesson is done")
    func once() async throws {
        let kit = Kit(root: URL(fileURLWithPath: "/nonexistent-kit"), lessons: Array(titledLessons.prefix(2)))
        func loop(_ output: ProcessOutput) -> WatchLoop {
            WatchLoop(kit: kit, checker: Checker(kit: kit, runner: ScriptedRunner([output]), scratchPath: nil, say: { _ in }),
                      show: { _ in }, clear: {}, waitForSave: { _ in Issue.record("--once waited for a save") }, record: { _ in })
        }
        #expect(try await loop(ProcessOutput(status: 1, output: Samples.exercisesLesson1)).run(from: 0, once: true) == false)
        #expect(try await loop(ProcessOutput(status: 0, output: Samples.lesson1Passing)).run(from: 0, once: true) == true)
    }
}
