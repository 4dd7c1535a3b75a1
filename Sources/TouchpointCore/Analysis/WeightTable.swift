import Foundation

/// Weights given in a file beside the responses (`score --weights FILE --weight-key respondent|response_id`).
///
/// The file is CSV with a header: a column named as the key (`respondent` or `response_id`) and a column
/// `weight`; other columns are ignored. Every weight is a finite number of zero or more, and each key appears
/// once. A response whose key is not in the file is rejected (`bad_weight`), as with `--weight`.
public struct WeightTable: Sendable, Hashable {
    /// Which record field the file's keys match.
    public enum Key: String, Sendable, CaseIterable {
        case respondent
        case responseID = "response_id"
    }

    /// Why a weights file cannot be used: the line (1-based) and what to fix.
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { line > 0 ? "line \(line): \(message)" : message }
    }

    public var key: Key
    public var weights: [String: Double]
    /// The file as named, for messages.
    public var name: String

    /// Parses the file's bytes.
    public init(bytes: [UInt8], key: Key, name: String) throws(Problem) {
        self.key = key
        self.name = name
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        guard let header = lines.first.map({ Self.fields(String($0)) }) else {
            throw Problem(line: 0, message: "the file is empty; give a header line `\(key.rawValue),weight`")
        }
        guard let keyColumn = header.firstIndex(of: key.rawValue), let weightColumn = header.firstIndex(of: "weight") else {
            throw Problem(line: 1, message: "the header must name the columns `\(key.rawValue)` and `weight` (it has: \(header.joined(separator: ", ")))")
        }
        var weights: [String: Double] = [:]
        for (index, line) in lines.enumerated().dropFirst() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let fields = Self.fields(String(line))
            guard fields.count > max(keyColumn, weightColumn) else {
                throw Problem(line: index + 1, message: "it has \(fields.count) fields, fewer than the header")
            }
            let id = fields[keyColumn]
            guard let weight = Double(fields[weightColumn].trimmingCharacters(in: .whitespaces)), weight.isFinite, weight >= 0 else {
                throw Problem(line: index + 1, message: "the weight of `\(id)` is \"\(fields[weightColumn])\"; a weight must be a number of zero or more")
            }
            guard weights[id] == nil else {
                throw Problem(line: index + 1, message: "`\(id)` is given a weight twice; give each \(key.rawValue) one line")
            }
            weights[id] = weight
        }
        self.weights = weights
    }

    /// The fields of one CSV line (RFC 4180 quotes understood).
    static func fields(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var iterator = Array(line.trimmingCharacters(in: CharacterSet(charactersIn: "\r")))[...]
        while let character = iterator.popFirst() {
            if quoted {
                if character == "\"" {
                    if iterator.first == "\"" { current.append("\""); iterator.removeFirst() } else { quoted = false }
                } else {
                    current.append(character)
                }
            } else if character == "\"" {
                quoted = true
            } else if character == "," {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }
}
