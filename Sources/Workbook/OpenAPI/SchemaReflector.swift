import Foundation
import OpenAPIKit

/// Builds the JSON Schema of a `Decodable` type by running its `init(from:)`
/// against a decoder that records what it is asked for.
///
/// This is how the OpenAPI document stays in step with the code: the schema
/// of a response or request body comes from the same `Codable` conformance
/// that encodes and decodes it, so renaming a field renames it in `/docs`.
///
/// Written by hand: OpenAPIKit describes only types that conform to its own
/// `OpenAPISchemaType`, and no library available to the kit derives a schema
/// from `Codable` (Vapor has no OpenAPI support of its own).
public enum SchemaReflector {
    /// The schema of `type`: an object with its properties for a struct, the
    /// primitive schema for `String`, `Int`, …, an array schema for arrays.
    ///
    /// A type whose decoding cannot be followed (a custom `init(from:)` that
    /// validates values) is described as a plain JSON value, never a crash.
    public static func schema(for type: any Decodable.Type) -> JSONSchema {
        func open<T: Decodable>(_ type: T.Type) -> JSONSchema {
            (try? reflect(T.self).schema) ?? .fragment
        }
        return open(type)
    }

    /// The schema of a primitive Swift type (`String`, the integer and
    /// floating-point types, `Bool`, `UUID`, `Date`, `URL`), or `nil`.
    public static func primitiveSchema(for type: Any.Type) -> JSONSchema? {
        primitive(type)?.schema
    }

    /// The schema of `T` and a value of `T` to hand back to the caller's `init(from:)`.
    static func reflect<T: Decodable>(_ type: T.Type) throws -> (schema: JSONSchema, value: T) {
        if let (schema, value) = primitive(T.self), let typed = value as? T {
            return (schema, typed)
        }
        if let (schema, value) = enumeration(T.self) {
            return (schema, value)
        }
        let decoder = RecordingDecoder()
        let value = try T(from: decoder)
        return (decoder.recorded.schema, value)
    }

    /// Primitive types with a placeholder value of each.
    private static func primitive(_ type: Any.Type) -> (schema: JSONSchema, value: Any)? {
        switch type {
        case is String.Type: (.string, "")
        case is Bool.Type: (.boolean, false)
        case is Int.Type: (.integer, 0 as Int)
        case is Int8.Type: (.integer, 0 as Int8)
        case is Int16.Type: (.integer, 0 as Int16)
        case is Int32.Type: (.integer(format: .int32), 0 as Int32)
        case is Int64.Type: (.integer(format: .int64), 0 as Int64)
        case is UInt.Type: (.integer(minimum: (0, exclusive: false)), 0 as UInt)
        case is UInt8.Type: (.integer(minimum: (0, exclusive: false)), 0 as UInt8)
        case is UInt16.Type: (.integer(minimum: (0, exclusive: false)), 0 as UInt16)
        case is UInt32.Type: (.integer(minimum: (0, exclusive: false)), 0 as UInt32)
        case is UInt64.Type: (.integer(minimum: (0, exclusive: false)), 0 as UInt64)
        case is Double.Type: (.number(format: .double), 0 as Double)
        case is Float.Type: (.number(format: .float), 0 as Float)
        case is UUID.Type: (.string(format: .other("uuid")), UUID())
        case is Date.Type: (.string(format: .dateTime), Date(timeIntervalSince1970: 0))
        case is URL.Type: (.string(format: .other("uri")), URL(fileURLWithPath: "/"))
        default: nil
        }
    }

    /// `String`- or `Int`-backed enums that are `CaseIterable`: the schema
    /// lists the allowed values.
    private static func enumeration<T: Decodable>(_ type: T.Type) -> (schema: JSONSchema, value: T)? {
        guard let iterable = T.self as? any CaseIterable.Type else { return nil }
        func cases<C: CaseIterable>(_ c: C.Type) -> [Any] { Array(C.allCases) }
        let all = cases(iterable)
        guard let first = all.first as? T else { return nil }
        let raw: [AnyCodable] = all.compactMap { value in
            switch value {
            case let value as any RawRepresentable<String>: AnyCodable(value.rawValue)
            case let value as any RawRepresentable<Int>: AnyCodable(value.rawValue)
            default: nil
            }
        }
        guard raw.count == all.count else { return nil }
        let base: JSONSchema = raw.first?.value is Int ? .integer : .string
        return (base.with(allowedValues: raw), first)
    }
}

/// What one `init(from:)` asked for: the schema built so far.
final class RecordedShape {
    enum Shape {
        case unknown
        case value(JSONSchema)
        case object(OrderedDictionary<String, JSONSchema>)
        case array(JSONSchema)
    }
    var shape: Shape = .unknown

    var schema: JSONSchema {
        switch shape {
        case .unknown: .fragment
        case .value(let schema): schema
        case .object(let properties): .object(properties: properties)
        case .array(let items): .array(items: items)
        }
    }

    func record(property: String, _ schema: JSONSchema) {
        var properties: OrderedDictionary<String, JSONSchema> = [:]
        if case .object(let existing) = shape { properties = existing }
        properties[property] = schema
        shape = .object(properties)
    }
}

/// A `Decoder` that answers every request with a placeholder and records its shape.
final class RecordingDecoder: Decoder {
    let recorded = RecordedShape()
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        if case .unknown = recorded.shape { recorded.shape = .object([:]) }
        return KeyedDecodingContainer(KeyedRecorder<Key>(recorded: recorded))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        UnkeyedRecorder(recorded: recorded)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleValueRecorder(recorded: recorded)
    }
}

private struct KeyedRecorder<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let recorded: RecordedShape
    var codingPath: [any CodingKey] = []
    var allKeys: [Key] { [] }

    func contains(_ key: Key) -> Bool { true }
    func decodeNil(forKey key: Key) throws -> Bool { false }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decode(type, forKey: key, generic: ())
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key, generic: Void) throws -> T {
        let (schema, value) = try SchemaReflector.reflect(T.self)
        recorded.record(property: key.stringValue, schema)
        return value
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try decodeIfPresent(type, forKey: key, generic: ())
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key, generic: Void) throws -> T? {
        let (schema, _) = try SchemaReflector.reflect(T.self)
        recorded.record(property: key.stringValue, schema.optionalSchemaObject())
        return nil
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        let nested = RecordedShape()
        nested.shape = .object([:])
        defer { recorded.record(property: key.stringValue, nested.schema) }
        return KeyedDecodingContainer(KeyedRecorder<NestedKey>(recorded: nested))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        let nested = RecordedShape()
        nested.shape = .array(.fragment)
        recorded.record(property: key.stringValue, nested.schema)
        return UnkeyedRecorder(recorded: nested)
    }

    func superDecoder() throws -> any Decoder { RecordingDecoder() }
    func superDecoder(forKey key: Key) throws -> any Decoder { RecordingDecoder() }
}

/// Arrays: reports one element, records its schema as `items`, then ends.
private struct UnkeyedRecorder: UnkeyedDecodingContainer {
    let recorded: RecordedShape
    var codingPath: [any CodingKey] = []
    var count: Int? { 1 }
    var currentIndex = 0
    var isAtEnd: Bool { currentIndex > 0 }

    init(recorded: RecordedShape) {
        self.recorded = recorded
        if case .unknown = recorded.shape { recorded.shape = .array(.fragment) }
    }

    mutating func decodeNil() throws -> Bool { false }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try decode(type, generic: ())
    }

    mutating func decode<T: Decodable>(_ type: T.Type, generic: Void) throws -> T {
        let (schema, value) = try SchemaReflector.reflect(T.self)
        recorded.shape = .array(schema)
        currentIndex += 1
        return value
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type
    ) throws -> KeyedDecodingContainer<NestedKey> {
        currentIndex += 1
        let nested = RecordedShape()
        nested.shape = .object([:])
        recorded.shape = .array(.object)
        return KeyedDecodingContainer(KeyedRecorder<NestedKey>(recorded: nested))
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        currentIndex += 1
        recorded.shape = .array(.array)
        return UnkeyedRecorder(recorded: RecordedShape())
    }

    mutating func superDecoder() throws -> any Decoder { RecordingDecoder() }
}

private struct SingleValueRecorder: SingleValueDecodingContainer {
    let recorded: RecordedShape
    var codingPath: [any CodingKey] = []

    func decodeNil() -> Bool { false }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try decode(type, generic: ())
    }

    func decode<T: Decodable>(_ type: T.Type, generic: Void) throws -> T {
        let (schema, value) = try SchemaReflector.reflect(T.self)
        recorded.shape = .value(schema)
        return value
    }
}

// The standard library asks containers for each primitive type by name;
// every one of those forwards to the generic recorder above.

extension KeyedRecorder {
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decode(Bool.self as Bool.Type, forKey: key, generic: ()) }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try decodeIfPresent(Bool.self as Bool.Type, forKey: key, generic: ()) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decode(String.self as String.Type, forKey: key, generic: ()) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try decodeIfPresent(String.self as String.Type, forKey: key, generic: ()) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decode(Double.self as Double.Type, forKey: key, generic: ()) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try decodeIfPresent(Double.self as Double.Type, forKey: key, generic: ()) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decode(Float.self as Float.Type, forKey: key, generic: ()) }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try decodeIfPresent(Float.self as Float.Type, forKey: key, generic: ()) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decode(Int.self as Int.Type, forKey: key, generic: ()) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try decodeIfPresent(Int.self as Int.Type, forKey: key, generic: ()) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decode(Int8.self as Int8.Type, forKey: key, generic: ()) }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try decodeIfPresent(Int8.self as Int8.Type, forKey: key, generic: ()) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decode(Int16.self as Int16.Type, forKey: key, generic: ()) }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try decodeIfPresent(Int16.self as Int16.Type, forKey: key, generic: ()) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decode(Int32.self as Int32.Type, forKey: key, generic: ()) }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try decodeIfPresent(Int32.self as Int32.Type, forKey: key, generic: ()) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decode(Int64.self as Int64.Type, forKey: key, generic: ()) }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try decodeIfPresent(Int64.self as Int64.Type, forKey: key, generic: ()) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decode(UInt.self as UInt.Type, forKey: key, generic: ()) }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try decodeIfPresent(UInt.self as UInt.Type, forKey: key, generic: ()) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decode(UInt8.self as UInt8.Type, forKey: key, generic: ()) }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try decodeIfPresent(UInt8.self as UInt8.Type, forKey: key, generic: ()) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decode(UInt16.self as UInt16.Type, forKey: key, generic: ()) }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try decodeIfPresent(UInt16.self as UInt16.Type, forKey: key, generic: ()) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decode(UInt32.self as UInt32.Type, forKey: key, generic: ()) }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try decodeIfPresent(UInt32.self as UInt32.Type, forKey: key, generic: ()) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decode(UInt64.self as UInt64.Type, forKey: key, generic: ()) }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try decodeIfPresent(UInt64.self as UInt64.Type, forKey: key, generic: ()) }
}

extension UnkeyedRecorder {
    mutating func decode(_ type: Bool.Type) throws -> Bool { try decode(Bool.self as Bool.Type, generic: ()) }
    mutating func decode(_ type: String.Type) throws -> String { try decode(String.self as String.Type, generic: ()) }
    mutating func decode(_ type: Double.Type) throws -> Double { try decode(Double.self as Double.Type, generic: ()) }
    mutating func decode(_ type: Float.Type) throws -> Float { try decode(Float.self as Float.Type, generic: ()) }
    mutating func decode(_ type: Int.Type) throws -> Int { try decode(Int.self as Int.Type, generic: ()) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try decode(Int8.self as Int8.Type, generic: ()) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try decode(Int16.self as Int16.Type, generic: ()) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try decode(Int32.self as Int32.Type, generic: ()) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try decode(Int64.self as Int64.Type, generic: ()) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try decode(UInt.self as UInt.Type, generic: ()) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try decode(UInt8.self as UInt8.Type, generic: ()) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try decode(UInt16.self as UInt16.Type, generic: ()) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try decode(UInt32.self as UInt32.Type, generic: ()) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try decode(UInt64.self as UInt64.Type, generic: ()) }
}

extension SingleValueRecorder {
    func decode(_ type: Bool.Type) throws -> Bool { try decode(Bool.self as Bool.Type, generic: ()) }
    func decode(_ type: String.Type) throws -> String { try decode(String.self as String.Type, generic: ()) }
    func decode(_ type: Double.Type) throws -> Double { try decode(Double.self as Double.Type, generic: ()) }
    func decode(_ type: Float.Type) throws -> Float { try decode(Float.self as Float.Type, generic: ()) }
    func decode(_ type: Int.Type) throws -> Int { try decode(Int.self as Int.Type, generic: ()) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decode(Int8.self as Int8.Type, generic: ()) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decode(Int16.self as Int16.Type, generic: ()) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decode(Int32.self as Int32.Type, generic: ()) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decode(Int64.self as Int64.Type, generic: ()) }
    func decode(_ type: UInt.Type) throws -> UInt { try decode(UInt.self as UInt.Type, generic: ()) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decode(UInt8.self as UInt8.Type, generic: ()) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decode(UInt16.self as UInt16.Type, generic: ()) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decode(UInt32.self as UInt32.Type, generic: ()) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decode(UInt64.self as UInt64.Type, generic: ()) }
}
