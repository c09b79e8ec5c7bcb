import Foundation

/// What the workbook remembers between runs, in `.workbook/state.json` at
/// the kit's root (git-ignored).
struct WorkbookState: Codable, Equatable, Sendable {
    /// Lesson number (as text, for JSON) → how many of its hints were shown.
    var hintsShown: [String: Int] = [:]
    /// The lessons that were done at the last check that could run them, so
    /// `progress` can still show them when another lesson does not compile.
    var doneAtLastCheck: [Int]?

    /// How many hints of `lesson` were shown.
    func hints(_ lesson: Int) -> Int { hintsShown[String(lesson)] ?? 0 }

    /// Remembers that `count` hints of `lesson` were shown (0 forgets).
    mutating func setHints(_ lesson: Int, _ count: Int) {
        hintsShown[String(lesson)] = count > 0 ? count : nil
    }

    /// `.workbook/state.json` under `root`.
    static func file(in root: URL) -> URL {
        root.appendingPathComponent(".workbook/state.json")
    }

    /// The state saved under `root`; an empty one when there is none or it cannot be read.
    static func load(from root: URL) -> WorkbookState {
        guard let data = try? Data(contentsOf: file(in: root)) else { return WorkbookState() }
        return decode(data) ?? WorkbookState()
    }

    /// Decodes the file's contents; `nil` when they are not a state.
    static func decode(_ data: Data) -> WorkbookState? {
        try? JSONDecoder().decode(WorkbookState.self, from: data)
    }

    /// The file's contents: JSON, keys sorted, so it diffs and reads well.
    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(self) + Data("\n".utf8)
    }

    /// Writes the state under `root`, creating `.workbook/`.
    func save(to root: URL) throws {
        let url = WorkbookState.file(in: root)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try encoded().write(to: url, options: .atomic)
    }
}

extension WorkbookState {
    /// Whether `WORKBOOK=solutions` is set: then every lesson is the finished
    /// one, and what is done says nothing about the learner's own work.
    static var solutionsTrack: Bool { ProcessInfo.processInfo.environment["WORKBOOK"] == "solutions" }

    /// The lessons done at the last check, on the learner's own track.
    var knownDone: Set<Int> { WorkbookState.solutionsTrack ? [] : Set(doneAtLastCheck ?? []) }

    /// Remembers which lessons are done after `outcome` (lessons that could
    /// not be checked keep what was known). Not on the solutions track.
    mutating func recordOnLearnersTrack(_ outcome: CheckOutcome) {
        if !WorkbookState.solutionsTrack { record(outcome) }
    }

    /// Remembers which lessons are done after `outcome` (lessons that could
    /// not be checked keep what was known).
    mutating func record(_ outcome: CheckOutcome) {
        var done = Set(doneAtLastCheck ?? [])
        for (lesson, result) in outcome.results {
            switch result.status {
            case .done: done.insert(lesson)
            case .notDone, .broken: done.remove(lesson)
            case .notChecked: break
            }
        }
        doneAtLastCheck = done.isEmpty ? nil : done.sorted()
    }
}
