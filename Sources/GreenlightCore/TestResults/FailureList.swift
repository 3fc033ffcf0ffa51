/// The failing tests a run reported, in order of first appearance, each once, at most `limit`.
/// A test reported again (a runner's summary after its detailed block, a JUnit report after
/// the output) fills in the message or location the first report lacked; it never moves.
struct FailureList: Sendable {
    static let limit = 50
    /// Longest name kept, in characters.
    static let nameLimit = 500
    /// Longest message kept, in characters (`TestFailure.message`).
    static let messageLimit = 500

    private(set) var items: [TestFailure] = []
    private var index: [String: Int] = [:]

    var isEmpty: Bool { items.isEmpty }

    /// Records `name` as failing; `message` is cut to `messageLimit`.
    mutating func record(_ name: some StringProtocol, message: String? = nil, location: String? = nil) {
        let name = OutputText.capped(name, Self.nameLimit)
        guard !name.isEmpty else { return }
        let message = message.flatMap(Self.cleanMessage)
        if let existing = index[name] {
            if items[existing].message == nil { items[existing].message = message }
            if items[existing].location == nil { items[existing].location = location }
            return
        }
        guard items.count < Self.limit else { return }
        index[name] = items.count
        items.append(TestFailure(name: name, message: message, location: location))
    }

    func contains(_ name: String) -> Bool { index[name] != nil }

    /// `text` without surrounding blank space, cut to `messageLimit`; `nil` when empty.
    static func cleanMessage(_ text: String) -> String? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { OutputText.trimmedEnd($0) }
        var kept = lines.drop { OutputText.isBlank($0) }
        while let last = kept.last, OutputText.isBlank(last) { kept = kept.dropLast() }
        guard !kept.isEmpty else { return nil }
        return OutputText.capped(kept.joined(separator: "\n"), messageLimit)
    }

    var retainedBytes: Int {
        items.reduce(0) { $0 + $1.name.utf8.count * 2 + ($1.message?.utf8.count ?? 0) + ($1.location?.utf8.count ?? 0) + 64 }
    }
}
