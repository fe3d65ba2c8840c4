"""Pages before teams: the query strings that set pooled kernels binding their teams wait while
a room's pages are being served (ekokit.server.guards.QueryRelay), with a clock the test moves."""

from __future__ import annotations

import asyncio
import time

from ekokit.server.guards import QueryRelay


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def relay_with(clock: Clock) -> tuple[QueryRelay, list[tuple[str, str]]]:
    sent: list[tuple[str, str]] = []
    relay = QueryRelay(clock=clock, send=lambda socket, message: sent.append((socket, message)))
    return relay, sent


def test_a_lone_visitors_team_is_sent_at_once_when_no_page_is_being_served():
    async def run():
        relay, _sent = relay_with(Clock())
        return relay.hold("kernel-a", "team=a")

    assert asyncio.run(run()) is False  # the socket sends it itself


def test_while_a_room_arrives_the_teams_wait_until_its_pages_are_out_then_go_in_order():
    async def run():
        clock = Clock()
        relay, sent = relay_with(clock)
        for name in "abc":  # three GETs close together: each page out before its team binds
            relay.page_started()
            assert relay.hold(f"kernel-{name}", f"team={name}")
            relay.page_done()
            clock.now += 0.02
        relay.check()
        assert sent == []  # the last page went out 0.02 s ago: more may be coming
        clock.now += QueryRelay.QUIET_SECONDS
        relay.check()
        return sent

    assert asyncio.run(run()) == [("kernel-a", "team=a"), ("kernel-b", "team=b"),
                                  ("kernel-c", "team=c")]


def test_a_team_never_waits_longer_than_the_limit_even_if_pages_keep_coming():
    async def run():
        clock = Clock()
        relay, sent = relay_with(clock)
        relay.page_started()
        relay.hold("kernel-a", "team=a")
        steps = 0
        while not sent and steps < 100:
            clock.now += 0.05
            relay.page_started()  # a page is always in flight
            relay.check()
            steps += 1
        return sent, steps * 0.05

    sent, waited = asyncio.run(run())
    assert sent == [("kernel-a", "team=a")]
    assert waited <= QueryRelay.HOLD_SECONDS + 0.05


def test_the_held_teams_go_out_by_the_loop_itself():
    """No one calls check(): the relay's own timer sends them (real loop, real time)."""
    async def run():
        relay, sent = relay_with(Clock())
        relay.clock = time.monotonic
        relay.page_started()
        relay.hold("kernel-a", "team=a")
        relay.page_done()
        for _ in range(200):  # a generous limit, not a timing
            if sent:
                break
            await asyncio.sleep(0.05)
        return sent

    assert asyncio.run(run()) == [("kernel-a", "team=a")]


def test_a_page_in_flight_keeps_the_teams_waiting_after_the_quiet_time():
    """A page still being served counts, however long ago it was asked for: the teams wait
    until it is out (up to the limit)."""
    async def run():
        clock = Clock()
        relay, sent = relay_with(clock)
        relay.page_started()
        assert relay.hold("kernel-a", "team=a")
        clock.now += QueryRelay.QUIET_SECONDS * 2  # quiet, but the page is not out yet
        assert clock.now - relay.last_page < QueryRelay.HOLD_SECONDS
        relay.check()
        waiting = list(sent)
        relay.page_done()
        relay.check()
        return waiting, sent

    waiting, sent = asyncio.run(run())
    assert waiting == []
    assert sent == [("kernel-a", "team=a")]


def test_the_limit_counts_from_the_first_held_team_not_the_latest():
    """Teams keep arriving while pages keep coming: the first held still goes within the limit
    (a later hold does not restart its wait)."""
    async def run():
        clock = Clock()
        relay, sent = relay_with(clock)
        relay.page_started()
        relay.hold("kernel-0", "team=0")
        steps = 0
        while not sent and steps < 100:
            clock.now += 0.05
            steps += 1
            relay.page_started()
            relay.hold(f"kernel-{steps}", f"team={steps}")
            relay.check()
        return sent, steps * 0.05

    sent, waited = asyncio.run(run())
    assert sent[0] == ("kernel-0", "team=0")
    assert waited <= QueryRelay.HOLD_SECONDS + 0.05
