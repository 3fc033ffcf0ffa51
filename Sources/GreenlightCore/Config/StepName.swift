/// Step names appear in file names, Job names and reports, so they are kept to a safe alphabet.
enum StepName {
    static func isValid(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 63 && name.utf8.allSatisfy { byte in
            (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
                || byte == 45 || byte == 46 || byte == 95
        } && !name.hasPrefix(".")
    }
}
