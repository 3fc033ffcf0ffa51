import Foundation

/// Receipts of records whose settle time (`VerdictStore.settleTime`) had not passed when the
/// command that wrote them ended: `<common git dir>/greenlight/notes-pending/<commit>-<random>.json`,
/// each `{"commit": sha, "lines": [...], "written_at": seconds since 1970}`, written atomically
/// (a temporary file renamed into place). The next greenlight command in the repository checks each
/// (`VerdictStore.confirmPending`), writes again what another writer replaced, and removes the file:
/// so a check does not wait for the settle time, and a record lost to a writer that does not
/// compare-and-swap is still never lost for good.
struct PendingReceipts: Sendable {
    let directory: URL

    init(repository: Repository) {
        directory = repository.commonDirectory.appendingPathComponent("greenlight/notes-pending", isDirectory: true)
    }

    private struct Stored: Codable {
        let commit: String
        let lines: [String]
        let written_at: Double
    }

    /// Saves `receipt`; the file's URL.
    /// - Throws: the file system's error.
    func save(_ receipt: VerdictReceipt) throws -> URL {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let data = try JSONEncoder().encode(Stored(commit: receipt.commit.hex, lines: receipt.lines,
                                                   written_at: receipt.writtenDate.timeIntervalSince1970))
        let name = "\(receipt.commit.hex)-\(UUID().uuidString.prefix(8).lowercased()).json"
        let url = directory.appendingPathComponent(name)
        try data.write(to: url, options: .atomic)
        return url
    }

    /// Every saved receipt with its file; a file that cannot be read as one is returned as `nil`.
    func load() -> [(url: URL, receipt: VerdictReceipt?)] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        return names.map { name in
            let url = directory.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path),
                  let stored = try? JSONDecoder().decode(Stored.self, from: data),
                  let commit = ObjectID(hex: stored.commit)
            else { return (url, nil) }
            let written = Date(timeIntervalSince1970: stored.written_at)
            let age = Date().timeIntervalSince(written)
            // The monotonic instant as far back as the file says (never in the future).
            let instant = ContinuousClock.now.advanced(by: .milliseconds(-Int64(max(0, age) * 1000)))
            return (url, VerdictReceipt(commit: commit, lines: stored.lines, writtenAt: instant, writtenDate: written))
        }
    }

    func remove(_ url: URL) {
        try? FileManager.default.removeItem(at: url)  // gone already: another command confirmed it
    }
}
