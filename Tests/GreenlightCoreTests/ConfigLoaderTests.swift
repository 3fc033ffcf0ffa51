import Foundation
import GreenlightCore
import GreenlightTestSupport
import Testing

@Suite("configuration")
struct ConfigLoaderTests {
    let loader = ConfigLoader()

    func parse(_ text: String) throws(ConfigError) -> GateConfig {
        try loader.parse(text, file: ".greenlight.yml")
    }

    func error(_ text: String) -> ConfigError? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func readsTheDocumentedExampleWithDefaults() throws {
        let config = try parse("""
            fast:
              steps:
                - name: build
                  run: swift build
                - name: lint
                  run: swiftlint
                  timeout: 2m
            clean_room:
              backend: local
              timeout: 30m
              env:
                CI: "true"
              pass_env: [GOFLAGS]
              steps:
                - name: test
                  run: swift test
            """)
        #expect(config.fast.parallel == true)
        #expect(config.fast.failFast == false)
        #expect(config.fast.steps.map(\.name) == ["build", "lint"])
        #expect(config.fast.steps[0].timeout == 600)
        #expect(config.fast.steps[1].timeout == 120)
        #expect(config.cleanRoom.backend == .local)
        #expect(config.cleanRoom.timeout == 1800)
        #expect(config.cleanRoom.env == ["CI": "true"])
        #expect(config.cleanRoom.passEnv == ["GOFLAGS"])
        #expect(config.cleanRoom.steps[0].timeout == nil)
    }

    @Test func aTierMayBeLeftOut() throws {
        let config = try parse("fast:\n  steps:\n    - {name: a, run: 'true'}\n")
        #expect(config.cleanRoom.isConfigured == false)
        #expect(config.fast.isConfigured)
    }

    @Test(arguments: [
        ("fast:\n  steps:\n    - name: a\n      run: x\n      colour: red\n", 5, "fast.steps[0].colour", "unknown key"),
        ("fast:\n  parallel: maybe\n  steps:\n    - {name: a, run: x}\n", 2, "fast.parallel", "expected true or false"),
        ("fast:\n  steps:\n    - {name: a, run: x}\n    - {name: a, run: y}\n", 4, "fast.steps[1].name", "duplicate step name 'a'"),
        ("fast:\n  steps:\n    - name: a\n      run: \"  \"\n", 4, "fast.steps[0].run", "empty command"),
        ("fast:\n  steps:\n    - name: a\n      run: x\n      timeout: soon\n", 5, "fast.steps[0].timeout", "expected a duration"),
        ("fast:\n  steps:\n    - name: a\n      run: x\n      timeout: 0s\n", 5, "fast.steps[0].timeout", "expected a duration"),
        ("clean_room:\n  backend: cloud\n  steps:\n    - {name: a, run: x}\n", 2, "clean_room.backend", "unknown backend 'cloud'"),
        ("fast:\n  steps: build\n", 2, "fast.steps", "expected a list"),
        ("fast:\n  steps:\n    - run: x\n", 3, "fast.steps[0].name", "missing"),
        ("fast:\n  steps:\n    - {name: 'has space', run: x}\n", 3, "fast.steps[0].name", "not a valid step name"),
        ("fast:\n  env:\n    1BAD: x\n  steps:\n    - {name: a, run: x}\n", 3, "fast.env", "not an environment variable name"),
        ("colour: red\nfast:\n  steps:\n    - {name: a, run: x}\n", 1, "colour", "unknown key"),
        ("fast:\n  steps:\n    - name: a\n      run:\n", 4, "fast.steps[0].run", "found null"),
        ("fast:\n  steps:\n    - {name: a, run: x, idle_timeout: never}\n", 3, "fast.steps[0].idle_timeout", "expected a duration"),
        ("fast:\n  steps:\n    - {name: a, run: x, on_timeout: dump}\n", 3, "fast.steps[0].on_timeout", "'dump' is not one of: diagnose, kill"),
        ("fast:\n  steps:\n    - {name: a, run: x, allow_no_tests: sometimes}\n", 3, "fast.steps[0].allow_no_tests", "expected true or false"),
        ("fast:\n  steps:\n    - {name: a, run: x, reports: out.xml}\n", 3, "fast.steps[0].reports", "expected a list"),
        ("fast:\n  steps:\n    - name: a\n      run: x\n      reports: [/tmp/r.xml]\n", 5, "fast.steps[0].reports[0]", "is absolute"),
        ("fast:\n  steps:\n    - name: a\n      run: x\n      reports: [out/../../r.xml]\n", 5, "fast.steps[0].reports[0]", "leaves the checkout"),
        ("fast:\n  steps:\n    - {name: a, run: x, reports: [r/*.xml]}\n    - {name: b, run: y, reports: [r/*.xml]}\n", 4,
         "fast.steps[1].reports", "is also a report of fast.steps[0]"),
    ] as [(String, Int, String, String)])
    func badInputNamesLineAndKey(text: String, line: Int, key: String, message: String) throws {
        let found = try #require(error(text))
        #expect(found.line == line, "\(found)")
        #expect(found.key == key, "\(found)")
        #expect(found.message.contains(message), "\(found)")
        #expect(found.description.hasPrefix(".greenlight.yml:\(line):"))
    }

    @Test func stepLimitsAndReportsAreRead() throws {
        let config = try parse("""
            fast:
              parallel: false
              steps:
                - {name: a, run: x, reports: [r/*.xml]}
                - {name: b, run: y, reports: [r/*.xml], idle_timeout: 90s, on_timeout: kill, allow_no_tests: true}
            """)
        let steps = config.fast.steps
        #expect(steps.map(\.reports) == [["r/*.xml"], ["r/*.xml"]], "steps in order may share report paths")
        #expect(steps[0].onTimeout == .diagnose && steps[0].idleTimeout == nil && !steps[0].allowNoTests)
        #expect(steps[1].onTimeout == .kill && steps[1].idleTimeout == 90 && steps[1].allowNoTests)
        // Each of them is part of what a pass means.
        var digests: Set<String> = []
        for change in ["idle_timeout: 90s", "on_timeout: kill", "allow_no_tests: true", "reports: [o.xml]", "timeout: 3m"] {
            digests.insert(try parse("fast:\n  steps:\n    - {name: a, run: x, \(change)}\n").fast.digest())
        }
        digests.insert(try parse("fast:\n  steps:\n    - {name: a, run: x}\n").fast.digest())
        #expect(digests.count == 6)
    }

    @Test func syntaxErrorsAndEmptyFilesAreReported() throws {
        let syntax = try #require(error("fast:\n  steps:\n    - name: a\n      run: echo a: b\n"))
        #expect(syntax.line == 4)
        #expect(syntax.message.contains("YAML syntax error"))
        let empty = try #require(error(""))
        #expect(empty.message.contains("empty"))
        let noSteps = try #require(error("fast:\n  parallel: true\n"))
        #expect(noSteps.message.contains("no steps"))
    }

    @Test func missingFileSaysHowToStart() throws {
        let directory = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("gl-missing-\(UUID())")
        let found = #expect(throws: ConfigError.self) { try loader.load(fromRoot: directory) }
        #expect(found?.message.contains("greenlight init") == true)
    }

    @Test func digestIgnoresFormattingButNotMeaning() throws {
        let base = try parse("""
            # a comment
            fast:
              steps:
                - name: build
                  run: make
                  timeout: 10m
            clean_room:
              timeout: 30m
              env: {A: "1", B: "2"}
              steps:
                - {name: test, run: make test}
            """)
        let reordered = try parse("""
            clean_room:
              steps:
                - run: make test
                  name: test
              env:
                B: "2"
                A: "1"
              timeout: 1800s     # same duration, other spelling
            fast:
              steps:
                - {run: make, name: build}   # timeout defaults to 10m
            """)
        #expect(try base.fast.digest() == reordered.fast.digest())
        #expect(try base.cleanRoom.digest() == reordered.cleanRoom.digest())
        #expect(try base.fast.digest() != base.cleanRoom.digest())

        var changed = base
        changed.cleanRoom.steps[0].run = "make test-e2e"
        #expect(try changed.cleanRoom.digest() != base.cleanRoom.digest())
        changed = base
        changed.cleanRoom.timeout = 60
        #expect(try changed.cleanRoom.digest() != base.cleanRoom.digest())
        changed = base
        changed.cleanRoom.env["A"] = "3"
        #expect(try changed.cleanRoom.digest() != base.cleanRoom.digest())
        changed = base
        changed.fast.steps[0].timeout = 60
        #expect(try changed.fast.digest() != base.fast.digest())
        // The fast tier's digest does not move when only the clean room changes.
        #expect(try changed.cleanRoom.digest() == base.cleanRoom.digest())
    }

    @Test func durations() {
        #expect(DurationParser.seconds(from: "90s") == 90)
        #expect(DurationParser.seconds(from: "10m") == 600)
        #expect(DurationParser.seconds(from: "1h30m") == 5400)
        #expect(DurationParser.seconds(from: "500ms") == 0.5)
        #expect(DurationParser.seconds(from: "45") == 45)
        #expect(DurationParser.seconds(from: "1.5s") == 1.5)
        for bad in ["", "m", "10x", "-5s", "0", "10m5", "s10"] {
            #expect(DurationParser.seconds(from: bad) == nil, "\(bad)")
        }
        #expect(DurationParser.format(5400) == "1h30m")
        #expect(DurationParser.format(0.25) == "250ms")
    }
}

/// The gate digest: total (every duration and number finite), versioned, and our own canonical form.
@Suite("gate digest")
struct GateDigestTests {
    private func load(_ text: String) throws -> GateConfig {
        try ConfigLoader().parse(text, file: ".greenlight.yml")
    }

    @Test(arguments: ["inf", "infinity", "-inf", "nan", "1e999", "0x1p2000", "1e3", "+5", "-5", "0", "0s", "1e999s", "1.s", ".5s", "8d", "169h", "604801", "１０s"])
    func nonFiniteOrOddDurationsAreConfigErrors(_ text: String) {
        #expect(throws: ConfigError.self) {
            try load("fast:\n  timeout: \(text)\n  steps:\n    - {name: a, run: 'true'}\n")
        }
        do {
            _ = try load("fast:\n  steps:\n    - {name: a, run: 'true', timeout: \"\(text)\"}\n")
            Issue.record("\(text) was accepted as a step timeout")
        } catch let error as ConfigError {
            #expect(error.line == 3)
            #expect(error.key == "fast.steps[0].timeout")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test(arguments: ["1e999", "-1e999", "+inf"])
    func nonFiniteNumbersInKubernetesFieldsAreConfigErrors(_ number: String) {
        let text = """
            clean_room:
              backend: kubernetes
              steps: [{name: e2e, run: make}]
              kubernetes:
                image: busybox
                tolerations: [{key: a, operator: Exists, tolerationSeconds: \(number)}]
            """
        do {
            _ = try load(text)
            Issue.record("\(number) was accepted")
        } catch let error as ConfigError {
            #expect(error.line == 6)
            #expect(error.key.hasPrefix("clean_room.kubernetes.tolerations[0]"))
            #expect(error.message.contains("not a finite number"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func durationsKeepTheirMeaning() {
        #expect(DurationParser.seconds(from: "90") == 90)
        #expect(DurationParser.seconds(from: "1.5") == 1.5)
        #expect(DurationParser.seconds(from: "1h30m") == 5400)
        #expect(DurationParser.seconds(from: "500ms") == 0.5)
        #expect(DurationParser.seconds(from: "1.5h") == 5400)
        #expect(DurationParser.seconds(from: "168h") == 604_800)
    }

    /// The canonical form is pinned: changing it must be a deliberate version bump (and this value with it).
    /// The expected digest is SHA-256 of the expected bytes, computed outside Swift (Python hashlib).
    @Test func theCanonicalFormIsPinned() throws {
        let config = try load("""
            fast:
              timeout: 90s
              env: {B: "2", A: "1"}
              steps:
                - {name: unit, run: "go test ./... \\"quoted\\" \\u00e9", timeout: 1.5s}
            """)
        let definition = config.fast
        var expected = Array("greenlight-gate-definition v5\n".utf8)
        expected += Array(#"{"env":{"A":"1","B":"2"},"steps":[{"allow_no_tests":false,"env":{},"idle_timeout_ms":null,"name":"unit","on_timeout":"diagnose","reports":[],"run":"go test ./... \"quoted\" é","timeout_ms":1500}],"tier":"fast","timeout_ms":90000}"#.utf8)
        let hashed = try CanonicalJSON.bytes(definition.canonicalForm)
        #expect(Array("greenlight-gate-definition v\(TierDefinition.digestVersion)\n".utf8) + hashed == expected)
        #expect(try definition.digest() == "f22ec7e4f016e59efe56f1acc9982738d72ebae4ab15101e059adcb63bed9559")
    }

    /// The clean room's seal is part of what a pass means: isolation, network, mounts, caches (not where
    /// they are stored) and whether steps share a checkout are in the pinned form.
    @Test func theCleanRoomSealIsPinnedInTheDigest() throws {
        let config = try load("""
            clean_room:
              isolation: best-effort
              network: false
              mounts: [/opt/go/, //srv//tools]
              pass_env: [GOFLAGS]
              parallel: true
              caches:
                go: {env: {GOMODCACHE: mod, GOCACHE: build}, path: /var/cache/greenlight-go}
              steps:
                - {name: e2e, run: make e2e}
            """)
        let expected = Array(("greenlight-gate-definition v5\n"
            + #"{"backend":"local","caches":{"go":{"env":{"GOCACHE":"build","GOMODCACHE":"mod"}}},"env":{},"isolation":"best-effort","mounts":["/opt/go","/srv/tools"],"network":false,"parallel":true,"pass_env":["GOFLAGS"],"steps":[{"allow_no_tests":false,"env":{},"idle_timeout_ms":null,"name":"e2e","on_timeout":"diagnose","reports":[],"run":"make e2e","timeout_ms":null}],"tier":"clean-room","timeout_ms":1800000}"#).utf8)
        #expect(Array("greenlight-gate-definition v\(TierDefinition.digestVersion)\n".utf8) + (try CanonicalJSON.bytes(config.cleanRoom.canonicalForm)) == expected)
        #expect(try config.cleanRoom.digest() == "a674b9540672396bf74767aa168de1e3ca107d01de7db567f8211a979f5f2897")
        // Each changes the digest on its own: a weaker seal, another cache, steps in separate checkouts is another gate.
        let required = try load("clean_room:\n  steps:\n    - {name: e2e, run: make e2e}\n").cleanRoom
        var variants = [required]
        for change in ["isolation: best-effort", "network: false", "mounts: [/opt]", "parallel: true",
                       "caches: {go: {env: {GOCACHE: build}}}", "caches: {go: {env: {GOCACHE: b}}}", "caches: {pip: {env: {GOCACHE: build}}}"] {
            variants.append(try load("clean_room:\n  \(change)\n  steps:\n    - {name: e2e, run: make e2e}\n").cleanRoom)
        }
        #expect(Set(try variants.map { try $0.digest() }).count == 8)
        // Where a cache is stored, and fail_fast, say nothing about what a pass means.
        for change in ["fail_fast: false", "caches: {go: {env: {GOCACHE: build}, path: /srv/elsewhere}}"] {
            let same = try load("clean_room:\n  \(change)\n  steps:\n    - {name: e2e, run: make e2e}\n").cleanRoom
            let base = change.hasPrefix("caches") ? variants[5] : required
            #expect(try same.digest() == base.digest(), "\(change)")
        }
        #expect(required.isolation == .required && required.network && required.mounts.isEmpty)
    }

    /// At a trusted ref, `.greenlight.yml` must be a file: a symbolic link (which could point
    /// into the coder's working tree) or a directory is an error that names ref and path.
    @Test func aGateFileAtACommitMustBeAFile() throws {
        let repo = try ScratchRepository()
        try repo.write("weak.yml", "fast:\n  steps:\n    - {name: unit, run: \"true\"}\n")
        try FileManager.default.createSymbolicLink(atPath: repo.url.appendingPathComponent(".greenlight.yml").path, withDestinationPath: "weak.yml")
        let linked = try #require(ObjectID(hex: try repo.commitAll("a link")))
        let repository = try repo.open()
        let files = CommitFiles(repository: repository, commit: linked, label: "refs/remotes/origin/main")
        do {
            _ = try ConfigLoader().load(from: files)
            Issue.record("a symbolic link was read as the gate")
        } catch let error as ConfigError {
            #expect(error.file == "refs/remotes/origin/main:.greenlight.yml" && error.message == "is a symbolic link, not a file", "\(error)")
        }
        try FileManager.default.removeItem(at: repo.url.appendingPathComponent(".greenlight.yml"))
        try repo.write(".greenlight.yml/inner", "x")
        let directory = try #require(ObjectID(hex: try repo.commitAll("a directory")))
        do {
            _ = try ConfigLoader().load(from: CommitFiles(repository: repository, commit: directory, label: "main"))
            Issue.record("a directory was read as the gate")
        } catch let error as ConfigError {
            #expect(error.message == "is a directory, not a file", "\(error)")
        }
    }

    /// Bad seal settings are refused at their line, naming the key.
    @Test func badSealSettingsNameTheKey() throws {
        let cases: [(String, String, String)] = [
            ("isolation: none", "clean_room.isolation", "unknown isolation 'none'; known: required, best-effort"),
            ("network: maybe", "clean_room.network", "expected true or false"),
            ("mounts: [opt/go]", "clean_room.mounts[0]", "'opt/go' must be an absolute path"),
            ("mounts: [/opt/../etc]", "clean_room.mounts[0]", "'/opt/../etc' must be an absolute path without '.' or '..' components"),
            ("mounts: [/]", "clean_room.mounts[0]", "must be an absolute path"),
            ("mounts: [/usr, /clean-room/src]", "clean_room.mounts[1]", "would cover the clean room's own"),
            ("mounts: [/tmp/]", "clean_room.mounts[0]", "would cover the clean room's own"),
            ("mounts: [/proc/self]", "clean_room.mounts[0]", "would cover the clean room's own"),
        ]
        for (line, key, message) in cases {
            do {
                _ = try load("clean_room:\n  \(line)\n  steps:\n    - {name: e2e, run: make e2e}\n")
                Issue.record("\(line) was accepted")
            } catch let error as ConfigError {
                #expect(error.key == key, "\(line)")
                #expect(error.line == 2, "\(line)")
                #expect(error.message.contains(message), "\(line): \(error.message)")
            }
        }
        do {
            _ = try load("clean_room:\n  backend: kubernetes\n  network: false\n  kubernetes: {image: busybox}\n  steps:\n    - {name: e2e, run: make e2e}\n")
            Issue.record("network on kubernetes was accepted")
        } catch let error as ConfigError {
            #expect(error.key == "clean_room.network")
            #expect(error.message.contains("applies to the local backend only"))
        }
    }

    @Test func aDigestIsNeverTheHashOfNothing() throws {
        var settings = KubernetesSettings(image: "busybox")
        settings.resources = ["limits": ["cpu": .number(.infinity)]]
        var definition = TierDefinition(tier: .cleanRoom, steps: [StepDefinition(name: "a", run: "true")], backend: .kubernetes(settings))
        #expect(throws: InternalError.self) { try definition.digest() }
        settings.resources = ["limits": ["cpu": .number(2)]]
        definition.backend = .kubernetes(settings)
        let digest = try definition.digest()
        #expect(digest.count == 64)
        // SHA-256 of empty input, which the old code produced whenever encoding failed.
        #expect(digest != "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func nonFiniteNumbersAreNotCanonical() throws {
        #expect(throws: InternalError.self) { try CanonicalJSON.bytes(.array([.number(.nan)])) }
        #expect(try CanonicalJSON.bytes(["b": 1, "a": [true, .null, .number(0.5), .number(-3)], "\u{1}": "x\ny"])
                == Array(#"{"\u0001":"x\u000ay","a":[true,null,0.5,-3],"b":1}"#.utf8))
    }
}
