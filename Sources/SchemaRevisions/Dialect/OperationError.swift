/// A schema change that cannot be made, and why.
package enum OperationError: Error, CustomStringConvertible, Equatable {
    /// Making a column NOT NULL (or adding one without a default) over rows that hold NULL there.
    case nullsInNotNullColumn(table: String, column: String, rows: Int)
    /// The table does not exist.
    case noSuchTable(String)
    /// The column does not exist.
    case noSuchColumn(table: String, column: String)
    /// No constraint of that name on the table.
    case noSuchConstraint(table: String, name: String)

    package var description: String {
        switch self {
        case .nullsInNotNullColumn(let table, let column, let rows):
            "Cannot make \(table).\(column) NOT NULL: \(rows) row\(rows == 1 ? "" : "s") of '\(table)' hold\(rows == 1 ? "s" : "") NULL there. "
                + "Fill \(rows == 1 ? "it" : "them") first — in the revision, before this step: "
                + "try await op.execute(\"UPDATE \(table) SET \(column) = ... WHERE \(column) IS NULL\") — or give the column a default."
        case .noSuchTable(let table):
            "There is no table '\(table)'."
        case .noSuchColumn(let table, let column):
            "The table '\(table)' has no column '\(column)'."
        case .noSuchConstraint(let table, let name):
            "The table '\(table)' has no constraint named '\(name)'."
        }
    }
}
