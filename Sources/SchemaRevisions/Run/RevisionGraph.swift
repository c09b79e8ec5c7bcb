/// The revisions of a project, linked by their parents: Alembic's script
/// directory.
///
/// A history may branch (two revisions with the same parent: two heads,
/// as when two people each write a revision on the same one) and merge (a
/// revision with several parents, which `merge heads` writes). The
/// database then records one version row per branch it is on: its
/// *current heads*, as Alembic's `alembic_version` does.
package struct RevisionGraph: Sendable {
    /// A revision as the graph holds it.
    package struct Node: Sendable {
        /// Its id.
        package let id: String
        /// Its parents' ids: none for a first revision, several for a merge.
        package let parents: [String]
        /// Its message.
        package let message: String
        /// The revision's type, to run it.
        package let revision: any SchemaRevision.Type

        /// Its only parent; `nil` for a first revision, and for a merge.
        package var parent: String? { parents.count == 1 ? parents[0] : nil }
    }

    /// One step of a plan: a revision to run up or down, and the database's
    /// version rows before and after it (each sorted).
    package struct Step: Sendable {
        /// The revision.
        package let node: Node
        /// `true` to run its `upgrade`, `false` its `downgrade`.
        package let up: Bool
        /// The version rows the step starts from.
        package let before: [String]
        /// The version rows it leaves.
        package let after: [String]

        /// `Running upgrade a1, b2 -> m3, merge`: Alembic's progress line,
        /// naming every parent of a merge.
        package var progressLine: String {
            let parents = node.parents.joined(separator: ", ")
            return up ? "Running upgrade \(parents) -> \(node.id), \(node.message)"
                : "Running downgrade \(node.id) -> \(parents), \(node.message)"
        }
    }

    /// Every revision, each after its parents (base first); a branch's
    /// revisions stay together, the branch with the smaller id first.
    package let ordered: [Node]
    /// The revisions no other revision comes after, in ``ordered``'s order:
    /// one for a linear history, none when there are no revisions.
    package let heads: [String]
    private let byID: [String: Node]
    private let children: [String: [String]]

    /// Links `revisions` into one history. Throws ``RevisionError`` when two
    /// share an id, a parent is missing, or revisions come after each other
    /// in a circle.
    package init(_ revisions: [any SchemaRevision.Type]) throws {
        var byID: [String: Node] = [:]
        for revision in revisions {
            var parents: [String] = []
            for parent in revision.parents where !parents.contains(parent) { parents.append(parent) }
            let node = Node(id: revision.id, parents: parents, message: revision.message, revision: revision)
            guard byID[node.id] == nil else { throw RevisionError.duplicateID(node.id) }
            byID[node.id] = node
        }
        var children: [String: [String]] = [:]
        for node in byID.values.sorted(by: { $0.id < $1.id }) {
            for parent in node.parents {
                guard byID[parent] != nil else { throw RevisionError.missingParent(revision: node.id, parent: parent) }
                children[parent, default: []].append(node.id)
            }
        }
        // Parents first; depth first, so that a branch stays together.
        var waiting = byID.mapValues(\.parents.count)
        var ready = byID.values.filter(\.parents.isEmpty).map(\.id).sorted(by: >)
        var ordered: [Node] = []
        while let id = ready.popLast() {
            ordered.append(byID[id]!)
            for child in (children[id] ?? []).sorted(by: >) {
                waiting[child]! -= 1
                if waiting[child] == 0 { ready.append(child) }
            }
        }
        guard ordered.count == byID.count else {
            let placed = Set(ordered.map(\.id))
            throw RevisionError.cycle(byID.keys.filter { !placed.contains($0) }.sorted())
        }
        self.byID = byID
        self.children = children
        self.ordered = ordered
        self.heads = ordered.filter { children[$0.id] == nil }.map(\.id)
    }

    /// The revision with this id.
    package func node(_ id: String) -> Node? { byID[id] }

    /// Whether several revisions come after `id` (Alembic's branchpoint).
    package func isBranchPoint(_ id: String) -> Bool { (children[id]?.count ?? 0) > 1 }

    /// Whether `id` has several parents (Alembic's mergepoint).
    package func isMergePoint(_ id: String) -> Bool { (byID[id]?.parents.count ?? 0) > 1 }

    /// `ids` and every revision they come after.
    package func ancestors<S: Sequence<String>>(of ids: S) -> Set<String> {
        var seen: Set<String> = []
        var stack = Array(ids)
        while let id = stack.popLast() {
            guard seen.insert(id).inserted else { continue }
            stack += byID[id]?.parents ?? []
        }
        return seen
    }

    /// Every revision that comes after `id`, not `id` itself.
    func descendants(of id: String) -> Set<String> {
        var seen: Set<String> = []
        var stack = children[id] ?? []
        while let next = stack.popLast() {
            guard seen.insert(next).inserted else { continue }
            stack += children[next] ?? []
        }
        return seen
    }

    /// `rows` (version rows read from a database) in ``ordered``'s order;
    /// throws ``RevisionError/unknownRevision(_:)`` for one that is not here.
    func inOrder(_ rows: [String]) throws -> [String] {
        for row in rows where byID[row] == nil { throw RevisionError.unknownRevision(row) }
        let set = Set(rows)
        return ordered.map(\.id).filter(set.contains)
    }

    /// Throws unless `current` (the database's version rows) is this
    /// history's one head: ``RunError/unmergedHeads(_:)`` while the history
    /// has several, else ``RunError/databaseBehind(current:head:)``.
    func requireHead(current: [String]) throws {
        guard heads.count <= 1 else { throw RunError.unmergedHeads(heads) }
        guard Set(current) == Set(heads) else { throw RunError.databaseBehind(current: current, head: heads.first) }
    }

    /// The revision `spec` names: a full id or an unambiguous prefix of one.
    package func resolve(_ spec: String) throws -> Node {
        if let exact = byID[spec] { return exact }
        let matches = ordered.filter { $0.id.hasPrefix(spec) }
        guard !spec.isEmpty, let match = matches.first else { throw RevisionError.unknownRevision(spec) }
        guard matches.count == 1 else { throw RevisionError.ambiguous(spec, matches.map(\.id)) }
        return match
    }

    /// The one head `spec` (`head`, `+N`) aims at; throws
    /// ``RevisionError/multipleHeads(argument:heads:)`` when there are several.
    private func singleHead(for spec: String) throws -> [String] {
        guard heads.count <= 1 else { throw RevisionError.multipleHeads(argument: spec, heads: heads) }
        return heads
    }

    /// The steps of `upgrade spec` from the version rows `current`: `head`
    /// (the one head), `heads` (every branch), `+N`, or a revision (with
    /// every revision it comes after that has not run).
    package func upgradeSteps(_ spec: String, from current: [String]) throws -> [Step] {
        let applied = ancestors(of: current)
        let targets: [String]
        if spec == "heads" {
            targets = heads
        } else if spec == "head" {
            targets = try singleHead(for: spec)
        } else if spec.hasPrefix("+"), let steps = Int(spec.dropFirst()), steps > 0 {
            let reachable = ancestors(of: try singleHead(for: spec))
            let plan = ordered.filter { reachable.contains($0.id) && !applied.contains($0.id) }
            guard steps <= plan.count else { throw RevisionError.beyondHead(steps: steps, available: plan.count) }
            return upSteps(Array(plan.prefix(steps)), from: current)
        } else {
            let node = try resolve(spec)
            if current.contains(node.id) { return [] }
            guard !applied.contains(node.id) else { throw RevisionError.wrongDirection(spec, upgrade: true) }
            targets = [node.id]
        }
        let needed = ancestors(of: targets).subtracting(applied)
        return upSteps(ordered.filter { needed.contains($0.id) }, from: current)
    }

    /// The steps of `downgrade spec` from the version rows `current`: `-N`
    /// (from a merge, `-1` goes back to both its parents), `base`, or a
    /// revision (every revision after it is undone, on every branch).
    package func downgradeSteps(_ spec: String, from current: [String]) throws -> [Step] {
        let applied = ancestors(of: current)
        // Newest first: a revision is undone after every revision that comes after it.
        let undoable = ordered.reversed().filter { applied.contains($0.id) }
        if spec == "base" { return downSteps(undoable, from: current) }
        if spec.hasPrefix("-"), let steps = Int(spec.dropFirst()), steps > 0 {
            guard steps <= undoable.count else { throw RevisionError.belowBase(steps: steps, available: undoable.count) }
            return downSteps(Array(undoable.prefix(steps)), from: current)
        }
        let node = try resolve(spec)
        guard applied.contains(node.id) else { throw RevisionError.wrongDirection(spec, upgrade: false) }
        let after = descendants(of: node.id)
        return downSteps(undoable.filter { after.contains($0.id) }, from: current)
    }

    /// The upgrade steps from base that leave the database at the version
    /// rows `rows`: every revision they come after, parents first.
    package func stepsReaching(_ rows: [String]) -> [Step] {
        let needed = ancestors(of: rows)
        return upSteps(ordered.filter { needed.contains($0.id) }, from: [])
    }

    /// The version rows `stamp spec` records: `base` (none), `head`, `heads`, or a revision.
    package func stampRows(_ spec: String) throws -> [String] {
        switch spec {
        case "base": return []
        case "heads": return heads
        case "head": return try singleHead(for: spec)
        default: return [try resolve(spec).id]
        }
    }

    /// Upgrade steps through `nodes` (parents first): each replaces its
    /// parents among the rows with itself, or adds a row when a branch
    /// beside it has already moved past its parent.
    private func upSteps(_ nodes: [Node], from current: [String]) -> [Step] {
        var rows = Set(current)
        return nodes.map { node in
            let before = rows.sorted()
            rows.subtract(node.parents)
            rows.insert(node.id)
            return Step(node: node, up: true, before: before, after: rows.sorted())
        }
    }

    /// Downgrade steps through `nodes` (newest first): each puts back those
    /// of its parents that no other row already comes after (both parents
    /// of a merge; none when a branch beside it continues from its parent).
    private func downSteps(_ nodes: [Node], from current: [String]) -> [Step] {
        var rows = Set(current)
        return nodes.map { node in
            let before = rows.sorted()
            rows.remove(node.id)
            let covered = ancestors(of: rows)
            let back = node.parents.filter { parent in
                !covered.contains(parent)
                    && !node.parents.contains { $0 != parent && ancestors(of: [$0]).contains(parent) }
            }
            rows.formUnion(back)
            return Step(node: node, up: false, before: before, after: rows.sorted())
        }
    }
}

/// A revision history, or a request about one, that cannot be followed.
package enum RevisionError: Error, CustomStringConvertible, Equatable {
    /// Two revision files have the same id.
    case duplicateID(String)
    /// A revision's parent is not among the revisions.
    case missingParent(revision: String, parent: String)
    /// These revisions come after each other in a circle.
    case cycle([String])
    /// `head` (or `+N`) asked for one head, and the history has several.
    case multipleHeads(argument: String, heads: [String])
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
        case .cycle(let revisions):
            "Revisions \(revisions.joined(separator: ", ")) come after each other in a circle. Fix their parents."
        case .multipleHeads(let argument, let heads):
            "Multiple head revisions are present for given argument '\(argument)' (\(heads.joined(separator: ", "))); "
                + "please specify a specific target revision, or 'heads' for all heads."
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
