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
            try LocalCleanRoom.prepare(root: root, objects: objects)
        } catch {
            return ClusterDoctor.Check(name: name, ok: false, detail: "cannot prepare a temporary clean room: \(error)")
        }
        defer {
            if let problem = TemporaryDirectory.remove(root) { context.progress.warning(problem) }
        }
        switch await LocalCleanRoom(context: context).seal(root: root, objects: objects, definition: definition) {
        case let .sealed(sandbox):
            return ClusterDoctor.Check(name: name, ok: true, detail: "steps run sealed by bubblewrap (\(sandbox.executable)), network \(definition.network ? "on" : "off")")
        case let .unsealed(reason):
            return ClusterDoctor.Check(name: name, ok: true, detail: "steps run UNSEALED (isolation: best-effort): \(reason)")
        case let .refused(problem):
            return ClusterDoctor.Check(name: name, ok: false, detail: problem)
        }
    }
}
