import Foundation
import Testing
@testable import WorkbookLoop

@Suite("Finding the kit and its lessons")
struct KitTests {
    @Test("lessons come from Exercises/NN-slug folders; each note is Lessons/NN-slug.md, never the appendix")
    func discovery() {
        let lessons = Kit.lessons(
            exerciseFolders: ["06-users-service", "01-first-steps", "README.md", ".DS_Store", "00-setup", "x-1"],
            noteFiles: ["06-appendix-postgresql.md", "06-users-service.md", "01-first-steps.md", "00-before-you-start.md"]
        )
        #expect(lessons.map(\.number) == [0, 1, 6])
        #expect(lessons.map(\.notePath) == ["Lessons/00-before-you-start.md", "Lessons/01-first-steps.md", "Lessons/06-users-service.md"])
        #expect(lessons[1].exerciseFolder == "Exercises/01-first-steps")
        #expect(lessons[1].solutionFolder == "Solutions/01-first-steps")
        #expect(lessons[0].testTarget == "Lesson00Tests")
        #expect(lessons[2].testTarget == "Lesson06Tests")
    }

    @Test("the kit's own lessons start with lesson 0, the Swift primer, and run on without a gap")
    func theKitsLessons() throws {
        // <root>/Tests/WorkbookLoopTests/KitTests.swift
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let kit = try Kit(root: root)
        let first = try #require(kit.lessons.first)
        #expect(first.number == 0)
        #expect(first.title == "Swift for a Python developer")
        #expect(first.notePath == "Lessons/00-swift-for-python.md")
        #expect(first.exerciseFolder == "Exercises/00-swift-for-python")
        #expect(first.testTarget == "Lesson00Tests")
        #expect(kit.lessons.map(\.number) == Array(0..<kit.lessons.count))
        #expect(try kit.lesson(0) == first)
    }

    @Test("a lesson's title is its note's heading, between the dash and the colon")
    func titles() {
        #expect(Kit.title(fromNote: "# Lesson 1 — First steps: FastAPI's \"Hello World\" in Vapor\n\ntext") == "First steps")
        #expect(Kit.title(fromNote: "# Lesson 6 — The users service, finished\n") == "The users service, finished")
        #expect(Kit.title(fromNote: "no heading") == nil)
        #expect(Kit.titleFromSlug("orm-model") == "Orm model")
    }

    @Test("the kit's root is found from a folder inside it; its notes give the titles")
    func findsRoot() async throws {
        try await withTemporaryFolder { root in
            try write("// swift-tools-version:6.1", to: "Package.swift", in: root)
            try write("# Lesson 3 — The ORM model: SQLAlchemy's `User`, in Fluent\n", to: "Lessons/03-orm-model.md", in: root)
            try write("// x", to: "Exercises/03-orm-model/Models/User.swift", in: root)
            try write("// x", to: "Tests/Lesson03Tests/Lesson03Tests.swift", in: root)
            try write("// x", to: "Tests/Lesson03Tests/Helpers/More.swift", in: root)
            let kit = try Kit.find(from: root.appendingPathComponent("Exercises/03-orm-model/Models"))
            #expect(kit.root.path == root.path)
            #expect(kit.lessons.map(\.title) == ["The ORM model"])
            #expect(kit.testFileLessons() == ["Lesson03Tests.swift": 3, "More.swift": 3])
            #expect(throws: WorkbookError.self) { try kit.lesson(4) }
        }
    }

    @Test("outside a kit, the error says where to go")
    func notInKit() async throws {
        try await withTemporaryFolder { folder in
            let error = #expect(throws: WorkbookError.self) { try Kit.find(from: folder) }
            #expect(error?.description.contains("cd into the kit's folder") == true)
        }
    }
}
