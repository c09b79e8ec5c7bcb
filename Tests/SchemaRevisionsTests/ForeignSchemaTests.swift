import FluentKit
import Foundation
import SQLKit
import SchemaRevisionsCLI
import SchemaRevisionsTesting
import Testing
@testable import SchemaRevisions

// Databases the engine did not make: tables SQLAlchemy's `create_all`
// made, and tables written by hand, read as they are. Described by
// equivalent models, they give no change; each kind of change applies to
// them with every row kept.

// MARK: The DDL others wrote

/// What SQLAlchemy 2.1.9's `create_all` emits (`CreateTable(...).compile(dialect=...)`)
/// for the walkthrough's `User` and a `Post` model:
///
/// ```python
/// class User(Base):
///     __tablename__ = 'users'
///     id = Column(Integer, primary_key=True, index=True)
///     email = Column(String, unique=True, index=True)
///     password = Column(String)
///
/// class Post(Base):
///     __tablename__ = 'posts'
///     id = Column(Integer, primary_key=True)
///     author_id = Column(Integer, ForeignKey('users.id', ondelete='CASCADE'), nullable=False)
///     title = Column(String(200), nullable=False)
///     body = Column(Text)
///     published = Column(Boolean, nullable=False, server_default=true())
///     price = Column(Numeric(10, 2))
///     views = Column(BigInteger, nullable=False, server_default='0')
///     created_at = Column(DateTime(timezone=True), server_default=func.now())
///     edited_at = Column(DateTime)
///     code = Column(String(20))
///     __table_args__ = (UniqueConstraint('author_id', 'title', name='uq_posts_author_title'), UniqueConstraint('code'))
///
/// attachments = Table('attachments', metadata, Column('id', BigInteger, primary_key=True),
///     Column('token', Uuid, nullable=False), Column('meta', JSON), Column('doc', JSONB),
///     Column('data', LargeBinary), Column('rank', SmallInteger))   # PostgreSQL only
/// ```
func sqlAlchemyDDL(_ backend: TestBackend) -> [String] {
    switch backend {
    case .postgresql:
        return [
            """
            CREATE TABLE users (
            \tid SERIAL NOT NULL,\u{20}
            \temail VARCHAR,\u{20}
            \tpassword VARCHAR,\u{20}
            \tPRIMARY KEY (id)
            )
            """,
            "CREATE UNIQUE INDEX ix_users_email ON users (email)",
            "CREATE INDEX ix_users_id ON users (id)",
            """
            CREATE TABLE posts (
            \tid SERIAL NOT NULL,\u{20}
            \tauthor_id INTEGER NOT NULL,\u{20}
            \ttitle VARCHAR(200) NOT NULL,\u{20}
            \tbody TEXT,\u{20}
            \tpublished BOOLEAN DEFAULT true NOT NULL,\u{20}
            \tprice NUMERIC(10, 2),\u{20}
            \tviews BIGINT DEFAULT '0' NOT NULL,\u{20}
            \tcreated_at TIMESTAMP WITH TIME ZONE DEFAULT now(),\u{20}
            \tedited_at TIMESTAMP WITHOUT TIME ZONE,\u{20}
            \tcode VARCHAR(20),\u{20}
            \tPRIMARY KEY (id),\u{20}
            \tCONSTRAINT uq_posts_author_title UNIQUE (author_id, title),\u{20}
            \tUNIQUE (code),\u{20}
            \tFOREIGN KEY(author_id) REFERENCES users (id) ON DELETE CASCADE
            )
            """,
            """
            CREATE TABLE attachments (
            \tid BIGSERIAL NOT NULL,\u{20}
            \ttoken UUID NOT NULL,\u{20}
            \tmeta JSON,\u{20}
            \tdoc JSONB,\u{20}
            \tdata BYTEA,\u{20}
            \trank SMALLINT,\u{20}
            \tPRIMARY KEY (id)
            )
            """,
        ]
    case .sqlite:
        return [
            """
            CREATE TABLE users (
            \tid INTEGER NOT NULL,\u{20}
            \temail VARCHAR,\u{20}
            \tpassword VARCHAR,\u{20}
            \tPRIMARY KEY (id)
            )
            """,
            "CREATE UNIQUE INDEX ix_users_email ON users (email)",
            "CREATE INDEX ix_users_id ON users (id)",
            """
            CREATE TABLE posts (
            \tid INTEGER NOT NULL,\u{20}
            \tauthor_id INTEGER NOT NULL,\u{20}
            \ttitle VARCHAR(200) NOT NULL,\u{20}
            \tbody TEXT,\u{20}
            \tpublished BOOLEAN DEFAULT 1 NOT NULL,\u{20}
            \tprice NUMERIC(10, 2),\u{20}
            \tviews BIGINT DEFAULT '0' NOT NULL,\u{20}
            \tcreated_at DATETIME DEFAULT CURRENT_TIMESTAMP,\u{20}
            \tedited_at DATETIME,\u{20}
            \tcode VARCHAR(20),\u{20}
            \tPRIMARY KEY (id),\u{20}
            \tCONSTRAINT uq_posts_author_title UNIQUE (author_id, title),\u{20}
            \tUNIQUE (code),\u{20}
            \tFOREIGN KEY(author_id) REFERENCES users (id) ON DELETE CASCADE
            )
            """,
        ]
    }
}

/// Tables written by hand, as a team without an ORM writes them: `serial`,
/// `integer`, `varchar`, `timestamp`, `boolean default true`, a named and
/// an unnamed unique constraint, a named foreign key, and a view.
func handWrittenDDL(_ backend: TestBackend) -> [String] {
    let key = backend == .postgresql ? "id serial PRIMARY KEY" : "id integer PRIMARY KEY"
    let now = backend == .postgresql ? "now()" : "CURRENT_TIMESTAMP"
    return [
        """
        create table accounts (
            \(key),
            login varchar not null,
            score integer,
            joined timestamp not null default \(now),
            active boolean default true,
            flag text,
            constraint accounts_login_unique unique (login)
        )
        """,
        """
        create table sessions (
            \(key),
            account_id integer not null,
            token varchar(64) unique,
            constraint fk_sessions_account foreign key (account_id) references accounts (id) on delete cascade
        )
        """,
        "create view active_accounts as select id, login from accounts where active",
    ]
}

// MARK: The equivalent models

/// The walkthrough's `User`, as lesson 3 writes it.
final class AdoptedUser: Model, TableModel, @unchecked Sendable {
    static let schema = "users"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @OptionalField(key: "email") var email: String?
    @OptionalField(key: "password") var password: String?
    static var tableArguments: [TableArgument<AdoptedUser>] { [.index(\.$id), .index(\.$email, unique: true)] }
    init() {}
}

/// SQLAlchemy's `Post`: the widths and types it states are stated here too.
final class AdoptedPost: Model, TableModel, @unchecked Sendable {
    static let schema = "posts"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "author_id") var author: AdoptedUser
    @Field(key: "title") var title: String
    @OptionalField(key: "body") var body: String?
    @Field(key: "published") var published: Bool
    @OptionalField(key: "price") var price: Decimal?
    @Field(key: "views") var views: Int
    @OptionalField(key: "created_at") var createdAt: Date?
    @OptionalField(key: "edited_at") var editedAt: Date?
    @OptionalField(key: "code") var code: String?
    static var tableArguments: [TableArgument<AdoptedPost>] {
        [
            .type(\.$title, .string(length: 200)),
            .type(\.$body, .text),
            .defaultValue(\.$published, .boolean(true)),
            .type(\.$price, .numeric(precision: 10, scale: 2)),
            .type(\.$views, .int64),
            .defaultValue(\.$views, .integer(0)),
            .defaultValue(\.$createdAt, .currentTimestamp),
            .type(\.$editedAt, .naiveDatetime),
            .type(\.$code, .string(length: 20)),
            .unique(\.$author, \.$title, name: "uq_posts_author_title"),
            .unique(\.$code),
            .foreignKey(\.$author, onDelete: .cascade),
        ]
    }
    init() {}
}

/// SQLAlchemy's `attachments` (PostgreSQL's own types).
final class AdoptedAttachment: Model, TableModel, @unchecked Sendable {
    struct Meta: Codable, Sendable { var tags: [String] }
    static let schema = "attachments"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "token") var token: UUID
    @OptionalField(key: "meta") var meta: Meta?
    @OptionalField(key: "doc") var doc: Meta?
    @OptionalField(key: "data") var data: Data?
    @OptionalField(key: "rank") var rank: Int?
    static var tableArguments: [TableArgument<AdoptedAttachment>] { [.type(\.$meta, .jsonText), .type(\.$rank, .int16)] }
    init() {}
}

/// The hand-written `accounts`.
final class Account: Model, TableModel, @unchecked Sendable {
    static let schema = "accounts"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "login") var login: String
    @OptionalField(key: "score") var score: Int?
    @Field(key: "joined") var joined: Date
    @OptionalField(key: "active") var active: Bool?
    @OptionalField(key: "flag") var flag: String?
    static var tableArguments: [TableArgument<Account>] {
        [
            .unique(\.$login, name: "accounts_login_unique"),
            .type(\.$joined, .naiveDatetime),
            .defaultValue(\.$joined, .currentTimestamp),
            .defaultValue(\.$active, .boolean(true)),
            .type(\.$flag, .text),
        ]
    }
    init() {}
}

/// The hand-written `sessions`.
final class AccountSession: Model, TableModel, @unchecked Sendable {
    static let schema = "sessions"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Parent(key: "account_id") var account: Account
    @OptionalField(key: "token") var token: String?
    static var tableArguments: [TableArgument<AccountSession>] {
        [.type(\.$token, .string(length: 64)), .unique(\.$token), .foreignKey(\.$account, onDelete: .cascade)]
    }
    init() {}
}

/// A model whose type PostgreSQL does not know.
final class OddTypeModel: Model, TableModel, @unchecked Sendable {
    static let schema = "odd"
    @ID(custom: "id", generatedBy: .database) var id: Int?
    @Field(key: "x") var x: String
    static var tableArguments: [TableArgument<OddTypeModel>] { [.type(\.$x, .custom("NO_SUCH_TYPE"))] }
    init() {}
}

/// The revision lesson 5 adopts such a database with (`stamp b0fc2b4c59c4`).
enum AdoptCreateUsers: SchemaRevision {
    static let id = "b0fc2b4c59c4"
    static let parent: String? = nil
    static let message = "create users table"
    static func upgrade(_ op: SchemaOperations) async throws {
        try await op.createTable("users", [
            .column("id", .integer, nullable: false),
            .column("email", .string(), nullable: true),
            .column("password", .string(), nullable: true),
            .primaryKey("id"),
        ])
        try await op.createIndex("ix_users_email", on: "users", ["email"], unique: true)
        try await op.createIndex("ix_users_id", on: "users", ["id"])
    }
    static func downgrade(_ op: SchemaOperations) async throws {
        try await op.dropIndex("ix_users_id", on: "users")
        try await op.dropIndex("ix_users_email", on: "users")
        try await op.dropTable("users")
    }
}

/// What autogenerate writes for `posts.code` becoming an `Int`, as written.
enum ConvertCode: SchemaRevision {
    static let id = "c0de00000001"
    static let parent: String? = "b0fc2b4c59c4"
    static let message = "code is a number"
    static func upgrade(_ op: SchemaOperations) async throws {
        try await op.alterColumn("posts", "code", type: .integer, postgresqlUsing: "code::bigint")
    }
    static func downgrade(_ op: SchemaOperations) async throws {
        try await op.alterColumn("posts", "code", type: .string(length: 20))
    }
}

/// The same change, written by hand without saying how to convert.
enum ConvertCodeWithoutUsing: SchemaRevision {
    static let id = "c0de00000002"
    static let parent: String? = "b0fc2b4c59c4"
    static let message = "code is a number"
    static func upgrade(_ op: SchemaOperations) async throws {
        try await op.alterColumn("posts", "code", type: .integer)
    }
    static func downgrade(_ op: SchemaOperations) async throws {}
}

// MARK: The changes

/// One kind of change to the adopted schema: the models after it, what must
/// be detected, what the revision must say, and the values it must leave.
struct ForeignChange: CustomTestStringConvertible, Sendable {
    var name: String
    var edit: @Sendable (inout SchemaMetadata) -> Void
    var detected: [String]
    /// What SQLite detects, where it differs (one integer type there).
    var detectedOnSQLite: [String]? = nil
    /// Lines the revision's `upgrade` must hold, per backend the file was generated on (both: the file is shared).
    var rendered: [String] = []
    /// Converted values to read back: table, column, values by id as text.
    var converted: (table: String, column: String, values: [String])?
    /// Columns whose values a downgrade cannot bring back as they were (dropped; `'yes'` read back as `'true'`).
    var notRestored: Set<String> = []
    var testDescription: String { name }
}

extension SchemaMetadata {
    /// The schema with `table` edited.
    func editing(_ table: String, _ edit: (inout TableMetadata) -> Void) -> SchemaMetadata {
        var copy = self
        if let index = copy.tables.firstIndex(where: { $0.name == table }) { edit(&copy.tables[index]) }
        return copy
    }
}

extension TableMetadata {
    /// Edits the column `name`.
    mutating func editColumn(_ name: String, _ edit: (inout ColumnMetadata) -> Void) {
        if let index = columns.firstIndex(where: { $0.name == name }) { edit(&columns[index]) }
    }
}

let foreignChanges: [ForeignChange] = [
    .init(name: "add a column", edit: { schema in
        schema = schema.editing("posts") { $0.columns.append(ColumnMetadata(name: "subtitle", type: .string(), nullable: true)) }
    }, detected: ["Detected added column 'posts.subtitle'"]),
    .init(name: "drop a column", edit: { schema in
        schema = schema.editing("posts") { $0.columns.removeAll { $0.name == "body" } }
    }, detected: ["Detected removed column 'posts.body'"], notRestored: ["posts.body"]),
    .init(name: "varchar → Int: the USING cast", edit: { schema in
        schema = schema.editing("posts") { $0.editColumn("code") { $0.type = .integer } }
    }, detected: ["Detected changed column 'posts.code': type string(20) → integer"],
       rendered: [#"try await op.alterColumn("posts", "code", type: .integer, postgresqlUsing: "code::bigint")"#],
       converted: ("posts", "code", ["17", "42", "NULL"])),
    .init(name: "text → Bool: the USING cast", edit: { schema in
        schema = schema.editing("accounts") { $0.editColumn("flag") { $0.type = .boolean } }
    }, detected: ["Detected changed column 'accounts.flag': type text → boolean"],
       rendered: [#"try await op.alterColumn("accounts", "flag", type: .boolean, postgresqlUsing: "flag::boolean")"#],
       notRestored: ["accounts.flag"]),
    .init(name: "a stated width: INTEGER → BIGINT", edit: { schema in
        schema = schema.editing("accounts") { $0.editColumn("score") { $0.type = .int64 } }
    }, detected: ["Detected changed column 'accounts.score': type int32 → int64"],
       detectedOnSQLite: [], // INTEGER affinity: every width is one type
       rendered: [],
       converted: ("accounts", "score", ["10", "20"])),
    .init(name: "NOT NULL", edit: { schema in
        schema = schema.editing("users") { $0.editColumn("email") { $0.nullable = false } }
    }, detected: ["Detected changed column 'users.email': now NOT NULL"],
       rendered: [#"try await op.alterColumn("users", "email", nullable: false)"#]),
    .init(name: "a default", edit: { schema in
        schema = schema.editing("accounts") { $0.editColumn("active") { $0.defaultValue = .boolean(false) } }
    }, detected: ["Detected changed column 'accounts.active': default 1 → 0"]),
    .init(name: "add an index", edit: { schema in
        schema = schema.editing("posts") { $0.indexes.append(IndexMetadata(name: "ix_posts_title", columns: ["title"], unique: false)) }
    }, detected: ["Detected added index 'ix_posts_title' on 'posts' (title)"]),
    .init(name: "drop an index", edit: { schema in
        schema = schema.editing("users") { $0.indexes.removeAll { $0.name == "ix_users_id" } }
    }, detected: ["Detected removed index 'ix_users_id' on 'users'"]),
    .init(name: "add a unique constraint", edit: { schema in
        schema = schema.editing("accounts") { $0.uniqueConstraints.append(UniqueConstraintMetadata(name: "uq_accounts_score", columns: ["score"])) }
    }, detected: ["Detected added unique constraint 'uq_accounts_score' on 'accounts' (score)"]),
    .init(name: "drop a named unique constraint", edit: { schema in
        schema = schema.editing("accounts") { $0.uniqueConstraints.removeAll() }
    }, detected: ["Detected removed unique constraint 'accounts_login_unique' on 'accounts'"]),
    .init(name: "drop an unnamed unique constraint", edit: { schema in
        schema = schema.editing("posts") { $0.uniqueConstraints.removeAll { $0.columns == ["code"] } }
    }, detected: []), // named by each database: checked in the test
    .init(name: "drop an unnamed foreign key", edit: { schema in
        schema = schema.editing("posts") { $0.foreignKeys.removeAll() }
    }, detected: ["Detected removed foreign key (author_id) → users on 'posts'"]),
    .init(name: "drop a named foreign key, add it back with another action", edit: { schema in
        schema = schema.editing("sessions") { $0.foreignKeys[0].onDelete = .restrict }
    }, detected: ["Detected removed foreign key (account_id) → accounts on 'sessions'",
                  "Detected added foreign key (account_id) → accounts on 'sessions'"]),
    .init(name: "rename a column a view uses", edit: { schema in
        schema = schema.editing("accounts") { table in
            table.editColumn("login") { $0.name = "username" }
            table.uniqueConstraints = table.uniqueConstraints.map { UniqueConstraintMetadata(name: $0.name, columns: ["username"]) }
            table.modelNotes.formerColumnNames["username"] = "login"
        }
    }, detected: ["Detected renamed column 'accounts.login' to 'accounts.username'"]),
]

/// The checks, on either database. The suites below run them on SQLite and on PostgreSQL.
struct ForeignSchemaChecks {
    let backend: TestBackend

    /// The models that describe what the DDL made.
    func models() throws -> SchemaMetadata {
        backend == .postgresql
            ? try SchemaMetadata(models: AdoptedUser.self, AdoptedPost.self, AdoptedAttachment.self, Account.self, AccountSession.self)
            : try SchemaMetadata(models: AdoptedUser.self, AdoptedPost.self, Account.self, AccountSession.self)
    }

    /// Makes the tables with the others' DDL, and fills them.
    func makeForeignSchema(_ db: any SQLDatabase) async throws {
        for statement in sqlAlchemyDDL(backend) + handWrittenDDL(backend) {
            try await db.raw("\(unsafeRaw: statement)").run()
        }
        let yes = backend == .postgresql ? "true" : "1"
        let no = backend == .postgresql ? "false" : "0"
        try await db.raw("INSERT INTO users (id, email, password) VALUES (1, 'ada@example.com', 'h1'), (2, 'grace@example.com', 'h2')").run()
        try await db.raw("""
            INSERT INTO posts (id, author_id, title, body, price, views, edited_at, code) VALUES
            (10, 1, 'Notes', 'On the engine', 9.99, 5, '2024-01-02 03:04:05', '17'),
            (11, 2, 'COBOL', NULL, NULL, 0, NULL, '42'),
            (12, 1, 'Draft', NULL, NULL, 0, NULL, NULL)
            """).run()
        try await db.raw("""
            INSERT INTO accounts (id, login, score, active, flag) VALUES (1, 'ada', 10, \(unsafeRaw: yes), 'yes'), (2, 'grace', 20, \(unsafeRaw: no), 'no')
            """).run()
        try await db.raw("INSERT INTO sessions (id, account_id, token) VALUES (1, 1, 'tok-a'), (2, 2, 'tok-b')").run()
        if backend == .postgresql {
            try await db.raw("""
                INSERT INTO attachments (id, token, meta, doc, data, rank)
                VALUES (1, '5f0c4ad2-4b9e-4a31-9d5e-0d1c2b3a4f5e', '{"tags": ["a"]}', '{"tags": ["b"]}', '\\x0102', 3)
                """).run()
        }
    }

    /// Every row of every table of `schema`, the columns `kept` says, each
    /// as text, by id: what must survive a change.
    func rows(_ db: any SQLDatabase, _ schema: SchemaMetadata,
              kept: (String, String) -> Bool = { _, _ in true }) async throws -> [String] {
        struct Row: Decodable { var row: String }
        var lines: [String] = []
        for table in schema.tables.sorted(by: { $0.name < $1.name }) {
            let columns = table.columns.map(\.name).filter { kept(table.name, $0) }
            guard !columns.isEmpty else { continue }
            let parts = columns.map { "COALESCE(CAST(\"\($0)\" AS TEXT), 'NULL')" }.joined(separator: " || '|' || ")
            let found = try await db.raw("SELECT \(unsafeRaw: parts) AS row FROM \(ident: table.name) ORDER BY id").all(decoding: Row.self)
            lines += found.map { "\(table.name): \($0.row)" }
        }
        return lines
    }

    /// The view still answers, with its rows.
    func viewRows(_ db: any SQLDatabase) async throws -> Int {
        struct Count: Decodable { var count: Int }
        return try await db.raw("SELECT count(*) AS count FROM active_accounts").first(decoding: Count.self)?.count ?? -1
    }

    func readsBackAsItIs() async throws {
        try await withThrowawayConnection(backend) { database in
            let db = database.sql
            try await makeForeignSchema(db)
            let live = try await SchemaIntrospection.schema(of: db)
            let posts = try #require(live.table(named: "posts"))
            let accounts = try #require(live.table(named: "accounts"))
            if backend == .postgresql {
                #expect(live.table(named: "users")?.column(named: "id") == ColumnMetadata(name: "id", type: .int32, nullable: false),
                        "SERIAL: an integer, numbered by its sequence (no default to compare)")
                #expect(posts.column(named: "views")?.type == .int64)
                #expect(posts.column(named: "edited_at")?.type == .naiveDatetime)
                #expect(posts.column(named: "created_at")?.type == .datetime)
                #expect(posts.column(named: "price")?.type == .numeric(precision: 10, scale: 2))
                #expect(posts.column(named: "title")?.type == .string(length: 200))
                #expect(accounts.column(named: "login")?.type == .string())
                #expect(accounts.column(named: "joined")?.type == .naiveDatetime)
                let attachments = try #require(live.table(named: "attachments"))
                #expect(attachments.columns.map(\.type) == [.int64, .uuid, .jsonText, .json, .blob, .int16])
                #expect(posts.uniqueConstraints.map(\.name).sorted() == ["posts_code_key", "uq_posts_author_title"],
                        "an unnamed constraint reads back under the name PostgreSQL gave it")
            } else {
                #expect(posts.column(named: "views")?.type == .integer, "SQLite: one integer type")
                #expect(posts.column(named: "views")?.defaultValue == .integer(0), "'0' in an INTEGER column is the number 0")
                #expect(posts.column(named: "price")?.type == .numeric(precision: 10, scale: 2))
                #expect(accounts.column(named: "joined")?.type == .datetime)
            }
            #expect(accounts.column(named: "active")?.defaultValue == .boolean(true))
            #expect(live.tables.map(\.name).contains("active_accounts") == false, "a view is not a table")
        }
    }

    func noSpuriousChange() async throws {
        try await withThrowawayConnection(backend) { database in
            let db = database.sql
            try await makeForeignSchema(db)
            let changes = try await compareMetadata(db, try models())
            #expect(changes.map(\.description) == [], "what SQLAlchemy and a person made, described by equivalent models")
            #expect(try await destructiveChanges(db, changes).isEmpty)
        }
    }

    func apply(_ change: ForeignChange) async throws {
        try await withThrowawayConnection(backend) { database in
            let db = database.sql
            try await makeForeignSchema(db)
            let models = try models()
            var target = models
            change.edit(&target)
            // The columns the change leaves as they are, and those a downgrade brings back as they were.
            let unchanged: (String, String) -> Bool = { table, column in
                guard let model = models.table(named: table)?.column(named: column),
                      let after = target.table(named: table)?.column(named: column) else { return false }
                return model.type == after.type
            }
            let restored: (String, String) -> Bool = { table, column in
                !change.notRestored.contains("\(table).\(column)")
            }
            let before = try await rows(db, models, kept: unchanged)
            let beforeAll = try await rows(db, models, kept: restored)
            let activeBefore = try await viewRows(db)

            // Detect: only the change.
            let changes = try await compareMetadata(db, target)
            if change.name == "drop an unnamed unique constraint" {
                let name = backend == .postgresql ? "posts_code_key" : "uq_posts_code"
                #expect(changes.map(\.description) == ["Detected removed unique constraint '\(name)' on 'posts'"])
            } else {
                #expect(changes.map(\.description) == (backend == .sqlite ? change.detectedOnSQLite ?? change.detected : change.detected))
            }
            // The revision autogenerate writes for it.
            let file = RevisionRenderer().render(.init(id: "f0f0f0f0f0f0", parent: nil, message: change.name, date: Date()),
                                                 changes: changes, autogenerated: true)
            if backend == .postgresql, change.name.contains("width") {
                #expect(file.contains(#"        try await op.alterColumn("accounts", "score", type: .int64)"# + "\n"), "no USING: PostgreSQL widens by itself")
            }
            for line in change.rendered {
                #expect(file.contains("        " + line + "\n"), "the revision says: \(line)\n\(file)")
            }

            // Upgrade: every row kept, nothing left to detect, the view still there.
            try await applyInTransaction(changes, on: db)
            #expect(try await compareMetadata(db, target).map(\.description) == [], "after the upgrade")
            #expect(try await rows(db, models, kept: unchanged) == before, "every row kept")
            #expect(!before.isEmpty)
            if let converted = change.converted {
                struct Value: Decodable { var value: String }
                let values = try await db.raw("""
                    SELECT COALESCE(CAST(\(ident: converted.column) AS TEXT), 'NULL') AS value FROM \(ident: converted.table) ORDER BY id
                    """).all(decoding: Value.self).map(\.value)
                #expect(values == converted.values, "the values, converted")
            }
            #expect(try await viewRows(db) == activeBefore, "the view still answers")

            // Downgrade: the schema the models describe, and the same rows.
            try await applyInTransaction(changes.reversed().map(\.inverse), on: db)
            #expect(try await compareMetadata(db, models).map(\.description) == [], "after the downgrade")
            #expect(try await rows(db, models, kept: restored) == beforeAll, "rows kept through the round trip")
            #expect(try await viewRows(db) == activeBefore)
        }
    }
}

extension ForeignSchemaChecks {
    /// The issue's steps: SQLAlchemy's `users`, adopted with `stamp`, then
    /// `upgrade head` and `check` (and `revision --autogenerate`), through the commands.
    func adoptAndCheck() async throws {
        try await withThrowawayDatabase(backend) { url in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("adopt-\(UUID().uuidString)")
            let versions = folder.appendingPathComponent("Versions")
            try FileManager.default.createDirectory(at: versions, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let config = folder.appendingPathComponent("revisions.json")
            try JSONSerialization.data(withJSONObject: ["database_url": url.connectionString, "versions": versions.path])
                .write(to: config)
            let database = try await EngineDatabase.open(url, create: true)
            for statement in sqlAlchemyDDL(backend).prefix(3) { // users and its two indexes
                try await database.sql.raw("\(unsafeRaw: statement)").run()
            }
            try await database.close()

            let printed = LogLines()
            var environment = MigrationEnvironment(targetMetadata: { try SchemaMetadata(models: AdoptedUser.self) },
                                                   revisions: [AdoptCreateUsers.self], versionsFolder: versions.path,
                                                   configFile: config.path, defaultDatabaseURL: "sqlite://")
            environment.output = printed.append
            environment.environmentVariables = [:]
            for command in [["stamp", "b0fc2b4c59c4"], ["upgrade", "head"], ["check"], ["revision", "--autogenerate", "-m", "nothing"]] {
                _ = try await SchemaRevisionsCommand.run(["app"] + command, environment: environment)
            }
            #expect(printed.lines.contains("No new upgrade operations detected."), "\(printed.lines)")
            #expect(printed.lines.contains("No changes in schema detected."), "\(printed.lines)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: versions.path).isEmpty, "no revision written")
        }
    }

    /// A value the conversion refuses: the engine's message names the table,
    /// the column and the value; the database and its version stay as they were.
    func valueThatDoesNotFit() async throws {
        try await withThrowawayConnection(backend) { database in
            let db = database.sql
            try await makeForeignSchema(db)
            // Many rows, one of them not a number.
            try await db.raw("""
                INSERT INTO posts (id, author_id, title, code)
                SELECT 100 + n, 1, 'Post ' || n, CASE WHEN n = 37 THEN 'x7' ELSE CAST(1000 + n AS TEXT) END
                FROM (WITH RECURSIVE numbers(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM numbers WHERE n < 60) SELECT n FROM numbers) AS numbers
                """).run()
            let runner = try RevisionRunner(database: db, graph: try RevisionGraph([AdoptCreateUsers.self, ConvertCode.self]), log: { _ in })
            try await runner.stamp("b0fc2b4c59c4")
            let schemaBefore = try await SchemaIntrospection.schema(of: db, excluding: [VersionTable.name])
            let rowsBefore = try await rows(db, try models())

            if backend == .sqlite {
                // SQLite copies values as they are: 'x7' stays, as text, in the INTEGER column.
                try await runner.upgrade("head")
                struct Value: Decodable { var code: String? }
                #expect(try await db.raw("SELECT CAST(code AS TEXT) AS code FROM posts WHERE id = 137").first(decoding: Value.self)?.code == "x7")
                return
            }
            do {
                try await runner.upgrade("head")
                Issue.record("the upgrade should fail on 'x7'")
            } catch let error as RunError {
                let message = error.description
                #expect(message.contains("Cannot change posts.code to BIGINT: the value 'x7' does not convert to it"), "\(message)")
                #expect(message.contains(#"invalid input syntax for type bigint: "x7""#), "\(message)")
                #expect(message.contains(#"op.execute("UPDATE posts SET code = ... WHERE code = 'x7'")"#), "\(message)")
                #expect(message.contains("The database's schema, data and version are as they were before it (at b0fc2b4c59c4)"), "\(message)")
                #expect(!message.contains("Generic description"))
            }
            #expect(try await runner.currentHeads() == ["b0fc2b4c59c4"])
            #expect(try await SchemaIntrospection.schema(of: db, excluding: [VersionTable.name]) == schemaBefore)
            #expect(try await rows(db, try models()) == rowsBefore)

            // Fixed in the revision's way, it runs as written.
            try await db.raw("UPDATE posts SET code = NULL WHERE code = 'x7'").run()
            try await runner.upgrade("head")
            struct Count: Decodable { var count: Int }
            #expect(try await db.raw("SELECT count(code) AS count FROM posts").first(decoding: Count.self)?.count == 61)
        }
    }
}

@Suite("Databases other tools made, on SQLite: read as they are, changed only as the models change")
struct ForeignSchemaTests {
    let checks = ForeignSchemaChecks(backend: .sqlite)

    @Test("types read back as what they are") func readsBack() async throws { try await checks.readsBackAsItIs() }
    @Test("SQLAlchemy's and hand-written tables, with equivalent models: no change") func clean() async throws { try await checks.noSpuriousChange() }
    @Test(arguments: foreignChanges) func apply(_ change: ForeignChange) async throws { try await checks.apply(change) }
    @Test("stamp, upgrade head, check: clean") func adopt() async throws { try await checks.adoptAndCheck() }
    @Test("a value the conversion would refuse") func notFitting() async throws { try await checks.valueThatDoesNotFit() }
}

@Suite("Databases other tools made, on PostgreSQL: the same checks, on a real server", .postgres)
struct ForeignSchemaPostgresTests {
    let checks = ForeignSchemaChecks(backend: .postgresql)

    @Test("types read back as what they are") func readsBack() async throws { try await checks.readsBackAsItIs() }
    @Test("SQLAlchemy's and hand-written tables, with equivalent models: no change") func clean() async throws { try await checks.noSpuriousChange() }
    @Test(arguments: foreignChanges) func apply(_ change: ForeignChange) async throws { try await checks.apply(change) }
    @Test("stamp, upgrade head, check: clean (the issue's steps)") func adopt() async throws { try await checks.adoptAndCheck() }
    @Test("a value that does not convert: the engine's message, nothing changed") func notFitting() async throws {
        try await checks.valueThatDoesNotFit()
    }

    @Test("a type change written without USING: the engine says how")
    func withoutUsing() async throws {
        try await withThrowawayConnection(.postgresql) { database in
            let db = database.sql
            try await checks.makeForeignSchema(db)
            let runner = try RevisionRunner(database: db, graph: try RevisionGraph([AdoptCreateUsers.self, ConvertCodeWithoutUsing.self]), log: { _ in })
            try await runner.stamp("b0fc2b4c59c4")
            let error = await #expect(throws: RunError.self) { try await runner.upgrade("head") }
            let message = error?.description ?? ""
            #expect(message.contains("Cannot change posts.code from VARCHAR(20) to BIGINT: PostgreSQL converts such values only when told how. "
                + #"Say how in the revision: postgresqlUsing: "code::bigint""#), "\(message)")
            #expect(try await runner.currentHeads() == ["b0fc2b4c59c4"])
        }
    }

    @Test("a SERIAL key widened to BIGINT: its sequence is widened too")
    func serialWidened() async throws {
        try await withThrowawayConnection(.postgresql) { database in
            let db = database.sql
            try await checks.makeForeignSchema(db)
            let target = try checks.models().editing("sessions") { $0.editColumn("id") { $0.type = .int64 } }
            try await applyInTransaction(try await compareMetadata(db, target), on: db)
            struct Row: Decodable { var type: String }
            #expect(try await db.raw("SELECT seqtypid::regtype::text AS type FROM pg_sequence WHERE seqrelid = 'sessions_id_seq'::regclass")
                .first(decoding: Row.self)?.type == "bigint")
            #expect(try await compareMetadata(db, target) == [])
            // The sequence numbers past INTEGER's range now.
            try await db.raw("SELECT setval('sessions_id_seq', 3000000000)").run()
            struct Id: Decodable { var id: Int }
            #expect(try await db.raw("INSERT INTO sessions (account_id, token) VALUES (1, 'tok-c') RETURNING id")
                .first(decoding: Id.self)?.id == 3_000_000_001)

            // What the Int policy spares: widening a key a view uses is refused, and nothing changes.
            let widened = try checks.models().editing("accounts") { $0.editColumn("id") { $0.type = .int64 } }
            let changes = try await compareMetadata(db, widened)
            #expect(changes.map(\.description) == ["Detected changed column 'accounts.id': type int32 → int64"])
            await #expect(throws: OperationError.self) { try await applyInTransaction(changes, on: db) }
            #expect(try await compareMetadata(db, try checks.models().editing("sessions") { $0.editColumn("id") { $0.type = .int64 } }) == [])
        }
    }

    @Test("no driver error leaves the library untranslated")
    func driverErrors() async throws {
        try await withThrowawayConnection(.postgresql) { database in
            let db = database.sql
            let error = await #expect(throws: DatabaseFailure.self) { try await SchemaMetadata(models: OddTypeModel.self).createAll(on: db) }
            #expect(error?.description == #"The database refused the command: type "no_such_type" does not exist"#)
        }
    }
}
