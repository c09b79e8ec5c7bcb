import Foundation
import Testing
@testable import WorkbookLoop

/// A note's end, as CONTRIBUTING.md writes hints.
let noteWithHints = """
    # Lesson 1 — First steps: FastAPI's "Hello World" in Vapor

    ## Exercise: path and query parameters

    Write `GET /items/{item_id}`.

    ### Hints

    <details><summary>Hint 1</summary>

    The kit gives `Request` two helpers: `try req.pathParameter("item_id", as: Int.self)`.

    </details>

    <details><summary>Hint 2</summary>

    Vapor's own `req.parameters.require` works too,
    but its 422 message does not say *which* parameter was wrong.

    </details>

    <details><summary>Hint 3</summary>

    ```swift
    // ### not a heading
    app.get("items", ":item_id") { req in … }
    ```

    </details>

    ## Next

    <details><summary>Not a hint</summary>

    Outside the section.

    </details>
    """

@Suite("Hints")
struct HintsTests {
    let lesson = sixLessons[0]

    @Test("each <details> block under ### Hints is one hint, up to the next heading")
    func parsesDetails() {
        let hints = Hints.parse(note: noteWithHints)
        #expect(hints == [
            "The kit gives `Request` two helpers: `try req.pathParameter(\"item_id\", as: Int.self)`.",
            "Vapor's own `req.parameters.require` works too,\nbut its 422 message does not say *which* parameter was wrong.",
            "```swift\n// ### not a heading\napp.get(\"items\", \":item_id\") { req in … }\n```",
        ])
    }

    @Test("a Russian twin's ### Подсказки are read the same way")
    func russianHints() {
        let note = noteWithHints.replacingOccurrences(of: "### Hints", with: "### Подсказки")
            .replacingOccurrences(of: "<summary>Hint", with: "<summary>Подсказка")
        #expect(Hints.parse(note: note) == Hints.parse(note: noteWithHints))
    }

    @Test("each Russian twin in Lessons/ru/ has as many hints as its English note")
    func twinsHaveTheHints() throws {
        let lessons = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Lessons")
        let twins = try FileManager.default.contentsOfDirectory(atPath: lessons.appendingPathComponent("ru").path)
            .filter { $0.hasSuffix(".md") }
        #expect(!twins.isEmpty)
        for twin in twins {
            let russian = try String(contentsOf: lessons.appendingPathComponent("ru/\(twin)"), encoding: .utf8)
            let english = try String(contentsOf: lessons.appendingPathComponent(twin), encoding: .utf8)
            #expect(Hints.parse(note: russian).count == Hints.parse(note: english).count, "Lessons/ru/\(twin)")
        }
    }

    @Test("a numbered list under ### Hints gives one hint per item")
    func parsesList() {
        let note = """
            ### Hints

            1. The kit gives `Request` two helpers
               that fail the way FastAPI fails.
            2. Stuck? The finished version is `Solutions/01-first-steps/Items.swift`.

            ## Measured
            """
        #expect(Hints.parse(note: note) == [
            "The kit gives `Request` two helpers\nthat fail the way FastAPI fails.",
            "Stuck? The finished version is `Solutions/01-first-steps/Items.swift`.",
        ])
        #expect(Hints.parse(note: "# No hints here\n\n1. a list\n").isEmpty)
    }

    @Test("hint N shows the next hint, then says when all are shown and points at the solution")
    func oneAtATime() {
        let hints = Hints.parse(note: noteWithHints)
        let first = Hints.next(lesson: lesson, hints: hints, shownBefore: 0)
        #expect(first.shown == 1)
        #expect(first.text.hasPrefix("Lesson 1, hint 1 of 3:\n\n  The kit gives `Request` two helpers"))
        #expect(first.text.hasSuffix("Still stuck? The next hint: swift run workbook hint 1"))

        let last = Hints.next(lesson: lesson, hints: hints, shownBefore: 2)
        #expect(last.shown == 3)
        #expect(last.text.contains("That was the last hint. The finished version is in Solutions/01-first-steps/."))

        let after = Hints.next(lesson: lesson, hints: hints, shownBefore: 3)
        #expect(after.shown == 3)
        #expect(after.text.contains("You have seen all 3 hints for lesson 1."))
        #expect(after.text.contains("Solutions/01-first-steps/"))

        let none = Hints.next(lesson: lesson, hints: [], shownBefore: 0)
        #expect(none.text.contains("Lessons/01-first-steps.md"))
    }
}

@Suite("The state file")
struct StateTests {
    @Test("hint counts and done lessons survive a save and a load; a damaged file reads as empty")
    func roundTrip() async throws {
        try await withTemporaryFolder { root in
            #expect(WorkbookState.load(from: root) == WorkbookState())
            var state = WorkbookState()
            state.setHints(1, 2)
            state.setHints(0, 1)
            state.record(CheckOutcome(results: [1: .done, 2: LessonResult(status: .notDone), 3: LessonResult(status: .notChecked)]))
            try state.save(to: root)
            let text = try String(contentsOf: root.appendingPathComponent(".workbook/state.json"), encoding: .utf8)
            #expect(text == """
                {
                  "doneAtLastCheck" : [
                    1
                  ],
                  "hintsShown" : {
                    "0" : 1,
                    "1" : 2
                  }
                }

                """)
            var loaded = WorkbookState.load(from: root)
            #expect(loaded == state)
            #expect(loaded.hints(1) == 2 && loaded.hints(5) == 0)
            loaded.setHints(1, 0)
            #expect(loaded.hintsShown == ["0": 1])

            try write("{ not json", to: ".workbook/state.json", in: root)
            #expect(WorkbookState.load(from: root) == WorkbookState())
        }
    }

    @Test("a lesson that could not be checked keeps what was known about it")
    func recordKeepsUnchecked() {
        var state = WorkbookState(doneAtLastCheck: [1, 2, 3])
        state.record(CheckOutcome(results: [1: .done, 2: LessonResult(status: .broken), 3: LessonResult(status: .notChecked)]))
        #expect(state.doneAtLastCheck == [1, 3])
    }
}
