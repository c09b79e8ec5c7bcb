import ExerciseMessages
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
    public static func marker(lesson: Int) -> String { ExerciseMessage.marker(lesson: lesson) }

    /// What a check says before the message when it stops at an unfinished
    /// exercise ("Exercise not done yet."), in the learner's language.
    public static func notDoneYet() -> String { ExerciseMessage.notDoneYet() }

    /// `501 Not Implemented`: the route exists, its body does not yet.
    public var status: HTTPResponseStatus { .notImplemented }

    /// The whole message: what is missing, where to write it, what to read.
    public var reason: String {
        ExerciseMessage.text(lesson: lesson, file: file, missing: missing)
    }

    /// Same as ``reason``.
    public var description: String { reason }
}

// MARK: TODOs in declarations

extension ExerciseTODO {
    /// For a TODO in code that cannot throw — a declaration such as a
    /// model's list of indexes: records the TODO as pending and returns
    /// `placeholder`, so the program still builds and runs.
    ///
    /// The routes that depend on it answer with the TODO's message through
    /// ``PendingExerciseMiddleware``, and the checks report it.
    ///
    /// ```swift
    /// static var tableArguments: [TableArgument<User>] {
    ///     ExerciseTODO.placeholder([], lesson: 3, file: "...", missing: "...")
    /// }
    /// ```
    public static func placeholder<T>(_ placeholder: T, lesson: Int, file: String, missing: String) -> T {
        PendingTODOs.shared.record(ExerciseTODO(lesson: lesson, file: file, missing: missing))
        return placeholder
    }

    /// The TODO of `lesson` that a ``placeholder(_:lesson:file:missing:)`` has recorded, if any.
    public static func pending(lesson: Int) -> ExerciseTODO? {
        PendingTODOs.shared.first(lesson: lesson)
    }
}

/// Placeholders reached so far, by lesson. Written from any thread.
final class PendingTODOs: @unchecked Sendable {
    static let shared = PendingTODOs()
    private let lock = NSLock()
    private var todos: [Int: ExerciseTODO] = [:]

    func record(_ todo: ExerciseTODO) {
        lock.withLock { todos[todo.lesson] = todos[todo.lesson] ?? todo }
    }

    func first(lesson: Int) -> ExerciseTODO? {
        lock.withLock { todos[lesson] }
    }
}

/// Answers `501` with a lesson's pending TODO (see
/// ``ExerciseTODO/placeholder(_:lesson:file:missing:)``) for the routes it
/// guards, so a route that depends on unfinished exercise code says so
/// instead of misbehaving.
public struct PendingExerciseMiddleware: AsyncMiddleware {
    /// The lesson whose TODOs block these routes.
    public let lesson: Int

    /// Guards routes with `lesson`'s pending TODOs.
    public init(lesson: Int) { self.lesson = lesson }

    public func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let todo = ExerciseTODO.pending(lesson: lesson) {
            throw todo
        }
        return try await next.respond(to: request)
    }
}
