import CLibGit2
import Foundation
import NIOConcurrencyHelpers

extension Repository {
    /// Makes a fresh repository at `directory` holding exactly `commit`: HEAD detached
    /// at it, its tree checked out, nothing else.
    ///
    /// The new repository borrows this one's object database through
    /// `objects/info/alternates` (what `git clone --shared` does), so no object is
    /// copied and the cost is the checkout alone. No untracked, ignored or modified
    /// file of this repository's working tree can reach it: files come from the
    /// commit's tree only.
    ///
    /// - Parameters:
    ///   - runner: starts `git read-tree` (see `populateWorkingTree`), so a signal stops it.
    ///   - alternate: the `objects/info/alternates` entry; default this repository's object
    ///     directory (absolute). A relative entry is resolved from the new `.git/objects`
    ///     (gitrepository-layout(5)); the local clean room uses one so the same checkout works
    ///     inside its sandbox, where the store is mounted elsewhere.
    /// - Throws: `GitError` naming the failing call.
    public func makeDetachedCheckout(of commit: ObjectID, at directory: URL, runner: ProcessRunner,
                                     alternate: String? = nil) async throws(GitError) -> Repository {
        LibGit2.ensureInitialised()
        var options = git_repository_init_options()
        try gitCheck("git_repository_init_options_init",
                     git_repository_init_options_init(&options, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION)))
        options.flags = GIT_REPOSITORY_INIT_MKPATH.rawValue | GIT_REPOSITORY_INIT_NO_REINIT.rawValue
        var created: OpaquePointer?
        try gitCheck("git_repository_init_ext", git_repository_init_ext(&created, directory.path, &options))
        git_repository_free(created)

        let gitDir = directory.appendingPathComponent(".git", isDirectory: true)
        let sourceObjects = commonDirectory.appendingPathComponent("objects", isDirectory: true).path
        do {
            try ((alternate ?? sourceObjects) + "\n").write(to: gitDir.appendingPathComponent("objects/info/alternates"), atomically: true, encoding: .utf8)
            let shallow = commonDirectory.appendingPathComponent("shallow")
            if FileManager.default.fileExists(atPath: shallow.path) {
                try FileManager.default.copyItem(at: shallow, to: gitDir.appendingPathComponent("shallow"))
            }
        } catch {
            throw GitError(call: "write objects/info/alternates", code: -1, message: "cannot prepare \(gitDir.path): \(error.localizedDescription)")
        }

        let checkout = try Repository.open(at: directory)
        try checkout.withHandle { (repo) throws(GitError) in
            var oid = commit.raw
            try gitCheck("git_repository_set_head_detached", git_repository_set_head_detached(repo, &oid))
        }
        try await Self.populateWorkingTree(of: checkout, at: directory, runner: runner)
        return checkout
    }

    /// Writes the files of HEAD's tree and the index. git's own `read-tree -u` does this
    /// about 2.3 times faster than libgit2's checkout on a 50,000-file tree (which calls
    /// realpath() twice per file), so the git CLI does it when git is on PATH; libgit2 only
    /// when there is no git to start (any other failure to start it is an error).
    private static func populateWorkingTree(of checkout: Repository, at directory: URL, runner: ProcessRunner) async throws(GitError) {
        let environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "GIT_CONFIG_NOSYSTEM": "1",
                           "HOME": directory.path, "GIT_CONFIG_GLOBAL": "/dev/null", "LC_ALL": "C"]
        let call = "git read-tree --reset -u HEAD"
        let spec = ProcessSpec(executable: "git", arguments: ["read-tree", "--reset", "-u", "HEAD"],
                               directory: directory, environment: environment, timeout: 3600)
        if spec.resolvedExecutable() != nil {
            let result: CapturedProcess
            do { result = try await runner.capture(spec) } catch {
                throw GitError(call: call, code: -1, message: "cannot check out into \(directory.path): \(error)")
            }
            guard result.succeeded else {
                throw GitError(call: call, code: -1, message: "cannot check out into \(directory.path): \(result.firstErrorLine)")
            }
            return
        }
        try checkout.withHandle { (repo) throws(GitError) in
            var options = git_checkout_options()
            try gitCheck("git_checkout_options_init", git_checkout_options_init(&options, UInt32(GIT_CHECKOUT_OPTIONS_VERSION)))
            options.checkout_strategy = GIT_CHECKOUT_FORCE.rawValue
            try gitCheck("git_checkout_head", git_checkout_head(repo, &options))
        }
    }
}

extension Repository {
    /// Checks that the working tree at `directory` holds exactly `commit`'s tree: every object on
    /// the way (commit, trees) is read through libgit2, which verifies each object's hash
    /// (`GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION`, on by default), and every file is hashed
    /// (its raw bytes, else as git would store it: `git_repository_hashfile`, with the
    /// repository's filters) and compared with its tree entry; a symbolic link by its target text. git reads objects without
    /// checking their names, so a loose object edited in place would otherwise be checked out
    /// as if it were the commit's content. Submodules are not looked into.
    /// - Throws: `GitError` naming the first path that differs, or the libgit2 call that failed.
    public func verifyCheckout(of commit: ObjectID, at directory: URL) async throws(GitError) {
        // Reading every file is blocking work: off the cooperative pool, on dispatch's threads.
        let result: Result<Void, GitError> = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                do throws(GitError) {
                    try self.verifyCheckoutNow(of: commit, at: directory)
                    continuation.resume(returning: .success(()))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        try result.get()
    }

    private func verifyCheckoutNow(of commit: ObjectID, at directory: URL) throws(GitError) {
        // 1. The tree, read through libgit2 (hash-verified): every file and link with its blob.
        var files: [(path: String, blob: git_oid, link: Bool)] = []
        try withCommitTree(commit) { (repo, tree) throws(GitError) in
            try Self.collect(tree: tree, prefix: "", in: repo, into: &files)
        }
        // 2. The raw bytes of every file, hashed on every core (a match is exact; most files have
        //    no filter). Links by their target text.
        let suspects = Self.rawMismatches(files, root: directory)
        // 3. Only a mismatch pays for the attribute lookup and filters (`eol=crlf`, `ident`).
        guard !suspects.isEmpty else { return }
        try withHandle { (repo) throws(GitError) in
            for index in suspects {
                let (path, blob, link) = files[index]
                if link { throw Self.mismatch(path, "is not the symbolic link the commit has") }
                var actual = git_oid()
                let result = git_repository_hashfile(&actual, repo, directory.appendingPathComponent(path).path, GIT_OBJECT_BLOB, path)
                if result < 0 { throw Self.mismatch(path, "cannot be read: \(GitError.last(call: "git_repository_hashfile", code: result).message)") }
                var wanted = blob
                if git_oid_equal(&actual, &wanted) == 0 {
                    throw Self.mismatch(path, "holds \(ObjectID(actual).short()), the commit has \(ObjectID(blob).short())")
                }
            }
        }
    }

    private static func collect(tree: OpaquePointer, prefix: String, in repo: OpaquePointer,
                                into files: inout [(path: String, blob: git_oid, link: Bool)]) throws(GitError) {
        for index in 0..<git_tree_entrycount(tree) {
            guard let entry = git_tree_entry_byindex(tree, index) else { continue }
            let path = prefix + String(cString: git_tree_entry_name(entry))
            let id = git_tree_entry_id(entry).pointee
            switch git_tree_entry_filemode(entry) {
            case GIT_FILEMODE_TREE:
                var subtree: OpaquePointer?
                var lookup = id
                try gitCheck("git_tree_lookup", git_tree_lookup(&subtree, repo, &lookup))
                defer { git_tree_free(subtree) }
                try collect(tree: subtree!, prefix: path + "/", in: repo, into: &files)
            case GIT_FILEMODE_BLOB, GIT_FILEMODE_BLOB_EXECUTABLE: files.append((path, id, false))
            case GIT_FILEMODE_LINK: files.append((path, id, true))
            default: continue  // submodules are not looked into
            }
        }
    }

    /// The indexes of `files` whose raw content (a link's target text) does not hash to its blob.
    private static func rawMismatches(_ files: [(path: String, blob: git_oid, link: Bool)], root: URL) -> [Int] {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        let found = NIOLockedValueBox<[Int]>([])
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var mine: [Int] = []
            for index in stride(from: worker, to: files.count, by: workers) {
                let (path, blob, link) = files[index]
                let file = root.appendingPathComponent(path).path
                var actual = git_oid()
                var hashed: Int32 = -1
                if link {
                    if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: file) {
                        let bytes = Array(target.utf8)
                        hashed = bytes.withUnsafeBytes { git_odb_hash(&actual, $0.baseAddress, $0.count, GIT_OBJECT_BLOB) }
                    }
                } else {
                    hashed = git_odb_hashfile(&actual, file, GIT_OBJECT_BLOB)
                }
                var wanted = blob
                if hashed != 0 || git_oid_equal(&actual, &wanted) == 0 { mine.append(index) }
            }
            found.withLockedValue { $0 += mine }
        }
        return found.withLockedValue { $0.sorted() }
    }

    private static func mismatch(_ path: String, _ detail: String) -> GitError {
        GitError(call: "verify checkout", code: -1, message: """
            the checkout does not match the commit: \(path) \(detail) (the object store holds an object \
            whose content is not its name: damaged or edited; run `git fsck`)
            """)
    }
}
