/// The bounds on an expression's size (SPEC section 3: "their size and depth are bounded").
///
/// They keep hostile files from making `validate` slow or deep: the parser checks them as it goes, so an
/// expression past a bound is rejected without being read further.
public enum ExpressionLimits {
    /// The longest source, in Unicode scalars.
    public static let maxLength = 2_000
    /// The deepest nesting of parentheses, lists, calls and prefix operators.
    public static let maxDepth = 32
    /// The most nodes in the tree.
    public static let maxNodes = 500
}
