import Foundation
import Lesson01
import Testing
import VaporTesting
import WorkbookTesting

/// Lesson 1 shows a picture of its `/docs` page (taken by
/// `scripts/screenshot-docs`). A picture cannot be compared word for word,
/// so its description in the note names every route and schema it shows,
/// and this check holds that description to the finished lesson's real
/// `/openapi.json`: a route or schema added, renamed or removed fails here
/// until the picture is taken again.
@Suite(
    "Lesson notes: lesson 1's picture of /docs shows the current document",
    .enabled(if: onSolutionsTrack, """
        Skipped: the picture shows the finished lesson 1, so it is checked on the solutions track only. \
        Run: WORKBOOK=solutions swift test --scratch-path .build-solutions --filter NoteDiagramsTests
        """)
)
struct DocsPictureTests {
    static let note = "Lessons/01-first-steps.md"
    static let picture = "images/lesson-1-docs.png"

    @Test("the picture's description names exactly the routes and schemas of /openapi.json")
    func pictureMatchesDocument() async throws {
        let root = workbookRoot()
        let text = try String(contentsOf: root.appendingPathComponent(Self.note), encoding: .utf8)
        let description = try #require(Self.pictureDescription(in: text),
                                       "\(Self.note) no longer shows ![…](\(Self.picture))")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("Lessons/\(Self.picture)").path),
                "Lessons/\(Self.picture) is missing: run scripts/screenshot-docs")
        let shown = Self.parse(description)

        try await withApp(configure: Lesson01.configure) { app in
            try await app.testing().test(.GET, "/openapi.json") { res in
                let json = try #require(try JSONSerialization.jsonObject(with: Data(res.body.string.utf8)) as? [String: Any])
                let paths = try #require(json["paths"] as? [String: [String: Any]])
                let routes = Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
                let schemas = Set(((json["components"] as? [String: Any])?["schemas"] as? [String: Any])?.keys.map { $0 } ?? [])
                let retake = "Take the picture again (scripts/screenshot-docs) and update its description in \(Self.note)."
                #expect(shown.routes == routes,
                        "the picture shows the routes \(shown.routes.sorted()), /openapi.json has \(routes.sorted()). \(retake)")
                #expect(shown.schemas == schemas,
                        "the picture shows the schemas \(shown.schemas.sorted()), /openapi.json has \(schemas.sorted()). \(retake)")
            }
        }
    }

    @Test("a description that misses a route or a schema is told apart")
    func parsing() throws {
        let shown = Self.parse("The /docs page: GET /items/{item_id} and GET /, then the schemas Message, Item and HTTPValidationError")
        #expect(shown.routes == ["GET /items/{item_id}", "GET /"])
        #expect(shown.schemas == ["Message", "Item", "HTTPValidationError"])
        #expect(Self.parse("The /docs page: GET /, then the schemas Message").routes != shown.routes)
    }

    /// The alt text of `![alt](images/lesson-1-docs.png)`.
    static func pictureDescription(in note: String) -> String? {
        guard let end = note.range(of: "](\(picture))"),
              let start = note[..<end.lowerBound].range(of: "![", options: .backwards) else { return nil }
        return String(note[start.upperBound..<end.lowerBound])
    }

    /// The routes (`GET /path`) and the schema names (after "the schemas")
    /// a description lists.
    static func parse(_ description: String) -> (routes: Set<String>, schemas: Set<String>) {
        let parts = description.components(separatedBy: "the schemas ")
        let words = parts[0].split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        var routes: Set<String> = []
        for (index, word) in words.enumerated().dropLast()
        where ["GET", "POST", "PUT", "PATCH", "DELETE"].contains(word) {
            routes.insert("\(word) \(words[index + 1].trimmingCharacters(in: CharacterSet(charactersIn: ",.")))")
        }
        let schemas = parts.count > 1
            ? parts[1].replacingOccurrences(of: " and ", with: ", ").components(separatedBy: ", ")
                .map { $0.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "."))) }
                .filter { !$0.isEmpty }
            : []
        return (routes, Set(schemas))
    }
}
