import ArgumentParser
import Foundation
import GreenlightCore

struct CachesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "caches",
        abstract: "List the clean room's caches (clean_room.caches) on this machine, with their sizes.",
        discussion: """
            Caches live under <git common dir>/greenlight/caches/<name> (or a cache's `path`) and are \
            mounted read-write into every local clean room at /clean-room/caches/<name>. Sizes are bytes \
            allocated on disk, as du counts them. A directory there that clean_room.caches no longer names \
            is listed too, so it can be pruned. On the Kubernetes backend caches live on cache_pvc and \
            are not listed here. Exit 0, or 2 when they cannot be listed or one is configured where no \
            cache may be (it is listed as refused, with why).
            """,
        subcommands: [CachesListCommand.self, CachesPruneCommand.self],
        defaultSubcommand: CachesListCommand.self
    )
}

struct CachesListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the caches with their sizes (the default)."
    )

    @OptionGroup var repository: RepositoryOption

    func run() async throws {
        let session = try CommandSession.start(quietTerminal: true) { try repository.open() }
        do {
            let gate = try session.gate()
            let usages = try CachesUseCase(repository: gate.context.tiers.repository, definition: gate.config.cleanRoom).list()
            print(CacheReport.list(usages), terminator: "")
            session.flushAndExitIfInterrupted()
            // A cache configured where none may be is a configuration error, as in a check.
            if usages.contains(where: { $0.problem != nil }) { throw ExitCode(2) }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw session.exit(for: error)
        }
    }
}

struct CachesPruneCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prune",
        abstract: "Trim the clean room's caches: empty them, or remove only what was not used for a while.",
        discussion: """
            Without --older-than, each named cache is emptied (a directory no configuration names is \
            removed). With --older-than D (30d, 12h, 90m), only files last used (the later of their \
            access and modification times) more than D ago are removed, then directories left empty. \
            A cache a running clean room has mounted is left alone. Exit 0 when everything asked was \
            done, 2 otherwise.
            """
    )

    @Argument(help: "The caches to prune (default: all of them).")
    var names: [String] = []

    @Option(name: .customLong("older-than"), help: "Only what was last used longer ago than this (e.g. 30d, 12h).")
    var olderThan: String?

    @OptionGroup var repository: RepositoryOption

    func validate() throws {
        if let olderThan, DurationParser.age(from: olderThan) == nil {
            throw ValidationError("--older-than '\(olderThan)' is not an age such as 30d, 12h or 90m (at most 10 years)")
        }
    }

    func run() async throws {
        let session = try CommandSession.start(quietTerminal: true) { try repository.open() }
        do {
            let gate = try session.gate()
            let age = olderThan.flatMap(DurationParser.age(from:))
            let outcomes = try CachesUseCase(repository: gate.context.tiers.repository, definition: gate.config.cleanRoom)
                .prune(names: names, olderThan: age)
            print(CacheReport.prune(outcomes, olderThan: age), terminator: "")
            session.flushAndExitIfInterrupted()
            if !CacheReport.complete(outcomes) { throw ExitCode(2) }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw session.exit(for: error)
        }
    }
}
