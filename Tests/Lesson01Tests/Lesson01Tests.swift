import Foundation
import Lesson01
import Testing
import VaporTesting
import Workbook
import WorkbookTesting

/// Lesson 1 — FastAPI's first steps. See Lessons/01-first-steps.md.
@Suite("Lesson 1: first steps")
struct Lesson01Tests {
    // MARK: The walkthrough's own code (passes before the exercise is done)

    @Test("GET / answers {\"message\": \"Hello World\"} as JSON")
    func helloWorld() async throws {
        try await withApp(configure: configure) { app in
            try await app.testing().test(.GET, "/") { res in
                #expect(res.status == .ok)
                #expect(res.headers.contentType == .json)
                #expect(res.body.string == #"{"message":"Hello World"}"#)
            }
        }
    }

    @Test("over a real socket, as `swift run lesson-1` then curl")
    func helloWorldOverTCP() async throws {
        try await withApp(configure: configure) { app in
            try await withRunningServer(app) { baseURL in
                let res = try await app.client.get(.init(string: baseURL + "/"))
                #expect(res.status == .ok)
                #expect(res.body.map { String(buffer: $0) } == #"{"message":"Hello World"}"#)
            }
        }
    }

    @Test("unknown routes are 404 with a JSON detail, as FastAPI's")
    func unknownRoute() async throws {
        try await withApp(configure: configure) { app in
            try await app.testing().test(.GET, "/no/such/route") { res in
                #expect(res.status == .notFound)
                #expect(errorBody(res)?.detail == .message("Not Found"))
            }
        }
    }

    @Test("GET /openapi.json documents every route, typed")
    func openAPIDocument() async throws {
        try await withApp(configure: configure) { app in
            try await app.testing().test(.GET, "/openapi.json") { res in
                #expect(res.status == .ok)
                #expect(res.headers.contentType == .json)
                let json = try #require(try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as? [String: Any])
                #expect(json["openapi"] as? String == "3.1.1")
                let paths = try #require(json["paths"] as? [String: [String: Any]])

                // Every route the app serves, except the docs themselves, is in the document.
                for route in app.routes.all where route.documentation?.hidden != true {
                    let path = "/" + route.path.map { component in
                        if case .parameter(let name) = component { "{\(name)}" } else { component.description }
                    }.joined(separator: "/")
                    #expect(paths[path]?[route.method.rawValue.lowercased()] != nil, explain("\(route.method) \(path) is missing from /openapi.json",
                                                                                             russian: "\(route.method) \(path) нет в /openapi.json"))
                }
                #expect(paths["/openapi.json"] == nil && paths["/docs"] == nil)

                // item_id is documented as an integer, q as an optional string.
                let readItem = try #require(paths["/items/{item_id}"]?["get"] as? [String: Any])
                let parameters = try #require(readItem["parameters"] as? [[String: Any]])
                let itemID = try #require(parameters.first { $0["name"] as? String == "item_id" })
                #expect(itemID["in"] as? String == "path")
                #expect((itemID["schema"] as? [String: Any])?["type"] as? String == "integer")
                let q = try #require(parameters.first { $0["name"] as? String == "q" })
                #expect(q["in"] as? String == "query")
                #expect(q["required"] as? Bool != true)
            }
        }
    }

    @Test("GET /docs serves Swagger UI over /openapi.json")
    func docsPage() async throws {
        try await withApp(configure: configure) { app in
            try await app.testing().test(.GET, "/docs") { res in
                #expect(res.status == .ok)
                #expect(res.headers.contentType == .html)
                #expect(res.body.string.contains("SwaggerUIBundle"))
                #expect(res.body.string.contains("url: '/openapi.json'"))
            }
        }
    }

    // MARK: The exercise (Exercises/01-first-steps/Items.swift)

    @Test("exercise: GET /items/5?q=somequery answers the id as a number and q")
    func readItemWithQuery() async throws {
        try await withApp(configure: configure) { app in
            try await app.testing().test(.GET, "/items/5?q=somequery") { res in
                guard expectExerciseDone(res, lesson: 1) else { return }
                #expect(res.status == .ok, explain("GET /items/5?q=somequery should answer 200 OK, got \(res.status.code)",
                                                   russian: "GET /items/5?q=somequery должен отвечать 200 OK, а ответил \(res.status.code)"))
                let body = res.body.string
                let json = jsonObject(body)
                #expect(json?["item_id"] as? Int == 5 && !(json?["item_id"] is String),
                        explain("item_id should be the JSON number 5, not the string \"5\": read it as an Int with req.pathParameter(\"item_id\", as: Int.self). Got \(body)",
                                russian: "item_id должен быть JSON-числом 5, а не строкой \"5\": читайте его как Int через req.pathParameter(\"item_id\", as: Int.self). Получено \(body)"))
                #expect(json?["q"] as? String == "somequery",
                        explain("q should be \"somequery\", read from the query string ?q=somequery with req.queryParameter(\"q\", as: String.self). Got \(body)",
                                russian: "q должен быть \"somequery\", прочитанным из строки запроса ?q=somequery через req.queryParameter(\"q\", as: String.self). Получено \(body)"))
                #expect(body == #"{"item_id":5,"q":"somequery"}"#,
                        explain("GET /items/5?q=somequery should answer {\"item_id\":5,\"q\":\"somequery\"}, got \(body)",
                                russian: "GET /items/5?q=somequery должен отвечать {\"item_id\":5,\"q\":\"somequery\"}, а ответил \(body)"))
            }
        }
    }

    @Test("exercise: q is optional")
    func readItemWithoutQuery() async throws {
        try await withApp(configure: configure) { app in
            try await app.testing().test(.GET, "/items/42") { res in
                guard expectExerciseDone(res, lesson: 1) else { return }
                #expect(res.status == .ok, explain("GET /items/42 (no ?q=) should answer 200 OK: q is optional. Got \(res.status.code): \(res.body.string)",
                                                   russian: "GET /items/42 (без ?q=) должен отвечать 200 OK: q — необязательный параметр. Получено \(res.status.code): \(res.body.string)"))
                let body = res.body.string
                if let q = jsonObject(body)?["q"] {
                    Issue.record(explain("without ?q=, q must be nil, which Swift's JSON encoder leaves out: expected {\"item_id\":42}, got \"q\": \(q) in \(body). Return the optional that req.queryParameter(\"q\", as: String.self) gives, with no default.",
                                         russian: "без ?q= q должен быть nil, а такое поле JSON-кодировщик Swift опускает: ожидалось {\"item_id\":42}, а получено \"q\": \(q) в \(body). Возвращайте опционал, который даёт req.queryParameter(\"q\", as: String.self), без значения по умолчанию."))
                }
                #expect(body == #"{"item_id":42}"#,
                        explain("GET /items/42 should answer {\"item_id\":42}, got \(body)",
                                russian: "GET /items/42 должен отвечать {\"item_id\":42}, а ответил \(body)"))
            }
        }
    }

    @Test("exercise: a non-integer id is a 422 that names item_id", arguments: ["foo", "4.5", "9999999999999999999999"])
    func readItemRejectsBadID(_ badID: String) async throws {
        try await withApp(configure: configure) { app in
            try await app.testing().test(.GET, "/items/\(badID)") { res in
                guard expectExerciseDone(res, lesson: 1) else { return }
                #expect(res.status == .unprocessableEntity,
                        explain("GET /items/\(badID) should be 422 Unprocessable Entity, as FastAPI answers an item_id that is not an int, got \(res.status.code): read it with req.pathParameter(\"item_id\", as: Int.self)",
                                russian: "GET /items/\(badID) должен отвечать 422 Unprocessable Entity, как FastAPI отвечает на item_id, который не int, а ответил \(res.status.code): читайте его через req.pathParameter(\"item_id\", as: Int.self)"))
                guard res.status == .unprocessableEntity else { return }
                guard case .issues(let issues)? = errorBody(res)?.detail else {
                    Issue.record(explain("the 422 should say which parameter is wrong, as FastAPI's does: {\"detail\":[{\"loc\":[\"path\",\"item_id\"],…}]}. Got \(res.body.string). req.pathParameter(\"item_id\", as: Int.self) answers that; Vapor's req.parameters.require does not name the parameter.",
                                         russian: "ответ 422 должен говорить, какой параметр неверен, как у FastAPI: {\"detail\":[{\"loc\":[\"path\",\"item_id\"],…}]}. Получено \(res.body.string). req.pathParameter(\"item_id\", as: Int.self) так и отвечает; req.parameters.require из Vapor параметр не называет."))
                    return
                }
                #expect(issues.first?.loc == ["path", "item_id"],
                        explain("the 422 should name the parameter: loc [\"path\", \"item_id\"], got \(issues.first?.loc ?? [])",
                                russian: "ответ 422 должен называть параметр: loc [\"path\", \"item_id\"], а получено \(issues.first?.loc ?? [])"))
                #expect(issues.first?.input == badID, explain("the 422's input should be what the request sent, \"\(badID)\"",
                                                              russian: "input в ответе 422 должен быть тем, что прислал запрос, \"\(badID)\""))
                #expect(issues.first?.msg.contains("integer") == true, explain("the 422's msg should say an integer was expected, got \(issues.first?.msg ?? "nothing")",
                                                                               russian: "msg в ответе 422 должен говорить, что ожидалось целое число (integer), а получено \(issues.first?.msg ?? "ничего")"))
            }
        }
    }
}

/// The JSON object in `body`, or `nil` when it is not one.
private func jsonObject(_ body: String) -> [String: Any]? {
    (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any]
}
