import ArgumentParser
import Foundation
import GreenlightCore

struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "For CI and review bots: exit 0 only if the commit has a pass for every tier. Runs no checks.",
        discussion: """
            Fetches the remote's verdict notes, then looks for a `pass` recorded for exactly this \
            commit under the trusted gate definition (the .greenlight.yml of --trusted-ref, else git config \
            greenlight.trustedRef, else the remote's default branch), for every configured tier. A commit \
            that changes its own .greenlight.yml cannot verify itself: verdicts under its own definition are \
            reported as "gate weakened". Refuses work pushed with `git push --no-verify`.

            Notes are the transport, not the proof: with trusted keys (.greenlight/trusted-keys at the trusted \
            ref, plus every --trust FILE; lines `<role> ssh-ed25519 <base64 key> [comment]`), a verdict counts \
            only when its in-toto attestation (a DSSE envelope next to it in the note) is signed by one of them \
            and names this commit, its tree and the trusted gate's digest. Others are listed as "ignored: \
            unsigned", "bad signature", "untrusted key …". With no trusted keys, the last line says nothing \
            cryptographic was verified.

            Exit status: 0 verified, 1 not verified (each tier's line says why: missing, failed, error only, \
            stale or gate weakened), 2 error (including: no trusted ref found in a repository with remotes, \
            an unreadable trusted-keys file).
            """
    )

    @Argument(help: "The commit to verify.")
    var revision: String = "HEAD"

    @Option(help: "The remote to fetch notes from (default: the current branch's remote, else origin when it exists).")
    var remote: String?

    @Option(help: "The ref whose .greenlight.yml is the gate (default: git config greenlight.trustedRef, else <remote>/HEAD, else <remote>/main).")
    var trustedRef: String?

    @Option(name: .customLong("trust"), help: ArgumentHelp("A trusted-keys file whose keys are trusted too (repeatable).", valueName: "file"))
    var trust: [String] = []

    @Option(help: ArgumentHelp("cluster: the clean-room tier counts only when signed by a key whose role is cluster (the attestor's). The fast tier runs in the workspace, so local keys always sign it.", valueName: "role"))
    var require: TrustedKey.Role?

    @Flag(help: "Do not fetch notes; use the local ones only.")
    var noFetch = false

    @Flag(help: "Print JSON instead of text.")
    var json = false

    @OptionGroup var repository: RepositoryOption

    func run() async throws {
        let session = try CommandSession.start(quietTerminal: true) { try repository.open() }
        do {
            let result = try await VerifyUseCase(repository: session.repository, runner: session.runner,
                                                 environment: ProcessInfo.processInfo.environment)
                .run(revision: revision, remote: remote, fetch: !noFetch, trustedRef: trustedRef,
                     trust: trust, requireCluster: require == .cluster)
            session.exitIfInterrupted()
            for warning in result.warnings { printError("greenlight: warning: \(warning)\n") }
            let verification = result.verification
            print(json ? try verification.json() : verification.text(), terminator: json ? "\n" : "")
            session.flushAndExitIfInterrupted()
            if !verification.isVerified { throw ExitCode(1) }
        } catch {
            throw session.exit(for: error)
        }
    }
}
