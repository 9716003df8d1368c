// swift-tools-version: 6.1
import PackageDescription

/// A release build is one self-contained, statically linked executable: no shared libraries to load and
/// no symbols to look up at start, and only the parts of libc, libstdc++ and ncurses it uses are mapped.
///
/// Build it with `swift build -c release --static-swift-stdlib` (the README's run command): the Swift
/// libraries must be static too. The functions the first screens run are placed side by side, in the
/// order of `Resources/link-order.txt` (made by `scripts/link-order`), so that few pages of code are read
/// to show them. The README's benchmark section measures both. Debug builds, and so the tests, link as
/// usual.
let standaloneExecutable: [LinkerSetting] = [
  .unsafeFlags(
    [
      "-Xclang-linker", "-static",
      "-Xlinker", "--section-ordering-file=\(Context.packageDirectory)/Resources/link-order.txt",
    ],
    .when(platforms: [.linux], configuration: .release))
]

/// Each function of the project's own modules in a section of its own, so that the link can order them.
let orderableFunctions: [SwiftSetting] = [
  .unsafeFlags(["-Xfrontend", "-function-sections"], .when(platforms: [.linux], configuration: .release))
]

/// Members of a module are visible only where that module is imported: `swift-crypto` imports all of
/// Foundation, and without this its `String` extensions would quietly win over the standard library's
/// and link Foundation (and ICU) into the binary, which the product keeps to FoundationEssentials.
let ownImportsOnly: [SwiftSetting] = [.enableUpcomingFeature("MemberImportVisibility")]

/// What every module of the project is compiled with.
let projectSettings = ownImportsOnly + orderableFunctions

let package = Package(
  name: "epuap-wizard",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "epuap-wizard", targets: ["epuap-wizard"]),
    .library(name: "EpuapDomain", targets: ["EpuapDomain"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
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
      providers: [.apt(["libncursesw5-dev"])]
    ),
    // The only code that touches ncurses: draws a ScreenBuffer, reads keys.
    .target(name: "TerminalUI", dependencies: ["CNcursesw", "ScreenKit"], swiftSettings: projectSettings),
    .executableTarget(
      name: "epuap-wizard",
      dependencies: [
        "EpuapDomain", "EpuapReport", "EpuapWizard", "TerminalUI", "ScreenKit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: projectSettings,
      linkerSettings: standaloneExecutable
    ),
    // Measurements for scripts/bench: durable append, resume at scale, printing, fixtures.
    .executableTarget(
      name: "epuap-bench", dependencies: ["EpuapDomain", "EpuapReport", "EpuapWizard", "ScreenKit"],
      path: "Benchmarks/EpuapBench", linkerSettings: standaloneExecutable),
    // Build-time: embeds Resources/*.json into EpuapDomain, so the binary needs no files beside it.
    .executableTarget(name: "EmbedResourcesTool"),
    .plugin(
      name: "EmbedResourcesPlugin",
      capability: .buildTool(),
      dependencies: ["EmbedResourcesTool"],
      path: "Sources/EmbedResourcesPlugin"
    ),
    .testTarget(name: "EpuapDomainTests", dependencies: ["EpuapDomain", "TextLayout"]),
    // Golden files are read from the source tree (via #filePath), so that RECORD_GOLDEN=1 can rewrite them.
    .testTarget(
      name: "EpuapReportTests", dependencies: ["EpuapReport", "EpuapDomain", "TextLayout"],
      exclude: ["Golden"]),
    .testTarget(
      name: "EpuapWizardTests", dependencies: ["EpuapWizard", "ScreenKit", "EpuapDomain"], exclude: ["Golden"]
    ),
    .testTarget(name: "ScreenKitTests", dependencies: ["ScreenKit", "TextLayout"]),
    .testTarget(name: "CLITests", dependencies: ["EpuapDomain", "EpuapWizard", "ScreenKit"]),
  ]
)
