import Foundation

extension FakeKubeAPIServer {
    /// A kubeconfig (YAML) for this server, as `kubectl` and client libraries read it: the server URL,
    /// the CA inline when TLS is on, and as credentials a bearer `token` and/or the PKI's client
    /// certificate and key inline. Call after ``start()``.
    public func kubeconfig(namespace: String = "default", token: String? = nil,
                           clientCertificate: Bool = false) throws -> String
    {
        func inline(_ file: URL) throws -> String { try Data(contentsOf: file).base64EncodedString() }
        var cluster = "    server: \(baseURL.absoluteString)\n"
        var user = ""
        if let pki = options.tls {
            cluster += "    certificate-authority-data: \(try inline(pki.caCertificate))\n"
            if clientCertificate {
                user += "    client-certificate-data: \(try inline(pki.clientCertificate))\n"
                user += "    client-key-data: \(try inline(pki.clientKey))\n"
            }
        }
        if let token { user += "    token: \(token)\n" }
        if user.isEmpty { user = "    {}\n" }
        return """
            apiVersion: v1
            kind: Config
            clusters:
            - name: fake
              cluster:
            \(String(cluster.dropLast()))
            users:
            - name: greenlight-test
              user:
            \(String(user.dropLast()))
            contexts:
            - name: fake
              context:
                cluster: fake
                user: greenlight-test
                namespace: \(namespace)
            current-context: fake

            """
    }
}
