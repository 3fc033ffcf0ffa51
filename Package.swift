// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "greenlight",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "greenlight", targets: ["greenlight"]),
        .executable(name: "greenlight-fastpath", targets: ["greenlight-fastpath"]),
        .library(name: "GreenlightCore", targets: ["GreenlightCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
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
        // The fast path's file format, defined once: greenlight writes it (Swift), greenlight-fastpath reads it (C).
        .target(name: "CFastPath"),
        // Every decision greenlight makes: git, config, gate, tiers, verdicts, reports.
        .target(
            name: "GreenlightCore",
            dependencies: [
                "CLibGit2",
                "CProcessSpawn",
                "CFastPath",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
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
        // A fake Kubernetes API server speaking the real wire protocol over real sockets (HTTP and
        // HTTPS), with a small Job controller and kubelet that run containers as local processes.
        .target(
            name: "FakeKubernetes",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
            ],
            path: "Tests/FakeKubernetes"
        ),
        // The fake API server driven over real sockets with async-http-client, as greenlight's client will.
        .testTarget(
            name: "FakeKubernetesTests",
            dependencies: [
                "FakeKubernetes",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            path: "Tests/FakeKubernetesTests"
        ),
        // The pre-push hook's answer when every pushed commit already passed: plain C, no runtime to load.
        .executableTarget(name: "greenlight-fastpath", dependencies: ["CFastPath"]),
        // The fake API server as a process, for bench/run.sh (job-done-latency).
        .executableTarget(
            name: "fake-kube-apiserver",
            dependencies: ["FakeKubernetes"],
            path: "Tests/FakeKubeAPIServerMain"
        ),
        // Library tests against real repositories in temporary directories.
        .testTarget(
            name: "GreenlightCoreTests",
            dependencies: ["GreenlightCore", "GreenlightTestSupport", "FakeKubernetes", .product(name: "Yams", package: "Yams")]
        ),
        // The built binary driven as a user would, with real git.
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["GreenlightCore", "GreenlightTestSupport", "FakeKubernetes"]
        ),
    ]
)
