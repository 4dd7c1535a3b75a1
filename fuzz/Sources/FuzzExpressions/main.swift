import TouchpointFuzz

// fuzz/run.sh expressions SECONDS fuzzes this; a plain build replays the files named: FuzzExpressions FILE...
FuzzEntry.main { data, size in
    ExpressionHarness.run(FuzzEntry.bytes(data, size))
    return 0
}
