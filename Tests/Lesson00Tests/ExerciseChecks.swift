// Lesson 0's side of the kit's exercise checks (Sources/WorkbookTesting/
// ExerciseChecks.swift), without Vapor: an unfinished exercise throws
// Lesson00's `ExerciseTODO`, and each check that needs it fails with that
// message alone.
import ExerciseMessages
import Testing
@testable import Lesson00

/// What an exercise's code did: returned a value or threw an error. `nil`
/// when it threw lesson 0's `ExerciseTODO`: then one failure carrying the
/// TODO's message (what to write, which note to read) is recorded, and the
/// check stops there instead of piling up unrelated failures.
///
/// ```swift
/// guard let result = await outcome(of: { try parseLimit("50") }) else { return }
/// ```
func outcome<T>(
    of body: () async throws -> T,
    sourceLocation: SourceLocation = #_sourceLocation
) async -> Result<T, any Error>? {
    do {
        return .success(try await body())
    } catch let todo as ExerciseTODO where todo.lesson == 0 {
        Issue.record(Comment(rawValue: "\(ExerciseMessage.notDoneYet()) \(todo)"), sourceLocation: sourceLocation)
        return nil
    } catch {
        return .failure(error)
    }
}

/// A check's failure message in the learner's language (`WORKBOOK_LANG=ru`):
/// `english` or `russian`, written side by side where the check says it.
///
/// The same as `explain` in Sources/WorkbookTesting/Explain.swift, copied
/// here because lesson 0 builds without Vapor: WorkbookTesting brings Vapor
/// in, and CI checks that lesson 0 depends on no Vapor, Fluent or Workbook
/// module. Keep the two alike.
func explain(_ english: String, russian: String) -> Comment {
    Comment(rawValue: WorkbookLanguage.current.say(english, russian: russian))
}

/// `value` as an optional, whether its type is one or not: the checks read
/// `fullName` the same way whether it was declared `String?` or `String`.
func optional<T>(_ value: T?) -> T? {
    value
}
