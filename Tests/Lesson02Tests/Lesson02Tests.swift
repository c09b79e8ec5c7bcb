import Foundation
import Lesson02
import Testing
import VaporTesting
import Workbook
import WorkbookTesting

/// Lesson 2 — the project layout. See Lessons/02-project-layout.md.
///
/// This file is another module: it sees only what `Lesson02` marks `public`
/// (`configure(_:)`), exactly as `Sources/lesson-2/entrypoint.swift` does.
@Suite("Lesson 2: project layout")
struct Lesson02Tests {
    @Test("the app module boots from its public configure(_:) and serves lesson 1's routes")
    func publicAPIServes() async throws {
        let app = try await LessonServer.buildApplication(configure: configure)
        do {
            try await app.testing().test(.GET, "/") { res in
                #expect(res.status == .ok)
                #expect(res.body.string == #"{"message":"Hello World"}"#)
            }
            try await app.testing().test(.GET, "/items/7?q=x") { res in
                #expect(res.status == .ok)
                #expect(res.body.string == #"{"item_id":7,"q":"x"}"#)
            }
            try await app.testing().test(.GET, "/items/seven") { res in
                #expect(res.status == .unprocessableEntity)
            }
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    @Test("the controller's routes are in /openapi.json")
    func documented() async throws {
        try await withApp(configure: configure) { app in
            try await app.testing().test(.GET, "/openapi.json") { res in
                let json = try #require(try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as? [String: Any])
                let paths = try #require(json["paths"] as? [String: Any])
                #expect(Set(paths.keys) == ["/", "/items", "/items/{item_id}"])
            }
        }
    }

    @Test("over a real socket")
    func overTCP() async throws {
        try await withApp(configure: configure) { app in
            try await withRunningServer(app) { baseURL in
                let res = try await app.client.get(.init(string: baseURL + "/items/1"))
                #expect(res.status == .ok)
            }
        }
    }

    // MARK: The exercise (Exercises/02-project-layout/Controllers/ItemsController.swift)

    @Test("exercise: GET /items answers the first ten items")
    func listDefaults() async throws {
        try await withApp(configure: configure) { app in
            try await app.testing().test(.GET, "/items") { res in
                guard expectExerciseDone(res, lesson: 2) else { return }
                #expect(res.status == .ok)
                #expect(res.body.string == #"[{"item_name":"Foo"},{"item_name":"Bar"},{"item_name":"Baz"}]"#)
            }
        }
    }

    @Test("exercise: skip and limit slice the list, as fake_items_db[skip : skip + limit]",
          arguments: [("?skip=1&limit=1", #"[{"item_name":"Bar"}]"#),
                      ("?skip=2", #"[{"item_name":"Baz"}]"#),
                      ("?limit=0", "[]"),
                      ("?skip=10", "[]")])
    func listSlices(query: String, expected: String) async throws {
        try await withApp(configure: configure) { app in
            try await app.testing().test(.GET, "/items\(query)") { res in
                guard expectExerciseDone(res, lesson: 2) else { return }
                #expect(res.status == .ok)
                #expect(res.body.string == expected, "GET /items\(query)")
            }
        }
    }

    @Test("exercise: a bad skip or limit is a 422 naming it",
          arguments: [("?limit=ten", "limit"), ("?skip=-1", "skip"), ("?limit=-5", "limit")])
    func listRejectsBadQuery(query: String, parameter: String) async throws {
        try await withApp(configure: configure) { app in
            try await app.testing().test(.GET, "/items\(query)") { res in
                guard expectExerciseDone(res, lesson: 2) else { return }
                #expect(res.status == .unprocessableEntity, "GET /items\(query) should be 422")
                guard case .issues(let issues)? = errorBody(res)?.detail else {
                    Issue.record("422 body should be {\"detail\": [ ... ]}, got \(res.body.string)")
                    return
                }
                #expect(issues.first?.loc == ["query", parameter])
            }
        }
    }
}
