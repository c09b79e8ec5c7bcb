import Foundation
import Testing
import Vapor
import VaporTesting
import Workbook

/// Whether the response shows the lesson's exercise as done.
///
/// An unfinished exercise answers `501` with a `TODO(lesson N)` message (see
/// ``Workbook/ExerciseTODO``). Then this records one failure carrying that
/// message — what to write and which note to read — and returns `false`, so
/// the check stops there instead of piling up unrelated failures.
///
/// ```swift
/// guard expectExerciseDone(res, lesson: 1) else { return }
/// ```
@discardableResult
public func expectExerciseDone(
    _ response: TestingHTTPResponse,
    lesson: Int,
    sourceLocation: SourceLocation = #_sourceLocation
) -> Bool {
    expectExerciseDone(status: response.status, body: response.body.string, lesson: lesson, sourceLocation: sourceLocation)
}

/// ``expectExerciseDone(_:lesson:sourceLocation:)`` for a response that came
/// over a real socket.
@discardableResult
public func expectExerciseDone(
    _ response: ClientResponse,
    lesson: Int,
    sourceLocation: SourceLocation = #_sourceLocation
) -> Bool {
    expectExerciseDone(status: response.status, body: response.body.map { String(buffer: $0) } ?? "",
                       lesson: lesson, sourceLocation: sourceLocation)
}

private func expectExerciseDone(status: HTTPStatus, body: String, lesson: Int, sourceLocation: SourceLocation) -> Bool {
    guard status == .notImplemented, body.contains(ExerciseTODO.marker(lesson: lesson)) else {
        return true
    }
    let message = (try? JSONDecoder().decode(ErrorBody.self, from: Data(body.utf8))).flatMap { body in
        if case .message(let text) = body.detail { text } else { nil }
    } ?? body
    // The exercise's own message, already in the learner's language.
    Issue.record(Comment(rawValue: "\(ExerciseTODO.notDoneYet()) \(message)"), sourceLocation: sourceLocation)
    return false
}

/// Decodes a FastAPI-style error body, recording a failure when it is not one.
public func errorBody(
    _ response: TestingHTTPResponse,
    sourceLocation: SourceLocation = #_sourceLocation
) -> ErrorBody? {
    do {
        return try response.content.decode(ErrorBody.self)
    } catch {
        Issue.record(explain("Expected a JSON error body {\"detail\": ...}, got: \(response.body.string)",
                             russian: "Ожидалось JSON-тело ошибки {\"detail\": ...}, а получено: \(response.body.string)"),
                     sourceLocation: sourceLocation)
        return nil
    }
}

/// Runs `app` on a real socket — `127.0.0.1`, a port the system picks — for
/// the duration of `body`, which gets the base URL (`http://127.0.0.1:54321`).
///
/// The in-memory tester skips the network; this proves the server really
/// listens and answers over TCP, as `swift run lesson-N` does.
public func withRunningServer<T>(
    _ app: Application,
    _ body: (String) async throws -> T
) async throws -> T {
    app.http.server.configuration.hostname = "127.0.0.1"
    app.http.server.configuration.port = 0
    try await app.server.start(address: .hostname("127.0.0.1", port: 0))
    do {
        guard let port = app.http.server.shared.localAddress?.port else {
            throw Abort(.internalServerError, reason: "The server did not report the port it bound")
        }
        let result = try await body("http://127.0.0.1:\(port)")
        await app.server.shutdown()
        return result
    } catch {
        await app.server.shutdown()
        throw error
    }
}

/// Whether the lesson's declaration TODO (an
/// ``Workbook/ExerciseTODO/placeholder(_:lesson:file:missing:)``) is done.
/// When it is still pending, records one failure with its message and
/// returns `false`.
@discardableResult
public func expectNoPendingTODO(lesson: Int, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
    expectExerciseDone(ExerciseTODO.pending(lesson: lesson), sourceLocation: sourceLocation)
}
