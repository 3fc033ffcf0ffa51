// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "greenlight",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "greenlight", targets: ["greenlight"]),
        .library(name: "GreenlightCore", targets: ["GreenlightCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // libgit2, found through pkg-config; Debian's libgit2-dev provides it.
        .systemLibrary(
            name: "CLibGit2",
            pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"]), .brew(["libgit2"])]
        ),
        // posix_spawn with a working directory and a new process group (glibc's _np calls Swift cannot see).
        .target(name: "CProcessSpawn"),
        // Every decision greenlight makes: git, config, gate, tiers, verdicts, reports.
        .target(
            name: "GreenlightCore",
            dependencies: [
                "CLibGit2",
                "CProcessSpawn",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The command line: argument parsing and exit codes over GreenlightCore.
        .executableTarget(
            name: "greenlight",
            dependencies: [
                "GreenlightCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Fixtures for the tests: scratch repositories built with real git, the built binary.
        .target(
            name: "GreenlightTestSupport",
            dependencies: ["GreenlightCore"],
            path: "Tests/TestSupport"
        ),
        // Library tests against real repositories in temporary directories.
        .testTarget(
            name: "GreenlightCoreTests",
            dependencies: ["GreenlightCore", "GreenlightTestSupport"]
        ),
        // The built binary driven as a user would, with real git.
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["GreenlightCore", "GreenlightTestSupport"]
        ),
    ]
)
