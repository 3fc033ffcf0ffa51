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
    public let git: GitCLI
    public let notesRef: String
    /// Seconds allowed for each network call.
    public let timeout: TimeInterval

    public init(git: GitCLI, remote: String, notesRef: String = Repository.defaultNotesRef, timeout: TimeInterval = 60) {
        self.repository = git.repository
        self.remote = remote
        self.git = git
        self.notesRef = notesRef
        self.timeout = timeout
    }

    /// Where the remote's notes are fetched to, and where the last pushed tip is remembered.
    var fetchedRef: String { "refs/greenlight/remote-notes/\(Self.refComponent(remote))" }
    var syncedRef: String { "refs/greenlight/synced-notes/\(Self.refComponent(remote))" }

    /// Fetches the remote's notes and merges them into the local notes ref.
    /// Returns warnings (offline; a remote without notes is silent). Decides from exit codes
    /// only: `git ls-remote --exit-code` exits 2 when the remote has no such ref.
    /// - Throws: `GitError` for local git failures; `SystemProcessLauncher.SpawnError` when git cannot start.
    @discardableResult
    public func fetchAndMerge() async throws -> [String] {
        let listed = try await git.run(["ls-remote", "--exit-code", remote, notesRef], timeout: timeout)
        if listed.result.exitCode == 2, !listed.result.timedOut, !listed.result.terminated { return [] }
        guard listed.succeeded else {
            return ["could not fetch verdict notes from \(remote): \(listed.firstErrorLine)"]
        }
        let remoteTip = listed.stdout.split(separator: "\n").lazy
            .compactMap { line -> ObjectID? in
                let fields = line.split(separator: "\t")
                guard fields.count == 2, fields[1] == notesRef[...] else { return nil }
                return ObjectID(hex: String(fields[0]))
            }.first
        let alreadyFetched = try repository.referenceTarget(fetchedRef)
        if remoteTip == nil || alreadyFetched != remoteTip {
            let result = try await git.run(["fetch", "--no-tags", "--no-write-fetch-head", "--quiet", remote, "+\(notesRef):\(fetchedRef)"],
                                           timeout: timeout)
            guard result.succeeded else {
                return ["could not fetch verdict notes from \(remote): \(result.firstErrorLine)"]
            }
        }
        guard let fetched = try repository.referenceTarget(fetchedRef) else { return [] }
        _ = try repository.mergeNotes(from: fetched, into: notesRef)
        return []
    }

    /// Whether the local notes hold anything not yet pushed to this remote by greenlight.
    public func hasUnpushedNotes() throws(GitError) -> Bool {
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
    /// another machine pushed in between. A rejection is read from `git push --porcelain`'s
    /// documented status flag (`!`), not from its messages. Returns warnings; never throws for
    /// network trouble.
    @discardableResult
    public func push(attempts: Int = 5) async throws -> [String] {
        for _ in 0..<attempts {
            let fetchWarnings = try await fetchAndMerge()
            if !fetchWarnings.isEmpty { return fetchWarnings + ["verdict notes were not pushed to \(remote); they stay local"] }
            guard let local = try repository.referenceTarget(notesRef) else { return [] }
            let result = try await git.run(["push", "--porcelain", "--no-verify", remote, "\(notesRef):\(notesRef)"], timeout: timeout)
            if result.succeeded {
                try repository.setReference(syncedRef, to: local, message: "greenlight: notes pushed")
                return []
            }
            if Self.wasRejected(porcelain: result.stdout, ref: notesRef) { continue }
            return ["could not push verdict notes to \(remote): \(result.firstErrorLine)"]
        }
        return ["could not push verdict notes to \(remote): the remote kept changing; run `git push \(remote) \(notesRef)` later"]
    }

    /// Whether `git push --porcelain` reported `ref` as rejected (flag `!`): the remote moved
    /// meanwhile. Format: `<flag>\t<from>:<to>\t<summary>` (git-push(1), OUTPUT).
    static func wasRejected(porcelain: String, ref: String) -> Bool {
        porcelain.split(separator: "\n").contains { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            return fields.count >= 2 && fields[0] == "!" && fields[1].hasSuffix(":\(ref)")
        }
    }

    /// A remote name or URL turned into one safe ref component.
    static func refComponent(_ remote: String) -> String {
        let safe = remote.map { character -> Character in
            character.isLetter || character.isNumber || character == "-" || character == "_" ? character : "_"
        }
        return String(safe.prefix(80))
    }
}
