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
