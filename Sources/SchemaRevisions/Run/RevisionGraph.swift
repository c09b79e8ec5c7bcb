/// The revisions of a project, linked by their parents: Alembic's script
/// directory. Histories are linear (one head); branches are refused with a
/// message, as merging them is not supported yet.
package struct RevisionGraph: Sendable {
    /// A revision as the graph holds it.
    package struct Node: Sendable {
        /// Its id.
        package let id: String
        /// Its parent's id, `nil` for the first revision.
        package let parent: String?
        /// Its message.
        package let message: String
        /// The revision's type, to run it.
        package let revision: any SchemaRevision.Type
    }

    /// The revisions from the first (base) to the head.
    package let ordered: [Node]

    /// Links `revisions` into one history. Throws ``RevisionError`` when two
    /// share an id, a parent is missing, or the history branches.
    package init(_ revisions: [any SchemaRevision.Type]) throws {
        var byID: [String: Node] = [:]
        for revision in revisions {
            let node = Node(id: revision.id, parent: revision.parent, message: revision.message, revision: revision)
            guard byID[node.id] == nil else { throw RevisionError.duplicateID(node.id) }
            byID[node.id] = node
        }
        var children: [String?: [Node]] = [:]
        for node in byID.values {
            if let parent = node.parent, byID[parent] == nil {
                throw RevisionError.missingParent(revision: node.id, parent: parent)
            }
            children[node.parent, default: []].append(node)
        }
        var ordered: [Node] = []
        var parent: String? = nil
        while let next = children[parent] {
            guard next.count == 1 else {
                throw RevisionError.branched(at: parent, revisions: next.map(\.id).sorted())
            }
            ordered.append(next[0])
            parent = next[0].id
        }
        guard ordered.count == byID.count else {
            throw RevisionError.branched(at: nil, revisions: byID.keys.filter { id in !ordered.contains { $0.id == id } }.sorted())
        }
        self.ordered = ordered
    }

    /// The last revision's id; `nil` when there are none.
    package var head: String? { ordered.last?.id }

    /// Throws ``RunError/databaseBehind(current:head:)`` unless `current`
    /// is this history's head.
    func requireHead(current: String?) throws {
        guard current == head else { throw RunError.databaseBehind(current: current, head: head) }
    }

    /// The position of `id` in the history (0 for the first revision), or
    /// `-1` for base (`nil`).
    func position(of id: String?) throws -> Int {
        guard let id else { return -1 }
        guard let index = ordered.firstIndex(where: { $0.id == id }) else {
            throw RevisionError.unknownRevision(id)
        }
        return index
    }

    /// The revision `spec` names: a full id or an unambiguous prefix of one.
    func resolve(_ spec: String) throws -> Node {
        if let exact = ordered.first(where: { $0.id == spec }) { return exact }
        let matches = ordered.filter { $0.id.hasPrefix(spec) }
        guard !spec.isEmpty, let match = matches.first else { throw RevisionError.unknownRevision(spec) }
        guard matches.count == 1 else { throw RevisionError.ambiguous(spec, matches.map(\.id)) }
        return match
    }

    /// The position `spec` reaches from `current` going up: `head`, `+N`, or a revision.
    func upgradeTarget(_ spec: String, from current: Int) throws -> Int {
        if spec == "head" || spec == "heads" { return ordered.count - 1 }
        if spec.hasPrefix("+"), let steps = Int(spec.dropFirst()), steps > 0 {
            guard current + steps < ordered.count else {
                throw RevisionError.beyondHead(steps: steps, available: ordered.count - 1 - current)
            }
            return current + steps
        }
        let target = try position(of: resolve(spec).id)
        guard target >= current else { throw RevisionError.wrongDirection(spec, upgrade: true) }
        return target
    }

    /// The position `spec` reaches from `current` going down: `-N`, `base`, or a revision.
    func downgradeTarget(_ spec: String, from current: Int) throws -> Int {
        if spec == "base" { return -1 }
        if spec.hasPrefix("-"), let steps = Int(spec.dropFirst()), steps > 0 {
            guard current - steps >= -1 else {
                throw RevisionError.belowBase(steps: steps, available: current + 1)
            }
            return current - steps
        }
        let target = try position(of: resolve(spec).id)
        guard target <= current else { throw RevisionError.wrongDirection(spec, upgrade: false) }
        return target
    }
}

/// A revision history, or a request about one, that cannot be followed.
package enum RevisionError: Error, CustomStringConvertible, Equatable {
    /// Two revision files have the same id.
    case duplicateID(String)
    /// A revision's parent is not among the revisions.
    case missingParent(revision: String, parent: String)
    /// Two revisions have the same parent.
    case branched(at: String?, revisions: [String])
    /// No revision has this id (or prefix).
    case unknownRevision(String)
    /// The prefix matches several revisions.
    case ambiguous(String, [String])
    /// `upgrade +N` past the head.
    case beyondHead(steps: Int, available: Int)
    /// `downgrade -N` below base.
    case belowBase(steps: Int, available: Int)
    /// `upgrade` to an older revision, or `downgrade` to a newer one.
    case wrongDirection(String, upgrade: Bool)

    package var description: String {
        switch self {
        case .duplicateID(let id):
            "Two revisions have the id '\(id)'. Give one of them a new id (its `static let id` and its file name)."
        case .missingParent(let revision, let parent):
            "Revision '\(revision)' comes after '\(parent)', which does not exist. Fix its `static let parent`."
        case .branched(let at, let revisions):
            "The history branches\(at.map { " after '\($0)'" } ?? " at base"): \(revisions.joined(separator: ", ")) have the same parent. "
                + "Merging branches is not supported; make one revision the parent of the other."
        case .unknownRevision(let spec):
            "Can't locate revision identified by '\(spec)'."
        case .ambiguous(let spec, let ids):
            "'\(spec)' matches several revisions (\(ids.joined(separator: ", "))); give more of the id."
        case .beyondHead(let steps, let available):
            "Cannot upgrade \(steps) step\(steps == 1 ? "" : "s"): the database is \(available) revision\(available == 1 ? "" : "s") below head."
        case .belowBase(let steps, 0):
            "Cannot downgrade \(steps) step\(steps == 1 ? "" : "s"): the database is already at base."
        case .belowBase(let steps, let available):
            "Cannot downgrade \(steps) step\(steps == 1 ? "" : "s"): the database is only \(available) revision\(available == 1 ? "" : "s") above base."
        case .wrongDirection(let spec, let upgrade):
            upgrade
                ? "'\(spec)' is older than the database's revision."
                : "'\(spec)' is newer than the database's revision."
        }
    }
}
