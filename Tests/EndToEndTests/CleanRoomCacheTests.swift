import Foundation
import GreenlightCore
import GreenlightTestSupport
import Testing

/// Named caches (`clean_room.caches`) and parallel clean-room steps, through the real binary:
/// what persists between runs, where it may live, what a verdict says about it, and steps that
/// really run at once, each in a checkout of its own.
@Suite("clean-room caches and parallel steps", .requiresSandbox, .timeLimit(.minutes(3)))
struct CleanRoomCacheTests {
    func environment(_ repo: ScratchRepository) throws -> [String: String] {
        var env = TestEnvironment.base
        env["HOME"] = repo.scratch.path("home").path
        env["TMPDIR"] = repo.scratch.path("tmp").path
        try FileManager.default.createDirectory(at: repo.scratch.path("home"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: repo.scratch.path("tmp"), withIntermediateDirectories: true)
        return env
    }

    func repository(_ config: String, files: [String: String] = [:]) throws -> ScratchRepository {
        let repo = try ScratchRepository()
        for (path, content) in files { try repo.write(path, content, executable: path.hasSuffix(".sh")) }
        try repo.write(".greenlight.yml", config)
        try repo.commitAll("initial")
        return repo
    }

    func log(_ repo: ScratchRepository, step: String? = nil) throws -> String {
        let logs = repo.url.appendingPathComponent(".git/greenlight/logs")
        let names = try FileManager.default.contentsOfDirectory(atPath: logs.path)
        let name = try #require(names.first { file in step.map { file.hasSuffix(".\($0).log") } ?? !file.dropLast(4).contains(".") },
                                "logs: \(names)")
        return try String(contentsOf: logs.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func aCachePersistsBetweenRunsAndTheVerdictRecordsIt() throws {
        let step = """
            #!/bin/sh
            echo "DEMO=$DEMO ROOT=$DEMO_ROOT"
            n=$(cat "$DEMO/count" 2>/dev/null || echo 0)
            mkdir -p "$DEMO" && echo $((n + 1)) > "$DEMO/count"
            echo "count was $n"
            echo scratch > "$HOME/in-home"
            """
        let repo = try repository("""
            clean_room:
              caches:
                demo: {env: {DEMO: store, DEMO_ROOT: .}}
              steps:
                - {name: count, run: ./step.sh}
            """, files: ["step.sh": step])
        let env = try environment(repo)
        let first = try GreenlightBinary.run(["check", "--tier", "clean-room"], in: repo.url, environment: env)
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        let second = try GreenlightBinary.run(["check", "--tier", "clean-room", "--no-cache"], in: repo.url, environment: env)
        #expect(second.status == 0, "\(second.stdout)\(second.stderr)")
        let text = try log(repo)
        #expect(text.contains("DEMO=/clean-room/caches/demo/store ROOT=/clean-room/caches/demo\n"), "\(text)")
        #expect(text.contains("count was 0\n") && text.contains("count was 1\n"), "\(text)")
        let storage = repo.url.appendingPathComponent(".git/greenlight/caches/demo")
        #expect(try String(contentsOf: storage.appendingPathComponent("store/count"), encoding: .utf8) == "2\n")
        // Only the cache survived: HOME was the run's own.
        #expect(try FileManager.default.contentsOfDirectory(atPath: storage.path) == ["store"])
        let note = try #require(try repo.note())
        #expect(note.contains(#""caches":["demo"]"#), "\(note)")
        let json = try GreenlightBinary.run(["check", "--tier", "clean-room", "--json"], in: repo.url, environment: env)
        let tier = ((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["tiers"] as? [[String: Any]])?.first
        #expect(tier?["caches"] as? [String] == ["demo"] && tier?["cached"] as? Bool == true, "\(json.stdout)")
        let status = try GreenlightBinary.run(["status"], in: repo.url, environment: env)
        #expect(status.stdout.contains("caches mounted: demo"), "\(status.stdout)")
    }

    /// A cache's `path` may not be workspace state, in or around HOME, the git directory (greenlight's
    /// own lock directory included), around where clean rooms check out, a whole top-level directory
    /// or a system directory.
    @Test(arguments: ["<tree>/build-output", "<home>", "<home>/..", "<home>/.ssh", "/usr/local/cache", "<tree>/.git/objects",
                      "<tree>/.git/greenlight/caches/.locks", "<tmp>", "/tmp", "/var/lib/greenlight", "/root/cache"])
    func aCacheWhereNoneMayLiveIsAnErrorNamingIt(_ template: String) throws {
        let repo = try ScratchRepository()
        let home = repo.scratch.path("home").path
        let path = template.replacingOccurrences(of: "<tree>", with: repo.url.path).replacingOccurrences(of: "<home>", with: home)
            .replacingOccurrences(of: "<tmp>", with: repo.scratch.path("tmp").path)
        let normalized = URL(fileURLWithPath: path).standardizedFileURL.path
        try repo.write(".greenlight.yml", "clean_room:\n  caches:\n    c: {env: {C: x}, path: '\(normalized)'}\n  steps:\n    - {name: t, run: 'true'}\n")
        try repo.commitAll("initial")
        let result = try GreenlightBinary.run(["check", "--tier", "clean-room"], in: repo.url, environment: try environment(repo))
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("cannot mount the clean room's caches: \(normalized): cache 'c' would live at"), "\(result.stdout)")
        #expect(!FileManager.default.fileExists(atPath: repo.url.appendingPathComponent("build-output").path))
        #expect(try repo.note() == nil || !(try repo.note()!.contains(#""verdict":"pass""#)))
    }

    /// A cache below HOME is allowed in greenlight's own `~/.cache/greenlight`, and only there.
    @Test func aCacheInGreenlightsOwnCacheDirectoryUnderHomeIsAllowed() throws {
        let repo = try ScratchRepository()
        let env = try environment(repo)
        let path = repo.scratch.path("home/.cache/greenlight/go").path
        try repo.write(".greenlight.yml", "clean_room:\n  caches:\n    go: {env: {C: x}, path: '\(path)'}\n  steps:\n    - {name: t, run: 'mkdir -p $C && echo hi > $C/f'}\n")
        try repo.commitAll("initial")
        let result = try GreenlightBinary.run(["check", "--tier", "clean-room"], in: repo.url, environment: env)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(try String(contentsOfFile: path + "/x/f", encoding: .utf8) == "hi\n")
    }

    /// One cache inside another would let a step swap the inner one's directory for a link to
    /// anywhere the host then binds: refused, whichever is configured first.
    @Test func nestedCachesAreRefused() throws {
        let repo = try ScratchRepository()
        let env = try environment(repo)
        let outer = repo.scratch.path("cc").path
        try repo.write(".greenlight.yml", """
            clean_room:
              caches:
                b: {env: {B: .}, path: '\(outer)/b'}
                a: {env: {A: .}, path: '\(outer)'}
              steps:
                - {name: t, run: 'true'}
            """)
        try repo.commitAll("initial")
        let result = try GreenlightBinary.run(["check", "--tier", "clean-room"], in: repo.url, environment: env)
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("cache 'a' would live at \(outer), in or around cache 'b' at \(outer)/b"), "\(result.stdout)")
    }

    /// Paths are compared byte by byte: a combining mark after a '/' does not hide one cache inside another.
    @Test func aCombiningMarkDoesNotHideNesting() throws {
        let repo = try ScratchRepository()
        let env = try environment(repo)
        let outer = repo.scratch.path("nest").path
        try repo.write(".greenlight.yml", "clean_room:\n  caches:\n    a: {env: {A: .}, path: '\(outer)'}\n    b: {env: {B: .}, path: '\(outer)/\u{301}b'}\n  steps:\n    - {name: t, run: 'true'}\n")
        try repo.commitAll("initial")
        let result = try GreenlightBinary.run(["check", "--tier", "clean-room"], in: repo.url, environment: env)
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("in or around cache"), "\(result.stdout)")
    }

    /// One repository's cache may not lie in or around another's: the other repository's steps
    /// could swap it for a link. The caches every clean room mounted are in the user's registry.
    @Test func aCacheInsideAnotherRepositorysCacheIsRefused() throws {
        let scratch = try ScratchDirectory()
        let shared = scratch.path("shared-cache").path
        let first = try ScratchRepository("first", in: scratch)
        try first.write(".greenlight.yml", "clean_room:\n  caches:\n    go: {env: {GOMODCACHE: mod}, path: '\(shared)'}\n  steps:\n    - {name: t, run: 'mkdir -p $GOMODCACHE'}\n")
        try first.commitAll("first")
        var env = TestEnvironment.base
        env["HOME"] = scratch.path("home").path
        env["TMPDIR"] = scratch.path("tmp").path
        try FileManager.default.createDirectory(at: scratch.path("tmp"), withIntermediateDirectories: true)
        let one = try GreenlightBinary.run(["check", "--tier", "clean-room"], in: first.url, environment: env)
        #expect(one.status == 0, "\(one.stdout)\(one.stderr)")
        let registry = try String(contentsOf: scratch.path("home/.local/state/greenlight/cache-directories"), encoding: .utf8)
        #expect(registry.split(separator: "\n").contains { $0 == shared }, "\(registry)")

        let second = try ScratchRepository("second", in: scratch)
        try second.write(".greenlight.yml", "clean_room:\n  caches:\n    mod: {env: {M: .}, path: '\(shared)/mod'}\n  steps:\n    - {name: t, run: 'true'}\n")
        try second.commitAll("second")
        let two = try GreenlightBinary.run(["check", "--tier", "clean-room"], in: second.url, environment: env)
        #expect(two.status == 2, "\(two.stdout)\(two.stderr)")
        #expect(two.stdout.contains("in or around \(shared), a cache another clean room of this user mounts"), "\(two.stdout)")
        // The same directory, shared on purpose, is fine.
        try second.write(".greenlight.yml", "clean_room:\n  caches:\n    go: {env: {GOMODCACHE: mod}, path: '\(shared)'}\n  steps:\n    - {name: t, run: 'test -d $GOMODCACHE'}\n")
        try second.commitAll("shared")
        let three = try GreenlightBinary.run(["check", "--tier", "clean-room"], in: second.url, environment: env)
        #expect(three.status == 0, "\(three.stdout)\(three.stderr)")
    }

    /// A path reached through a symbolic link, or an existing directory that holds files no clean room
    /// put there, is refused: a cache must be a directory of its own, named as it is.
    @Test func aCachePathThroughALinkOrIntoAFullDirectoryIsRefused() throws {
        let repo = try ScratchRepository()
        let env = try environment(repo)
        let real = repo.scratch.path("real")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: repo.scratch.path("link"), withDestinationURL: real)
        let tools = repo.scratch.path("tools")
        try FileManager.default.createDirectory(at: tools, withIntermediateDirectories: true)
        try "#!/bin/sh\n".write(to: tools.appendingPathComponent("deploy.sh"), atomically: true, encoding: .utf8)
        for (path, message) in [(repo.scratch.path("link/c").path, "would be reached through the symbolic link \(repo.scratch.path("link").path)"),
                                (tools.path, "which already holds files no clean room put there (deploy.sh…)")] {
            try repo.write(".greenlight.yml", "clean_room:\n  caches:\n    c: {env: {C: .}, path: '\(path)'}\n  steps:\n    - {name: t, run: 'true'}\n")
            try repo.commitAll("cache at \(path)")
            let result = try GreenlightBinary.run(["check", "--tier", "clean-room"], in: repo.url, environment: env)
            #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
            #expect(result.stdout.contains(message), "\(result.stdout)")
            let listed = try GreenlightBinary.run(["caches"], in: repo.url, environment: env)
            #expect(listed.status == 2 && listed.stdout.contains("c: refused: "), "\(listed.stdout)")
        }
    }

    /// `caches` and `caches prune` apply the rules a run applies: a cache configured where none may
    /// live (here the working tree) is listed as refused and never walked or emptied.
    @Test func pruneNeverEmptiesWhatARunWouldRefuse() throws {
        let repo = try ScratchRepository()
        let env = try environment(repo)
        try repo.write(".greenlight.yml", "clean_room:\n  caches:\n    c: {env: {C: .}, path: '\(repo.url.path)'}\n  steps:\n    - {name: t, run: 'true'}\n")
        try repo.write("precious.txt", "keep me\n")
        try repo.commitAll("initial")
        let listed = try GreenlightBinary.run(["caches"], in: repo.url, environment: env)
        #expect(listed.status == 2)
        #expect(listed.stdout.contains("c: refused: cache 'c' would live at \(repo.url.path), inside the working tree"), "\(listed.stdout)")
        let pruned = try GreenlightBinary.run(["caches", "prune"], in: repo.url, environment: env)
        #expect(pruned.status == 2, "\(pruned.stdout)\(pruned.stderr)")
        #expect(pruned.stdout.hasPrefix("c: refused, nothing removed: cache 'c' would live at"), "\(pruned.stdout)")
        #expect(try repo.read("precious.txt") == "keep me\n")
        #expect(FileManager.default.fileExists(atPath: repo.url.appendingPathComponent(".git/HEAD").path))
    }

    /// A symbolic link where greenlight keeps a cache is not followed: not by a run, not by a prune.
    @Test func aLinkInPlaceOfADefaultCacheIsRefused() throws {
        let repo = try repository("clean_room:\n  caches:\n    k: {env: {K: .}}\n  steps:\n    - {name: t, run: 'echo planted > $K/f'}\n")
        let env = try environment(repo)
        let victim = repo.scratch.path("victim")
        try FileManager.default.createDirectory(at: victim, withIntermediateDirectories: true)
        try "mine\n".write(to: victim.appendingPathComponent("own"), atomically: true, encoding: .utf8)
        let caches = repo.url.appendingPathComponent(".git/greenlight/caches")
        try FileManager.default.createDirectory(at: caches, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: caches.appendingPathComponent("k"), withDestinationURL: victim)
        let result = try GreenlightBinary.run(["check", "--tier", "clean-room"], in: repo.url, environment: env)
        #expect(result.status == 2, "\(result.stdout)")
        #expect(result.stdout.contains("is not a directory greenlight made (a symbolic link or a file)"), "\(result.stdout)")
        let pruned = try GreenlightBinary.run(["caches", "prune", "k"], in: repo.url, environment: env)
        #expect(pruned.status == 2, "\(pruned.stdout)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: victim.path) == ["own"])
    }

    /// A tree deeper than PATH_MAX, and a directory its owner made unreadable, are pruned all the same.
    @Test func pruneEmptiesDeepAndUnreadableTrees() throws {
        let repo = try repository("""
            clean_room:
              caches:
                deep: {env: {D: .}}
              steps:
                - {name: fill, run: 'cd "$D" && mkdir locked && echo x > locked/f && chmod 000 locked && exec bash -c "for i in \\$(seq 1100); do mkdir dddd && cd dddd || exit 1; done; echo bottom > f"'}
            """)
        let env = try environment(repo)
        let run = try GreenlightBinary.run(["check", "--tier", "clean-room"], in: repo.url, environment: env)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let pruned = try GreenlightBinary.run(["caches", "prune", "deep"], in: repo.url, environment: env)
        #expect(pruned.status == 0, "\(pruned.stdout)\(pruned.stderr)")
        #expect(pruned.stdout.hasPrefix("deep: removed 2 files (everything), "), "\(pruned.stdout)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: repo.url.appendingPathComponent(".git/greenlight/caches/deep").path).isEmpty)
    }

    /// Two steps that can only pass together: each waits (through the shared cache) for the other to
    /// have started, so steps run one after the other would time out. Each also sees only its own checkout.
    @Test func parallelStepsRunAtOnceInCheckoutsOfTheirOwn() throws {
        let step = """
            #!/bin/sh
            me=$1; other=$2
            touch "mine-$me"
            [ -e "mine-$other" ] && { echo "$me sees $other's file"; exit 1; }
            touch "$MEET/$me"
            i=0
            while [ ! -e "$MEET/$other" ]; do
              i=$((i + 1)); [ $i -gt 200 ] && { echo "$me never met $other"; exit 1; }
              sleep 0.1
            done
            echo "$me met $other in $(pwd)"
            """
        let repo = try repository("""
            clean_room:
              parallel: true
              caches:
                meet: {env: {MEET: .}}
              steps:
                - {name: left, run: ./meet.sh left right, timeout: 60s}
                - {name: right, run: ./meet.sh right left, timeout: 60s}
            """, files: ["meet.sh": step])
        let result = try GreenlightBinary.run(["check", "--tier", "clean-room"], in: repo.url, environment: try environment(repo))
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(try log(repo, step: "left").contains("left met right in /clean-room/src\n"))
        #expect(try log(repo, step: "right").contains("right met left in /clean-room/src\n"))
        let tierLog = try log(repo)
        #expect(tierLog.contains("step left: log "), "\(tierLog)")
        let note = try #require(try repo.note())
        #expect(note.contains(#""name":"left""#) && note.contains(#""name":"right""#) && note.contains(#""verdict":"pass""#))
        // Both temporary checkouts are gone.
        let left = try FileManager.default.contentsOfDirectory(atPath: repo.scratch.url.path).filter { $0.hasPrefix("greenlight-clean-") }
        #expect(left.isEmpty, "\(left)")
    }

    /// The steps of the first tier of `check --json`'s document.
    static func steps(_ result: Command.Result) throws -> [[String: Any]] {
        let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return ((document?["tiers"] as? [[String: Any]])?.first?["steps"] as? [[String: Any]]) ?? []
    }

    @Test func failFastStopsTheOtherStepsAndTheReportShowsEveryStep() throws {
        let failing = try repository("""
            clean_room:
              parallel: true
              steps:
                - {name: breaks, run: 'sleep 0.5; echo broken; exit 3'}
                - {name: slow, run: 'sleep 120'}
            """)
        let stopped = try GreenlightBinary.run(["check", "--tier", "clean-room", "--json"], in: failing.url, environment: try environment(failing))
        #expect(stopped.status == 1, "\(stopped.stdout)\(stopped.stderr)")
        let steps = try Self.steps(stopped)
        #expect(steps.map { $0["name"] as? String } == ["breaks", "slow"], "\(stopped.stdout)")
        #expect(steps.map { $0["verdict"] as? String } == ["fail", "skipped"], "\(stopped.stdout)")
        #expect(steps[1]["reason"] as? String == "stopped: another step failed first (fail_fast)", "\(stopped.stdout)")

        let patient = try repository("""
            clean_room:
              parallel: true
              fail_fast: false
              steps:
                - {name: breaks, run: 'exit 3'}
                - {name: slow, run: 'sleep 1; echo finished'}
            """)
        let all = try GreenlightBinary.run(["check", "--tier", "clean-room", "--json"], in: patient.url, environment: try environment(patient))
        #expect(all.status == 1, "\(all.stdout)\(all.stderr)")
        let allSteps = try Self.steps(all)
        #expect(allSteps.map { $0["verdict"] as? String } == ["fail", "pass"], "\(all.stdout)")

        // In order with fail_fast off, a failure does not stop the next step either.
        let ordered = try repository("""
            clean_room:
              fail_fast: false
              steps:
                - {name: breaks, run: 'exit 3'}
                - {name: after, run: 'echo ran'}
            """)
        let inOrder = try GreenlightBinary.run(["check", "--tier", "clean-room", "--json"], in: ordered.url, environment: try environment(ordered))
        let orderedSteps = try Self.steps(inOrder)
        #expect(orderedSteps.map { $0["verdict"] as? String } == ["fail", "pass"], "\(inOrder.stdout)")
    }

    @Test func cachesListsAndPrunes() throws {
        let repo = try repository("""
            clean_room:
              caches:
                demo: {env: {DEMO: store}}
              steps:
                - {name: fill, run: 'mkdir -p "$DEMO/sub" && head -c 10000 /dev/zero > "$DEMO/sub/blob" && chmod 555 "$DEMO/sub"'}
            """)
        let env = try environment(repo)
        let root = repo.url.appendingPathComponent(".git/greenlight/caches").path
        let empty = try GreenlightBinary.run(["caches"], in: repo.url, environment: env)
        #expect(empty.status == 0)
        #expect(empty.stdout == """
            NAME  SIZE  FILES  LAST MOUNTED  DIRECTORY
            demo   0 B      0  never         \(root)/demo (not made yet)
            demo: DEMO=/clean-room/caches/demo/store
            total 0 B

            """, "\(empty.stdout)")
        #expect(try GreenlightBinary.run(["check", "--tier", "clean-room"], in: repo.url, environment: env).status == 0)
        try FileManager.default.createDirectory(atPath: "\(root)/stale/x", withIntermediateDirectories: true)
        let listed = try GreenlightBinary.run(["caches", "list"], in: repo.url, environment: env)
        let lines = listed.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == 6, "\(listed.stdout)")
        #expect(lines[1].hasPrefix("demo   ") && lines[1].contains("      1  20") && lines[1].hasSuffix("Z  \(root)/demo"), "\(listed.stdout)")
        #expect(lines[2].hasPrefix("stale  ") && lines[2].hasSuffix("never                 \(root)/stale (not in clean_room.caches)"), "\(listed.stdout)")

        let young = try GreenlightBinary.run(["caches", "prune", "--older-than", "1d"], in: repo.url, environment: env)
        #expect(young.status == 0, "\(young.stderr)")
        #expect(young.stdout == "demo: removed 0 files (files unused for 1d), 0 B freed\nstale: removed 0 files (files unused for 1d), 0 B freed\n", "\(young.stdout)")
        #expect(FileManager.default.fileExists(atPath: "\(root)/demo/store/sub/blob"))

        let bad = try GreenlightBinary.run(["caches", "prune", "nosuch"], in: repo.url, environment: env)
        #expect(bad.status == 2 && bad.stderr.contains("no cache named 'nosuch' (caches: demo, stale)"), "\(bad.stderr)")
        let badAge = try GreenlightBinary.run(["caches", "prune", "--older-than", "soon"], in: repo.url, environment: env)
        #expect(badAge.status == 64 && badAge.stderr.contains("--older-than 'soon' is not an age"), "\(badAge.stderr)")

        let all = try GreenlightBinary.run(["caches", "prune"], in: repo.url, environment: env)
        #expect(all.status == 0, "\(all.stdout)\(all.stderr)")
        #expect(all.stdout.hasPrefix("demo: removed 1 file (everything), "), "\(all.stdout)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: "\(root)/demo").isEmpty)
        #expect(!FileManager.default.fileExists(atPath: "\(root)/stale"))
    }

    static func installed(_ tool: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") }
    }

    /// A real Go project: the first run fetches its dependency from a module proxy (a directory,
    /// GOPROXY=file://…) into the cache; the second run has no proxy (GOPROXY=off) and no network,
    /// and passes only because the cache holds what the first run fetched. With the cache pruned,
    /// the same second run fails, which proves the cache was what it used.
    @Test(.enabled(if: installed("go") && installed("python3"), "needs a Go toolchain and python3 (apt-get install golang-go python3)"))
    func aSecondGoRunNeedsNoNetworkForWhatTheFirstCached() throws {
        let scratch = try ScratchDirectory()
        let proxy = scratch.path("proxy")
        let script = """
            import json, os, sys, zipfile
            root, module, version = sys.argv[1], "example.com/greet", "v1.0.0"
            base = os.path.join(root, module, "@v")
            os.makedirs(base, exist_ok=True)
            mod = "module example.com/greet\\n\\ngo 1.19\\n"
            open(os.path.join(base, "list"), "w").write(version + "\\n")
            open(os.path.join(base, version + ".info"), "w").write(json.dumps({"Version": version}))
            open(os.path.join(base, version + ".mod"), "w").write(mod)
            with zipfile.ZipFile(os.path.join(base, version + ".zip"), "w") as z:
                z.writestr(module + "@" + version + "/go.mod", mod)
                z.writestr(module + "@" + version + "/greet.go", "package greet\\n\\nfunc Hello() string { return \\"hello\\" }\\n")
            """
        let made = try Command.run(["python3", "-c", script, proxy.path], in: scratch.url)
        #expect(made.status == 0, "\(made.stderr)")
        let files = [
            "go.mod": "module example.com/app\n\ngo 1.19\n\nrequire example.com/greet v1.0.0\n",
            "app_test.go": "package app\n\nimport (\n\t\"testing\"\n\n\t\"example.com/greet\"\n)\n\nfunc TestHello(t *testing.T) {\n\tif greet.Hello() != \"hello\" {\n\t\tt.Fatal(\"no\")\n\t}\n}\n",
        ]
        func config(proxy goproxy: String) -> String {
            """
            clean_room:
              network: false
              mounts: ['\(proxy.path)']
              env: {GOPROXY: '\(goproxy)', GOSUMDB: 'off', GOFLAGS: '-mod=mod'}
              caches:
                go: {env: {GOMODCACHE: mod, GOCACHE: build}}
              steps:
                - {name: test, run: go test -count=1 ./...}
            """
        }
        let repo = try repository(config(proxy: "file://\(proxy.path)"), files: files)
        let env = try environment(repo)
        let first = try GreenlightBinary.run(["check", "--tier", "clean-room"], in: repo.url, environment: env)
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        #expect(FileManager.default.fileExists(atPath: repo.url.appendingPathComponent(".git/greenlight/caches/go/mod/example.com/greet@v1.0.0/greet.go").path))

        try repo.write(".greenlight.yml", config(proxy: "off"))
        try repo.commitAll("no proxy")
        let second = try GreenlightBinary.run(["check", "--tier", "clean-room"], in: repo.url, environment: env)
        #expect(second.status == 0, "\(second.stdout)\(second.stderr)")

        #expect(try GreenlightBinary.run(["caches", "prune", "go"], in: repo.url, environment: env).status == 0)
        let cold = try GreenlightBinary.run(["check", "--tier", "clean-room", "--no-cache"], in: repo.url, environment: env)
        #expect(cold.status == 1, "\(cold.stdout)\(cold.stderr)")
    }
}
