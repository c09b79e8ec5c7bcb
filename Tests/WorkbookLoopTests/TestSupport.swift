import Foundation
@testable import WorkbookLoop

/// A process runner that answers from a script instead of starting processes,
/// and remembers what it was asked to run.
final class FakeRunner: ProcessRunning, @unchecked Sendable {
    private let lock = NSLock()
    private let answers: [(prefix: [String], output: ProcessOutput)]
    private var commands: [[String]] = []

    /// `answers`: the first whose words start a command answers it; other commands exit 0, silent.
    init(_ answers: [(prefix: [String], output: ProcessOutput)]) {
        self.answers = answers
    }

    /// Every command run so far, in order.
    var ran: [[String]] { lock.withLock { commands } }

    func run(_ arguments: [String], in directory: URL) async throws -> ProcessOutput {
        lock.withLock {
            commands.append(arguments)
            return answers.first { arguments.starts(with: $0.prefix) }?.output ?? ProcessOutput(status: 0, output: "")
        }
    }
}

/// A folder in the system's temporary directory, deleted by `body`'s end.
func withTemporaryFolder<T>(_ body: (URL) async throws -> T) async throws -> T {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("workbook-loop-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    return try await body(folder.resolvingSymlinksInPath())
}

/// Writes `text` to `path` under `folder`, creating folders.
func write(_ text: String, to path: String, in folder: URL) throws {
    let url = folder.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: url, atomically: true, encoding: .utf8)
}

/// The kit's six lessons, as discovered from its folder names.
let sixLessons = Kit.lessons(
    exerciseFolders: ["01-first-steps", "02-project-layout", "03-orm-model", "04-migration-setup", "05-migrations", "06-users-service"],
    noteFiles: ["01-first-steps.md", "02-project-layout.md", "03-orm-model.md", "04-migration-setup.md",
                "05-migrations.md", "06-appendix-postgresql.md", "06-users-service.md"]
)

/// The six lessons with their notes' titles, as `Kit` reads them.
let titledLessons: [Lesson] = zip(sixLessons, ["First steps", "The project layout", "The ORM model", "Migrations, set up",
                                               "The migration workflow", "The users service, finished"]).map { lesson, title in
    var lesson = lesson
    lesson.title = title
    return lesson
}

/// Results per lesson read from a captured run of all six lessons.
func outcome(of output: String) -> CheckOutcome {
    CheckOutcome(results: Attribution.results(of: TestRunOutput.parse(output), exitCode: 1, output: output,
                                              lessons: [1, 2, 3, 4, 5, 6], testFiles: [:]),
                 compileErrors: nil)
}

/// Answers each `swift test` with the next output of a list, and counts the saves waited for.
final class ScriptedRunner: ProcessRunning, @unchecked Sendable {
    private let lock = NSLock()
    private var outputs: [ProcessOutput]
    private(set) var commands: [[String]] = []

    init(_ outputs: [ProcessOutput]) { self.outputs = outputs }

    func run(_ arguments: [String], in directory: URL) async throws -> ProcessOutput {
        lock.withLock {
            commands.append(arguments)
            return outputs.isEmpty ? ProcessOutput(status: 1, output: "") : outputs.removeFirst()
        }
    }
}
