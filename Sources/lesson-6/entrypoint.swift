// `swift run lesson-6 <command>` — the migration commands, as `alembic <command>`:
// init, revision, upgrade, downgrade, current, history, heads, check, stamp;
// and `diagram` (the models as a Mermaid ER diagram), `history --diagram`.
// Anything else (`serve`, `routes`, nothing) starts the server as before.
import Lesson06
import SchemaRevisionsCLI
import Workbook

@main
enum Entrypoint {
    static func main() async {
        if await SchemaRevisionsCommand.main(CommandLine.arguments, environment: migrationEnvironment()) { return }
        await LessonServer.run(configure: configure)
    }
}
