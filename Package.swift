// swift-tools-version: 6.1
import PackageDescription

/// A position-dependent executable, so that the loader has no relocations to apply at start.
///
/// With `--static-swift-stdlib` the Swift metadata would need tens of thousands; without them the first
/// screen appears sooner and fewer pages are private. Measured in the README's benchmark section.
let fixedAddressExecutable: [LinkerSetting] = [
  .unsafeFlags(["-Xclang-linker", "-no-pie"], .when(platforms: [.linux]))
]

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
    // The procedure, the rules, validation and the journal. No terminal code.
    .target(
      name: "EpuapDomain",
      dependencies: [.product(name: "Crypto", package: "swift-crypto")],
      plugins: ["EmbedResourcesPlugin"]
    ),
    // The completion checklist in text, Markdown and HTML.
    .target(name: "EpuapReport", dependencies: ["EpuapDomain"]),
    // A cell buffer, display width and key events: what screens are drawn into.
    .target(name: "ScreenKit"),
    // The wizard's pure state, update and render. No ncurses.
    .target(name: "EpuapWizard", dependencies: ["EpuapDomain", "EpuapReport", "ScreenKit"]),
    // ncursesw, wrapped as a system library.
    .systemLibrary(
      name: "CNcursesw",
      pkgConfig: "ncursesw",
      providers: [.apt(["libncursesw5-dev"])]
    ),
    // The only code that touches ncurses: draws a ScreenBuffer, reads keys.
    .target(name: "TerminalUI", dependencies: ["CNcursesw", "ScreenKit"]),
    .executableTarget(
      name: "epuap-wizard",
      dependencies: [
        "EpuapDomain", "EpuapReport", "EpuapWizard", "TerminalUI", "ScreenKit",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      linkerSettings: fixedAddressExecutable
    ),
    // Measurements for scripts/bench: durable append, resume at scale, printing, fixtures.
    .executableTarget(
      name: "epuap-bench", dependencies: ["EpuapDomain", "EpuapReport", "EpuapWizard", "ScreenKit"],
      path: "Benchmarks/EpuapBench", linkerSettings: fixedAddressExecutable),
    // Build-time: embeds Resources/*.json into EpuapDomain, so the binary needs no files beside it.
    .executableTarget(name: "EmbedResourcesTool"),
    .plugin(
      name: "EmbedResourcesPlugin",
      capability: .buildTool(),
      dependencies: ["EmbedResourcesTool"],
      path: "Sources/EmbedResourcesPlugin"
    ),
    .testTarget(name: "EpuapDomainTests", dependencies: ["EpuapDomain"]),
    // Golden files are read from the source tree (via #filePath), so that RECORD_GOLDEN=1 can rewrite them.
    .testTarget(name: "EpuapReportTests", dependencies: ["EpuapReport", "EpuapDomain"], exclude: ["Golden"]),
    .testTarget(
      name: "EpuapWizardTests", dependencies: ["EpuapWizard", "ScreenKit", "EpuapDomain"], exclude: ["Golden"]
    ),
    .testTarget(name: "ScreenKitTests", dependencies: ["ScreenKit"]),
    .testTarget(name: "CLITests", dependencies: ["EpuapDomain", "EpuapWizard", "ScreenKit"]),
  ]
)
