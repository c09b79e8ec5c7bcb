import ExerciseMessages
import Foundation
import Testing
import Workbook
import WorkbookTesting

@Suite("Lesson notes never drift from the code")
struct NotesTests {
    let root = workbookRoot()

    @Test("every Swift excerpt in Lessons/ names its file and still matches it")
    func excerptsMatch() throws {
        let problems = try NoteExcerpts.checkAll(root: root)
        #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n\n"))")
    }

    @Test("every note an exercise message points at exists")
    func notesExist() {
        for (lesson, path) in ExerciseMessage.notes {
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path),
                    "lesson \(lesson)'s note \(path) does not exist")
        }
    }

    // The checker itself, on notes written here, so it is seen to fail.

    let source = "Tests/WorkbookTests/NotesTests.swift"

    @Test("an excerpt that matches passes, with // … leaving lines out")
    func matchingExcerpt() {
        let note = """
        From `\(source)`:

        ```swift
        @Suite("Lesson notes never drift from the code")
        struct NotesTests {
        // …
            @Test("every note an exercise message points at exists")
        ```
        """
        #expect(NoteExcerpts.check(note: note, named: "note.md", root: root).isEmpty)
    }

    @Test("an excerpt that was edited, or names no file, or a missing file, is reported")
    func driftedExcerpts() {
        let drifted = """
        From `\(source)`:

        ```swift
        struct NotesTestz {
        ```

        ```swift
        let x = 1
        ```

        From `Sources/NoSuchFile.swift`:
        ```swift
        let y = 2
        ```
        """
        let problems = NoteExcerpts.check(note: drifted, named: "note.md", root: root)
        #expect(problems.map(\.line) == [3, 7, 12])
        #expect(problems.first?.message.contains("no longer matches") == true)
        #expect(problems.dropFirst().first?.message.contains("must say where it comes from") == true)
        #expect(problems.last?.message.contains("does not exist") == true)
    }

    @Test("a Python block that names a .py file is checked, with # … leaving lines out; one without is free")
    func pythonExcerpts() {
        let python = "scripts/test_play_notes.py"
        let note = """
        From `\(python)`:

        ```python
        import importlib.machinery
        # …
        import unittest
        ```

        From `\(python)`:

        ```python
        import unittest
        # …
        import importlib.machinery
        ```

        A retelling of the walkthrough, checked by nobody:

        ```python
        app = FastAPI()
        ```
        """
        let problems = NoteExcerpts.check(note: note, named: "note.md", root: root)
        #expect(problems.map(\.line) == [11])
        #expect(problems.first?.message.contains("no longer matches \(python)") == true)
    }

    @Test("parts out of order are reported")
    func outOfOrder() {
        let note = """
        From `\(source)`:
        ```swift
            @Test("every note an exercise message points at exists")
        // …
        struct NotesTests {
        ```
        """
        #expect(NoteExcerpts.check(note: note, named: "note.md", root: root).count == 1)
    }
}
