import Foundation
import Testing
import WorkbookTesting

@Suite("The Russian notes never drift from the English ones")
struct NoteTwinsTests {
    let root = workbookRoot()

    @Test("every note in Lessons/ru/ has its English original, with the same sections, blocks, marks and excerpts")
    func twinsMatch() throws {
        let problems = try NoteTwins.checkAll(root: root)
        #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n\n"))")
    }

    @Test("every Russian twin is read by the excerpt, link and tree checks")
    func twinsAreChecked() throws {
        let twins = try LessonNotes.russianPaths(root: root)
        #expect(!twins.isEmpty)
        #expect(Set(try LessonNotes.paths(root: root)).isSuperset(of: twins))
        #expect(Set(try NoteLinks.pages(root: root)).isSuperset(of: twins))
        #expect(twins.filter { $0.hasPrefix("Lessons/ru/") }
            .allSatisfy { LessonNotes.original(ofTwin: $0) == "Lessons/" + $0.dropFirst("Lessons/ru/".count) })
    }

    @Test("README.ru.md is the twin of README.md, checked like the notes")
    func readmeIsPaired() throws {
        #expect(LessonNotes.original(ofTwin: "README.ru.md") == "README.md")
        #expect(try LessonNotes.russianPaths(root: root).contains("README.ru.md"))
        #expect(try NoteLinks.pages(root: root).contains("README.ru.md"))
    }

    // The checker itself, on notes written here, so it is seen to fail.

    static let original = """
        # Lesson 9 — A note

        Some words.

        ## Run it

        <!-- run -->
        ```sh
        swift run lesson-9
        ```

        <!-- output -->
        ```text
        Hello
        ```

        ## The code

        From `Tests/WorkbookTests/NoteTwinsTests.swift`:

        ```swift
        import Foundation
        ```

        ### Hints

        <!-- not run: needs a browser -->
        ```sh
        open http://127.0.0.1:8080/docs
        ```
        """

    static let twin = """
        # Урок 9 — Заметка

        [English](../09-note.md) · Несколько слов.

        ## Запуск

        <!-- run -->
        ```sh
        swift run lesson-9
        ```

        <!-- output -->
        ```text
        Hello
        ```

        ## Код

        Из `Tests/WorkbookTests/NoteTwinsTests.swift`:

        ```swift
        import Foundation
        ```

        ### Подсказки

        <!-- not run: нужен браузер -->
        ```sh
        open http://127.0.0.1:8080/docs
        ```
        """

    func problems(_ twin: String) -> [NoteProblem] {
        NoteTwins.check(twin: twin, named: "Lessons/ru/09-note.md", original: Self.original, named: "Lessons/09-note.md")
    }

    @Test("a faithful twin passes: words translated, a not-run reason translated, Из for From")
    func faithfulTwin() {
        #expect(problems(Self.twin).isEmpty, "\(problems(Self.twin).map(\.description))")
    }

    @Test("an edited command is reported, naming the note, the section and the block")
    func editedCommand() {
        let found = problems(Self.twin.replacingOccurrences(of: "swift run lesson-9", with: "swift run lesson-8"))
        #expect(found.count == 1)
        #expect(found.first?.note == "Lessons/ru/09-note.md")
        #expect(found.first?.line == 8)
        #expect(found.first?.message.hasPrefix("section 2 («Запуск»): code block 1 differs from Lessons/09-note.md's") == true)
        #expect(found.first?.message.contains("swift run lesson-8") == true)
    }

    @Test("edited expected output is reported")
    func editedOutput() {
        let found = problems(Self.twin.replacingOccurrences(of: "Hello", with: "Привет"))
        #expect(found.map(\.line) == [13])
        #expect(found.first?.message.contains("code block 2 differs") == true)
    }

    @Test("a missing block is reported")
    func missingBlock() {
        let found = problems(Self.twin.replacingOccurrences(of: """
            <!-- output -->
            ```text
            Hello
            ```
            """, with: ""))
        #expect(found.count == 1)
        #expect(found.first?.message.contains("has 1 code blocks, Lessons/09-note.md's (section «Run it», line 5) 2") == true)
    }

    @Test("sections reordered, dropped, or at another level are reported")
    func sections() {
        let run = """
            ## Запуск

            <!-- run -->
            ```sh
            swift run lesson-9
            ```

            <!-- output -->
            ```text
            Hello
            ```

            """
        let code = """
            ## Код

            Из `Tests/WorkbookTests/NoteTwinsTests.swift`:

            ```swift
            import Foundation
            ```

            """
        #expect(Self.twin.contains(run + "\n" + code))
        let reordered = problems(Self.twin.replacingOccurrences(of: run + "\n" + code, with: code + "\n" + run))
        #expect(!reordered.isEmpty)
        #expect(reordered.first?.message.hasPrefix("section 2 («Код»)") == true)

        let dropped = problems(Self.twin.replacingOccurrences(of: "### Подсказки", with: "Подсказки:"))
        #expect(dropped.count == 1)
        #expect(dropped.first?.message.contains("Lessons/09-note.md has 4 sections, this twin 3") == true)

        let level = problems(Self.twin.replacingOccurrences(of: "### Подсказки", with: "## Подсказки"))
        #expect(level.first?.message.contains("section 4 («Подсказки») is a level-2 heading") == true)
    }

    @Test("a changed mark, or an excerpt of another file, is reported")
    func marksAndExcerpts() {
        let mark = problems(Self.twin.replacingOccurrences(of: "<!-- run -->", with: "<!-- run: fails -->"))
        #expect(mark.count == 1)
        #expect(mark.first?.message.contains("code block 1's mark is <!-- run: fails -->, Lessons/09-note.md's (section «Run it», line 5) is <!-- run -->") == true)

        let unmarked = problems(Self.twin.replacingOccurrences(of: "<!-- not run: нужен браузер -->\n", with: ""))
        #expect(unmarked.first?.message.contains("mark is no mark, Lessons/09-note.md's (section «Hints», line 25) is <!-- not run -->") == true)

        let excerpt = problems(Self.twin.replacingOccurrences(of: "Из `Tests/WorkbookTests/NoteTwinsTests.swift`:",
                                                               with: "Из `Tests/WorkbookTests/NotesTests.swift`:"))
        #expect(excerpt.count == 1)
        #expect(excerpt.first?.message.contains("is an excerpt of `Tests/WorkbookTests/NotesTests.swift`") == true)
    }

    @Test("a Russian excerpt line, Из `path`:, is read by the excerpt check")
    func russianExcerptLine() {
        let note = """
            Из `Tests/WorkbookTests/NoteTwinsTests.swift`:

            ```swift
            struct NoteTwinsTestz {
            ```
            """
        let found = NoteExcerpts.check(note: note, named: "Lessons/ru/09-note.md", root: root)
        #expect(found.count == 1)
        #expect(found.first?.message.contains("no longer matches Tests/WorkbookTests/NoteTwinsTests.swift") == true)
    }

    @Test("Cyrillic headings keep their letters in anchors, and links to them are checked")
    func cyrillicAnchors() {
        #expect(NoteLinks.slug("1. Значения и опционалы") == "1-значения-и-опционалы")
        #expect(NoteLinks.slug("`uvicorn main:app` — что запускает сервер") == "uvicorn-mainapp--что-запускает-сервер")
        #expect(NoteLinks.slug("Ещё раз: файл, созданный до упражнения") == "ещё-раз-файл-созданный-до-упражнения")
        let page = """
            # Страница

            ## Упражнение: вход

            [сюда](#упражнение-вход), [и сюда](#%D1%83%D0%BF%D1%80%D0%B0%D0%B6%D0%BD%D0%B5%D0%BD%D0%B8%D0%B5-%D0%B2%D1%85%D0%BE%D0%B4),
            [а сюда нельзя](#упражнение-выход), [English](../01-first-steps.md#run-it).
            """
        let found = NoteLinks.check(page: page, named: "Lessons/ru/page.md", root: root)
        #expect(found.map(\.line) == [6])
        #expect(found.first?.message.contains("#упражнение-выход") == true)
    }
}
