import Foundation
import SQLKit
import SchemaRevisionsCLI
import SchemaRevisionsTesting
import Testing
@testable import SchemaRevisions

// The destructive-change lint: which changes can lose data or fail on rows
// (the metadata alone), and how many rows they touch (the live database).

@Suite("The destructive-change lint, from the metadata alone: drops, narrowed types, NOT NULL, unique")
struct DestructiveChangeLintTests {
    let sqlite = DestructiveChangeLint(spelling: SQLiteDialect())
    let postgres = DestructiveChangeLint(spelling: PostgresDialect())

    func column(_ name: String, _ type: ColumnType, nullable: Bool = true, default value: ColumnDefault? = nil) -> ColumnMetadata {
        ColumnMetadata(name: name, type: type, nullable: nullable, defaultValue: value)
    }

    func retype(_ from: ColumnType, _ to: ColumnType) -> SchemaChange {
        .alterColumn(table: "t", from: column("c", from), to: column("c", to))
    }

    @Test("drops are destructive; adding and creating are not")
    func drops() {
        let table = TableMetadata(name: "t", columns: [column("id", .integer, nullable: false)], primaryKey: ["id"])
        #expect(sqlite.candidates(in: [.dropTable(table), .dropColumn(table: "t", column("c", .text))]).map(\.risk)
            == [.dropsTable, .dropsColumn])
        #expect(sqlite.candidates(in: [.createTable(table), .addColumn(table: "t", column("c", .text)),
                                       .createIndex(table: "t", IndexMetadata(name: "ix", columns: ["c"], unique: false))]).isEmpty)
    }

    @Test("narrowing: a shorter VARCHAR, TEXT to VARCHAR(n), BIGINT to INTEGER, another family; widening is not")
    func narrowing() {
        for lint in [sqlite, postgres] {
            #expect(lint.typeRisk(from: .string(length: 100), to: .string(length: 50)) == .shortensString(from: .string(length: 100), to: .string(length: 50), length: 50))
            #expect(lint.typeRisk(from: .text, to: .string(length: 20)) == .shortensString(from: .text, to: .string(length: 20), length: 20))
            #expect(lint.typeRisk(from: .string(), to: .string(length: 20)) == .shortensString(from: .string(), to: .string(length: 20), length: 20))
            #expect(lint.typeRisk(from: .string(), to: .integer) == .changesTypeFamily(from: .string(), to: .integer))
            #expect(lint.typeRisk(from: .double, to: .integer) == .changesTypeFamily(from: .double, to: .integer))
            #expect(lint.typeRisk(from: .datetime, to: .string(length: 10)) == .changesTypeFamily(from: .datetime, to: .string(length: 10)))
            #expect(lint.typeRisk(from: .custom("NUMERIC(10, 2)"), to: .custom("NUMERIC(5, 2)")) == .narrowsType(from: .custom("NUMERIC(10, 2)"), to: .custom("NUMERIC(5, 2)")))
            // Every value fits.
            #expect(lint.typeRisk(from: .string(length: 50), to: .string(length: 100)) == nil)
            #expect(lint.typeRisk(from: .string(length: 50), to: .text) == nil)
            #expect(lint.typeRisk(from: .string(), to: .text) == nil)
            #expect(lint.typeRisk(from: .integer, to: .double) == nil)
            #expect(lint.typeRisk(from: .integer, to: .text) == nil)
            #expect(lint.typeRisk(from: .boolean, to: .integer) == nil)
        }
        // The engine's integer is BIGINT on PostgreSQL, INTEGER (8 bytes) on SQLite.
        #expect(postgres.typeRisk(from: .integer, to: .custom("INTEGER")) == .narrowsType(from: .integer, to: .custom("INTEGER")))
        #expect(postgres.typeRisk(from: .custom("INTEGER"), to: .integer) == nil)
        #expect(postgres.typeRisk(from: .custom("INT8"), to: .custom("SMALLINT")) == .narrowsType(from: .custom("INT8"), to: .custom("SMALLINT")))
        #expect(sqlite.typeRisk(from: .integer, to: .custom("INT")) == nil)
        #expect(sqlite.candidates(in: [retype(.string(length: 100), .string(length: 50))]).map(\.measure)
            == [.longerThan(table: "t", column: "c", length: 50)])
    }

    @Test("NOT NULL and unique are candidates, to be measured; not on a table or column the same changes create")
    func notNullAndUnique() {
        let required = SchemaChange.alterColumn(table: "t", from: column("c", .text), to: column("c", .text, nullable: false))
        let added = SchemaChange.addColumn(table: "t", column("n", .integer, nullable: false))
        let addedWithDefault = SchemaChange.addColumn(table: "t", column("d", .integer, nullable: false, default: .integer(0)))
        let unique = SchemaChange.createIndex(table: "t", IndexMetadata(name: "ix_t_c", columns: ["c"], unique: true))
        let constraint = SchemaChange.addUniqueConstraint(table: "t", UniqueConstraintMetadata(name: "uq", columns: ["a", "b"]))
        #expect(sqlite.candidates(in: [required, added, addedWithDefault, unique, constraint]).map(\.risk)
            == [.notNullOverNulls, .notNullWithoutDefault, .uniqueOverDuplicates, .uniqueOverDuplicates])
        #expect(sqlite.candidates(in: [required, unique, constraint]).map(\.measure) == [
            .nulls(table: "t", column: "c"), .duplicates(table: "t", columns: ["c"]), .duplicates(table: "t", columns: ["a", "b"]),
        ])
        // Retyped and required at once: both.
        let both = SchemaChange.alterColumn(table: "t", from: column("c", .text), to: column("c", .string(length: 5), nullable: false))
        #expect(sqlite.candidates(in: [both]).map(\.risk) == [.shortensString(from: .text, to: .string(length: 5), length: 5), .notNullOverNulls])

        let newTable = TableMetadata(name: "u", columns: [column("c", .text)], primaryKey: [])
        #expect(sqlite.candidates(in: [.createTable(newTable), .createIndex(table: "u", IndexMetadata(name: "ix_u_c", columns: ["c"], unique: true))]).isEmpty)
        #expect(sqlite.candidates(in: [.addColumn(table: "t", column("e", .text)), .createIndex(table: "t", IndexMetadata(name: "ix_t_e", columns: ["e"], unique: true))]).isEmpty)
    }

    @Test("each line names the table, the column, and what is lost or fails, counted")
    func descriptions() {
        let dropped = DestructiveChange(change: .dropColumn(table: "users", column("full_name", .string())), risk: .dropsColumn, count: 1)
        #expect(dropped.description == "users.full_name: the column is dropped with 1 value in it")
        let required = DestructiveChange(change: .alterColumn(table: "users", from: column("email", .string()), to: column("email", .string(), nullable: false)),
                                         risk: .notNullOverNulls, count: 2)
        #expect(required.description == "users.email: made NOT NULL, but 2 rows hold NULL there; the upgrade fails")
        #expect(required.isListed)
        #expect(!DestructiveChange(change: required.change, risk: .notNullOverNulls, count: 0).isListed)
        let shortened = DestructiveChange(change: retype(.string(length: 100), .string(length: 50)), risk: .shortensString(from: .string(length: 100), to: .string(length: 50), length: 50), count: 3)
        #expect(shortened.description == "t.c: type string(100) → string(50): 3 values are longer than 50 characters, too long for it")
        #expect(DestructiveChange(change: shortened.change, risk: shortened.risk, count: 0).isListed, "a narrowed type is listed even when nothing here is too long")
        // The command line adds what to do.
        #expect(CommandLineMessage.destructiveChangesList([required]) == [
            "Changes that can lose data or fail on existing rows:",
            #"  users.email: made NOT NULL, but 2 rows hold NULL there; the upgrade fails. Fill the rows in the revision first: try await op.execute("UPDATE users SET email = ... WHERE email IS NULL")."#,
        ])
        #expect(CommandLineMessage.destructiveChangesList([]) == [])
    }
}

/// The lint on a live database, on either backend.
struct DestructiveChangeChecks {
    let backend: TestBackend

    func column(_ name: String, _ type: ColumnType, nullable: Bool = true, default value: ColumnDefault? = nil) -> ColumnMetadata {
        ColumnMetadata(name: name, type: type, nullable: nullable, defaultValue: value)
    }

    /// `people` (rows with a long name, NULL nicknames, a repeated email),
    /// `archive` (two rows) and `tidy` (empty).
    func makeTables(_ db: any SQLDatabase) async throws {
        let op = try SchemaOperations(database: db)
        try await op.createTable("people", [
            .column("id", .integer, nullable: false),
            .column("name", .string(length: 100), nullable: true),
            .column("nickname", .string(), nullable: true),
            .column("email", .string(), nullable: true),
            .column("age", .integer, nullable: true),
            .primaryKey("id"),
        ])
        try await op.createTable("archive", [.column("id", .integer, nullable: false), .primaryKey("id")])
        try await op.createTable("tidy", [.column("id", .integer, nullable: false), .column("code", .string(), nullable: true), .primaryKey("id")])
        let long = String(repeating: "x", count: 60)
        try await db.raw("""
            INSERT INTO people (id, name, nickname, email, age) VALUES
            (1, \(bind: long), 'ada', 'ada@example.com', 36),
            (2, 'Grace', NULL, 'grace@example.com', NULL),
            (3, 'Grace again', NULL, 'grace@example.com', 45)
            """).run()
        try await db.raw("INSERT INTO archive (id) VALUES (1), (2)").run()
    }

    /// The models: `archive` gone, `people.age` gone, `name` shortened,
    /// `nickname` required, `email` unique, a required `score` with no
    /// default; `tidy.code` required and unique (no row fails either).
    func target() throws -> SchemaMetadata {
        try SchemaMetadata(tables: [
            TableMetadata(name: "people", columns: [
                column("id", .integer, nullable: false),
                column("name", .string(length: 50)),
                column("nickname", .string(), nullable: false),
                column("email", .string()),
                column("score", .integer, nullable: false),
            ], primaryKey: ["id"], uniqueConstraints: [UniqueConstraintMetadata(name: "uq_people_email", columns: ["email"])]),
            TableMetadata(name: "tidy", columns: [column("id", .integer, nullable: false), column("code", .string(), nullable: false)],
                          primaryKey: ["id"], indexes: [IndexMetadata(name: "ix_tidy_code", columns: ["code"], unique: true)]),
        ])
    }

    func measuredOnTheLiveDatabase() async throws {
        try await withThrowawayConnection(backend) { database in
            let db = database.sql
            try await makeTables(db)
            let before = try await SchemaIntrospection.schema(of: db)
            let changes = try await compareMetadata(db, try target())
            let found = try await destructiveChanges(db, changes)
            #expect(found.map(\.description) == [
                "people.name: type string(100) → string(50): 1 value is longer than 50 characters, too long for it",
                "people.nickname: made NOT NULL, but 2 rows hold NULL there; the upgrade fails",
                "people.score: added NOT NULL without a default, but the table has 3 rows; the upgrade fails",
                "people.age: the column is dropped with 2 values in it",
                "people.email: made unique, but 1 value repeats; the upgrade fails",
                "archive: the table is dropped with 2 rows in it",
            ])
            #expect(found.map(\.place) == ["people.name", "people.nickname", "people.score", "people.age", "people.email", "archive"])
            // Only counted: nothing changed.
            #expect(try await SchemaIntrospection.schema(of: db) == before)

            // The same models over rows that fail nothing: only the drops
            // and the narrowed type are left, with what they touch.
            try await db.raw("UPDATE people SET nickname = 'n', email = 'p' || CAST(id AS VARCHAR), name = 'short'").run()
            try await db.raw("DELETE FROM archive").run()
            let models = try target().tables.map { table -> TableMetadata in
                var table = table
                table.columns.removeAll { $0.name == "score" }
                return table
            }
            let calm = try await destructiveChanges(db, try await compareMetadata(db, try SchemaMetadata(tables: models)))
            #expect(calm.map(\.description) == [
                "people.name: type string(100) → string(50): no value here is longer than 50 characters, but a longer one would not fit",
                "people.age: the column is dropped with 2 values in it",
                "archive: the table is dropped with 0 rows in it",
            ])
        }
    }

    /// A change after a rename in the same revision is measured on the
    /// table and column the database still calls by their old names.
    func measuredThroughRenames() async throws {
        try await withThrowawayConnection(backend) { database in
            let db = database.sql
            try await makeTables(db)
            let age = ColumnMetadata(name: "years", type: .integer, nullable: true, defaultValue: nil)
            let found = try await destructiveChanges(db, [
                .renameTable(from: "people", to: "members"),
                .renameColumn(table: "members", from: "age", to: "years"),
                .dropColumn(table: "members", age),
            ])
            #expect(found.map(\.description) == ["members.years: the column is dropped with 2 values in it"])
        }
    }

    /// `check` and `revision --autogenerate` print the list under its
    /// heading; `check` fails as it did (on the difference).
    func commandsPrintTheList() async throws {
        try await withThrowawayDatabase(backend) { url in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lint-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let printed = PrintedLines()
            var environment = MigrationEnvironment(
                targetMetadata: {
                    try SchemaMetadata(tables: [TableMetadata(name: "users", columns: [
                        ColumnMetadata(name: "id", type: .integer, nullable: false),
                        ColumnMetadata(name: "email", type: .string(), nullable: false),
                    ], primaryKey: ["id"], indexes: [IndexMetadata(name: "ix_users_email", columns: ["email"], unique: true)])])
                },
                revisions: [CreateUsers.self, AddNickname.self],
                versionsFolder: folder.path, configFile: folder.appendingPathComponent("none.json").path,
                defaultDatabaseURL: url.connectionString
            )
            environment.output = printed.append
            environment.environmentVariables = [:]
            _ = try await SchemaRevisionsCommand.run(["app", "upgrade", "head"], environment: environment)
            let database = try await EngineDatabase.open(url, create: false)
            try await database.sql.raw("INSERT INTO users (id, email, nickname) VALUES (1, NULL, 'ada'), (2, 'grace@example.com', NULL)").run()
            try await database.close()

            let expected = [
                "Changes that can lose data or fail on existing rows:",
                #"  users.email: made NOT NULL, but 1 row holds NULL there; the upgrade fails. Fill the rows in the revision first: try await op.execute("UPDATE users SET email = ... WHERE email IS NULL")."#,
                "  users.nickname: the column is dropped with 1 value in it. If you need the values, copy them elsewhere in the revision first, or keep the field.",
            ]
            do {
                _ = try await SchemaRevisionsCommand.run(["app", "check"], environment: environment)
                Issue.record("check should fail: the models and the database differ")
            } catch let error as CommandFailure {
                Issue.record("unexpected \(error)")
            } catch {
                let lines = String(describing: error).components(separatedBy: "\n")
                #expect(lines == ["New upgrade operations detected:",
                                  "  Detected changed column 'users.email': now NOT NULL",
                                  "  Detected removed column 'users.nickname'"]
                        + expected + [#"Run `revision --autogenerate -m "..."` to write a revision for them."#])
            }

            let start = printed.lines.count
            _ = try await SchemaRevisionsCommand.run(["app", "revision", "--autogenerate", "-m", "tighten users"], environment: environment)
            let lines = Array(printed.lines[start...])
            #expect(Array(lines.prefix(5)) == ["Detected changed column 'users.email': now NOT NULL", "Detected removed column 'users.nickname'"] + expected)
            #expect(lines.dropFirst(5).first?.hasPrefix("Generating \(folder.path)/") == true)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).contains { $0.hasSuffix("_tighten_users.swift") })
        }
    }
}

@Suite("The destructive-change lint on SQLite: counted in the live database, printed by check and revision --autogenerate")
struct DestructiveChangeTests {
    let checks = DestructiveChangeChecks(backend: .sqlite)

    @Test("drops, a shortened string, NOT NULL over NULLs, a NOT NULL column without default, unique over repeats: counted; nothing changed")
    func measuredOnTheLiveDatabase() async throws { try await checks.measuredOnTheLiveDatabase() }

    @Test("check (still failing on the difference) and revision --autogenerate list them under a heading, with what to do")
    func commandsPrintTheList() async throws { try await checks.commandsPrintTheList() }

    @Test("after a rename in the same changes, the old table and column are measured")
    func measuredThroughRenames() async throws { try await checks.measuredThroughRenames() }
}

@Suite("The destructive-change lint on PostgreSQL: the same counts and the same output", .postgres)
struct DestructiveChangePostgresTests {
    let checks = DestructiveChangeChecks(backend: .postgresql)

    @Test("drops, a shortened string, NOT NULL over NULLs, a NOT NULL column without default, unique over repeats: counted; nothing changed")
    func measuredOnTheLiveDatabase() async throws { try await checks.measuredOnTheLiveDatabase() }

    @Test("check (still failing on the difference) and revision --autogenerate list them under a heading, with what to do")
    func commandsPrintTheList() async throws { try await checks.commandsPrintTheList() }

    @Test("after a rename in the same changes, the old table and column are measured")
    func measuredThroughRenames() async throws { try await checks.measuredThroughRenames() }
}
