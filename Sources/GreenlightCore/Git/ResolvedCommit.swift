/// A revision resolved to the commit it names and that commit's tree.
public struct ResolvedCommit: Hashable, Sendable, Codable {
    public let commit: ObjectID
    public let tree: ObjectID

    public init(commit: ObjectID, tree: ObjectID) {
        self.commit = commit
        self.tree = tree
    }
}
