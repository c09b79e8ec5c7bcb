import Vapor
import Workbook

/// `POST /users`: `{"email": "...", "password": "...", "full_name": "..."}`.
struct CreateUserRequest: Content {
    let email: String
    let password: String
    let fullName: String?

    enum CodingKeys: String, CodingKey {
        case email, password
        case fullName = "full_name"
    }

    /// Shortest password accepted.
    static let minimumPasswordLength = 8
    /// Longest password accepted, in bytes: bcrypt reads only the first 72,
    /// so two longer passwords that share them would both log in.
    static let maximumPasswordBytes = 72
    /// Longest full name accepted.
    static let maximumNameLength = 200

    /// The email as it is stored: trimmed and lower-cased, so
    /// `Ada@Example.com` and `ada@example.com` are one account.
    var normalizedEmail: String {
        email.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// Throws a 422 listing every field that is not acceptable.
    func validate() throws {
        var issues: [ValidationIssue] = []
        // Vapor's email validator; run on the lower-cased form, as it only
        // accepts lower-case domain endings.
        if Validator<String>.email.validate(normalizedEmail).isFailure {
            issues.append(ValidationIssue(type: "value_error", loc: ["body", "email"],
                                          msg: "value is not a valid email address", input: email))
        }
        if password.count < Self.minimumPasswordLength {
            issues.append(ValidationIssue(type: "string_too_short", loc: ["body", "password"],
                                          msg: "String should have at least \(Self.minimumPasswordLength) characters"))
        }
        if password.utf8.count > Self.maximumPasswordBytes {
            issues.append(ValidationIssue(type: "string_too_long", loc: ["body", "password"],
                                          msg: "Password should be at most \(Self.maximumPasswordBytes) bytes (bcrypt ignores the rest)"))
        }
        if let fullName, fullName.count > Self.maximumNameLength {
            issues.append(ValidationIssue(type: "string_too_long", loc: ["body", "full_name"],
                                          msg: "String should have at most \(Self.maximumNameLength) characters"))
        }
        guard issues.isEmpty else { throw ValidationFailure(issues) }
    }
}

/// A user, as the API shows one: never the password or its hash.
struct UserResponse: Content, Equatable {
    let id: Int
    let email: String
    let fullName: String?

    enum CodingKeys: String, CodingKey {
        case id, email
        case fullName = "full_name"
    }

    init(_ user: User) throws {
        id = try user.requireID()
        email = user.email
        fullName = user.fullName
    }
}

/// `GET /users?limit=&offset=`: one page of users, and how many there are.
struct UserPage: Content {
    let items: [UserResponse]
    let limit: Int
    let offset: Int
    let total: Int
}

/// `POST /login`: `{"email": "...", "password": "..."}`.
struct LoginRequest: Content {
    let email: String
    let password: String
}

/// What a successful login answers, as FastAPI's OAuth2 tutorial does.
struct TokenResponse: Content {
    let accessToken: String
    let tokenType: String

    enum CodingKeys: String, CodingKey {
        case accessToken = "access_token"
        case tokenType = "token_type"
    }
}
