import SQLKit

// The live facts the destructive-change lint needs, in plain SQL both
// databases understand; a dialect may replace any of them.

extension Dialect {
    /// How many rows `table` has.
    package func rowCount(of table: String, in database: any SQLDatabase) async throws -> Int {
        try await count("SELECT count(*) AS count FROM \(ident: table)", database)
    }

    /// How many rows of `table` hold a value (not NULL) in `column`.
    package func valueCount(of column: String, in table: String, _ database: any SQLDatabase) async throws -> Int {
        try await count("SELECT count(\(ident: column)) AS count FROM \(ident: table)", database)
    }

    /// How many rows of `table` hold NULL in `column`.
    package func nullCount(of column: String, in table: String, _ database: any SQLDatabase) async throws -> Int {
        try await count("SELECT count(*) AS count FROM \(ident: table) WHERE \(ident: column) IS NULL", database)
    }

    /// How many values of `column` are longer than `length` characters.
    package func longerCount(of column: String, in table: String, than length: Int, _ database: any SQLDatabase) async throws -> Int {
        try await count(
            "SELECT count(*) AS count FROM \(ident: table) WHERE length(\(ident: column)) > \(unsafeRaw: String(length))", database
        )
    }

    /// How many distinct values of `columns` occur in more than one row
    /// (rows with a NULL in them apart: a unique constraint allows those).
    package func duplicateCount(of columns: [String], in table: String, _ database: any SQLDatabase) async throws -> Int {
        let list = SQLList(columns.map(SQLIdentifier.init(_:)))
        let notNull = SQLList(columns.map { SQLQueryString("\(ident: $0) IS NOT NULL") as any SQLExpression }, separator: SQLRaw(" AND "))
        return try await count(
            "SELECT count(*) AS count FROM (SELECT 1 AS one FROM \(ident: table) WHERE \(notNull) GROUP BY \(list) HAVING count(*) > 1) AS repeated",
            database
        )
    }

    /// The one number `query` answers, as `count`.
    private func count(_ query: SQLQueryString, _ database: any SQLDatabase) async throws -> Int {
        try await database.raw(query).first(decoding: CountRow.self)?.count ?? 0
    }
}

/// A row holding one number, `count`.
private struct CountRow: Decodable {
    var count: Int
}
