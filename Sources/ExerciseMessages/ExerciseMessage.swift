/// What an unfinished exercise says, for every lesson, in one place: lesson
/// 0's plain-Swift error and the server lessons' `501` answers
/// (`Workbook.ExerciseTODO`) word it the same way from here.
///
/// This module depends on nothing, so lesson 0 can use it and still build
/// without Vapor.
public enum ExerciseMessage {
    /// The marker every exercise message starts with, `TODO(lesson 3)`;
    /// the checks and `.ci/run` look for it.
    public static func marker(lesson: Int) -> String { "TODO(lesson \(lesson))" }

    /// The whole message: what is missing, where to write it, what to read.
    ///
    /// ```swift
    /// ExerciseMessage.text(lesson: 1, file: "Exercises/01-first-steps/Items.swift",
    ///                      missing: "GET /items/{item_id} is not written yet")
    /// // TODO(lesson 1): GET /items/{item_id} is not written yet. Write it in
    /// // Exercises/01-first-steps/Items.swift — the note Lessons/01-first-steps.md
    /// // explains how (section "Exercise").
    /// ```
    public static func text(lesson: Int, file: String, missing: String) -> String {
        "\(marker(lesson: lesson)): \(missing). Write it in \(file) — "
            + "the note \(note(forLesson: lesson)) explains how (section \"Exercise\")."
    }

    /// Lesson number → its note's path, relative to the kit's root. Kept
    /// here (not derived) so a message never points at a file that does
    /// not exist; `WorkbookTests` checks every entry exists.
    public static let notes: [Int: String] = [
        0: "Lessons/00-swift-for-python.md",
        1: "Lessons/01-first-steps.md",
        2: "Lessons/02-project-layout.md",
        3: "Lessons/03-orm-model.md",
        4: "Lessons/04-migration-setup.md",
        5: "Lessons/05-migrations.md",
        6: "Lessons/06-users-service.md",
    ]

    /// The note for `lesson`, or the lessons folder when the number is unknown.
    public static func note(forLesson lesson: Int) -> String {
        notes[lesson] ?? "Lessons/"
    }
}
