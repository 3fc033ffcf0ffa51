import Foundation

/// One fresh checkout of the commit in a new temporary directory, ready to be sealed: the
/// local clean room makes one for its steps in order, or one per step when they run in
/// parallel (`clean_room.parallel`), so no step sees another's files.
///
/// Layout of `root`: `src` (the checkout), `home`, `tmp`, and `objects`, a symbolic link to the
/// workspace's object store that the checkout borrows through the relative alternates entry
/// `../../../objects` (inside the sandbox the same entry reaches the store mounted read-only at
/// `/clean-room/objects`).
struct CleanRoomSite: Sendable {
    let root: URL
    var source: URL { root.appendingPathComponent("src", isDirectory: true) }

    /// Makes the directory and checks out `commit` into `src`, verifying what was written.
    /// - Parameter label: added to the directory's name (`greenlight-clean-<sha>[-label]-XXXXXX`).
    /// - Throws: `SiteError` saying which part failed; the directory is removed then.
    static func make(for commit: ResolvedCommit, label: String?, context: TierContext) async throws(SiteError) -> CleanRoomSite {
        let root: URL
        do {
            root = try TemporaryDirectory.make(in: context.temporaryDirectory,
                                               prefix: "greenlight-clean-\(commit.commit.short())" + (label.map { "-\($0)" } ?? ""))
        } catch {
            throw SiteError(message: "cannot prepare the clean room: \(error)")
        }
        let site = CleanRoomSite(root: root)
        let objects = context.repository.commonDirectory.appendingPathComponent("objects", isDirectory: true)
        do {
            try prepareLayout(root: root, objects: objects)
        } catch {
            TemporaryDirectory.remove(root)
            throw SiteError(message: "cannot prepare the clean room: \(error)")
        }
        do {
            let checkout = try await context.repository.makeDetachedCheckout(of: commit.commit, at: site.source, runner: context.runner,
                                                                             alternate: BubblewrapSandbox.alternateEntry)
            let head = try checkout.headCommit()
            guard head == commit.commit else {
                throw GitError(call: "verify checkout", code: -1, message: "the clean checkout is at \(head?.hex ?? "nothing"), not \(commit.commit.hex)")
            }
            try await checkout.verifyCheckout(of: commit.commit, at: site.source)
        } catch {
            TemporaryDirectory.remove(root)
            throw SiteError(message: "cannot check out \(commit.commit.short()) into the clean room: \(error)")
        }
        return site
    }

    /// Makes `root`'s `home`, `tmp` and the `objects` link to the borrowed store (`src` is made by
    /// the checkout).
    /// - Throws: the file system's error.
    static func prepareLayout(root: URL, objects: URL) throws {
        for name in ["home", "tmp"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("objects").path, withDestinationPath: objects.path)
    }

    /// Sites for `count` places at once (checkouts made concurrently); all or none.
    /// - Throws: the first `SiteError`; every site already made is removed.
    static func make(count: Int, for commit: ResolvedCommit, labels: [String?], context: TierContext) async throws(SiteError) -> [CleanRoomSite] {
        if count == 1 { return [try await make(for: commit, label: labels.first ?? nil, context: context)] }
        // Each child reports its index, the site or the message: plain values across the group.
        let made: [(index: Int, site: CleanRoomSite?, problem: String?)] = await withTaskGroup(
            of: (index: Int, site: CleanRoomSite?, problem: String?).self
        ) { group in
            for index in 0..<count {
                let label = index < labels.count ? labels[index] : nil
                group.addTask {
                    do {
                        return (index, try await make(for: commit, label: label, context: context), nil)
                    } catch {
                        return (index, nil, "\(error)")
                    }
                }
            }
            var collected: [(index: Int, site: CleanRoomSite?, problem: String?)] = []
            for await item in group { collected.append(item) }
            return collected
        }
        let ordered = made.sorted { $0.index < $1.index }
        let sites = ordered.compactMap(\.site)
        if let problem = ordered.first(where: { $0.problem != nil })?.problem {
            for site in sites { TemporaryDirectory.remove(site.root) }
            throw SiteError(message: problem)
        }
        return sites
    }

    struct SiteError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
