/// How many tests a run reported, by outcome. Recorded per step in the verdict note
/// (`tests`) and in `check --json`.
public struct TestCounts: Codable, Equatable, Sendable {
    public var passed: Int
    public var failed: Int
    public var skipped: Int

    public init(passed: Int = 0, failed: Int = 0, skipped: Int = 0) {
        self.passed = passed
        self.failed = failed
        self.skipped = skipped
    }

    /// Every test the run reported, whatever its outcome.
    public var total: Int { passed + failed + skipped }

    /// Tests that ran (passed or failed); skipped ones did not.
    public var ran: Int { passed + failed }

    public static func + (lhs: TestCounts, rhs: TestCounts) -> TestCounts {
        TestCounts(passed: lhs.passed + rhs.passed, failed: lhs.failed + rhs.failed, skipped: lhs.skipped + rhs.skipped)
    }
}
