import Foundation
import Testing
@testable import WorkbookLoop

@Suite("What the commands print")
struct ReportTests {
    @Test("the progress bar")
    func bar() {
        #expect(Report.bar(done: 0, total: 6) == "[░░░░░░░░░░] 0/6")
        #expect(Report.bar(done: 2, total: 6) == "[███░░░░░░░] 2/6")
        #expect(Report.bar(done: 6, total: 6) == "[██████████] 6/6")
        #expect(Report.bar(done: 0, total: 0) == "[░░░░░░░░░░] 0/0")
    }

    @Test("the current lesson is the first not done; a later lesson that passes is done")
    func rows() {
        let results: [Int: LessonResult] = [1: .done, 2: LessonResult(status: .notDone), 3: .done,
                                            4: LessonResult(status: .broken), 5: LessonResult(status: .notChecked)]
        let (states, current) = Report.rows(lessons: titledLessons, results: results)
        #expect(states == [.done, .current, .done, .notStarted, .notStarted, .notStarted])
        #expect(current?.number == 2)
        // Not checked (another lesson does not compile), but done last time.
        let known = Report.rows(lessons: titledLessons, results: [1: LessonResult(status: .notChecked), 2: LessonResult(status: .broken)],
                                doneBefore: [1])
        #expect(known.states.prefix(2) == [.done, .current])
        #expect(Report.rows(lessons: titledLessons, results: [1: .done, 2: .done, 3: .done, 4: .done, 5: .done, 6: .done]).current == nil)
    }

    @Test("progress on the untouched exercises: lesson 1 is current, with its TODO, its note and the next commands")
    func progressAtStart() {
        let text = Report.progress(lessons: titledLessons, outcome: outcome(of: Samples.exercisesTrackAllLessons))
        #expect(text == #"""
            Swift server workbook: 0 of 6 lessons done
            [░░░░░░░░░░] 0/6

              ➜ Lesson 1  First steps                  current
              · Lesson 2  The project layout           not started
              · Lesson 3  The ORM model                not started
              · Lesson 4  Migrations, set up           not started
              · Lesson 5  The migration workflow       not started
              · Lesson 6  The users service, finished  not started

            Now: lesson 1, First steps
              ↳ Exercise not done yet. TODO(lesson 1): GET /items/{item_id} is not written yet. Write it in Exercises/01-first-steps/Items.swift — the note Lessons/01-first-steps.md explains how (section "Exercise").

              Read:    Lessons/01-first-steps.md
              Then:    swift run workbook watch     (checks lesson 1 again each time you save)
              Stuck?   swift run workbook hint 1
            """#)
    }

    @Test("progress with wrong answers in lessons 1 and 3: lesson 1 current with the check's own message, 2 done")
    func progressWithWrongAnswers() {
        let text = Report.progress(lessons: titledLessons, outcome: outcome(of: Samples.solutionsWithWrongAnswers))
        #expect(text.hasPrefix("""
            Swift server workbook: 4 of 6 lessons done
            [██████░░░░] 4/6

              ➜ Lesson 1  First steps                  current
              ✔ Lesson 2  The project layout           done
              · Lesson 3  The ORM model                not started
              ✔ Lesson 4  Migrations, set up           done
              ✔ Lesson 5  The migration workflow       done
              ✔ Lesson 6  The users service, finished  done

            Now: lesson 1, First steps
              ✘ Test "exercise: a non-integer id is a 422 that names item_id" failed:
                ↳ the 422 should say which parameter is wrong
            """))
    }

    @Test("a compile error: the lesson is current, the compiler's errors and what to do are shown")
    func progressCompileError() {
        let outcome = Checker.buildFailed(output: Samples.compileError, lessons: titledLessons, root: "/tmp/kit-sample")
        let text = Report.progress(lessons: titledLessons, outcome: outcome, doneBefore: [1, 2])
        #expect(text.contains("""
              ✔ Lesson 1  First steps                  done
              ✔ Lesson 2  The project layout           done
              ➜ Lesson 3  The ORM model                current
              · Lesson 4  Migrations, set up           not started
            """))
        #expect(text.contains("""
            Now: lesson 3, The ORM model
              Lesson 3 does not compile, so no check can run. The compiler says:
                Exercises/03-orm-model/Models/User.swift:5:9: error: cannot find 'undefinedThing' in scope
              Fix these errors, save, and check again.
            """))
    }

    @Test("every lesson done")
    func allDone() {
        let all = CheckOutcome(results: Dictionary(uniqueKeysWithValues: (1...6).map { ($0, LessonResult.done) }))
        let text = Report.progress(lessons: titledLessons, outcome: all)
        #expect(text.hasPrefix("Swift server workbook: 6 of 6 lessons done\n[██████████] 6/6"))
        #expect(text.hasSuffix("Every lesson is done. `swift run workbook verify` checks them all again."))
    }

    @Test("verify: done, not done with the TODO, broken with the failures")
    func verify() {
        let text = Report.verify(lessons: Array(titledLessons.prefix(3)), outcome: outcome(of: Samples.solutionsWithWrongAnswers))
        #expect(text.hasPrefix("""
            ✘ Lesson 1  First steps         broken
                ✘ Test "exercise: a non-integer id is a 422 that names item_id" failed:
                  ↳ the 422 should say which parameter is wrong
            """))
        #expect(text.contains("\n✔ Lesson 2  The project layout  done\n✘ Lesson 3  The ORM model       broken\n"))
        #expect(text.hasSuffix("\n\n1 of 3 lessons done."))

        let start = Report.verify(lessons: titledLessons, outcome: outcome(of: Samples.exercisesTrackAllLessons))
        #expect(start.hasPrefix(#"""
            · Lesson 1  First steps                  not done
                ↳ Exercise not done yet. TODO(lesson 1): GET /items/{item_id} is not written yet. Write it in Exercises/01-first-steps/Items.swift — the note Lessons/01-first-steps.md explains how (section "Exercise").
            · Lesson 2  The project layout           not done
            """#))
    }

    @Test("verify with a compile error: the lesson's errors, the others not checked")
    func verifyCompileError() {
        let outcome = Checker.buildFailed(output: Samples.compileError, lessons: Array(titledLessons.prefix(3)), root: "/tmp/kit-sample")
        #expect(Report.verify(lessons: Array(titledLessons.prefix(3)), outcome: outcome) == """
            ? Lesson 1  First steps         not checked (the kit does not build)
            ? Lesson 2  The project layout  not checked (the kit does not build)
            ✘ Lesson 3  The ORM model       broken: does not compile
                Exercises/03-orm-model/Models/User.swift:5:9: error: cannot find 'undefinedThing' in scope

            0 of 3 lessons done.
            """)
    }

    @Test("watch: what is missing, and the banner when a lesson passes")
    func watchScreen() {
        let lesson = titledLessons[0]
        let screen = WatchScreen.render(lesson: lesson, outcome: outcome(of: Samples.exercisesTrackAllLessons),
                                        banner: "✔ Lesson 0 is done!")
        #expect(screen.hasPrefix("✔ Lesson 0 is done!\n\nLesson 1, First steps — Exercises/01-first-steps/\n\n  ↳ Exercise not done yet. TODO(lesson 1)"))
        #expect(screen.hasSuffix("Stuck? swift run workbook hint 1   ·   Ctrl-C stops watching."))
        #expect(WatchScreen.doneBanner(lesson: lesson, next: titledLessons[1])
                == "✔ Lesson 1 is done! On to lesson 2, The project layout: read Lessons/02-project-layout.md.")
        #expect(WatchScreen.doneBanner(lesson: titledLessons[5], next: nil).contains("that was the last lesson"))
    }
}
