/// A growable stack that hands its top elements out as an `Array` by moving them, not copying them.
///
/// The parser keeps the members of every open container here and turns them into one exactly sized array
/// at the closing bracket: no retain and release per element, no array growing by doubling.
struct JSONStack<Element>: ~Copyable {
    private var base: UnsafeMutablePointer<Element>?
    private var capacity = 0
    private(set) var count = 0

    init() {}

    deinit {
        if let base {
            base.deinitialize(count: count)
            base.deallocate()
        }
    }

    @inline(__always)
    mutating func push(_ element: consuming Element) {
        if count == capacity { grow() }
        guard let base else { return }
        (base + count).initialize(to: element)
        count += 1
    }

    /// The elements from `mark` to the top, in order, removed from the stack.
    mutating func popArray(from mark: Int) -> [Element] {
        let moved = count - mark
        guard moved > 0, let base else { return [] }
        let source = base + mark
        count = mark
        // reserveCapacity and append are specialized for `Element`; `Array(unsafeUninitializedCapacity:)`
        // goes through an unspecialized runtime call that looks the array's type up on every use (~600
        // instructions, as much as parsing a short string).
        var array: [Element] = []
        array.reserveCapacity(moved)
        for offset in 0..<moved { array.append((source + offset).move()) }
        return array
    }

    private mutating func grow() {
        let larger = Swift.max(32, capacity * 2)
        let storage = UnsafeMutablePointer<Element>.allocate(capacity: larger)
        if let base {
            storage.moveInitialize(from: base, count: count)
            base.deallocate()
        }
        base = storage
        capacity = larger
    }
}
