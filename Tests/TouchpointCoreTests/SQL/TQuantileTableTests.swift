import Foundation
import Testing
@testable import TouchpointCore

@Suite("t quantile table for SQL")
struct TQuantileTableTests {
    @Test func theTableReproducesStudentTQuantilesToOnePartInTenToTheTwelve() {
        let table = TQuantileTable()
        var worst = (nu: 0.0, error: 0.0)
        var nu = TQuantileTable.minimumDegrees
        while nu < 1e9 {
            for step in [1.0, 1.37, 2.9] {
                let v = nu * step
                let exact = StudentT.quantile(0.975, degreesOfFreedom: v)
                guard let fitted = table.quantile(degreesOfFreedom: v) else { continue }
                let error = abs(fitted - exact) / exact
                if error > worst.error { worst = (v, error) }
            }
            nu *= 1.1
        }
        for whole in 1...3000 {
            let v = Double(whole)
            let exact = StudentT.quantile(0.975, degreesOfFreedom: v)
            let error = abs((table.quantile(degreesOfFreedom: v) ?? 0) - exact) / exact
            if error > worst.error { worst = (v, error) }
        }
        #expect(worst.error < 1e-12, "worst relative error \(worst.error) at \(worst.nu) degrees of freedom")
    }

    @Test func degreesBelowTheTableHaveNoQuantile() {
        #expect(TQuantileTable().quantile(degreesOfFreedom: 0.01) == nil)
    }
}
