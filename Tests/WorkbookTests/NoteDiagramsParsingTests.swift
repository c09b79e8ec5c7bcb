import Testing
import WorkbookTesting

/// The diagram check's reading of a note, and its comparison, on notes
/// written here (the check itself, on the real notes, is NoteDiagramsTests).
@Suite("Lesson notes: finding each Mermaid diagram and the command that prints it")
struct NoteDiagramsParsingTests {
    let note = """
        <!-- run -->
        ```sh
        swift run lesson-5 upgrade head
        swift run lesson-5 history --diagram
        ```

        <!-- output -->
        ```mermaid
        flowchart LR
            base(["base"])
            r1["b0fc2b4c59c4<br/>create users table"]
            r2["…<br/>add full name<br/>(head, current)"]
            class r2 current
        ```

        1. In a list:

           <!-- not run: needs a PostgreSQL server -->
           ```sh
           DATABASE_URL=postgres://u@h/db swift run lesson-6 diagram
           ```

           <!-- output -->
           ```mermaid
           erDiagram
               users {
               }
           ```
        """

    @Test("a diagram after <!-- output --> belongs to the last diagram command above it, run or not")
    func blocks() {
        let (blocks, problems) = NoteDiagrams.blocks(in: note, named: "note.md")
        #expect(problems.isEmpty)
        #expect(blocks.map(\.line) == [8, 24])
        #expect(blocks.map(\.lesson) == [5, 6])
        #expect(blocks.map(\.kind) == [.history, .schema])
        #expect(blocks.map(\.command) == ["swift run lesson-5 history --diagram", "swift run lesson-6 diagram"])
        #expect(blocks[0].revisionCount == 2)
        #expect(blocks[0].currentPosition == 2)
        #expect(blocks[1].shown == ["erDiagram", "    users {", "    }"]) // the list's indentation removed
    }

    @Test("a diagram that is no command's output is reported")
    func handDrawn() {
        let drawn = "Text\n\n```mermaid\nflowchart LR\n    a --> b\n```\n\n<!-- run -->\n```sh\nswift run lesson-5 current\n```\n\n<!-- output -->\n```mermaid\nflowchart LR\n```\n"
        let (blocks, problems) = NoteDiagrams.blocks(in: drawn, named: "note.md")
        #expect(blocks.isEmpty)
        #expect(problems.map(\.line) == [3, 14])
        #expect(problems.first?.message.contains("must be a command's output") == true)
        #expect(problems.last?.message.contains("runs no diagram command") == true)
    }

    @Test("lines match word for word, trailing spaces aside, `…` standing for any text")
    func matching() {
        #expect(NoteDiagrams.firstDifference(shown: ["a  ", "r2[\"…<br/>x\"]"], printed: ["a", "r2[\"4d9a41a7ac38<br/>x\"]"]) == nil)
        #expect(NoteDiagrams.firstDifference(shown: ["a", "b"], printed: ["a", "c"])?.contains("its line 2 shows `b`, the command prints `c`") == true)
        #expect(NoteDiagrams.firstDifference(shown: ["a"], printed: ["a", "b"])?.contains("1 more line") == true)
        #expect(NoteDiagrams.firstDifference(shown: ["a", "b"], printed: ["a"])?.contains("more than the command prints") == true)
    }

    @Test("a changed diagram is reported with the note, its line, the command, and what it prints now")
    func reported() async {
        let problems = await NoteDiagrams.check(note: note, named: "Lessons/note.md") { block in
            block.kind == .schema ? ["erDiagram", "    users {", "    }"] : ["flowchart LR"]
        }
        #expect(problems.count == 1)
        #expect(problems.first?.description.hasPrefix("Lessons/note.md:8: this diagram is not what `swift run lesson-5 history --diagram` prints") == true)
        #expect(problems.first?.message.contains("Regenerate it: run `swift run lesson-5 history --diagram` at this point of the note (with the database at the revision marked current, r2)") == true)
    }
}
