// Records, checkpoints and answers files are JSON: whoever uses the core uses its JSON layer too.
@_exported import TouchpointJSON
