import ExerciseMessages
import Foundation

/// What a finished process printed (standard output and error, interleaved) and how it ended.
struct ProcessOutput: Equatable, Sendable {
    /// The exit status (or the signal's number when a signal ended it).
    var status: Int32
    /// Standard output and standard error together, in the order written.
    var output: String
}

/// Runs commands. The real one starts processes; tests pass a fake.
protocol ProcessRunning: Sendable {
    /// Runs `arguments` (the first is the program, looked up in `PATH`) in
    /// `directory`, with this process's environment unchanged, and waits for it.
    func run(_ arguments: [String], in directory: URL) async throws -> ProcessOutput
}

/// Starts real processes through `/usr/bin/env`, so `swift` and `git` are
/// found on `PATH` and the environment (`WORKBOOK=solutions`, say) passes through.
struct SystemProcessRunner: ProcessRunning {
    /// The language of the error when a program cannot be started.
    var language: WorkbookLanguage = .english

    func run(_ arguments: [String], in directory: URL) async throws -> ProcessOutput {
        try await withCheckedThrowingContinuation { continuation in
            // Reading a pipe to its end blocks: do it off the async threads.
            DispatchQueue.global().async {
                let language = self.language
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                process.arguments = arguments
                process.currentDirectoryURL = directory
                let pipe = Pipe()
                process.standardOutput = pipe
                process.standardError = pipe
                process.standardInput = FileHandle.nullDevice
                do {
                    try process.run()
                } catch {
                    continuation.resume(throwing: WorkbookError.cannotRun(arguments.joined(separator: " "), "\(error)", language))
                    return
                }
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                let output = String(decoding: data, as: UTF8.self)
                // env's own "No such file or directory" when the program is not on PATH.
                if process.terminationStatus == 127, output.hasPrefix("/usr/bin/env:") || output.hasPrefix("env:") {
                    continuation.resume(throwing: WorkbookError.cannotRun(arguments[0], output.trimmingCharacters(in: .whitespacesAndNewlines), language))
                    return
                }
                continuation.resume(returning: ProcessOutput(status: process.terminationStatus, output: output))
            }
        }
    }
}
