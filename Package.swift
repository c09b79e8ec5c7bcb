// swift-tools-version:6.1
//
// The workbook's package. Every lesson is declared once, in `lessons` below;
// adding a lesson is one line there.
//
// Each lesson N gets:
//   - a library module `LessonNN` whose sources are `Exercises/NN-slug/`
//     (what the learner edits) or, with `WORKBOOK=solutions` in the
//     environment, `Solutions/NN-slug/` (the finished version);
//   - an executable product `lesson-N` (`swift run lesson-N`), which only
//     boots the lesson's module;
//   - a test target `LessonNNTests` (`swift test --filter LessonNNTests`).
import PackageDescription

/// Which copy of the lessons to build: the learner's (`Exercises/`) or the
/// finished one (`Solutions/`). `WORKBOOK=solutions swift test` checks the kit.
let track = Context.environment["WORKBOOK"] == "solutions" ? "Solutions" : "Exercises"

struct Lesson {
    let number: Int
    let slug: String
    /// Products of other packages or kit modules this lesson's module uses.
    var dependencies: [Target.Dependency] = []
    /// From lesson 4 on: the migration commands are mounted on the lesson's
    /// executable, and the module's `Versions/` revisions are registered.
    var migrations = false
    /// Whether the lesson is a Vapor server (with the kit's `Workbook` and
    /// `WorkbookTesting`). Lesson 0, the Swift primer, is plain Swift, so it
    /// builds in seconds.
    var usesVapor = true

    var module: String { "Lesson" + twoDigits }
    var twoDigits: String { number < 10 ? "0\(number)" : "\(number)" }
    var folder: String { "\(track)/\(twoDigits)-\(slug)" }
}

let vapor: Target.Dependency = .product(name: "Vapor", package: "vapor")
let fluent: Target.Dependency = .product(name: "Fluent", package: "fluent")
let jwt: Target.Dependency = .product(name: "JWT", package: "jwt")
let fluentSQLite: Target.Dependency = .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver")
let fluentPostgres: Target.Dependency = .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver")

let lessons: [Lesson] = [
    Lesson(number: 0, slug: "swift-for-python", dependencies: ["ExerciseMessages"], usesVapor: false),
    Lesson(number: 1, slug: "first-steps"),
    Lesson(number: 2, slug: "project-layout"),
    Lesson(number: 3, slug: "orm-model", dependencies: [fluent, fluentSQLite, "SchemaRevisions"]),
    Lesson(number: 4, slug: "migration-setup", dependencies: [fluent, fluentSQLite, "SchemaRevisions"], migrations: true),
    Lesson(number: 5, slug: "migrations", dependencies: [fluent, fluentSQLite, "SchemaRevisions"], migrations: true),
    Lesson(number: 6, slug: "users-service", dependencies: [fluent, fluentSQLite, "SchemaRevisions", jwt], migrations: true),
]

var targets: [Target] = [
    // The migration engine: Alembic's workflow for Swift. A library of its
    // own, usable outside the kit; layered as metadata → dialect →
    // introspection/diff → render/operations → run, one folder per layer
    // (Sources/SchemaRevisions/README.md).
    .target(
        name: "SchemaRevisions",
        dependencies: [
            .product(name: "FluentKit", package: "fluent-kit"),
            .product(name: "SQLKit", package: "sql-kit"),
            fluentSQLite,
            .product(name: "SQLiteKit", package: "sqlite-kit"),
            fluentPostgres,
            .product(name: "PostgresKit", package: "postgres-kit"),
            // SHA-256, for the checksums of applied revisions.
            .product(name: "Crypto", package: "swift-crypto"),
        ],
        exclude: ["README.md"]
    ),
    // Throwaway databases for tests: SQLite files in temporary folders, and
    // PostgreSQL databases on the server SCHEMA_REVISIONS_TEST_POSTGRES_URL
    // names (scripts/test-postgres starts one). The engine's tests and the
    // lessons' checks share it.
    .target(
        name: "SchemaRevisionsTesting",
        dependencies: [
            "SchemaRevisions",
            .product(name: "PostgresKit", package: "postgres-kit"),
            .product(name: "SQLiteKit", package: "sqlite-kit"),
        ]
    ),
    // The engine's command line (init, revision, upgrade, ...), which
    // programs mount next to their own commands.
    .target(
        name: "SchemaRevisionsCLI",
        dependencies: [
            "SchemaRevisions",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]
    ),
    // Lists a module's Versions/*.swift revisions at build time.
    .executableTarget(name: "schema-revisions-registry"),
    .plugin(
        name: "SchemaRevisionsRegistry",
        capability: .buildTool(),
        dependencies: ["schema-revisions-registry"]
    ),
    .testTarget(
        name: "SchemaRevisionsTests",
        dependencies: [
            "SchemaRevisions",
            "SchemaRevisionsCLI",
            "SchemaRevisionsTesting",
            .product(name: "PostgresKit", package: "postgres-kit"),
            fluentSQLite,
            .product(name: "SQLiteKit", package: "sqlite-kit"),
        ]
    ),
    // What an unfinished exercise says, in every lesson (lesson 0 included,
    // so it depends on nothing).
    .target(name: "ExerciseMessages"),
    // What every lesson shares: booting a lesson server, FastAPI-style errors
    // and parameters, the code-first OpenAPI document and its /docs page.
    .target(
        name: "Workbook",
        dependencies: [
            "ExerciseMessages",
            vapor,
            .product(name: "OpenAPIKit", package: "OpenAPIKit"),
        ]
    ),
    // Helpers the lessons' checks share: exercise messages, a real socket,
    // reading a SQLite file's schema, the notes' excerpt check.
    .target(
        name: "WorkbookTesting",
        dependencies: [
            "ExerciseMessages",
            "Workbook",
            "SchemaRevisionsCLI",
            "SchemaRevisionsTesting",
            .product(name: "VaporTesting", package: "vapor"),
            .product(name: "SQLiteKit", package: "sqlite-kit"),
        ]
    ),
    // The learner's loop, rustlings-style: `swift run workbook` shows progress,
    // `watch`, `hint N`, `reset N`, `verify`. No Vapor, so it builds in
    // seconds; it runs the lessons' real checks through `swift test`.
    .target(
        name: "WorkbookLoop",
        // ExerciseMessages: the learner's language (WorkbookLanguage) and the notes' Russian twins.
        dependencies: ["ExerciseMessages", .product(name: "ArgumentParser", package: "swift-argument-parser")]
    ),
    // (Its folder is Sources/workbook-cli: Sources/workbook would be the same
    // folder as Sources/Workbook on macOS's case-insensitive disks.)
    .executableTarget(name: "workbook-cli", dependencies: ["WorkbookLoop"]),
    .testTarget(name: "WorkbookLoopTests", dependencies: ["WorkbookLoop", "ExerciseMessages"]),
    .testTarget(
        name: "WorkbookTests",
        dependencies: [
            "ExerciseMessages",
            "Workbook",
            "WorkbookTesting",
            .product(name: "VaporTesting", package: "vapor"),
        ]
    ),
]
var products: [Product] = [
    // The learner's loop: `swift run workbook`.
    .executable(name: "workbook", targets: ["workbook-cli"]),
    // The migration engine, for use outside the kit: the library, its
    // commands, and the plugin that registers a module's Versions/ folder.
    .library(name: "SchemaRevisions", targets: ["SchemaRevisions"]),
    .library(name: "SchemaRevisionsCLI", targets: ["SchemaRevisionsCLI"]),
    .plugin(name: "SchemaRevisionsRegistry", targets: ["SchemaRevisionsRegistry"]),
]

for lesson in lessons {
    let migrationCommands: [Target.Dependency] = lesson.migrations ? ["SchemaRevisionsCLI"] : []
    let server: [Target.Dependency] = lesson.usesVapor ? ["Workbook", vapor] : []
    targets.append(.target(
        name: lesson.module,
        dependencies: server + lesson.dependencies + migrationCommands,
        path: lesson.folder,
        plugins: lesson.migrations ? [.plugin(name: "SchemaRevisionsRegistry")] : []
    ))
    targets.append(.executableTarget(
        name: "lesson-\(lesson.number)",
        dependencies: [.target(name: lesson.module)] + (lesson.usesVapor ? ["Workbook"] : []) + migrationCommands,
        path: "Sources/lesson-\(lesson.number)"
    ))
    targets.append(.testTarget(
        name: "\(lesson.module)Tests",
        dependencies: [.target(name: lesson.module)]
            + (lesson.usesVapor ? ["Workbook", "WorkbookTesting"] : [])
            + lesson.dependencies + migrationCommands,
        // Plausible wrong answers to the exercise, as patches to Solutions/:
        // scripts/wrong-answers applies each and requires these checks to fail.
        exclude: ["WrongAnswers"]
    ))
    products.append(.executable(name: "lesson-\(lesson.number)", targets: ["lesson-\(lesson.number)"]))
}

// The notes' Mermaid diagrams, regenerated from the finished lessons' models
// and revisions (and lesson 1's /docs picture on its document): it links
// lessons 1 and 3–6 and runs only on the solutions track
// (WORKBOOK=solutions); elsewhere its tests say they were skipped, and why.
targets.append(.testTarget(
    name: "NoteDiagramsTests",
    dependencies: [
        "Lesson01", "Lesson03", "Lesson04", "Lesson05", "Lesson06", "WorkbookTesting", "SchemaRevisions", "SchemaRevisionsCLI",
        .product(name: "VaporTesting", package: "vapor"),
    ]
))

let package = Package(
    name: "swift-server-workbook",
    platforms: [.macOS(.v13)],
    products: products,
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.115.0"),
        // Code-first OpenAPI: the document is built from the registered routes.
        // The ExternalLoading trait is not needed and slows the build.
        .package(url: "https://github.com/mattpolzin/OpenAPIKit.git", from: "6.0.0", traits: []),
        // The ORM (SQLAlchemy's counterpart) and its SQLite driver.
        .package(url: "https://github.com/vapor/fluent.git", from: "4.12.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.52.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.8.0"),
        // SQL the ORM does not cover: the migration engine's DDL and introspection.
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.32.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.0"),
        // PostgreSQL (lesson 6's appendix): the same service and migrations on a server.
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.10.0"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.13.0"),
        // Signed login tokens (lesson 6).
        .package(url: "https://github.com/vapor/jwt.git", from: "5.0.0"),
        // The migration commands' parser.
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        // SHA-256 for the migration engine's revision checksums (Foundation has
        // none on Linux); already one of Vapor's and PostgresNIO's dependencies.
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.0.0"),
    ],
    targets: targets,
    swiftLanguageModes: [.v6]
)
