import WorkbookLoop

/// `swift run workbook`: the learner's loop (progress, watch, hint, reset, verify).
@main
struct Entrypoint {
    static func main() async {
        await WorkbookCommand.main()
    }
}
