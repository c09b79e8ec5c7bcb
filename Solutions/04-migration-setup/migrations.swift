// Lesson 4 — Alembic's set-up, for Swift (the walkthrough's step 5).
//
//     alembic init alembic                → swift run lesson-4 init
//     alembic.ini: sqlalchemy.url = ...   → lesson-4.revisions.json: "database_url"
//     env.py: target_metadata = ...       → targetMetadata, below
import Foundation
import SchemaRevisions
import SchemaRevisionsCLI

/// This module's source folder. New revision files go in its `Versions/`
/// folder, where the next build compiles them.
let lessonFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path

/// `alembic/env.py`: what the migration commands need to know about this program.
public func migrationEnvironment() -> MigrationEnvironment {
    MigrationEnvironment(
        // from app.models import User
        // target_metadata = User.metadata
        targetMetadata: { try SchemaMetadata(models: User.self) },
        // alembic/versions/: every revision file in Versions/, compiled into this module.
        revisions: GeneratedRevisions.all,
        versionsFolder: lessonFolder + "/Versions",
        // alembic.ini, and the database it names until you change it.
        configFile: "lesson-4.revisions.json",
        defaultDatabaseURL: "sqlite:///lesson-4.sqlite"
    )
}
