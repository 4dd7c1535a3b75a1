import ArgumentParser
import TouchpointCore
import TouchpointTerminal

/// The colour flags every printing command shares: `--no-color` and `--color auto|always|never`.
struct ColorOptions: ParsableArguments {
    @Flag(name: .customLong("no-color"), help: "Never colour the output (the same as --color never; also NO_COLOR).")
    var noColor = false

    @Option(name: .customLong("color"),
            help: ArgumentHelp("Colour: auto (on a terminal, unless NO_COLOR; FORCE_COLOR forces it), always or never.",
                               valueName: "auto|always|never"))
    var color: ColorChoice = .auto

    /// The choice after `--no-color`, which wins over `--color`.
    var choice: ColorChoice { noColor ? .never : color }

    /// Whether output written to `fd` is coloured.
    func enabled(fd: Int32) -> Bool { Console.colorEnabled(fd: fd, choice: choice) }
}

extension ColorChoice: ExpressibleByArgument {}
