import Foundation
import GreenlightCore
import GreenlightTestSupport
import Testing

/// A clean-room step written by a coder in a hurry (or an agent) tries every way out of the
/// local clean room: forge a pass into the workspace's notes through the borrowed object store,
/// read the workspace's ignored files and greenlight's environment, write the user's HOME,
/// leave a daemon behind, reach the host's loopback with the network off. Each attempt must
/// fail, and the step's real failure must stand: in `check`, in the note, and in `verify`.
@Suite("the sealed clean room", .requiresSandbox, .timeLimit(.minutes(3)))
struct CleanRoomSealTests {
    /// Runs `script` as the only clean-room step of a fresh repository (with an ignored secret file
    /// in the workspace and a secret in greenlight's environment); returns the repository, the
    /// check's result and the step's log.
    func check(_ script: String, extra: String = "", environment: [String: String] = [:])
        throws -> (repo: ScratchRepository, result: Command.Result, log: String)
    {
        let repo = try ScratchRepository()
        try repo.write(".gitignore", "secret.txt\n")
        try repo.write("secret.txt", "ignored-workspace-secret\n")
        try repo.write("step.sh", script, executable: true)
        try repo.write(".greenlight.yml", "clean_room:\n\(extra)  steps:\n    - {name: escape, run: ./step.sh}\n")
        try repo.commitAll("initial")
        var env = TestEnvironment.base
        env["HOME"] = repo.scratch.path("home").path
        env["GREENLIGHT_SECRET_IN_ENV"] = "environment-secret"
        env["TMPDIR"] = repo.scratch.url.path
        env["WORKSPACE_PATH"] = repo.url.path
        try FileManager.default.createDirectory(at: repo.scratch.path("home"), withIntermediateDirectories: true)
        for (key, value) in environment { env[key] = value }
        let result = try GreenlightBinary.run(["check", "--tier", "clean-room"], in: repo.url, environment: env)
        let logs = repo.url.appendingPathComponent(".git/greenlight/logs")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: logs.path).first)
        return (repo, result, try String(contentsOf: logs.appendingPathComponent(name), encoding: .utf8))
    }

    @Test func aForgedPassThroughTheBorrowedObjectStoreDoesNotStand() throws {
        // What worked before the seal: find the workspace through the alternates file, write a
        // note object into its store and move its notes ref to a forged pass, then fail.
        let script = """
            #!/bin/sh
            objects="$(cd .git/objects && cd "$(cat info/alternates)" && pwd -P)"
            echo "borrowed store: $objects"
            workspace_git="$(dirname "$objects")"
            record="$(git notes --ref=greenlight show HEAD 2>/dev/null)"
            forged="$(printf '%s' "$record" | sed 's/"fail"/"pass"/')"
            blob="$(printf '%s\\n' "$forged" | GIT_OBJECT_DIRECTORY="$objects" git hash-object -w --stdin 2>&1)" \\
                && echo "wrote a blob: $blob" || echo "cannot write the store: $blob"
            if [ -d "$workspace_git/refs" ]; then echo "REACHED the workspace refs"; else echo "no workspace refs at $workspace_git"; fi
            mkdir -p "$workspace_git/refs/notes" 2>/dev/null && echo "REACHED: made refs/notes" || echo "cannot make refs/notes"
            exit 1
            """
        let (repo, result, log) = try check(script)
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(log.contains("borrowed store: /clean-room/objects"), "\(log)")
        #expect(log.contains("cannot write the store:"), "\(log)")
        #expect(!log.contains("REACHED"), "\(log)")
        let note = try #require(try repo.note())
        #expect(note.contains(#""verdict":"fail""#) && !note.contains(#""verdict":"pass""#), "\(note)")
        #expect(note.contains(#""isolation":"bwrap""#), "\(note)")
        let verify = try GreenlightBinary.run(["verify", "--no-fetch"], in: repo.url)
        #expect(verify.status == 1, "\(verify.stdout)")
    }

    @Test func theWorkspaceTheUsersHomeAndGreenlightsEnvironmentAreOutOfReach() throws {
        let script = """
            #!/bin/sh
            found=0
            [ -e "$WORKSPACE_PATH/secret.txt" ] && { echo "READ the ignored file"; found=1; }
            [ -e "$WORKSPACE_PATH" ] && { echo "SAW the workspace path"; found=1; }
            [ -e "$REAL_HOME" ] && { echo "SAW the real HOME"; found=1; }
            touch "$REAL_HOME/planted" 2>/dev/null && { echo "WROTE the real HOME"; found=1; }
            for environ in /proc/[0-9]*/environ; do
                if tr '\\0' '\\n' < "$environ" 2>/dev/null | grep -q "environment-$(echo secret)"; then echo "READ $environ"; found=1; fi
            done
            needle="ignored-workspace-$(echo secret)"
            if grep -rqs "$needle" / --exclude-dir=proc --exclude-dir=sys --exclude-dir=dev --exclude-dir=usr 2>/dev/null; then
                echo "FOUND the secret on the filesystem"; found=1
            fi
            touch /usr/planted 2>/dev/null && { echo "WROTE /usr"; found=1; }
            touch /planted 2>/dev/null && { echo "WROTE /"; found=1; }
            echo "init: $(cat /proc/1/comm), processes: $(ls -d /proc/[0-9]* | wc -l)"
            echo "searched: $(find / -path /proc -prune -o -path /usr -prune -o -type f -print 2>/dev/null | wc -l) files"
            exit $found
            """
        let scratch = ScratchDirectory()
        let (repo, result, log) = try check(script, extra: "  pass_env: [WORKSPACE_PATH, REAL_HOME]\n",
                                            environment: ["REAL_HOME": scratch.url.path])
        _ = repo
        #expect(result.status == 1 || result.status == 0)
        // The paths reached the step (pass_env), so its checks were real ones.
        #expect(!log.contains("READ") && !log.contains("SAW") && !log.contains("WROTE") && !log.contains("FOUND"), "\(log)")
        #expect(log.contains("init: bwrap, processes: "), "the step runs in its own PID namespace: \(log)")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)\n\(log)")
        #expect(!FileManager.default.fileExists(atPath: scratch.path("planted").path))
    }

    @Test func aDaemonDiesWithItsStepAndTheNetworkCanBeOff() throws {
        let unique = "304.\(Int.random(in: 1000..<10000))"
        let listener = try TCPListener()
        let script = """
            #!/bin/sh
            setsid nohup sleep \(unique) > /dev/null 2>&1 &
            python3 -c 'import socket,sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 2); print("CONNECTED")' \(listener.port) 2>&1 | tail -1
            exit 0
            """
        let (_, offResult, offLog) = try check(script, extra: "  network: false\n")
        #expect(offResult.status == 0, "\(offResult.stderr)")
        #expect(!offLog.contains("CONNECTED"), "\(offLog)")
        #expect(ProcessProbe.pids(withArguments: ["sleep", unique]).isEmpty, "the daemon outlived its step")
        let (_, onResult, onLog) = try check(script)
        #expect(onResult.status == 0, "\(onResult.stderr)")
        #expect(onLog.contains("CONNECTED"), "with the network on the host's loopback is reachable: \(onLog)")
        #expect(ProcessProbe.pids(withArguments: ["sleep", unique]).isEmpty, "the daemon outlived its step")
    }

    /// The workspace's own alternates file is the coder's to write: only real object stores
    /// named in it are mounted (read-only), never another directory such as a HOME.
    @Test func onlyRealObjectStoresFromTheAlternatesFileAreMounted() throws {
        let home = ScratchDirectory()
        try "private\n".write(to: home.path("diary.txt"), atomically: true, encoding: .utf8)
        let store = ScratchDirectory()
        try Command.check(["git", "init", "-q", "--bare", store.path("shared.git").path], in: store.url)
        let shared = store.path("shared.git/objects").path
        let script = """
            #!/bin/sh
            [ -e \(home.url.path)/diary.txt ] && echo "READ the home directory"
            [ -d \(shared)/pack ] && echo "the shared store is there"
            touch \(shared)/planted 2>/dev/null && echo "WROTE the shared store"
            exit 0
            """
        let repo = try ScratchRepository()
        try repo.write("step.sh", script, executable: true)
        try repo.write(".greenlight.yml", "clean_room:\n  steps:\n    - {name: escape, run: ./step.sh}\n")
        try repo.commitAll("initial")
        let alternates = repo.url.appendingPathComponent(".git/objects/info/alternates")
        try FileManager.default.createDirectory(at: alternates.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "\(home.url.path)\n\(shared)\n".write(to: alternates, atomically: true, encoding: .utf8)
        var environment = TestEnvironment.base
        environment["TMPDIR"] = repo.scratch.url.path
        let result = try GreenlightBinary.run(["check", "--tier", "clean-room"], in: repo.url, environment: environment)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let logs = repo.url.appendingPathComponent(".git/greenlight/logs")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: logs.path).first)
        let log = try String(contentsOf: logs.appendingPathComponent(name), encoding: .utf8)
        #expect(!log.contains("READ") && !log.contains("WROTE"), "\(log)")
        #expect(log.contains("the shared store is there"), "\(log)")
    }

    /// git reads objects without checking their names: a loose blob edited in place (a failing
    /// test made to pass) would be checked out as the commit's content. The checkout is compared
    /// with the commit's tree, hash by hash, and the tier is an error that says so.
    @Test func aBlobEditedInTheObjectStoreIsNotCheckedOutAsTheCommit() throws {
        let repo = try ScratchRepository()
        try repo.write("test.sh", "#!/bin/sh\nexit 1\n", executable: true)
        try repo.write(".gitattributes", "*.txt text eol=crlf\n")
        try repo.write("notes.txt", "line one\nline two\n")
        try repo.write(".greenlight.yml", "fast:\n  steps:\n    - {name: unit, run: ./test.sh}\nclean_room:\n  steps:\n    - {name: test, run: ./test.sh}\n")
        try repo.commitAll("failing tests")
        // A clean checkout with filters (eol=crlf) still matches its commit.
        let honest = try GreenlightBinary.run(["check", "--tier", "clean-room"], in: repo.url)
        #expect(honest.status == 1, "\(honest.stdout)\(honest.stderr)")
        #expect(honest.stdout.contains("step 'test' failed with exit code 1"), "\(honest.stdout)")

        let blob = try repo.git("rev-parse", "HEAD:test.sh")
        let object = repo.url.appendingPathComponent(".git/objects/\(blob.prefix(2))/\(blob.dropFirst(2))")
        try Command.check(["sh", "-c", "chmod 644 \"$1\" && python3 -c 'import sys,zlib; b=b\"#!/bin/sh\\nexit 0\\n\"; open(sys.argv[1],\"wb\").write(zlib.compress(b\"blob %d\\0\" % len(b) + b))' \"$1\"", "sh", object.path], in: repo.url)
        let tampered = try GreenlightBinary.run(["check", "--tier", "clean-room", "--no-cache"], in: repo.url)
        #expect(tampered.status == 2, "\(tampered.stdout)\(tampered.stderr)")
        #expect(tampered.stdout.contains("the checkout does not match the commit: test.sh holds "), "\(tampered.stdout)")
        #expect(!(try repo.note() ?? "").contains(#""verdict":"pass""#))
    }

    @Test func extraMountsAreReadOnlyAndAMissingOneIsAClearError() throws {
        let tools = ScratchDirectory()
        try "#!/bin/sh\necho tool-ran\n".write(to: tools.path("tool"), atomically: true, encoding: .utf8)
        chmod(tools.path("tool").path, 0o755)
        let script = "#!/bin/sh\n\(tools.path("tool").path) && ! touch \(tools.url.path)/planted 2>/dev/null\n"
        let (_, result, log) = try check(script, extra: "  mounts: [\(tools.url.path)]\n")
        #expect(result.status == 0, "\(result.stderr)\n\(log)")
        #expect(log.contains("tool-ran"))
        #expect(!FileManager.default.fileExists(atPath: tools.path("planted").path))

        let (repo, missing, _) = try check("#!/bin/sh\nexit 0\n", extra: "  mounts: [/nonexistent/greenlight-toolchain]\n")
        #expect(missing.status == 2, "\(missing.stdout)")
        #expect(missing.stdout.contains("the clean room cannot be sealed: bubblewrap could not start the sandbox ("), "\(missing.stdout)")
        #expect(missing.stdout.contains("/nonexistent/greenlight-toolchain"), "\(missing.stdout)")
        #expect(try repo.note()?.contains(#""verdict":"error""#) == true)
    }
}

/// A TCP listener on the host's 127.0.0.1 that accepts (in the kernel's backlog) without serving.
final class TCPListener: @unchecked Sendable {
    let descriptor: Int32
    let port: Int

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard fd >= 0, bound == 0, listen(fd, 16) == 0, named == 0 else {
            close(fd)
            throw POSIXError(.EADDRINUSE)
        }
        descriptor = fd
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close(descriptor) }
}
