import ArgumentParser
import Foundation
import GreenlightCore

struct PrePushCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pre-push",
        abstract: "git's pre-push hook: refuse the push unless every pushed commit passed the gate.",
        discussion: """
            Run by the hook that `greenlight install` writes. Reads git's pre-push input on stdin \
            ('<local ref> <local sha> <remote ref> <remote sha>' per line) and gates every updated ref \
            matching hooks.pre_push.refs (default refs/heads/*): deletions and notes pass, each distinct \
            commit is gated once. Cached verdicts make this instant. After new verdicts are recorded, the \
            notes are pushed to the same remote (notes.sync, default true).
            """
    )

    @Argument(help: "The remote's name (or URL when pushing to a URL).")
    var remote: String

    @Argument(help: "The remote's URL.")
    var url: String?

    func run() async throws {
        do {
            let input = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            let updates = try PushedRef.parse(input)
            let session = try GateSession(repository: try RepositoryOption.open())
            defer { session.finish() }
            let plan = PushPlan(updates: updates, patterns: RefPattern(session.gate.config.prePushRefs))
            let outcome = try await PushGate(gate: session.gate, remote: remote).run(plan)
            session.finish()
            printError(PushReport().render(outcome, inHook: true))
            if outcome.verdict != .pass { throw ExitCode(outcome.verdict.exitCode) }
        } catch {
            throw Failure.exit(for: error)
        }
    }
}
