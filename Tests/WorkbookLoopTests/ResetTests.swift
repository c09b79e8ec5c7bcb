import Foundation
import Testing
@testable import WorkbookLoop

@Suite("reset N")
struct ResetTests {
    let plan = ResetPlan(lesson: sixLessons[2])

    @Test("the plan: ask, restore the folder from git, remove what git does not know, delete the lesson's database")
    func theSteps() {
        #expect(plan.question == "Reset lesson 3? This discards your changes in Exercises/03-orm-model/ [y/N] ")
        #expect(plan.gitCommands == [
            ["git", "checkout", "HEAD", "--", "Exercises/03-orm-model"],
            ["git", "clean", "-fd", "--", "Exercises/03-orm-model"],
        ])
        #expect(plan.filesToDelete == ["lesson-3.sqlite", "lesson-3.sqlite-wal", "lesson-3.sqlite-shm", "lesson-3.revisions.json"])
        #expect(ResetPlan.isYes("y") && ResetPlan.isYes(" Yes ") && ResetPlan.isYes("Y"))
        #expect(!ResetPlan.isYes("") && !ResetPlan.isYes("n") && !ResetPlan.isYes(nil) && !ResetPlan.isYes("yep"))
    }

    @Test("without git, reset explains and changes nothing")
    func withoutGit() async throws {
        let runner = FakeRunner([(prefix: ["git", "rev-parse"],
                                  output: ProcessOutput(status: 128, output: "fatal: not a git repository"))])
        try await withTemporaryFolder { root in
            try write("db", to: "lesson-3.sqlite", in: root)
            let error = await #expect(throws: ResetError.self) { try await plan.run(in: root, runner: runner) }
            #expect(error?.description.contains("not a git checkout") == true)
            #expect(runner.ran == [["git", "rev-parse", "--is-inside-work-tree"]])
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("lesson-3.sqlite").path))
        }
    }

    @Test("in a real git checkout: edits are undone, new files removed, the database deleted, other lessons untouched")
    func realGit() async throws {
        let git = SystemProcessRunner()
        try await withTemporaryFolder { root in
            func run(_ arguments: String...) async throws {
                let result = try await git.run(arguments, in: root)
                #expect(result.status == 0, "\(arguments.joined(separator: " ")): \(result.output)")
            }
            try await run("git", "init", "-q")
            try write("struct User {}\n", to: "Exercises/03-orm-model/Models/User.swift", in: root)
            try write("// lesson 4\n", to: "Exercises/04-migration-setup/configure.swift", in: root)
            try write("*.sqlite*\n", to: ".gitignore", in: root)
            try await run("git", "add", ".")
            try await run("git", "-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "start")

            // The learner's work: an edit, a new file, a database, and lesson 4 edited too.
            try write("struct User { var id: Int }\n", to: "Exercises/03-orm-model/Models/User.swift", in: root)
            try write("// generated\n", to: "Exercises/03-orm-model/Versions/0001_add.swift", in: root)
            try write("data", to: "lesson-3.sqlite", in: root)
            try write("wal", to: "lesson-3.sqlite-wal", in: root)
            try write("{}", to: "lesson-3.revisions.json", in: root)
            try write("data", to: "lesson-4.sqlite", in: root)
            try write("// lesson 4, edited\n", to: "Exercises/04-migration-setup/configure.swift", in: root)

            let done = try await plan.run(in: root, runner: git)

            let user = try String(contentsOf: root.appendingPathComponent("Exercises/03-orm-model/Models/User.swift"), encoding: .utf8)
            #expect(user == "struct User {}\n")
            let exists = { (path: String) in FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) }
            #expect(!exists("Exercises/03-orm-model/Versions/0001_add.swift"))
            #expect(!exists("lesson-3.sqlite") && !exists("lesson-3.sqlite-wal") && !exists("lesson-3.revisions.json"))
            #expect(exists("lesson-4.sqlite"))
            let lesson4 = try String(contentsOf: root.appendingPathComponent("Exercises/04-migration-setup/configure.swift"), encoding: .utf8)
            #expect(lesson4 == "// lesson 4, edited\n")
            #expect(done == [
                "Exercises/03-orm-model/ is back to its starting state (as in git's last commit).",
                "Deleted lesson-3.sqlite, lesson-3.sqlite-wal, lesson-3.revisions.json.",
            ])
        }
    }
}
