import Foundation
import OpenAPIKit
import Testing
@testable import Workbook

@Suite("SchemaReflector: JSON Schema from Codable")
struct SchemaReflectorTests {
    enum Role: String, Codable, CaseIterable { case admin, member }

    struct Address: Codable { var city: String }

    struct User: Codable {
        var id: Int
        var email: String
        var nickname: String?
        var score: Double
        var active: Bool
        var tags: [String]
        var address: Address
        var role: Role
        var createdAt: Date
        var externalID: UUID

        enum CodingKeys: String, CodingKey {
            case id, email, nickname, score, active, tags, address, role
            case createdAt = "created_at"
            case externalID = "external_id"
        }
    }

    @Test("a struct becomes an object with its coding keys, required unless optional")
    func structToObject() throws {
        let schema = SchemaReflector.schema(for: User.self)
        let object = try #require(schema.objectContext)
        #expect(Array(object.properties.keys) == ["id", "email", "nickname", "score", "active", "tags",
                                                  "address", "role", "created_at", "external_id"])
        #expect(object.requiredProperties.sorted() == ["active", "address", "created_at", "email", "external_id",
                                                       "id", "role", "score", "tags"])
        #expect(object.properties["id"]?.jsonType == .integer)
        #expect(object.properties["email"]?.jsonType == .string)
        #expect(object.properties["nickname"]?.jsonType == .string)
        #expect(object.properties["score"]?.jsonType == .number)
        #expect(object.properties["active"]?.jsonType == .boolean)
        #expect(object.properties["tags"]?.arrayContext?.items?.jsonType == .string)
        #expect(object.properties["address"]?.objectContext?.properties["city"]?.jsonType == .string)
        #expect(object.properties["created_at"]?.formatString == "date-time")
        #expect(object.properties["external_id"]?.formatString == "uuid")
    }

    @Test("a CaseIterable enum lists its raw values")
    func enumValues() {
        let schema = SchemaReflector.schema(for: Role.self)
        #expect(schema.jsonType == .string)
        #expect(schema.allowedValues?.map { $0.value as? String } == ["admin", "member"])
    }

    @Test("an array of structs becomes an array of objects")
    func arrayOfObjects() throws {
        let schema = SchemaReflector.schema(for: [Address].self)
        let items = try #require(schema.arrayContext?.items)
        #expect(items.objectContext?.properties["city"]?.jsonType == .string)
    }

    struct Validating: Codable {
        var code: String
        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            code = try container.decode(String.self, forKey: .code)
            guard code.count == 3 else {
                throw DecodingError.dataCorruptedError(forKey: .code, in: container, debugDescription: "three letters")
            }
        }
    }

    @Test("a type whose decoding cannot be followed is a plain JSON value, not a crash")
    func unfollowable() {
        let schema = SchemaReflector.schema(for: Validating.self)
        #expect(schema.jsonType == nil)
    }
}
