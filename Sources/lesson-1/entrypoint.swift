// `swift run lesson-1` — the walkthrough's `uvicorn main:app --host 127.0.0.1 --port 12000`.
// This file only boots; the lesson itself is in Exercises/01-first-steps/
// (or Solutions/01-first-steps/ with WORKBOOK=solutions).
import Lesson01
import Workbook

@main
enum Entrypoint {
    static func main() async {
        await LessonServer.run(configure: configure)
    }
}
