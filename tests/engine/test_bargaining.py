import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accord.engine import (
    AdditiveUtility,
    Issue,
    Package,
    egalitarian,
    improvements,
    kalai_smorodinsky,
    nash_bargaining,
    pareto_enumerate,
    pareto_frontier,
)

from . import brute

PROPERTY = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def pair(package):
    return None if package is None else (package.utilities, dict(package.choices))


@PROPERTY
@given(brute.negotiations(max_sides=3))
def test_nash_equals_brute_force(instance):
    issues, utilities = instance
    d = [u.reservation for u in utilities]
    expected = brute.nash(issues, utilities, d)
    assert pair(nash_bargaining(issues, utilities)) == expected
    frontier = pareto_frontier(issues, utilities)
    assert pair(nash_bargaining(issues, utilities, frontier=frontier)) == expected


@PROPERTY
@given(brute.negotiations(max_sides=3))
def test_kalai_smorodinsky_equals_brute_force(instance):
    issues, utilities = instance
    d = [u.reservation for u in utilities]
    expected = brute.kalai_smorodinsky(issues, utilities, d)
    assert pair(kalai_smorodinsky(issues, utilities)) == expected
    frontier = pareto_frontier(issues, utilities)
    assert pair(kalai_smorodinsky(issues, utilities, frontier=frontier)) == expected


@PROPERTY
@given(brute.negotiations(max_sides=3))
def test_egalitarian_equals_brute_force(instance):
    issues, utilities = instance
    d = [u.reservation for u in utilities]
    expected = brute.egalitarian(issues, utilities, d)
    assert pair(egalitarian(issues, utilities)) == expected
    frontier = pareto_frontier(issues, utilities)
    assert pair(egalitarian(issues, utilities, frontier=frontier)) == expected


@PROPERTY
@given(brute.negotiations(max_sides=3), st.data())
def test_explicit_disagreement_point(instance, data):
    issues, utilities = instance
    d = [data.draw(st.sampled_from([0.0, 0.5, 1.5])) for _ in utilities]
    assert pair(nash_bargaining(issues, utilities, d)) == brute.nash(issues, utilities, d)
    assert pair(egalitarian(issues, utilities, d)) == brute.egalitarian(issues, utilities, d)


@PROPERTY
@given(brute.negotiations(max_sides=3), st.data())
def test_improvements_equal_brute_force(instance, data):
    issues, utilities = instance
    packages = brute.all_packages(issues, utilities)
    _, _, tentative = packages[data.draw(st.integers(0, len(packages) - 1))]
    got = [pair(p) for p in improvements(issues, utilities, tentative)]
    assert got == brute.improvements(issues, utilities, tentative)


def test_nash_splits_money_two_thirds_to_the_risk_neutral_side():
    # Textbook case (e.g. Luce & Raiffa; Osborne & Rubinstein): dividing a sum between a
    # risk-neutral side (u = x) and a risk-averse one (u = sqrt(x)); the Nash solution gives
    # the risk-neutral side 2/3, here 67 of 100 with whole units.
    shares = list(range(101))
    split = [Issue("share of A", shares)]
    a = AdditiveUtility({"share of A": 1}, {"share of A": {x: x for x in shares}})
    b = AdditiveUtility({"share of A": 1}, {"share of A": {x: (100 - x) ** 0.5 for x in shares}})
    assert nash_bargaining(split, [a, b]).choices["share of A"] == 67
    # Kalai-Smorodinsky equalises relative gains: x / 100 = sqrt(100 - x) / 10, so x ~ 61.8.
    assert kalai_smorodinsky(split, [a, b]).choices["share of A"] == 62


def test_nash_is_invariant_to_rescaling_a_side_but_egalitarian_is_not():
    issue = [Issue("x", ["a", "b", "c"])]
    one = AdditiveUtility({"x": 1}, {"x": {"a": 9, "b": 6, "c": 1}})
    two = AdditiveUtility({"x": 1}, {"x": {"a": 1, "b": 4, "c": 8}})
    scaled = AdditiveUtility({"x": 10}, {"x": {"a": 1, "b": 4, "c": 8}})
    assert (
        nash_bargaining(issue, [one, two]).choices == nash_bargaining(issue, [one, scaled]).choices
    )
    assert egalitarian(issue, [one, two]).choices["x"] == "b"
    assert egalitarian(issue, [one, scaled]).choices["x"] == "a"


def test_raiffa_logrolling_improvement():
    # Raiffa's post-settlement settlement: a compromise on both issues is beaten by trading
    # the issue each side cares less about.
    issues = [Issue("salary", [50, 60, 70]), Issue("vacation", [2, 3, 4])]
    employer = AdditiveUtility(
        {"salary": 80, "vacation": 20},
        {"salary": {50: 1, 60: 0.5, 70: 0}, "vacation": {2: 1, 3: 0.5, 4: 0}},
    )
    employee = AdditiveUtility(
        {"salary": 30, "vacation": 70},
        {"salary": {50: 0, 60: 0.5, 70: 1}, "vacation": {2: 0, 3: 0.5, 4: 1}},
    )
    tentative = {"salary": 60, "vacation": 3}
    better = improvements(issues, [employer, employee], tentative)
    # Both sides get 50 from the tentative deal; (50, 3) would give the employee only 35.
    assert [dict(p.choices) for p in better] == [{"salary": 50, "vacation": 4}]
    assert [p.utilities for p in better] == [(80.0, 70.0)]
    assert improvements(issues, [employer, employee], better[0]) == []


def test_no_feasible_package_gives_none():
    issue = [Issue("x", ["a", "b"])]
    one = AdditiveUtility({"x": 1}, {"x": {"a": 1, "b": 0}}, reservation=1)
    two = AdditiveUtility({"x": 1}, {"x": {"a": 0, "b": 1}}, reservation=0)
    assert nash_bargaining(issue, [one, two]) is None
    assert kalai_smorodinsky(issue, [one, two]) is None
    assert egalitarian(issue, [one, two]) is None
    assert nash_bargaining(issue, [one, two], [0.5, -1]).choices["x"] == "a"


def test_ties_go_to_the_smallest_utility_vector():
    issue = [Issue("x", ["a", "b"])]
    one = AdditiveUtility({"x": 1}, {"x": {"a": 2, "b": 1}})
    two = AdditiveUtility({"x": 1}, {"x": {"a": 1, "b": 2}})
    assert nash_bargaining(issue, [one, two]).choices["x"] == "b"
    assert kalai_smorodinsky(issue, [one, two]).choices["x"] == "b"
    assert egalitarian(issue, [one, two]).choices["x"] == "b"


def test_solutions_lie_on_the_frontier():
    issues = [Issue(f"i{i}", list(range(4))) for i in range(5)]
    sides = [
        AdditiveUtility(
            {f"i{i}": 1 + (i * s) % 3 for i in range(5)},
            {f"i{i}": {o: (o * (s + 1) + i) % 4 for o in range(4)} for i in range(5)},
        )
        for s in range(2)
    ]
    frontier = pareto_frontier(issues, sides)
    for solution in (nash_bargaining, kalai_smorodinsky, egalitarian):
        assert solution(issues, sides) in frontier
        assert solution(issues, sides, algorithm=pareto_enumerate) == solution(issues, sides)


def test_solution_among_given_packages():
    issue = [Issue("x", ["a", "b", "c"])]
    one = AdditiveUtility({"x": 1}, {"x": {"a": 10, "b": 6, "c": 1}})
    two = AdditiveUtility({"x": 1}, {"x": {"a": 1, "b": 5, "c": 10}})
    frontier = pareto_frontier(issue, [one, two])
    assert nash_bargaining(issue, [one, two], frontier=frontier).choices["x"] == "b"
    without_b = [p for p in frontier if p.choices["x"] != "b"]
    assert nash_bargaining(issue, [one, two], frontier=without_b).choices["x"] == "c"
    assert nash_bargaining(issue, [one, two], frontier=[]) is None
    with pytest.raises(ValueError, match="every package needs 2 utilities"):
        nash_bargaining(issue, [one, two], frontier=[Package({"x": "a"}, [1.0])])
    with pytest.raises(ValueError, match="computed for other utilities"):
        nash_bargaining(issue, [one, two], frontier=[Package({"x": "a"}, [1e300, 1.0])])


def test_bad_arguments_rejected():
    issue = [Issue("x", ["a", "b"])]
    u = AdditiveUtility({"x": 1}, {"x": {"a": 1, "b": 0}})
    with pytest.raises(ValueError, match="one utility level per side"):
        nash_bargaining(issue, [u, u], [0.0])
    with pytest.raises(ValueError, match="must be finite"):
        egalitarian(issue, [u, u], [0.0, float("inf")])
    with pytest.raises(ValueError, match="'c' is not an option of issue 'x'"):
        improvements(issue, [u, u], {"x": "c"})
    with pytest.raises(ValueError, match="must choose one option on each issue"):
        improvements(issue, [u, u], {})
    with pytest.raises(ValueError, match="tentative must be a Package or a mapping"):
        improvements(issue, [u, u], ["a"])


@PROPERTY
@given(brute.negotiations(max_sides=3), st.data())
def test_engine_packages_and_rebuilt_packages_give_the_same_solutions(instance, data):
    # Packages straight from pareto_frontier carry their grid units; packages rebuilt from
    # their choices and float utilities are converted back to units. Both must agree, for
    # the whole frontier or any reordered part of it.
    issues, utilities = instance
    frontier = pareto_frontier(issues, utilities)
    part = data.draw(st.permutations(frontier)) if frontier else []
    part = part[: data.draw(st.integers(0, len(part)))]
    rebuilt = [Package(p.choices, p.utilities) for p in part]
    for solution in (nash_bargaining, kalai_smorodinsky, egalitarian):
        assert pair(solution(issues, utilities, frontier=part)) == pair(
            solution(issues, utilities, frontier=rebuilt)
        )


def test_packages_of_a_frontier_for_other_utilities_are_read_from_their_floats():
    issue = [Issue("x", ["a", "b", "c"])]
    one = AdditiveUtility({"x": 1}, {"x": {"a": 10, "b": 6, "c": 1}})
    two = AdditiveUtility({"x": 1}, {"x": {"a": 1, "b": 5, "c": 10}})
    # Scaled by 1000: another grid, so the frontier's units do not apply as they are.
    scaled = AdditiveUtility({"x": 1000}, {"x": {"a": 1, "b": 5, "c": 10}})
    frontier = pareto_frontier(issue, [one, two])
    # The frontier's utilities are trusted: side two's 5.0 is read on scaled's grid.
    chosen = nash_bargaining(issue, [one, scaled], frontier=frontier)
    assert chosen == nash_bargaining(issue, [one, two], frontier=frontier)
    assert chosen.choices["x"] == "b"


def test_a_frontier_of_other_things_is_refused():
    issue = [Issue("x", ["a", "b"])]
    u = AdditiveUtility({"x": 1}, {"x": {"a": 1, "b": 0}})
    frontier = pareto_frontier(issue, [u, u])
    for bad in ([None], [*frontier, "a"], [{"x": "a"}]):
        with pytest.raises(ValueError, match="expected Package objects"):
            nash_bargaining(issue, [u, u], frontier=bad)
