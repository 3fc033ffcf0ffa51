import Foundation

/// Finds the names of failing tests in the output of common test runners:
/// go test, swift test (XCTest and Swift Testing), pytest and cargo test.
public struct FailingTestRecognizer: Sendable {
    /// At most this many names are reported.
    public var limit: Int

    public init(limit: Int = 20) {
        self.limit = limit
    }

    private static let patterns: [(NSRegularExpression, String)] = [
        // go test: "--- FAIL: TestName (0.00s)", subtests "    --- FAIL: TestName/sub (0.00s)"
        (#"^\s*--- FAIL: (\S+)"#, "go"),
        // XCTest on Linux: "Test Case 'Suite.testName' failed (0.001 seconds)"; on Darwin '-[Module.Suite testName]'
        (#"^Test Case '-?\[?([^']+?)\]?' failed"#, "xctest"),
        // Swift Testing: "✘ Test testName() failed after 0.001 seconds" and "✘ Test "display name" failed ..."
        (#"Test (.+?) failed after [0-9.]+ seconds"#, "swift-testing"),
        // pytest summary: "FAILED tests/test_x.py::test_name - AssertionError"; verbose: "tests/test_x.py::test_name FAILED"
        (#"^FAILED (\S+::\S+)"#, "pytest"),
        (#"^(\S+::\S+) FAILED"#, "pytest"),
        // cargo test: "test tests::name ... FAILED"
        (#"^test (\S+) \.\.\. FAILED"#, "cargo"),
    ].map { (try! NSRegularExpression(pattern: $0.0, options: [.anchorsMatchLines]), $0.1) }

    /// Failing test names in order of first appearance, without duplicates.
    public func failingTests(in output: String) -> [String] {
        var names: [String] = []
        var seen = Set<String>()
        let text = LogExcerpt.stripANSI(output)
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let lineText = String(line)
            let range = NSRange(lineText.startIndex..., in: lineText)
            for (pattern, _) in Self.patterns {
                guard let match = pattern.firstMatch(in: lineText, range: range),
                      let captured = Range(match.range(at: 1), in: lineText) else { continue }
                let name = String(lineText[captured]).trimmingCharacters(in: .whitespaces)
                if !name.isEmpty, seen.insert(name).inserted {
                    names.append(name)
                }
                break
            }
            if names.count >= limit { break }
        }
        return names
    }
}
