// Lesson 4 — Alembic's set-up, for Swift (the walkthrough's step 5).
//
//     alembic init alembic                → swift run lesson-4 init
//     alembic.ini: sqlalchemy.url = ...   → lesson-4.revisions.json: "database_url"
//     env.py: target_metadata = ...       → targetMetadata, below
import Foundation
import SchemaRevisions
import SchemaRevisionsCLI
import Workbook

/// This module's source folder. New revision files go in its `Versions/`
/// folder, where the next build compiles them.
let lessonFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path

/// `alembic/env.py`: what the migration commands need to know about this program.
public func migrationEnvironment() -> MigrationEnvironment {
    MigrationEnvironment(
        // from app.models import User
        // target_metadata = User.metadata
        targetMetadata: {
            // TODO: tell the engine which models' tables it manages: return the
            // target metadata made from the User model (Models/User.swift).
            // Then delete the `throw ExerciseTODO(…)` statement below (both
            // lines) and run: swift test --filter Lesson04Tests
            throw ExerciseTODO(lesson: 4, file: "Exercises/04-migration-setup/migrations.swift",
                               missing: "target_metadata is not set: the migration engine does not know the User model yet")
        },
        // alembic/versions/: every revision file in Versions/, compiled into this module.
        revisions: GeneratedRevisions.all,
        versionsFolder: lessonFolder + "/Versions",
        // alembic.ini, and the database it names until you change it.
        configFile: "lesson-4.revisions.json",
        defaultDatabaseURL: "sqlite:///lesson-4.sqlite"
    )
}
