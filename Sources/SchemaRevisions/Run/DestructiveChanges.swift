import SQLKit

/// The changes among `changes` that can lose data or fail on rows
/// `database` already has, each with the rows it touches there, counted
/// before anything runs: Atlas's `migrate lint`, which Alembic lacks.
///
/// ```swift
/// let changes = try await compareMetadata(database, metadata)
/// for risk in try await destructiveChanges(database, changes) { print(risk) }
/// // users.email: made NOT NULL, but 2 rows hold NULL there; the upgrade fails
/// ```
///
/// Listed: dropped tables and columns, and narrowed types
/// (`VARCHAR(100)` → `VARCHAR(50)`, `TEXT` → `VARCHAR(n)`, `BIGINT` →
/// `INTEGER`, text → integer), always, with how many rows or values they
/// touch here; a column made NOT NULL while rows hold NULL there, a NOT NULL
/// column added without a default to a table with rows, and a unique
/// constraint or index over values that repeat, only when this database has
/// such rows. `changes` are changes from this database's schema, as
/// ``compareMetadata(_:_:filter:)`` returns them (the same tables filtered out). `revision --autogenerate` and
/// `check` print the list.
public func destructiveChanges(_ database: any SQLDatabase, _ changes: [SchemaChange]) async throws -> [DestructiveChange] {
    try await DatabaseErrorText.translating { try await measuredChanges(database, changes) }
}

/// ``destructiveChanges(_:_:)``, its driver errors as they are.
private func measuredChanges(_ database: any SQLDatabase, _ changes: [SchemaChange]) async throws -> [DestructiveChange] {
    let dialect = try Dialects.dialect(for: database)
    // A change after a rename in the same revision names the new table or
    // column; the database still has the old one.
    var oldTables: [String: String] = [:]
    var oldColumns: [String: String] = [:]
    for change in changes {
        switch change {
        case .renameTable(let from, let to): oldTables[to] = from
        case .renameColumn(let table, let from, let to): oldColumns["\(table).\(to)"] = from
        default: break
        }
    }
    func live(_ table: String) -> String { oldTables[table] ?? table }
    func live(_ column: String, of table: String) -> String { oldColumns["\(table).\(column)"] ?? column }

    var measured: [DestructiveChange] = []
    for var candidate in DestructiveChangeLint(spelling: dialect).candidates(in: changes) {
        switch candidate.measure {
        case .rows(let table):
            candidate.count = try await dialect.rowCount(of: live(table), in: database)
        case .values(let table, let column):
            candidate.count = try await dialect.valueCount(of: live(column, of: table), in: live(table), database)
        case .longerThan(let table, let column, let length):
            candidate.count = try await dialect.longerCount(of: live(column, of: table), in: live(table), than: length, database)
        case .nulls(let table, let column):
            candidate.count = try await dialect.nullCount(of: live(column, of: table), in: live(table), database)
        case .duplicates(let table, let columns):
            candidate.count = try await dialect.duplicateCount(of: columns.map { live($0, of: table) }, in: live(table), database)
        }
        if candidate.isListed { measured.append(candidate) }
    }
    return measured
}
