import Glibc

/// The width of the terminal that text is wrapped to.
public enum TerminalSize {
    /// Columns of the terminal on standard output: its window size, else `COLUMNS`, else 80.
    ///
    /// Asked afresh on every call, so wrapping follows a resized window.
    public static func columns() -> Int {
        var size = winsize()
        let windowColumns = ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 ? Int(size.ws_col) : nil
        return columns(windowColumns: windowColumns, environmentColumns: getenv("COLUMNS").map { String(cString: $0) })
    }

    /// The rule behind `columns()`: a window size above zero, else a positive `COLUMNS`, else 80.
    public static func columns(windowColumns: Int?, environmentColumns: String?) -> Int {
        if let windowColumns, windowColumns > 0 {
            return windowColumns
        }
        if let text = environmentColumns?.trimmingSpaces, let columns = Int(text), columns > 0 {
            return columns
        }
        return fallbackColumns
    }

    /// The width assumed when nothing says otherwise.
    public static let fallbackColumns = 80
}

private extension String {
    var trimmingSpaces: String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
