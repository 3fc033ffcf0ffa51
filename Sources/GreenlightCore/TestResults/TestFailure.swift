/// One failing test as a runner reported it: its name, the assertion's message and where it
/// failed. Recorded per step in the verdict note (`failures`) and in `check --json`.
public struct TestFailure: Codable, Equatable, Sendable {
    /// The runner's own name for the test: `TestPVC/pending` (go), `tests/test_x.py::test_y`
    /// (pytest), `Suite.testName` (XCTest), `[It] creates the pod` (Ginkgo), JUnit's `classname.name`.
    public var name: String
    /// The first lines of the failure message, at most 500 characters; `nil` when none was printed.
    public var message: String?
    /// `path:line` of the failing assertion, relative to the checkout when it lies inside it.
    public var location: String?

    public init(name: String, message: String? = nil, location: String? = nil) {
        self.name = name
        self.message = message
        self.location = location
    }
}
