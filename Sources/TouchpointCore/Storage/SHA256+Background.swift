import Dispatch

extension SHA256 {
    /// A digest worked out on another core while the caller does something else (`run` validates meanwhile).
    public final class Background: @unchecked Sendable {
        // @unchecked: `hex` is written once by the background block and read only after `group.wait()`.
        private let group = DispatchGroup()
        private var hex = ""

        /// Starts hashing `bytes` on a background queue.
        public init(_ bytes: [UInt8]) {
            DispatchQueue.global(qos: .userInitiated).async(group: group) { [self] in hex = SHA256.hex(bytes) }
        }

        /// The digest as 64 lowercase hexadecimal digits, waiting for it if it is not ready yet.
        public func wait() -> String {
            group.wait()
            return hex
        }
    }
}
