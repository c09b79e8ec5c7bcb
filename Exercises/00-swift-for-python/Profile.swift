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
    // TODO: ask the store for the user's email and items at the same time
    // (not one await after the other), and return them as a Profile.
    // Then delete the `throw ExerciseTODO(…)` statement below (both of its
    // lines) and run: swift test --filter Lesson00Tests
    throw ExerciseTODO(lesson: 0, file: "Exercises/00-swift-for-python/Profile.swift",
                       missing: "loadProfile is not written yet")
}
