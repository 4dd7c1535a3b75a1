extension Value {
    /// One row of a stored grid answer (`grid.row` in an expression read over records); inside `loopDepth` loops,
    /// that row of each iteration, keyed as the loop answers are. `null` when the row has no answer anywhere.
    func gridRow(_ row: String, loopDepth: Int) -> Value {
        guard case .keyed(let map) = self else { return .null }
        if loopDepth == 0 { return map[row] ?? .null }
        var cells: [String: Value] = [:]
        for (key, inner) in map {
            let picked = inner.gridRow(row, loopDepth: loopDepth - 1)
            if picked != .null { cells[key] = picked }
        }
        return cells.isEmpty ? .null : .keyed(cells)
    }
}
