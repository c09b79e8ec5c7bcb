/// A change that can lose data, or fail on rows a table already has: what
/// `check` and `revision --autogenerate` list before anything runs (Atlas's
/// `migrate lint`; Alembic has none).
///
/// Which changes can is decided from the metadata alone (this file); how
/// many rows they touch is counted in the live database, by
/// ``destructiveChanges(_:_:)``, before anything runs.
public struct DestructiveChange: Sendable, Hashable, CustomStringConvertible {
    /// What can go wrong.
    public enum Risk: Sendable, Hashable {
        /// The table and every row in it go.
        case dropsTable
        /// The column and every value in it go.
        case dropsColumn
        /// A shorter string: longer values do not fit.
        case shortensString(from: ColumnType, to: ColumnType, length: Int)
        /// A narrower type in the same family (`BIGINT` → `INTEGER`,
        /// `NUMERIC(10, 2)` → `NUMERIC(5, 2)`): values may not fit.
        case narrowsType(from: ColumnType, to: ColumnType)
        /// A type of another family (text → integer, double → integer):
        /// values may not convert, or lose their fractions.
        case changesTypeFamily(from: ColumnType, to: ColumnType)
        /// An existing column made NOT NULL over rows that hold NULL.
        case notNullOverNulls
        /// A new NOT NULL column without a default, on a table with rows.
        case notNullWithoutDefault
        /// A unique constraint or index over values that repeat.
        case uniqueOverDuplicates
    }

    /// The change.
    public let change: SchemaChange
    /// What can go wrong.
    public let risk: Risk
    /// How many rows (or values) it touches in the database it was measured
    /// on: rows dropped, values dropped or not fitting, rows holding NULL,
    /// values repeated. `nil` until measured.
    public internal(set) var count: Int?

    /// The table the change is on.
    public var table: String { change.table }

    /// The columns it is about; empty for a whole table.
    public var columns: [String] {
        switch change {
        case .createTable, .dropTable: []
        case .addColumn(_, let column), .dropColumn(_, let column): [column.name]
        case .alterColumn(_, _, let to): [to.name]
        case .createIndex(_, let index), .dropIndex(_, let index): index.columns
        case .addUniqueConstraint(_, let unique), .dropUniqueConstraint(_, let unique): unique.columns
        case .addForeignKey(_, let key), .dropForeignKey(_, let key): key.columns
        case .renameTable: []
        case .renameColumn(_, _, let to): [to]
        }
    }

    /// `table.column` (or `table(a, b)`, or the table alone).
    public var place: String {
        switch columns.count {
        case 0: table
        case 1: "\(table).\(columns[0])"
        default: "\(table)(\(columns.joined(separator: ", ")))"
        }
    }

    /// What may be lost or fail, with the count when measured:
    /// `users.email: made NOT NULL, but 2 rows hold NULL there; the upgrade fails`.
    public var description: String {
        /// `1 row` or `3 rows`; `unmeasured` when not counted.
        func counted(_ one: String, _ many: String, unmeasured: String) -> String {
            guard let count else { return unmeasured }
            return count == 1 ? "1 \(one)" : "\(count) \(many)"
        }
        let what: String
        switch risk {
        case .dropsTable:
            what = "the table is dropped with \(counted("row", "rows", unmeasured: "every row")) in it"
        case .dropsColumn:
            what = "the column is dropped with \(counted("value", "values", unmeasured: "every value")) in it"
        case .shortensString(let from, let to, let length):
            what = count == 0
                ? "type \(from) → \(to): no value here is longer than \(length) characters, but a longer one would not fit"
                : "type \(from) → \(to): \(counted("value is", "values are", unmeasured: "values")) longer than \(length) characters, "
                    + "too long for it"
        case .narrowsType(let from, let to):
            what = "type \(from) → \(to) is narrower: \(counted("value", "values", unmeasured: "every value")) must fit it"
        case .changesTypeFamily(let from, let to):
            what = "type \(from) → \(to) is another kind of type: \(counted("value", "values", unmeasured: "every value")) "
                + "must convert to it"
        case .notNullOverNulls:
            what = "made NOT NULL, but \(counted("row holds", "rows hold", unmeasured: "rows hold")) NULL there; the upgrade fails"
        case .notNullWithoutDefault:
            what = "added NOT NULL without a default, but the table has \(counted("row", "rows", unmeasured: "rows")); the upgrade fails"
        case .uniqueOverDuplicates:
            what = "made unique, but \(counted("value repeats", "values repeat", unmeasured: "values repeat")); the upgrade fails"
        }
        return "\(place): \(what)"
    }

    /// A candidate, not yet measured.
    package init(change: SchemaChange, risk: Risk, count: Int? = nil) {
        self.change = change
        self.risk = risk
        self.count = count
    }

    /// What to count in the live database, for ``count``.
    package enum Measure: Sendable, Hashable {
        /// Every row of the table.
        case rows(table: String)
        /// The column's non-NULL values.
        case values(table: String, column: String)
        /// The column's values longer than `length` characters.
        case longerThan(table: String, column: String, length: Int)
        /// The rows holding NULL in the column.
        case nulls(table: String, column: String)
        /// The values of the columns that occur more than once (NULLs apart).
        case duplicates(table: String, columns: [String])
    }

    /// What to count for this change.
    package var measure: Measure {
        switch risk {
        case .dropsTable, .notNullWithoutDefault: .rows(table: table)
        case .dropsColumn, .narrowsType, .changesTypeFamily: .values(table: table, column: columns[0])
        case .shortensString(_, _, let length): .longerThan(table: table, column: columns[0], length: length)
        case .notNullOverNulls: .nulls(table: table, column: columns[0])
        case .uniqueOverDuplicates: .duplicates(table: table, columns: columns)
        }
    }

    /// Whether the change is listed once measured: drops and narrowing
    /// always (the database measured may not be the one that matters, such
    /// as production); NOT NULL and unique only when rows would fail them.
    package var isListed: Bool {
        switch risk {
        case .dropsTable, .dropsColumn, .shortensString, .narrowsType, .changesTypeFamily: true
        case .notNullOverNulls, .notNullWithoutDefault, .uniqueOverDuplicates: (count ?? 1) > 0
        }
    }
}

/// Which changes can lose data or fail on existing rows: the metadata part
/// of the destructive-change lint. Types are compared as `spelling` writes
/// them (`BIGINT` and `INTEGER` are one type on SQLite, two on PostgreSQL).
package struct DestructiveChangeLint: Sendable {
    /// The database's spelling of types.
    package var spelling: any ColumnSpelling

    /// A lint that reads types as `spelling` writes them.
    package init(spelling: any ColumnSpelling) {
        self.spelling = spelling
    }

    /// The changes among `changes` that can lose data or fail on rows,
    /// unmeasured, in the order of `changes`.
    package func candidates(in changes: [SchemaChange]) -> [DestructiveChange] {
        var newTables: Set<String> = []
        var newColumns: Set<String> = []
        for change in changes {
            switch change {
            case .createTable(let table): newTables.insert(table.name)
            case .addColumn(let table, let column): newColumns.insert("\(table).\(column.name)")
            default: break
            }
        }
        return changes.flatMap { change -> [DestructiveChange] in
            switch change {
            case .dropTable:
                return [DestructiveChange(change: change, risk: .dropsTable)]
            case .dropColumn:
                return [DestructiveChange(change: change, risk: .dropsColumn)]
            case .addColumn(_, let column) where !column.nullable && column.defaultValue == nil:
                return [DestructiveChange(change: change, risk: .notNullWithoutDefault)]
            case .alterColumn(_, let from, let to):
                var found: [DestructiveChange] = []
                if let risk = typeRisk(from: from.type, to: to.type) { found.append(DestructiveChange(change: change, risk: risk)) }
                if from.nullable, !to.nullable { found.append(DestructiveChange(change: change, risk: .notNullOverNulls)) }
                return found
            case .createIndex(let table, let index) where index.unique:
                // A new table is empty; a new column's values are not there to count.
                guard !newTables.contains(table), !index.columns.contains(where: { newColumns.contains("\(table).\($0)") }) else { return [] }
                return [DestructiveChange(change: change, risk: .uniqueOverDuplicates)]
            case .addUniqueConstraint(let table, let unique):
                guard !newTables.contains(table), !unique.columns.contains(where: { newColumns.contains("\(table).\($0)") }) else { return [] }
                return [DestructiveChange(change: change, risk: .uniqueOverDuplicates)]
            default:
                return []
            }
        }
    }

    /// What changing a column's type from `from` to `to` risks, or `nil`
    /// when every value fits (a longer string, any type to unbounded text,
    /// an integer to a wider integer, a decimal or a double).
    package func typeRisk(from: ColumnType, to: ColumnType) -> DestructiveChange.Risk? {
        let old = TypeFamily(spelling.canonicalType(from))
        let new = TypeFamily(spelling.canonicalType(to))
        guard old != new else { return nil }
        switch (old, new) {
        case (_, .text(nil)):
            return nil
        case (.text(let oldLength), .text(let newLength?)):
            return oldLength.map { $0 <= newLength } == true ? nil : .shortensString(from: from, to: to, length: newLength)
        case (.integer(let oldBytes), .integer(let newBytes)):
            return newBytes < oldBytes ? .narrowsType(from: from, to: to) : nil
        case (.real(let oldBytes), .real(let newBytes)):
            return newBytes < oldBytes ? .narrowsType(from: from, to: to) : nil
        case (.decimal(let oldDigits, let oldScale), .decimal(let newDigits, let newScale)):
            let fewerDigits = newDigits.map { new in oldDigits.map { new < $0 } ?? true } ?? false
            let fewerDecimals = (newScale ?? 0) < (oldScale ?? 0)
            return fewerDigits || fewerDecimals ? .narrowsType(from: from, to: to) : nil
        case (.integer, .real), (.integer, .decimal), (.real, .decimal), (.decimal, .real), (.boolean, .integer):
            return nil
        default:
            return .changesTypeFamily(from: from, to: to)
        }
    }
}

/// A column type's family and size, read from its canonical spelling.
enum TypeFamily: Equatable {
    /// `VARCHAR(n)`, `CHARACTER VARYING(n)`, `TEXT` (`nil`: unbounded).
    case text(Int?)
    /// `SMALLINT`, `INTEGER`, `BIGINT`: bytes.
    case integer(Int)
    /// `REAL`, `DOUBLE PRECISION`: bytes.
    case real(Int)
    /// `NUMERIC(precision, scale)`.
    case decimal(Int?, Int?)
    /// `BOOLEAN`.
    case boolean
    /// Any other type, by its spelling.
    case other(String)

    init(_ canonical: String) {
        let upper = canonical.uppercased()
        let open = upper.firstIndex(of: "(")
        let name = String(upper[..<(open ?? upper.endIndex)]).trimmingCharacters(in: .whitespaces)
        let arguments: [Int] = open.map { open in
            upper[upper.index(after: open)...].prefix { $0 != ")" }.split(separator: ",")
                .compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        } ?? []
        switch name {
        case "VARCHAR", "CHARACTER VARYING", "NVARCHAR", "CHAR", "CHARACTER", "BPCHAR":
            self = .text(arguments.first)
        case "TEXT", "CLOB":
            self = .text(nil)
        case "SMALLINT", "INT2": self = .integer(2)
        case "INTEGER", "INT", "INT4": self = .integer(4)
        case "BIGINT", "INT8": self = .integer(8)
        case "REAL", "FLOAT4": self = .real(4)
        case "DOUBLE", "DOUBLE PRECISION", "FLOAT", "FLOAT8": self = .real(8)
        case "NUMERIC", "DECIMAL": self = .decimal(arguments.first, arguments.count > 1 ? arguments[1] : nil)
        case "BOOLEAN", "BOOL": self = .boolean
        default: self = .other(upper)
        }
    }
}
