// Lesson 0, section 5 — async and await.
// See Lessons/00-swift-for-python.md.

/// Stands in for a database query: waits a little, then answers.
func slowSquare(_ n: Int) async throws -> Int {
    try await Task.sleep(for: .milliseconds(10))   // await asyncio.sleep(0.01)
    return n * n
}

/// One after the other, two at once, then any number at once.
func asyncExample() async throws -> [Int] {
    // await each in turn: the second starts when the first is done.
    let two = try await slowSquare(2)

    // asyncio.gather(square(3), square(4)): both start now, and run together.
    async let three = slowSquare(3)
    async let four = slowSquare(4)
    let both = try await [three, four]

    // A task group: as many as you like, for n in 5...7.
    let more = try await withThrowingTaskGroup(of: Int.self) { group in
        for n in 5...7 {
            group.addTask { try await slowSquare(n) }
        }
        var squares: [Int] = []
        for try await square in group {            // in the order they finish
            squares.append(square)
        }
        return squares.sorted()
    }
    return [two] + both + more
}
