import Foundation
import GreenlightCore
import Testing

/// `clean_room.caches`, `clean_room.parallel` and `clean_room.fail_fast` as `.greenlight.yml` spells them.
@Suite("configuration: caches and parallel clean rooms")
struct CacheConfigTests {
    private func parse(_ text: String) throws(ConfigError) -> GateConfig { try ConfigLoaderTests().parse(text) }

    private func error(_ text: String) -> ConfigError? { ConfigLoaderTests().error(text) }

    @Test func cachesAreReadSortedWithTheirSubdirectories() throws {
        let config = try parse("""
            clean_room:
              caches:
                pip: {env: {PIP_CACHE_DIR: .}}
                go:
                  env: {GOMODCACHE: mod, GOCACHE: build//cache/}
                  path: /var/cache//greenlight-go/
              steps:
                - {name: test, run: go test ./...}
            """)
        #expect(config.cleanRoom.caches == [
            CacheDefinition(name: "go", env: ["GOMODCACHE": "mod", "GOCACHE": "build/cache"], path: "/var/cache/greenlight-go"),
            CacheDefinition(name: "pip", env: ["PIP_CACHE_DIR": "."]),
        ])
        #expect(config.cleanRoom.caches[0].environment(under: "/c/go") == ["GOMODCACHE": "/c/go/mod", "GOCACHE": "/c/go/build/cache"])
        #expect(config.cleanRoom.caches[1].environment(under: "/c/pip") == ["PIP_CACHE_DIR": "/c/pip"])
    }

    @Test func theCleanRoomRunsInOrderAndStopsAtTheFirstFailureByDefault() throws {
        let config = try parse("clean_room:\n  steps:\n    - {name: a, run: 'true'}\nfast:\n  steps:\n    - {name: b, run: 'true'}\n")
        #expect(config.cleanRoom.parallel == false && config.cleanRoom.failFast == true)
        #expect(config.fast.parallel == true && config.fast.failFast == false)
        let parallel = try parse("clean_room:\n  parallel: true\n  fail_fast: false\n  steps:\n    - {name: a, run: 'true'}\n")
        #expect(parallel.cleanRoom.parallel && !parallel.cleanRoom.failFast)
    }

    /// Steps of a parallel clean room each have a checkout (or pod) of their own, so they may share report paths;
    /// steps of the parallel fast tier share the workspace, so they may not.
    @Test func onlyTheFastTierRefusesSharedReportPathsInParallel() throws {
        let steps = "  steps:\n    - {name: a, run: 'true', reports: [out/junit.xml]}\n    - {name: b, run: 'true', reports: [out/junit.xml]}\n"
        #expect(try parse("clean_room:\n  parallel: true\n" + steps).cleanRoom.steps.count == 2)
        #expect(error("fast:\n  parallel: true\n" + steps)?.key == "fast.steps[1].reports")
    }

    /// Every way a cache entry can be wrong is refused at its key and line, with what to do.
    @Test(arguments: [
        ("    'bad name': {env: {X: a}}\n", "clean_room.caches", 4, "is not a valid cache name"),
        ("    .hidden: {env: {X: a}}\n", "clean_room.caches", 4, "is not a valid cache name"),
        ("    go: {path: /srv/go}\n", "clean_room.caches.go.env", 4, "missing"),
        ("    go: {env: {}}\n", "clean_room.caches.go.env", 4, "non-empty mapping"),
        ("    go: {env: [GOCACHE]}\n", "clean_room.caches.go.env", 4, "non-empty mapping"),
        ("    go: {env: {GOCACHE: a}, size: 1G}\n", "clean_room.caches.go.size", 4, "unknown key"),
        ("    go: {env: {1GO: a}}\n", "clean_room.caches.go.env", 4, "is not an environment variable name"),
        ("    go: {env: {HOME: a}}\n", "clean_room.caches.go.env.HOME", 4, "set by the clean room itself"),
        ("    go: {env: {GREENLIGHT_X: a}}\n", "clean_room.caches.go.env.GREENLIGHT_X", 4, "set by the clean room itself"),
        ("    go: {env: {LC_ALL: a}}\n", "clean_room.caches.go.env.LC_ALL", 4, "set by the clean room itself"),
        ("    go: {env: {LD_PRELOAD: a}}\n", "clean_room.caches.go.env.LD_PRELOAD", 4, "read code or settings from where it points"),
        ("    go: {env: {GIT_EXEC_PATH: a}}\n", "clean_room.caches.go.env.GIT_EXEC_PATH", 4, "read code or settings from where it points"),
        ("    go: {env: {PYTHONPATH: a}}\n", "clean_room.caches.go.env.PYTHONPATH", 4, "read code or settings from where it points"),
        ("    go: {env: {NODE_OPTIONS: a}}\n", "clean_room.caches.go.env.NODE_OPTIONS", 4, "read code or settings from where it points"),
        ("    go: {env: {BASH_ENV: a}}\n", "clean_room.caches.go.env.BASH_ENV", 4, "read code or settings from where it points"),
        ("    go: {env: {GOCACHE: \"a\\0b\"}}\n", "clean_room.caches.go.env.GOCACHE", 4, "control characters"),
        ("    go: {env: {GOCACHE: ../up}}\n", "clean_room.caches.go.env.GOCACHE", 4, "without '.' or '..'"),
        ("    go: {env: {GOCACHE: /abs}}\n", "clean_room.caches.go.env.GOCACHE", 4, "relative subdirectory"),
        ("    go: {env: {GOCACHE: a/./b}}\n", "clean_room.caches.go.env.GOCACHE", 4, "without '.' or '..'"),
        ("    go: {env: {GOCACHE: ''}}\n", "clean_room.caches.go.env.GOCACHE", 4, "relative subdirectory"),
        ("    go: {env: {GOCACHE: [a]}}\n", "clean_room.caches.go.env.GOCACHE", 4, "expected a string"),
        ("    go: {env: {GOCACHE: a}}\n    go2: {env: {GOCACHE: b}}\n", "clean_room.caches.go2.env.GOCACHE", 5, "also set by clean_room.caches.go"),
        ("    go: {env: {GOCACHE: a}, path: relative/dir}\n", "clean_room.caches.go.path", 4, "must be an absolute path"),
        ("    go: {env: {GOCACHE: a}, path: /srv/../etc}\n", "clean_room.caches.go.path", 4, "must be an absolute path"),
        ("    a: {env: {X: a}, path: /srv/c}\n    b: {env: {Y: a}, path: /srv//c/}\n", "clean_room.caches.b.path", 5, "caches do not share storage"),
        ("    go: [GOCACHE]\n", "clean_room.caches.go", 4, "expected a mapping"),
    ] as [(String, String, Int, String)])
    func aBadCacheIsRefusedAtItsKey(_ entry: String, _ key: String, _ line: Int, _ message: String) throws {
        let text = "version: 1\nclean_room:\n  caches:\n" + entry + "  steps:\n    - {name: t, run: 'true'}\n"
        let found = try #require(error(text))
        #expect(found.key == key, "\(found)")
        #expect(found.line == line, "\(found)")
        #expect(found.message.contains(message), "\(found)")
        #expect(found.file == ".greenlight.yml")
    }

    @Test func aCacheVariableIsSetInOnePlaceOnly() throws {
        let tierEnv = try #require(error("clean_room:\n  env: {GOCACHE: /x}\n  caches:\n    go: {env: {GOCACHE: b}}\n  steps:\n    - {name: t, run: 'true'}\n"))
        #expect(tierEnv.key == "clean_room.caches.go.env.GOCACHE" && tierEnv.message.contains("also in the clean room's env"))
        let passEnv = try #require(error("clean_room:\n  pass_env: [GOCACHE]\n  caches:\n    go: {env: {GOCACHE: b}}\n  steps:\n    - {name: t, run: 'true'}\n"))
        #expect(passEnv.message.contains("pass_env"))
        let stepEnv = try #require(error("clean_room:\n  caches:\n    go: {env: {GOCACHE: b}}\n  steps:\n    - {name: t, run: 'true', env: {GOCACHE: /tmp/x}}\n"))
        #expect(stepEnv.key == "clean_room.steps[0].env.GOCACHE" && stepEnv.line == 5, "\(stepEnv)")
    }

    @Test func theFastTierHasNoCaches() throws {
        let found = try #require(error("fast:\n  caches:\n    go: {env: {GOCACHE: b}}\n  steps:\n    - {name: t, run: 'true'}\n"))
        #expect(found.key == "fast.caches" && found.line == 2)
        #expect(found.message.contains("clean room only"))
    }

    @Test func kubernetesCachesLiveOnTheClaim() throws {
        let base = "clean_room:\n  backend: kubernetes\n  kubernetes:\n    image: alpine\n"
        let noClaim = try #require(error(base + "  caches:\n    go: {env: {GOCACHE: b}}\n  steps:\n    - {name: t, run: 'true'}\n"))
        #expect(noClaim.key == "clean_room.caches" && noClaim.message.contains("cache_pvc"))
        let path = try #require(error(base + "    cache_pvc: c\n  caches:\n    go: {env: {GOCACHE: b}, path: /srv/go}\n  steps:\n    - {name: t, run: 'true'}\n"))
        #expect(path.key == "clean_room.caches.go.path" && path.message.contains("local backend only"))
        let fine = try parse(base + "    cache_pvc: c\n  caches:\n    go: {env: {GOCACHE: b}}\n  steps:\n    - {name: t, run: 'true'}\n")
        #expect(fine.cleanRoom.caches.map(\.name) == ["go"])
    }

    @Test func agesForPruningAcceptDays() {
        #expect(DurationParser.age(from: "30d") == TimeInterval(30 * 86400))
        #expect(DurationParser.age(from: "1d12h") == TimeInterval(36 * 3600))
        #expect(DurationParser.age(from: "3650d") == TimeInterval(3650 * 86400))
        #expect(DurationParser.age(from: "3651d") == nil)
        #expect(DurationParser.age(from: "-1d") == nil)
        #expect(DurationParser.seconds(from: "8d") == nil)  // step limits stay at most 7 days
        #expect(DurationParser.format(30 * 86400 + 3600) == "30d1h")
    }

    /// With HOME unset, empty or relative (cron, `env -i`), the password database's home still counts.
    @Test func theUsersHomeIsKnownWithoutHOME() throws {
        let database = try #require(UserHome.passwordDatabase())
        #expect(UserHome.all(environment: [:]) == [database])
        #expect(UserHome.all(environment: ["HOME": "relative"]) == [database])
        #expect(UserHome.all(environment: ["HOME": "/elsewhere"]) == (database == "/elsewhere" ? [database] : ["/elsewhere", database]))
    }
}
