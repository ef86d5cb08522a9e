"""Drafting, comments and the signing ceremony, through the services.

Each refusal is checked for its wording and for having changed nothing: no row, no audit
event, no signature.
"""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django_otp.plugins.otp_totp.models import TOTPDevice

from accord.agreements import services
from accord.agreements.document import diff_lines, document_fields, sha256_of
from accord.agreements.models import (
    Agreement,
    AgreementVersion,
    Comment,
    Signature,
    SigningAuthority,
    SigningConsent,
)
from accord.agreements.selectors import (
    access_agreement,
    access_signed_document,
    access_version,
    signed_documents_for,
    signing_state,
)
from accord.agreements.services import StepUp
from accord.agreements.vocabulary import SignatureMethod
from accord.audit.models import AuditCheckpoint, AuditEvent
from accord.audit.services import checkpoint_statement
from accord.audit.signing import signature_is_valid
from accord.audit.verify import verify_case
from accord.cases import services as cases
from accord.cases.vocabulary import Role
from accord.core.errors import Conflict, Forbidden, InvalidInput, NotFound
from accord.realtime import publish
from tests.accounts.test_services import current_code, fresh
from tests.agreements.factories import TEXT, draft, latest, sign
from tests.cases.factories import appoint, join, make_world, with_two_factor
from tests.factories import make_user
from tests.rooms.factories import make_mediation, start_process

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()  # step-up failure counts live in the cache


def snapshot(case):
    """Everything an agreement service could change."""
    return {
        "events": AuditEvent.objects.filter(case_id=case.id).count(),
        "agreements": list(
            Agreement.objects.filter(process__case=case).values_list("id", "status")
        ),
        "versions": AgreementVersion.objects.filter(agreement__process__case=case).count(),
        "comments": Comment.objects.filter(version__agreement__process__case=case).count(),
        "consents": SigningConsent.objects.filter(agreement__process__case=case).count(),
        "authorities": list(
            SigningAuthority.objects.filter(version__agreement__process__case=case).values_list(
                "id", "revoked_at"
            )
        ),
        "signatures": list(
            Signature.objects.filter(version__agreement__process__case=case).values_list(
                "id", "voided_at"
            )
        ),
        "checkpoints": AuditCheckpoint.objects.filter(case_id=case.id).count(),
    }


def actions(case):
    return list(AuditEvent.objects.filter(case_id=case.id).values_list("action", flat=True))


@pytest.fixture
def m():
    return make_mediation(advocates=True)


# --- drafting ----------------------------------------------------------------------------------


def test_the_mediator_drafts_a_labelled_version_whose_hash_covers_the_text(m):
    agreement = draft(m.world.mediator, m.process)
    version = latest(agreement)
    assert (agreement.kind, agreement.status, version.number) == ("settlement", "drafting", 1)
    assert version.binding == "not_binding"
    assert version.sha256 == sha256_of(
        document_fields(
            case_id=str(m.world.case.id),
            process_id=str(m.process.id),
            agreement_id=str(agreement.id),
            kind="settlement",
            title="Parenting plan",
            number=1,
            binding="not_binding",
            body=TEXT,
        )
    )
    assert actions(m.world.case)[-2:] == ["agreement.started", "agreement.version_added"]
    # The audit log holds hashes, never the text.
    assert "weekends" not in str(AuditEvent.objects.filter(case_id=m.world.case.id).values())


def test_parties_and_advocates_draft_and_may_make_it_a_contract(m):
    a = m.world.principals[0]
    agreement = draft(a, m.process, contract=True)
    assert latest(agreement).binding == "contract"
    assert latest(draft(m.world.advocates[1], m.process)).author == m.world.advocates[1]


@pytest.mark.parametrize("who", ["support", "expert", "arbitrator", "stranger_mediator"])
def test_who_may_not_draft(m, who):
    world = m.world
    if who == "support":
        actor = join(world.mediator, world.case, Role.SUPPORT, world.sides[0])
        # A late joiner takes part once they accept the confidentiality terms.
        cases.process_accept_confidentiality(actor=actor, process=m.process)
        message = "Your role cannot draft the text of this process's agreements."
        error = Forbidden
    elif who == "expert":
        actor = appoint(world.mediator, world.case, Role.EXPERT)
        cases.process_accept_confidentiality(actor=actor, process=m.process)
        message = "Your role cannot draft the text of this process's agreements."
        error = Forbidden
    elif who == "arbitrator":
        actor = appoint(world.mediator, world.case, Role.ARBITRATOR)
        message = "You do not take part in this process's agreements."
        error = Forbidden
    else:
        actor = make_mediation().world.mediator  # another case's mediator
        message = "You do not take part in this process's agreements."
        error = Forbidden
    before = snapshot(world.case)
    with pytest.raises(error) as refused:
        draft(actor, m.process)
    assert refused.value.message == message
    assert snapshot(world.case) == before


@pytest.mark.parametrize(
    ("title", "body", "field", "message"),
    [
        ("  ", TEXT, "title", "Give the agreement a title of 1 to 200 characters."),
        ("x" * 201, TEXT, "title", "Give the agreement a title of 1 to 200 characters."),
        ("Plan", " \n ", "body", "Write the text of the agreement."),
        ("Plan", "x" * 50_001, "body", "Keep the text under 50,000 characters."),
        ("Plan", "a\x00b", "body", "The text contains a character that cannot be stored."),
    ],
)
def test_bad_drafts_change_nothing(m, title, body, field, message):
    before = snapshot(m.world.case)
    with pytest.raises(InvalidInput) as refused:
        draft(m.world.mediator, m.process, title=title, body=body)
    assert (refused.value.field, refused.value.message) == (field, message)
    assert snapshot(m.world.case) == before


def test_a_double_submit_creates_one_agreement(m):
    kwargs = {"process": m.process, "title": "Plan", "body": TEXT, "client_key": "same-key"}
    first = services.agreement_create(actor=m.world.mediator, **kwargs)
    events = snapshot(m.world.case)
    again = services.agreement_create(actor=m.world.mediator, **kwargs)
    assert again == first
    assert snapshot(m.world.case) == events


def test_no_drafting_before_the_start_or_after_the_end():
    world = make_world()
    proposed = cases.process_propose(actor=world.principals[0], case=world.case, kind="mediation")
    cases.process_accept_confidentiality(actor=world.mediator, process=proposed)
    with pytest.raises(Conflict, match="has not started yet"):
        draft(world.mediator, proposed)
    m = make_mediation()
    agreement = draft(m.world.mediator, m.process)
    cases.process_declare_impasse(actor=m.world.mediator, process=m.process)
    before = snapshot(m.world.case)
    with pytest.raises(Conflict, match="This process has ended"):
        services.agreement_revise(
            actor=m.world.mediator, agreement=agreement, body="new", based_on=1
        )
    assert snapshot(m.world.case) == before


def test_a_new_version_voids_earlier_signatures(m):
    a, b = m.world.principals
    agreement = draft(m.world.mediator, m.process)
    v1 = latest(agreement)
    signature = sign(a, v1)
    v2 = services.agreement_revise(
        actor=b, agreement=agreement, body=TEXT + "\n\nHolidays alternate.", based_on=1
    )
    signature.refresh_from_db()
    assert v2.number == 2 and v2.sha256 != v1.sha256
    assert signature.voided_at is not None
    assert actions(m.world.case)[-2:] == ["agreement.version_added", "agreement.signature_voided"]
    assert signing_state(v2).signed == {}


def test_revising_from_a_stale_version_keeps_nothing_and_says_why(m):
    a, b = m.world.principals
    agreement = draft(m.world.mediator, m.process)
    services.agreement_revise(actor=a, agreement=agreement, body="A's text", based_on=1)
    before = snapshot(m.world.case)
    with pytest.raises(Conflict) as refused:
        services.agreement_revise(actor=b, agreement=agreement, body="B's text", based_on=1)
    assert refused.value.field == "body"
    assert refused.value.message.startswith("Version 2 was saved while you were writing.")
    assert snapshot(m.world.case) == before


def test_saving_the_same_text_again_does_nothing(m):
    agreement = draft(m.world.mediator, m.process)
    before = snapshot(m.world.case)
    same = services.agreement_revise(
        actor=m.world.mediator, agreement=agreement, body=TEXT + "\r\n", based_on=1
    )
    assert same.number == 1
    assert snapshot(m.world.case) == before


def test_diff_between_versions_names_each_change():
    lines = diff_lines("a\nb\nc", "a\nB\nc\nd")
    assert [(line.change, line.old_number, line.new_number, line.text) for line in lines] == [
        ("same", 1, 1, "a"),
        ("removed", 2, None, "b"),
        ("added", None, 2, "B"),
        ("same", 3, 3, "c"),
        ("added", None, 4, "d"),
    ]


def test_comments_are_idempotent_and_observers_stay_silent():
    m = make_mediation()
    a = m.world.principals[0]
    version = latest(draft(m.world.mediator, m.process))
    comment = services.comment_add(actor=a, version=version, body=" Fine by me ", client_key="c1")
    assert comment.body == "Fine by me"
    again = services.comment_add(actor=a, version=version, body="Fine by me", client_key="c1")
    assert again == comment
    with pytest.raises(Conflict, match="already used for another comment"):
        services.comment_add(actor=a, version=version, body="Other", client_key="c1")
    with pytest.raises(InvalidInput, match="Write your comment"):
        services.comment_add(actor=a, version=version, body="  ", client_key="c2")
    assert Comment.objects.count() == 1


# --- signing -----------------------------------------------------------------------------------


def test_everyone_signs_and_a_checkpoint_is_taken(m):
    a, b = m.world.principals
    agreement = draft(m.world.mediator, m.process)
    version = latest(agreement)
    first = sign(a, version)
    agreement.refresh_from_db()
    assert agreement.status == "drafting"  # one of two parties signed
    assert (first.method, first.ip_address, first.user_agent, first.sha256) == (
        "password",
        "203.0.113.7",
        "Mozilla/5.0 (test)",
        version.sha256,
    )
    assert first.consent.text_version == "esign-consent-v1"
    sign(b, version)
    agreement.refresh_from_db()
    assert (agreement.status, agreement.final_version) == ("signed", version)
    checkpoint = AuditCheckpoint.objects.get(id=agreement.checkpoint_id)
    assert checkpoint.reason == "agreement signed"
    assert signature_is_valid(
        checkpoint_statement(checkpoint), checkpoint.signature, checkpoint.key_id
    )
    # The checkpoint covers every event up to the completion.
    assert checkpoint.tree_size == AuditEvent.objects.filter(case_id=m.world.case.id).count()
    assert actions(m.world.case)[-2:] == ["agreement.signed", "agreement.completed"]
    assert verify_case(m.world.case.id).ok


def test_signing_a_stale_version_is_refused(m):
    a = m.world.principals[0]
    agreement = draft(m.world.mediator, m.process)
    v1 = latest(agreement)
    services.agreement_revise(actor=a, agreement=agreement, body="changed", based_on=1)
    before = snapshot(m.world.case)
    with pytest.raises(Conflict) as refused:
        sign(a, v1)
    assert refused.value.message == (
        "This is not the latest version: version 2 replaced it. Read the latest version "
        "before signing."
    )
    assert snapshot(m.world.case) == before


def test_signing_twice_is_refused(m):
    a = m.world.principals[0]
    version = latest(draft(m.world.mediator, m.process))
    sign(a, version)
    before = snapshot(m.world.case)
    with pytest.raises(Conflict, match=r"^You have already signed this version\.$"):
        sign(a, version)
    assert snapshot(m.world.case) == before


@pytest.mark.parametrize(
    ("password", "field", "message"),
    [
        ("", "password", "Enter your password to sign."),
        ("wrong password", "password", "That password is not right."),
    ],
)
def test_signing_without_step_up_is_refused(m, password, field, message):
    a = m.world.principals[0]
    version = latest(draft(m.world.mediator, m.process))
    before = snapshot(m.world.case)
    with pytest.raises(InvalidInput) as refused:
        sign(a, version, password=password)
    assert (refused.value.field, refused.value.message) == (field, message)
    assert snapshot(m.world.case) == before


def test_step_up_locks_after_five_wrong_answers(m):
    a = m.world.principals[0]
    version = latest(draft(m.world.mediator, m.process))
    for _ in range(5):
        with pytest.raises(InvalidInput):
            sign(a, version, password="wrong")
    before = snapshot(m.world.case)
    with pytest.raises(Forbidden, match="Too many wrong attempts"):
        sign(a, version)  # even the right password, for now
    assert snapshot(m.world.case) == before


def test_a_person_with_two_factor_confirms_with_a_code_not_a_password():
    m = make_mediation()
    a = m.world.principals[0]
    with_two_factor(a.user)
    version = latest(draft(m.world.mediator, m.process))
    with pytest.raises(InvalidInput) as refused:
        sign(a, version)  # a password is not enough for them
    assert (refused.value.field, refused.value.message) == (
        "code",
        "Enter the 6-digit code from your authenticator app.",
    )
    with pytest.raises(InvalidInput) as refused:
        sign(a, version, step_up=StepUp(code="000000"))
    assert refused.value.field == "code"
    device = fresh(TOTPDevice.objects.get(user=a.user))
    signature = sign(a, version, step_up=StepUp(code=current_code(device)))
    assert signature.method == SignatureMethod.TOTP


def test_someone_without_any_way_to_step_up_is_told_how():
    m = make_mediation()
    a = m.world.principals[0]
    a.user.set_unusable_password()
    a.user.save()
    version = latest(draft(m.world.mediator, m.process))
    with pytest.raises(Forbidden, match="Set a password, or turn on two-factor"):
        sign(a, version)
    assert not Signature.objects.exists()


@pytest.mark.parametrize(
    ("extra", "field", "message"),
    [
        (
            {"sha256": "0" * 64},
            "sha256",
            "The fingerprint you confirmed is not this version's. Reload the page and read the "
            "text again before signing.",
        ),
        (
            {"consent": False},
            "consent",
            "Agree to sign electronically, or ask for a paper copy to sign instead.",
        ),
        (
            {"intent": False},
            "intent",
            "Tick the statement to confirm that you are signing this version.",
        ),
    ],
)
def test_the_ceremony_needs_the_hash_consent_and_intent(m, extra, field, message):
    a = m.world.principals[0]
    version = latest(draft(m.world.mediator, m.process))
    before = snapshot(m.world.case)
    with pytest.raises(InvalidInput) as refused:
        sign(a, version, **extra)
    assert (refused.value.field, refused.value.message) == (field, message)
    assert snapshot(m.world.case) == before


def test_consent_is_recorded_once_per_agreement(m):
    a = m.world.principals[0]
    agreement = draft(m.world.mediator, m.process)
    sign(a, latest(agreement))
    services.agreement_revise(actor=a, agreement=agreement, body="v2", based_on=1)
    second = sign(a, latest(agreement), consent=False)  # already consented to this agreement
    assert SigningConsent.objects.filter(agreement=agreement).count() == 1
    assert second.consent.participant == a


def test_neutrals_and_support_persons_do_not_sign(m):
    version = latest(draft(m.world.mediator, m.process))
    support = join(m.world.mediator, m.world.case, Role.SUPPORT, m.world.sides[0])
    cases.process_accept_confidentiality(actor=support, process=m.process)
    for who in (m.world.mediator, support):
        with pytest.raises(Forbidden, match="Only the parties sign an agreement"):
            sign(who, version)
    assert not Signature.objects.exists()


def test_an_advocate_signs_for_a_client_only_with_recorded_authority(m):
    a = m.world.principals[0]
    lawyer_a, lawyer_b = m.world.advocates
    agreement = draft(m.world.mediator, m.process)
    version = latest(agreement)
    before = snapshot(m.world.case)
    with pytest.raises(Forbidden) as refused:
        sign(lawyer_a, version, principal=a)
    assert refused.value.message == (
        f"{a.user.display_name} has not recorded that you may sign this version for them."
    )
    with pytest.raises(Forbidden, match="You can sign only for yourself"):
        sign(lawyer_b, version, principal=a)
    assert snapshot(m.world.case) == before
    with pytest.raises(InvalidInput, match="Choose a current advocate of your own side"):
        services.signing_authority_grant(actor=a, version=version, advocate=lawyer_b)
    authority = services.signing_authority_grant(actor=a, version=version, advocate=lawyer_a)
    assert services.signing_authority_grant(actor=a, version=version, advocate=lawyer_a) == (
        authority
    )
    signature = sign(lawyer_a, version, principal=a)
    assert (signature.principal, signature.signer, signature.authority) == (a, lawyer_a, authority)
    with pytest.raises(Conflict, match="already signed with this permission"):
        services.signing_authority_revoke(actor=a, version=version, advocate=lawyer_a)
    with pytest.raises(Conflict, match=f"^{a.user.display_name} has already signed"):
        sign(lawyer_a, version, principal=a)
    with pytest.raises(Conflict, match=r"^You have already signed this version\.$"):
        sign(a, version)


def test_authority_is_for_one_version_and_can_be_taken_back(m):
    a = m.world.principals[0]
    lawyer = m.world.advocates[0]
    agreement = draft(m.world.mediator, m.process)
    v1 = latest(agreement)
    services.signing_authority_grant(actor=a, version=v1, advocate=lawyer)
    v2 = services.agreement_revise(actor=a, agreement=agreement, body="v2", based_on=1)
    with pytest.raises(Forbidden, match="has not recorded that you may sign"):
        sign(lawyer, v2, principal=a)
    services.signing_authority_grant(actor=a, version=v2, advocate=lawyer)
    revoked = services.signing_authority_revoke(actor=a, version=v2, advocate=lawyer)
    assert revoked.revoked_at is not None
    with pytest.raises(Forbidden, match="has not recorded that you may sign"):
        sign(lawyer, v2, principal=a)
    with pytest.raises(Conflict, match="no open permission"):
        services.signing_authority_revoke(actor=a, version=v2, advocate=lawyer)


def test_signing_completes_only_when_every_party_of_every_side_signed():
    world = make_world(sides=3)
    process = start_process(world)
    extra = join(world.mediator, world.case, Role.PRINCIPAL, world.sides[0])
    cases.process_accept_confidentiality(actor=extra, process=process)
    version = latest(draft(world.mediator, process))
    for person in world.principals:
        sign(person, version)
    agreement = version.agreement
    agreement.refresh_from_db()
    assert agreement.status == "drafting"
    assert signing_state(version).missing == [extra]
    sign(extra, version)
    agreement.refresh_from_db()
    assert agreement.status == "signed"


def test_nothing_changes_once_everyone_signed(m):
    a, b = m.world.principals
    agreement = draft(m.world.mediator, m.process)
    version = latest(agreement)
    sign(a, version)
    sign(b, version)
    before = snapshot(m.world.case)
    with pytest.raises(Conflict, match="can no longer change"):
        services.agreement_revise(actor=a, agreement=agreement, body="more", based_on=1)
    with pytest.raises(Conflict, match="Everyone has already signed"):
        sign(m.world.advocates[0], version, principal=a)
    with pytest.raises(Conflict, match="comments are closed"):
        services.comment_add(actor=a, version=version, body="late", client_key="late")
    assert snapshot(m.world.case) == before


# --- who sees what --------------------------------------------------------------------------


def test_strangers_and_the_arbitrator_get_the_same_not_found(m):
    agreement = draft(m.world.mediator, m.process)
    version = latest(agreement)
    arbitrator = appoint(m.world.mediator, m.world.case, Role.ARBITRATOR)
    for user in (make_user(), arbitrator.user):
        for call, key in ((access_agreement, "agreement_id"), (access_version, "version_id")):
            obj_id = agreement.id if key == "agreement_id" else version.id
            with pytest.raises(NotFound) as hidden:
                call(user=user, **{key: obj_id})
            assert hidden.value.message == ""
    with pytest.raises(NotFound):
        access_agreement(user=m.world.principals[0].user, agreement_id="not-a-uuid")


def test_a_party_who_withdrew_keeps_only_the_agreements_they_signed():
    m = make_mediation(sides=3)
    a, b, c = m.world.principals
    signed = draft(m.world.mediator, m.process, title="Signed")
    version = latest(signed)
    for person in (a, b, c):
        sign(person, version)
    unsigned = draft(m.world.mediator, m.process, title="Draft")
    cases.process_withdraw(actor=c, process=m.process)
    # C no longer sees the process's agreements...
    for agreement in (signed, unsigned):
        with pytest.raises(NotFound):
            access_agreement(user=c.user, agreement_id=agreement.id)
    with pytest.raises(NotFound):
        access_signed_document(user=c.user, agreement_id=unsigned.id)
    # ...except the signed document they signed, and it is listed for them.
    agreement, viewer = access_signed_document(user=c.user, agreement_id=signed.id)
    assert (agreement, viewer) == (signed, c)
    assert [row[0] for row in signed_documents_for(user=c.user)] == [signed]
    # A stranger still gets nothing.
    with pytest.raises(NotFound):
        access_signed_document(user=make_user(), agreement_id=signed.id)


def test_a_party_removed_from_the_case_keeps_their_signed_document(m):
    a, b = m.world.principals
    agreement = draft(m.world.mediator, m.process)
    version = latest(agreement)
    sign(a, version)
    sign(b, version)
    cases.participant_remove(actor=m.world.mediator, participant=b)
    assert access_signed_document(user=b.user, agreement_id=agreement.id)[0] == agreement


def test_a_client_whose_advocate_signed_keeps_the_document_too(m):
    a, b = m.world.principals
    lawyer = m.world.advocates[0]
    agreement = draft(m.world.mediator, m.process)
    version = latest(agreement)
    services.signing_authority_grant(actor=a, version=version, advocate=lawyer)
    sign(lawyer, version, principal=a)
    sign(b, version)
    cases.participant_remove(actor=m.world.mediator, participant=lawyer)
    cases.participant_remove(actor=m.world.mediator, participant=a)
    assert access_signed_document(user=a.user, agreement_id=agreement.id)[1] == a
    assert access_signed_document(user=lawyer.user, agreement_id=agreement.id)[1] == lawyer


def test_changes_are_announced_after_commit_to_the_audience_only(
    m, monkeypatch, django_capture_on_commit_callbacks
):
    sent = []
    monkeypatch.setattr(publish, "publish_now", lambda group, event: sent.append((group, event)))
    arbitrator = appoint(m.world.mediator, m.world.case, Role.ARBITRATOR)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        agreement = draft(m.world.mediator, m.process)
    assert sent == []  # nothing before the commit
    for callback in callbacks:
        callback()
    audience = {m.world.mediator, *m.world.principals, *m.world.advocates}
    assert {group for group, _event in sent} == {f"user.{p.user_id}" for p in audience}
    assert f"user.{arbitrator.user_id}" not in {group for group, _event in sent}
    assert {event["data"]["kind"] for _group, event in sent} == {"agreement.version"}
    assert all(event["data"]["agreement"] == str(agreement.id) for _g, event in sent)
    assert "weekends" not in str(sent)  # ids only, never the text
