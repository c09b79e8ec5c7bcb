// The migration commands, mounted on `swift run lesson-6` as in lessons 4–5.
import Foundation
import SchemaRevisions
import SchemaRevisionsCLI

/// This module's source folder; its `Versions/` holds the revision files.
let lessonFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path

/// `alembic/env.py` for the service.
public func migrationEnvironment() -> MigrationEnvironment {
    MigrationEnvironment(
        targetMetadata: { try SchemaMetadata(models: User.self) },
        revisions: GeneratedRevisions.all,
        versionsFolder: lessonFolder + "/Versions",
        configFile: "lesson-6.revisions.json",
        defaultDatabaseURL: "sqlite:///lesson-6.sqlite"
    )
}
