/// How a database spells column types and defaults, reduced to one
/// canonical text per meaning: what decides whether a live column and a
/// declared one are the same. Each dialect provides one (Alembic's
/// `DefaultImpl.compare_type` and `compare_server_default`); the diff sees
/// only this.
package protocol ColumnSpelling: Sendable {
    /// `type` as the database spells it, synonyms resolved (`INT4` and
    /// `INTEGER` give the same text).
    func canonicalType(_ type: ColumnType) -> String
    /// `value` as the database spells it after `DEFAULT`, normalised.
    func canonicalDefault(_ value: ColumnDefault) -> String
}

extension ColumnSpelling {
    /// Whether a live column of type `live` satisfies a model's `declared`
    /// type: the same type once synonyms are resolved, or, for Swift's `Int`
    /// (``ColumnType/integer``, width not stated), an integer column of any
    /// width: reading it into an `Int` loses nothing, and widening it would
    /// rewrite the table for a change the model did not ask for. A stated
    /// width (``ColumnType/int32``, …) must match.
    package func sameType(live: ColumnType, declared: ColumnType) -> Bool {
        let spelled = canonicalType(live)
        if spelled == canonicalType(declared) { return true }
        guard declared == .integer else { return false }
        return [ColumnType.integer, .int16, .int32, .int64].contains { canonicalType($0) == spelled }
    }
}
