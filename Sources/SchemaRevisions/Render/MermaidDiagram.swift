/// Pictures of a schema and of a revision history, as Mermaid text: what
/// the `diagram` and `history --diagram` commands print.
///
/// Mermaid (https://mermaid.js.org) is a text format for diagrams that
/// GitHub, GitLab and many editors draw wherever a ```` ```mermaid ```` block
/// appears. The output depends only on what it is given, in the order given,
/// so the same models and revisions always print the same text.
///
/// ```swift
/// print(MermaidDiagram.entityRelationship(try SchemaMetadata(models: User.self)))
/// print(MermaidDiagram.history(try RevisionGraph(revisions), current: "b0fc2b4c59c4"))
/// ```
package enum MermaidDiagram {
    // MARK: The schema

    /// The tables of `schema` as an `erDiagram`, one entity per table in the
    /// schema's order, then one relationship per foreign key.
    ///
    /// Each column is a line `type name KEYS "comment"`:
    ///
    /// - the type is ``ColumnType``'s name, spelled as Mermaid accepts an
    ///   attribute type (a letter, then letters, digits, `_` or `-`; no
    ///   spaces, no parentheses): `string(255)` is written `string_255`, a
    ///   custom `NUMERIC(10, 2)` is written `NUMERIC_10_2`;
    /// - the keys are Mermaid's `PK` (in the primary key), `FK` (in a
    ///   foreign key) and `UK` (in a unique index or unique constraint);
    /// - the comment says `NOT NULL` or `NULL`, then the column's default and
    ///   the indexes, unique constraints and foreign keys it belongs to, by name.
    ///
    /// A foreign key is drawn from the referenced table to the referring one:
    /// `||` (exactly one) on the referenced side when the referring columns
    /// are NOT NULL, `|o` (zero or one) when one may be NULL; `o{` (zero or
    /// more) on the referring side, or `o|` when those columns are unique.
    /// The line is solid when the foreign key is part of the referring
    /// table's primary key (an identifying relationship), dashed otherwise.
    /// Its label is the referring columns.
    package static func entityRelationship(_ schema: SchemaMetadata) -> String {
        var lines = ["erDiagram"]
        for table in schema.tables {
            lines.append("    \(entityName(table.name)) {")
            for column in table.columns {
                lines.append("        " + attribute(column, of: table))
            }
            lines.append("    }")
        }
        for table in schema.tables {
            for foreignKey in table.foreignKeys {
                lines.append("    " + relationship(foreignKey, of: table))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// One attribute line: `string email UK "NULL, unique index ix_users_email"`.
    static func attribute(_ column: ColumnMetadata, of table: TableMetadata) -> String {
        var keys: [String] = []
        if table.primaryKey.contains(column.name) { keys.append("PK") }
        if table.foreignKeys.contains(where: { $0.columns.contains(column.name) }) { keys.append("FK") }
        let inUnique = table.indexes.contains { $0.unique && $0.columns.contains(column.name) }
            || table.uniqueConstraints.contains { $0.columns.contains(column.name) }
        if inUnique { keys.append("UK") }

        var notes = [column.nullable ? "NULL" : "NOT NULL"]
        if let value = column.defaultValue { notes.append("DEFAULT \(value)") }
        for index in table.indexes where index.columns.contains(column.name) {
            notes.append("\(index.unique ? "unique index" : "index") \(index.name)")
        }
        for constraint in table.uniqueConstraints where constraint.columns.contains(column.name) {
            notes.append("unique \(constraint.name)")
        }
        for foreignKey in table.foreignKeys {
            guard let position = foreignKey.columns.firstIndex(of: column.name) else { continue }
            let referenced = position < foreignKey.referencedColumns.count ? foreignKey.referencedColumns[position] : "?"
            var note = "references \(foreignKey.referencedTable).\(referenced)"
            if foreignKey.onDelete != .noAction { note += " ON DELETE \(foreignKey.onDelete.rawValue)" }
            if foreignKey.onUpdate != .noAction { note += " ON UPDATE \(foreignKey.onUpdate.rawValue)" }
            notes.append(note)
        }

        var line = "\(attributeType(column.type)) \(word(column.name, fallbackPrefix: "c"))"
        if !keys.isEmpty { line += " " + keys.joined(separator: ", ") }
        return line + " " + quoted(notes.joined(separator: ", "))
    }

    /// One relationship line: `users ||--o{ posts : "author_id"`.
    static func relationship(_ foreignKey: ForeignKeyMetadata, of table: TableMetadata) -> String {
        let optional = foreignKey.columns.contains { table.column(named: $0)?.nullable ?? true }
        let columns = Set(foreignKey.columns)
        let unique = Set(table.primaryKey) == columns
            || table.indexes.contains { $0.unique && Set($0.columns) == columns }
            || table.uniqueConstraints.contains { Set($0.columns) == columns }
        let identifying = !table.primaryKey.isEmpty && columns.isSubset(of: table.primaryKey)
        let parentSide = optional ? "|o" : "||"
        let line = identifying ? "--" : ".."
        let childSide = unique ? "o|" : "o{"
        return "\(entityName(foreignKey.referencedTable)) \(parentSide)\(line)\(childSide) \(entityName(table.name)) : "
            + quoted(foreignKey.columns.joined(separator: ", "))
    }

    /// A column type as Mermaid accepts it: ``ColumnType``'s name, each run
    /// of other characters than letters, digits, `_` and `-` written as one
    /// `_`, none at the end: `string(255)` → `string_255`.
    static func attributeType(_ type: ColumnType) -> String {
        word(type.description, fallbackPrefix: "t")
    }

    /// `text` as one Mermaid word: a letter first, then letters, digits, `_`, `-`.
    private static func word(_ text: String, fallbackPrefix: String) -> String {
        var result = ""
        var pendingSeparator = false
        for character in text {
            if character.isASCII && (character.isLetter || character.isNumber || character == "_" || character == "-") {
                if pendingSeparator && !result.isEmpty { result.append("_") }
                pendingSeparator = false
                result.append(character)
            } else {
                pendingSeparator = true
            }
        }
        guard let first = result.first, first.isLetter else { return fallbackPrefix + "_" + result }
        return result
    }

    /// A table's name as an entity: as it is when it is one word, else in double quotes.
    private static func entityName(_ name: String) -> String {
        let plain = name.first.map { $0.isASCII && ($0.isLetter || $0 == "_") } == true
            && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }
        return plain ? name : quoted(name)
    }

    /// `text` in double quotes; Mermaid's quoted strings cannot hold one, so
    /// a `"` inside becomes `'`.
    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "'") + "\""
    }

    // MARK: The history

    /// The style of the node the database is at.
    static let currentStyle = "fill:#fde68a,stroke:#b45309,stroke-width:3px,color:#000"

    /// `graph` as a left-to-right `flowchart`: `base`, then each revision
    /// from the first to the heads, each an arrow from each of its parents
    /// (a branch point has several arrows out, a merge several in).
    ///
    /// Nodes are named by position (`base`, `r1`, `r2`, …, in
    /// ``RevisionGraph/ordered``'s order), so the text of the arrows does
    /// not change when a revision's id does. A revision's box shows its id
    /// and its message; a head's says `head`, and, as in `history`, a branch
    /// point's `branchpoint` and a merge's `mergepoint`. The nodes the
    /// database is at — `current`, its version rows, or base when there are
    /// none — say `current` and have the class `current`, which is drawn filled.
    ///
    /// `current` must be among the graph's revisions.
    package static func history(_ graph: RevisionGraph, current: [String]) -> String {
        var lines = ["flowchart LR"]
        var names: [String: String] = [:]
        for (index, node) in graph.ordered.enumerated() { names[node.id] = "r\(index + 1)" }
        let found = graph.ordered.filter { current.contains($0.id) }.compactMap { names[$0.id] }
        let currentNodes = found.isEmpty ? ["base"] : found
        lines.append("    base([\"" + label(["base"], tags: currentNodes.contains("base") ? ["current"] : []) + "\"])")
        for node in graph.ordered {
            var tags: [String] = []
            if graph.heads.contains(node.id) { tags.append("head") }
            if currentNodes.contains(names[node.id]!) { tags.append("current") }
            if graph.isBranchPoint(node.id) { tags.append("branchpoint") }
            if graph.isMergePoint(node.id) { tags.append("mergepoint") }
            lines.append("    \(names[node.id]!)[\"" + label([node.id, node.message], tags: tags) + "\"]")
        }
        for node in graph.ordered {
            for parent in node.parents.isEmpty ? ["base"] : node.parents.compactMap({ names[$0] }) {
                lines.append("    \(parent) --> \(names[node.id]!)")
            }
        }
        lines.append("    classDef current \(currentStyle)")
        lines.append("    class \(currentNodes.joined(separator: ",")) current")
        return lines.joined(separator: "\n")
    }

    /// ``history(_:current:)`` for a database at one revision (`nil`: base).
    package static func history(_ graph: RevisionGraph, current: String?) -> String {
        history(graph, current: current.map { [$0] } ?? [])
    }

    /// A node's text: `parts` one per line, then `(tags)`, escaped for a
    /// quoted Mermaid label.
    private static func label(_ parts: [String], tags: [String]) -> String {
        var parts = parts.map(escapeLabel)
        if !tags.isEmpty { parts.append("(" + tags.joined(separator: ", ") + ")") }
        return parts.joined(separator: "<br/>")
    }

    /// Text in a quoted label, with what Mermaid would read otherwise
    /// written as its entity codes (`#quot;` for `"`, …).
    static func escapeLabel(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "#": result += "#35;"
            case "\"": result += "#quot;"
            case "<": result += "#lt;"
            case ">": result += "#gt;"
            case "&": result += "#amp;"
            case "\n", "\r": result += " "
            default: result.append(character)
            }
        }
        return result
    }
}
