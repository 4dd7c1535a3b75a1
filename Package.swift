// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "touchpoint",
    products: [
        .executable(name: "touchpoint", targets: ["touchpoint"]),
        .library(name: "TouchpointCore", targets: ["TouchpointCore"]),
    ],
    dependencies: [
        // Pinned to one minor version on purpose: TouchpointCore imports `CYaml`, the libyaml that Yams bundles as a
        // target of its own rather than as a product, to drive libyaml's event parser directly (positions on every
        // node, hostile files refused as events arrive). A Yams minor release may move or change that target, so
        // raising the pin is a deliberate change made after `swift test` passes. Linking the system's libyaml
        // instead would make `libyaml-dev` a third prerequisite besides Swift and readline.
        .package(url: "https://github.com/jpsim/Yams", .upToNextMinor(from: "6.2.2")),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
    ],
    targets: [
        // GNU readline (Debian: libreadline-dev), used only by TouchpointTerminal.
        .systemLibrary(name: "CReadline", providers: [.apt(["libreadline-dev"])]),
        // JSON and JSON lines: a strict byte-level parser, an ordered writer, a streaming line reader. Knows
        // nothing of questionnaires or records.
        .target(name: "TouchpointJSON", dependencies: ["CJSONScan"]),
        // The JSON cursor's string checks and value skipping in C, vectorised (SSE2, AVX2 chosen at run time,
        // portable C elsewhere), for the scoring fast path (bench/README.md).
        .target(name: "CJSONScan", exclude: ["ScanBody.h"]),
        // Process-wide C library settings the Glibc module does not expose (malloc's heap growth), for the
        // command line only.
        .target(name: "CProcess"),
        // The core: model, parsing, expressions, validation, engine, responses, storage, scoring. Never prints.
        // It reads YAML through the libyaml (CYaml) that Yams bundles.
        .target(name: "TouchpointCore", dependencies: ["TouchpointJSON", "CJSONScan", .product(name: "Yams", package: "Yams")]),
        // Everything about a terminal: readline line reading, terminal size, display width, wrapping, the
        // sanitiser and styles. The core knows none of it.
        .target(name: "TouchpointTerminal", dependencies: ["CReadline"]),
        // `touchpoint report`: one self-contained HTML page with inline SVG charts, built with Plot. Keeps HTML
        // out of the core. It measures label widths with the terminal's display-width tables.
        .target(name: "TouchpointReport", dependencies: [
            "TouchpointCore", "TouchpointTerminal", .product(name: "Plot", package: "Plot"),
        ]),
        // The thin command-line target. A release binary carries the Swift runtime and Foundation inside it
        // (`-static-stdlib`): it starts in about half the time, because the dynamic loader no longer binds a dozen
        // Swift libraries at every start (bench/README.md), and it runs on a machine without a Swift toolchain.
        // Debug builds and the tests keep the shared libraries, which link faster.
        .executableTarget(
            name: "touchpoint",
            dependencies: [
                "TouchpointCore",
                "TouchpointTerminal",
                "TouchpointReport",
                "CProcess",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The modules are compiled against the shared Foundation, whose link entries name only libFoundation;
            // its static archive also needs CoreFoundation, ICU and two shims, named here.
            linkerSettings: [
                .unsafeFlags(
                    ["-static-stdlib", "-lCoreFoundation", "-l_FoundationICU", "-l_FoundationCShims", "-l_FoundationCollections"],
                    .when(platforms: [.linux], configuration: .release)
                ),
            ]
        ),
        .testTarget(
            name: "TouchpointCoreTests",
            dependencies: ["TouchpointCore"],
            exclude: ["Statistics/oracle", "Statistics/vectors.json", "Scoring/oracle", "Fixtures"]
        ),
        .testTarget(name: "TouchpointJSONTests", dependencies: ["TouchpointJSON", "CJSONScan"], exclude: ["Fixtures"]),
        // Test helpers shared by test targets: a pseudo-terminal driver and temporary folders.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "TouchpointTerminalTests", dependencies: ["TouchpointTerminal", "TestSupport"]),
        .testTarget(name: "TouchpointReportTests", dependencies: ["TouchpointReport", "TouchpointCore"], exclude: ["Fixtures"]),
        // End-to-end tests of the built `touchpoint` binary (it is built first through this dependency).
        .testTarget(
            name: "TouchpointCLITests",
            dependencies: ["touchpoint", "TouchpointCore", "TestSupport"],
            exclude: ["Fixtures"]
        ),
        // Fuzz targets (docs/robustness.md): fuzz/run.sh builds them with libFuzzer and AddressSanitizer; a plain
        // build gives programs that replay saved inputs, so they always compile.
        .target(name: "CFuzzerDriver", path: "fuzz/Sources/CFuzzerDriver"),
        .target(name: "TouchpointFuzz", dependencies: ["TouchpointCore", "CFuzzerDriver"], path: "fuzz/Sources/TouchpointFuzz"),
        .executableTarget(name: "FuzzValidate", dependencies: ["TouchpointFuzz"], path: "fuzz/Sources/FuzzValidate"),
        .executableTarget(name: "FuzzExpressions", dependencies: ["TouchpointFuzz"], path: "fuzz/Sources/FuzzExpressions"),
        .executableTarget(name: "FuzzResponses", dependencies: ["TouchpointFuzz"], path: "fuzz/Sources/FuzzResponses"),
        .executableTarget(name: "FuzzPattern", dependencies: ["TouchpointFuzz"], path: "fuzz/Sources/FuzzPattern"),
        // What the interop checks (Tests/interop/checks/) ask the core: pattern matches and display widths.
        .executableTarget(name: "TouchpointProbe", dependencies: ["TouchpointCore", "TouchpointTerminal"], path: "Tests/interop/Probe"),
    ]
)
