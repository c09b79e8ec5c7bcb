import Testing
@testable import SchemaRevisions

@Suite("Database URLs: SQLAlchemy's forms, for SQLite and PostgreSQL")
struct DatabaseURLTests {
    @Test("sqlite:///relative, sqlite:////absolute, sqlite:// (memory)")
    func sqlite() throws {
        #expect(try DatabaseURL("sqlite:///app.sqlite", relativeTo: "/work") == .sqliteFile(path: "/work/app.sqlite"))
        #expect(try DatabaseURL("sqlite:////var/data/app.sqlite") == .sqliteFile(path: "/var/data/app.sqlite"))
        #expect(try DatabaseURL("sqlite://") == .sqliteMemory)
        #expect(Dialects.dialect(for: try DatabaseURL("sqlite://")) is SQLiteDialect)
    }

    @Test("a database the engine has no dialect for is refused, naming the ones it supports")
    func unsupportedDialect() {
        #expect(throws: UnsupportedDatabase(name: "mysql", supported: ["sqlite", "postgresql"])) { try Dialects.named("mysql") }
        #expect(UnsupportedDatabase(name: "mysql", supported: ["sqlite", "postgresql"]).description
            == "The engine does not support mysql databases; it supports sqlite and postgresql.")
    }

    @Test("postgres://, postgresql:// and SQLAlchemy's driver suffixes are one PostgreSQL URL")
    func postgres() throws {
        let url = "postgres://app:secret@db.internal:5433/users"
        for spelling in [url, "postgresql://app:secret@db.internal:5433/users",
                         "postgresql+psycopg://app:secret@db.internal:5433/users",
                         "postgresql+psycopg2://app:secret@db.internal:5433/users"] {
            #expect(try DatabaseURL(spelling) == .postgres(url: url), "\(spelling)")
        }
        #expect(Dialects.dialect(for: try DatabaseURL(url)) is PostgresDialect)
        #expect(try DatabaseURL(url).databaseID == .psql)
        #expect(try DatabaseURL(url).postgresTarget?.database == "users")
    }

    @Test("printed URLs hide the password, as SQLAlchemy's do")
    func redacted() throws {
        #expect(try DatabaseURL("postgres://app:secret@localhost/users").description == "postgres://app:***@localhost/users")
        #expect(try DatabaseURL("postgres://app@localhost/users").description == "postgres://app@localhost/users")
        let error = DatabaseURLError.unsupported(url: DatabaseURL.redacted("mysql://root:hunter2@localhost/db"))
        #expect(!error.description.contains("hunter2"))
    }

    @Test("bad URLs say which forms work")
    func bad() {
        #expect(throws: DatabaseURLError.unsupported(url: "mysql://root:***@localhost/db")) {
            try DatabaseURL("mysql://root:hunter2@localhost/db")
        }
        #expect(throws: DatabaseURLError.malformedPostgres(url: "postgres://localhost/db")) {
            try DatabaseURL("postgres://localhost/db") // no user
        }
        #expect(throws: DatabaseURLError.malformedPostgres(url: "postgres://app:***@localhost/db?sslmode=sometimes")) {
            try DatabaseURL("postgres://app:pw@localhost/db?sslmode=sometimes")
        }
        #expect(DatabaseURLError.malformedPostgres(url: "x").description.contains("postgres://user:password@host:5432/database"))
    }

    @Test("PostgreSQL's spelling of types and defaults reads back as the models write them")
    func postgresSpellings() {
        #expect(PostgresDialect.columnType(formatted: "character varying(255)") == .string(length: 255))
        #expect(PostgresDialect.columnType(formatted: "bigint") == .int64)
        #expect(PostgresDialect.columnType(formatted: "integer") == .int32)
        #expect(PostgresDialect.columnType(formatted: "smallint") == .int16)
        #expect(PostgresDialect.columnType(formatted: "timestamp with time zone") == .datetime)
        #expect(PostgresDialect.columnType(formatted: "timestamp without time zone") == .naiveDatetime)
        #expect(PostgresDialect.columnType(formatted: "numeric(10,2)") == .numeric(precision: 10, scale: 2))
        #expect(PostgresDialect.columnType(formatted: "numeric") == .decimal)
        #expect(PostgresDialect.columnType(formatted: "json") == .jsonText)
        #expect(PostgresDialect.columnType(formatted: "jsonb") == .json)
        #expect(PostgresDialect.columnType(formatted: "character(10)") == .custom("CHARACTER(10)"))
        #expect(PostgresDialect.columnDefault(sql: "'en'::character varying") == .string("en"))
        #expect(PostgresDialect.columnDefault(sql: "'it''s'::text") == .string("it's"))
        #expect(PostgresDialect.columnDefault(sql: "'-1'::integer") == .integer(-1))
        #expect(PostgresDialect.columnDefault(sql: "42") == .integer(42))
        #expect(PostgresDialect.columnDefault(sql: "true") == .boolean(true))
        #expect(PostgresDialect.columnDefault(sql: "CURRENT_TIMESTAMP") == .currentTimestamp)
        #expect(PostgresDialect.columnDefault(sql: "lower('X'::text)") == .sql("lower('X'::text)"))
        #expect(PostgresDialect.columnDefault(sql: "'{}'::jsonb") == .string("{}"))
        #expect(PostgresDialect.columnDefault(sql: "'a'::text || 'b'::text") == .sql("'a'::text || 'b'::text"))
        #expect(PostgresDialect.columnDefault(sql: "now()") == .sql("now()"))
        #expect(PostgresDialect.columnDefault(sql: "(-1.5)") == .double(-1.5))
    }

    @Test("PostgreSQL's type synonyms are one type to the diff (no change proposed forever)")
    func postgresSynonyms() {
        let diff = SchemaDiff(spelling: PostgresDialect())
        func same(_ declared: ColumnType, _ live: ColumnType) -> Bool {
            diff.sameColumn(.init(name: "c", type: declared, nullable: true), .init(name: "c", type: live, nullable: true))
        }
        #expect(same(.custom("TIMESTAMPTZ"), .datetime))
        #expect(same(.custom("timestamp"), .custom("TIMESTAMP WITHOUT TIME ZONE")))
        #expect(same(.custom("INT"), .custom("INTEGER")))
        #expect(same(.custom("DECIMAL(10, 2)"), .custom("NUMERIC(10,2)")))
        #expect(same(.custom("VARCHAR(20)"), .string(length: 20)))
        #expect(same(.custom("BOOL"), .boolean))
        #expect(!same(.string(length: 20), .string(length: 30)))
    }

    @Test("Swift's Int is satisfied by an integer column of any width; a stated width must match")
    func intPolicy() {
        for dialect in [PostgresDialect() as any Dialect, SQLiteDialect()] {
            let diff = SchemaDiff(spelling: dialect)
            func satisfies(live: ColumnType, declared: ColumnType) -> Bool {
                diff.sameColumn(.init(name: "c", type: live, nullable: false), .init(name: "c", type: declared, nullable: false))
            }
            for live in [ColumnType.int16, .int32, .int64, .integer, .custom("INT4")] {
                #expect(satisfies(live: live, declared: .integer), "\(dialect.name): \(live) satisfies Int")
            }
            #expect(!satisfies(live: .string(), declared: .integer))
            #expect(!satisfies(live: .double, declared: .integer))
            #expect(satisfies(live: .int64, declared: .int64))
        }
        let postgres = SchemaDiff(spelling: PostgresDialect())
        func same(_ live: ColumnType, _ declared: ColumnType) -> Bool {
            postgres.sameColumn(.init(name: "c", type: live, nullable: false), .init(name: "c", type: declared, nullable: false))
        }
        #expect(!same(.int32, .int64), "a stated BIGINT is a change from INTEGER")
        #expect(!same(.int64, .int32), "a stated INTEGER is a change from BIGINT")
        #expect(!same(.int32, .int16))
        #expect(same(.int32, .custom("SERIAL")))
        // SQLite: INTEGER affinity, one integer type whatever the width stated.
        let sqlite = SchemaDiff(spelling: SQLiteDialect())
        #expect(sqlite.sameColumn(.init(name: "c", type: .integer, nullable: false), .init(name: "c", type: .int16, nullable: false)))
        #expect(SQLiteDialect.columnType(declared: "BIGINT") == .integer)
        #expect(SQLiteDialect.columnType(declared: "int8") == .integer)
        #expect(SQLiteDialect.columnType(declared: "NUMERIC(10, 2)") == .numeric(precision: 10, scale: 2))
        // New tables keep BIGINT on PostgreSQL.
        #expect(PostgresDialect().typeSQL(.integer) == "BIGINT")
        #expect(SQLiteDialect().typeSQL(.int64) == "INTEGER", "so an INTEGER PRIMARY KEY still numbers itself")
    }

    @Test("PostgreSQL's USING for the type changes it will not make by itself")
    func postgresCasts() {
        let postgres = PostgresDialect()
        #expect(postgres.castNeeded(from: .string(length: 20), to: .integer, column: "code") == "code::bigint")
        #expect(postgres.castNeeded(from: .text, to: .boolean, column: "flag") == "flag::boolean")
        #expect(postgres.castNeeded(from: .string(), to: .numeric(precision: 10, scale: 2), column: "price") == "price::numeric(10, 2)")
        #expect(postgres.castNeeded(from: .text, to: .uuid, column: "token") == "token::uuid")
        #expect(postgres.castNeeded(from: .string(), to: .json, column: "doc") == "doc::jsonb")
        #expect(postgres.castNeeded(from: .string(), to: .naiveDatetime, column: "at") == "at::timestamp without time zone")
        #expect(postgres.castNeeded(from: .boolean, to: .integer, column: "flag") == "flag::integer")
        #expect(postgres.castNeeded(from: .int32, to: .boolean, column: "n") == "n <> 0")
        #expect(postgres.castNeeded(from: .text, to: .int32, column: "order") == "\"order\"::integer", "a keyword is quoted")
        #expect(postgres.castNeeded(from: .int32, to: .uuid, column: "n") == "n::text::uuid")
        // PostgreSQL converts these itself.
        #expect(postgres.castNeeded(from: .int32, to: .integer, column: "id") == nil)
        #expect(postgres.castNeeded(from: .integer, to: .text, column: "id") == nil)
        #expect(postgres.castNeeded(from: .naiveDatetime, to: .datetime, column: "at") == nil)
        #expect(postgres.castNeeded(from: .jsonText, to: .json, column: "doc") == nil)
        #expect(postgres.castNeeded(from: .string(length: 10), to: .string(length: 20), column: "s") == nil)
        #expect(SQLiteDialect().castNeeded(from: .string(), to: .integer, column: "code") == nil, "SQLite copies values")
        #expect(Dialects.castNeeded(from: .string(), to: .integer, column: "code") == "code::bigint")
    }
}
