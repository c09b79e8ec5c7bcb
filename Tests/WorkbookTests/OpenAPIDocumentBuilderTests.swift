import Foundation
import OpenAPIKit
import Testing
import Vapor
import VaporTesting
@testable import Workbook

@Suite("OpenAPIDocumentBuilder: routes → OpenAPI 3.1")
struct OpenAPIDocumentBuilderTests {
    struct NewUser: Content { var email: String; var password: String }
    struct UserOut: Content { var id: Int; var email: String }

    /// Whether `operation` documents a response with `status`. (OpenAPIKit's
    /// ordered dictionary reads an integer subscript as a position, not a key.)
    func documents(_ operation: OpenAPI.Operation, _ status: Int) -> Bool {
        operation.responses.keys.contains { $0.rawValue == String(status) }
    }

    @Test("paths, methods, typed parameters, bodies and responses come from the routes")
    func documentFromRoutes() async throws {
        try await withApp { app in
            app.post("users") { _ -> UserOut in UserOut(id: 1, email: "a@b.c") }
                .openAPI(summary: "Create User", body: NewUser.self, status: .created,
                         responses: [.init(.conflict, "The email is taken")])
            app.get("users", ":user_id") { _ -> UserOut in UserOut(id: 1, email: "a@b.c") }
                .openAPI(parameters: [.path("user_id", Int.self), .query("verbose", Bool.self)])
            app.get("hidden") { _ in "no" }.excludedFromDocs()
            app.delete("users", ":user_id") { _ in HTTPStatus.noContent }

            let document = try OpenAPIDocumentBuilder(title: "Test").document(for: app.routes.all)
            #expect(document.paths.keys.map(\.rawValue) == ["/users", "/users/{user_id}"])

            let create = try #require(document.paths["/users"]?.pathItemValue?.post)
            #expect(create.summary == "Create User")
            #expect(documents(create, 201))
            #expect(documents(create, 409))
            #expect(documents(create, 422), "a route with a body documents FastAPI's 422")
            #expect(document.components.schemas["NewUser"]?.objectContext?.requiredProperties.sorted() == ["email", "password"])
            #expect(document.components.schemas["UserOut"]?.objectContext?.properties["id"]?.jsonType == .integer)

            let item = try #require(document.paths["/users/{user_id}"]?.pathItemValue)
            let read = try #require(item.get)
            let names = read.parameters.compactMap { $0.parameterValue?.name }
            #expect(names == ["user_id", "verbose"])
            #expect(read.parameters.first?.parameterValue?.schemaOrContent.schemaValue?.jsonType == .integer)
            // An undocumented route is still in the document, with its path parameter as a string.
            let remove = try #require(item.delete)
            #expect(remove.parameters.first?.parameterValue?.schemaOrContent.schemaValue?.jsonType == .string)
        }
    }

    @Test("documenting a path parameter the path does not have is an error that says how to fix it")
    func unknownPathParameter() async throws {
        try await withApp { app in
            app.get("items", ":item_id") { _ in "x" }
                .openAPI(parameters: [.path("id", Int.self)])
            #expect(throws: OpenAPIDocumentError.unknownPathParameter(route: "GET /items/{item_id}", name: "id")) {
                try OpenAPIDocumentBuilder(title: "Test").document(for: app.routes.all)
            }
        }
    }

    @Test("the served document is valid OpenAPI that OpenAPIKit reads back")
    func roundTrip() async throws {
        try await withApp { app in
            app.useOpenAPIDocs(title: "Round trip")
            app.get("a", ":n") { _ -> UserOut in UserOut(id: 1, email: "") }
                .openAPI(parameters: [.path("n", Int.self)])
            try await app.testing().test(.GET, "/openapi.json") { res in
                let document = try JSONDecoder().decode(OpenAPI.Document.self, from: Data(res.body.string.utf8))
                try document.validate()
                #expect(document.info.title == "Round trip")
                #expect(document.paths["/a/{n}"] != nil)
            }
        }
    }
}
