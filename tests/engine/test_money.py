import dataclasses
from decimal import Decimal

import pytest

from accord.engine import (
    BlindBidResult,
    ProposalResult,
    SettlementRule,
    double_blind_round,
    mediators_proposal,
)


@pytest.mark.parametrize(
    ("offer", "demand", "shown"),
    [
        (80_000, 90_000, "settled at 85000.00"),  # within 30% and within 5,000
        (64_000, 90_000, "settled at 77000.00"),  # 26,000 apart: within 30% only
        (62_000, 90_000, "no overlap"),  # 28,000 > 27,000 and > 5,000
        (1_000, 5_000, "settled at 3000.00"),  # 80% apart but within 5,000
        (1_000, 6_001, "no overlap"),
        (95_000, 90_000, "settled at 90000.00"),  # overlap settles at the demand
        (90_000, 90_000, "settled at 90000.00"),
        (Decimal("100.01"), Decimal("100.02"), "settled at 100.02"),  # half a cent rounds up
        ("0.1", 0.2, "settled at 0.15"),
    ],
)
def test_default_rule(offer, demand, shown):
    assert str(double_blind_round(offer, demand)) == shown


def test_custom_rules():
    percent_only = SettlementRule(band_percent=10, band_absolute=None)
    assert str(double_blind_round(91, 100, percent_only)) == "settled at 95.50"
    assert str(double_blind_round(89, 100, percent_only)) == "no overlap"
    overlap_only = SettlementRule(band_percent=None, band_absolute=None, quantum=1)
    assert str(double_blind_round(99, 100, overlap_only)) == "no overlap"
    assert str(double_blind_round(101, 100, overlap_only)) == "settled at 100"


def test_result_reveals_only_the_settlement():
    settled = double_blind_round(80_000, 90_000)
    assert [f.name for f in dataclasses.fields(settled)] == ["amount"]
    assert settled.settled and settled.amount == Decimal("85000.00")
    failed = double_blind_round(10_000, 90_000)
    assert failed == BlindBidResult(None)
    assert not failed.settled
    assert "10000" not in repr(failed) and "90000" not in repr(failed)


@pytest.mark.parametrize(
    ("offer", "demand", "message"),
    [
        (-1, 10, "offer must be non-negative"),
        (1, float("nan"), "demand must be finite"),
        (1, "ten", "demand must be a number"),
        (True, 10, "offer must be a number"),
    ],
)
def test_bad_figures_rejected(offer, demand, message):
    with pytest.raises(ValueError, match=message):
        double_blind_round(offer, demand)


def test_bad_rules_rejected():
    with pytest.raises(ValueError, match="band_percent must be at most 100"):
        SettlementRule(band_percent=150)
    with pytest.raises(ValueError, match="band_absolute must be non-negative"):
        SettlementRule(band_absolute=-5)
    with pytest.raises(ValueError, match="quantum must be positive"):
        SettlementRule(quantum=0)


def test_mediators_proposal_reveals_only_whether_all_accepted():
    assert mediators_proposal({"a": True, "b": True}) == ProposalResult(True)
    result = mediators_proposal({"a": True, "b": False}, sides=["a", "b"])
    assert str(result) == "not all accepted"
    assert [f.name for f in dataclasses.fields(result)] == ["all_accepted"]
    # A yes next to a no is indistinguishable from two noes.
    assert result == mediators_proposal({"a": False, "b": False})


@pytest.mark.parametrize(
    ("answers", "sides", "message"),
    [
        ({}, None, "non-empty mapping"),
        ({"a": 1}, None, "must be True or False"),
        ({"a": True}, ["a", "b"], r"missing: \['b'\]"),
        ({"a": True, "c": True}, ["a"], r"unknown: \['c'\]"),
    ],
)
def test_bad_answers_rejected(answers, sides, message):
    with pytest.raises(ValueError, match=message):
        mediators_proposal(answers, sides=sides)
