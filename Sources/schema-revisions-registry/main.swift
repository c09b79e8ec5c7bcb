// The tool behind the SchemaRevisionsRegistry build plugin:
//     schema-revisions-registry OUTPUT.swift [REVISION.swift ...]
// writes OUTPUT.swift with `GeneratedRevisions.all`, every `SchemaRevision`
// type declared in the given files, in file order.
import Foundation

let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first else {
    FileHandle.standardError.write(Data("usage: schema-revisions-registry OUTPUT.swift [REVISION.swift ...]\n".utf8))
    exit(2)
}

// `enum Revision_abc: SchemaRevision` (or struct), as `revision` writes them.
let declaration = try NSRegularExpression(pattern: #"(?m)^\s*(?:public\s+|internal\s+)?(?:enum|struct)\s+(\w+)\s*:\s*(?:[\w.]+\s*,\s*)*SchemaRevision\b"#)
var typeNames: [String] = []
for path in arguments.dropFirst() {
    let source = try String(contentsOfFile: path, encoding: .utf8)
    let range = NSRange(source.startIndex..., in: source)
    for match in declaration.matches(in: source, range: range) {
        if let name = Range(match.range(at: 1), in: source) {
            typeNames.append(String(source[name]))
        }
    }
}

let list = typeNames.isEmpty ? "[]" : "[\n" + typeNames.map { "        \($0).self,\n" }.joined() + "    ]"
let generated = """
    // Generated at build time by the SchemaRevisionsRegistry plugin from the
    // files in this module's Versions/ folder. Do not edit.
    import SchemaRevisions

    /// Every revision in this module's `Versions/` folder.
    enum GeneratedRevisions {
        static let all: [any SchemaRevision.Type] = \(list)
    }

    """
let existing = try? String(contentsOfFile: output, encoding: .utf8)
if existing != generated {
    try generated.write(toFile: output, atomically: true, encoding: .utf8)
}
