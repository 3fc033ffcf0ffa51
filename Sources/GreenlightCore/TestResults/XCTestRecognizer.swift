import Foundation

/// XCTest's console output, swift-corelibs-xctest on Linux (`PrintObserver.swift`) and
/// Xcode's on Darwin (https://developer.apple.com/documentation/xctest): runner `xctest`.
///
///     Test Case 'CartTests.testDiscount' started at 2026-12-01 04:06:58.738
///     /src/Tests/CartTests.swift:10: error: CartTests.testDiscount : XCTAssertEqual failed: ("30") is not equal to ("27")
///     Test Case 'CartTests.testDiscount' failed (0.001 seconds)
///     	 Executed 5 tests, with 1 test skipped and 3 failures (1 unexpected) in 0.103 (0.103) seconds
///
/// - Counts: one per `Test Case '…' passed|failed|skipped` line (the "Executed" lines count
///   assertion failures, not tests); "Executed 0 tests" alone is a run of zero.
/// - Failures: each failed test case, with its first `path:line: error: Suite.test : message`
///   (a thrown error's `<EXPR>:0` is no location). Darwin's `-[Module.Suite test]` is named
///   `Module.Suite test`.
/// - Running: `started` without its end.
struct XCTestRecognizer: Sendable {
    static let runner = "xctest"

    private(set) var active = false
    private var totals = TestCounts()
    private var current: String?
    private var errors = TestOutputBuffers()
    private var firstError: [String: (message: String, location: String?)] = [:]

    var counts: TestCounts? { totals }

    var retainedBytes: Int { errors.retainedBytes + firstError.reduce(0) { $0 + $1.key.utf8.count + $1.value.message.utf8.count + 32 } }

    private static func key(_ name: String) -> String { "xctest\u{0}\(name)" }

    /// "-[Module.Suite test]" is "Module.Suite test"; "Suite.test" stays.
    private static func name(_ raw: Substring) -> String {
        if OutputText.hasPrefix(raw, "-["), OutputText.hasSuffix(raw, "]") { return String(raw.dropFirst(2).dropLast()) }
        return String(raw)
    }

    private mutating func activate(_ record: inout RecognitionRecord) {
        if !active {
            active = true
            record.saw(Self.runner)
        }
    }

    mutating func consume(_ line: Substring, into record: inout RecognitionRecord) {
        if let rest = OutputText.after("Test Case '", in: line), let quote = rest.firstIndex(of: "'") {
            let name = Self.name(rest[..<quote])
            let event = OutputText.firstWord(rest[rest.index(after: quote)...])
            switch event {
            case "started", "started.":
                activate(&record)
                record.running.started(Self.key(name), name: name)
                current = name
            case "passed":
                activate(&record)
                end(name, record: &record)
                totals.passed += 1
            case "skipped":
                activate(&record)
                end(name, record: &record)
                totals.skipped += 1
            case "failed":
                activate(&record)
                let printed = errors.take(name)
                let first = firstError.removeValue(forKey: name)
                end(name, record: &record)
                totals.failed += 1
                record.failures.record(name, message: first?.message, location: first?.location)
                record.blocks.add(printed + [FailureBlockList.cut(OutputText.trimmedEnd(line))])
            default:
                break
            }
        } else if OutputText.hasPrefix(line, "Test Suite '") {
            if OutputText.contains(line, "' started at ") || OutputText.contains(line, "' passed at ") || OutputText.contains(line, "' failed at ") { activate(&record) }
        } else if OutputText.trimmed(line).hasPrefix("Executed "), OutputText.contains(line, " test"), OutputText.contains(line, " with ") {
            activate(&record)
        } else if active, let error = OutputText.range(of: ": error: ", in: line) {
            let place = line[..<error.lowerBound]
            let rest = line[error.upperBound...]
            guard let separator = OutputText.range(of: " : ", in: rest) else { return }
            let name = Self.name(rest[..<separator.lowerBound])
            guard name == current || record.running.contains(Self.key(name)) else { return }
            errors.append(OutputText.trimmedEnd(line), to: name)
            if firstError[name] == nil, firstError.count < TestOutputBuffers.testLimit {
                var location: String?
                if let found = OutputText.fileAndLine(place), found.line > 0, found.path != "<EXPR>" {
                    location = record.paths.location(found.path, line: found.line)
                }
                firstError[name] = (OutputText.capped(rest[separator.upperBound...], FailureList.messageLimit), location)
            }
        }
    }

    private mutating func end(_ name: String, record: inout RecognitionRecord) {
        record.running.finished(Self.key(name))
        if current == name { current = nil }
        _ = errors.take(name)
        firstError.removeValue(forKey: name)
    }

    mutating func finish(_ record: inout RecognitionRecord) {}
}
