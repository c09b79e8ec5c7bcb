import JWT
import Vapor

/// What a login token says: who (`sub`, the user's id) and until when (`exp`).
///
/// FastAPI's OAuth2 tutorial puts the same two claims in its JWT.
struct UserToken: JWTPayload {
    var subject: SubjectClaim
    var expiration: ExpirationClaim

    enum CodingKeys: String, CodingKey {
        case subject = "sub"
        case expiration = "exp"
    }

    /// Checked on every verify, after the signature: an expired token is refused.
    func verify(using algorithm: some JWTAlgorithm) async throws {
        try expiration.verifyNotExpired()
    }
}

extension Request {
    /// The user a request's `Authorization: Bearer <token>` belongs to.
    ///
    /// Throws 401 — `Not authenticated` without a token, `Could not validate
    /// credentials` for a token that is expired, tampered with, or names a
    /// user that no longer exists — as FastAPI's tutorial answers.
    func authenticatedUser() async throws -> User {
        let challenge: HTTPHeaders = ["WWW-Authenticate": "Bearer"]
        guard let bearer = headers.bearerAuthorization else {
            throw Abort(.unauthorized, headers: challenge, reason: "Not authenticated")
        }
        let token: UserToken
        do {
            token = try await jwt.verify(bearer.token, as: UserToken.self)
        } catch {
            throw Abort(.unauthorized, headers: challenge, reason: "Could not validate credentials")
        }
        guard let id = Int(token.subject.value), let user = try await User.find(id, on: db) else {
            throw Abort(.unauthorized, headers: challenge, reason: "Could not validate credentials")
        }
        return user
    }
}
