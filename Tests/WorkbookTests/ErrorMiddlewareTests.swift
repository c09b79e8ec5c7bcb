import ExerciseMessages
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import Workbook
import WorkbookTesting

@Suite("FastAPI-style errors: bad input is a 4xx with a message, never a 500")
struct ErrorMiddlewareTests {
    struct Signup: Content { var email: String; var age: Int }
    struct Boom: Error {}

    func configure(_ app: Application) async throws {
        app.useFastAPIConventions()
        app.post("signup") { req -> String in
            let body = try req.content.decode(Signup.self)
            return body.email
        }
        app.get("gone") { _ -> String in throw Abort(.gone, reason: "It moved") }
        app.get("boom") { _ -> String in throw Boom() }
        app.get("todo") { _ -> String in throw ExerciseTODO(lesson: 1, file: "X.swift", missing: "Y") }
        app.get("flag") { req -> String in String(try req.queryParameter("on", as: Bool.self) ?? false) }
    }

    func post(_ app: Application, _ json: String) async throws -> TestingHTTPResponse {
        try await app.testing().sendRequest(.POST, "/signup", headers: ["Content-Type": "application/json"],
                                            body: ByteBuffer(string: json))
    }

    @Test("a missing field is 422 with loc [body, field]")
    func missingField() async throws {
        try await withApp(configure: configure) { app in
            let res = try await post(app, #"{"email": "a@b.c"}"#)
            #expect(res.status == .unprocessableEntity)
            #expect(errorBody(res)?.detail == .issues([ValidationIssue(type: "missing", loc: ["body", "age"], msg: "Field required")]))
        }
    }

    @Test("a wrong type is 422 naming the field")
    func wrongType() async throws {
        try await withApp(configure: configure) { app in
            let res = try await post(app, #"{"email": "a@b.c", "age": "old"}"#)
            #expect(res.status == .unprocessableEntity)
            guard case .issues(let issues)? = errorBody(res)?.detail else { Issue.record("no issues"); return }
            #expect(issues.first?.loc == ["body", "age"])
            #expect(issues.first?.msg == "Input should be a valid integer")
        }
    }

    @Test("malformed JSON is 422 json_invalid")
    func malformed() async throws {
        try await withApp(configure: configure) { app in
            let res = try await post(app, #"{"email": "#)
            #expect(res.status == .unprocessableEntity)
            guard case .issues(let issues)? = errorBody(res)?.detail else { Issue.record("no issues"); return }
            #expect(issues.first?.type == "json_invalid")
        }
    }

    @Test("Abort keeps its status and reason")
    func abort() async throws {
        try await withApp(configure: configure) { app in
            try await app.testing().test(.GET, "/gone") { res in
                #expect(res.status == .gone)
                #expect(res.body.string == #"{"detail":"It moved"}"#)
            }
        }
    }

    @Test("an unexpected error is a 500 that leaks nothing")
    func unexpected() async throws {
        try await withApp(configure: configure) { app in
            try await app.testing().test(.GET, "/boom") { res in
                #expect(res.status == .internalServerError)
                #expect(res.body.string == #"{"detail":"Internal Server Error"}"#)
            }
        }
    }

    @Test("an unfinished exercise is a 501 that names the file and the note")
    func exerciseTODO() async throws {
        try await withApp(configure: configure) { app in
            try await app.testing().test(.GET, "/todo") { res in
                #expect(res.status == .notImplemented)
                #expect(res.body.string.contains("TODO(lesson 1): ") && res.body.string.contains("X.swift"))
                #expect(res.body.string.contains(ExerciseMessage.note(forLesson: 1, in: .current)))
            }
        }
    }

    @Test("typed query parameters: a bad boolean is a 422 naming it")
    func queryBool() async throws {
        try await withApp(configure: configure) { app in
            try await app.testing().test(.GET, "/flag?on=true") { res in
                #expect(res.body.string == "true")
            }
            try await app.testing().test(.GET, "/flag?on=maybe") { res in
                #expect(res.status == .unprocessableEntity)
                guard case .issues(let issues)? = errorBody(res)?.detail else { Issue.record("no issues"); return }
                #expect(issues == [ValidationIssue(type: "bool_parsing", loc: ["query", "on"],
                                                   msg: "Input should be a valid boolean, unable to interpret input",
                                                   input: "maybe")])
            }
        }
    }
}
