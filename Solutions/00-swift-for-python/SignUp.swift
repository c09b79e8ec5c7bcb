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
    public let fullName: String?

    // The JSON's key for fullName is full_name.
    enum CodingKeys: String, CodingKey {
        case email
        case fullName = "full_name"
    }
}
