import Foundation

/// Serves `GET .../pods/{name}/log?container=NAME`: that container's (init containers included) output as
/// chunked `text/plain`; with `follow=true` it keeps sending new output until the container has exited
/// (or the pod is deleted), then ends. A container that has not started yet is a 400 "is waiting to start".
struct LogStreamer: Sendable {
    let store: ObjectStore
    let kubelet: Kubelet

    func serve(namespace: String, podName: String, query: [String: String], writer: ResponseWriter) async throws(APIError) {
        guard let pod = store.get(.pods, namespace: namespace, name: podName) else {
            throw APIError.notFound(.pods, name: podName)
        }
        // As the API server's ValidateContainer: any container may be named (init containers too); without
        // a name, the only regular container is meant, and the error lists every container.
        let containers = (pod[path: ["spec", "containers"]]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }
        let initContainers = (pod[path: ["spec", "initContainers"]]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }
        let containerName: String
        if let requested = query["container"], !requested.isEmpty {
            guard containers.contains(requested) || initContainers.contains(requested) else {
                throw APIError.badRequest("container \(requested) is not valid for pod \(podName)")
            }
            containerName = requested
        } else if containers.count == 1 {
            containerName = containers[0]
        } else {
            throw APIError.badRequest(
                "a container name must be specified for pod \(podName), choose one of: [\((initContainers + containers).joined(separator: " "))]")
        }
        if ["true", "1"].contains(query["previous"]?.lowercased() ?? "") {
            throw APIError.badRequest("previous terminated container \"\(containerName)\" in pod \"\(podName)\" not found")
        }
        let follow = ["true", "1"].contains(query["follow"]?.lowercased() ?? "")
        let limitBytes = query["limitBytes"].flatMap(Int.init)
        let tailLines = query["tailLines"].flatMap(Int.init)
        var stamper = query["timestamps"].map { ["true", "1"].contains($0.lowercased()) } == true ? LineStamper() : nil

        let status = ((pod[path: ["status", "initContainerStatuses"]]?.arrayValue ?? [])
            + (pod[path: ["status", "containerStatuses"]]?.arrayValue ?? []))
            .first { $0["name"]?.stringValue == containerName }
        let state = status?["state"]
        let worker = kubelet.worker(namespace: namespace, name: podName)
        let logFile = worker?.sandbox.logFile(container: containerName)
        let hasStarted = state?["running"] != nil || state?["terminated"] != nil
        guard hasStarted, let worker, let logFile else {
            let reason = state?[path: ["waiting", "reason"]]?.stringValue ?? "ContainerCreating"
            let why: String
            switch reason {
            case "ErrImagePull": why = "image can't be pulled"
            case "ImagePullBackOff": why = "trying and failing to pull image"
            default: why = reason
            }
            throw APIError.badRequest("container \"\(containerName)\" in pod \"\(podName)\" is waiting to start: \(why)")
        }

        var offset: UInt64 = 0
        var budget = limitBytes ?? Int.max
        do {
            try await writer.beginStream(status: 200, contentType: "text/plain")
            if let tailLines {
                let existing = read(logFile, from: 0)
                offset = UInt64(existing.count)
                var lines = existing.split(separator: 0x0A, omittingEmptySubsequences: false)
                if lines.last?.isEmpty == true { lines.removeLast() }
                let kept = lines.suffix(max(0, tailLines)).map { Array($0) + [0x0A] }.flatMap { $0 }
                let chunk = Array(kept.prefix(budget))
                budget -= chunk.count
                try await writer.write(stamper?.stamp(chunk) ?? chunk)
            }
            while budget > 0 {
                let finishedBeforeRead = worker.isFinished(container: containerName)
                    || store.get(.pods, namespace: namespace, name: podName)?.uid != pod.uid
                let bytes = read(logFile, from: offset)
                if !bytes.isEmpty {
                    offset += UInt64(bytes.count)
                    let chunk = Array(bytes.prefix(budget))
                    budget -= chunk.count
                    try await writer.write(stamper?.stamp(chunk) ?? chunk)
                }
                if !follow || finishedBeforeRead || !writer.isOpen { break }
                if bytes.isEmpty { try await Task.sleep(nanoseconds: 50_000_000) }
            }
            await writer.endStream()
        } catch {
            await writer.abort()
        }
    }

    /// `timestamps=true`: every line starts with an RFC 3339 timestamp with nanoseconds and a space
    /// (the time this server read the line, which is close to when it was written).
    struct LineStamper {
        private var atLineStart = true

        mutating func stamp(_ bytes: [UInt8]) -> [UInt8] {
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 32)
            let prefix = Array((KubeTime.nanosecondString() + " ").utf8)
            for byte in bytes {
                if atLineStart { output.append(contentsOf: prefix) }
                output.append(byte)
                atLineStart = byte == 0x0A
            }
            return output
        }
    }

    private func read(_ file: URL, from offset: UInt64) -> [UInt8] {
        LogFileReader.read(file.path, from: offset)
    }
}
