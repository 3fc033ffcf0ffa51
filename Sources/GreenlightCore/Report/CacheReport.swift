import Foundation

/// The text of `greenlight caches` and `greenlight caches prune`.
public enum CacheReport {
    /// One line per cache: name, size, files, when a clean room last mounted it, where it is; then
    /// the variables each sets. Columns are padded to the widest entry.
    public static func list(_ usages: [CacheUsage]) -> String {
        guard !usages.isEmpty else {
            return "no caches: clean_room.caches names none (see README, \"Caches\")\n"
        }
        var rows: [[String]] = [["NAME", "SIZE", "FILES", "LAST MOUNTED", "DIRECTORY"]]
        for usage in usages {
            let mounted: String = usage.lastMounted.map { String(Timestamp.format($0).prefix(19)) + "Z" } ?? "never"
            let remark: String = usage.problem != nil ? " (refused, see below)"
                : usage.definition == nil ? " (not in clean_room.caches)" : (usage.exists ? "" : " (not made yet)")
            rows.append([usage.name, ByteCount.format(usage.bytes), String(usage.files), mounted, usage.directory.path + remark])
        }
        var widths: [Int] = []
        for column in 0..<4 { widths.append(rows.map { $0[column].count }.max() ?? 0) }
        var text = ""
        for row in rows {
            var cells: [String] = []
            for column in 0..<4 {
                let padding = String(repeating: " ", count: widths[column] - row[column].count)
                cells.append(column == 1 || column == 2 ? padding + row[column] : row[column] + padding)
            }
            cells.append(row[4])
            text += cells.joined(separator: "  ") + "\n"
        }
        for usage in usages {
            guard let definition = usage.definition else { continue }
            if let problem = usage.problem {
                text += "\(usage.name): refused: \(problem)\n"
                continue
            }
            let inside = definition.environment(under: "/clean-room/caches/\(usage.name)")
            text += "\(usage.name): \(inside.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))\n"
        }
        let total = usages.reduce(Int64(0)) { $0 + $1.bytes }
        text += "total \(ByteCount.format(total))\n"
        return text
    }

    /// One line per pruned cache.
    public static func prune(_ outcomes: [(name: String, outcome: CachePruner.Outcome)], olderThan: TimeInterval?) -> String {
        guard !outcomes.isEmpty else { return "no caches to prune\n" }
        var text = ""
        for (name, outcome) in outcomes {
            switch outcome {
            case let .pruned(files, bytes, problems):
                let what = olderThan.map { "files unused for \(DurationParser.format($0))" } ?? "everything"
                text += "\(name): removed \(files) file\(files == 1 ? "" : "s") (\(what)), \(ByteCount.format(bytes)) freed\n"
                for problem in problems.prefix(5) { text += "  \(problem)\n" }
                if problems.count > 5 { text += "  … and \(problems.count - 5) more\n" }
            case .inUse:
                text += "\(name): in use by a running clean room; left as it is (try again when it ends)\n"
            case .missing:
                text += "\(name): nothing there yet\n"
            case let .refused(problem):
                text += "\(name): refused, nothing removed: \(problem)\n"
            }
        }
        return text
    }

    /// Whether every prune did all it was asked.
    public static func complete(_ outcomes: [(name: String, outcome: CachePruner.Outcome)]) -> Bool {
        outcomes.allSatisfy { outcome in
            switch outcome.outcome {
            case let .pruned(_, _, problems): problems.isEmpty
            case .inUse, .refused: false
            case .missing: true
            }
        }
    }
}
