// `swift run lesson-3` — lesson 2's server plus the database: it creates the
// tables the models describe (SQLAlchemy's `Base.metadata.create_all`) in
// lesson-3.sqlite, or the database in DATABASE_URL, then serves.
//
// `swift run lesson-3 diagram` prints those tables as a Mermaid ER diagram
// instead, and stops: no database, no server.
import Foundation
import Lesson03
import SchemaRevisions
import Workbook

@main
enum Entrypoint {
    static func main() async {
        if CommandLine.arguments.dropFirst().first == "diagram" {
            do {
                print(MermaidDiagram.entityRelationship(try targetMetadata()))
            } catch {
                FileHandle.standardError.write(Data("error: \(error)\n".utf8))
                exit(1)
            }
            return
        }
        await LessonServer.run(configure: configure)
    }
}
