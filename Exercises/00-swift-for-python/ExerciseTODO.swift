// What an unfinished exercise of lesson 0 throws. The server lessons answer
// with the kit's Vapor-based `ExerciseTODO` (Sources/Workbook); both take
// their words from `ExerciseMessage` (Sources/ExerciseMessages).

import ExerciseMessages

/// The error an exercise throws until you write it: it says what is
/// missing, which file to edit and which note explains how.
///
/// ```swift
/// throw ExerciseTODO(lesson: 0, file: "Exercises/00-swift-for-python/Limit.swift",
///                    missing: "parseLimit is not written yet")
/// ```
public struct ExerciseTODO: Error, CustomStringConvertible {
    /// The lesson the exercise belongs to.
    public let lesson: Int
    /// The file to edit, relative to the kit's root.
    public let file: String
    /// What is still missing.
    public let missing: String

    public init(lesson: Int, file: String, missing: String) {
        self.lesson = lesson
        self.file = file
        self.missing = missing
    }

    /// The marker every exercise message starts with: `TODO(lesson 0)`.
    public static func marker(lesson: Int) -> String { ExerciseMessage.marker(lesson: lesson) }

    /// The whole message: what is missing, where to write it, what to read.
    public var description: String {
        ExerciseMessage.text(lesson: lesson, file: file, missing: missing)
    }
}
