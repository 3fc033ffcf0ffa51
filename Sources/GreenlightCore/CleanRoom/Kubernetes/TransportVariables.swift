import Foundation

/// The checkout container's transport variables (`CodeTransport`): the only values in a
/// clean-room pod that differ from workspace to workspace, so the only ones `PodSpecMatch` cannot
/// compare with a rendering. Each must have the one shape greenlight gives it, so none can reach
/// git as an option or a command: the refs are `refs/greenlight/<sha>` (`ref`) or
/// `refs/greenlight/bundle/<sha>` (`bundle`) for the commit checked out, and the clone URL is a
/// URL or path that does not start with `-`, names no remote helper (`<transport>::<address>`,
/// https://git-scm.com/docs/gitremote-helpers) and holds no control character.
public enum TransportVariables {
    public static let cloneURL = "GREENLIGHT_CLONE_URL"
    public static let fetchRef = "GREENLIGHT_FETCH_REF"
    public static let bundleRef = "GREENLIGHT_BUNDLE_REF"
    public static let bundleNeedsBase = "GREENLIGHT_BUNDLE_NEEDS_BASE"
    static let all: Set<String> = [cloneURL, fetchRef, bundleRef, bundleNeedsBase]

    /// Why `environment` (a container's `env`, as the pod spec holds it) is not what greenlight
    /// sets for `commit`; `nil` when it is.
    public static func problem(_ environment: [JSONValue], commit: ObjectID) -> String? {
        var values: [String: String] = [:]
        for variable in environment {
            guard let name = variable["name"]?.string, all.contains(name) else { continue }
            guard variable["valueFrom"] == nil, let value = variable["value"]?.string else { return "\(name) is not a plain value" }
            guard values[name] == nil else { return "\(name) is set twice" }
            // Kubernetes turns `$$` into `$` (JobManifest.literal).
            values[name] = value.replacingOccurrences(of: "$$", with: "$")
        }
        if let url = values[cloneURL], let reason = unsafeURL(url) { return "\(cloneURL) \(reason)" }
        if let ref = values[fetchRef], ref != "refs/greenlight/\(commit.hex)" {
            return "\(fetchRef) is not refs/greenlight/\(commit.hex)"
        }
        if let ref = values[bundleRef], ref != CodeTransport.bundleRef(ResolvedCommit(commit: commit, tree: commit)) {
            return "\(bundleRef) is not refs/greenlight/bundle/\(commit.hex)"
        }
        if let base = values[bundleNeedsBase], base != "0", base != "1" { return "\(bundleNeedsBase) is neither 0 nor 1" }
        return nil
    }

    /// Why `url` could be read by git as something other than a repository to fetch from.
    public static func unsafeURL(_ url: String) -> String? {
        if url.isEmpty { return "is empty" }
        if url.hasPrefix("-") { return "starts with '-' (git would read it as an option)" }
        if url.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return "holds a control character" }
        if let helper = url.range(of: "::"), url[..<helper.lowerBound].allSatisfy({ $0.isLetter || $0.isNumber || "+.-".contains($0) }),
           helper.lowerBound != url.startIndex {
            return "names a remote helper (\(url[..<helper.lowerBound])::), which runs a program"
        }
        return nil
    }
}
