import Foundation

/// A temporary directory for one test, removed when the value goes away (also when the test throws).
public final class ScratchDirectory: @unchecked Sendable {
    public let url: URL

    public init(_ label: String = "test") {
        let base = URL(fileURLWithPath: NSTemporaryDirectory(), isDirectory: true)
        let url = base.appendingPathComponent("greenlight-\(label)-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        // Resolve symlinks (/tmp may be one) so paths compare equal to what libgit2 reports.
        self.url = url.resolvingSymlinksInPath()
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    public func path(_ relative: String) -> URL { url.appendingPathComponent(relative) }
}
