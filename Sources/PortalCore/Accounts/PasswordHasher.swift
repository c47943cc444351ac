import Crypto
import _CryptoExtras
import Foundation

/// Hashes and verifies passwords with scrypt.
///
/// A hash is stored as `scrypt$N$r$p$<salt base64>$<hash base64>`, with a
/// 16-byte random salt per password; verification reads the parameters from
/// the stored string, so they can be raised without invalidating old hashes.
public struct PasswordHasher: Sendable {
    /// The scrypt cost parameters.
    public struct Parameters: Sendable, Hashable {
        /// N, the CPU/memory cost: a power of two.
        public var rounds: Int
        /// r, the block size.
        public var blockSize: Int
        /// p, the parallelism.
        public var parallelism: Int

        /// Creates parameters.
        public init(rounds: Int, blockSize: Int, parallelism: Int) {
            self.rounds = rounds
            self.blockSize = blockSize
            self.parallelism = parallelism
        }

        /// N = 2^15, r = 8, p = 1 (32 MiB, the usual interactive-login setting).
        public static let production = Parameters(rounds: 1 << 15, blockSize: 8, parallelism: 1)

        /// Rejects parameters out of any sensible range, so that a corrupt
        /// stored hash cannot make verification exhaust memory.
        var isReasonable: Bool {
            rounds > 1 && rounds <= 1 << 20 && rounds & (rounds - 1) == 0
                && (1...32).contains(blockSize) && (1...16).contains(parallelism)
        }
    }

    static let saltByteCount = 16
    static let hashByteCount = 32

    /// The parameters of new hashes.
    public let parameters: Parameters

    /// Creates a hasher; tests pass cheaper parameters.
    public init(parameters: Parameters = .production) {
        self.parameters = parameters
    }

    /// A new salted hash of `password`, in the stored format.
    public func hash(_ password: String) throws -> String {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<Self.saltByteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let derived = try Self.derive(password, salt: salt, parameters: parameters, byteCount: Self.hashByteCount)
        return [
            "scrypt", String(parameters.rounds), String(parameters.blockSize), String(parameters.parallelism),
            Data(salt).base64EncodedString(), Data(derived).base64EncodedString(),
        ].joined(separator: "$")
    }

    /// True when `password` matches `encoded`; false for a malformed hash.
    /// The comparison takes the same time whatever bytes differ.
    public func verify(_ password: String, against encoded: String) -> Bool {
        let parts = encoded.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0] == "scrypt",
              let rounds = Int(parts[1]), let blockSize = Int(parts[2]), let parallelism = Int(parts[3]),
              let salt = Data(base64Encoded: String(parts[4])), let expected = Data(base64Encoded: String(parts[5])),
              !salt.isEmpty, (16...64).contains(expected.count)
        else { return false }
        let stored = Parameters(rounds: rounds, blockSize: blockSize, parallelism: parallelism)
        guard stored.isReasonable,
              let derived = try? Self.derive(password, salt: Array(salt), parameters: stored, byteCount: expected.count)
        else { return false }
        return zip(derived, expected).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    private static func derive(_ password: String, salt: [UInt8], parameters: Parameters, byteCount: Int) throws -> [UInt8] {
        let key = try KDF.Scrypt.deriveKey(
            from: Array(password.precomposedStringWithCanonicalMapping.utf8), salt: salt,
            outputByteCount: byteCount, rounds: parameters.rounds, blockSize: parameters.blockSize,
            parallelism: parameters.parallelism)
        return key.withUnsafeBytes { Array($0) }
    }
}
