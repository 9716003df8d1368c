import Foundation
import PackagePlugin

/// Embeds every JSON file of the package's top-level `Resources/` into the target as Swift source.
///
/// The procedure stays data that a clerk can proofread in `Resources/`, and the built binary
/// carries it inside, so it runs from any working directory with no files beside it.
@main
struct EmbedResourcesPlugin: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let resources = context.package.directoryURL.appending(path: "Resources")
    let inputs = try FileManager.default.contentsOfDirectory(
      at: resources, includingPropertiesForKeys: nil
    )
    .filter { $0.pathExtension == "json" }
    .sorted { $0.lastPathComponent < $1.lastPathComponent }
    let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedResources.swift")
    return [
      .buildCommand(
        displayName: "Embedding Resources/*.json",
        executable: try context.tool(named: "EmbedResourcesTool").url,
        arguments: [output.path] + inputs.map(\.path),
        inputFiles: inputs,
        outputFiles: [output]
      )
    ]
  }
}
