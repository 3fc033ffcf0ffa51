import Foundation

/// `greenlight doctor` for the local backend: can this machine seal the clean room? Starts the
/// same sandbox a clean-room run would (`LocalCleanRoom.seal`) once, in an empty temporary
/// clean room, with the tier's `network` and `mounts`, and removes it.
public struct SandboxDoctor: Sendable {
    public let context: TierContext
    public let definition: TierDefinition

    public init(context: TierContext, definition: TierDefinition) {
        self.context = context
        self.definition = definition
    }

    /// One check: `ok` with where bwrap is, or not with the reason and how to fix it.
    public func run() async -> ClusterDoctor.Check {
        let name = "local clean room"
        let root: URL
        let objects = context.repository.commonDirectory.appendingPathComponent("objects")
        do {
            root = try TemporaryDirectory.make(in: context.temporaryDirectory, prefix: "greenlight-doctor")
            try FileManager.default.createDirectory(at: root.appendingPathComponent("src"), withIntermediateDirectories: true)
            try CleanRoomSite.prepareLayout(root: root, objects: objects)
        } catch {
            return ClusterDoctor.Check(name: name, ok: false, detail: "cannot prepare a temporary clean room: \(error)")
        }
        defer {
            if let problem = TemporaryDirectory.remove(root) { context.progress.warning(problem) }
        }
        var caches: CacheLease
        do {
            caches = try CacheStore(repository: context.repository, environment: context.environment, temporaryDirectory: context.temporaryDirectory).lease(definition.caches)
        } catch {
            return ClusterDoctor.Check(name: name, ok: false, detail: "\(error)")
        }
        defer { caches.release() }
        switch await LocalCleanRoom(context: context).seal(roots: [root], objects: objects, definition: definition, caches: caches.mounted) {
        case let .sealed(sandbox):
            let cacheNote = caches.mounted.isEmpty ? "" : "; caches \(caches.mounted.map { "\($0.definition.name) at \($0.directory.path)" }.joined(separator: ", "))"
            return ClusterDoctor.Check(name: name, ok: true, detail: "steps run sealed by bubblewrap (\(sandbox[0].executable)), network \(definition.network ? "on" : "off")\(cacheNote)")
        case let .unsealed(reason):
            return ClusterDoctor.Check(name: name, ok: true, detail: "steps run UNSEALED (isolation: best-effort): \(reason)")
        case let .refused(problem):
            return ClusterDoctor.Check(name: name, ok: false, detail: problem)
        }
    }
}
