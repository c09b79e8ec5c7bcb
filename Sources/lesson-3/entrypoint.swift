// `swift run lesson-3` — lesson 2's server plus the database: it creates the
// tables the models describe (SQLAlchemy's `Base.metadata.create_all`) in
// lesson-3.sqlite, or the database in DATABASE_URL, then serves.
import Lesson03
import Workbook

@main
enum Entrypoint {
    static func main() async {
        await LessonServer.run(configure: configure)
    }
}
