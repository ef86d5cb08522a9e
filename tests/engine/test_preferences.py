import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from accord.engine import AdditiveUtility, Issue, Package, pareto_frontier
from accord.engine._grid import scalar_units
from accord.engine.package import PackageBlock

ISSUES = [Issue("price", ["low", "high"]), Issue("term", ["short", "long"])]
SCORES = {"price": {"low": 1, "high": 0}, "term": {"short": 0, "long": 1}}


def test_issue_keeps_options_in_order():
    issue = Issue("term", ["short", "long"])
    assert issue.name == "term"
    assert issue.options == ("short", "long")


@pytest.mark.parametrize(
    ("name", "options", "message"),
    [
        ("", ["a"], "non-empty string"),
        (3, ["a"], "non-empty string"),
        ("x", [], "has no options"),
        ("x", ["a", "a"], "duplicate options"),
        ("x", [["unhashable"]], "not hashable"),
        ("x", "ab", "not a string"),
    ],
)
def test_issue_rejects_bad_input(name, options, message):
    with pytest.raises(ValueError, match=message):
        Issue(name, options)


def test_utility_is_weighted_sum_of_scores():
    u = AdditiveUtility({"price": 0.7, "term": 0.3}, SCORES, reservation=0.2)
    assert u({"price": "low", "term": "long"}) == 1.0
    assert u({"price": "low", "term": "short"}) == 0.7
    assert u({"price": "high", "term": "long"}) == 0.3
    assert u.reservation == 0.2


def test_decimal_sums_tie_exactly():
    # 0.1 + 0.2 != 0.3 in binary floats; on the decimal grid they are equal.
    u = AdditiveUtility({"a": 1, "b": 1}, {"a": {"x": 0.1, "y": 0.3}, "b": {"p": 0.2, "q": 0.0}})
    assert u({"a": "x", "b": "p"}) == u({"a": "y", "b": "q"}) == 0.3


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf, -1.0, "1", None, True])
def test_bad_weights_rejected(bad):
    with pytest.raises(ValueError, match="weight of 'price'"):
        AdditiveUtility({"price": bad, "term": 1}, SCORES)


@pytest.mark.parametrize("bad", [math.nan, math.inf, -0.5, "x"])
def test_bad_scores_rejected(bad):
    scores = {"price": {"low": bad, "high": 0}, "term": {"short": 0, "long": 1}}
    with pytest.raises(ValueError, match="score of option 'low' of issue 'price'"):
        AdditiveUtility({"price": 1, "term": 1}, scores)


def test_bad_reservation_rejected():
    with pytest.raises(ValueError, match="reservation must be finite"):
        AdditiveUtility({"price": 1, "term": 1}, SCORES, reservation=math.nan)


def test_all_zero_weights_rejected():
    with pytest.raises(ValueError, match="all weights are zero"):
        AdditiveUtility({"price": 0, "term": 0.0}, SCORES)


def test_weights_and_scores_must_name_the_same_issues():
    with pytest.raises(ValueError, match=r"only in weights: \['extra'\]"):
        AdditiveUtility({"price": 1, "term": 1, "extra": 1}, SCORES)


def test_utility_must_match_the_issues():
    u = AdditiveUtility({"price": 1, "term": 1}, SCORES)
    with pytest.raises(ValueError, match="side 0: the utility names issues"):
        pareto_frontier([ISSUES[0]], [u, u])
    missing = AdditiveUtility(
        {"price": 1, "term": 1}, {"price": {"low": 1}, "term": {"short": 0, "long": 1}}
    )
    with pytest.raises(
        ValueError, match=r"side 0: scores of issue 'price' miss options \['high'\]"
    ):
        pareto_frontier(ISSUES, [missing, u])
    extra = AdditiveUtility(
        {"price": 1, "term": 1},
        {"price": {"low": 1, "high": 0, "free": 2}, "term": {"short": 0, "long": 1}},
    )
    with pytest.raises(ValueError, match="name options \\['free'\\] that the issue does not have"):
        pareto_frontier(ISSUES, [u, extra])


def test_utility_of_an_invalid_package_is_an_error():
    u = AdditiveUtility({"price": 1, "term": 1}, SCORES)
    with pytest.raises(ValueError, match="must choose an option on every issue"):
        u({"price": "low"})
    with pytest.raises(ValueError, match="'cheap' is not an option of issue 'price'"):
        u({"price": "cheap", "term": "long"})


def test_weights_and_scores_are_read_only():
    u = AdditiveUtility({"price": 1, "term": 1}, SCORES)
    with pytest.raises(TypeError):
        u.weights["price"] = 2  # type: ignore[index]
    with pytest.raises(AttributeError):
        u.reservation = 3.0  # type: ignore[misc]


def test_grid_keeps_twelve_significant_digits_of_the_largest_utility():
    u = AdditiveUtility({"a": 1}, {"a": {"x": 123.456789012345678, "y": 0}})
    assert u.exponent == -10
    assert u({"a": "x"}) == 123.4567890123
    big = AdditiveUtility({"a": 1e30}, {"a": {"x": 1, "y": 0}})
    assert big({"a": "x"}) == 1e30
    tiny = AdditiveUtility({"a": 1e-300}, {"a": {"x": 3, "y": 1}})
    assert tiny({"a": "x"}) == 3e-300


def test_package_is_immutable_and_compares_by_value():
    p = Package({"price": "low"}, [1, 2])
    assert p == Package({"price": "low"}, (1.0, 2.0))
    assert p != Package({"price": "high"}, (1.0, 2.0))
    assert hash(p) == hash(Package({"price": "low"}, (1.0, 2.0)))
    with pytest.raises(AttributeError):
        p.utilities = (0.0,)  # type: ignore[misc]
    with pytest.raises(TypeError):
        p.choices["price"] = "high"  # type: ignore[index]


def test_lazy_package_builds_choices_on_demand():
    block = PackageBlock(
        ["a", "b"], [("x", "y"), ("p", "q")], np.array([[1, 0], [0, 1]]), [[1.0, 2.0], [3.0, 4.0]]
    )
    first, second = Package.batch(block)
    assert dict(first.choices) == {"a": "y", "b": "p"}
    assert first.utilities == (1.0, 3.0)
    assert first == Package({"a": "y", "b": "p"}, [1.0, 3.0])
    assert second == Package({"a": "x", "b": "q"}, [2.0, 4.0])
    assert hash(second) == hash(Package({"a": "x", "b": "q"}, [2.0, 4.0]))
    with pytest.raises(AttributeError):
        second.utilities = (0.0, 0.0)  # type: ignore[misc]


@settings(max_examples=500, deadline=None)
@given(
    st.floats(allow_nan=False, allow_infinity=False),
    st.integers(-330, 330),
)
def test_scalar_units_round_exactly_to_the_grid(value, exponent):
    # The exact rational result, rounded half to even: what round(Fraction) gives.
    expected = round(Fraction(value) * Fraction(10) ** -exponent)
    assert scalar_units(value, exponent) == expected


def test_engine_packages_report_python_floats():
    one = AdditiveUtility({"price": 0.7, "term": 0.3}, SCORES)
    flipped = {"price": {"low": 0, "high": 1}, "term": {"short": 1, "long": 0}}
    two = AdditiveUtility({"price": 0.2, "term": 0.8}, flipped)
    frontier = pareto_frontier(ISSUES, [one, two])
    assert [p.utilities for p in frontier] == [(0.0, 1.0), (0.7, 0.8), (1.0, 0.0)]
    for package in frontier:
        assert all(type(u) is float for u in package.utilities)
    assert repr(frontier[1]) == "Package({'price': 'low', 'term': 'short'}, utilities=(0.7, 0.8))"
