import Foundation

/// libtest's pretty output, as `cargo test` prints it (https://doc.rust-lang.org/cargo/commands/cargo-test.html,
/// https://doc.rust-lang.org/rustc/tests/index.html; source: `library/test/src/formatters/pretty.rs`):
/// runner `cargo`.
///
///     running 5 tests
///     test tests::discount ... FAILED
///     test tests::needs_cluster ... ignored
///     ---- tests::discount stdout ----
///     thread 'tests::discount' (7915) panicked at src/lib.rs:16:9:
///     assertion `left == right` failed: discount not applied
///     test result: FAILED. 2 passed; 2 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.00s
///
/// - Counts: each test binary's `test result:` line (ignored as skipped; measured and
///   filtered-out tests are not counted); a binary that never printed it (killed) counts its
///   `test … ok|FAILED|ignored` lines.
/// - Failures: each `test NAME ... FAILED`, with the panic's message and location from its
///   `---- NAME stdout ----` block (`panicked at src/lib.rs:16:9:` since Rust 1.73, `panicked at
///   'message', src/lib.rs:16:9` before).
/// - Running: `test NAME has been running for over 60 seconds`, and a `test NAME ... ` whose
///   result never came (`--test-threads=1` prints the name first).
struct CargoTestRecognizer: Sendable {
    static let runner = "cargo"

    private struct Detail: Sendable {
        var name: String
        var lines: [String]
        var message: [String] = []
        var location: String?
        var state = State.beforePanic
        enum State { case beforePanic, message, done }
    }

    private(set) var active = false
    private var totals = TestCounts()
    private var section = TestCounts()
    private var detail: Detail?

    var counts: TestCounts? { totals + section }

    var retainedBytes: Int {
        detail.map { $0.lines.reduce(0) { $0 + $1.utf8.count } + $0.message.reduce(0) { $0 + $1.utf8.count } } ?? 0
    }

    private static func key(_ name: some StringProtocol) -> String { "cargo\u{0}\(name)" }

    private mutating func activate(_ record: inout RecognitionRecord) {
        if !active {
            active = true
            record.saw(Self.runner)
        }
    }

    mutating func consume(_ line: Substring, into record: inout RecognitionRecord) {
        if detail != nil {
            if OutputText.hasPrefix(line, "---- ") || line == "failures:" || OutputText.hasPrefix(line, "test result: ") || OutputText.hasPrefix(line, "running ") {
                endDetail(&record)
            } else {
                detailLine(line, record: &record)
                return
            }
        }
        if let rest = OutputText.after("running ", in: line), Self.isTestCount(rest) {
            activate(&record)
            totals = totals + section
            section = TestCounts()
        } else if let rest = OutputText.after("test result: ", in: line), let counted = Self.result(rest) {
            activate(&record)
            totals = totals + counted
            section = TestCounts()
        } else if let rest = OutputText.after("test ", in: line) {
            testLine(rest, record: &record)
        } else if active, let rest = OutputText.after("---- ", in: line), OutputText.hasSuffix(rest, " stdout ----") || OutputText.hasSuffix(rest, " stderr ----") {
            let name = String(rest.dropLast(" stdout ----".count))
            detail = Detail(name: name, lines: [FailureBlockList.cut(line)])
        }
    }

    /// "5 tests", "1 test".
    private static func isTestCount(_ text: Substring) -> Bool {
        let words = OutputText.words(text)
        return words.count == 2 && OutputText.integer(words[0]) != nil && (words[1] == "tests" || words[1] == "test")
    }

    /// "FAILED. 2 passed; 2 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.00s".
    private static func result(_ text: Substring) -> TestCounts? {
        guard OutputText.hasPrefix(text, "ok. ") || OutputText.hasPrefix(text, "FAILED. ") else { return nil }
        var counts = TestCounts()
        var known = 0
        for part in text.split(separator: ";") {
            let words = OutputText.words(OutputText.hasPrefix(part, "ok. ") || OutputText.hasPrefix(part, "FAILED. ") ? part.drop { $0 != " " } : part)
            guard words.count >= 2, let number = OutputText.integer(words[0]) else { continue }
            switch words[1] {
            case "passed": counts.passed = number; known += 1
            case "failed": counts.failed = number; known += 1
            case "ignored": counts.skipped = number; known += 1
            default: break
            }
        }
        return known == 3 ? counts : nil
    }

    /// After "test ": "tests::x ... ok", "tests::x - should panic ... ok", "tests::x ... ignored, reason",
    /// "tests::x has been running for over 60 seconds", "tests::x ... " (still running).
    private mutating func testLine(_ text: Substring, record: inout RecognitionRecord) {
        if let long = OutputText.range(of: " has been running for over ", in: text) {
            activate(&record)
            let name = text[..<long.lowerBound]
            record.running.started(Self.key(name), name: name)
            return
        }
        guard let dots = OutputText.range(of: " ... ", in: text) ?? (OutputText.hasSuffix(text, " ...") ? OutputText.lastRange(of: " ...", in: text) : nil) else { return }
        var name = text[..<dots.lowerBound]
        if OutputText.hasSuffix(name, " - should panic") { name = name.dropLast(" - should panic".count) }
        let outcome = OutputText.firstWord(text[dots.upperBound...])
        switch outcome {
        case "ok":
            activate(&record)
            record.running.finished(Self.key(name))
            section.passed += 1
        case "ignored", "ignored,":
            activate(&record)
            record.running.finished(Self.key(name))
            section.skipped += 1
        case "FAILED":
            activate(&record)
            record.running.finished(Self.key(name))
            section.failed += 1
            record.failures.record(name)
        case "":
            guard active else { return }
            record.running.started(Self.key(name), name: name)
        default:
            break
        }
    }

    private mutating func detailLine(_ line: Substring, record: inout RecognitionRecord) {
        guard var open = detail, open.state != .done else { return }
        defer { detail = open }
        switch open.state {
        case .beforePanic:
            if OutputText.hasPrefix(line, "thread '"), let panicked = OutputText.range(of: " panicked at ", in: line) {
                let rest = line[panicked.upperBound...]
                if OutputText.hasPrefix(rest, "'"), let comma = OutputText.lastRange(of: "', ", in: rest) {
                    // Before Rust 1.73: "panicked at 'message', src/lib.rs:16:9".
                    open.message = [String(rest[rest.index(after: rest.startIndex)..<comma.lowerBound])]
                    if let found = OutputText.fileAndLine(OutputText.trimmed(rest[comma.upperBound...])) {
                        open.location = record.paths.location(found.path, line: found.line)
                    }
                    open.state = .done
                } else {
                    let place = OutputText.hasSuffix(rest, ":") ? rest.dropLast() : rest
                    if let found = OutputText.fileAndLine(place) { open.location = record.paths.location(found.path, line: found.line) }
                    open.state = .message
                }
            }
        case .message:
            if line.isEmpty || OutputText.hasPrefix(line, "note: ") || line == "stack backtrace:" {
                // The message ends; the backtrace and notes after it are not quoted.
                open.state = .done
                return
            }
            if open.message.count < 10 { open.message.append(String(OutputText.trimmedEnd(line))) }
        case .done:
            return
        }
        if open.lines.count < FailureBlockList.lineLimit { open.lines.append(FailureBlockList.cut(OutputText.trimmedEnd(line))) }
    }

    private mutating func endDetail(_ record: inout RecognitionRecord) {
        guard let open = detail else { return }
        detail = nil
        record.failures.record(open.name, message: open.message.joined(separator: "\n"), location: open.location)
        record.blocks.add(open.lines)
    }

    mutating func finish(_ record: inout RecognitionRecord) {
        endDetail(&record)
    }
}
