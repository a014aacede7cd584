"""Every sentence true for the case: the rule cited, the papers a court allows, service, signers."""

from __future__ import annotations

import pytest
from conftest import EXAMPLES, write

from assembler import check, load_matter, text_view
from assembler.errors import OutputError
from assembler.papers import registry
from assembler.papers.render import write_drafts


def _drafts(path, tmp_path, documents=None, **kwargs) -> dict[str, str]:
    report = check(path, documents, **kwargs)
    assert report.ok, report.problems
    assert report.matter is not None
    paths = write_drafts(tmp_path / "out", report.drafts, force=True)
    return {p.stem: text_view(p, line_break=" ") for p in paths}


def test_a_59e_response_is_denied_under_59e_not_the_local_rule(tmp_path):
    views = _drafts(EXAMPLES / "rule-59e-judgment.yaml", tmp_path, ["response"], explicit=True, unordered=True)
    response = views["response"]
    assert "should be denied under Fed. R. Civ. P. 59(e)" in response
    assert "LRCiv 7.2(g)" not in response


def test_library_texts_name_a_judgment_a_judgment(tmp_path):
    response = _drafts(EXAMPLES / "rule-59e-judgment.yaml", tmp_path, ["response"], explicit=True, unordered=True)[
        "response"
    ]
    assert "Judgment was entered" in response and "Order was entered" not in response


def test_the_orders_legal_standard_is_the_courts_not_the_movants(tmp_path):
    """edtex-sherman's judge writes a Legal Standard section; the movant states its own standard
    (motion.standard), which the motion prints and the orders do not."""
    matter = load_matter(EXAMPLES / "edtex-sherman.yaml")
    mine = "A court may revise an interlocutory order “at any time” before judgment."
    assert matter.answers.motion.standard is not None and mine in matter.answers.motion.standard
    views = _drafts(EXAMPLES / "edtex-sherman.yaml", tmp_path, ["motion", "order-granting"], explicit=True)
    assert mine in views["motion"]
    assert "[Heading 1] Legal Standard" in views["order-granting"] and mine not in views["order-granting"]


# -- papers the court allows --------------------------------------------------------------------


def test_dnj_drafts_no_reply_without_leave_and_says_why(tmp_path):
    matter = load_matter(EXAMPLES / "doe-defendant-njd.yaml")
    chosen, note = registry.allowed(matter, registry.default_ids(), explicit=False)
    assert "reply" not in chosen and "response" in chosen
    assert note is not None and "L. Civ. R. 7.1(d)(3)" in note and "reply-leave" in note
    with pytest.raises(OutputError, match="only with the court's leave"):
        registry.allowed(matter, ["reply"], explicit=True)


def test_dnj_drafts_the_reply_once_the_docket_shows_leave(tmp_path):
    report = check(_njd_with_leave(tmp_path))
    assert report.ok, report.problems
    assert "reply" in report.documents and report.notes == []


@pytest.mark.parametrize(
    ("court", "number", "says"),
    [
        ("cand", "3:24-cv-01234-ABC", "no longer reaches it"),  # Civil L.R. 7-9(a): before judgment
        ("nysd", "1:24-cv-01234", "is not verified for the Southern District of New York"),
        ("njd", "2:24-cv-01234-ABC-DEF", None),  # L. Civ. R. 7.1(i): "order or judgment"
    ],
)
def test_the_post_judgment_warning_follows_what_the_local_rule_reaches(tmp_path, court, number, says):
    text = (EXAMPLES / "rule-59e-judgment.yaml").read_text(encoding="utf-8")
    base = write(tmp_path, "base.yaml", text)
    case = write(
        tmp_path,
        "case.yaml",
        f"extends: base.yaml\ncourt: {court}\ncase:\n  number: {number}\nmotion:\n  rule: local\n"
        "grounds:\n  - id: manifest-error\n    fills: {error: it misread the rule}\n"
        "opposition:\n  - id: repeats-arguments\n",
    )
    assert base.exists()
    report = check(case, draft=False)
    warnings = [str(w) for w in report.warnings if w.field == "motion.rule" and "reach" in w.message]
    if says is None:
        assert warnings == []
    else:
        assert len(warnings) == 1 and says in warnings[0]


# -- service and signatures ---------------------------------------------------------------------


def test_counsel_serving_a_pro_se_party_certifies_mail_service_on_it(tmp_path):
    """CM/ECF reaches registered users only (Fed. R. Civ. P. 5(b)(2)(E)): the opponent's response
    to a pro se movant certifies mailing it to him, by name and address."""
    views = _drafts(EXAMPLES / "pro-se-defendant.yaml", tmp_path, ["response"], explicit=True, unordered=True)
    matter = load_matter(EXAMPLES / "pro-se-defendant.yaml")
    assert matter.answers.counsel.movant is not None and matter.answers.counsel.movant.pro_se
    movant = matter.answers.counsel.movant.attorneys[0]
    response = views["response"]
    assert "CM/ECF System" in response
    assert (
        "served the attached document by first-class mail, postage prepaid, on the following "
        "party, who is not a registered CM/ECF user:"
    ) in response
    assert movant.name in response.split("not a registered CM/ECF user:")[1]
    assert movant.address[0] in response.split("not a registered CM/ECF user:")[1]


def test_a_signer_without_an_email_address_is_warned_of_rule_11a():
    report = check(EXAMPLES / "pro-se-defendant.yaml", draft=False)
    warned = [w for w in report.warnings if "11(a)" in w.message]
    assert len(warned) == 1 and warned[0].field == "counsel.movant.attorneys.0.email"
    assert not [w for w in check(EXAMPLES / "cp-productions.yaml", draft=False).warnings if "11(a)" in w.message]


# -- never more than the motion asks --------------------------------------------------------------


def test_the_order_granting_vacates_no_more_than_the_motions_scope(tmp_path):
    order = _drafts(EXAMPLES / "acme-nysd.yaml", tmp_path, ["order-granting"], explicit=True)["order-granting"]
    assert "is VACATED insofar as it binds Acme Broadband." in order
    assert "is VACATED." not in order


def test_a_grant_that_vacates_nothing_says_the_order_stands(tmp_path):
    order = _drafts(EXAMPLES / "grant-without-vacatur.yaml", tmp_path, ["order-granting"], explicit=True)[
        "order-granting"
    ]
    assert "VACATED" not in order and "MODIFIED" not in order
    assert "is GRANTED." in order and "The Order remains in effect." in order
    assert "Defendant may file an opposition to the motion at Docket 6 by July 29, 2024" in order


def test_a_grant_that_vacates_nothing_must_say_what_it_does(tmp_path):
    text = (EXAMPLES / "grant-without-vacatur.yaml").read_text(encoding="utf-8")
    case = write(tmp_path, "case.yaml", text.split("    ordered:")[0] + "    ordered: []\n")
    (tmp_path / "doe-defendant.yaml").write_text(
        (EXAMPLES / "doe-defendant.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    report = check(case, draft=False)
    assert any("vacates: false needs ordered" in p for p in report.problems), report.problems


def test_an_order_granting_leave_decides_nothing_of_the_motion(tmp_path):
    order = _drafts(EXAMPLES / "doe-defendant-cand.yaml", tmp_path, ["order-granting"], explicit=True)["order-granting"]
    assert "MOTION FOR LEAVE TO FILE A MOTION" in order
    assert "VACATED" not in order and "QUASHED" not in order and "vacates" not in order


def test_a_magistrate_judge_vacates_a_district_judges_order_only_on_consent(tmp_path):
    text = (EXAMPLES / "magistrate-other-judge.yaml").read_text(encoding="utf-8")
    assert "  consent: true" in text
    order = _drafts(EXAMPLES / "magistrate-other-judge.yaml", tmp_path, ["order-granting"], explicit=True)[
        "order-granting"
    ]
    assert "The parties have consented to a United States Magistrate Judge" in order
    assert "28 U.S.C. § 636(c)(1)" in order
    case = write(
        tmp_path, "case.yaml", "\n".join(line for line in text.splitlines() if not line.startswith("  consent:")) + "\n"
    )
    report = check(case, draft=False)
    assert any("28 U.S.C. § 636(c)(1)" in p and "case.consent" in p for p in report.problems)


@pytest.mark.parametrize(
    ("example", "warned"),
    [
        ("doe-defendant-cand", True),  # Civil L.R. 7-9(b) lists its grounds: manifest error is not one
        ("doe-defendant", False),  # LRCiv 7.2(g)(1) names manifest error
    ],
)
def test_a_library_ground_the_courts_rule_does_not_name_is_a_warning(example, warned):
    report = check(EXAMPLES / f"{example}.yaml", draft=False)
    found = [w for w in report.warnings if w.field == "grounds.0.id" and "manifest-error" in w.message]
    assert bool(found) is warned
    if warned:
        assert "Civil L.R. 7-9(b)" in found[0].message


# -- what only the user knows -------------------------------------------------------------------


def test_a_library_ground_names_the_error_the_user_gives_and_is_refused_without_it(tmp_path):
    motion = _drafts(EXAMPLES / "doe-defendant.yaml", tmp_path, ["motion"], explicit=True)["motion"]
    assert (
        "rests on such an error, because Example Films made no showing that the subpoena was the "
        "only means of identifying the defendant, and Defendant respectfully asks"
    ) in motion
    text = (EXAMPLES / "doe-defendant.yaml").read_text(encoding="utf-8")
    blank = (
        "\n".join(line for line in text.splitlines() if "fills:" not in line and not line.startswith("      error:"))
        + "\n"
    )
    report = check(write(tmp_path, "case.yaml", blank), draft=False)
    assert any("grounds.0.id" in p and "fills.error: the error the order rests on" in p for p in report.problems), (
        report.problems
    )


def test_a_preservation_order_that_also_compels_production_is_not_said_to_compel_nothing(tmp_path):
    """acme-nysd's order directs Acme Broadband to preserve and produce: no library text says it
    requires nothing to be produced, and the standing argument says what the order asks."""
    response = _drafts(EXAMPLES / "acme-nysd.yaml", tmp_path, ["response"], explicit=True)["response"]
    assert "does not require Acme Broadband to produce anything" not in response
    assert "asks of Acme Broadband only that it preserve and produce the names and addresses" in response


# -- statements of law (issue #19, part 5) -------------------------------------------------------


def test_the_new_york_standard_is_the_2024_rule_and_the_second_circuits(tmp_path):
    """Local Civil Rule 6.3 (eff. July 1, 2024) speaks of what "the moving party believes the court
    has overlooked" (the old text said "counsel"); Shrader states the Second Circuit's standard."""
    motion = _drafts(EXAMPLES / "acme-nysd.yaml", tmp_path, ["motion"], explicit=True)["motion"]
    assert "which the moving party believes the Court has overlooked" in motion
    assert "which counsel believes" not in motion
    assert "no party is to file an affidavit unless directed by the Court" in motion
    assert (
        "“reconsideration will generally be denied unless the moving party can point to controlling "
        "decisions or data that the court overlooked—matters, in other words, that might reasonably "
        "be expected to alter the conclusion reached by the court.” *Shrader v. CSX Transp., Inc.*, "
        "70 F.3d 255, 257 (2d Cir. 1995)."
    ) in motion


def test_a_dc_motion_states_the_dc_circuits_as_justice_requires(tmp_path):
    base = write(tmp_path, "base.yaml", (EXAMPLES / "doe-defendant.yaml").read_text(encoding="utf-8"))
    case = write(tmp_path, "case.yaml", "extends: base.yaml\ncourt: dcd\ncase:\n  number: 1:24-cv-01234\n")
    assert base.exists()
    motion = _drafts(case, tmp_path, ["motion"], explicit=True)["motion"]
    assert (
        "relief from an interlocutory order under Rule 54(b) is available “as justice requires.” "
        "*Capitol Sprinkler Inspection, Inc. v. Guest Servs., Inc.*, 630 F.3d 217, 227 (D.C. Cir. 2011)."
    ) in motion


def test_rule_65d2_is_quoted_in_its_own_words(tmp_path):
    """The rule makes actual notice a condition for every class it binds, and binds a non-party
    only in active concert with a party; the old paraphrase attached notice to the last class only,
    under a heading that made service the test."""
    motion = _drafts(EXAMPLES / "acme-nysd.yaml", tmp_path, ["motion"], explicit=True)["motion"]
    assert (
        "“binds only the following who receive actual notice of it by personal service or otherwise: "
        "(A) the parties; (B) the parties’ officers, agents, servants, employees, and attorneys; and "
        "(C) other persons who are in active concert or participation with anyone described in Rule "
        "65(d)(2)(A) or (B).” Fed. R. Civ. P. 65(d)(2)."
    ) in motion
    assert "Never Served" not in motion


def test_premature_discovery_argues_no_named_defendant_when_the_subpoena_finds_the_doe(tmp_path):
    motion = _drafts(EXAMPLES / "doe-defendant.yaml", tmp_path, ["motion"], explicit=True)["motion"]
    assert "Discovery before that conference is an exception to the rule’s ordinary sequence" in motion
    assert "named defendant" not in motion and "serve the complaint" not in motion


# -- rules the research could not verify are unknown, and check says so --------------------------


@pytest.mark.parametrize(
    ("court", "fact"),
    [
        ("wawd", "reconsideration.response_only_if_ordered"),  # LCR 7(h)(3): its words not found
        ("wawd", "reconsideration.grant_only_if_response"),
        ("azd", "reconsideration.grant_only_if_response"),  # LRCiv 7.2(g)(2): quoted with an ellipsis
        ("azd", "reconsideration.page_limit"),  # LRCiv 7.2(e): 17 pages for the response only verified
        ("mad", "reconsideration.reply_only_with_leave"),  # LR 7.1(b)(3): its words not found
        ("casd", "reconsideration.standard"),  # CivLR 7.1(i)(1): its words not found
    ],
)
def test_check_names_each_rule_the_research_could_not_verify(tmp_path, court, fact):
    numbers = {"wawd": "2:24-cv-01234", "azd": "2:24-cv-01234-PHX-ABC", "mad": "1:24-cv-01234"}
    numbers["casd"] = "3:24-cv-01234"
    base = write(tmp_path, "base.yaml", (EXAMPLES / "doe-defendant.yaml").read_text(encoding="utf-8"))
    case = write(tmp_path, "case.yaml", f"extends: base.yaml\ncourt: {court}\ncase:\n  number: {numbers[court]}\n")
    assert base.exists()
    report = check(case, draft=False)
    unknown = [str(w) for w in report.warnings if "not verified for the" in w.message]
    assert len(unknown) == 1 and fact in unknown[0]


def test_a_court_that_grants_only_after_a_response_gets_no_unordered_order_granting():
    """Where a rule allows no grant unless the court has called for a response (the shape believed
    for LRCiv 7.2(g)(2) and LCR 7(h)(3), not verified), the order granting waits for that entry."""
    import dataclasses

    from assembler.law.courts import Fact

    matter = load_matter(EXAMPLES / "doe-defendant.yaml")
    rule = matter.court.reconsideration.model_copy(
        update={"grant_only_if_response": Fact[bool](value=True, source="a rule (text)")}
    )
    court = matter.court.model_copy(update={"reconsideration": rule})
    ordered = dataclasses.replace(matter, court=court)
    assert ordered.entry_with_role("response-order") is not None  # the example's court asked for one
    chosen, _ = registry.allowed(ordered, registry.default_ids(), explicit=False)
    assert "order-granting" in chosen
    docket = [e for e in matter.answers.docket if e.role != "response-order"]
    unordered = dataclasses.replace(ordered, answers=matter.answers.model_copy(update={"docket": docket}))
    chosen, note = registry.allowed(unordered, registry.default_ids(), explicit=False)
    assert "order-granting" not in chosen and "order-denying" in chosen
    assert note is not None and "granted only after the court has called for a response (a rule)" in note
    with pytest.raises(OutputError, match="called for a response"):
        registry.allowed(unordered, ["order-granting"], explicit=True)


# -- a reply where the court allows one only with leave (issue #19, part 4) ----------------------


def _njd_with_leave(tmp_path):
    text = (EXAMPLES / "doe-defendant.yaml").read_text(encoding="utf-8")
    text = text.replace("court: azd", "court: njd").replace("2:24-cv-01234-PHX-ABC", "2:24-cv-01234-ABC-DEF")
    text = text.rstrip("\n") + "\n"
    leave = (
        "  - {number: 16, date: 2024-06-25, filed_by: court, role: reply-leave,\n"
        "     title: Text Order Granting Leave to File a Reply}\n"
    )
    lines = text.splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("grounds:"))
    return write(tmp_path, "case.yaml", "".join(lines[:at] + [leave] + lines[at:]))


def test_a_reply_drafted_without_the_leave_it_needs_is_a_proposed_reply(tmp_path):
    """D.N.J. L. Civ. R. 7.1(d)(3): drafted anyway (--unordered-response), the reply neither is
    titled nor speaks as a reply the court allowed."""
    reply = _drafts(EXAMPLES / "doe-defendant-njd.yaml", tmp_path, ["reply"], explicit=True, unordered=True)["reply"]
    assert "[Paper Title] [PROPOSED] REPLY IN SUPPORT OF" in reply
    assert (
        "submits this Reply, proposed to be filed only if the Court grants leave to file it "
        "(L. Civ. R. 7.1(d)(3)), in support of"
    ) in reply
    assert "filed with the Court’s leave" not in reply


def test_a_reply_filed_with_leave_cites_the_order_granting_it(tmp_path):
    reply = _drafts(_njd_with_leave(tmp_path), tmp_path, ["reply"], explicit=True)["reply"]
    assert "submits this Reply, filed with the Court’s leave (ECF No. 16), in support of" in reply
    assert "[PROPOSED]" not in reply and "proposed to be filed" not in reply


def test_a_reply_where_the_court_needs_no_leave_says_nothing_of_leave(tmp_path):
    reply = _drafts(EXAMPLES / "doe-defendant.yaml", tmp_path, ["reply"], explicit=True)["reply"]
    opening = reply.split("[Heading 1] Argument")[0]
    assert "[PROPOSED]" not in opening and "Court’s leave" not in opening and "grants leave" not in opening
    assert "respectfully submits this Reply in support of the Motion" in opening


def test_a_dc_59e_motion_does_not_state_the_rule_54b_standard(tmp_path):
    """Capitol Sprinkler speaks to interlocutory orders (Rule 54(b)); a Rule 59(e) motion in D.D.C.
    states 59(e)'s standard without it."""
    base = write(tmp_path, "base.yaml", (EXAMPLES / "rule-59e-judgment.yaml").read_text(encoding="utf-8"))
    case = write(tmp_path, "case.yaml", "extends: base.yaml\ncourt: dcd\ncase:\n  number: 1:24-cv-01234\n")
    assert base.exists()
    motion = _drafts(case, tmp_path, ["motion"], explicit=True)["motion"]
    assert "Fed. R. Civ. P. 59(e)" in motion
    assert "Capitol Sprinkler" not in motion and "as justice requires" not in motion


def test_every_circuit_standard_names_vehicles_that_exist():
    from assembler.law.courts import circuits
    from assembler.law.vehicles import vehicles

    for circuit in circuits().values():
        assert set(circuit.vehicles) <= set(vehicles()), circuit.name
    assert circuits()["dc"].vehicles  # the one entry that speaks to some motions only


def test_a_wawd_motion_quotes_lcr_7h1_in_its_own_words(tmp_path):
    base = write(tmp_path, "base.yaml", (EXAMPLES / "doe-defendant.yaml").read_text(encoding="utf-8"))
    case = write(tmp_path, "case.yaml", "extends: base.yaml\ncourt: wawd\ncase:\n  number: 2:24-cv-01234\n")
    assert base.exists()
    motion = _drafts(case, tmp_path, ["motion"], explicit=True)["motion"]
    assert (
        "Under LCR 7(h), “[m]otions for reconsideration are disfavored. The court will ordinarily deny "
        "such motions in the absence of a showing of manifest error in the prior ruling or a showing of "
        "new facts or legal authority which could not have been brought to its attention earlier with "
        "reasonable diligence.”"
    ) in motion


@pytest.mark.parametrize(
    ("example", "heading", "sentence", "not_said"),
    [
        ("habeas-2254", "Should Be Vacated to Prevent", "the Court to vacate it.", "amend it."),
        ("rule-59e-judgment", "Should Be Amended to Prevent", "the Court to amend it.", "vacate it."),
    ],
)
def test_a_59e_clear_error_ground_asks_what_the_motion_asks(tmp_path, example, heading, sentence, not_said):
    """The 59(e) ground said "asks the Court to amend it" even where the motion asks to vacate
    (motion.asks: vacate in habeas-2254, amend in rule-59e-judgment)."""
    motion = _drafts(EXAMPLES / f"{example}.yaml", tmp_path, ["motion"])["motion"]
    assert heading in motion and sentence in motion
    assert f"the Court to {not_said}" not in motion
