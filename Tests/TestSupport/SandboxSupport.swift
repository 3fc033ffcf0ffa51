import Foundation
import Testing

/// Whether this machine can run greenlight's sealed clean room (bubblewrap with unprivileged
/// user and PID namespaces). Tests that need it are enabled only when it works, and are
/// reported as skipped with `skipReason` otherwise, never passed silently.
public enum SandboxSupport {
    /// Where bwrap is, at the paths greenlight itself looks (never PATH).
    static let bwrap = ["/usr/bin/bwrap", "/usr/local/bin/bwrap", "/bin/bwrap"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Why the sandbox cannot run here; `nil` when it can (bwrap starts `true` in new namespaces).
    public static let problem: String? = {
        guard let bwrap else { return "bubblewrap (bwrap) is not installed; run ./install.sh or apt-get install bubblewrap" }
        let result = try? FixtureProcess().run(
            [bwrap, "--unshare-user", "--unshare-pid", "--unshare-ipc", "--ro-bind", "/", "/", "--proc", "/proc", "--", "/bin/true"],
            in: URL(fileURLWithPath: "/"), environment: ["PATH": "/usr/bin:/bin"], timeout: 30)
        guard let result else { return "bwrap could not be started" }
        return result.succeeded ? nil
            : "this machine does not allow unprivileged user namespaces for bwrap (\(result.stderr.split(separator: "\n").first ?? ""))"
    }()

    /// Whether the sandbox works here; when it does not, says why once on stderr (the skip
    /// message itself must be a literal).
    public static let available: Bool = {
        if let problem { FileHandle.standardError.write(Data("greenlight tests: skipping sealed clean-room tests: \(problem)\n".utf8)) }
        return problem == nil
    }()
}

extension Trait where Self == ConditionTrait {
    /// Enables a test or suite only where greenlight's sealed clean room can run; elsewhere it is
    /// reported as skipped with this reason (and `SandboxSupport.problem` on stderr).
    public static var requiresSandbox: Self {
        .enabled(if: SandboxSupport.available,
                 "needs the sealed clean room: bubblewrap (apt-get install bubblewrap) with unprivileged user and PID namespaces")
    }
}
