"""The arbitration through its services: terms signed by every side, the record with a
deadline per side, the hearing, and the award held to the agreed scope."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache

from accord.agreements.models import AgreementVersion, Signature
from accord.agreements.selectors import latest_version
from accord.agreements.services import StepUp
from accord.arbitration import services
from accord.arbitration.models import (
    ArbitrationTerms,
    Award,
    Hearing,
    Submission,
    SubmissionFile,
    SubmissionsClosed,
)
from accord.arbitration.selectors import (
    access_award,
    arbitration_agreement,
    terms_in_force,
)
from accord.audit.models import AuditCheckpoint, AuditEvent
from accord.audit.verify import verify_case
from accord.cases import services as cases
from accord.cases.services.processes import start_blockers
from accord.cases.vocabulary import Role
from accord.core import clock
from accord.core.errors import Conflict, Forbidden, InvalidInput, NotFound
from accord.rooms.services import Upload
from tests.agreements.factories import sign
from tests.arbitration.factories import (
    QUESTIONS,
    agree_terms,
    close_all,
    decisions_for,
    draft_terms,
    make_arbitration,
    totp,
)
from tests.cases.factories import join, make_world

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()


@pytest.fixture
def arb():
    return make_arbitration()


def snapshot(arb):
    case = arb.world.case
    return {
        "events": AuditEvent.objects.filter(case_id=case.id).count(),
        "versions": AgreementVersion.objects.filter(agreement__process=arb.process).count(),
        "terms": ArbitrationTerms.objects.filter(process=arb.process).count(),
        "signatures": Signature.objects.filter(version__agreement__process=arb.process).count(),
        "submissions": Submission.objects.filter(process=arb.process).count(),
        "files": SubmissionFile.objects.filter(submission__process=arb.process).count(),
        "closed": SubmissionsClosed.objects.filter(process=arb.process).count(),
        "hearings": Hearing.objects.filter(process=arb.process).count(),
        "awards": list(Award.objects.filter(process=arb.process).values_list("id", "status")),
        "process": (arb.process.__class__.objects.get(id=arb.process.id).status),
        "checkpoints": AuditCheckpoint.objects.filter(case_id=case.id).count(),
    }


def later(monkeypatch, **delta):
    moment = clock.now() + dt.timedelta(**delta)
    monkeypatch.setattr(clock, "now", lambda: moment)
    return moment


# --- the arbitration agreement -----------------------------------------------------------------


def test_terms_become_the_text_of_a_binding_arbitration_agreement(arb):
    terms = draft_terms(arb)
    agreement = arbitration_agreement(arb.process)
    version = latest_version(agreement)
    assert terms.version == version
    assert (agreement.kind, version.binding, version.number) == ("arbitration", "arbitration", 1)
    assert [s.question for s in terms.scope.all()] == QUESTIONS
    assert (terms.max_amount, terms.currency) == (10000, "CAD")
    assert "1. Is the invoice of 3 March payable?" in version.body
    assert "In total it may order at most 10,000.00 CAD." in version.body
    for side in arb.world.sides:
        assert f"- {side.label}: " in version.body
    assert terms_in_force(arb.process) is None  # not until every side signed


def test_every_side_signs_and_the_terms_are_in_force(arb):
    terms = draft_terms(arb)
    version = terms.version
    a, b = arb.parties
    sign(a, version)
    assert terms_in_force(arb.process) is None
    sign(b, version)
    assert terms_in_force(arb.process) == terms


def test_parties_may_settle_the_terms_before_the_arbitration_starts():
    world = make_world()
    a, b = world.principals
    proposed = cases.process_propose(actor=a, case=world.case, kind="arbitration")
    terms = services.terms_draft(
        actor=a,
        process=proposed,
        terms=services.TermsInput(
            scope=["Who owns the fence?"],
            rules="Written procedure.",
            deadlines={s.id: clock.now() + dt.timedelta(days=9) for s in world.sides},
            award_days=20,
        ),
        based_on=None,
    )
    assert (terms.version.number, terms.max_amount, terms.currency) == (1, None, "")
    assert "may order at most" not in terms.version.body
    for party in (a, b):
        sign(party, terms.version)
    assert terms_in_force(proposed) == terms
    # The mediator of the case takes no part in an arbitration's texts.
    with pytest.raises(Forbidden, match="do not take part"):
        services.terms_draft(
            actor=world.mediator,
            process=proposed,
            terms=services.TermsInput(scope=["x"], rules="r", deadlines={}, award_days=3),
            based_on=1,
        )


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"scope": [" ", ""]}, "scope", "List at least one question for the arbitrator to decide."),
        ({"scope": ["Same", "same"]}, "scope", "Each question should appear only once."),
        ({"rules": "  "}, "rules", None),
        (
            {"award_days": 0},
            "award_days",
            "Give the arbitrator between 1 and 365 days for the award.",
        ),
        ({"max_amount": "-5"}, "max_amount", "Enter an amount of zero or more."),
        ({"max_amount": "12.345"}, "max_amount", "Use at most two decimals."),
        ({"max_amount": "lots"}, "max_amount", "Enter an amount such as 2500 or 2500.50."),
        # 2500 in English, 2.5 in French: the API takes only the canonical form.
        ({"max_amount": "2,500"}, "max_amount", "Enter an amount such as 2500 or 2500.50."),
        ({"currency": "dollars"}, "currency", None),
        ({"days": -1}, "deadlines", None),
    ],
)
def test_bad_terms_change_nothing(arb, overrides, field, message):
    before = snapshot(arb)
    with pytest.raises(InvalidInput) as refused:
        draft_terms(arb, **overrides)
    assert refused.value.field == field
    if message:
        assert refused.value.message == message
    assert snapshot(arb) == before


def test_every_side_needs_a_deadline(arb):
    deadlines = {arb.world.sides[0].id: clock.now() + dt.timedelta(days=3)}
    before = snapshot(arb)
    with pytest.raises(InvalidInput, match="Set a deadline for Respondent"):
        draft_terms(arb, deadlines=deadlines)
    assert snapshot(arb) == before


def test_revised_terms_void_signatures_and_a_stale_revision_is_refused(arb):
    terms = draft_terms(arb)
    a, b = arb.parties
    first = sign(a, terms.version)
    revised = draft_terms(arb, by=b, based_on=1, award_days=14)
    first.refresh_from_db()
    assert first.voided_at is not None
    assert revised.version.number == 2
    before = snapshot(arb)
    with pytest.raises(Conflict, match="Version 2 of the arbitration agreement was saved"):
        draft_terms(arb, by=a, based_on=1)
    assert snapshot(arb) == before


def test_the_generic_revision_cannot_bypass_the_terms(arb):
    from accord.agreements.services import agreement_revise

    terms = draft_terms(arb)
    before = snapshot(arb)
    with pytest.raises(InvalidInput, match="changed through its terms"):
        agreement_revise(
            actor=arb.parties[0], agreement=terms.version.agreement, body="other", based_on=1
        )
    assert snapshot(arb) == before


# --- the record --------------------------------------------------------------------------------


def file(arb, who, **kwargs):
    values = {"kind": "statement", "title": "Our statement", "body": "We delivered on time."}
    values.update(kwargs)
    return services.submission_file(
        actor=who, process=arb.process, client_key=values.pop("key", "k1"), **values
    )


NOT_SIGNED = (
    "Every party must sign the arbitration agreement (the questions, rules and deadlines) "
    "before the arbitration starts: write its terms on the arbitration page and have every "
    "party sign them."
)


def test_the_arbitration_starts_only_once_every_party_signed_its_agreement(arb):
    """A consent click binds nobody to an award: the arbitration agreement does, signed."""
    a, b = arb.parties
    before = snapshot(arb)
    with pytest.raises(Forbidden) as raised:
        cases.process_start(actor=arb.arbitrator, process=arb.process)
    assert raised.value.message == NOT_SIGNED
    assert snapshot(arb) == before
    terms = draft_terms(arb)
    sign(a, terms.version)  # one side only
    before = snapshot(arb)
    with pytest.raises(Forbidden, match="Every party must sign the arbitration agreement"):
        cases.process_start(actor=arb.arbitrator, process=arb.process)
    assert snapshot(arb) == before
    assert start_blockers(arb.process) == [NOT_SIGNED]
    sign(b, terms.version)
    assert start_blockers(arb.process) == []
    started = cases.process_start(actor=arb.arbitrator, process=arb.process)
    assert started.status == "active"
    assert terms_in_force(started) == terms


def test_signatures_voided_by_a_revision_hold_the_start_back(arb):
    a, b = arb.parties
    terms = draft_terms(arb)
    sign(a, terms.version)
    sign(b, terms.version)
    assert start_blockers(arb.process) == []
    # Signed by everyone, the agreement can no longer change: a revision is refused...
    with pytest.raises(Conflict, match="Everyone has signed this agreement"):
        draft_terms(arb, by=a, based_on=1, award_days=9)
    # ...while a revision before the last signature voids the earlier ones.
    other = make_arbitration()
    first = draft_terms(other)
    sign(other.parties[0], first.version)
    draft_terms(other, by=other.parties[1], based_on=1, award_days=9)
    assert start_blockers(other.process) == [NOT_SIGNED]


def test_nothing_is_filed_before_the_terms_are_signed(arb):
    draft_terms(arb)
    before = snapshot(arb)
    with pytest.raises(Conflict, match="The arbitration has not started yet"):
        file(arb, arb.parties[0])
    assert snapshot(arb) == before


def test_a_side_files_statements_and_evidence_on_the_record(arb):
    agree_terms(arb)
    a = arb.parties[0]
    submission = file(arb, a, kind="evidence", uploads=[Upload("invoice.pdf", PDF)])
    assert (submission.side, submission.room.kind) == (arb.world.sides[0], "record")
    assert [(f.filename, f.content_type, f.size) for f in submission.files.all()] == [
        ("invoice.pdf", "application/pdf", len(PDF))
    ]
    assert file(arb, a) == submission  # a resend with the same key returns the first
    assert Submission.objects.count() == 1


def test_filing_after_the_side_deadline_is_refused_clearly(arb, monkeypatch):
    agree_terms(arb, days=2)
    later(monkeypatch, days=3)
    before = snapshot(arb)
    with pytest.raises(Conflict) as refused:
        file(arb, arb.parties[0])
    assert refused.value.field == "deadline"
    assert refused.value.message.startswith("The deadline for Applicant's submissions was ")
    assert refused.value.message.endswith(
        "UTC, so this cannot be filed. A deadline changes only if every side signs a revised "
        "arbitration agreement."
    )
    assert snapshot(arb) == before


def test_deadlines_are_per_side(arb, monkeypatch):
    now = clock.now()
    applicant, respondent = arb.world.sides
    agree_terms(
        arb,
        deadlines={
            applicant.id: now + dt.timedelta(days=1),
            respondent.id: now + dt.timedelta(days=5),
        },
    )
    later(monkeypatch, days=2)
    with pytest.raises(Conflict, match="Applicant's submissions"):
        file(arb, arb.parties[0])
    assert file(arb, arb.parties[1], key="r1").side == respondent


@pytest.mark.parametrize(
    ("kwargs", "field", "message"),
    [
        ({"title": " "}, "title", "Give the submission a title of 1 to 200 characters."),
        ({"body": "", "uploads": []}, "body", "Write the submission or attach a file."),
        ({"kind": "threat"}, "kind", "Choose statement, evidence or reply."),
        ({"uploads": [Upload("x.exe", b"MZ\x00\x01")]}, "files", None),
    ],
)
def test_bad_submissions_change_nothing(arb, kwargs, field, message):
    agree_terms(arb)
    before = snapshot(arb)
    with pytest.raises(InvalidInput) as refused:
        file(arb, arb.parties[0], **kwargs)
    assert refused.value.field == field
    if message:
        assert refused.value.message == message
    assert snapshot(arb) == before


def test_who_files(arb):
    agree_terms(arb)
    for who in (arb.arbitrator,):
        with pytest.raises(Forbidden, match="Only a party or their advocate files"):
            file(arb, who)
    support = join(arb.world.mediator, arb.world.case, Role.SUPPORT, arb.world.sides[0])
    with pytest.raises(Forbidden, match="Only a party or their advocate files"):
        file(arb, support)
    assert not Submission.objects.exists()


def test_a_side_that_closed_files_no_more(arb):
    agree_terms(arb)
    a = arb.parties[0]
    services.submissions_close(actor=a, process=arb.process)
    before = snapshot(arb)
    with pytest.raises(Conflict, match="nothing more to submit"):
        file(arb, a)
    with pytest.raises(Conflict, match="already said it has nothing more"):
        services.submissions_close(actor=a, process=arb.process)
    assert snapshot(arb) == before


def test_the_arbitrator_schedules_and_reschedules_a_hearing(arb):
    agree_terms(arb)
    when = clock.now() + dt.timedelta(days=10)
    first = services.hearing_schedule(
        actor=arb.arbitrator, process=arb.process, starts_at=when, link="https://meet.example/x"
    )
    again = services.hearing_schedule(
        actor=arb.arbitrator, process=arb.process, starts_at=when, link="https://meet.example/x"
    )
    assert again == first
    moved = services.hearing_schedule(
        actor=arb.arbitrator, process=arb.process, starts_at=when, place="Room 4, Court House"
    )
    assert moved.replaces == first
    with pytest.raises(Forbidden, match="Only the arbitrator schedules"):
        services.hearing_schedule(
            actor=arb.parties[0], process=arb.process, starts_at=when, place="Here"
        )
    with pytest.raises(InvalidInput, match="Give a place, a video link, or both"):
        services.hearing_schedule(actor=arb.arbitrator, process=arb.process, starts_at=when)
    with pytest.raises(InvalidInput, match="starting with https://"):
        services.hearing_schedule(
            actor=arb.arbitrator, process=arb.process, starts_at=when, link="javascript:x"
        )
    with pytest.raises(InvalidInput, match="in the future"):
        services.hearing_schedule(
            actor=arb.arbitrator,
            process=arb.process,
            starts_at=clock.now() - dt.timedelta(hours=1),
            place="Here",
        )
    assert Hearing.objects.count() == 2


# --- the award ---------------------------------------------------------------------------------


def test_the_arbitrator_drafts_privately_and_issues_a_binding_award(arb):
    terms = agree_terms(arb)
    close_all(arb)
    award = services.award_draft(
        actor=arb.arbitrator,
        process=arb.process,
        reasons="The invoice was **due**.",
        decisions=decisions_for(terms, {1: "2500"}),
    )
    assert (award.status, award.number) == ("draft", 1)
    # Only the arbitrator sees a draft.
    for party in arb.parties:
        with pytest.raises(NotFound):
            access_award(user=party.user, award_id=award.id)
    issued = services.award_issue(
        actor=arb.arbitrator,
        award=award,
        sha256=award.sha256,
        intent=True,
        step_up=totp(arb.arbitrator),
        ip_address="198.51.100.2",
        user_agent="UA",
    )
    arb.process.refresh_from_db()
    assert (issued.status, issued.method, issued.ip_address) == ("issued", "totp", "198.51.100.2")
    assert (arb.process.status, arb.process.outcome, arb.process.binding) == (
        "ended",
        "award",
        True,
    )
    checkpoint = AuditCheckpoint.objects.get(id=issued.checkpoint_id)
    assert checkpoint.reason == "award issued"
    assert access_award(user=arb.parties[0].user, award_id=award.id)[0] == issued
    events = list(
        AuditEvent.objects.filter(case_id=arb.world.case.id).values_list("action", flat=True)
    )
    assert events[-2:] == ["arbitration.award_issued", "process.ended"]
    assert verify_case(arb.world.case.id).ok


def test_an_award_outside_the_agreed_scope_is_refused(arb):
    terms = agree_terms(arb)
    other = make_arbitration()
    other_terms = agree_terms(other)
    stray = services.DecisionInput(
        scope_item_id=other_terms.scope.first().id, decision="Also: the fence moves."
    )
    before = snapshot(arb)
    with pytest.raises(InvalidInput) as refused:
        services.award_draft(
            actor=arb.arbitrator,
            process=arb.process,
            reasons="Reasons.",
            decisions=[*decisions_for(terms), stray],
        )
    assert refused.value.field == "decisions"
    assert refused.value.message == (
        "The award decides only the questions the sides submitted in the arbitration agreement: "
        "a decision on anything else is outside the agreed scope."
    )
    with pytest.raises(InvalidInput) as refused:
        services.award_draft(
            actor=arb.arbitrator,
            process=arb.process,
            reasons="Reasons.",
            decisions=decisions_for(terms, {1: "6000", 2: "4000.01"}),
        )
    assert refused.value.field == "amount_1"
    assert refused.value.message == (
        "The award orders 10,000.01 CAD in total, more than the 10,000.00 CAD the sides agreed "
        "the arbitrator may award. That is outside the agreed scope."
    )
    assert snapshot(arb) == before


def test_an_award_must_decide_every_question(arb):
    terms = agree_terms(arb)
    decisions = decisions_for(terms)[:1]
    with pytest.raises(InvalidInput) as refused:
        services.award_draft(
            actor=arb.arbitrator, process=arb.process, reasons="R.", decisions=decisions
        )
    assert (refused.value.field, refused.value.message) == (
        "decision_2",
        "Decide every question submitted; question 2 is not decided yet.",
    )
    with pytest.raises(InvalidInput, match="Give the reasons"):
        services.award_draft(
            actor=arb.arbitrator, process=arb.process, reasons=" ", decisions=decisions_for(terms)
        )
    assert not Award.objects.exists()


def test_only_the_arbitrator_writes_the_award(arb):
    terms = agree_terms(arb)
    with pytest.raises(Forbidden, match="Only the arbitrator decides"):
        services.award_draft(
            actor=arb.parties[0], process=arb.process, reasons="R.", decisions=decisions_for(terms)
        )
    assert not Award.objects.exists()


def test_no_award_while_a_side_can_still_file(arb):
    terms = agree_terms(arb)
    award = services.award_draft(
        actor=arb.arbitrator, process=arb.process, reasons="R.", decisions=decisions_for(terms)
    )
    services.submissions_close(actor=arb.parties[0], process=arb.process)
    before = snapshot(arb)
    with pytest.raises(Conflict) as refused:
        services.award_issue(
            actor=arb.arbitrator,
            award=award,
            sha256=award.sha256,
            intent=True,
            step_up=totp(arb.arbitrator),
        )
    assert refused.value.message == (
        "Every side must have its say first: Respondent can still file until the deadline, or "
        "until they say they have nothing more to submit."
    )
    assert snapshot(arb) == before


def test_the_award_can_be_issued_once_the_deadlines_passed(arb, monkeypatch):
    terms = agree_terms(arb, days=1)
    award = services.award_draft(
        actor=arb.arbitrator, process=arb.process, reasons="R.", decisions=decisions_for(terms)
    )
    later(monkeypatch, days=2)
    step_up = totp(arb.arbitrator)
    issued = services.award_issue(
        actor=arb.arbitrator, award=award, sha256=award.sha256, intent=True, step_up=step_up
    )
    assert issued.status == "issued"


def test_signing_the_award_needs_step_up_the_latest_draft_and_its_hash(arb):
    terms = agree_terms(arb)
    close_all(arb)
    first = services.award_draft(
        actor=arb.arbitrator, process=arb.process, reasons="R1.", decisions=decisions_for(terms)
    )
    same = services.award_draft(
        actor=arb.arbitrator, process=arb.process, reasons="R1.", decisions=decisions_for(terms)
    )
    assert same == first  # saving the same draft again changes nothing
    second = services.award_draft(
        actor=arb.arbitrator, process=arb.process, reasons="R2.", decisions=decisions_for(terms)
    )
    first.refresh_from_db()
    assert (first.status, second.number) == ("superseded", 2)
    before = snapshot(arb)
    issue = services.award_issue
    with pytest.raises(Conflict, match="replaced by a newer one"):
        issue(
            actor=arb.arbitrator,
            award=first,
            sha256=first.sha256,
            intent=True,
            step_up=totp(arb.arbitrator),
        )
    with pytest.raises(InvalidInput, match="not this draft's"):
        issue(
            actor=arb.arbitrator,
            award=second,
            sha256=first.sha256,
            intent=True,
            step_up=totp(arb.arbitrator),
        )
    with pytest.raises(InvalidInput, match="Tick the statement"):
        issue(
            actor=arb.arbitrator,
            award=second,
            sha256=second.sha256,
            intent=False,
            step_up=totp(arb.arbitrator),
        )
    with pytest.raises(InvalidInput) as refused:
        issue(
            actor=arb.arbitrator, award=second, sha256=second.sha256, intent=True, step_up=StepUp()
        )
    assert (refused.value.field, refused.value.message) == (
        "code",
        "Enter the 6-digit code from your authenticator app.",
    )
    with pytest.raises(InvalidInput) as refused:
        issue(
            actor=arb.arbitrator,
            award=second,
            sha256=second.sha256,
            intent=True,
            step_up=StepUp(code="000000"),
        )
    assert refused.value.field == "code"
    assert snapshot(arb) == before
    issue(
        actor=arb.arbitrator,
        award=second,
        sha256=second.sha256,
        intent=True,
        step_up=totp(arb.arbitrator),
    )
    with pytest.raises(Conflict):
        issue(
            actor=arb.arbitrator,
            award=second,
            sha256=second.sha256,
            intent=True,
            step_up=totp(arb.arbitrator),
        )
    assert Award.objects.filter(status="issued").count() == 1


def test_after_the_award_nothing_more_is_filed(arb):
    terms = agree_terms(arb)
    close_all(arb)
    award = services.award_draft(
        actor=arb.arbitrator, process=arb.process, reasons="R.", decisions=decisions_for(terms)
    )
    services.award_issue(
        actor=arb.arbitrator,
        award=award,
        sha256=award.sha256,
        intent=True,
        step_up=totp(arb.arbitrator),
    )
    with pytest.raises(Conflict, match="This arbitration has ended"):
        services.hearing_schedule(
            actor=arb.arbitrator,
            process=arb.process,
            starts_at=clock.now() + dt.timedelta(days=1),
            place="Here",
        )
    with pytest.raises(Conflict, match="This arbitration has ended"):
        services.award_draft(
            actor=arb.arbitrator, process=arb.process, reasons="R.", decisions=decisions_for(terms)
        )
