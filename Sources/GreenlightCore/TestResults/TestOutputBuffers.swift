/// The last lines each running test printed, kept until the test ends, to quote when it fails
/// (Go's `-v` prints a test's log before its `--- FAIL`; test2json, Swift Testing and XCTest
/// likewise). At most `testLimit` tests and `lineLimit` lines each (the first lines: a failure
/// message comes first), each line cut as a block cuts it.
struct TestOutputBuffers: Sendable {
    static let testLimit = 64
    static let lineLimit = FailureBlockList.lineLimit

    private var buffers: [String: [String]] = [:]

    mutating func append(_ line: some StringProtocol, to key: String) {
        if buffers[key] == nil, buffers.count >= Self.testLimit { return }
        var lines = buffers[key] ?? []
        guard lines.count < Self.lineLimit else { return }
        lines.append(FailureBlockList.cut(line))
        buffers[key] = lines
    }

    /// The lines kept for `key`, forgetting them.
    mutating func take(_ key: String) -> [String] {
        buffers.removeValue(forKey: key) ?? []
    }

    var retainedBytes: Int { buffers.reduce(0) { $0 + $1.key.utf8.count + $1.value.reduce(0) { $0 + $1.utf8.count + 16 } } }
}
