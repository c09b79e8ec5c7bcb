import Vapor

/// The answer an unfinished exercise gives instead of crashing.
///
/// Exercise code starts out throwing this from the place the learner has to
/// write. The server keeps running and answers `501 Not Implemented` with a
/// message that names the file to edit and the note to read; the lesson's
/// checks see that message and print it as the reason they fail.
///
/// ```swift
/// throw ExerciseTODO(lesson: 1, file: "Exercises/01-first-steps/Items.swift",
///                    missing: "GET /items/{item_id} is not written yet")
/// ```
public struct ExerciseTODO: AbortError, CustomStringConvertible {
    /// The lesson the exercise belongs to (1 for `Lessons/01-*.md`).
    public let lesson: Int
    /// The file the learner has to edit, relative to the kit's root.
    public let file: String
    /// What is still missing, in the learner's words ("GET /items/{item_id} is not written yet").
    public let missing: String

    /// Makes the error for the exercise of `lesson`, written in `file`.
    public init(lesson: Int, file: String, missing: String) {
        self.lesson = lesson
        self.file = file
        self.missing = missing
    }

    /// The marker every exercise message starts with; `.ci/run` looks for it.
    public static func marker(lesson: Int) -> String { "TODO(lesson \(lesson))" }

    /// `501 Not Implemented`: the route exists, its body does not yet.
    public var status: HTTPResponseStatus { .notImplemented }

    /// The whole message: what is missing, where to write it, what to read.
    public var reason: String {
        "\(Self.marker(lesson: lesson)): \(missing). Write it in \(file) — "
            + "the note \(LessonNotes.path(forLesson: lesson)) explains how (section \"Exercise\")."
    }

    /// Same as ``reason``.
    public var description: String { reason }
}

/// Where each lesson's note lives, so messages can point at it.
public enum LessonNotes {
    /// Lesson number → the note's path relative to the kit's root.
    /// Kept here (not derived) so a message never points at a file that
    /// does not exist; `WorkbookTests` checks every entry exists.
    public static let paths: [Int: String] = [
        1: "Lessons/01-first-steps.md",
        2: "Lessons/02-project-layout.md",
    ]

    /// The note for `lesson`, or the lessons folder when the number is unknown.
    public static func path(forLesson lesson: Int) -> String {
        paths[lesson] ?? "Lessons/"
    }
}
