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

    /// Every readable record on `commit`, with a warning per unreadable line (lines end at
    /// 0x0A only; foreign bytes are skipped, never fatal, and shown escaped in the warning).
    /// - Throws: `GitError` when the notes cannot be read.
    public func records(for commit: ObjectID) throws(GitError) -> (records: [VerdictRecord], warnings: [String]) {
        guard let note = try repository.note(on: commit, notesRef: notesRef) else { return ([], []) }
        let decoded = codec.decode(note)  // lines of bytes: see NoteCodec.decode(_:)
        // A record copied onto another commit's note describes that other commit: not ours.
        return (decoded.records.filter { $0.commit == commit }, decoded.warnings)
    }

    /// Every record on `commit` with its line's SHA-256, every attestation line, and a warning per
    /// line that is neither (see `NoteCodec`). Records that name another commit are set apart
    /// (`NoteEntries.misplaced`).
    /// - Throws: `GitError` when the notes cannot be read.
    public func entries(for commit: ObjectID) throws(GitError) -> NoteEntries {
        guard let note = try repository.note(on: commit, notesRef: notesRef) else { return NoteEntries() }
        var entries = codec.entries(bytes: [UInt8](note))
        entries.misplaced = entries.records.filter { $0.record.commit != commit }.map(\.record)
        entries.records.removeAll { $0.record.commit != commit }
        return entries
    }

    /// How long after a write `confirm(_:settle:)` looks again: a writer that does not
    /// compare-and-swap (plain `git notes append`) and read the notes before our write
    /// replaces the ref within this time, or has already done so.
    public static let settleTime: Duration = .milliseconds(200)

    /// How many times a record is written again when it went missing before it is given up on.
    public static let maxRewrites = 5

    /// Appends a record to the commit's note, with the lines `attach` makes from the record's
    /// line (its attestation), in one notes commit, keeping every byte already there; then
    /// checks right away that the ref holds them (writing them again when another writer
    /// replaced the notes commit in between, at most `maxRewrites` times).
    ///
    /// - Returns: a receipt for `confirm(_:settle:)`, which checks again once the settle
    ///   time has passed since the write.
    /// - Throws: `GitError` when git fails, or (code -1) when the record went missing
    ///   after every rewrite; `InternalError` when the record cannot be encoded; whatever
    ///   `attach` throws (then nothing is written).
    @discardableResult
    public func append(_ record: VerdictRecord, attach: (_ recordLine: String) throws -> [String] = { _ in [] }) throws -> VerdictReceipt {
        let line = try codec.encode(record)
        let lines = [line] + (try attach(line))
        var rewrites = 0
        while true {
            try repository.appendToNote(on: record.commit, lines: lines, notesRef: notesRef)
            let receipt = VerdictReceipt(commit: record.commit, lines: lines, writtenAt: ContinuousClock.now, writtenDate: Date())
            if try holds(receipt) { return receipt }
            rewrites += 1
            if rewrites > Self.maxRewrites { throw overwritten(receipt, times: rewrites) }
        }
    }

    /// Confirms that every receipt's record is still in the notes once `settle` has
    /// passed since it was written, sleeping only what remains of that time; a record
    /// that went missing (another writer replaced the notes commit) is written again and
    /// confirmed again after a new settle time, at most `maxRewrites` times each.
    ///
    /// Call it once at the end of a check with every receipt of that check.
    ///
    /// - Returns: how many records had to be written again.
    /// - Throws: `GitError` when git fails, or (code -1) when a record went missing after every rewrite.
    @discardableResult
    public func confirm(_ receipts: [VerdictReceipt], settle: Duration = VerdictStore.settleTime) async throws(GitError) -> Int {
        var pending = receipts.map { (receipt: $0, rewrites: 0) }
        var total = 0
        while !pending.isEmpty {
            let due = pending.map { $0.receipt.writtenAt.advanced(by: settle) }.max()!
            let remaining = ContinuousClock.now.duration(to: due)
            if remaining > .zero { try? await Task.sleep(for: remaining) }
            var next: [(receipt: VerdictReceipt, rewrites: Int)] = []
            for (receipt, rewrites) in pending {
                if try holds(receipt) { continue }
                if rewrites >= Self.maxRewrites { throw overwritten(receipt, times: rewrites) }
                try repository.appendToNote(on: receipt.commit, lines: receipt.lines, notesRef: notesRef)
                next.append((VerdictReceipt(commit: receipt.commit, lines: receipt.lines, writtenAt: ContinuousClock.now, writtenDate: Date()), rewrites + 1))
                total += 1
            }
            pending = next
        }
        return total
    }

    /// Ends a command's part in its records without waiting for the settle time: each receipt's
    /// record is checked now (and written again when another writer replaced it); a receipt whose
    /// settle time has not passed is saved (`PendingReceipts`) for the next greenlight command,
    /// which confirms it (`confirmPending`). A receipt that cannot be saved is confirmed here,
    /// waiting out its settle time as `confirm(_:settle:)` does.
    ///
    /// - Returns: how many records had to be written again.
    /// - Throws: `GitError` when git fails, or (code -1) when a record went missing after every rewrite.
    @discardableResult
    public func handOver(_ receipts: [VerdictReceipt], settle: Duration = VerdictStore.settleTime) async throws(GitError) -> Int {
        var total = 0
        var unsaved: [VerdictReceipt] = []
        let pending = PendingReceipts(repository: repository)
        for var receipt in receipts {
            var rewrites = 0
            while try !holds(receipt) {
                if rewrites >= Self.maxRewrites { throw overwritten(receipt, times: rewrites) }
                try repository.appendToNote(on: receipt.commit, lines: receipt.lines, notesRef: notesRef)
                receipt = VerdictReceipt(commit: receipt.commit, lines: receipt.lines, writtenAt: ContinuousClock.now, writtenDate: Date())
                rewrites += 1
                total += 1
            }
            guard ContinuousClock.now < receipt.writtenAt.advanced(by: settle) else { continue }
            do { _ = try pending.save(receipt) } catch { unsaved.append(receipt) }
        }
        return total + (try await confirm(unsaved, settle: settle))
    }

    /// Confirms the receipts earlier commands saved (`handOver`) whose settle time has passed:
    /// writes again each record another writer replaced, then forgets the receipt. Younger ones
    /// (a command still running, or just ended) are left for later; unreadable files are removed.
    ///
    /// - Returns: how many records had to be written again.
    /// - Throws: `GitError` when git fails.
    @discardableResult
    public func confirmPending(settle: Duration = VerdictStore.settleTime) throws(GitError) -> Int {
        let pending = PendingReceipts(repository: repository)
        var total = 0
        for (url, receipt) in pending.load() {
            guard let receipt else {
                pending.remove(url)
                continue
            }
            guard ContinuousClock.now >= receipt.writtenAt.advanced(by: settle) else { continue }
            if try !holds(receipt) {
                try repository.appendToNote(on: receipt.commit, lines: receipt.lines, notesRef: notesRef)
                total += 1
                // Written again: it settles anew, so the receipt stays for the next command.
                _ = try? pending.save(VerdictReceipt(commit: receipt.commit, lines: receipt.lines, writtenAt: ContinuousClock.now, writtenDate: Date()))
            }
            pending.remove(url)
        }
        return total
    }

    /// Whether the note on the receipt's commit, at the ref's current tip, has every line the receipt wrote.
    public func holds(_ receipt: VerdictReceipt) throws(GitError) -> Bool {
        guard let note = try repository.note(on: receipt.commit, notesRef: notesRef) else { return false }
        let present = Set(NoteLines.split([UInt8](note)).map(Array.init))
        return receipt.lines.allSatisfy { present.contains(Array($0.utf8)) }
    }

    private func overwritten(_ receipt: VerdictReceipt, times: Int) -> GitError {
        GitError(call: "greenlight: record verdict", code: -1,
                 message: "the verdict for \(receipt.commit.short()) kept disappearing from \(notesRef) (written \(times + 1) times): "
                     + "another program rewrites that ref without checking it; stop it and run the check again")
    }
}

/// What `VerdictStore.append(_:)` wrote and when, for `VerdictStore.confirm(_:settle:)` and `handOver(_:settle:)`.
public struct VerdictReceipt: Sendable, Hashable {
    /// The commit whose note holds the record.
    public let commit: ObjectID
    /// The record's line, then its attestation's (if any), as written, without newlines.
    public let lines: [String]
    /// When the line was last written (monotonic clock).
    public let writtenAt: ContinuousClock.Instant
    /// The same moment by the wall clock (for `PendingReceipts`, read by another process).
    public let writtenDate: Date

    public init(commit: ObjectID, lines: [String], writtenAt: ContinuousClock.Instant, writtenDate: Date) {
        self.commit = commit
        self.lines = lines
        self.writtenAt = writtenAt
        self.writtenDate = writtenDate
    }
}
