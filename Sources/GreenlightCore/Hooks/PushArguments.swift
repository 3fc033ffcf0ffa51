import Foundation

/// Works out, from `git push` arguments and the local repository only (no network),
/// which commits would be pushed to which remote refs, so they can be gated before
/// git opens a connection.
public struct PushArguments: Sendable {
    public let arguments: [String]
    /// The remote named on the command line, `nil` for git's default.
    public private(set) var remote: String?
    public private(set) var refspecs: [String] = []
    private var all = false
    private var mirror = false
    private var tags = false
    private var delete = false

    /// Options of `git push` that take the next argument as their value.
    private static let optionsWithValue: Set<String> = ["--repo", "-o", "--push-option", "--receive-pack", "--exec"]

    public init(_ arguments: [String]) {
        self.arguments = arguments
        var positional: [String] = []
        var index = 0
        var onlyPositional = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositional || !argument.hasPrefix("-") || argument == "-" {
                positional.append(argument)
                continue
            }
            switch argument {
            case "--": onlyPositional = true
            case "--all", "--branches": all = true
            case "--mirror": mirror = true
            case "--tags": tags = true
            case "-d", "--delete": delete = true
            default:
                if Self.optionsWithValue.contains(argument) {
                    if argument == "--repo", index < arguments.count { remote = arguments[index] }
                    index += 1
                } else if argument.hasPrefix("--repo=") {
                    remote = String(argument.dropFirst("--repo=".count))
                }
            }
        }
        if let first = positional.first {
            remote = first
            refspecs = Array(positional.dropFirst())
        }
    }

    public struct ResolutionError: Error, CustomStringConvertible, LocalizedError, Sendable {
        public let message: String
        public var description: String { message }
        public var errorDescription: String? { message }
    }

    /// The remote git will push to: the one named, else the current branch's
    /// `branch.<name>.pushRemote` / `remote.pushDefault` / `branch.<name>.remote`, else `origin`.
    public func resolvedRemote(in repository: Repository) throws -> String {
        try remote ?? repository.pushRemote()
    }

    /// Every (commit, remote ref) the push would update; deletions are left out.
    public func targets(in repository: Repository) throws -> [(commit: ObjectID, remoteRef: String)] {
        if delete { return [] }
        var targets: [(commit: ObjectID, remoteRef: String)] = []
        if all || mirror {
            targets += try repository.references(matching: "refs/heads/*").map { ($0.commit, $0.name) }
        }
        if tags || mirror {
            targets += try repository.references(matching: "refs/tags/*").map { ($0.commit, $0.name) }
        }
        if refspecs.isEmpty && !all && !mirror && !tags {
            guard let branch = try repository.currentBranch(), let head = try repository.headCommit() else {
                throw ResolutionError(message: "HEAD is not on a branch; say what to push, e.g. greenlight push origin HEAD:refs/heads/<branch>")
            }
            let short = branch.replacingOccurrences(of: "refs/heads/", with: "")
            let merge = try repository.configString("branch.\(short).merge")
            targets.append((head, merge ?? branch))
        }
        for refspec in refspecs {
            targets += try resolve(refspec, in: repository)
        }
        return targets
    }

    private func resolve(_ refspec: String, in repository: Repository) throws -> [(commit: ObjectID, remoteRef: String)] {
        var spec = refspec
        if spec.hasPrefix("+") { spec.removeFirst() }
        let parts = spec.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let source = parts[0]
        let destination = parts.count > 1 ? parts[1] : nil
        if source.isEmpty { return [] }  // ":branch" deletes
        if source.contains("*") {
            let destinationPattern = destination ?? source
            return try repository.references(matching: source).map { reference in
                let star = Self.starMatch(pattern: source, name: reference.name) ?? ""
                return (reference.commit, destinationPattern.replacingOccurrences(of: "*", with: star))
            }
        }
        let commit = try repository.resolve(source).commit
        let sourceRef: String?
        if source == "HEAD" || source == "@" {
            sourceRef = try repository.currentBranch()
        } else {
            sourceRef = try repository.fullReferenceName(source)
        }
        if let destination, !destination.isEmpty {
            if destination.hasPrefix("refs/") { return [(commit, destination)] }
            let prefix = sourceRef?.hasPrefix("refs/tags/") == true ? "refs/tags/" : "refs/heads/"
            return [(commit, prefix + destination)]
        }
        guard let sourceRef else {
            throw ResolutionError(message: "cannot tell which remote ref '\(refspec)' updates; write it as <source>:refs/heads/<branch>")
        }
        return [(commit, sourceRef)]
    }

    /// What `*` stood for when `name` matched `pattern` (one star).
    static func starMatch(pattern: String, name: String) -> String? {
        guard let star = pattern.firstIndex(of: "*") else { return nil }
        let prefix = String(pattern[..<star])
        let suffix = String(pattern[pattern.index(after: star)...])
        guard name.hasPrefix(prefix), name.hasSuffix(suffix), name.count >= prefix.count + suffix.count else { return nil }
        return String(name.dropFirst(prefix.count).dropLast(suffix.count))
    }
}
