import Foundation

/// A pod's stand-in for container filesystems: a fresh directory under the work root with
/// - `volumes/<name>`: each of the pod's volumes, materialised once for the whole pod (an `emptyDir` is
///   the same storage for every container that mounts it; a `persistentVolumeClaim` is a link to the
///   claim's storage under `<work root>/.claims`, which every pod that mounts the claim shares);
/// - `containers/<name>/fs`: each container's own `/`, where each of *its* `volumeMounts` is a symbolic
///   link `fs<mountPath>` to its volume. A volume a container does not mount (a Secret only an init
///   container mounts, say) is nowhere under that container's `/`;
/// - `logs/<container>.log`: each container's log.
struct PodSandbox: Sendable {
    let root: URL

    init(workRoot: URL, namespace: String, podName: String) {
        root = workRoot.appendingPathComponent(namespace, isDirectory: true)
            .appendingPathComponent(podName, isDirectory: true)
    }

    var volumes: URL { root.appendingPathComponent("volumes", isDirectory: true) }
    var logs: URL { root.appendingPathComponent("logs", isDirectory: true) }

    /// The container's `/`.
    func filesystem(container: String) -> URL {
        root.appendingPathComponent("containers", isDirectory: true)
            .appendingPathComponent(Self.safeName(container), isDirectory: true)
            .appendingPathComponent("fs", isDirectory: true)
    }

    func logFile(container: String) -> URL { logs.appendingPathComponent("\(Self.safeName(container)).log") }

    func volume(_ name: String) -> URL { volumes.appendingPathComponent(Self.safeName(name), isDirectory: true) }

    /// The host path for a path inside the container (`..` cannot climb out of the container's `/`).
    func hostPath(_ containerPath: String, container: String) -> String {
        let relative = Self.contained(containerPath)
        let slash = filesystem(container: container)
        return relative.isEmpty ? slash.path : slash.appendingPathComponent(relative).path
    }

    private static func safeName(_ name: String) -> String {
        name.replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "..", with: "_")
    }

    /// A path made relative, without `.`, `..` or empty components.
    static func contained(_ path: String) -> String {
        var components: [Substring] = []
        for component in path.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": _ = components.popLast()
            default: components.append(component)
            }
        }
        return components.joined(separator: "/")
    }

    /// Why a container cannot be created yet; the kubelet shows it as a waiting reason and retries.
    struct NotReady: Error {
        let reason: String
        let message: String
    }

    /// What to run, once volumes and environment are in place.
    struct LaunchPlan: Sendable {
        let arguments: [String]
        let environment: [String: String]
        let directory: String
        let logFile: URL
    }

    /// Creates the sandbox and every volume of `spec.volumes`, as the kubelet mounts a pod's volumes before
    /// it starts any of its containers. Called again after a failure, it starts afresh.
    func prepareVolumes(pod: JSONValue, store: ObjectStore) throws(NotReady) {
        let fileManager = FileManager.default
        do {
            try fileManager.createDirectory(at: volumes, withIntermediateDirectories: true)
            try fileManager.createDirectory(at: logs, withIntermediateDirectories: true)
        } catch {
            throw NotReady(reason: "CreateContainerError", message: "creating the sandbox: \(error)")
        }
        for volume in pod[path: ["spec", "volumes"]]?.arrayValue ?? [] {
            guard let name = volume["name"]?.stringValue, !name.isEmpty else { continue }
            try materialise(volume: volume, at: self.volume(name), namespace: pod.namespace, store: store)
        }
    }

    /// Creates the container's own `/` with its mounts, resolves its environment, and works out the
    /// command line. ``prepareVolumes(pod:store:)`` must have succeeded first.
    func prepare(pod: JSONValue, container: JSONValue, store: ObjectStore) throws(NotReady) -> LaunchPlan {
        let namespace = pod.namespace
        let containerName = container["name"]?.stringValue ?? "main"
        let slash = filesystem(container: containerName)
        let fileManager = FileManager.default
        do {
            try fileManager.createDirectory(at: slash, withIntermediateDirectories: true)
            // root's home, as in most images; HOME points there unless the container sets it.
            try fileManager.createDirectory(at: slash.appendingPathComponent("root"), withIntermediateDirectories: true)
        } catch {
            throw NotReady(reason: "CreateContainerError", message: "creating the container filesystem: \(error)")
        }

        // Mounts, parents before children: each one a link to its volume (or a subPath in it).
        let volumeNames = Set((pod[path: ["spec", "volumes"]]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue })
        let mounts = (container["volumeMounts"]?.arrayValue ?? [])
            .compactMap { mount -> (name: String, path: String, subPath: String?)? in
                guard let name = mount["name"]?.stringValue, let path = mount["mountPath"]?.stringValue,
                    path.hasPrefix("/"), path.count > 1
                else { return nil }
                let normalized = path.hasSuffix("/") ? String(path.dropLast()) : path
                let subPath = mount["subPath"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
                return (name, normalized, subPath)
            }
            .sorted { $0.path.count < $1.path.count }
        for mount in mounts {
            guard volumeNames.contains(mount.name) else {
                throw NotReady(reason: "CreateContainerConfigError",
                               message: "cannot find volume \"\(mount.name)\" to mount into container \"\(containerName)\"")
            }
            let location = URL(fileURLWithPath: hostPath(mount.path, container: containerName), isDirectory: true)
            var target = volume(mount.name)
            if let subPath = mount.subPath {
                target = target.appendingPathComponent(Self.contained(subPath))
                if !fileManager.fileExists(atPath: target.path) {
                    try? fileManager.createDirectory(at: target, withIntermediateDirectories: true)
                }
            }
            try? fileManager.createDirectory(at: location.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? fileManager.removeItem(at: location)
            do {
                try fileManager.createSymbolicLink(at: location, withDestinationURL: target)
            } catch {
                throw NotReady(reason: "CreateContainerError", message: "mounting \(mount.path): \(error)")
            }
        }

        // Environment: PATH from the test process, HOME the sandbox, then the container's own.
        var environment: [String: String] = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
            "HOME": slash.appendingPathComponent("root").path,
            "HOSTNAME": pod.name,
        ]
        var declared: [String: String] = [:]
        for source in container["envFrom"]?.arrayValue ?? [] {
            let prefix = source["prefix"]?.stringValue ?? ""
            if let reference = source["configMapRef"] {
                for (key, value) in try referencedData(.configmaps, reference: reference, namespace: namespace, store: store) {
                    declared[prefix + key] = value
                }
            }
            if let reference = source["secretRef"] {
                for (key, value) in try referencedData(.secrets, reference: reference, namespace: namespace, store: store) {
                    declared[prefix + key] = value
                }
            }
        }
        for variable in container["env"]?.arrayValue ?? [] {
            guard let name = variable["name"]?.stringValue else { continue }
            if let value = variable["value"]?.stringValue {
                declared[name] = Self.expand(value, with: declared)
            } else if let source = variable["valueFrom"] {
                if let value = try valueFrom(source, pod: pod, namespace: namespace, store: store) {
                    declared[name] = value
                }
            } else {
                declared[name] = ""
            }
        }
        let mountPaths = mounts.map(\.path).sorted { $0.count > $1.count }
        let rewritten = declared.mapValues { rewrite($0, mountPaths: mountPaths, container: containerName) }
        environment.merge(rewritten) { _, containerValue in containerValue }

        let workingDirectory: String
        if let directory = container["workingDir"]?.stringValue, directory.hasPrefix("/") {
            let rewritten = rewrite(directory, mountPaths: mountPaths, container: containerName)
            workingDirectory = rewritten == directory ? hostPath(directory, container: containerName) : rewritten
            try? fileManager.createDirectory(atPath: workingDirectory, withIntermediateDirectories: true)
        } else {
            workingDirectory = slash.path
        }
        environment["PWD"] = workingDirectory

        let command = (container["command"]?.arrayValue ?? []).compactMap(\.stringValue)
            + (container["args"]?.arrayValue ?? []).compactMap(\.stringValue)
        let arguments = command.map { Self.expand($0, with: rewritten) }
        return LaunchPlan(arguments: arguments, environment: environment, directory: workingDirectory,
                          logFile: logFile(container: containerName))
    }

    /// A value that is a mount path, or lies under one, becomes the path in the sandbox.
    private func rewrite(_ value: String, mountPaths: [String], container: String) -> String {
        for mountPath in mountPaths where value == mountPath || value.hasPrefix(mountPath + "/") {
            return hostPath(mountPath, container: container) + String(value.dropFirst(mountPath.count))
        }
        return value
    }

    /// Kubernetes' `$(VAR)` expansion in env values, command and args: `$(NAME)` becomes the value of a
    /// defined variable (undefined ones stay as written), `$$` becomes `$`.
    static func expand(_ input: String, with variables: [String: String]) -> String {
        let characters = Array(input)
        var output = ""
        var index = 0
        while index < characters.count {
            let character = characters[index]
            guard character == "$", index + 1 < characters.count else {
                output.append(character)
                index += 1
                continue
            }
            let next = characters[index + 1]
            if next == "$" {
                output.append("$")
                index += 2
            } else if next == "(", let close = characters[(index + 2)...].firstIndex(of: ")") {
                let name = String(characters[(index + 2)..<close])
                output += variables[name] ?? "$(\(name))"
                index = close + 1
            } else {
                output.append("$")
                output.append(next)
                index += 2
            }
        }
        return output
    }

    // MARK: Volumes

    private func materialise(volume: JSONValue, at directory: URL, namespace: String, store: ObjectStore) throws(NotReady) {
        let fileManager = FileManager.default
        try? fileManager.removeItem(at: directory)
        do {
            try fileManager.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw NotReady(reason: "CreateContainerError", message: "creating volume directory: \(error)")
        }
        let volumeName = volume["name"]?.stringValue ?? ""
        if let claim = volume["persistentVolumeClaim"]?["claimName"]?.stringValue {
            // A claim outlives its pods: its storage is `<work root>/.claims/<namespace>/<claim>`, the same for every pod.
            let storage = root.deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent(".claims", isDirectory: true).appendingPathComponent(Self.safeName(namespace), isDirectory: true)
                .appendingPathComponent(Self.safeName(claim), isDirectory: true)
            do {
                try fileManager.createDirectory(at: storage, withIntermediateDirectories: true)
                try fileManager.removeItem(at: directory)
                try fileManager.createSymbolicLink(at: directory, withDestinationURL: storage)
            } catch {
                throw NotReady(reason: "CreateContainerError", message: "mounting claim \"\(claim)\": \(error)")
            }
            return
        }
        if let source = volume["configMap"] {
            let name = source["name"]?.stringValue ?? ""
            guard let configMap = store.get(.configmaps, namespace: namespace, name: name) else {
                if source["optional"]?.boolValue == true { return }
                throw NotReady(reason: "ContainerCreating",
                               message: "MountVolume.SetUp failed for volume \"\(volumeName)\" : configmap \"\(name)\" not found")
            }
            var files: [String: Data] = [:]
            for (key, value) in configMap["data"]?.objectValue ?? [:] { files[key] = Data((value.stringValue ?? "").utf8) }
            for (key, value) in configMap["binaryData"]?.objectValue ?? [:] {
                files[key] = Data(base64Encoded: value.stringValue ?? "") ?? Data()
            }
            try writeFiles(files, source: source, volumeName: volumeName, objectDescription: "configmap \"\(name)\"", into: directory)
        } else if let source = volume["secret"] {
            let name = source["secretName"]?.stringValue ?? ""
            guard let secret = store.get(.secrets, namespace: namespace, name: name) else {
                if source["optional"]?.boolValue == true { return }
                throw NotReady(reason: "ContainerCreating",
                               message: "MountVolume.SetUp failed for volume \"\(volumeName)\" : secret \"\(name)\" not found")
            }
            var files: [String: Data] = [:]
            for (key, value) in secret["data"]?.objectValue ?? [:] {
                files[key] = Data(base64Encoded: value.stringValue ?? "") ?? Data()
            }
            for (key, value) in secret["stringData"]?.objectValue ?? [:] { files[key] = Data((value.stringValue ?? "").utf8) }
            try writeFiles(files, source: source, volumeName: volumeName, objectDescription: "secret \"\(name)\"", into: directory)
        }
        // emptyDir and anything else: an empty directory.
    }

    private func writeFiles(_ files: [String: Data], source: JSONValue, volumeName: String, objectDescription: String,
                            into directory: URL) throws(NotReady)
    {
        let defaultMode = source["defaultMode"]?.intValue ?? 0o644
        var placements: [(path: String, data: Data, mode: Int)] = []
        if let items = source["items"]?.arrayValue, !items.isEmpty {
            for item in items {
                guard let key = item["key"]?.stringValue else { continue }
                guard let data = files[key] else {
                    if source["optional"]?.boolValue == true { continue }
                    throw NotReady(reason: "ContainerCreating",
                                   message: "MountVolume.SetUp failed for volume \"\(volumeName)\" : configmap references non-existent config key: \(key)")
                }
                placements.append((item["path"]?.stringValue ?? key, data, item["mode"]?.intValue ?? defaultMode))
            }
        } else {
            placements = files.map { ($0.key, $0.value, defaultMode) }
        }
        for placement in placements {
            let relative = Self.contained(placement.path)
            guard !relative.isEmpty else { continue }
            let file = directory.appendingPathComponent(relative)
            do {
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try placement.data.write(to: file)
                chmod(file.path, mode_t(placement.mode & 0o777))
            } catch {
                throw NotReady(reason: "ContainerCreating",
                               message: "MountVolume.SetUp failed for volume \"\(volumeName)\" : writing \(relative) from \(objectDescription): \(error)")
            }
        }
    }

    // MARK: Environment sources

    private func referencedData(_ resource: ResourceKind, reference: JSONValue, namespace: String,
                                store: ObjectStore) throws(NotReady) -> [String: String]
    {
        let name = reference["name"]?.stringValue ?? ""
        guard let object = store.get(resource, namespace: namespace, name: name) else {
            if reference["optional"]?.boolValue == true { return [:] }
            throw NotReady(reason: "CreateContainerConfigError", message: "\(resource == .secrets ? "secret" : "configmap") \"\(name)\" not found")
        }
        return Self.stringData(object, resource: resource)
    }

    private static func stringData(_ object: JSONValue, resource: ResourceKind) -> [String: String] {
        var values: [String: String] = [:]
        for (key, value) in object["data"]?.objectValue ?? [:] {
            if resource == .secrets {
                values[key] = String(decoding: Data(base64Encoded: value.stringValue ?? "") ?? Data(), as: UTF8.self)
            } else {
                values[key] = value.stringValue ?? ""
            }
        }
        return values
    }

    private func valueFrom(_ source: JSONValue, pod: JSONValue, namespace: String, store: ObjectStore) throws(NotReady) -> String? {
        if let reference = source["secretKeyRef"] ?? source["configMapKeyRef"] {
            let resource: ResourceKind = source["secretKeyRef"] != nil ? .secrets : .configmaps
            let name = reference["name"]?.stringValue ?? ""
            let key = reference["key"]?.stringValue ?? ""
            let optional = reference["optional"]?.boolValue == true
            guard let object = store.get(resource, namespace: namespace, name: name) else {
                if optional { return nil }
                throw NotReady(reason: "CreateContainerConfigError",
                               message: "\(resource == .secrets ? "secret" : "configmap") \"\(name)\" not found")
            }
            guard let value = Self.stringData(object, resource: resource)[key] else {
                if optional { return nil }
                throw NotReady(reason: "CreateContainerConfigError",
                               message: "couldn't find key \(key) in \(resource.kind) \(namespace)/\(name)")
            }
            return value
        }
        if let fieldPath = source[path: ["fieldRef", "fieldPath"]]?.stringValue {
            switch fieldPath {
            case "metadata.name": return pod.name
            case "metadata.namespace": return namespace
            case "metadata.uid": return pod.uid
            case "spec.nodeName": return pod[path: ["spec", "nodeName"]]?.stringValue ?? ""
            case "spec.serviceAccountName": return pod[path: ["spec", "serviceAccountName"]]?.stringValue ?? "default"
            case "status.podIP", "status.hostIP": return "127.0.0.1"
            default:
                if fieldPath.hasPrefix("metadata.labels['"), fieldPath.hasSuffix("']") {
                    let key = String(fieldPath.dropFirst("metadata.labels['".count).dropLast(2))
                    return pod.labels[key] ?? ""
                }
                return ""
            }
        }
        return nil
    }
}
