import Foundation
import PackagePlugin

/// Lists a module's revisions for the migration engine.
///
/// Swift cannot find "every type conforming to `SchemaRevision`" at run
/// time, so at build time this plugin hands every Swift file under the
/// module's `Versions/` folder to `schema-revisions-registry`, which writes
/// `GeneratedRevisions.all`. A new revision file changes the plugin's
/// inputs, so the next build picks it up with no other file edited.
@main
struct SchemaRevisionsRegistry: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let module = target as? SourceModuleTarget else { return [] }
        let revisions = module.sourceFiles(withSuffix: "swift")
            .map(\.url)
            .filter { $0.deletingLastPathComponent().lastPathComponent == "Versions" }
            .sorted { $0.path < $1.path }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("GeneratedRevisions.swift")
        return [
            .buildCommand(
                displayName: "Registering \(revisions.count) schema revision(s) of \(target.name)",
                executable: try context.tool(named: "schema-revisions-registry").url,
                arguments: [output.path] + revisions.map(\.path),
                inputFiles: revisions,
                outputFiles: [output]
            ),
        ]
    }
}
