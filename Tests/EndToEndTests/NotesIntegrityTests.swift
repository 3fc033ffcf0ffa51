import Foundation
import GreenlightCore
import GreenlightTestSupport
import Testing

/// Verdict notes survive other writers of `refs/notes/greenlight`, real processes all at once.
@Suite("notes integrity (CLI)", .timeLimit(.minutes(5)))
struct NotesIntegrityTests {
    /// Plain `git notes append` moves the ref without checking what it pointed at, so it can
    /// replace a notes commit greenlight wrote a moment after git read the old tip. Two
    /// `greenlight check` loops race one such loop: every greenlight record must still be
    /// there once the next greenlight command has confirmed the last ones, and so must every line
    /// git reported as written.
    @Test(.timeLimit(.minutes(5)))
    func recordsSurviveAWriterThatDoesNotCompareAndSwap() throws {
        let repo = try ScratchRepository()
        try repo.write(".greenlight.yml", "fast:\n  steps:\n    - {name: ok, run: 'true'}\n")
        // Two commits, one per check loop: their records differ at least by commit (the same commit
        // could get two byte-identical records from two processes finishing in the same millisecond).
        let first = try repo.commitAll("initial")
        let second = try repo.commitAll("second")
        var environment = TestEnvironment.base
        environment["HOME"] = repo.scratch.url.path
        environment["TMPDIR"] = repo.scratch.url.path

        let runs = 20
        let checks = """
            i=1
            while [ "$i" -le "$2" ]; do
                "$1" check --no-cache "$3" >/dev/null 2>&1 || echo "check of $3, run $i, exited $?"
                i=$((i + 1))
            done
            """
        let appends = """
            i=1
            while [ "$i" -le "$1" ]; do
                if git notes --ref=greenlight append -m "foreign line $i" HEAD 2>/dev/null; then echo "appended $i"; fi
                sleep 0.0$((i % 10))
                i=$((i + 1))
            done
            """
        let loops = [
            ["sh", "-c", checks, "sh", GreenlightBinary.url.path, "\(runs)", first],
            ["sh", "-c", checks, "sh", GreenlightBinary.url.path, "\(runs)", second],
            ["sh", "-c", appends, "sh", "\(runs)"],
        ]
        // One thread per loop, so the three really run at once (the shells' `wait` is not used:
        // children of the test process inherit a blocked SIGCHLD, and dash's `wait` then never returns).
        let outcomes = Outcomes(count: loops.count)
        let done = DispatchGroup()
        let loopEnvironment = environment
        let started = Date()
        for (index, loop) in loops.enumerated() {
            done.enter()
            Thread {
                outcomes.set(index, Result { try Command.run(loop, in: repo.url, environment: loopEnvironment) })
                done.leave()
            }.start()
        }
        done.wait()
        let elapsed = Date().timeIntervalSince(started)
        let results = try outcomes.all().map { try $0.get() }
        for result in results {
            #expect(result.status == 0, "\(result.stderr)")
        }
        #expect(results[0].stdout + results[1].stdout == "", "every check passes")
        // A check does not wait out the settle time: the last records may still be pending; the
        // next greenlight command (here a cached check of each commit) confirms them.
        Thread.sleep(forTimeInterval: 0.3)
        for sha in [first, second] {
            let confirmed = try GreenlightBinary.run(["check", sha], in: repo.url, environment: environment)
            #expect(confirmed.status == 0, "\(confirmed.stderr)")
        }
        let pendingDirectory = repo.url.appendingPathComponent(".git/greenlight/notes-pending")
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: pendingDirectory.path)) ?? []).isEmpty, "every receipt was confirmed")

        var records: [Substring] = []
        for sha in [first, second] {
            let lines = try #require(try repo.note(sha)).split(separator: "\n")
            records += lines.filter { $0.contains("\"greenlight_version\"") && $0.contains("\"commit\":\"\(sha)\"") }
        }
        #expect(records.count == 2 * runs, "greenlight records after \(String(format: "%.1f", elapsed)) s")
        #expect(Set(records).count == records.count)
        let lines = try #require(try repo.note(second)).split(separator: "\n")
        let gitLines = results[2].stdout.split(separator: "\n").map { $0.replacingOccurrences(of: "appended", with: "foreign line") }
        #expect(!gitLines.isEmpty, "the other writer wrote at least once")
        for line in gitLines {
            #expect(lines.contains(Substring(line)), "git's own line \(line) is kept")
        }
    }
}

/// What each loop's thread reported.
private final class Outcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Result<Command.Result, any Error>?]
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: Result<Command.Result, any Error>) { lock.withLock { values[index] = value } }
    func all() -> [Result<Command.Result, any Error>] { lock.withLock { values.map { $0! } } }
}
