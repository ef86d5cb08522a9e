"""The learned cue: its model, its training, and how the coach weighs it against the lexicons.

The mechanics are tested with a tiny hand-made model patched in (a made-up word "zorblax"
carries all its weight), so these tests hold whatever the shipped weights are; the shipped
weights themselves are checked for shape and for being what training on the dev split writes
(test_tone_benchmark.py).
"""

from __future__ import annotations

import importlib.util
import random

import pytest

from accord.safety.tone import REASONS, assess, learned, weights
from accord.safety.tone import analysis as analysis_module
from accord.safety.tone.analysis import MODEL, combined_score, evidence
from accord.safety.tone.normalise import normalise

#: Fitting uses scikit-learn, a development dependency (never imported at run time).
needs_sklearn = pytest.mark.skipif(
    importlib.util.find_spec("sklearn") is None, reason="training needs scikit-learn"
)


@pytest.fixture
def zorblax(monkeypatch):
    """A model in which "zorblax" is confident hostility and "blorf" only supporting."""
    model = learned.Model(
        bias=-1.0,
        weights={"zorblax": 6.0, "blorf": 3.0},
        reasons={"zorblax": "contempt", "blorf": "insult"},
        supporting=1.0,
        confident=3.0,
    )
    monkeypatch.setattr(analysis_module, "MODEL", model)
    return model


def test_features_are_words_pairs_negated_words_and_letter_sequences():
    found = learned.features(normalise("T'es nul !", "fr").text)
    assert {f for f in found if f[0] not in "#~"} == {
        "tu",
        "es",
        "nul",
        "!",
        "tu_es",
        "es_nul",
        "nul_!",
    }
    assert not any(f.startswith("~") for f in found)  # nothing is negated
    # Letter sequences of 3 to 5 characters, word edges included: French endings and
    # misspellings share them with the words the model was trained on.
    assert {"#nul", "#nul !", "# nul "} <= found
    assert {len(f) - 1 for f in found if f.startswith("#")} == {3, 4, 5}
    # Function words count once, as words, never as letters: "tu" brings no "# tu".
    assert not any(f.startswith("#") and "tu" in f for f in found)


def test_negation_marks_the_words_in_its_scope_up_to_the_end_of_the_clause():
    found = learned.features(normalise("I'm not saying you're a liar, but you lied.", "en").text)
    assert {"~saying", "~you", "~liar"} <= found
    assert "~lied" not in found  # the comma ends the negation's scope
    assert "liar" in found  # the plain word stays: the model weighs both
    french = learned.features(normalise("Je ne dis pas que tu es nul.", "fr").text)
    assert {"~dis", "~nul"} <= french


def test_verdict_sums_the_weights_and_names_the_strongest_reason():
    model = learned.Model(
        bias=0.5,
        weights={"a": 1.0, "b": 2.0, "c": -4.0},
        reasons={"a": "insult", "b": "threat"},
        supporting=0.0,
        confident=1.0,
    )
    assert model.verdict({"a", "b", "unknown"}) == learned.Verdict(3.5, "threat")
    assert model.verdict({"c"}) == learned.Verdict(-3.5, None)


def test_verdict_does_not_depend_on_the_order_features_come_in():
    rng = random.Random(4)
    values = {f"w{i}": rng.uniform(-1, 1) / 3 for i in range(200)}
    model = learned.Model(0.1, values, {}, supporting=0.0, confident=1.0)
    names = list(values)
    first = model.verdict(names)
    rng.shuffle(names)
    assert model.verdict(names) == first


def test_weight_is_nothing_below_supporting_and_flags_alone_from_confident():
    model = learned.Model(0.0, {}, {}, supporting=1.0, confident=3.0)
    assert model.weight(0.99) == 0.0
    assert 0 < model.weight(1.0) < 0.5
    assert model.weight(3.0) >= 0.5
    assert model.weight(100.0) == 0.9


@needs_sklearn
def test_fit_is_deterministic_and_learns_the_direction_of_the_evidence():
    examples = [({"nul", "tu"}, True, ["insult"])] * 6 + [({"merci", "tu"}, False, [])] * 6
    examples += [({"once"}, True, ["threat"])]
    first = learned.fit(examples)
    assert learned.fit(examples) == first
    _bias, fitted, reasons = first
    assert fitted["nul"] > 0 > fitted["merci"]
    assert "once" not in fitted  # seen in a single message: below MIN_COUNT
    assert reasons["nul"] == "insult"
    assert "merci" not in reasons


def test_threshold_leaves_at_most_the_allowed_share_of_civil_messages_above_it():
    rng = random.Random(9)
    scores = [rng.gauss(0, 2) for _ in range(300)]
    hostile = [rng.random() < 0.5 for _ in scores]
    for share in (0.0, 0.02, 0.1, 0.5):
        threshold = learned.threshold_for(scores, hostile, share)
        civil = [s for s, h in zip(scores, hostile, strict=True) if not h]
        above = sum(s >= threshold for s in civil)
        assert above <= share * len(civil)


#: No cap on the share of civil messages, to test the other limits on few messages.
LOOSE = {"civil_false_alarms": 1.0}


def _ladder(labels):
    """Scores 100, 99, ... for hostile (True) / civil (False) labels, highest first."""
    return [100.0 - i for i in range(len(labels))], list(labels)


def test_confident_threshold_stops_at_the_first_fall_below_the_precision_bar():
    # 20 hostile, then a run of civil messages, then a pocket of hostile ones below them.
    labels = [True] * 20 + [False] * 3 + [True] * 30 + [False]
    scores, hostile = _ladder(labels)
    none = [False] * len(labels)
    every = [True] * len(labels)
    # Flagging the second civil message drops precision to 20/22 = 0.909 < 0.92: stop just
    # above it, although the hostile pocket below would lift precision back to 0.943.
    assert learned.confident_threshold(scores, hostile, none, every, **LOOSE) == 79.0001
    # A looser bar lets it through the pocket, down to just above the last civil message.
    assert (
        learned.confident_threshold(scores, hostile, none, every, min_precision=0.85, **LOOSE)
        == 47.0001
    )


def test_confident_threshold_does_not_judge_precision_over_a_handful_of_flags():
    # A civil message scores highest: over one flag precision is 0, which says nothing.
    labels = [False] + [True] * 30 + [False]
    scores, hostile = _ladder(labels)
    threshold = learned.confident_threshold(scores, hostile, [False] * 32, [True] * 32, **LOOSE)
    assert threshold == 69.0001  # every hostile message, precision 30/31 = 0.968


def test_confident_threshold_caps_false_alarms_on_firm_but_civil_messages():
    labels = [True] * 40 + [False] + [True] * 40 + [False] + [True] * 40 + [False]
    scores, hostile = _ladder(labels)
    civil = [not h for h in hostile]
    every = [True] * len(labels)
    # Precision alone (120/122 = 0.984) goes down to just above the last civil message.
    assert (
        learned.confident_threshold(scores, hostile, [False] * len(labels), every, **LOOSE)
        == -21.9999
    )
    # With all three civil messages firm and at most 1/3 of them allowed, it stops after one.
    capped = learned.confident_threshold(
        scores, hostile, civil, every, firm_false_alarms=0.34, **LOOSE
    )
    assert capped == 19.0001


def test_confident_threshold_ignores_messages_the_model_may_not_speak_on():
    labels = [True] * 20 + [False] * 3 + [True] * 30 + [False]
    scores, hostile = _ladder(labels)
    none = [False] * len(labels)
    # The three civil messages in the middle are courteous: the coach keeps the model silent
    # on them, so they are no false alarms and it goes down to just above the last one.
    speaks = [index not in (20, 21, 22) for index in range(len(labels))]
    assert learned.confident_threshold(scores, hostile, none, speaks, **LOOSE) == 47.0001
    # Silenced hostile messages are no hits either: precision is judged on what can flag.
    labels = [True] * 24 + [False] * 2 + [True] * 5 + [False]
    scores, hostile = _ladder(labels)
    none = [False] * len(labels)
    every = [True] * len(labels)
    assert learned.confident_threshold(scores, hostile, none, every, **LOOSE) == 69.0001  # 29/31
    speaks = [index >= 12 for index in range(len(labels))]
    assert (
        learned.confident_threshold(scores, hostile, none, speaks, **LOOSE) == 75.0001
    )  # not 17/19


def test_confident_threshold_caps_false_alarms_on_all_civil_messages():
    # 100 hostile and 101 civil; two civil messages score among the hostile ones.
    labels = [True] * 30 + [False] + [True] * 30 + [False] + [True] * 40 + [False] * 99
    scores, hostile = _ladder(labels)
    none = [False] * len(labels)
    every = [True] * len(labels)
    # Precision alone goes on into the civil tail, down to 100/108 = 0.926 ...
    assert learned.confident_threshold(scores, hostile, none, every, **LOOSE) == -7.9999
    # ... at most 1 % of civil messages (1.01 of 101) stops it after the first false alarm.
    assert learned.confident_threshold(scores, hostile, none, every) == 39.0001


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("You are an idiot!!!", "en"),
        ("WHY IS THIS STILL NOT DONE???", "en"),
        ('Your "plan" is a joke, as always.', "en"),
        ("I'm not calling you an idiot.", "en"),
        ("Thanks so much for picking them up.", "en"),
        ("You could not organise a birthday party if your life depended on it.", "en"),
        ("T'es vraiment nul, comme d'habitude.", "fr"),
        ("Je refuse cette proposition.", "fr"),
    ],
)
def test_the_trainer_and_assess_score_a_message_by_the_same_rule(text, lang):
    # benchmarks/tone.py --train chooses the operating point on combined_score: it must be
    # the score assess gives.
    found = evidence(text, lang)
    weight = MODEL.weight(MODEL.verdict(found.features).log_odds)
    assert combined_score(found, weight) == assess(text, lang).score


def test_the_learned_weight_does_not_count_where_the_model_may_not_speak():
    found = evidence("Thanks so much for your help, it was lovely.", "en")
    assert not found.learned_may_speak
    # "thanks so much" is a weak sarcasm cue (0.35) that even a confident model cannot tip.
    assert combined_score(found, 0.9) == combined_score(found, 0.0) == 0.35


@needs_sklearn
def test_out_of_fold_scores_each_example_without_seeing_it():
    # "solo" appears in two messages of different folds: each fold model has seen it once,
    # below MIN_COUNT, so neither example's score can use it.
    examples = [({"solo", f"x{i}"}, True, ["insult"]) for i in range(2)]
    examples += [({f"c{i}", "filler"}, False, []) for i in range(8)]
    scores = learned.out_of_fold(examples, folds=5)
    assert len(scores) == len(examples)
    assert scores[0] == scores[1]


def test_shipped_weights_are_well_formed():
    assert weights.WEIGHTS
    assert set(weights.REASONS) <= set(weights.WEIGHTS)
    assert set(weights.REASONS.values()) <= set(REASONS)
    assert weights.SUPPORTING <= weights.CONFIDENT
    # No learned offset: a message whose features the model does not know scores even odds,
    # below the threshold where it starts to count.
    assert weights.BIAS == 0.0
    assert MODEL.verdict({"qqzx", "#qqz"}).log_odds == 0.0 < MODEL.supporting
    # Every family of features carries weight: words and pairs, negated words, letters.
    families = {feature[0] if feature[0] in "#~" else "word" for feature in weights.WEIGHTS}
    assert families == {"#", "~", "word"}
    # Only words and word pairs name a reason.
    assert not any(feature[0] in "#~" for feature in weights.REASONS)


def test_a_confident_model_flags_what_no_phrase_names(zorblax):
    result = assess("Honestly, zorblax.")
    assert result.flagged
    assert result.reasons == ("contempt",)
    assert result.suggestion is not None
    assert not assess(result.suggestion).flagged


def test_the_rewrite_leaves_out_the_sentences_the_model_finds_hostile(zorblax):
    result = assess("You are zorblax. The handover is at six on Friday.")
    assert result.flagged
    assert result.suggestion == "The handover is at six on Friday."


@pytest.mark.parametrize(
    "text",
    [
        "Please stop the zorblax at night.",  # courtesy
        "Thanks so much for the zorblax, it was lovely.",  # warmth
        "Pourriez-vous arrêter le zorblax ?",  # French courtesy
    ],
)
def test_the_model_is_silent_on_courtesy_and_warmth(zorblax, text):
    lang = "fr" if "Pourriez" in text else "en"
    assert not assess(text, lang).flagged


def test_the_model_does_not_overrule_a_phrase_the_lexicons_found_innocent(zorblax):
    # The insult is negated; the lexicons saw it and let it go, so the model stays out.
    assert not assess("I'm not calling you an idiot, zorblax.").flagged
    # Without the blocked phrase the same model speaks.
    assert assess("Zorblax.").flagged


# The messages issue 8 quotes as wrongly flagged by the learned cue alone, before it was trained
# on the everyday set as well.
@pytest.mark.parametrize(
    "text",
    [
        "Hi, how are you?",
        "What time works for you?",
        "What day works for you?",
        "What do you think of the proposal?",
        "What would work better for you?",
    ],
)
def test_everyday_questions_quoted_in_the_issue_are_not_flagged(text):
    result = assess(text, "en")
    assert not result.flagged
    assert result.reasons == ()
    assert result.suggestion is None


def test_supporting_evidence_tips_only_a_cue_of_some_weight(zorblax):
    # A scare quote (0.4) plus supporting evidence flags; "as always" (0.35) does not.
    assert assess('Your "plan" is blorf.').flagged
    assert not assess("The bins are blorf as always.").flagged
    assert not assess("Blorf.").flagged  # supporting alone never flags


def test_lexicon_reasons_come_before_the_model_reason(zorblax):
    result = assess("You are an idiot, zorblax.")
    assert "insult" in result.reasons
    assert "contempt" not in result.reasons
