import Foundation
import TestSupport
import TouchpointCore

/// Reads response files strictly, the way a data analyst's tools would.
enum ResponseLines {
    /// Every line of a JSON-lines file, parsed; throws on a torn last line or a line that is not a JSON object.
    ///
    /// Each line is parsed twice, by touchpoint's parser (which keeps key order, for the SPEC's key order)
    /// and by Foundation's, an independent judge of "it parses".
    static func parse(_ bytes: [UInt8], file: String) throws -> [JSONValue] {
        guard !bytes.isEmpty else { return [] }
        guard bytes.last == 0x0A else {
            throw PseudoTerminal.Failure(message: "\(file) ends in a torn line (no final newline)", transcript: "")
        }
        var records: [JSONValue] = []
        for (index, line) in bytes.dropLast().split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            let where_ = "\(file):\(index + 1)"
            guard (try? JSONSerialization.jsonObject(with: Data(line))) is [String: Any] else {
                throw PseudoTerminal.Failure(message: "\(where_) is not a JSON object", transcript: String(decoding: line, as: UTF8.self))
            }
            let value: JSONValue
            do {
                value = try JSONParser(rejectsDuplicateKeys: true).parse(Array(line))
            } catch {
                throw PseudoTerminal.Failure(message: "\(where_): \(error)", transcript: String(decoding: line, as: UTF8.self))
            }
            records.append(value)
        }
        return records
    }
}

extension JSONValue {
    /// The same value with every object's keys sorted, for comparisons where key order does not matter.
    var sortingKeys: JSONValue {
        switch self {
        case .array(let items): .array(items.map(\.sortingKeys))
        case .object(let object):
            .object(JSONObject(object.map { (key: $0.key, value: $0.value.sortingKeys) }.sorted { $0.key < $1.key }))
        default: self
        }
    }

    /// The keys of an object, in order (empty for anything else).
    var keys: [String] { objectValue?.keys ?? [] }

    /// The strings of an array of strings.
    var strings: [String] { arrayValue?.compactMap(\.stringValue) ?? [] }
}

/// Facts about timestamps in response records.
enum RFC3339 {
    /// Whether `text` is an RFC 3339 date-time in UTC (`2026-11-23T09:00:00Z`, fractions allowed).
    static func isUTC(_ text: String) -> Bool {
        text.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/) != nil && date(text) != nil
    }

    static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = text.contains(".") ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
        return formatter.date(from: text)
    }
}
