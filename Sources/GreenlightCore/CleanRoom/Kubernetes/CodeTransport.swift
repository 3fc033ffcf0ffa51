import Foundation

/// Gets exactly the commit to the Job before the branch is on the remote.
///
/// - `bundle`: an incremental `git bundle` of the commit against the remote-tracking
///   refs (what the remote is known to have), in a ConfigMap; the Job clones
///   `clone_url` for the base and fetches the commit from the bundle.
/// - `ref`: the commit is pushed (`--no-verify`) to `refs/greenlight/<sha>` on the
///   remote and deleted after the verdict.
/// The git CLI does both: libgit2 has no bundles, and pushes need the user's transport setup.
struct CodeTransport: Sendable {
    /// Raw bundle bytes that still fit a ConfigMap (1 MiB object limit, base64 grows by 4/3).
    static let bundleLimit = 700 * 1024

    let git: GitCLI
    let settings: KubernetesSettings
    /// Where a leftover that could not be removed is reported.
    let progress: ProgressSink
    var repository: Repository { git.repository }

    struct Prepared: Sendable {
        var environment: [String: String]
        var configMap: JSONValue?
        var cloneURL: String
    }

    struct TransportError: Error, CustomStringConvertible, LocalizedError {
        let message: String
        var description: String { message }
        var errorDescription: String? { message }
    }

    func cloneURL() throws -> String {
        if let url = settings.cloneURL { return url }
        guard let url = try repository.configString("remote.\(settings.remote).url") else {
            throw TransportError(message: "no clone URL: remote '\(settings.remote)' has no url; set clean_room.kubernetes.clone_url or .remote")
        }
        return url
    }

    func prepare(commit: ResolvedCommit, configMapName: String, namespace: String) async throws -> Prepared {
        let url = try cloneURL()
        switch settings.transport {
        case .ref:
            let ref = "refs/greenlight/\(commit.commit.hex)"
            let push = try await git.run(["push", "--no-verify", "--quiet", settings.remote, "\(commit.commit.hex):\(ref)"], timeout: 600)
            guard push.succeeded else {
                throw TransportError(message: "cannot push \(commit.commit.short()) to \(ref) on \(settings.remote): \(push.firstErrorLine)")
            }
            return Prepared(environment: ["GREENLIGHT_CLONE_URL": url, "GREENLIGHT_FETCH_REF": ref], configMap: nil, cloneURL: url)
        case .bundle:
            let bundle = try await makeBundle(commit)
            guard bundle.data.count <= Self.bundleLimit else {
                throw TransportError(message: """
                    the git bundle for \(commit.commit.short()) is \(bundle.data.count / 1024) KiB, more than a ConfigMap can carry \
                    (\(Self.bundleLimit / 1024) KiB); push the base first, or set clean_room.kubernetes.transport: ref
                    """)
            }
            let configMap: JSONValue = [
                "apiVersion": "v1",
                "kind": "ConfigMap",
                "metadata": [
                    "name": .string(configMapName), "namespace": .string(namespace),
                    "labels": ["app.kubernetes.io/name": "greenlight", "app.kubernetes.io/managed-by": "greenlight"],
                    "annotations": ["greenlight.dev/commit": .string(commit.commit.hex)],
                ],
                "binaryData": ["commit.bundle": .string(bundle.data.base64EncodedString())],
            ]
            return Prepared(environment: [
                "GREENLIGHT_CLONE_URL": url,
                "GREENLIGHT_BUNDLE_REF": bundle.ref,
                "GREENLIGHT_BUNDLE_NEEDS_BASE": bundle.needsBase ? "1" : "0",
            ], configMap: configMap, cloneURL: url)
        }
    }

    /// Removes what `prepare` left: the `ref` transport's ref on the remote, the bundle's local ref.
    /// Returns a warning when something could not be removed.
    func cleanUp(commit: ResolvedCommit) async -> String? {
        let ref = "refs/greenlight/\(commit.commit.hex)"
        switch settings.transport {
        case .ref:
            let advice = "remove it with `git push \(settings.remote) :\(ref)`"
            do {
                // `ls-remote --exit-code` exits 2 when the ref is already gone: nothing to delete.
                let listed = try await git.run(["ls-remote", "--exit-code", settings.remote, ref], timeout: 120)
                if listed.result.exitCode == 2, !listed.result.timedOut, !listed.result.terminated { return nil }
                let deleted = try await git.run(["push", "--no-verify", "--quiet", settings.remote, ":\(ref)"], timeout: 120)
                guard deleted.succeeded else {
                    return "could not delete \(ref) from \(settings.remote) (\(deleted.firstErrorLine)); \(advice)"
                }
            } catch {
                return "could not delete \(ref) from \(settings.remote) (\(error)); \(advice)"
            }
        case .bundle:
            do {
                try repository.setReference(Self.bundleRef(commit), to: nil, message: "greenlight: verdict recorded")
            } catch {
                return "could not delete the local ref \(Self.bundleRef(commit)): \(error)"
            }
        }
        return nil
    }

    /// The same name in every workspace: whichever check creates the Job, its bundle has this ref.
    static func bundleRef(_ commit: ResolvedCommit) -> String { "refs/greenlight/bundle/\(commit.commit.hex)" }

    private func makeBundle(_ commit: ResolvedCommit) async throws -> (data: Data, ref: String, needsBase: Bool) {
        // Kept until the verdict (cleanUp), so a concurrent check of the same commit never sees it vanish.
        let ref = Self.bundleRef(commit)
        // A concurrent check of the same commit may hold the ref's lock for a moment.
        for attempt in 1...20 {
            do {
                if try repository.referenceTarget(ref) != commit.commit {
                    try repository.setReference(ref, to: commit.commit, message: "greenlight: bundle")
                }
                break
            } catch {
                if attempt == 20 { throw error }
                try await Task.sleep(for: .milliseconds(Int.random(in: 2...20)))
            }
        }
        let known = try repository.references(matching: "refs/remotes/\(settings.remote)/*").map(\.commit)
        // In a directory of its own, so that an exit forced by a signal removes it too.
        let directory = try TemporaryDirectory.make(in: FileManager.default.temporaryDirectory, prefix: "greenlight-bundle")
        defer { if let problem = TemporaryDirectory.remove(directory) { progress.warning(problem) } }
        let file = directory.appendingPathComponent("commit.bundle")
        // When the remote already has the commit, a bundle against its refs would be empty:
        // then a bundle of just the commit, on top of its parents.
        let exclusions = try repository.isReachable(commit.commit, fromAnyOf: known)
            ? ["--not", "\(commit.commit.hex)^@"]
            : known.map { "^\($0.hex)" }
        let result = try await git.run(["bundle", "create", "--quiet", file.path, ref] + exclusions, timeout: 600)
        guard result.succeeded else {
            throw TransportError(message: "cannot create a git bundle of \(commit.commit.short()): \(result.firstErrorLine)")
        }
        let data: Data
        do { data = try Data(contentsOf: file) } catch {
            throw TransportError(message: "cannot read the git bundle of \(commit.commit.short()) at \(file.path): \(error.localizedDescription)")
        }
        return (data, ref, !exclusions.isEmpty)
    }
}
