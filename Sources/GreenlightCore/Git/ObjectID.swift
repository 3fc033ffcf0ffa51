import CLibGit2

/// A git object name (SHA-1, 40 hex digits) as a value.
public struct ObjectID: Hashable, Sendable, CustomStringConvertible, Codable {
    /// Lower-case hexadecimal form.
    public let hex: String

    /// Parses a full 40-digit hexadecimal object name; `nil` for anything else.
    public init?(hex: String) {
        let lowered = hex.lowercased()
        guard lowered.utf8.count == 40, lowered.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }) else {
            return nil
        }
        self.hex = lowered
    }

    init(_ oid: git_oid) {
        var copy = oid
        var buffer = [CChar](repeating: 0, count: 41)
        git_oid_tostr(&buffer, buffer.count, &copy)
        self.hex = String(cString: buffer)
    }

    /// The libgit2 representation.
    var raw: git_oid {
        var oid = git_oid()
        _ = git_oid_fromstr(&oid, hex)
        return oid
    }

    /// The first `length` digits, for display.
    public func short(_ length: Int = 12) -> String { String(hex.prefix(length)) }

    public var description: String { hex }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let id = ObjectID(hex: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an object id: \(text)")
        }
        self = id
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }
}
