import Foundation

/// A column's type, independent of the database, as SQLAlchemy's `Integer`,
/// `String`, … are. Each dialect renders it (`VARCHAR` on SQLite, …).
///
/// Swift's `Int` is ``integer``: a whole number whose width the model leaves
/// to the database. A new column gets one that holds every `Int` (`BIGINT`
/// on PostgreSQL, `INTEGER` on SQLite), and an existing column of any
/// integer width (a `SERIAL` another tool made) satisfies it: no change is
/// proposed. A model that needs a width says so, `.type(\.$id, .int32)`,
/// and then a column of another width is a change.
public enum ColumnType: Sendable, Hashable, CustomStringConvertible {
    /// Whole numbers, width left to the database: `Int` and its sized kin.
    /// `BIGINT` for a new column on PostgreSQL, `INTEGER` on SQLite; any
    /// existing integer column satisfies it.
    case integer
    /// A 16-bit integer, stated: `SMALLINT` (PostgreSQL's `int2`),
    /// SQLAlchemy's `SmallInteger`.
    case int16
    /// A 32-bit integer, stated: `INTEGER` (PostgreSQL's `int4`, what
    /// `SERIAL` makes), SQLAlchemy's `Integer`.
    case int32
    /// A 64-bit integer, stated: `BIGINT` (PostgreSQL's `int8`, what
    /// `BIGSERIAL` makes), SQLAlchemy's `BigInteger`.
    case int64
    /// Text with an optional length limit: `String`. `VARCHAR` / `VARCHAR(n)`.
    case string(length: Int? = nil)
    /// Unlimited text. `TEXT`.
    case text
    /// Floating point: `Double`, `Float`. `DOUBLE`.
    case double
    /// Exact decimals: `Decimal`. `NUMERIC`.
    case decimal
    /// Exact decimals with `precision` digits, `scale` of them after the
    /// point: `NUMERIC(10, 2)`, SQLAlchemy's `Numeric(10, 2)`.
    case numeric(precision: Int, scale: Int)
    /// `Bool`. `BOOLEAN`.
    case boolean
    /// A point in time: `Date`. `DATETIME` on SQLite, `TIMESTAMP WITH TIME
    /// ZONE` on PostgreSQL.
    case datetime
    /// A date and time without a time zone: SQLAlchemy's `DateTime()`,
    /// PostgreSQL's `TIMESTAMP WITHOUT TIME ZONE` (SQLite's `DATETIME`,
    /// which keeps no zone either).
    case naiveDatetime
    /// `UUID`. `UUID`.
    case uuid
    /// Raw bytes: `Data`, `[UInt8]`. `BLOB`.
    case blob
    /// A `Codable` value Fluent stores as JSON. `JSON` on SQLite, `JSONB`
    /// on PostgreSQL.
    case json
    /// JSON kept as the text it was written as: PostgreSQL's `JSON`
    /// (SQLAlchemy's `JSON`), where ``json`` is `JSONB`; `JSON` on SQLite.
    case jsonText
    /// A type spelled out in SQL, used as written.
    case custom(String)

    /// The type a Swift value of `type` is stored as, or `nil` when there is
    /// no obvious one (the caller then says which with `.type(_:_:)`).
    package static func forSwiftType(_ type: Any.Type) -> ColumnType? {
        switch type {
        case is Int.Type, is Int8.Type, is Int16.Type, is Int32.Type, is Int64.Type,
             is UInt.Type, is UInt8.Type, is UInt16.Type, is UInt32.Type, is UInt64.Type:
            return .integer
        case is String.Type, is Substring.Type:
            return .string()
        case is Double.Type, is Float.Type:
            return .double
        case is Decimal.Type:
            return .decimal
        case is Bool.Type:
            return .boolean
        case is Date.Type:
            return .datetime
        case is UUID.Type:
            return .uuid
        case is Data.Type, is [UInt8].Type:
            return .blob
        case let raw as any RawRepresentable.Type:
            return forRawValue(of: raw)
        case is any Codable.Type:
            return .json
        default:
            return nil
        }
    }

    private static func forRawValue<R: RawRepresentable>(of type: R.Type) -> ColumnType? {
        forSwiftType(R.RawValue.self)
    }

    /// The type in a word (`string(40)`), for messages.
    public var description: String {
        switch self {
        case .integer: "integer"
        case .int16: "int16"
        case .int32: "int32"
        case .int64: "int64"
        case .string(let length?): "string(\(length))"
        case .string(nil): "string"
        case .text: "text"
        case .double: "double"
        case .decimal: "decimal"
        case .numeric(let precision, let scale): "numeric(\(precision), \(scale))"
        case .boolean: "boolean"
        case .datetime: "datetime"
        case .naiveDatetime: "naiveDatetime"
        case .uuid: "uuid"
        case .blob: "blob"
        case .json: "json"
        case .jsonText: "jsonText"
        case .custom(let sql): sql
        }
    }

    /// Whether the type is one of the integer cases (``integer``, ``int16``,
    /// ``int32``, ``int64``).
    package var isInteger: Bool {
        switch self {
        case .integer, .int16, .int32, .int64: true
        default: false
        }
    }
}

/// What `Optional<Wrapped>` looks like from outside, to tell `String?` from `String`.
protocol OptionalType {
    /// The type inside the optional.
    static var wrappedType: Any.Type { get }
}

extension Optional: OptionalType {
    static var wrappedType: Any.Type { Wrapped.self }
}

/// `(String, nullable: false)` for `String`, `(String, nullable: true)` for `String?`.
func unwrapOptional(_ type: Any.Type) -> (type: Any.Type, nullable: Bool) {
    if let optional = type as? any OptionalType.Type {
        return (optional.wrappedType, true)
    }
    return (type, false)
}
