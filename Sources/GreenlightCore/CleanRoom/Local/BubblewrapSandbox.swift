import Foundation

/// The local clean room's seal: every step runs under bubblewrap
/// (https://github.com/containers/bubblewrap, `bwrap(1)`), in new user, mount, PID, IPC and
/// UTS namespaces (and a new network namespace when `clean_room.network` is false), in a new
/// session (no controlling terminal to inject keystrokes into), with every capability dropped.
///
/// Inside, the filesystem is built from nothing:
/// - `/usr` and `/etc` read-only (and `/bin`, `/sbin`, `/lib*` as the host has them: symbolic
///   links into /usr, or read-only binds), the sandbox's own `/proc` and a minimal `/dev`;
/// - `clean_room.mounts`, read-only, at the same paths;
/// - `/clean-room/src` (the checkout, the working directory), `/clean-room/home` (HOME) and
///   `/tmp` (TMPDIR): the only writable places, each a directory of this clean room;
/// - `/clean-room/objects`: the workspace's object store, read-only, which the checkout borrows
///   through the relative `objects/info/alternates` entry `../../../objects`;
/// - `/clean-room/caches/<name>`: each cache of `clean_room.caches`, read-write (shared state
///   between runs, recorded in every verdict).
///
/// The rest is read-only and empty: the workspace, the user's HOME, greenlight's process (its
/// environment in `/proc`) are not there. bwrap's own init is PID 1; when the step's shell ends,
/// the namespace ends and the kernel kills every process left in it.
struct BubblewrapSandbox: StepSandbox {
    static let sourcePath = "/clean-room/src"
    static let homePath = "/clean-room/home"
    static let objectsPath = "/clean-room/objects"
    static let temporaryPath = "/tmp"
    /// Where the caches are mounted, one directory per cache name.
    static let cachesPath = "/clean-room/caches"
    /// The checkout's `objects/info/alternates` entry: `<root>/objects` outside (a symbolic link to the
    /// workspace's object store), `/clean-room/objects` inside. Relative to `<checkout>/.git/objects`.
    static let alternateEntry = "../../../objects"

    /// The first of `locations` (`TierContext.bubblewrapLocations`) that is an executable file.
    static func locate(in locations: [String]) -> String? {
        locations.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// What to tell a user whose machine cannot seal the clean room.
    static let howToFix = "install bubblewrap (`apt-get install bubblewrap`, which ./install.sh does) and allow unprivileged "
        + "user namespaces (sysctl kernel.unprivileged_userns_clone=1; on Ubuntu 24.04 also "
        + "kernel.apparmor_restrict_unprivileged_userns=0 or an AppArmor profile for bwrap; in a container, a runtime "
        + "that permits user namespaces), or set `clean_room.isolation: best-effort` to run unsealed"

    let executable: String
    /// The clean room's host directory: `src`, `home`, `tmp`, and `objects` (a symbolic link).
    let root: URL
    let network: Bool
    /// `clean_room.mounts`: host paths bound read-only at the same path.
    let mounts: [String]
    /// Object stores the workspace's own store borrows from (its absolute alternates), bound read-only
    /// at the same path so that the chain of alternates resolves inside.
    let borrowedStores: [String]
    /// `clean_room.caches`: each cache's name and its directory on this machine, bound read-write
    /// at `/clean-room/caches/<name>`.
    var caches: [(name: String, path: String)] = []

    /// bwrap's options, up to and including `--`.
    var options: [String] {
        var options = ["--unshare-user", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-cgroup-try"]
        if !network { options.append("--unshare-net") }
        options += ["--die-with-parent", "--new-session", "--cap-drop", "ALL", "--hostname", "greenlight-clean-room"]
        options += ["--ro-bind", "/usr", "/usr", "--ro-bind", "/etc", "/etc"]
        for path in ["/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"] {
            if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) {
                options += ["--symlink", target, path]
            } else if FileManager.default.fileExists(atPath: path) {
                options += ["--ro-bind", path, path]
            }
        }
        // /etc/resolv.conf is often a link into /run (systemd-resolved).
        if network { options += ["--ro-bind-try", "/run/systemd/resolve", "/run/systemd/resolve"] }
        options += ["--proc", "/proc", "--dev", "/dev"]
        options += [
            "--bind", root.appendingPathComponent("src").path, Self.sourcePath,
            "--bind", root.appendingPathComponent("home").path, Self.homePath,
            "--bind", root.appendingPathComponent("tmp").path, Self.temporaryPath,
            "--ro-bind", root.appendingPathComponent("objects").path, Self.objectsPath,
        ]
        for cache in caches { options += ["--bind", cache.path, "\(Self.cachesPath)/\(cache.name)"] }
        // Last, so a toolchain or a store under /tmp is not hidden by the clean room's own /tmp
        // (mounts over /clean-room, /proc, /dev and /tmp itself are refused).
        for store in borrowedStores { options += ["--ro-bind", store, store] }
        for mount in mounts { options += ["--ro-bind", mount, mount] }
        options += [
            "--remount-ro", "/",
            "--chdir", Self.sourcePath,
            "--",
        ]
        return options
    }

    var insideDirectory: String { Self.sourcePath }

    /// Every other field of `spec` (environment, timeouts, what a timeout does) is kept.
    func wrap(_ spec: ProcessSpec) -> ProcessSpec {
        var wrapped = spec
        wrapped.executable = executable
        wrapped.arguments = options + [spec.executable] + spec.arguments
        wrapped.directory = root
        return wrapped
    }

    /// Starts the sandbox once with `/bin/sh -c 'exit 0'` inside. `nil` when it works; else why not
    /// (decided from the exit status; bwrap's first line of stderr is quoted for the user).
    func probe(runner: ProcessRunner, environment: [String: String]) async -> String? {
        let spec = wrap(ProcessSpec(command: "exit 0", directory: root, environment: environment, timeout: 60))
        do {
            let result = try await runner.capture(spec, limit: 64 * 1024)
            if result.succeeded { return nil }
            return "bubblewrap could not start the sandbox (\(result.firstErrorLine))"
        } catch {
            return "bubblewrap could not be started (\(error))"
        }
    }

    /// The absolute entries of `<objects>/info/alternates` that are object stores: stores the
    /// workspace borrows from. Only a directory named `objects` that holds a `pack` directory
    /// counts, so the file (which the workspace controls) cannot mount an arbitrary host
    /// directory such as a HOME into the sandbox.
    static func borrowedStores(of objects: URL) -> [String] {
        guard let text = try? String(contentsOf: objects.appendingPathComponent("info/alternates"), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { entry in
            guard entry.hasPrefix("/"), let normalized = SandboxMount.normalized(entry), normalized.hasSuffix("/objects"),
                  !SandboxMount.reserved(normalized) else { return false }
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: normalized + "/pack", isDirectory: &isDirectory) && isDirectory.boolValue
        }.compactMap(SandboxMount.normalized)
    }
}
