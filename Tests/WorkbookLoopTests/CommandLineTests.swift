import ArgumentParser
import Foundation
import Testing
@testable import WorkbookLoop

@Suite("The command line")
struct CommandLineTests {
    @Test("no subcommand is progress, and takes --scratch-path")
    func defaultIsProgress() throws {
        let command = try WorkbookCommand.parseAsRoot(["--scratch-path", ".build-ci"])
        let progress = try #require(command as? ProgressCommand)
        #expect(progress.options.scratchPath == ".build-ci")
        #expect(try WorkbookCommand.parseAsRoot([]) is ProgressCommand)
    }

    @Test("every subcommand takes the shared options and its own")
    func subcommands() throws {
        let watch = try #require(try WorkbookCommand.parseAsRoot(["watch", "--once", "--lesson", "3", "--scratch-path", "x"]) as? WatchCommand)
        #expect(watch.once && watch.lesson == 3 && watch.options.scratchPath == "x")
        let hint = try #require(try WorkbookCommand.parseAsRoot(["hint", "2", "--again"]) as? HintCommand)
        #expect(hint.lesson == 2 && hint.again)
        let reset = try #require(try WorkbookCommand.parseAsRoot(["reset", "3", "-y"]) as? ResetCommand)
        #expect(reset.lesson == 3 && reset.yes)
        #expect(try WorkbookCommand.parseAsRoot(["verify", "--scratch-path", ".build-ci"]) is VerifyCommand)
        // `hint` without a lesson number: ArgumentParser's own message says what is missing.
        let error = #expect(throws: (any Error).self) { try WorkbookCommand.parseAsRoot(["hint"]) }
        #expect(WorkbookCommand.message(for: try #require(error)).contains("Missing expected argument '<N>'"))
    }
}
