import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Finds the test processes below a hung step through `/proc` (never from the step's command
/// text) and asks each for its state with the signal its runtime answers with a dump
/// (`StateRequest.Kind`). Every interpreter of a known kind is asked, wrappers included (a
/// `tox` above pytest, pytest above a Python server its test started): each prints its own
/// state and `HangDumpCollector` keeps the dump that names a test. A Go test binary is asked
/// itself, never its `go` parent, which may die first and lose the dump.
public enum StateDump {
    /// Sends `request` its state signal; false when the process is gone.
    @discardableResult
    public static func ask(_ request: StateRequest) -> Bool {
        kill(request.pid, request.kind.signal) == 0
    }

    /// The test processes below `root` (its descendants, by the parent links in
    /// `/proc/<pid>/stat`), deepest first: they are asked one at a time in this order (the test
    /// process before a wrapper above it), so that dumps written to one pipe do not interleave.
    /// A process that is gone or cannot be read is left out; nothing is thrown.
    public static func candidates(below root: pid_t) -> [StateRequest] {
        let table = ProcessTable.entries()
        var children: [pid_t: [pid_t]] = [:]
        for entry in table where entry.state != "Z" { children[entry.parent, default: []].append(entry.pid) }
        var below: [(pid: pid_t, depth: Int)] = []
        var queue = (children[root] ?? []).map { ($0, 1) }
        var seen = Set<pid_t>()
        while let (pid, depth) = queue.popLast() {
            guard seen.insert(pid).inserted else { continue }
            below.append((pid, depth))
            queue += (children[pid] ?? []).map { ($0, depth + 1) }
        }
        var found: [(request: StateRequest, depth: Int)] = []
        for (pid, depth) in below {
            let program = programName(of: pid)
            guard let kind = kind(of: pid, program: program) else { continue }
            found.append((StateRequest(pid: pid, program: program, kind: kind), depth))
        }
        return found.sorted { $0.depth != $1.depth ? $0.depth > $1.depth : $0.request.pid < $1.request.pid }.map(\.request)
    }

    /// The kind of test process `pid` is, `nil` when it is none greenlight knows how to ask.
    static func kind(of pid: pid_t, program: String) -> StateRequest.Kind? {
        if program.hasSuffix(".test") {
            return isGinkgoSuite(pid) ? .ginkgo : .goTest
        }
        if program == "java" { return .jvm }
        if program.hasSuffix(".xctest") || program == "swiftpm-testing-helper" {
            // Without the backtracer, SIGABRT would only kill it, with nothing printed.
            return environment(of: pid).contains { $0.hasPrefix("SWIFT_BACKTRACE=") && $0.contains("enable=yes") } ? .swift : nil
        }
        if program.hasPrefix("python"), program.dropFirst("python".count).allSatisfy({ $0.isNumber || $0 == "." }) {
            // Without faulthandler, SIGABRT would only kill it, with nothing printed.
            return environment(of: pid).contains { $0.hasPrefix("PYTHONFAULTHANDLER=") && $0 != "PYTHONFAULTHANDLER=" } ? .python : nil
        }
        return nil
    }

    /// The file name of the program `pid` runs: `/proc/<pid>/exe`'s target (as the process's
    /// own mount namespace names it), else `argv[0]`, else `comm` (15 bytes at most).
    static func programName(of pid: pid_t) -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/\(pid)/exe", &buffer, buffer.count - 1)
        if count > 0 {
            var path = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if path.hasSuffix(" (deleted)") { path.removeLast(" (deleted)".count) }
            return String(path.split(separator: "/").last ?? Substring(path))
        }
        if let first = arguments(of: pid).first, !first.isEmpty { return String(first.split(separator: "/").last ?? Substring(first)) }
        return String(decoding: contents("/proc/\(pid)/comm", limit: 64), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A Go test binary is taken for a Ginkgo suite only when the Ginkgo CLI started it (it passes
    /// `-ginkgo.` flags). Under `go test` a binary that links Ginkgo may be running a plain Go
    /// test, where Ginkgo's interrupt handler is not installed and SIGINT would end it with
    /// nothing printed; SIGQUIT's goroutine dump shows a running spec's goroutine all the same.
    static func isGinkgoSuite(_ pid: pid_t) -> Bool {
        arguments(of: pid).contains { $0.hasPrefix("-ginkgo.") || $0.hasPrefix("--ginkgo.") }
    }

    static func arguments(of pid: pid_t) -> [String] {
        nulSeparated("/proc/\(pid)/cmdline")
    }

    static func environment(of pid: pid_t) -> [String] {
        nulSeparated("/proc/\(pid)/environ")
    }

    private static func nulSeparated(_ path: String) -> [String] {
        contents(path, limit: 1 << 20).split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The first `limit` bytes of a `/proc` file, opened close-on-exec (a step started on another
    /// thread meanwhile must not inherit it); empty when it cannot be read.
    private static func contents(_ path: String, limit: Int) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return [] }
        defer { close(descriptor) }
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while result.count < limit {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            result += buffer[0..<min(count, limit - result.count)]
        }
        return result
    }

}
