import Foundation

/// `notes.publish: github`: each verdict the gate records is posted as a GitHub commit status
/// through `gh api` (https://docs.github.com/en/rest/commits/statuses#create-a-commit-status), so
/// a pull request shows the gate next to CI: context `greenlight/<tier>`, state `success`,
/// `failure` or `error`, the summary as the description (140 characters at most, GitHub's limit),
/// and the target URL when the verdict's log is one. `gh` fills in `{owner}/{repo}` from the
/// repository's remote and holds the credentials; greenlight holds none.
struct GitHubStatuses: Sendable {
    let tiers: TierContext

    /// `gh api` arguments for `record`.
    static func arguments(for record: VerdictRecord) -> [String] {
        let state = switch record.verdict {
        case .pass: "success"
        case .fail: "failure"
        case .error: "error"
        }
        var description = record.summary.isEmpty ? "\(record.verdict.rawValue) (\(record.backend))" : record.summary
        if description.count > 140 { description = String(description.prefix(139)) + "…" }
        var arguments = ["api", "--method", "POST", "repos/{owner}/{repo}/statuses/\(record.commit.hex)",
                         "-f", "state=\(state)", "-f", "context=greenlight/\(record.tier.rawValue)", "-f", "description=\(description)"]
        if let log = record.log, log.hasPrefix("https://") || log.hasPrefix("http://") { arguments += ["-f", "target_url=\(log)"] }
        return arguments
    }

    /// Posts the status; a warning when it could not be (never an error: the verdict stands).
    func publish(_ record: VerdictRecord) async -> String? {
        let directory = tiers.repository.workingDirectory ?? tiers.repository.gitDirectory
        let spec = ProcessSpec(executable: "gh", arguments: Self.arguments(for: record), directory: directory,
                               environment: tiers.environment, timeout: 60)
        do {
            let ran = try await tiers.runner.capture(spec)
            if ran.succeeded { return nil }
            return "could not publish the \(record.tier.rawValue) verdict of \(record.commit.short()) as a GitHub commit status (gh api: \(ran.firstErrorLine))"
        } catch {
            return "could not publish the \(record.tier.rawValue) verdict of \(record.commit.short()) as a GitHub commit status: \(error)"
        }
    }
}
