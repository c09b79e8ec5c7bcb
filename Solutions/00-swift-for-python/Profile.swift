// Lesson 0, exercise 3 — two lookups at once, asyncio.gather's job:
//
//     async def load_profile(user_id: int, store: ProfileStore) -> Profile:
//         email, items = await asyncio.gather(store.email(user_id), store.items(user_id))
//         return Profile(email=email, items=items)

/// Where a user's data lives: two lookups that each wait on something
/// (a database, another service). `Sendable`: usable from several tasks at once.
public protocol ProfileStore: Sendable {
    /// The user's email.
    func email(ofUser id: Int) async throws -> String
    /// The titles of the items the user owns.
    func items(ofUser id: Int) async throws -> [String]
}

/// A user's page: the two lookups together.
public struct Profile: Equatable, Sendable {
    public let email: String
    public let items: [String]
}

/// Loads the email and the items at the same time, not one after the other.
public func loadProfile(userID: Int, from store: some ProfileStore) async throws -> Profile {
    // Both lookups start here and run at the same time...
    async let email = store.email(ofUser: userID)
    async let items = store.items(ofUser: userID)
    // ...and this waits for both.
    return try await Profile(email: email, items: items)
}
