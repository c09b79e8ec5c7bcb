// Lesson 0, exercise 2 — a Codable DTO with an optional field, pydantic's:
//
//     class SignUp(BaseModel):
//         email: str
//         full_name: str | None = None
//
// Both {"email": "ada@example.com", "full_name": null} and
// {"email": "ada@example.com"} are valid; the JSON says full_name,
// Swift says fullName.

/// What `POST /users` reads: an email, and a full name that may be missing.
public struct SignUp: Codable, Equatable {
    public let email: String
    public let fullName: String

    // TODO: full_name may be null or missing: give fullName a type that says
    // so. The JSON's key is full_name, not fullName: say so with a CodingKeys
    // enum. Then delete the whole `extension SignUp { … }` below, down to its
    // last `}` (it stands in for the JSON code Swift writes for you), and
    // run: swift test --filter Lesson00Tests
}

extension SignUp {
    public init(from decoder: any Decoder) throws {
        throw ExerciseTODO(lesson: 0, file: "Exercises/00-swift-for-python/SignUp.swift",
                           missing: "SignUp cannot read full_name yet")
    }

    public func encode(to encoder: any Encoder) throws {
        throw ExerciseTODO(lesson: 0, file: "Exercises/00-swift-for-python/SignUp.swift",
                           missing: "SignUp cannot read full_name yet")
    }
}
