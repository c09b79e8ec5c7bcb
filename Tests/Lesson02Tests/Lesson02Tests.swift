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

    /// The controller's `fake_items_db`, in order.
    static let items = ["Foo", "Bar", "Baz", "Qux", "Quux", "Corge", "Grault",
                        "Garply", "Waldo", "Fred", "Plugh", "Xyzzy", "Thud"]

    @Test("exercise: GET /items answers the first ten items")
    func listDefaults() async throws {
        try await withApp(configure: configure) { app in
            try await app.testing().test(.GET, "/items") { res in
                guard expectExerciseDone(res, lesson: 2) else { return }
                #expect(res.status == .ok, explain("GET /items should answer 200 OK, got \(res.status.code): \(res.body.string)",
                                                   russian: "GET /items должен отвечать 200 OK, а ответил \(res.status.code): \(res.body.string)"))
                let names = itemNames(res.body.string)
                #expect(names == Array(Self.items.prefix(10)),
                        explain("GET /items without ?skip= or ?limit= should return the first 10 items (skip defaults to 0, limit defaults to 10), got \(describe(names, res))",
                                russian: "GET /items без ?skip= и ?limit= должен возвращать первые 10 элементов (skip по умолчанию 0, limit по умолчанию 10), а вернул \(describeRussian(names, res))"))
                #expect(res.body.string.hasPrefix(#"[{"item_name":"Foo"},{"item_name":"Bar"}"#),
                        explain("each item should be {\"item_name\": ...}, got \(res.body.string)",
                                russian: "каждый элемент должен иметь вид {\"item_name\": ...}, а получено \(res.body.string)"))
            }
        }
    }

    @Test("exercise: skip and limit slice the list, as fake_items_db[skip : skip + limit]",
          arguments: [
              ("?skip=1&limit=1", 1..<2, "exactly 1 item (limit=1), the second: fake_items_db[1:2]",
               "ровно 1 элемент (limit=1), второй: fake_items_db[1:2]"),
              ("?limit=3", 0..<3, "the first 3 items: fake_items_db[0:3]",
               "первые 3 элемента: fake_items_db[0:3]"),
              ("?skip=2", 2..<12, "10 items (limit defaults to 10) after leaving out the first 2: fake_items_db[2:12]",
               "10 элементов (limit по умолчанию 10) после пропуска первых 2: fake_items_db[2:12]"),
              ("?skip=10", 10..<13, "the last 3 items: fake_items_db[10:20] stops at the end of the list",
               "последние 3 элемента: fake_items_db[10:20] останавливается на конце списка"),
              ("?skip=4&limit=2", 4..<6, "exactly 2 items (limit=2) after leaving out the first 4: fake_items_db[4:6]",
               "ровно 2 элемента (limit=2) после пропуска первых 4: fake_items_db[4:6]"),
              ("?limit=0", 0..<0, "no item (limit=0): fake_items_db[0:0]",
               "ни одного элемента (limit=0): fake_items_db[0:0]"),
              ("?skip=20", 0..<0, "no item, since skip is past the end: fake_items_db[20:30] is [] in Python, not an error",
               "ни одного элемента, так как skip за концом списка: fake_items_db[20:30] в Python — это [], а не ошибка"),
          ] as [(String, Range<Int>, String, String)])
    func listSlices(query: String, expected: Range<Int>, meaning: String, russianMeaning: String) async throws {
        try await withApp(configure: configure) { app in
            try await app.testing().test(.GET, "/items\(query)") { res in
                guard expectExerciseDone(res, lesson: 2) else { return }
                #expect(res.status == .ok, explain("GET /items\(query) should answer 200 OK, got \(res.status.code): \(res.body.string)",
                                                   russian: "GET /items\(query) должен отвечать 200 OK, а ответил \(res.status.code): \(res.body.string)"))
                let names = itemNames(res.body.string)
                #expect(names == Array(Self.items[expected]),
                        explain("GET /items\(query) should return \(meaning) = \(Array(Self.items[expected])), got \(describe(names, res))",
                                russian: "GET /items\(query) должен возвращать \(russianMeaning) = \(Array(Self.items[expected])), а вернул \(describeRussian(names, res))"))
            }
        }
    }

    @Test("exercise: a bad skip or limit is a 422 naming it",
          arguments: [
              ("?limit=ten", "limit", "a limit that is not an integer must be refused, not replaced by the default (`try?` hides the 422 that req.queryParameter throws)",
               "limit, который не целое число, нужно отклонять, а не заменять значением по умолчанию (`try?` прячет 422, который выбрасывает req.queryParameter)"),
              ("?skip=1.5", "skip", "a skip that is not an integer must be refused, not replaced by the default (`try?` hides the 422 that req.queryParameter throws)",
               "skip, который не целое число, нужно отклонять, а не заменять значением по умолчанию (`try?` прячет 422, который выбрасывает req.queryParameter)"),
              ("?skip=-1", "skip", "a negative skip must be refused (Python's slice would count from the end; Swift's dropFirst would crash)",
               "отрицательный skip нужно отклонять (срез в Python считал бы с конца, а dropFirst в Swift упал бы)"),
              ("?limit=-5", "limit", "a negative limit must be refused (Swift's prefix would crash)",
               "отрицательный limit нужно отклонять (prefix в Swift упал бы)"),
          ])
    func listRejectsBadQuery(query: String, parameter: String, why: String, russianWhy: String) async throws {
        try await withApp(configure: configure) { app in
            try await app.testing().test(.GET, "/items\(query)") { res in
                guard expectExerciseDone(res, lesson: 2) else { return }
                #expect(res.status == .unprocessableEntity,
                        explain("GET /items\(query) should be 422: \(why). Got \(res.status.code): \(res.body.string)",
                                russian: "GET /items\(query) должен отвечать 422: \(russianWhy). Получено \(res.status.code): \(res.body.string)"))
                guard res.status == .unprocessableEntity else { return }
                guard case .issues(let issues)? = errorBody(res)?.detail else {
                    Issue.record(explain("the 422 body should be {\"detail\": [{\"loc\": [\"query\", \"\(parameter)\"], ...}]}, got \(res.body.string)",
                                         russian: "тело ответа 422 должно быть {\"detail\": [{\"loc\": [\"query\", \"\(parameter)\"], ...}]}, а получено \(res.body.string)"))
                    return
                }
                #expect(issues.first?.loc == ["query", parameter],
                        explain("the 422 for GET /items\(query) should name \(parameter): loc should be [\"query\", \"\(parameter)\"], got \(issues.first?.loc ?? [])",
                                russian: "ответ 422 на GET /items\(query) должен называть \(parameter): loc должен быть [\"query\", \"\(parameter)\"], а получено \(issues.first?.loc ?? [])"))
            }
        }
    }
}

/// The `item_name`s of a JSON list of items, or `nil` when the body is not one.
private func itemNames(_ body: String) -> [String]? {
    guard let list = (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [[String: Any]] else { return nil }
    let names = list.compactMap { $0["item_name"] as? String }
    return names.count == list.count ? names : nil
}

/// What a check got: the names, or the body when it is not a list of items.
private func describe(_ names: [String]?, _ res: TestingHTTPResponse) -> String {
    guard let names else { return res.body.string }
    return "\(names.count) item\(names.count == 1 ? "" : "s"): \(names)"
}

/// ``describe(_:_:)`` in Russian.
private func describeRussian(_ names: [String]?, _ res: TestingHTTPResponse) -> String {
    guard let names else { return res.body.string }
    return "\(names.count) шт.: \(names)"
}
