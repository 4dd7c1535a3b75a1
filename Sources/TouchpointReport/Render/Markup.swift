import Plot

/// Body content of the page: HTML elements and the inline SVG inside them.
typealias Markup = Node<HTML.BodyContext>

/// Escaping of everything that comes from files and answers, on top of Plot.
///
/// Plot escapes `<` and `>` in text but leaves a `&` that starts something like an entity (`&lt;`) as it is,
/// and writes attribute values as they are. So text is handed to Plot with every `&` already written as
/// `&amp;` (an answer `&lt;` then reads `&lt;`, not `<`), and attribute values are escaped here in full.
/// Control characters other than tab and line feed become U+FFFD: they have no place in a page.
enum Escape {
    /// `text` ready for `Node.text`.
    static func text(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case _ where isControl(scalar): out.unicodeScalars.append("\u{FFFD}")
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `value` escaped for a double-quoted attribute.
    static func attribute(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\t": out += " "
            case _ where isControl(scalar): out.unicodeScalars.append("\u{FFFD}")
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && v != 0x09 && v != 0x0A) || (0x7F...0x9F).contains(v)
    }
}

extension Node where Context == HTML.BodyContext {
    /// Escaped text.
    static func safe(_ text: String) -> Markup { .text(Escape.text(text)) }

    /// An attribute whose value is escaped.
    static func attr(_ name: String, _ value: String) -> Markup {
        .attribute(named: name, value: Escape.attribute(value), ignoreIfValueIsEmpty: false)
    }

    /// An element with a class and children.
    static func tag(_ name: String, class className: String? = nil, _ children: [Markup]) -> Markup {
        .element(named: name, nodes: (className.map { [attr("class", $0)] } ?? []) + children)
    }

    /// An element with a class holding escaped text.
    static func tag(_ name: String, class className: String? = nil, text: String) -> Markup {
        tag(name, class: className, [safe(text)])
    }
}
