import Foundation
import SQLiteKit

/// The schema as the revisions define it, for rendering their SQL without a
/// database (`upgrade --sql`, Alembic's offline mode).
///
/// A dialect's DDL reads the table it changes (SQLite rebuilds a table from
/// its columns; PostgreSQL keeps a column's default across a type change).
/// On a live database it introspects; offline it reads this instead, which
/// every operation updates as it is rendered (`SchemaOperations.perform`),
/// starting from the empty schema at base. Alembic has nothing like it:
/// its offline batch mode needs each table's shape passed in by hand
/// (`copy_from=`).
///
/// What raw SQL (`op.execute`) does is not read, with two exceptions the
/// SQLite rebuild needs: the views and triggers it creates or drops are
/// kept, as written. Raw SQL that creates, alters or drops tables makes
/// the tables it names unknown here; a later operation that needs one of
/// their shapes throws ``OfflineError/needsDatabase(revision:table:changedBy:)``.
package final class TrackedSchema: @unchecked Sendable {
    /// What is known; read and changed under `lock`.
    package struct State: Sendable {
        /// The tables, in the order they were created.
        package var tables: [TableMetadata] = []
        /// Views and triggers raw SQL created, in order.
        package var viewsAndTriggers: [SchemaObject] = []
        /// Tables raw SQL created or changed, with the revision that did.
        package var changedByRawSQL: [String: String] = [:]
        /// Views and triggers whose text names something a later revision
        /// renamed (SQLite rewrites their text; this does not), with that revision.
        package var renamedUnder: [String: String] = [:]
        /// The revision being rendered, for messages.
        package var revision = ""
    }

    private let lock = NSLock()
    private var state = State()

    /// The empty schema (base).
    package init() {}

    /// Reads the state.
    package func read<Result>(_ body: (State) throws -> Result) rethrows -> Result {
        try lock.withLock { try body(state) }
    }

    /// Changes the state.
    package func update(_ body: (inout State) throws -> Void) rethrows {
        try lock.withLock { try body(&state) }
    }

    /// The table `name` as the revisions so far define it.
    package func table(_ name: String) throws -> TableMetadata {
        try read { state in
            if let revision = state.changedByRawSQL[name] {
                throw OfflineError.needsDatabase(revision: state.revision, table: name, changedBy: revision)
            }
            guard let table = state.tables.first(where: { $0.name == name }) else {
                throw OperationError.noSuchTable(name)
            }
            return table
        }
    }

    /// The views and triggers to keep aside and put back when `table` is
    /// rebuilt; throws when one of them names something renamed since it
    /// was written, whose new text only the database knows.
    package func viewsAndTriggers(rebuilding table: String) throws -> [SchemaObject] {
        try read { state in
            if let object = state.viewsAndTriggers.first(where: { state.renamedUnder[$0.name] != nil }) {
                throw OfflineError.renamedUnderView(revision: state.revision, table: table, object: object.name,
                                                    renamedBy: state.renamedUnder[object.name] ?? "")
            }
            return state.viewsAndTriggers
        }
    }

    /// Every table's name, sorted, those raw SQL made included.
    package var tableNames: [String] {
        read { state in Set(state.tables.map(\.name)).union(state.changedByRawSQL.keys).sorted() }
    }
}

/// A view or trigger, as SQLite keeps it in `sqlite_master` (and as raw SQL
/// wrote it, offline).
package struct SchemaObject: Decodable, Sendable, Equatable {
    /// `view` or `trigger`.
    package var type: String
    /// Its name.
    package var name: String
    /// The `CREATE VIEW` or `CREATE TRIGGER` statement, as it was written.
    package var sql: String

    package init(type: String, name: String, sql: String) {
        self.type = type
        self.name = name
        self.sql = sql
    }
}

/// Why SQL cannot be rendered without a database.
package enum OfflineError: Error, CustomStringConvertible, Equatable {
    /// `revision` needs the shape of `table`, which raw SQL in `changedBy` made or changed.
    case needsDatabase(revision: String, table: String, changedBy: String)
    /// A statement reached the database stand-in that only renders SQL.
    case noDatabase
    /// `revision` rebuilds `table`, and must put back `object`, whose text
    /// names something `renamedBy` renamed.
    case renamedUnderView(revision: String, table: String, object: String, renamedBy: String)
    /// `downgrade --sql` without `FROM:` in its range.
    case downgradeNeedsStart(String)

    package var description: String {
        switch self {
        case .needsDatabase(let revision, let table, let changedBy):
            "Revision \(revision) cannot be rendered without a database: it changes the table '\(table)', "
                + "whose columns only the database knows, because revision \(changedBy) changes that table "
                + "with op.execute (SQL that runs as written and is not read)."
        case .renamedUnderView(let revision, let table, let object, let renamedBy):
            "Revision \(revision) cannot be rendered without a database: rebuilding the table '\(table)' puts back "
                + "'\(object)', whose SQL names a table or column that revision \(renamedBy) renamed, and only the "
                + "database knows how SQLite rewrote it."
        case .noDatabase:
            "There is no database to run this on: the SQL is only being rendered."
        case .downgradeNeedsStart(let target):
            "downgrade --sql renders SQL without a database, so it cannot read where the database is: "
                + "say where to start, as FROM:TO — head:\(target) to go from head."
        }
    }
}

/// A stand-in for a database that only turns statements into SQL text in
/// `dialect`: SQLKit's builders and serializer need an `SQLDatabase`, and
/// offline there is none. Running anything on it fails with
/// ``OfflineError/noDatabase``; the engine never does.
package struct OfflineDatabase: SQLDatabase {
    /// SQLKit's dialect, for quoting and syntax.
    package let dialect: any SQLDialect
    package let logger = Logger(label: "schema-revisions.offline")

    package init(dialect: any SQLDialect) {
        self.dialect = dialect
    }

    /// A loop to fail futures on (SQLKit's protocol asks for one).
    package var eventLoop: any EventLoop { MultiThreadedEventLoopGroup.singleton.any() }

    package func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        eventLoop.makeFailedFuture(OfflineError.noDatabase)
    }
}
