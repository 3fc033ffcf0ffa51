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
            cryptographic was verified. --require signed makes that a failure.

            A commit already on the trusted branch is judged by its first parent's .greenlight.yml and \
            trusted-keys, so on that branch verify is only as strong as who may push to it: verify pull \
            requests before they merge, protect the branch, and pin keys with --trust and --no-repository-keys.

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

    @Flag(help: "Trust only the --trust files, not .greenlight/trusted-keys at the trusted ref (keys pinned in CI, which no push to the trusted branch can change).")
    var noRepositoryKeys = false

    @Option(help: ArgumentHelp("signed: every tier needs a record signed by a trusted key (with no trusted keys, nothing verifies). cluster: also, the clean-room tier only by a key whose role is cluster (the attestor's); the fast tier runs in the workspace, so a local key signs it.", valueName: "signed|cluster"))
    var require: SignatureRequirement?

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
                     trust: trust, repositoryKeys: !noRepositoryKeys, require: require)
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

extension SignatureRequirement: ExpressibleByArgument {}
