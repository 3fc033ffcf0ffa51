import Foundation

/// `greenlight pr create [gh arguments]`: the arguments for the real `gh pr create`,
/// unchanged except greenlight's own `--push`, and the branch the PR would propose.
public struct PullRequestArguments: Sendable {
    /// Passed to `gh pr create` exactly as given (minus `--push`).
    public let ghArguments: [String]
    /// The `--head`/`-H` branch, without an `owner:` prefix; `nil` means the current branch.
    public let headBranch: String?
    /// Push the branch when the remote does not have the commit yet.
    public let push: Bool

    public init(_ arguments: [String]) {
        var passThrough: [String] = []
        var head: String?
        var push = false
        var index = 0
        var afterDoubleDash = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if afterDoubleDash {
                passThrough.append(argument)
                continue
            }
            if argument == "--" { afterDoubleDash = true; passThrough.append(argument); continue }
            if argument == "--push" { push = true; continue }
            passThrough.append(argument)
            if argument == "--head" || argument == "-H", index < arguments.count {
                head = arguments[index]
                passThrough.append(arguments[index])
                index += 1
            } else if argument.hasPrefix("--head=") {
                head = String(argument.dropFirst("--head=".count))
            } else if argument.hasPrefix("-H"), argument.count > 2 {
                head = String(argument.dropFirst(2))
            } else if Self.ghOptionsWithValue.contains(argument), index < arguments.count {
                // Keep a value such as a title "--push" from being read as an option.
                passThrough.append(arguments[index])
                index += 1
            }
        }
        ghArguments = passThrough
        headBranch = head.map { value in value.split(separator: ":", maxSplits: 1).count == 2 ? String(value.split(separator: ":", maxSplits: 1)[1]) : value }
        self.push = push
    }

    /// Options of `gh pr create` that take a value (so the value is never taken for an option).
    static let ghOptionsWithValue: Set<String> = [
        "-a", "--assignee", "-B", "--base", "-b", "--body", "-F", "--body-file", "-l", "--label", "-m", "--milestone",
        "-p", "--project", "-R", "--repo", "-r", "--reviewer", "-T", "--template", "-t", "--title", "--recover",
    ]
}
