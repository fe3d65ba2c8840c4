"""The kernel cap's accounting without a server (ekokit.server.limits): the cap counts kernels
listed plus those being started, each ticket once; a client's starts at once are limited."""

from __future__ import annotations

from ekokit.server.limits import (
    CLIENT_BUSY,
    FULL,
    KernelBudget,
    Ticket,
    default_max_kernels,
    room_full_html,
    visitor_lang,
)


def test_the_cap_counts_listed_kernels_and_those_being_started_once_each():
    listed: list[str] = []
    budget = KernelBudget(cap=3, per_client=10, on_demand=lambda: len(listed))
    tickets = [budget.admit(f"10.0.0.{i}") for i in range(3)]
    assert all(isinstance(t, Ticket) for t in tickets)
    assert budget.admit("10.0.0.9") == FULL
    for ticket in tickets:  # their kernels are listed now: counted there, not twice
        assert isinstance(ticket, Ticket)
        listed.append(ticket.client)
        ticket.listed()
        ticket.listed()
    assert budget.unlisted == 0 and budget.admit("10.0.0.9") == FULL
    listed.pop()  # a kernel culled: room for one more
    tickets[0].done()
    tickets[0].done()
    assert isinstance(budget.admit("10.0.0.9"), Ticket)
    assert budget.admit("10.0.0.8") == FULL


def test_one_client_starts_at_most_its_limit_at_once_others_still_can():
    budget = KernelBudget(cap=100, per_client=2, on_demand=lambda: 0)
    first, second = budget.admit("a"), budget.admit("a")
    assert budget.admit("a") == CLIENT_BUSY
    assert isinstance(budget.admit("b"), Ticket)
    assert isinstance(first, Ticket) and isinstance(second, Ticket)
    first.done()  # its page is out: that client may start another
    assert isinstance(budget.admit("a"), Ticket)
    assert budget.admit("a") == CLIENT_BUSY


def test_the_default_cap_is_what_memory_holds_less_the_pool_and_at_least_one():
    assert default_max_kernels(10, 21_000) == 90
    assert default_max_kernels(30, 1_000) == 1
    assert default_max_kernels(0, None) == 20


def test_the_room_full_page_speaks_the_visitors_language_and_retries_by_itself():
    assert visitor_lang(None, "en-GB,en;q=0.9") == "en"
    assert visitor_lang("en", "fi") == "en"
    assert visitor_lang(None, "de, xx") == "fi"
    fi, en = room_full_html("fi"), room_full_html("en")
    assert '<html lang="fi">' in fi and "Huone on täynnä, yritä hetken päästä." in fi
    assert "The room is full, try again in a minute." in en
    assert all('<meta http-equiv="refresh" content="30">' in page for page in (fi, en))
