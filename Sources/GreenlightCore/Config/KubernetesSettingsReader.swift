import Foundation
import Yams

/// Reads `clean_room.kubernetes` with the same file/line/key errors as the rest of the file.
struct KubernetesSettingsReader {
    let reader: NodeReader
    /// Where the overlay file is read from (the same place as `.greenlight.yml`).
    let files: ConfigFiles?

    func parse(_ node: Node, key: String) throws(ConfigError) -> KubernetesSettings {
        let fields = try reader.mapping(node, key: key, allowed: [
            "image", "kubeconfig", "context", "namespace", "resources", "node_selector", "tolerations", "service_account",
            "automount_service_account_token", "cache_pvc", "pod_template", "transport", "remote", "clone_url", "git_secret",
            "schedule_timeout", "ttl_seconds_after_finished", "attestation", "attestation_timeout", "attestor_namespace",
        ])
        guard let imageNode = fields["image"] else { throw reader.error(node, key: "\(key).image", "missing (the container image the Job runs)") }
        let image = try reader.string(imageNode, key: "\(key).image")
        guard !image.trimmingCharacters(in: .whitespaces).isEmpty else { throw reader.error(imageNode, key: "\(key).image", "empty") }
        var settings = KubernetesSettings(image: image)
        settings.kubeconfig = try fields["kubeconfig"].map { node throws(ConfigError) in try reader.string(node, key: "\(key).kubeconfig") }
        settings.context = try fields["context"].map { node throws(ConfigError) in try reader.string(node, key: "\(key).context") }
        if let namespaceNode = fields["namespace"] {
            let namespace = try reader.string(namespaceNode, key: "\(key).namespace")
            guard DNSLabel.isValid(namespace) else { throw reader.error(namespaceNode, key: "\(key).namespace", "'\(namespace)' is not a valid namespace name") }
            settings.namespace = namespace
        }
        if let resources = fields["resources"] {
            let parsed = try reader.mapping(resources, key: "\(key).resources", allowed: ["requests", "limits"])
            for (name, value) in parsed {
                _ = try reader.mapping(value, key: "\(key).resources.\(name)", allowed: ["cpu", "memory", "ephemeral-storage", "nvidia.com/gpu"])
            }
            settings.resources = try reader.json(resources, key: "\(key).resources")
        }
        if let selector = fields["node_selector"] { settings.nodeSelector = try reader.stringMap(selector, key: "\(key).node_selector") }
        if let tolerations = fields["tolerations"] {
            _ = try reader.sequence(tolerations, key: "\(key).tolerations")
            settings.tolerations = try reader.json(tolerations, key: "\(key).tolerations")
        }
        settings.serviceAccount = try fields["service_account"].map { node throws(ConfigError) in try reader.string(node, key: "\(key).service_account") }
        if let automount = fields["automount_service_account_token"] {
            settings.automountServiceAccountToken = try reader.bool(automount, key: "\(key).automount_service_account_token")
        }
        settings.cachePVC = try fields["cache_pvc"].map { node throws(ConfigError) in try reader.string(node, key: "\(key).cache_pvc") }
        if let template = fields["pod_template"] {
            let path = try reader.string(template, key: "\(key).pod_template")
            settings.podTemplate = path
            settings.podTemplateOverlay = try loadOverlay(path, node: template, key: "\(key).pod_template")
        }
        if let transport = fields["transport"] {
            let name = try reader.string(transport, key: "\(key).transport")
            guard let value = KubernetesSettings.Transport(rawValue: name) else {
                throw reader.error(transport, key: "\(key).transport", "unknown transport '\(name)'; known: bundle, ref")
            }
            settings.transport = value
        }
        if let remote = fields["remote"] { settings.remote = try reader.string(remote, key: "\(key).remote") }
        settings.cloneURL = try fields["clone_url"].map { node throws(ConfigError) in try reader.string(node, key: "\(key).clone_url") }
        settings.gitSecret = try fields["git_secret"].map { node throws(ConfigError) in try reader.string(node, key: "\(key).git_secret") }
        if let timeout = fields["schedule_timeout"] { settings.scheduleTimeout = try reader.duration(timeout, key: "\(key).schedule_timeout") }
        if let ttl = fields["ttl_seconds_after_finished"] {
            let value = try reader.int(ttl, key: "\(key).ttl_seconds_after_finished")
            guard value >= 0 else { throw reader.error(ttl, key: "\(key).ttl_seconds_after_finished", "must be 0 or more") }
            settings.ttlSecondsAfterFinished = value
        }
        if let mode = fields["attestation"] {
            let name = try reader.string(mode, key: "\(key).attestation")
            guard let value = KubernetesSettings.AttestationMode(rawValue: name) else {
                throw reader.error(mode, key: "\(key).attestation", "unknown value '\(name)'; known: optional, required")
            }
            settings.attestation = value
        }
        if let namespaceNode = fields["attestor_namespace"] {
            let namespace = try reader.string(namespaceNode, key: "\(key).attestor_namespace")
            guard DNSLabel.isValid(namespace) else { throw reader.error(namespaceNode, key: "\(key).attestor_namespace", "'\(namespace)' is not a valid namespace name") }
            settings.attestorNamespace = namespace
        }
        if let timeout = fields["attestation_timeout"] {
            settings.attestationTimeout = try reader.duration(timeout, key: "\(key).attestation_timeout")
        }
        return settings
    }

    /// The overlay file, parsed: it must be a mapping shaped like a pod template (`metadata`, `spec`).
    private func loadOverlay(_ path: String, node: Node, key: String) throws(ConfigError) -> JSONValue {
        let files = self.files ?? WorkingTreeFiles(root: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        let name = files.name(path)
        let data: Data?
        do { data = try files.read(path) } catch {
            throw reader.error(node, key: key, "cannot read the pod template overlay \(name): \(error.message)")
        }
        guard let data else { throw reader.error(node, key: key, "cannot read the pod template overlay \(name): no such file") }
        guard let text = String(data: data, encoding: .utf8) else {
            throw reader.error(node, key: key, "cannot read the pod template overlay \(name): not valid UTF-8")
        }
        let composed: Node?
        do { composed = try Yams.compose(yaml: text, Resolver.basic) } catch {
            throw ConfigError(file: name, line: nil, column: nil, key: "", message: "not valid YAML: \(error)")
        }
        // Typed like .greenlight.yml itself (PlainScalar): finite numbers only, errors at file:line.
        let value = try composed.map { node throws(ConfigError) in try NodeReader(file: name).json(node, key: "") }
        guard let value, let object = value.object else {
            throw ConfigError(file: name, line: nil, column: nil, key: "", message: "expected a mapping with `metadata` and/or `spec` of a pod template")
        }
        if let unknown = object.keys.first(where: { !["metadata", "spec"].contains($0) }) {
            throw ConfigError(file: name, line: nil, column: nil, key: unknown, message: "unknown key; a pod template overlay has `metadata` and `spec`")
        }
        return value
    }
}
