import Foundation

/// A superproject `main` with the submodule `lib` checked out at `lib`'s second commit, for
/// tests of what a submodule at another commit does to the gate.
public struct SubmoduleProject {
    public let main: ScratchRepository
    public let lib: ScratchRepository
    /// `lib`'s first commit: check it out in `main/lib` to move the submodule off its gitlink.
    public let older: String

    public init(config: String = "fast:\n  steps:\n    - {name: unit, run: 'true'}\n") throws {
        let scratch = ScratchDirectory("submodule")
        lib = try ScratchRepository("lib", in: scratch)
        try lib.write("lib.txt", "v1\n")
        older = try lib.commitAll("lib v1")
        try lib.write("lib.txt", "v2\n")
        try lib.commitAll("lib v2")
        main = try ScratchRepository("main", in: scratch)
        try main.write("main.txt", "main\n")
        try main.write(".greenlight.yml", config)
        try main.git("-c", "protocol.file.allow=always", "submodule", "add", "-q", lib.url.path, "lib")
        try main.commitAll("with lib")
    }
}
