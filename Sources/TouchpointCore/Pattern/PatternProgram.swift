/// A pattern compiled to a Thompson NFA, run as a Pike VM over the text's Unicode scalars.
///
/// Every state is visited at most once per scalar of input, so matching costs
/// O(states x scalars) whatever the pattern: `(a+)+b` or `(a|a)*c` cannot take exponential time
/// the way they do in backtracking engines.
struct PatternProgram: Sendable {
    /// Most states a pattern may compile to; counted repetition multiplies states, so this bounds
    /// both memory and the per-scalar cost of matching.
    static let maxStates = 2_500

    /// One state of the automaton. Payloads are plain integers so that reading a state in the
    /// matching loop copies no reference-counted storage.
    enum Instruction: Sendable {
        /// Consume this scalar.
        case scalar(Unicode.Scalar)
        /// Consume one scalar of `classes[index]`.
        case scalarClass(Int)
        /// Continue at both targets.
        case split(Int, Int)
        /// Continue at the target.
        case jump(Int)
        /// Continue only at the start of the text.
        case assertStart
        /// Continue only at the end of the text.
        case assertEnd
        /// The whole pattern has matched.
        case match
    }

    private(set) var instructions: [Instruction] = []
    /// The distinct classes of the pattern. Copies made by `{n,m}` share one entry, so that each
    /// class is tested at most once per scalar of input however many states use it.
    private(set) var classes: [ScalarClass] = []
    private var classIndex: [ScalarClass: Int] = [:]

    /// Compiles `node`, or explains that it needs too many states.
    init(_ node: PatternNode) throws(PatternError) {
        let size = Self.size(of: node) + 1
        if size > Self.maxStates {
            throw PatternError(offset: 0, message: "pattern too large: it needs more than "
                + "\(PatternParser.grouped(Self.maxStates)) matching states (matching steps through them for every "
                + "character of an answer); use smaller counts in {n,m}, or + and * with a max_length limit")
        }
        instructions.reserveCapacity(size)
        emit(node)
        instructions.append(.match)
        classIndex = [:]
    }

    /// Instructions `node` compiles to, saturating just above the limit so nested counts cannot overflow.
    private static func size(of node: PatternNode) -> Int {
        let cap = maxStates + 1
        let total: Int
        switch node {
        case .empty:
            total = 0
        case .scalar, .scalarClass, .startOfText, .endOfText:
            total = 1
        case .concatenation(let parts):
            total = parts.reduce(0) { Swift.min($0 + size(of: $1), cap) }
        case .alternation(let branches):
            total = branches.reduce(2 * (branches.count - 1)) { Swift.min($0 + size(of: $1), cap) }
        case .repetition(let body, let min, let max):
            let s = size(of: body)
            if let max {
                total = min * s + (max - min) * (s + 1)
            } else {
                total = min * s + s + 2
            }
        }
        return Swift.min(total, cap)
    }

    private mutating func emit(_ node: PatternNode) {
        switch node {
        case .empty:
            break
        case .scalar(let s):
            instructions.append(.scalar(s))
        case .scalarClass(let c):
            if let index = classIndex[c] {
                instructions.append(.scalarClass(index))
            } else {
                classIndex[c] = classes.count
                instructions.append(.scalarClass(classes.count))
                classes.append(c)
            }
        case .startOfText:
            instructions.append(.assertStart)
        case .endOfText:
            instructions.append(.assertEnd)
        case .concatenation(let parts):
            for part in parts { emit(part) }
        case .alternation(let branches):
            var jumpsToEnd: [Int] = []
            for (i, branch) in branches.enumerated() {
                if i == branches.count - 1 {
                    emit(branch)
                } else {
                    let split = placeholder()
                    emit(branch)
                    jumpsToEnd.append(placeholder())
                    instructions[split] = .split(split + 1, instructions.count)
                }
            }
            for jump in jumpsToEnd { instructions[jump] = .jump(instructions.count) }
        case .repetition(let body, let min, let max):
            for _ in 0..<min { emit(body) }
            if let max {
                // Optional copies nest: each is tried only after the previous one matched.
                var splits: [Int] = []
                for _ in min..<max {
                    splits.append(placeholder())
                    emit(body)
                }
                for split in splits { instructions[split] = .split(split + 1, instructions.count) }
            } else {
                let loop = placeholder()
                emit(body)
                instructions.append(.jump(loop))
                instructions[loop] = .split(loop + 1, instructions.count)
            }
        }
    }

    private mutating func placeholder() -> Int {
        instructions.append(.match)
        return instructions.count - 1
    }

    /// Whether the whole of `scalars` matches, in one pass over them.
    func matches(_ scalars: String.UnicodeScalarView, steps: inout Int) -> Bool {
        // The states that consume the next scalar (or accept), before and after it.
        var current: [Int] = []
        var following: [Int] = []
        // visitedAt[pc] == step: the state was already reached after `step` scalars.
        var visitedAt = Array(repeating: -1, count: instructions.count)
        // Each state visited pushes at most two, so a closure never needs more than this.
        var stack = Array(repeating: 0, count: 2 * instructions.count + 1)
        // verdicts[i] is valid for the scalar numbered verdictStep[i]: a per-scalar cache of class tests.
        var verdicts = Array(repeating: false, count: classes.count)
        var verdictStep = Array(repeating: -1, count: classes.count)
        var iterator = scalars.makeIterator()
        var upcoming = iterator.next()
        var step = 0
        addClosure(of: 0, to: &current, step: step, atEnd: upcoming == nil, visitedAt: &visitedAt, stack: &stack, work: &steps)
        while let scalar = upcoming {
            upcoming = iterator.next()
            following.removeAll(keepingCapacity: true)
            steps += current.count
            for pc in current {
                let advances: Bool
                switch instructions[pc] {
                case .scalar(let expected):
                    advances = expected == scalar
                case .scalarClass(let index):
                    if verdictStep[index] != step {
                        verdicts[index] = classes[index].contains(scalar)
                        verdictStep[index] = step
                    }
                    advances = verdicts[index]
                default:
                    advances = false
                }
                if advances {
                    addClosure(of: pc + 1, to: &following, step: step + 1, atEnd: upcoming == nil,
                               visitedAt: &visitedAt, stack: &stack, work: &steps)
                }
            }
            swap(&current, &following)
            step += 1
            if current.count == 0 { return false }
        }
        return visitedAt[instructions.count - 1] == step
    }

    /// Adds to `threads` the states that consume input or accept, reachable from `start` without consuming.
    ///
    /// An explicit stack keeps long chains of optional copies from exhausting the thread's stack; states
    /// already visited at this step are skipped, which also ends empty loops such as `(a*)*`.
    private func addClosure(of start: Int, to threads: inout [Int], step: Int, atEnd: Bool,
                            visitedAt: inout [Int], stack: inout [Int], work: inout Int) {
        // The stack is a preallocated array with a separate top, which debug builds run far faster
        // than the generic append/popLast.
        stack[0] = start
        var top = 1
        while top > 0 {
            top -= 1
            let pc = stack[top]
            guard visitedAt[pc] != step else { continue }
            visitedAt[pc] = step
            work += 1
            switch instructions[pc] {
            case .jump(let target):
                stack[top] = target
                top += 1
            case .split(let first, let second):
                stack[top] = second
                stack[top + 1] = first
                top += 2
            case .assertStart:
                if step == 0 {
                    stack[top] = pc + 1
                    top += 1
                }
            case .assertEnd:
                if atEnd {
                    stack[top] = pc + 1
                    top += 1
                }
            case .scalar, .scalarClass, .match:
                threads.append(pc)
            }
        }
    }
}
