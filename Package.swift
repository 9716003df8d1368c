// swift-tools-version: 6.1
import PackageDescription

/// Members of a module are visible only where that module is imported: `swift-crypto` imports all of
/// Foundation, and without this its `String` extensions would quietly win over the standard library's
/// and link Foundation (and ICU) into the binary, which the product keeps to FoundationEssentials.
let ownImportsOnly: [SwiftSetting] = [.enableUpcomingFeature("MemberImportVisibility")]

/// What every module of the project is compiled with.
let projectSettings = ownImportsOnly

let package = Package(
  name: "epuap-wizard",
  products: [
    .executable(name: "epuap-wizard", targets: ["epuap-wizard"]),
    .library(name: "EpuapDomain", targets: ["EpuapDomain"]),
  ],
  dependencies: [
    // The Polish help and parser messages translate this minor version's English (PolishParserMessages); a new
    // minor version may add English text, so it is taken on purpose, with the translation checked.
    .package(url: "https://github.com/apple/swift-argument-parser", .upToNextMinor(from: "1.8.2")),
    .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"4.0.0"),
  ],
  targets: [
    // Display width, cutting, padding and wrapping, and the one class of characters never shown:
    // shared by the screen and the paper.
    .target(name: "TextLayout", swiftSettings: projectSettings),
    // The procedure, the rules, validation and the journal. No terminal code.
    .target(
      name: "EpuapDomain",
      dependencies: ["TextLayout", .product(name: "Crypto", package: "swift-crypto")],
      swiftSettings: projectSettings,
      plugins: ["EmbedResourcesPlugin"]
    ),
    // The completion checklist in text, Markdown and HTML.
    .target(
      name: "EpuapReport", dependencies: ["EpuapDomain", "TextLayout"], swiftSettings: projectSettings),
    // A cell buffer and key events: what screens are drawn into (display width comes from TextLayout).
    .target(name: "ScreenKit", dependencies: ["TextLayout"], swiftSettings: projectSettings),
    // The wizard's pure state, update and render. No ncurses.
    .target(
      name: "EpuapWizard", dependencies: ["EpuapDomain", "EpuapReport", "ScreenKit"],
      swiftSettings: projectSettings),
    // ncursesw, wrapped as a system library.
    .systemLibrary(
      name: "CNcursesw",
      pkgConfig: "ncursesw",
      providers: [.apt(["libncurses-dev"])]
    ),
    // The only code that touches ncurses: draws a ScreenBuffer, reads keys.
    .target(name: "TerminalUI", dependencies: ["CNcursesw", "ScreenKit"], swiftSettings: projectSettings),
    .executableTarget(
      name: "epuap-wizard",
      dependencies: [
        "EpuapDomain", "EpuapReport", "EpuapWizard", "TerminalUI", "ScreenKit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: projectSettings
    ),
    // Measurements for scripts/bench: durable append, resume at scale, printing, fixtures.
    .executableTarget(
      name: "epuap-bench", dependencies: ["EpuapDomain", "EpuapReport", "EpuapWizard", "ScreenKit"],
      path: "Benchmarks/EpuapBench"),
    // Build-time: embeds Resources/*.json into EpuapDomain, so the binary needs no files beside it.
    .executableTarget(name: "EmbedResourcesTool"),
    .plugin(
      name: "EmbedResourcesPlugin",
      capability: .buildTool(),
      dependencies: ["EmbedResourcesTool"],
      path: "Sources/EmbedResourcesPlugin"
    ),
    // What several test targets share: temporary folders, the procedure with the time zone pinned.
    .target(name: "TestSupport", dependencies: ["EpuapDomain"], path: "Tests/TestSupport"),
    .testTarget(
      name: "EpuapDomainTests", dependencies: ["EpuapDomain", "EpuapReport", "TextLayout", "TestSupport"]),
    // Golden files are read from the source tree (via #filePath), so that RECORD_GOLDEN=1 can rewrite them.
    .testTarget(
      name: "EpuapReportTests", dependencies: ["EpuapReport", "EpuapDomain", "TextLayout", "TestSupport"],
      exclude: ["Golden"]),
    .testTarget(
      name: "EpuapWizardTests",
      dependencies: ["EpuapWizard", "ScreenKit", "EpuapDomain", "EpuapReport", "TestSupport"],
      exclude: ["Golden"]
    ),
    .testTarget(name: "ScreenKitTests", dependencies: ["ScreenKit", "TextLayout"]),
    .testTarget(name: "CLITests", dependencies: ["EpuapDomain", "EpuapWizard", "ScreenKit", "TestSupport"]),
  ]
)
