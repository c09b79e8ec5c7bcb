import ExerciseMessages
import Testing

/// A check's failure message, in the learner's language (``WorkbookLanguage``,
/// `WORKBOOK_LANG=ru`): every message the lessons' checks and these helpers
/// record is written once in each language, side by side, where it is said.
///
/// ```swift
/// #expect(res.status == .ok, explain("GET / should answer 200 OK, got \(res.status.code)",
///                                    russian: "GET / должен отвечать 200 OK, а ответил \(res.status.code)"))
/// Issue.record(explain("…", russian: "…"))
/// ```
///
/// Keep the English text as it is when adding the Russian: the wrong answers'
/// `Expect:` lines (scripts/wrong-answers) match it. `WorkbookTests` fails on
/// a check that passes a plain string instead.
public func explain(_ english: String, russian: String) -> Comment {
    Comment(rawValue: WorkbookLanguage.current.say(english, russian: russian))
}

/// What a check records when it stops at an unfinished exercise whose
/// message it words itself (lesson 5's, found from the learner's model and
/// revisions): "Exercise not done yet." and the exercise's `TODO(lesson N)`
/// message, with `missing` in the learner's language.
///
/// ```swift
/// Issue.record(exerciseNotDone(lesson: 5, file: "Exercises/05-migrations/Models/User.swift",
///                              missing: "User has no full_name column yet: …",
///                              russian: "у User ещё нет колонки full_name: …"))
/// ```
public func exerciseNotDone(lesson: Int, file: String, missing: String, russian: String) -> Comment {
    let language = WorkbookLanguage.current
    return Comment(rawValue: ExerciseMessage.notDoneYet(in: language) + " "
        + ExerciseMessage.text(lesson: lesson, file: file, missing: language.say(missing, russian: russian), language: language))
}
