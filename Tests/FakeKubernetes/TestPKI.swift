import Foundation

/// A throwaway certificate authority with a server certificate for the fake API server and a client
/// certificate for greenlight, generated with the `openssl` command line tool (EC P-256 keys, PEM).
///
/// - The server certificate has the SANs `DNS:localhost`, `DNS:kubernetes.fake` and `IP:127.0.0.1`.
/// - The client certificate has the subject `CN=greenlight-test, O=testers` (user `greenlight-test`,
///   group `testers`, as Kubernetes reads client certificates).
public struct TestPKI: Sendable {
    public let directory: URL
    public let caCertificate: URL
    public let caKey: URL
    public let serverCertificate: URL
    public let serverKey: URL
    public let clientCertificate: URL
    public let clientKey: URL

    /// Errors from running openssl.
    public struct GenerationError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Creates `directory` if needed and writes `ca.crt`, `ca.key`, `server.crt`, `server.key`,
    /// `client.crt`, `client.key` into it.
    public static func generate(in directory: URL) throws -> TestPKI {
        guard access("/usr/bin/openssl", X_OK) == 0 else {
            throw GenerationError(description: "/usr/bin/openssl is missing (Debian package: openssl)")
        }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let pki = TestPKI(
            directory: directory,
            caCertificate: directory.appendingPathComponent("ca.crt"),
            caKey: directory.appendingPathComponent("ca.key"),
            serverCertificate: directory.appendingPathComponent("server.crt"),
            serverKey: directory.appendingPathComponent("server.key"),
            clientCertificate: directory.appendingPathComponent("client.crt"),
            clientKey: directory.appendingPathComponent("client.key"))
        let curve = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]

        try openssl(["req", "-x509"] + curve + [
            "-keyout", pki.caKey.path, "-out", pki.caCertificate.path, "-days", "3650",
            "-subj", "/CN=fake-kubernetes-ca",
            "-addext", "basicConstraints=critical,CA:TRUE",
            "-addext", "keyUsage=critical,keyCertSign,cRLSign,digitalSignature",
        ], in: directory)
        try issue(pki: pki, name: "server", subject: "/CN=kube-apiserver", curve: curve, extensions: """
            basicConstraints=critical,CA:FALSE
            keyUsage=critical,digitalSignature,keyEncipherment
            extendedKeyUsage=serverAuth
            subjectAltName=DNS:localhost,DNS:kubernetes.fake,IP:127.0.0.1
            """, certificate: pki.serverCertificate, key: pki.serverKey)
        try issue(pki: pki, name: "client", subject: "/O=testers/CN=greenlight-test", curve: curve, extensions: """
            basicConstraints=critical,CA:FALSE
            keyUsage=critical,digitalSignature,keyEncipherment
            extendedKeyUsage=clientAuth
            """, certificate: pki.clientCertificate, key: pki.clientKey)
        return pki
    }

    private static func issue(pki: TestPKI, name: String, subject: String, curve: [String], extensions: String,
                              certificate: URL, key: URL) throws
    {
        let request = pki.directory.appendingPathComponent("\(name).csr")
        let extensionFile = pki.directory.appendingPathComponent("\(name).ext")
        try (extensions + "\n").write(to: extensionFile, atomically: true, encoding: .utf8)
        try openssl(["req", "-new"] + curve + ["-keyout", key.path, "-out", request.path, "-subj", subject], in: pki.directory)
        let serial = "0x" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16)
        try openssl([
            "x509", "-req", "-in", request.path, "-CA", pki.caCertificate.path, "-CAkey", pki.caKey.path,
            "-set_serial", String(serial), "-days", "3650", "-sha256", "-extfile", extensionFile.path,
            "-out", certificate.path,
        ], in: pki.directory)
        try? FileManager.default.removeItem(at: request)
        try? FileManager.default.removeItem(at: extensionFile)
    }

    /// Runs /usr/bin/openssl without Foundation's Process (whose SIGCHLD handling would interrupt
    /// system calls elsewhere in the test process).
    private static func openssl(_ arguments: [String], in directory: URL) throws {
        let output = directory.appendingPathComponent("openssl-\(UUID().uuidString.prefix(8)).log")
        defer { try? FileManager.default.removeItem(at: output) }
        let status = try ContainerProcess.runToCompletion(
            executable: "/usr/bin/openssl", arguments: arguments, directory: directory.path, outputPath: output.path)
        guard status == 0 else {
            let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            throw GenerationError(description: "openssl \(arguments.joined(separator: " ")) failed (\(status)): \(text)")
        }
    }
}
