import Testing
@testable import PortalHTTP

/// What a connection reports about itself for admission, and how it gives up its slot, without sockets.
@Suite struct ConnectionSheddingTests {
    @Test func aNewConnectionIsSilentUntilItsFirstByte() {
        var harness = MachineHarness()
        #expect(harness.machine.activity == .silent(since: 100))
        harness.clock = 101
        _ = harness.receive("G")
        #expect(harness.machine.activity == .busy)
    }

    @Test func aKeepAliveConnectionIsIdleFromTheEndOfItsLastResponse() {
        var harness = MachineHarness()
        _ = harness.receive("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(harness.machine.activity == .busy)
        _ = harness.respond(.text("ok"))
        #expect(harness.machine.activity == .busy)
        harness.clock = 104
        _ = harness.written()
        #expect(harness.machine.activity == .idle(since: 104))
    }

    @Test func aSilentConnectionIsDroppedWhenShed() {
        var harness = MachineHarness()
        let actions = harness.machine.shed()
        #expect(actions.contains { if case .abort = $0 { true } else { false } })
        #expect(harness.machine.isClosed)
    }

    @Test func anIdleConnectionIsClosedWhenShed() {
        var harness = MachineHarness()
        _ = harness.receive("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        _ = harness.respond(.text("ok"))
        _ = harness.written()
        #expect(harness.machine.shed().closes)
        #expect(harness.machine.isClosed)
    }

    @Test func aConnectionHalfwayThroughAHeadIsNotShed() {
        var harness = MachineHarness()
        _ = harness.receive("GET / HTTP/1.1\r\nHo")
        #expect(harness.machine.shed().isEmpty)
        #expect(!harness.machine.isClosed)
    }

    @Test func pressureShortensTheFirstByteAndIdleDelaysOnly() {
        var harness = MachineHarness { $0.pressureTimeout = 2 }
        #expect(harness.machine.deadline == 110)
        harness.machine.pressureChanged(true)
        #expect(harness.machine.deadline == 102)
        #expect(harness.advance(to: 102).closes)

        var busy = MachineHarness { $0.pressureTimeout = 2 }
        _ = busy.receive("GET / HTTP/1.1\r\n")
        busy.machine.pressureChanged(true)
        #expect(busy.machine.deadline == 110, "a head already started keeps its whole header deadline")

        var idle = MachineHarness { $0.pressureTimeout = 2 }
        _ = idle.receive("GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        _ = idle.respond(.text("ok"))
        _ = idle.written()
        #expect(idle.machine.deadline == 115)
        idle.machine.pressureChanged(true)
        #expect(idle.machine.deadline == 102)
        idle.machine.pressureChanged(false)
        #expect(idle.machine.deadline == 115)
    }
}

/// Whom the server admits, sheds and refuses at its cap.
@Suite struct ConnectionAdmissionTests {
    @Test func belowTheCapEveryConnectionIsAdmitted() {
        var admission = ConnectionAdmission(capacity: 3)
        #expect(admission.admit(at: 1) == .admit(id: 0, shedding: nil))
        #expect(admission.admit(at: 2) == .admit(id: 1, shedding: nil))
        #expect(admission.admit(at: 3) == .admit(id: 2, shedding: nil))
        #expect(admission.count == 3)
    }

    @Test func atTheCapTheOldestSilentGoesFirstThenTheOldestIdle() {
        var admission = ConnectionAdmission(capacity: 3)
        _ = admission.admit(at: 1)  // 0: will be idle since 9
        _ = admission.admit(at: 2)  // 1: silent since 2
        _ = admission.admit(at: 3)  // 2: will be idle since 5
        admission.update(0, .idle(since: 9))
        admission.update(2, .idle(since: 5))
        #expect(admission.admit(at: 10) == .admit(id: 3, shedding: 1))
        admission.remove(1)
        admission.update(3, .busy)
        #expect(admission.admit(at: 11) == .admit(id: 4, shedding: 2))
        admission.remove(2)
        admission.update(4, .busy)
        #expect(admission.admit(at: 12) == .admit(id: 5, shedding: 0))
    }

    @Test func aConnectionChosenToBeShedIsNotChosenTwice() {
        var admission = ConnectionAdmission(capacity: 1)
        _ = admission.admit(at: 1)
        admission.update(0, .busy)
        #expect(admission.admit(at: 2) == .refuse(id: 1))
        admission.update(0, .idle(since: 3))
        #expect(admission.admit(at: 4) == .admit(id: 2, shedding: 0))
        // 0 has not closed yet, and 2 is silent: 2 goes next, 0 is not picked again,
        // even when a report it sent before being asked arrives late.
        admission.update(0, .silent(since: 1))
        #expect(admission.admit(at: 5) == .admit(id: 3, shedding: 2))
    }

    @Test func whenEveryConnectionIsBusyNewOnesAreRefusedThenDropped() {
        var admission = ConnectionAdmission(capacity: 2)
        _ = admission.admit(at: 1)
        _ = admission.admit(at: 1)
        admission.update(0, .busy)
        admission.update(1, .busy)
        var refusals = 0
        while case .refuse = admission.admit(at: 2) { refusals += 1 }
        #expect(refusals == admission.refusalSlots)
        #expect(admission.admit(at: 3) == .drop)
        admission.remove(2)
        guard case .refuse = admission.admit(at: 4) else {
            Issue.record("a refusal slot freed is used again")
            return
        }
    }

    @Test func pressureStartsAtThreeQuartersAndEndsUnderThreeFifths() {
        var admission = ConnectionAdmission(capacity: 100)
        for second in 0..<74 { _ = admission.admit(at: Double(second)) }
        #expect(admission.pressureChange() == nil)
        _ = admission.admit(at: 75)
        #expect(admission.pressureChange() == true)
        #expect(admission.pressureChange() == nil)
        for id in 0..<15 { admission.remove(id) }
        #expect(admission.pressureChange() == nil, "60 of 100 still counts as near the cap")
        admission.remove(15)
        #expect(admission.pressureChange() == false)
    }

    @Test func theCapIsSizedFromTheOpenFileLimit() {
        let admission = ConnectionAdmission(openFileLimit: 20_000)
        #expect(admission.capacity + admission.refusalSlots <= 20_000 - ConnectionAdmission.reservedDescriptors)
        #expect(admission.capacity > 15_000)
    }
}
