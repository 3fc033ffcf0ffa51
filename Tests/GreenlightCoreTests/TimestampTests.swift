import Foundation
import GreenlightCore
import Testing

@Suite("timestamps")
struct TimestampTests {
    @Test func roundTripsWithMilliseconds() throws {
        let date = Date(timeIntervalSince1970: 1_795_922_966.123)
        #expect(Timestamp.format(date) == "2026-11-29T03:29:26.123Z")
        let parsed = try #require(Timestamp.parse("2026-11-29T03:29:26.123Z"))
        #expect(abs(parsed.timeIntervalSince(date)) < 0.0005)
    }

    @Test func readsKubernetesFormsAndOffsets() throws {
        #expect(Timestamp.parse("2026-11-29T03:29:26Z")?.timeIntervalSince1970 == 1_795_922_966)
        #expect(Timestamp.parse("2026-11-29T05:29:26+02:00")?.timeIntervalSince1970 == 1_795_922_966)
        #expect(Timestamp.parse("2026-11-29T01:29:26-02:00")?.timeIntervalSince1970 == 1_795_922_966)
        for bad in ["", "2026-11-29", "2026-13-29T03:29:26Z", "2026-11-29T03:29:26", "2026-11-29T03:29:26Zjunk", "yesterday"] {
            #expect(Timestamp.parse(bad) == nil, "\(bad)")
        }
    }
}
