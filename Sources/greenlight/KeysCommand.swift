import ArgumentParser
import Foundation
import GreenlightCore

struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Create or show the local Ed25519 key that signs verdicts.",
        discussion: """
            The key lives at $XDG_CONFIG_HOME/greenlight/signing-key (default ~/.config/greenlight/), \
            mode 0600, as PKCS#8 PEM (RFC 8410), never inside a repository. Its signatures protect \
            against accidents and other people, not against a coder running as the same user, who can \
            read it: only a key in the cluster (role cluster) can prove that.
            """,
        subcommands: [KeysInitCommand.self, KeysShowCommand.self]
    )
}

struct KeysInitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new signing key; refuses to replace one without --force.",
        discussion: "Prints the key's trusted-keys line (as `greenlight keys show` does). Exit 0 created, 2 refused or failed."
    )

    @Option(help: "Where to write the key (default: $XDG_CONFIG_HOME/greenlight/signing-key).")
    var output: String?

    @Flag(help: "Replace an existing key (verdicts it signed stay signed by the old one).")
    var force = false

    func run() throws {
        let file = SigningKeyFile.at(output, environment: ProcessInfo.processInfo.environment)
        do {
            let key = try file.create(force: force)
            printError("greenlight: created the signing key at \(file.url.path)\n")
            print(TrustedKey(role: .local, key: SSHEd25519PublicKey(key.publicKey)).line)
        } catch {
            throw Failure.exit(for: error)
        }
    }
}

struct KeysShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print the signing key's line for .greenlight/trusted-keys: `<role> ssh-ed25519 <base64 key>`.",
        discussion: "Exit 0, or 2 when the key is missing or unreadable."
    )

    @Option(help: "The key to show (default: $XDG_CONFIG_HOME/greenlight/signing-key).")
    var key: String?

    @Option(help: "The role to print: local (a developer's machine, the default) or cluster (the attestor).")
    var role: TrustedKey.Role = .local

    func run() throws {
        let file = SigningKeyFile.at(key, environment: ProcessInfo.processInfo.environment)
        do {
            print(TrustedKey(role: role, key: SSHEd25519PublicKey(try file.load().publicKey)).line)
        } catch {
            throw Failure.exit(for: error)
        }
    }
}

extension TrustedKey.Role: ExpressibleByArgument {}
