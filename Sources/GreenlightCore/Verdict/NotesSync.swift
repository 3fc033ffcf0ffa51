import Foundation

/// Carries verdict notes between this repository and a remote, so verdicts travel with
/// the repository: fetch and merge by line union (never overwrite), push with retry on a
/// race. Uses the git CLI for the network (libgit2 here has no credential helpers or SSH
/// configuration the user's git has). An offline remote or one without notes is a
/// warning, never an error for the gate.
public struct NotesSync: Sendable {
    public let repository: Repository
    /// A remote name or URL, as `git push` was given it.
    public let remote: String
    public let environment: [String: String]
    public let notesRef: String
    /// Limit for each network call.
    public let timeout: TimeInterval

    public init(repository: Repository, remote: String, environment: [String: String],
                notesRef: String = Repository.defaultNotesRef, timeout: TimeInterval = 60) {
        self.repository = repository
        self.remote = remote
        self.environment = environment
        self.notesRef = notesRef
        self.timeout = timeout
    }

    /// Where the remote's notes are fetched to, and where the last pushed tip is remembered.
    var fetchedRef: String { "refs/greenlight/remote-notes/\(Self.refComponent(remote))" }
    var syncedRef: String { "refs/greenlight/synced-notes/\(Self.refComponent(remote))" }

    /// Fetches the remote's notes and merges them into the local notes ref.
    /// Returns warnings (offline, no notes yet is silent); throws only on local git failures.
    @discardableResult
    public func fetchAndMerge() throws -> [String] {
        let result = try git(["fetch", "--no-tags", "--no-write-fetch-head", "--quiet", remote, "+\(notesRef):\(fetchedRef)"])
        if !result.succeeded {
            if Self.isMissingRemoteRef(result.stderr) { return [] }
            return ["could not fetch verdict notes from \(remote): \(GitCLI.firstLine(result))"]
        }
        guard let fetched = try repository.referenceTarget(fetchedRef) else { return [] }
        _ = try repository.mergeNotes(from: fetched, into: notesRef)
        return []
    }

    /// Whether the local notes hold anything not yet pushed to this remote by greenlight.
    public func hasUnpushedNotes() throws -> Bool {
        guard let local = try repository.referenceTarget(notesRef) else { return false }
        return try repository.referenceTarget(syncedRef) != local
    }

    /// Whether the remote already has the notes as they are at `tip` (the local notes ref's
    /// commit, `nil` when there are no notes): greenlight pushed exactly that commit last.
    public func isSynced(at tip: ObjectID?) throws(GitError) -> Bool {
        guard let tip else { return true }
        return try repository.referenceTarget(syncedRef) == tip
    }

    /// Pushes the local notes to the remote, first merging the remote's, retrying when
    /// another machine pushed in between. Returns warnings; never throws for network trouble.
    @discardableResult
    public func push(attempts: Int = 5) throws -> [String] {
        var warnings: [String] = []
        for _ in 0..<attempts {
            let fetchWarnings = try fetchAndMerge()
            if !fetchWarnings.isEmpty { return fetchWarnings + ["verdict notes were not pushed to \(remote); they stay local"] }
            guard let local = try repository.referenceTarget(notesRef) else { return [] }
            let result = try git(["push", "--no-verify", "--quiet", remote, "\(notesRef):\(notesRef)"])
            if result.succeeded {
                try repository.setReference(syncedRef, to: local, message: "greenlight: notes pushed")
                return warnings
            }
            if Self.isRejectedAsStale(result.stderr) {
                warnings = []
                continue
            }
            return ["could not push verdict notes to \(remote): \(GitCLI.firstLine(result))"]
        }
        return ["could not push verdict notes to \(remote): the remote kept changing; run `git push \(remote) \(notesRef)` later"]
    }

    private func git(_ arguments: [String]) throws -> CommandRunner.Result {
        try GitCLI(repository: repository, environment: environment).run(arguments, timeout: timeout)
    }

    static func isMissingRemoteRef(_ stderr: String) -> Bool {
        stderr.contains("couldn't find remote ref") || stderr.contains("could not find remote ref")
    }

    static func isRejectedAsStale(_ stderr: String) -> Bool {
        stderr.contains("non-fast-forward") || stderr.contains("fetch first") || stderr.contains("stale info")
            || stderr.contains("[rejected]") || stderr.contains("cannot lock ref")
    }

    /// A remote name or URL turned into one safe ref component.
    static func refComponent(_ remote: String) -> String {
        let safe = remote.map { character -> Character in
            character.isLetter || character.isNumber || character == "-" || character == "_" ? character : "_"
        }
        return String(safe.prefix(80))
    }
}
