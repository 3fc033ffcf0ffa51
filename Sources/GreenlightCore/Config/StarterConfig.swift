import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// `greenlight init`: a starter `.greenlight.yml` for the kind of project found at the root.
public struct StarterConfig: Sendable {
    public enum ProjectKind: String, Sendable, CaseIterable {
        case go, swift, python, rust, node, make, unknown

        /// How `init` names it: "a Go project", "a project of unknown kind".
        public var description: String {
            switch self {
            case .go: "a Go project"
            case .swift: "a Swift package"
            case .python: "a Python project"
            case .rust: "a Rust crate"
            case .node: "a Node project"
            case .make: "a Makefile project"
            case .unknown: "a project of unknown kind (replace the placeholder steps)"
            }
        }
    }

    public struct ExistsError: Error, CustomStringConvertible, LocalizedError {
        public let path: String
        public var description: String { "\(path) already exists; greenlight init never overwrites it (edit it, or remove it first)" }
        public var errorDescription: String? { description }
    }

    public init() {}

    /// The project kind, judged by marker files at `root` (first match wins).
    public func detect(at root: URL) -> ProjectKind {
        let markers: [(String, ProjectKind)] = [
            ("go.mod", .go), ("Package.swift", .swift), ("Cargo.toml", .rust), ("pyproject.toml", .python),
            ("setup.py", .python), ("requirements.txt", .python), ("package.json", .node), ("Makefile", .make),
        ]
        for (file, kind) in markers where FileManager.default.fileExists(atPath: root.appendingPathComponent(file).path) {
            return kind
        }
        return .unknown
    }

    public func text(for kind: ProjectKind) -> String {
        let (fast, clean): ([(String, String)], [(String, String)]) = switch kind {
        case .go:
            ([("fmt", #"test -z "$(gofmt -l .)" || { gofmt -l .; exit 1; }"#), ("vet", "go vet ./..."),
              ("build", "go build ./..."), ("unit", "go test -short ./...")],
             [("test", "go test ./...")])
        case .swift:
            ([("build", "swift build")], [("test", "swift test")])
        case .python:
            ([("compile", "python3 -m compileall -q ."), ("unit", "python3 -m pytest -q -x")],
             [("test", "python3 -m pip install -q -e . 2>/dev/null || true; python3 -m pytest -q")])
        case .rust:
            ([("fmt", "cargo fmt --check"), ("build", "cargo build"), ("unit", "cargo test --lib")],
             [("test", "cargo test")])
        case .node:
            ([("test", "npm test")], [("install", "npm ci"), ("test", "npm test")])
        case .make:
            ([("build", "make")], [("test", "make test")])
        case .unknown:
            ([("check", "echo 'replace me with your fast checks' && false")],
             [("test", "echo 'replace me with your full test suite' && false")])
        }
        var lines = [
            "# greenlight: the gate every push and PR must pass, for the exact commit.",
            "# Reference: README.md of greenlight. Verdicts: git log --notes=greenlight",
            "version: 1",
            "fast:                     # runs in the workspace first (seconds to minutes)",
            "  parallel: true",
            "  steps:",
        ]
        for (name, run) in fast { lines += ["    - name: \(name)", "      run: \(Self.quote(run))", "      timeout: 10m"] }
        lines += [
            "clean_room:               # then a fresh checkout of the commit, scrubbed environment",
            "  backend: local",
            "  timeout: 30m",
            "  steps:",
        ]
        for (name, run) in clean { lines += ["    - name: \(name)", "      run: \(Self.quote(run))"] }
        if let caches = Self.caches(for: kind) {
            lines += ["  caches:                 # kept between clean-room runs, in .git/greenlight/caches (greenlight caches)"] + caches
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The caches `init` offers: only stores whose content is addressed by what it holds (a module
    /// or package by name and version, a build output by the hash of its inputs), never the
    /// project's own build directory, so what one commit's run leaves cannot stand in for another's.
    static func caches(for kind: ProjectKind) -> [String]? {
        switch kind {
        case .go:
            ["    go: {env: {GOMODCACHE: mod, GOCACHE: build}}   # modules by version; builds by input hash"]
        case .python:
            ["    pip: {env: {PIP_CACHE_DIR: pip}}               # downloaded wheels and sources"]
        case .rust:
            ["    cargo: {env: {CARGO_HOME: home}}               # the registry index and downloaded crates"]
        case .node:
            ["    npm: {env: {npm_config_cache: npm}}            # npm's content-addressed package cache"]
        case .swift:
            ["    swiftpm: {env: {XDG_CACHE_HOME: xdg}}          # SwiftPM's shared cache (org.swift.swiftpm) of repositories and manifests"]
        case .make, .unknown:
            nil
        }
    }

    /// Writes the starter file at `root`; refuses (atomically, O_EXCL) when one exists.
    @discardableResult
    /// Writes the starter into `repository`'s working tree.
    /// - Throws: `FileError` for a bare repository or a file that exists already.
    public func write(in repository: Repository) throws -> (kind: ProjectKind, file: URL) {
        guard let root = repository.workingDirectory else {
            throw FileError(path: repository.gitDirectory.path, reason: "a bare repository has no working tree for .greenlight.yml")
        }
        return try write(at: root)
    }

    public func write(at root: URL) throws -> (kind: ProjectKind, file: URL) {
        let kind = detect(at: root)
        let file = root.appendingPathComponent(GateConfig.fileName)
        let fd = open(file.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if fd < 0 {
            if errno == EEXIST { throw ExistsError(path: file.path) }
            throw FileError(path: file.path, reason: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        let bytes = Array(text(for: kind).utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else {
            unlink(file.path)
            throw FileError(path: file.path, reason: "short write")
        }
        return (kind, file)
    }

    private static func quote(_ command: String) -> String {
        "'" + command.replacingOccurrences(of: "'", with: "''") + "'"
    }
}
