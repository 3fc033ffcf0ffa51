import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Finds the test processes below a hung step through `/proc` (never from the step's command
/// text) and asks each for its state with the signal its runtime answers with a dump
/// (`StateRequest.Kind`). Only leaf-most interpreters are asked (a `tox` or Maven wrapper
/// above the real test process would print its own, useless, state), and a Go test binary
/// itself, never its `go` parent, which may die first and lose the dump.
public enum StateDump {
    /// Sends each test process below `root` (its descendants, by the parent links in
    /// `/proc/<pid>/stat`) its state signal and returns what was asked, in pid order. A
    /// process that is gone or cannot be read is left out; nothing is thrown.
    public static func request(below root: pid_t) -> [StateRequest] {
        let requests = candidates(below: root)
        for request in requests { kill(request.pid, request.kind.signal) }
        return requests
    }

    /// What `request(below:)` would signal, without signalling.
    public static func candidates(below root: pid_t) -> [StateRequest] {
        let table = ProcessTable.entries()
        var children: [pid_t: [pid_t]] = [:]
        for entry in table where entry.state != "Z" { children[entry.parent, default: []].append(entry.pid) }
        var below: [pid_t] = []
        var queue = children[root] ?? []
        var seen = Set<pid_t>()
        while let pid = queue.popLast() {
            guard seen.insert(pid).inserted else { continue }
            below.append(pid)
            queue += children[pid] ?? []
        }
        var found: [pid_t: StateRequest] = [:]
        for pid in below {
            let program = programName(of: pid)
            guard let kind = kind(of: pid, program: program) else { continue }
            found[pid] = StateRequest(pid: pid, program: program, kind: kind)
        }
        // An interpreter with another of its kind below it is a wrapper: ask the inner one only.
        let leafMost = found.values.filter { request in
            guard request.kind == .python || request.kind == .jvm else { return true }
            var queue = children[request.pid] ?? []
            var visited = Set<pid_t>()
            while let pid = queue.popLast() {
                guard visited.insert(pid).inserted else { continue }
                if found[pid]?.kind == request.kind { return false }
                queue += children[pid] ?? []
            }
            return true
        }
        return leafMost.sorted { $0.pid < $1.pid }
    }

    /// The kind of test process `pid` is, `nil` when it is none greenlight knows how to ask.
    static func kind(of pid: pid_t, program: String) -> StateRequest.Kind? {
        if program.hasSuffix(".test") {
            return isGinkgoSuite(pid) ? .ginkgo : .goTest
        }
        if program == "java" { return .jvm }
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

    /// A Go test binary is a Ginkgo suite when the Ginkgo CLI passed it `-ginkgo.` flags, or
    /// when its executable holds Ginkgo's package path (a suite run by `go test`).
    static func isGinkgoSuite(_ pid: pid_t) -> Bool {
        if arguments(of: pid).contains(where: { $0.hasPrefix("-ginkgo.") || $0.hasPrefix("--ginkgo.") }) { return true }
        return fileContains("/proc/\(pid)/exe", Array("github.com/onsi/ginkgo".utf8), limit: 1 << 30)
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

    /// Whether `needle` occurs in `haystack` (a first-byte scan, then a compare).
    private static func index(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Bool {
        guard haystack.count >= needle.count, let first = needle.first else { return false }
        var position = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while position <= last {
            guard let hit = haystack[position...last].firstIndex(of: first) else { return false }
            if haystack[hit..<(hit + needle.count)].elementsEqual(needle) { return true }
            position = hit + 1
        }
        return false
    }

    /// Whether the first `limit` bytes of the file at `path` contain `needle`, read in 1 MiB chunks.
    static func fileContains(_ path: String, _ needle: [UInt8], limit: Int) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0, !needle.isEmpty else { return false }
        defer { close(descriptor) }
        let chunk = 1 << 20
        var buffer = [UInt8](repeating: 0, count: chunk + needle.count)
        var carried = 0
        var total = 0
        while total < limit {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + carried, chunk) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            total += count
            let filled = carried + count
            if Self.index(of: needle, in: buffer[0..<filled]) { return true }
            carried = min(needle.count - 1, filled)
            for index in 0..<carried { buffer[index] = buffer[filled - carried + index] }
        }
        return false
    }
}
