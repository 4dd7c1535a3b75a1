import Foundation

/// The geometric mean of task times with a t interval on the log scale (`method: time_on_task`).
///
/// Task times are skewed to the right; Sauro and Lewis recommend the geometric mean for samples under
/// about 25 and the log-transformed t interval: take logs, form `mean ± t(0.975, n-1)·sd/√n`, and
/// exponentiate the three figures. The interval is not symmetric around the estimate. Only positive times
/// have a logarithm; zero or negative ones give no estimate.
public enum GeometricMean {
    /// `exp(mean(log x))` with its interval; `nil` for no values or any value that is not positive and
    /// finite. With one value there is no interval.
    public static func estimate(_ values: [Double]) -> Estimate? {
        guard !values.isEmpty, values.allSatisfy({ $0 > 0 && $0.isFinite }) else { return nil }
        guard let logs = Mean.estimate(values.map { log($0) }) else { return nil }
        return exponentiated(logs.estimate)
    }

    /// The estimate of a mean of logarithms, brought back to the original scale.
    static func exponentiated(_ logs: Estimate) -> Estimate {
        Estimate(value: exp(logs.value), ci95: logs.ci95.map { ConfidenceInterval(low: exp($0.low), high: exp($0.high)) },
                 n: logs.n, nEff: logs.nEff)
    }
}
