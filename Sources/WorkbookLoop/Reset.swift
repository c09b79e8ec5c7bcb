import Foundation

/// What `reset N` does to put lesson N's exercise back to its starting state.
struct ResetPlan: Equatable, Sendable {
    /// The lesson to reset.
    let lesson: Lesson

    /// The question asked first.
    var question: String {
        "Reset lesson \(lesson.number)? This discards your changes in \(lesson.exerciseFolder)/ [y/N] "
    }

    /// Run from the kit's root, in order: restore the committed files, then
    /// remove the files git does not know (revision files the learner generated).
    var gitCommands: [[String]] {
        [
            ["git", "checkout", "HEAD", "--", lesson.exerciseFolder],
            ["git", "clean", "-fd", "--", lesson.exerciseFolder],
        ]
    }

    /// The lesson's database and migration settings in the kit's root.
    var filesToDelete: [String] {
        let base = "lesson-\(lesson.number)"
        return ["\(base).sqlite", "\(base).sqlite-wal", "\(base).sqlite-shm", "\(base).revisions.json"]
    }

    /// Whether an answer to ``question`` means yes.
    static func isYes(_ answer: String?) -> Bool {
        guard let answer = answer?.trimmingCharacters(in: .whitespaces).lowercased() else { return false }
        return answer == "y" || answer == "yes"
    }

    /// What to say when the kit is not a git checkout.
    var withoutGit: String {
        """
        Cannot reset lesson \(lesson.number): this copy of the kit is not a git checkout, so there is no
        starting state to go back to. Either copy \(lesson.exerciseFolder)/ from a fresh download of
        the kit over yours, or get the kit with `git clone` and work in that copy.
        """
    }

    /// Throws ``withoutGit`` unless `root` is in a git checkout.
    func requireGit(in root: URL, runner: any ProcessRunning) async throws {
        let check: ProcessOutput
        do {
            check = try await runner.run(["git", "rev-parse", "--is-inside-work-tree"], in: root)
        } catch {
            throw ResetError(message: withoutGit + "\n(git itself could not be run: is it installed?)")
        }
        guard check.status == 0, check.output.contains("true") else { throw ResetError(message: withoutGit) }
    }

    /// Carries the plan out in `root`: git first (so nothing is deleted when
    /// git fails), then the database files. Returns what was done, for the learner.
    func run(in root: URL, runner: any ProcessRunning, fileManager: FileManager = .default) async throws -> [String] {
        try await requireGit(in: root, runner: runner)
        for command in gitCommands {
            let result = try await runner.run(command, in: root)
            guard result.status == 0 else {
                throw ResetError(message: """
                    Could not reset lesson \(lesson.number): `\(command.joined(separator: " "))` failed:
                    \(result.output.trimmingCharacters(in: .whitespacesAndNewlines))
                    Your files are as they were before this command.
                    """)
            }
        }
        var done = ["\(lesson.exerciseFolder)/ is back to its starting state (as in git's last commit)."]
        let deleted = try filesToDelete.filter { name in
            let url = root.appendingPathComponent(name)
            guard fileManager.fileExists(atPath: url.path) else { return false }
            try fileManager.removeItem(at: url)
            return true
        }
        if !deleted.isEmpty { done.append("Deleted " + deleted.joined(separator: ", ") + ".") }
        return done
    }
}

/// A reset that could not be done, with what to do about it.
struct ResetError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
