import Foundation

/// A column's type, independent of the database, as SQLAlchemy's `Integer`,
/// `String`, … are. Each dialect renders it (`VARCHAR` on SQLite, …).
public enum ColumnType: Sendable, Hashable, CustomStringConvertible {
    /// Whole numbers: `Int` and its sized kin. `INTEGER`.
    case integer
    /// Text with an optional length limit: `String`. `VARCHAR` / `VARCHAR(n)`.
    case string(length: Int? = nil)
    /// Unlimited text. `TEXT`.
    case text
    /// Floating point: `Double`, `Float`. `DOUBLE`.
    case double
    /// Exact decimals: `Decimal`. `NUMERIC`.
    case decimal
    /// `Bool`. `BOOLEAN`.
    case boolean
    /// A point in time: `Date`. `DATETIME`.
    case datetime
    /// `UUID`. `UUID`.
    case uuid
    /// Raw bytes: `Data`, `[UInt8]`. `BLOB`.
    case blob
    /// A `Codable` value Fluent stores as JSON. `JSON`.
    case json
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
        case .string(let length?): "string(\(length))"
        case .string(nil): "string"
        case .text: "text"
        case .double: "double"
        case .decimal: "decimal"
        case .boolean: "boolean"
        case .datetime: "datetime"
        case .uuid: "uuid"
        case .blob: "blob"
        case .json: "json"
        case .custom(let sql): sql
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
