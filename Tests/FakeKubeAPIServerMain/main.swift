// fake-kube-apiserver: the test suite's fake Kubernetes API server as a process, for
// bench/run.sh's job-done-latency comparison. It serves plain HTTP on 127.0.0.1 with one
// bearer token, writes its URL to a file, and appends "<job name> <unix time>" to another
// file the moment each Job gets its Complete condition (the reference clock the
// benchmark measures greenlight's reaction against). Stops on SIGTERM or after --lifetime.
import FakeKubernetes
import Foundation

var arguments = CommandLine.arguments.dropFirst()
var options: [String: String] = [:]
while let key = arguments.first, key.hasPrefix("--") {
    arguments = arguments.dropFirst()
    options[String(key.dropFirst(2))] = arguments.first ?? ""
    arguments = arguments.dropFirst()
}
guard let workRoot = options["work-root"], let urlFile = options["url-file"], let completeFile = options["complete-file"] else {
    FileHandle.standardError.write(Data("usage: fake-kube-apiserver --work-root DIR --url-file FILE --complete-file FILE [--token T] [--namespace NS] [--lifetime SECONDS]\n".utf8))
    exit(2)
}
let namespace = options["namespace"] ?? "bench"
let lifetime = Double(options["lifetime"] ?? "") ?? 1800

var serverOptions = FakeKubeAPIServer.Options(workRoot: URL(fileURLWithPath: workRoot))
serverOptions.tokens = [options["token"] ?? "bench-token"]
let server = FakeKubeAPIServer(options: serverOptions)
try await server.start()
try server.baseURL.absoluteString.write(toFile: urlFile, atomically: true, encoding: .utf8)

signal(SIGTERM, SIG_IGN)
let stop = DispatchSource.makeSignalSource(signal: SIGTERM, queue: .global())
nonisolated(unsafe) var stopping = false
stop.setEventHandler { stopping = true }
stop.resume()

var seen = Set<String>()
let deadline = Date().addingTimeInterval(lifetime)
let log = FileHandle(forWritingAtPath: completeFile) ?? {
    FileManager.default.createFile(atPath: completeFile, contents: nil)
    return FileHandle(forWritingAtPath: completeFile)!
}()
while !stopping, Date() < deadline {
    for job in server.jobs(namespace: namespace) {
        guard let name = (job["metadata"] as? [String: Any])?["name"] as? String, !seen.contains(name) else { continue }
        let conditions = ((job["status"] as? [String: Any])?["conditions"] as? [[String: Any]]) ?? []
        if conditions.contains(where: { $0["type"] as? String == "Complete" && $0["status"] as? String == "True" }) {
            seen.insert(name)
            log.write(Data(String(format: "%@ %.6f\n", name, Date().timeIntervalSince1970).utf8))
        }
    }
    try await Task.sleep(for: .milliseconds(1))
}
try await server.shutdown()
