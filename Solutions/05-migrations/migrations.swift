// Lesson 5 — Alembic's workflow (the walkthrough's step 5): revision, upgrade, downgrade.
import Foundation
import SchemaRevisions
import SchemaRevisionsCLI

/// This module's source folder; its `Versions/` holds the revision files.
let lessonFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().path

/// The folder `revision` writes new revision files into.
public let versionsFolder = lessonFolder + "/Versions"

/// `alembic/env.py`, as lesson 4 set it up.
public func migrationEnvironment() -> MigrationEnvironment {
    MigrationEnvironment(
        targetMetadata: { try SchemaMetadata(models: User.self) },
        revisions: GeneratedRevisions.all,
        versionsFolder: versionsFolder,
        configFile: "lesson-5.revisions.json",
        defaultDatabaseURL: "sqlite:///lesson-5.sqlite"
    )
}
