/// One line of git's pre-push input: `<local ref> <local sha> <remote ref> <remote sha>`.
public struct PushedRef: Equatable, Sendable {
    public static let zero = String(repeating: "0", count: 40)

    public let localRef: String
    public let localSHA: String
    public let remoteRef: String
    public let remoteSHA: String

    public init(localRef: String, localSHA: String, remoteRef: String, remoteSHA: String) {
        self.localRef = localRef
        self.localSHA = localSHA
        self.remoteRef = remoteRef
        self.remoteSHA = remoteSHA
    }

    /// The remote ref is being deleted (`git push origin :branch`).
    public var isDeletion: Bool { localSHA == Self.zero }
    /// The remote does not have this ref yet (a new branch).
    public var isNewRef: Bool { remoteSHA == Self.zero }

    public struct ParseError: Error, CustomStringConvertible, Sendable {
        public let line: Int
        public let text: String
        public var description: String {
            "pre-push input line \(line) is not '<local ref> <local sha> <remote ref> <remote sha>': \(text)"
        }
    }

    /// Parses everything git wrote to the hook's stdin; blank lines are ignored.
    public static func parse(_ input: String) throws(ParseError) -> [PushedRef] {
        var refs: [PushedRef] = []
        for (index, line) in input.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            let fields = trimmed.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard fields.count == 4, ObjectID(hex: fields[1]) != nil || fields[1] == zero,
                  ObjectID(hex: fields[3]) != nil || fields[3] == zero else {
                throw ParseError(line: index + 1, text: trimmed)
            }
            refs.append(PushedRef(localRef: fields[0], localSHA: fields[1].lowercased(), remoteRef: fields[2], remoteSHA: fields[3].lowercased()))
        }
        return refs
    }
}
