import ExerciseMessages
import Foundation
import Testing
import WorkbookTesting

/// A Russian twin shows the kit's exercise messages as a learner who chose
/// Russian sees them (``NoteTwins/inRussian(_:)``), and nothing else
/// differs from its English note's blocks.
@Suite("The Russian notes show the kit's messages in Russian")
struct NoteTwinsMessagesTests {
    static let english = ExerciseMessage.text(
        lesson: 1, file: "Exercises/01-first-steps/Items.swift",
        missing: "GET /items/{item_id} is not written yet", language: .english)
    static let russian = ExerciseMessage.text(
        lesson: 1, file: "Exercises/01-first-steps/Items.swift",
        missing: "GET /items/{item_id} is not written yet", language: .russian)

    @Test("a check's line, a program's line and a 501 body are translated as the program words them")
    func linesInRussian() {
        #expect(NoteTwins.inRussian("↳ Exercise not done yet. " + Self.english)
                == "↳ Упражнение ещё не сделано. " + Self.russian)
        #expect(NoteTwins.inRussian("Error: " + Self.english) == "Error: " + Self.russian)
        let body = #"{"detail":"\#(Self.english.replacingOccurrences(of: "\"", with: "\\\""))"}"#
        #expect(NoteTwins.inRussian(body) == #"{"detail":"\#(Self.russian)"}"#)
        #expect(Self.russian.contains("Lessons/ru/01-first-steps.md"))
    }

    @Test("anything else is left as it is: code that makes the message, output, a message the kit does not word so")
    func otherLinesUnchanged() {
        for line in [
            #"    throw ExerciseTODO(lesson: 1, file: "Exercises/01-first-steps/Items.swift","#,
            "✘ Test run with 8 tests in 1 suite failed after … seconds with 5 issues.",
            Self.english.replacingOccurrences(of: "Lessons/01-first-steps.md", with: "Lessons/02-project-layout.md"),
        ] {
            #expect(NoteTwins.inRussian(line) == line)
        }
    }

    static func note(_ output: String, heading: String) -> String {
        """
        # \(heading)

        <!-- output -->
        ```text
        \(output)
        ```
        """
    }

    @Test("a twin showing the English message, or a message of its own, fails; the Russian one passes")
    func twinMustTranslateTheMessage() {
        let original = Self.note("↳ Exercise not done yet. " + Self.english, heading: "Lesson 9")
        let good = Self.note("↳ Упражнение ещё не сделано. " + Self.russian, heading: "Урок 9")
        #expect(NoteTwins.check(twin: good, named: "ru.md", original: original, named: "en.md").isEmpty)

        let untranslated = Self.note("↳ Exercise not done yet. " + Self.english, heading: "Урок 9")
        let problems = NoteTwins.check(twin: untranslated, named: "ru.md", original: original, named: "en.md")
        #expect(problems.count == 1)
        #expect(problems.first?.message.contains("in Russian, as `WORKBOOK_LANG=ru` prints it") == true)
        #expect(problems.first?.message.contains("Упражнение ещё не сделано.") == true)

        let ownWords = Self.note("↳ Упражнение не готово. " + Self.russian, heading: "Урок 9")
        #expect(NoteTwins.check(twin: ownWords, named: "ru.md", original: original, named: "en.md").count == 1)
    }
}
