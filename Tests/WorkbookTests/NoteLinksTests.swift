import Foundation
import Testing
import WorkbookTesting

@Suite("Links between the kit's pages lead somewhere")
struct NoteLinksTests {
    let root = workbookRoot()

    @Test("every relative link in Lessons/, Lessons/ru/, README.md, README.ru.md and CONTRIBUTING.md names a file and a heading that exist")
    func linksResolve() throws {
        let problems = try NoteLinks.checkAll(root: root)
        #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n"))")
    }

    @Test("every file and folder the notes' trees of the kit name exists")
    func treesExist() throws {
        let problems = try NoteTrees.checkAll(root: root)
        #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n"))")
        // Lesson 2 draws the kit's layout: the check must have read it.
        let note = try String(contentsOf: root.appendingPathComponent("Lessons/02-project-layout.md"), encoding: .utf8)
        #expect(NoteTrees.paths(in: note).map(\.path).contains("Package.swift"))
    }

    // The checkers themselves, on pages written here, so they are seen to fail.

    @Test("GitHub's heading anchors: lower case, spaces to -, punctuation and backticks dropped")
    func slugs() {
        #expect(NoteLinks.slug("1. Values and optionals") == "1-values-and-optionals")
        #expect(NoteLinks.slug("9. Generics, some and any") == "9-generics-some-and-any")
        #expect(NoteLinks.slug("`uvicorn main:app` — what runs the server") == "uvicorn-mainapp--what-runs-the-server")
        #expect(NoteLinks.slug("What Fluent cannot say: `index=True` and `unique=True`")
                == "what-fluent-cannot-say-indextrue-and-uniquetrue")
        #expect(NoteLinks.slug("snake_case and kebab-case") == "snake_case-and-kebab-case")
        #expect(NoteLinks.anchors(in: "## Hints\n\n## Hints\n").sorted() == ["hints", "hints-1"])
    }

    @Test("links that resolve pass; code, other schemes and line anchors are left alone")
    func goodLinks() {
        let page = """
        # A page

        ## Exercise: log in

        [there](#exercise-log-in), [the README](../README.md), [its set-up](../README.md#set-up),
        [a file](../Package.swift#L10), [a folder](../Sources/), <https://example.com/nope>,
        [FastAPI](https://fastapi.tiangolo.com/tutorial/first-steps/).
        `[not a link](nowhere.md)`

        ```markdown
        [not a link either](nowhere.md)
        ```
        """
        #expect(NoteLinks.check(page: page, named: "Lessons/page.md", root: root).isEmpty)
    }

    @Test("a link to a missing file, and one to a missing heading, are reported")
    func brokenLinks() {
        let page = """
        # A page

        See [the note](no-such-note.md) and [a heading](../README.md#no-such-heading).
        And [here](#nor-this-one).
        """
        let problems = NoteLinks.check(page: page, named: "Lessons/page.md", root: root)
        #expect(problems.map(\.line) == [3, 3, 4])
        #expect(problems.first?.message.contains("no-such-note.md, which does not exist") == true)
        #expect(problems.dropFirst().first?.message.contains("#no-such-heading") == true)
        #expect(problems.last?.message.contains("this page does not have") == true)
    }

    @Test("a tree of the kit is read by depth, and a missing entry is reported")
    func trees() {
        let note = """
        ```text
        /your/kit/
        ├── Package.swift          the manifest
        ├── Sources/
        │   ├── Workbook/
        │   │   └── NoSuchFile.swift
        │   └── …
        └── Tests/
            └── WorkbookTests/     the shared code's tests
        ```

        ```text
        project/
        └── main.py
        ```
        """
        #expect(NoteTrees.paths(in: note).map(\.path)
                == ["Package.swift", "Sources/", "Sources/Workbook/", "Sources/Workbook/NoSuchFile.swift",
                    "Tests/", "Tests/WorkbookTests/"])
        let problems = NoteTrees.check(note: note, named: "note.md", root: root)
        #expect(problems.map(\.line) == [6])
    }
}
