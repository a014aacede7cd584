"""The answer file, as a typed model: the user-facing contract of DESIGN.md.

Key names are part of the product; change them only with a migration and a new
``schema_version``.  Fields typed ``Markup`` hold free text in the markup of
``assembler.markup``; they are parsed and checked after validation.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator

from assembler.law import roles
from assembler.law.citations import Brackets, CitationWord, Placement

Side = Literal["plaintiff", "defendant"]
Filer = Literal["plaintiff", "defendant", "movant", "court", "non-party"]


class MarkupField:
    """Marks a string field as free-text markup (citations, footnotes, emphasis)."""

    def __repr__(self) -> str:
        return "MarkupField()"


MARKUP = MarkupField()
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Markup = Annotated[
    str,
    StringConstraints(min_length=1, pattern=r"\S"),
    MARKUP,
    Field(
        description="Free text: *italic*, **bold**, blank line = new paragraph, "
        "[[18 at 7-8]] docket citations, ^[...] footnotes."
    ),
]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
# The Federal Rules of Civil Procedure took effect on September 16, 1938; a date in a
# paper before that, or after 2099, is a typing mistake (and year 9999 overflows counting).
Date = Annotated[dt.date, Field(ge=dt.date(1938, 9, 16), le=dt.date(2099, 12, 31))]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Party(Model):
    name: Name
    description: Name | None = Field(None, description='As in the caption: "an Arizona corporation".')
    short_name: Name | None = Field(None, description='How the papers call the party: "CP Productions".')


if TYPE_CHECKING:
    FirstRole = str  # mypy cannot read a Literal built from data/roles.yaml; pydantic can
    SecondRole = str
else:
    FirstRole = Literal[roles.role_ids("plaintiffs")]
    SecondRole = Literal[roles.role_ids("defendants")]


def _other_role(text: str) -> str:
    found = roles.find(text)
    if found is None or found.side != "other":
        raise ValueError(
            f"{text!r} is not a role of data/roles.yaml for a party captioned after the defendants "
            f"(one of: {', '.join(roles.role(r).singular for r in roles.role_ids('other'))})"
        )
    return text


class OtherParty(Party):
    role: Annotated[Name, AfterValidator(_other_role)] = Field(
        description='Its role in the caption, from data/roles.yaml: "Intervenor", "Third-Party Defendant", '
        '"Relief Defendant" (its id or its label).'
    )


class Roles(Model):
    """The roles of the caption's two sides: "Plaintiff" / "Defendant", "Petitioner" / "Respondent"."""

    plaintiffs: FirstRole = Field(
        "plaintiff",
        description="The role of the parties listed as plaintiffs (the caption's first side): plaintiff, "
        "petitioner (habeas corpus), applicant, relator, plaintiff-counter-defendant.",
    )
    defendants: SecondRole = Field(
        "defendant",
        description="The role of the parties listed as defendants (the caption's second side): defendant, "
        "respondent (habeas corpus), defendant-counterclaimant.",
    )


class Parties(Model):
    roles: Roles = Field(
        default_factory=Roles,
        description="How the caption labels the two sides and the papers name them: {plaintiffs: petitioner, "
        'defendants: respondent} captions "Petitioner," / "Respondents.".',
    )
    plaintiffs: list[Party] = Field(min_length=1)
    defendants: list[Party] = Field(min_length=1)
    others: list[OtherParty] = Field(
        default_factory=list, description="Parties of other roles, captioned after the defendants."
    )
    et_al: bool = Field(
        False,
        description="true: the caption names the first of several parties of "
        'a side, then "et al." (the papers still name them all).',
    )
    in_re: Name | None = Field(
        None, description='An "In re" caption: "In re Acme Securities Litigation" replaces the parties in the caption.'
    )


class Case(Model):
    number: Name = Field(description="As the court writes it: 2:12-cv-01183-PHX-SLG.")
    label: Name | None = Field(
        None, description='The caption\'s word before the number: "Case No." (default), "Civil Action No.", "No.".'
    )
    consolidated: list[Name] = Field(
        default_factory=list,
        description="The numbers of the cases consolidated with it, captioned under its own, then (Consolidated).",
    )
    division: Name | None = Field(
        None,
        description='The division, where the court has divisions: "Sherman" prints "SHERMAN DIVISION" under the court.',
    )
    judge: Name | None = None
    judge_title: Name = "United States District Judge"
    habeas: bool = Field(
        False,
        description="true: a petition for a writ of habeas corpus under 28 U.S.C. § 2254 (check warns "
        "that a Rule 60(b) motion attacking the merits is a second or successive petition, Gonzalez v. "
        "Crosby, 545 U.S. 524 (2005)).",
    )
    consent: bool = Field(
        False,
        description="true: the parties consented to a magistrate judge conducting all proceedings "
        "(28 U.S.C. § 636(c)(1)); the orders recite it, and only then may a magistrate "
        "judge's order vacate a district judge's.",
    )


class Movant(Model):
    """Who asks for reconsideration."""

    name: Name = Field(description='"a number of Internet Service Providers", "Defendant John Doe".')
    short_name: Name = Field(description='"the ISPs", "Defendant".')
    party: bool = Field(description="False for a non-party (the wording says so).")
    plural: bool = False
    side: Side | None = Field(
        None,
        description="For a party movant: its side of the caption (plaintiff: the first side, whatever its "
        "role in parties.roles, a petitioner's too; defendant: the second).",
    )
    opposes: Side | None = Field(None, description="For a non-party movant: the side it opposes.")
    interest: Markup | None = Field(None, description="How the challenged order touches a non-party movant.")

    @model_validator(mode="after")
    def _side_given(self) -> Movant:
        if self.party and self.side is None:
            raise ValueError("a party movant needs side: plaintiff or side: defendant")
        if not self.party and self.side is not None:
            raise ValueError("a non-party movant has no side; use opposes: to name its opponent")
        return self

    @property
    def opponent_side(self) -> Side:
        if self.party:
            return "defendant" if self.side == "plaintiff" else "plaintiff"
        return self.opposes or "plaintiff"


class ChallengedOrder(Model):
    """The order (or judgment) whose reconsideration is sought, and who entered it."""

    docket: int = Field(gt=0, lt=1_000_000)
    date: Date
    title: Markup
    short_title: Markup | None = Field(None, description='"the *Ex Parte* Order".')
    defined: Name | None = Field(
        None,
        description="The term the papers define for it: (the “Order”) by default, (the “Judgment”) "
        'for a judgment; "Preservation Order" prints (the “Preservation Order”).',
    )
    kind: Literal["order", "judgment"] = Field(
        "order", description="judgment: a final judgment (Rule 59(e), 60(b)); order: an interlocutory order."
    )
    judge: Name | None = Field(None, description="Who entered it, when not the judge deciding the motion (case.judge).")
    judge_title: Name | None = Field(None, description='That judge\'s title: "United States Magistrate Judge".')


class DocketEntry(Model):
    number: int = Field(gt=0, lt=1_000_000)
    date: Date
    filed_by: Filer
    title: Name
    role: Literal["motion", "response", "reply", "response-order", "reply-leave"] | None = Field(
        None,
        description="Which paper of the reconsideration set this entry is: the motion, the "
        "response, the reply, the order asking for a response (response-order), "
        "or the order granting leave to file a reply (reply-leave).",
    )
    background: Markup | None = Field(None, description='Its place in the chronology; printed after "On <date>, ".')
    cite_as: Name | None = Field(
        None,
        description="Its short name in citations, where the citation form names papers "
        '(citation.names): "Defs.’ Mem." prints "Defs.’ Mem. 8-10 (Dkt. No. 32)".',
    )
    party_background: Markup | None = Field(
        None,
        description="The background as the parties' papers tell it, where the court's telling "
        "should not be in a party's mouth; default: background.",
    )
    dated: bool = Field(True, description='False: the background text is printed without "On <date>, ".')
    continues: bool = Field(False, description="True: continues the previous background paragraph.")


class Ground(Model):
    """One argument: a section of the motion (or response), and its account in the order.

    ``id`` picks a ground of the library (``assembler grounds``), whose heading
    and text are used where the answers give none; any other id is a ground of
    the user's own, with its heading and text.
    """

    id: Slug
    heading: Name | None = None
    text: Markup | None = Field(None, description="The argument as its side makes it.")
    summary: Markup | None = Field(None, description='How the order describes it, after "<Side> asserts that ".')
    answers: Slug | None = Field(None, description="An opposition ground: the id of the motion's ground it answers.")
    reply: Markup | None = Field(None, description="An opposition ground: the movant's answer to it, for the reply.")
    fills: dict[Slug, Name] = Field(
        default_factory=dict,
        description="The blanks of a library ground's text only you can fill, by name (`assembler "
        'grounds --full` shows them): {error: "it applied the wrong standard"}.',
    )


Vehicle = Literal["local", "54b", "59e", "60b"]
Outcome = Literal["granted", "granted-in-part", "denied", "denied-without-prejudice", "adhered"]


class Notice(Model):
    """The notice of motion (New York practice: Local Civil Rule 7.1(a))."""

    courthouse: Name | None = Field(
        None,
        description='Where the motion is returnable: "the United States Courthouse, 500 Pearl '
        'Street, New York, New York 10007".',
    )
    courtroom: Name | None = Field(None, description='"Courtroom 21D".')
    returnable: Name | None = Field(
        None, description='When: "June 27, 2024, at 10:00 a.m."; default: "a date and time to be set by the Court".'
    )
    papers: Name | None = Field(
        None,
        description='Papers it rests on besides the memorandum of law: "the Declaration of '
        'Robin D. Esq. dated June 20, 2024, with its exhibits".',
    )


Position = Literal["opposes", "does-not-oppose", "no-position", "not-reached"]


class Conference(Model):
    """The conference with the other side before the motion is filed, which some courts' rules
    require and the motion certifies (C.D. Cal. L.R. 7-3, N.D. Tex. LR 7.1, E.D. Tex. CV-7(h))."""

    position: Position = Field(
        description="The other side's position: opposes, does-not-oppose, no-position (takes no "
        "position), or not-reached (it could not be reached after the efforts described)."
    )
    date: Date | None = Field(None, description="When counsel conferred; required unless not-reached.")
    manner: Name | None = Field(
        None, description='How: "by telephone", "in person", "by videoconference", "by e-mail".'
    )
    participants: list[Name] = Field(
        default_factory=list,
        description='Who took part, each with the side they speak for: "Robin Doe, counsel for Defendants".',
    )
    reasons: Markup | None = Field(
        None, description="Where opposed: why no agreement could be reached (N.D. Tex. LR 7.1(b)(2))."
    )
    efforts: Markup | None = Field(
        None,
        description="For not-reached: the efforts made to confer, with their dates and manner "
        '("a call on June 10, 2024, and e-mails on June 10 and 11, 2024, none answered").',
    )

    @model_validator(mode="after")
    def _told(self) -> Conference:
        if self.position == "not-reached":
            if self.efforts is None:
                raise ValueError("efforts: required where the other side could not be reached")
        else:
            if self.date is None:
                raise ValueError("date: required where counsel conferred (or position: not-reached)")
            if not self.participants:
                raise ValueError("participants: name who took part in the conference")
        return self


class Exhibit(Model):
    """A document attached to a declaration, filed with it behind a cover page."""

    label: Annotated[str, StringConstraints(pattern=r"^(?:[A-Z]{1,2}|[1-9][0-9]{0,2})$")] | None = Field(
        None,
        description='Its letter or number ("A", "12"); default: the next in the court\'s convention '
        "(letters where the profile does not say otherwise).",
    )
    description: Markup = Field(
        description='What it is, as the declaration introduces it: "the letter of June 3, 2024 from '
        'Acme Broadband to counsel" prints "A true and correct copy of the letter ... is attached as Exhibit A."'
    )
    file: Name = Field(description="The exhibit's file (PDF or .docx), relative to the answer file that names it.")


class Executed(Model):
    """Where and when the declarant signs (28 U.S.C. § 1746)."""

    date: Date | None = Field(None, description="The day it is signed; default: the paper's date.")
    place: Name = Field(description='Where it is signed: "Boston, Massachusetts".')
    abroad: bool = Field(
        False,
        description="true: signed outside the United States: the attestation of § 1746(1), "
        '"under the laws of the United States of America".',
    )


class Declaration(Model):
    """A declaration under 28 U.S.C. § 1746 filed with the paper, and its exhibits."""

    declarant: Name | None = Field(None, description="Who declares; default: the side's first attorney.")
    paragraphs: list[Markup] = Field(
        default_factory=list,
        description="Its numbered paragraphs, in order (¶ 1, ¶ 2, ...); a paragraph introducing each "
        "exhibit follows them. Papers cite them as [[Decl. ¶ 2]] and the exhibits as [[Ex. A at 3]].",
    )
    exhibits: list[Exhibit] = Field(default_factory=list)
    executed: Executed

    @model_validator(mode="after")
    def _says_something(self) -> Declaration:
        if not self.paragraphs and not self.exhibits:
            raise ValueError("a declaration needs at least one paragraph or exhibit")
        return self


class MotionPaper(Model):
    filed: Date | None = None
    rule: Vehicle | None = Field(
        None,
        description="The vehicle: local (the court's rule; the default where it has one), "
        "54b (an interlocutory order), 59e (alter or amend a judgment), 60b "
        "(relief from a final judgment or order).",
    )
    clauses: list[Annotated[int, Field(ge=1, le=6)]] = Field(
        default_factory=list, description="For 60b: the reasons of Rule 60(b) relied on, 1 to 6."
    )
    parts: list[Markup] = Field(
        default_factory=list,
        description='The parts of the order the motion targets ("its ruling on the motion to '
        'compel (Section III.B)"); none: the whole order.',
    )
    scope: Name | None = Field(
        None,
        description="How far the motion reaches, where not the whole order nor named parts: "
        '"insofar as it binds Acme Broadband" (the granting order vacates no more).',
    )
    asks: Literal["vacate", "modify", "amend"] = Field(
        "vacate", description="vacate it (or the parts), modify it, or amend the judgment."
    )
    modification: Markup | None = Field(None, description="For modify or amend: the new text the order should carry.")
    relief: Markup | None = Field(None, description='What the motion asks: "vacate the Order".')
    title: Name | None = Field(
        None,
        description="The motion's title, where not the court's default (\"Motion for "
        'Reconsideration of August 24, 2012 Order"); printed in capitals, and in '
        "the response's, the reply's and the orders' titles.",
    )
    introduction: Markup | None = None
    standard: Markup | None = Field(None, description="Replaces the court's stated standard.")
    leave: bool | None = Field(
        None, description="false: a plain motion where the court asks for leave (e.g. after judgment)."
    )
    conference: Conference | None = Field(
        None,
        description="The conference with the other side before filing, where the court's rule "
        "requires one; the motion certifies it (assembler check warns when it is missing).",
    )
    notice: Notice | None = Field(
        None,
        description="The notice of motion, drafted beside the memorandum of law where the court's "
        "practice files one (nysd, nyed), or where this is given.",
    )
    declaration: Declaration | None = Field(
        None, description="The movant's declaration with its exhibits, drafted beside the motion."
    )


class Paper(Model):
    """The response or the reply: when it is filed, and an optional introduction."""

    filed: Date | None = Field(None, description="Its date; else the date of the docket entry with its role.")
    introduction: Markup | None = None


class ResponsePaper(Paper):
    declaration: Declaration | None = Field(
        None, description="The opponent's declaration with its exhibits, drafted beside the response."
    )


class RulingForm(Model):
    """The shape of the proposed orders, where the judge's orders differ from the court's."""

    headings: bool | None = Field(None, description="false: no Background / Discussion / Conclusion headings.")
    legal_standard: bool | None = Field(None, description="true: a Legal Standard section before the Discussion.")
    closing: Literal["ordered", "it-is-so-ordered", "so-ordered"] | None = Field(
        None,
        description='ordered: "it is ORDERED:" and numbered items; it-is-so-ordered / so-ordered: '
        'the items as sentences, then "IT IS SO ORDERED." / "SO ORDERED."',
    )
    dated: Literal["this-day-of", "dated"] | None = Field(
        None,
        description='this-day-of: "DATED this 13th day of November, 2012."; dated: "Dated:" and '
        "the date (after the place, where given).",
    )
    place: Name | None = Field(None, description='Where the order is signed: "New York, New York".')
    title: Name | None = Field(
        None,
        description='The orders\' own title: "Memorandum Opinion and Order" '
        '(printed in capitals); default: "Order Granting ...".',
    )
    re: bool | None = Field(None, description='true: "Re: Dkt. No. 151" (the motion\'s entry) under the title.')


class RulingSide(Model):
    outcome: Outcome | None = Field(
        None,
        description="granting order: granted (default) or granted-in-part; denying order: "
        "denied (default), denied-without-prejudice, or adhered (reconsidered, "
        "and the order stands).",
    )
    granted: list[Annotated[int, Field(ge=1)]] = Field(
        default_factory=list, description="For granted-in-part: the numbers (1, 2, ...) of motion.parts granted."
    )
    vacates: bool = Field(
        True,
        description="false: the order grants the motion (or part of it) without vacating or "
        "changing the challenged order -- further briefing, a clarification; its "
        "ordered items say what it does, and the order remains in effect.",
    )
    introduction: Markup | None = None
    discussion: Markup
    ordered: list[Markup] = Field(default_factory=list, description="Items after the standard ones, in order.")
    clerk: list[Markup] = Field(
        default_factory=list,
        description='Directions to the Clerk, after the items: "The Clerk of '
        'Court is respectfully directed to terminate the motion at [[@50]]."',
    )


class Ruling(Model):
    proposed: bool = Field(
        False,
        description="true: proposed orders to lodge, titled [PROPOSED], with the date and "
        "the judge's signature left blank for the court.",
    )
    date: Date | None = Field(None, description="The orders' date; required unless proposed.")
    form: RulingForm = Field(
        RulingForm(), description="The orders' shape; default: the judge's (data/judges.yaml), else the court's."
    )
    granting: RulingSide | None = None
    denying: RulingSide | None = None

    @model_validator(mode="after")
    def _dated(self) -> Ruling:
        if self.date is None and not self.proposed:
            raise ValueError("date: required, unless the orders are proposed (proposed: true)")
        return self


class Attorney(Model):
    name: Name
    bar_number: Name | None = Field(
        None,
        description="Where the attorney has one; printed “(Bar No. …)”, or with the court's label "
        "(“BBO No.” in D. Mass., “State Bar No.” in N.D. and C.D. Cal.).",
    )
    firm: Name | None = None
    address: list[Name] = Field(min_length=1)
    email: Annotated[str, StringConstraints(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")] | None = None
    phone: Name | None = None


class CounselBlock(Model):
    attorneys: list[Attorney] = Field(
        min_length=1, description="The attorneys who sign; for a pro se party, the party itself."
    )
    represents: Name = Field(description='"Attorneys for Non-Party Movants"; pro se: "Defendant, pro se".')
    pro_se: bool = Field(
        False,
        description='true: the party signs for itself: no firm, no bar number, "/s/" and its name, then `represents`.',
    )
    service: Literal["ecf", "mail"] | None = Field(
        None,
        description="How this side serves its papers: ecf (the default for attorneys) or mail "
        "(the default pro se: the certificate names whom it mailed them to).",
    )

    @model_validator(mode="after")
    def _one_pro_se(self) -> CounselBlock:
        if self.pro_se and len(self.attorneys) != 1:
            raise ValueError("a pro se filer is one person: give one entry under attorneys")
        if self.pro_se and (self.attorneys[0].bar_number or self.attorneys[0].firm):
            raise ValueError("a pro se filer has no bar number and no firm")
        return self


class Counsel(Model):
    movant: CounselBlock | None = None
    opponent: CounselBlock | None = None


class Citation(Model):
    """The docket citation form, where the judge's orders write it otherwise than the court's."""

    word: CitationWord | None = Field(
        None,
        description='"Dkt. No." prints "(Dkt. No. 19)"; several entries print "Dkt. Nos. 151, 152" '
        "where the word has a plural.",
    )
    space: bool | None = Field(
        None, description='false: no space after the word, for a word courts print so ("Dkt. #933").'
    )
    placement: Placement | None = Field(
        None, description="footnote: each citation a Word footnote; inline: in parentheses in the text."
    )
    brackets: Brackets | None = Field(None, description='Inline brackets: "(ECF No. 18)" or "[ECF No. 18]".')
    names: bool = Field(
        False, description='true: an entry with a cite_as name is cited by it: "Defs.’ Mem. 8-10 (Dkt. No. 32)".'
    )


class Typography(Model):
    smart_quotes: bool = Field(
        True,
        description="true: straight quotes typed in the answers print as curly ones "
        "(“ ” ‘ ’), like the papers' own; false: typed text prints exactly as typed.",
    )


class Answers(Model):
    """One case, one motion for reconsideration."""

    schema_version: Literal[1]
    court: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,6}$")]
    case: Case
    parties: Parties
    movant: Movant
    order: ChallengedOrder
    docket: list[DocketEntry] = Field(min_length=1)
    grounds: list[Ground] = Field(default_factory=list)
    opposition: list[Ground] = Field(default_factory=list)
    motion: MotionPaper = MotionPaper()
    response: ResponsePaper = ResponsePaper()
    reply: Paper = Paper()
    ruling: Ruling | None = None
    counsel: Counsel = Counsel()
    citation: Citation = Field(
        Citation(),
        description="The docket citation form; default: the court's "
        "(and the judge's, where data/judges.yaml knows it).",
    )
    typography: Typography = Typography()


def json_schema() -> dict:
    """The JSON Schema of the answer file, for editors."""
    schema = Answers.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "assembler answer file"
    schema["properties"]["extends"] = {
        "type": "string",
        "description": "A base answer file, relative to this one; deep-merged.",
    }
    return schema
