import Foundation

/// Verdict records kept in git notes on a repository: read, look up, append.
public struct VerdictStore: Sendable {
    public let repository: Repository
    public let notesRef: String
    private let codec = NoteCodec()

    public init(repository: Repository, notesRef: String = Repository.defaultNotesRef) {
        self.repository = repository
        self.notesRef = notesRef
    }

    /// Every readable record on `commit`, with a warning per unreadable line.
    public func records(for commit: ObjectID) throws(GitError) -> (records: [VerdictRecord], warnings: [String]) {
        guard let note = try repository.note(on: commit, notesRef: notesRef) else { return ([], []) }
        let decoded = codec.decode(note)
        // A record copied onto another commit's note describes that other commit: not ours.
        return (decoded.records.filter { $0.commit == commit }, decoded.warnings)
    }

    /// The newest cacheable (`pass` or `fail`) record for this commit, tier and digest.
    /// Only lines that mention the digest are decoded: a note with many old records costs
    /// a substring search per line, not a JSON decode.
    public func cached(commit: ObjectID, tier: Tier, digest: String) throws(GitError) -> (record: VerdictRecord?, warnings: [String]) {
        guard let note = try repository.note(on: commit, notesRef: notesRef) else { return (nil, []) }
        let needle = "\"digest\":\"\(digest)\""
        var relevant: [Substring] = []
        var warnings: [String] = []
        for (index, line) in note.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.contains(needle) {
                relevant.append(line)
            } else if !line.allSatisfy(\.isWhitespace), !(line.hasPrefix("{") && line.contains("\"greenlight_version\"")) {
                warnings.append(NoteCodec.foreignLineWarning(line: index + 1, text: line))
            }
        }
        let decoded = codec.decode(relevant.joined(separator: "\n"))
        let found = (records: decoded.records.filter { $0.commit == commit }, warnings: warnings + decoded.warnings)
        let match = found.records
            .filter { $0.tier == tier && $0.digest == digest && $0.verdict.isCacheable }
            .max { $0.finishedAt < $1.finishedAt }
        return (match, found.warnings)
    }

    /// Appends a record to the commit's note, keeping every line already there.
    public func append(_ record: VerdictRecord) throws(GitError) {
        try repository.appendToNote(on: record.commit, lines: [codec.encode(record)], notesRef: notesRef)
    }
}
