/// Placeholder; the fake API server is being written.
public enum FakeKubernetesPlaceholder {}
