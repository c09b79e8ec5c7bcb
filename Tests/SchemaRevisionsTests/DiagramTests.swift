import Foundation
import SchemaRevisionsCLI
import SchemaRevisionsTesting
import Testing
@testable import SchemaRevisions

@Suite("Diagrams: the schema as a Mermaid erDiagram, the history as a flowchart")
struct DiagramTests {
    @Test("every table, each column with its type and NULL / NOT NULL, primary key and indexes by name")
    func walkthroughUsers() throws {
        #expect(MermaidDiagram.entityRelationship(try SchemaMetadata(models: User.self)) == """
            erDiagram
                users {
                    integer id PK "NOT NULL, index ix_users_id"
                    string email UK "NULL, unique index ix_users_email"
                    string password "NULL"
                }
            """)
    }

    @Test("foreign keys are relationships: NOT NULL or NULL, many or unique, identifying or not; unique constraints and defaults")
    func relationships() throws {
        let authors = TableMetadata(
            name: "authors",
            columns: [ColumnMetadata(name: "id", type: .integer, nullable: false)],
            primaryKey: ["id"]
        )
        let posts = TableMetadata(
            name: "posts",
            columns: [
                ColumnMetadata(name: "id", type: .uuid, nullable: false),
                ColumnMetadata(name: "author_id", type: .integer, nullable: false),
                ColumnMetadata(name: "editor_id", type: .integer, nullable: true),
                ColumnMetadata(name: "slug", type: .string(length: 80), nullable: false),
                ColumnMetadata(name: "language", type: .string(), nullable: false, defaultValue: .string("en")),
            ],
            primaryKey: ["id"],
            indexes: [IndexMetadata(name: "ix_posts_author_id", columns: ["author_id"], unique: false)],
            uniqueConstraints: [UniqueConstraintMetadata(name: "uq_posts_slug_language", columns: ["slug", "language"])],
            foreignKeys: [
                ForeignKeyMetadata(name: "fk_posts_author_id_authors", columns: ["author_id"], referencedTable: "authors",
                                   referencedColumns: ["id"], onDelete: .cascade),
                ForeignKeyMetadata(name: "fk_posts_editor_id_authors", columns: ["editor_id"], referencedTable: "authors",
                                   referencedColumns: ["id"]),
            ]
        )
        let profiles = TableMetadata(
            name: "profiles",
            columns: [
                ColumnMetadata(name: "author_id", type: .integer, nullable: false),
                ColumnMetadata(name: "bio", type: .text, nullable: true),
            ],
            primaryKey: ["author_id"],
            foreignKeys: [ForeignKeyMetadata(name: "fk_profiles_author_id_authors", columns: ["author_id"],
                                             referencedTable: "authors", referencedColumns: ["id"])]
        )
        #expect(MermaidDiagram.entityRelationship(try SchemaMetadata(tables: [authors, posts, profiles])) == """
            erDiagram
                authors {
                    integer id PK "NOT NULL"
                }
                posts {
                    uuid id PK "NOT NULL"
                    integer author_id FK "NOT NULL, index ix_posts_author_id, references authors.id ON DELETE CASCADE"
                    integer editor_id FK "NULL, references authors.id"
                    string_80 slug UK "NOT NULL, unique uq_posts_slug_language"
                    string language UK "NOT NULL, DEFAULT 'en', unique uq_posts_slug_language"
                }
                profiles {
                    integer author_id PK, FK "NOT NULL, references authors.id"
                    text bio "NULL"
                }
                authors ||..o{ posts : "author_id"
                authors |o..o{ posts : "editor_id"
                authors ||--o| profiles : "author_id"
            """)
    }

    @Test("the same metadata always prints the same text, tables in the metadata's order")
    func deterministic() throws {
        let metadata = try SchemaMetadata(models: Comment.self, Author.self, Post.self)
        let first = MermaidDiagram.entityRelationship(metadata)
        #expect(first == MermaidDiagram.entityRelationship(metadata))
        let entities = first.split(separator: "\n").filter { $0.hasSuffix(" {") }.map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(entities == ["comments {", "authors {", "posts {"])
        // Relationships come last, table by table, each table's foreign keys in order.
        #expect(first.split(separator: "\n").suffix(3) == [
            "    posts ||..o{ comments : \"post_id\"",
            "    authors ||..o{ posts : \"author_id\"",
            "    authors |o..o{ posts : \"editor_id\"",
        ])
    }

    @Test("types and names Mermaid cannot read are respelled: no spaces, no parentheses")
    func spelling() {
        #expect(MermaidDiagram.attributeType(.string(length: 255)) == "string_255")
        #expect(MermaidDiagram.attributeType(.custom("NUMERIC(10, 2)")) == "NUMERIC_10_2")
        #expect(MermaidDiagram.attributeType(.custom("TIMESTAMP WITH TIME ZONE")) == "TIMESTAMP_WITH_TIME_ZONE")
        #expect(MermaidDiagram.attributeType(.custom("int4[]")) == "int4")
        #expect(MermaidDiagram.attributeType(.custom("2d")) == "t_2d")
        let table = TableMetadata(
            name: "order items",
            columns: [ColumnMetadata(name: "unit price", type: .decimal, nullable: false, defaultValue: .sql("(\"x\")"))],
            primaryKey: []
        )
        #expect(MermaidDiagram.entityRelationship(try! SchemaMetadata(tables: [table])) == """
            erDiagram
                "order items" {
                    decimal unit_price "NOT NULL, DEFAULT ('x')"
                }
            """)
    }

    let graph = try! RevisionGraph([CreateUsers.self, AddNickname.self, RequireEmail.self])

    @Test("several revisions, base to head; the database's revision is marked current")
    func historyInTheMiddle() {
        #expect(MermaidDiagram.history(graph, current: "aaaa00000002") == """
            flowchart LR
                base(["base"])
                r1["aaaa00000001<br/>create users table"]
                r2["aaaa00000002<br/>add nickname<br/>(current)"]
                r3["aaaa00000003<br/>require email<br/>(head)"]
                base --> r1
                r1 --> r2
                r2 --> r3
                classDef current fill:#fde68a,stroke:#b45309,stroke-width:3px,color:#000
                class r2 current
            """)
    }

    @Test("at head, the head is marked current; at base, base is")
    func historyAtTheEnds() {
        let atHead = MermaidDiagram.history(graph, current: "aaaa00000003")
        #expect(atHead.contains("    r3[\"aaaa00000003<br/>require email<br/>(head, current)\"]"))
        #expect(atHead.hasSuffix("    class r3 current"))
        #expect(atHead.contains("    base([\"base\"])"))

        let atBase = MermaidDiagram.history(graph, current: nil)
        #expect(atBase.contains("    base([\"base<br/>(current)\"])"))
        #expect(atBase.contains("    r3[\"aaaa00000003<br/>require email<br/>(head)\"]"))
        #expect(atBase.hasSuffix("    class base current"))

        let empty = MermaidDiagram.history(try! RevisionGraph([]), current: nil)
        #expect(empty == """
            flowchart LR
                base(["base<br/>(current)"])
                classDef current fill:#fde68a,stroke:#b45309,stroke-width:3px,color:#000
                class base current
            """)
    }

    @Test("a message with quotes, # or angle brackets is written with Mermaid's entity codes")
    func historyEscapes() {
        #expect(MermaidDiagram.escapeLabel("say \"hi\" to #2 <b> & co") == "say #quot;hi#quot; to #35;2 #lt;b#gt; #amp; co")
    }
}

// The commands, on either database.

/// `diagram` and `history --diagram` run as a program runs them, on a
/// database named by a config file in a temporary folder.
struct DiagramCommandChecks {
    let backend: TestBackend
    let revisions: [any SchemaRevision.Type] = [CreateUsers.self, AddNickname.self, RequireEmail.self]

    /// Runs `body` with a function that runs one command and returns what it printed.
    func withCommands(_ body: (@escaping (String...) async throws -> [String], DatabaseURL) async throws -> Void) async throws {
        try await withThrowawayDatabase(backend) { url in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("diagram-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let config = folder.appendingPathComponent("revisions.json").path
            try JSONSerialization.data(withJSONObject: ["database_url": url.connectionString, "versions": folder.path])
                .write(to: URL(fileURLWithPath: config))
            var environment = MigrationEnvironment(
                targetMetadata: { try SchemaMetadata(models: User.self) }, revisions: revisions,
                versionsFolder: folder.path, configFile: config, defaultDatabaseURL: "sqlite://")
            let printed = LogLines()
            environment.output = printed.append
            environment.environmentVariables = [:]
            let run: (String...) async throws -> [String] = { arguments in
                let start = printed.lines.count
                let handled = try await SchemaRevisionsCommand.run(["lesson"] + arguments, environment: environment)
                #expect(handled)
                return Array(printed.lines[start...])
            }
            try await body(run, url)
        }
    }

    func diagramNeedsNoDatabase() async throws {
        try await withCommands { run, url in
            let printed = try await run("diagram")
            let expected = MermaidDiagram.entityRelationship(try SchemaMetadata(models: User.self))
            #expect(printed == expected.components(separatedBy: "\n"))
            if case .sqliteFile(let path) = url {
                #expect(!FileManager.default.fileExists(atPath: path), "diagram must not create the database")
            }
            let history = try await run("history", "--diagram")
            #expect(history.last == "    class base current")
        }
    }

    func historyMarksTheDatabasesRevision() async throws {
        try await withCommands { run, url in
            let graph = try RevisionGraph(revisions)
            let atBase = try await run("history", "--diagram")
            #expect(atBase == MermaidDiagram.history(graph, current: nil).components(separatedBy: "\n"))
            if case .sqliteFile(let path) = url {
                #expect(!FileManager.default.fileExists(atPath: path), "history --diagram must not create the database")
            }
            _ = try await run("upgrade", "+1")
            let atFirst = try await run("history", "--diagram")
            #expect(atFirst == MermaidDiagram.history(graph, current: "aaaa00000001").components(separatedBy: "\n"))
            _ = try await run("upgrade", "head")
            let atHead = try await run("history", "--diagram")
            #expect(atHead.contains("    r3[\"aaaa00000003<br/>require email<br/>(head, current)\"]"))
            #expect(atHead.last == "    class r3 current")
            // Without --diagram, history is still Alembic's list.
            let list = try await run("history")
            #expect(list.first == "aaaa00000002 -> aaaa00000003 (head), require email")
        }
    }
}

@Suite("The diagram commands on SQLite")
struct DiagramCommandTests {
    let checks = DiagramCommandChecks(backend: .sqlite)

    @Test("diagram prints the models' ER diagram and never opens the database")
    func diagram() async throws { try await checks.diagramNeedsNoDatabase() }

    @Test("history --diagram marks base before the first upgrade, then the database's revision")
    func history() async throws { try await checks.historyMarksTheDatabasesRevision() }
}

@Suite("The diagram commands on PostgreSQL", .postgres)
struct DiagramCommandPostgresTests {
    let checks = DiagramCommandChecks(backend: .postgresql)

    @Test("diagram prints the models' ER diagram")
    func diagram() async throws { try await checks.diagramNeedsNoDatabase() }

    @Test("history --diagram marks base before the first upgrade, then the database's revision")
    func history() async throws { try await checks.historyMarksTheDatabasesRevision() }
}
