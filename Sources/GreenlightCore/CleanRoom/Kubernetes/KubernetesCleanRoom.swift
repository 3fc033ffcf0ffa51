import Foundation

/// The clean-room tier as a Kubernetes Job for exactly one commit: one Job per commit and
/// tier digest (a second push, worktree or restarted hook attaches to it), watched to a
/// verdict, its pod log streamed to the local log file.
struct KubernetesCleanRoom: TierRunner {
    let context: TierContext
    let settings: KubernetesSettings

    /// How much longer than the Job's own deadline greenlight waits before giving up.
    static let waitGrace: TimeInterval = 120

    func run(_ commit: ResolvedCommit, definition: TierDefinition, digest: String, keep: Bool) async -> TierRunResult {
        let startedAt = Date()
        let logURL = context.logFile(commit: commit.commit, digest: digest)
        let log: LogFile
        do { log = try LogFile(url: logURL) } catch {
            return failure("cannot open the clean-room log: \(error)", log: nil, startedAt: startedAt)
        }
        log.write("=== greenlight \(GreenlightVersion.current): clean-room tier (kubernetes) for \(commit.commit.hex) at \(NoteCodec.formatDate(startedAt))\n")
        let connection: ClusterConnection
        let client: KubernetesClient
        do {
            (connection, client) = try KubernetesConnector(context: context, settings: settings).client()
        } catch {
            log.write("cannot connect: \(error)\n")
            return failure("\(error)", log: logURL.path, startedAt: startedAt)
        }
        let session = JobSession(context: context, settings: settings, client: client, namespace: connection.namespace,
                                 commit: commit, definition: definition, digest: digest, log: log, logURL: logURL, startedAt: startedAt)
        let result = await session.run()
        await client.shutdown()
        log.write("=== verdict: \(result.verdict.rawValue)\(result.summary.isEmpty ? "" : ": \(result.summary)")\n")
        context.progress.tierFinished(tier: .cleanRoom, verdict: result.verdict, duration: result.finishedAt.timeIntervalSince(startedAt))
        return result
    }

    private func failure(_ problem: String, log: String?, startedAt: Date) -> TierRunResult {
        TierRunResult(tier: .cleanRoom, steps: [], problem: problem, log: log, backend: BackendKind.kubernetes.rawValue,
                    isolation: .kubernetesPod, startedAt: startedAt, finishedAt: Date())
    }
}
