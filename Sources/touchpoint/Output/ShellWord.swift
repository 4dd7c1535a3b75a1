/// A word of a command printed for people to copy and run (`--resume ID`, `--discard ID`): quoted for a POSIX
/// shell when it holds anything but plain characters, so that a path with a space still works as printed.
enum ShellWord {
    static func quoted(_ word: String) -> String {
        let plain = !word.isEmpty && word.unicodeScalars.allSatisfy { s in
            s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || "-_./:=@%+,".unicodeScalars.contains(s))
        }
        return plain ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
