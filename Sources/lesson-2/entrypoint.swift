// `swift run lesson-2` — the walkthrough's `main.py`, which stayed outside
// the `app/` package. This target is not part of the app: it imports the app
// module `Lesson02` (Exercises/02-project-layout/, or Solutions/ with
// WORKBOOK=solutions) and can only use what that module marks `public`.
import Lesson02
import Workbook

@main
enum Entrypoint {
    static func main() async {
        await LessonServer.run(configure: configure)
    }
}
