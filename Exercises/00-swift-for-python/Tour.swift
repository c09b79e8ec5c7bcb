// What `swift run lesson-0` prints: each exercise run on a few inputs, or
// its TODO message while it is not written yet.
import Foundation

/// Runs the three exercises and prints what they give. `public`: the
/// `lesson-0` executable, another module, calls it.
public func runExercises() async {
    print("Lesson 0 — Swift for a Python developer: the exercises")

    section("1. parseLimit", file: "Limit.swift")
    for input in [nil, "50", "abc", "500"] as [String?] {
        let shown = input.map { "\"\($0)\"" } ?? "nil"
        do {
            print("   parseLimit(\(shown)) → \(try parseLimit(input))")
        } catch let todo as ExerciseTODO {
            print("   \(todo)")
            break
        } catch {
            print("   parseLimit(\(shown)) throws: \(error)")
        }
    }

    section("2. SignUp", file: "SignUp.swift")
    do {
        for json in [#"{"email": "ada@example.com", "full_name": null}"#, #"{"email": "ada@example.com"}"#,
                     #"{"email": "ada@example.com", "full_name": "Ada Lovelace"}"#] {
            let signUp = try JSONDecoder().decode(SignUp.self, from: Data(json.utf8))
            print("   \(json) → \(signUp)")
            if json.contains("Lovelace") {
                let encoder = JSONEncoder()
                encoder.outputFormatting = .sortedKeys
                print("   encoded again: \(String(decoding: try encoder.encode(signUp), as: UTF8.self))")
            }
        }
    } catch let todo as ExerciseTODO {
        print("   \(todo)")
    } catch {
        print("   threw: \(error)")
    }

    section("3. loadProfile", file: "Profile.swift")
    do {
        let store = SampleStore()
        let profile = try await loadProfile(userID: 1, from: store)
        print("   \(profile)")
        print("   lookups running at the same time, at most: \(await store.mostAtOnce)")
    } catch let todo as ExerciseTODO {
        print("   \(todo)")
    } catch {
        print("   threw: \(error)")
    }

    print("\nCheck them: swift test --filter Lesson00Tests")
}

private func section(_ title: String, file: String) {
    print("\n\(title) — Exercises/00-swift-for-python/\(file)")
}

/// A store whose lookups take 0.1 s or more each, and which counts how many
/// run at once.
actor SampleStore: ProfileStore {
    private var running = 0
    private(set) var mostAtOnce = 0

    func email(ofUser id: Int) async throws -> String {
        try await lookUp { "ada@example.com" }
    }

    func items(ofUser id: Int) async throws -> [String] {
        try await lookUp { ["Foo", "Bar"] }
    }

    private func lookUp<T>(_ answer: () -> T) async throws -> T {
        running += 1
        mostAtOnce = max(mostAtOnce, running)
        defer { running -= 1 }
        // 0.1 s; on a busy machine, up to a second for the other lookup to
        // start too, if it was started at the same time.
        var waited = 0
        repeat {
            try await Task.sleep(for: .milliseconds(100))
            waited += 1
        } while mostAtOnce < 2 && waited < 10
        return answer()
    }
}
