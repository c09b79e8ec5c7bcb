import Foundation
import Lesson03
import Lesson04
import Lesson05
import Lesson06
import SchemaRevisions
import SchemaRevisionsCLI
import Testing
import WorkbookTesting

/// Whether these checks link the finished lessons: `Package.swift` builds
/// `Solutions/` only with `WORKBOOK=solutions`, and a note's diagrams show
/// the lessons as they are once the exercises are done.
let onSolutionsTrack = ProcessInfo.processInfo.environment["WORKBOOK"] == "solutions"

@Suite(
    "Lesson notes: every Mermaid diagram is what its command prints",
    .enabled(if: onSolutionsTrack, """
        Skipped: the notes' diagrams show the finished lessons, so they are checked on the solutions track only. \
        Run: WORKBOOK=solutions swift test --scratch-path .build-solutions --filter NoteDiagramsTests
        """)
)
struct NoteDiagramsTests {
    let root = workbookRoot()

    @Test("every diagram in Lessons/ matches what its command prints at that point of the note")
    func diagramsMatch() async throws {
        let (problems, checked) = try await NoteDiagrams.checkAll(root: root, regenerate: regenerate)
        #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n\n"))")
        // Each of these notes shows at least one diagram: an empty check proves nothing.
        let notes = Set(checked.map(\.note))
        for note in ["03-orm-model", "04-migration-setup", "05-migrations", "06-users-service", "06-appendix-postgresql"] {
            #expect(notes.contains("Lessons/\(note).md"), "Lessons/\(note).md shows no diagram")
        }
    }

    @Test("a diagram changed in a copy of a note is reported, with the note, the line and the command to run")
    func changedDiagramIsCaught() async throws {
        let name = "Lessons/05-migrations.md"
        let text = try String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)
        let block = try #require(NoteDiagrams.blocks(in: text, named: name).blocks.first { $0.kind == .history })
        // The copy: one label of the first history diagram says something else.
        var lines = text.components(separatedBy: "\n")
        let target = try #require(lines.indices.first { $0 >= block.line && lines[$0].contains("create users table") })
        lines[target] = lines[target].replacingOccurrences(of: "create users table", with: "create the users table")
        let problems = await NoteDiagrams.check(note: lines.joined(separator: "\n"), named: name, regenerate: regenerate)
        #expect(problems.count == 1)
        let problem = try #require(problems.first)
        #expect(problem.note == name)
        #expect(problem.line == block.line)
        #expect(problem.description.hasPrefix("\(name):\(block.line): "))
        #expect(problem.message.contains("`swift run lesson-5 history --diagram`"))
        #expect(problem.message.contains("create the users table"))
        // The untouched note passes.
        #expect(await NoteDiagrams.check(note: text, named: name, regenerate: regenerate).isEmpty)
    }
}

/// The lessons' migration environments, as their `swift run lesson-N` mounts them.
func migrationEnvironment(lesson: Int) throws -> MigrationEnvironment {
    switch lesson {
    case 4: Lesson04.migrationEnvironment()
    case 5: Lesson05.migrationEnvironment()
    case 6: Lesson06.migrationEnvironment()
    default: throw NoDiagramCommand(lesson: lesson)
    }
}

struct NoDiagramCommand: Error, CustomStringConvertible {
    let lesson: Int
    var description: String { "lesson \(lesson) has no migration commands (lessons 4–6 do; lesson 3 has `diagram` only)" }
}

/// What `block`'s command prints with the finished lessons, in the state the
/// block shows: for a history, the first revisions up to the one the block
/// shows last (the head the learner had at that point), in a sandbox
/// database upgraded to the revision it marks current. The PostgreSQL
/// appendix's histories run on PostgreSQL when a test server is configured.
@Sendable
func regenerate(_ block: NoteDiagrams.Block) async throws -> [String] {
    switch (block.lesson, block.kind) {
    case (3, .schema):
        // Sources/lesson-3/entrypoint.swift prints exactly this.
        return MermaidDiagram.entityRelationship(try Lesson03.targetMetadata()).components(separatedBy: "\n")
    case (_, .schema):
        return try await withMigrationSandbox(try migrationEnvironment(lesson: block.lesson)) { sandbox in
            try await sandbox.run("diagram")
        }
    case (_, .history):
        var environment = try migrationEnvironment(lesson: block.lesson)
        let ordered = try RevisionGraph(environment.revisions).ordered
        guard block.revisionCount <= ordered.count else {
            throw HistoryMismatch(shown: block.revisionCount, available: ordered.count)
        }
        environment.revisions = ordered.prefix(block.revisionCount).map(\.revision)
        let backend: TestBackend = block.note.contains("postgresql") && TestBackend.postgresServerURL != nil ? .postgresql : .sqlite
        return try await withMigrationSandbox(environment, backend: backend) { sandbox in
            if let current = block.currentPosition, current > 0 {
                try await sandbox.run("upgrade", ordered[current - 1].id)
            }
            return try await sandbox.run("history", "--diagram")
        }
    }
}

struct HistoryMismatch: Error, CustomStringConvertible {
    let shown: Int
    let available: Int
    var description: String { "the diagram shows \(shown) revisions; the finished lesson has only \(available)" }
}
