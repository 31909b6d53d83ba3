"""Who claims a figure (`research.claims.sources`), on real sentences: forecasters, documents that name their
author, and cues that claim no figure."""

import pandas as pd
import pytest

import research


def claimants(*paragraphs: str, excerpt: bool = False) -> dict[str, str]:
    """figure text -> claimant, for a one-article corpus of a headline and `paragraphs` (with `excerpt`, a feed
    excerpt of `paragraphs` alone, as `research.corpus.datasets.read_allsides` gives it)."""
    text = "\n\n".join(paragraphs if excerpt else ("Test headline", *paragraphs))
    articles = pd.DataFrame({"article_id": ["a"], "outlet": ["Test"], "published": ["2021-05-03"], "text": [text]})
    if excerpt:
        articles = articles.assign(form="record", excerpt=True)
    blocks = research.split_blocks(articles)
    claims = research.extract_claims(research.split_passages(blocks), research.attributions(blocks, articles),
                                     articles)
    return {text[start:end]: claimant for start, end, claimant in zip(claims["start"], claims["end"],
                                                                       claims["claimant"])}


def test_a_future_does_not_go_on_with_the_forecaster_named_before():
    # AllSides 6078-left: the 15,000 of "an earlier plan" is not the administration's forecast of the lede
    found = claimants(
        "The Biden administration said Monday it would allow 62,500 refugees to resettle in the United States this "
        "year, reversing course after the White House initially said it would keep a historically low Trump-era "
        "limit on those fleeing war, violence and persecution.",
        "President Joe Biden made the announcement weeks after he sparked a political uproar from human rights "
        "groups and Democrats in Congress over an earlier plan to limit refugees to 15,000 – a figure set by former "
        "President Donald Trump.")
    assert found["62,500"] == "The Biden administration"
    assert found["15,000"] != "The Biden administration"


@pytest.mark.parametrize(("text", "figure", "claimant"), [
    # MSRP: the forecast is named before its forecasters, who are not the subject of a forecast verb
    ("The estimate of analysts surveyed by Thomson First Call was for a loss of $2.75 a share.",
     "$2.75", "analysts surveyed by Thomson First Call"),
    # AllSides 5920-right: "asked why" is a question; the distance is the outlet's
    (("Republicans and even some Democrats had previously criticized the vice president for making her first "
      "border trip to El Paso, a city nearly 1,000 miles away from what they call the epicenter of the border "
      "crisis, and the first question at Harris's press conference asked why she selected El Paso over an area "
      "like the Rio Grande Valley."),
     "nearly 1,000 miles", ""),
    # AllSides 5684-right (holdout-4): the physician announced something; the two plaintiffs are the outlet's
    (("Two people have separately lodged lawsuits against the Texas physician who announced in a recent opinion "
      "piece that he violated a state law that prohibits conducting abortion procedures after a fetal heartbeat "
      "has been detected."),
     "Two", ""),
    # AllSides 5768-center (holdout-4): the Afghans "who fear" speak in their clause only
    (("Taliban fighters and their checkpoints ringed the airport — major barriers for Afghans who fear that their "
      "past work with Westerners makes them prime targets for retribution. Hundreds of Afghans who lacked any "
      "papers or clearance for evacuation also congregated outside the airport, adding to the crowds."),
     "Hundreds of", ""),
    # AllSides 5860-left (holdout-4): the advisory's length is not what Murthy wrote
    (("US Surgeon General Dr. Vivek Murthy warned Thursday health misinformation is \"a serious threat to public "
      "health,\" as administration officials grow increasingly concerned about misleading claims about coronavirus "
      "vaccines, leading to a confrontation with social media giant Facebook.\xa0\"I am urging all Americans to "
      "help slow the spread of health misinformation during the COVID-19 pandemic and beyond,\" Murthy wrote in "
      "a\xa022-page advisory released Thursday. \"Health misinformation is a serious threat to public health.\""),
     "22", ""),
    # AllSides 5754-right (holdout-4): the officers filed a lawsuit; "accusing" hangs on it
    (("Seven Capitol Police officers filed a lawsuit Thursday accusing former President Donald Trump and "
      "supporters\xa0of planning what led to the Jan. 6 attack in Washington D.C."),
     "Seven", ""),
    # AllSides 5872-right: ", the CDC told the Washington Post." holds the clause before it, after "after" too
    (("The side effect, Guillain-Barré syndrome — a condition that occurs when the immune system attacks the "
      "body’s nerves — has been detected in about 100 people after 12.8 million jabs of the single-dose shot "
      "were administered, the Centers for Disease Control and Prevention told the Washington Post."),
     "about 100", "the Centers for Disease Control and Prevention"),
    # AllSides 5932-center: "Remote learning has moved" is no one learning; the count is the outlet's
    (("Remote learning has moved to the top of the school agenda with a vengeance since March of last year. "
      "Without it, tens of millions of American students would have been without formal instruction during the "
      "pandemic."),
     "tens of millions of", ""),
    # AllSides 5890-left: "as part of a renewed push" is the outlet's account of why Biden spoke, not his words
    (("With the pace of U.S. coronavirus vaccinations relatively flat, President Biden called on Tuesday for "
      "employers to set up clinics at work and to offer paid time off for workers as part of a renewed push to "
      "reach tens of millions of Americans who remain unvaccinated."),
     "tens of millions of", ""),
    # AllSides 5754-right: what The New York Times reported is news, not a release the next sentence goes on with
    (("The suit ranks as the most expansive civil effort to date seeking to hold Trump and his allies legally "
      "accountable for the Capitol assault, The New York Times reported. Although three similar lawsuits were filed "
      "in recent months, Thursday's filing is the first to allege that Trump worked in concert with political "
      "organizers to promote voter fraud in the 2020 election."),
     "three", ""),
    # BASIL 2b95d2cf (NYT): "last year announced" has no speaker before the verb but the time
    (("Mr. Obama shifted the focus on the war on terrorism from Iraq to Afghanistan and last year "
      "announced his plan to send 30,000 more troops there."),
     "30,000", ""),
    # BASIL cad4bba5 (NYT): a reduced passive after the figure's noun names its forecaster
    (("The overall result could be zero growth next year, not the 2.1 percent growth rate projected "
      "by the I.M.F."),
     "2.1 percent", "the I.M.F."),
    # BASIL 6b541575 (NYT): "repeatedly asking" is a bare participle; its source is no subject of a figure before it
    (("Mr. Etheridge, a seven-term House member, can be seen on the video repeatedly asking the young "
      "man to identify himself."),
     "seven", ""),
    # BASIL b4dbeda7 (HuffPost): the interviews are where Netanyahu spoke, not what he said
    (("But Netanyahu pushed back against these criticisms in two separate interviews on Sunday, first "
      "telling CNN, “I know that people are trying to draw me into the American election.”"),
     "two", ""),
    # BASIL a28a0329 (NYT): the comma after the office opens what it says, no appositive of the office
    (("According to the Office of the Historian of the House of Representatives, the only two prior instances in "
      "which a full or partial text of the Constitution was inserted into the Congressional Record was in 1882, "
      "when Roswell Flower of New York “appended” a text of the Constitution into the record."),
     "two", "the Office of the Historian of the House of Representatives"),
    # BASIL 450755dd (Fox): the donations are the outlet's account, not the critics' argument
    (("Crtitics of Chick-fil-A argue that the company’s opposition to gay marriage goes well beyond Dan Cathy’s "
      "statements. Over the years, its philanthropic wing, WinShape, has donated millions of dollars to outside "
      "organizations that actively lobby against efforts to legalize same-sex marriage."),
     "millions of dollars", ""),
    # PolNeAR: the author stands before "poll", not in "from Sept. 19"
    (("The Washington Post/ABC News poll was conducted from Sept. 19 to 22, surveying a random sample "
      "of 1,001 adults by landline and cellphone."),
     "1,001", "Washington Post/ABC News"),
    # AllSides 5740-right and 5742-right (holdout-3): a concession after the words is the outlet's
    (("In an address to the nation, a defensive and at times surly President Biden insisted the bug-out was an "
      "“extraordinary success,” despite the stranding of hundreds of American citizens and thousands of Afghan "
      "allies."), "thousands of", ""),
    (("Marine Corps Gen. Kenneth F. McKenzie Jr. announced Monday evening that the last of the U.S. troops stationed "
      "at the Kabul airport had left a day before Biden's deadline -- even though hundreds of Americans likely "
      "remain left behind."), "hundreds of", ""),
    # AllSides 5776-center and 6078-right (holdout-3): who raises a toll or a cap to a figure claims it
    ("Officials in Haiti raised the death toll from a powerful weekend earthquake to 1,941 on Tuesday.", "1,941",
     "Officials in Haiti"),
    ("President Joe Biden raised the refugee cap to 62,500 Monday following weeks of criticism.", "62,500",
     "President Joe Biden"),
])
def test_a_figure_is_claimed_by_whoever_its_sentence_credits(text, figure, claimant):
    assert claimants(text)[figure] == claimant  # "" is the outlet, in its own voice


def test_a_poll_released_on_a_day_is_its_authors():
    # BASIL: "released Wednesday" is no source; the poll names its author
    found = claimants("The ad, reportedly to air in Miami, West Palm Beach and Fort Myers, is costing Secure America "
                      "$1 million, the organization confirmed to Fox News.",
                      "A Fox News poll released Wednesday shows Obama leading Romney, 49 percent to 44 percent, "
                      "in Florida.")
    assert found["49 percent"] == "Fox News"


def test_a_persons_words_do_not_go_on_into_a_sentence_of_the_outlets_own(seed_articles, seed_passages):
    # Seed 004: Zelenskyy speaks in the sentence before; the length of the front is the outlet's
    claims = research.extract_claims(seed_passages, research.attributions(research.split_blocks(seed_articles),
                                                                          seed_articles), seed_articles)
    front = claims[(claims["article_id"] == "004_6b509e299142eab2") & claims["text"].str.contains("600-mile-long")]
    troops = claims[(claims["article_id"] == "004_6b509e299142eab2") & claims["text"].str.contains("up to 12,000")]
    assert troops["claimant"].tolist() == ["Ukrainian President Volodymyr Zelenskyy"]
    assert front["claimant"].tolist() == [""]


def test_members_of_a_party_are_not_a_persons_name():
    # BASIL 2153fb3e (2): "They" refers to "House Republicans", and "they add that" claims the 15 bills
    found = claimants(
        "After the vote, Rep. Bobby Scott, D-Va., one of the nine lawmakers to vote against the resolution, said the "
        "nation faces bigger problems, such as the economy, failing public schools and poverty.",
        "House Republicans have argued that the procedural votes don't take up very much time. They add that they "
        "have brought up 15 bills that they contend will help create jobs but have been ignored in the "
        "Democratic-led Senate.")
    assert found["15"] == "House Republicans"


def test_a_phrase_appended_to_what_was_asked_is_the_outlets():
    # AllSides 5636-left (choose): "a move that could help ..." is the outlet's comment on the request
    found = claimants(
        "Pfizer and BioNTech asked federal regulators on Thursday to authorize emergency use of their coronavirus "
        "vaccine for children ages 5 to 11, a move that could help protect more than 28 million people in the "
        "United States.")
    assert found["more than 28 million"] == ""
    assert found["5 to 11"] == "Pfizer and BioNTech"


def test_countering_a_plan_with_another_is_an_act_not_speech():
    # AllSides 6108-left: "countering X with Y" answers a plan with a plan; the comparison is the outlet's
    found = claimants(
        "Senate Republicans unveiled a $568 billion infrastructure plan Thursday limited to roads, bridges, broadband "
        "and other physical infrastructure, countering President Biden's American Jobs Plan with a framework around "
        "one-quarter the size of his sweeping $2.25 trillion package.",
        "Senator Smith countered that the bill would cost $2 trillion.")
    assert found["one-quarter"] == found["$2.25 trillion"] == ""
    assert found["$2 trillion"] == "Senator Smith"  # "countered that" is still speech


def test_what_is_seen_is_undergone_or_judged_not_said():
    # twenty-second round: holdout-10 (the AllSides bias corpus, 2020), AllSides 5794-center, Timeline17 reuters_208
    found = claimants("Sweden has seen 27% more deaths than normal during the outbreak.",
                      "The chamber then proceeded to a budget resolution that would allow Democrats to approve what "
                      "they see as a complementary $3.5 trillion spending plan without Republican votes.",
                      "A dangerous strain of flu never seen before has killed up to 60 people in Mexico.",
                      "The Fed sees that inflation will reach 3% next year.")
    assert found["27%"] == found["$3.5 trillion"] == found["up to 60"] == ""
    assert found["3%"] == "The Fed"  # "sees that" still states what is seen


def test_a_source_its_speaker_owns_is_that_speaker():
    # twenty-second round: holdout-10 (the AllSides bias corpus, 2020), Timeline17 reuters_852
    found = claimants("The private payroll company ADP reported Wednesday that its own survey indicated 20.2 million "
                      "private-sector jobs were lost last month, largely in the service-providing industries.",
                      "In its latest tally, which tends to lag national reports but is considered more secure, the "
                      "United Nations agency said its labs have confirmed 12,515 infections with the newly-discovered "
                      "strain that has killed 91 people.")
    assert found["20.2 million"] == "The private payroll company ADP"
    assert found["12,515"] == found["91"] == "the United Nations agency"


def test_a_statement_named_as_a_noun_claims_its_that_clause():
    # AllSides 5910-left and 5996-left: "Noem's announcement that", "Blight makes an argument that"
    found = claimants(
        "Noem's announcement that she will send up to 50 South Dakota National Guard troops to Texas comes as the GOP "
        "ramps up a political fight with President Joe Biden over border security.",
        "But the historian David W. Blight makes an argument that the first such observance was in fact the work of "
        "newly freed Black people seeking to honor the 40,000 African American soldiers who died in the war.")
    assert found["up to 50"] == "Noem"
    assert found["40,000"] == "the historian David W. Blight"


def test_a_claim_named_as_a_noun_is_its_possessors_and_goes_on_into_no_other_sentence():
    # PolNeAR (Breitbart, 2016-09-29): the possessor is "Donald Trump", not "a fact-check on Donald Trump"; the
    # fact-checkers' own count in the next sentence is not Trump's
    found = claimants(
        "Following Monday’s presidential debate Politifact did a fact-check on Donald Trump’s claim that there have "
        "been “thousands of shootings” in gun-controlled Chicago this year alone. They checked the Chicago "
        "Tribune–which keeps a running tally on homicides and shooting victims–and found there had been “3,210 "
        "shooting victims” between January 1 and September 26 alone.")
    assert found["thousands of"] == "Donald Trump"
    assert found["3,210"] == ""


def test_speakers_listed_before_each_and_said_after_a_circumstance_claim_their_clause():
    # AllSides 5666-center: "X, ..., and Y, ..., each acknowledged during public congressional testimony that ..."
    found = claimants(
        "Gen. Frank McKenzie, head of U.S. Central Command, and Gen. Mark Milley, the chairman of the Joint Chiefs of "
        "Staff, each acknowledged during public congressional testimony that they agreed with the recommendation of "
        "Army Gen. Austin Miller that 2,500 troops be left in the country, though they denied to detail what they "
        "advised Biden directly.")
    assert "Mark Milley" in found["2,500"]


def test_what_was_said_starts_after_the_circumstance_and_that():
    # PolNeAR (Breitbart, 2016-09-30): "said during a Friday evening rally in Michigan that ..."
    text = ("Trump said during a Friday evening rally in Michigan that Clinton once described the so-called "
            "Trans-Pacific Partnership as “the gold standard” of trade deals when she was secretary of state.")
    articles = pd.DataFrame({"article_id": ["a"], "text": [text]})
    found = research.attributions(research.split_blocks(articles), articles)
    said = found[found["cue_text"] == "said"].iloc[0]
    assert text[said["content_start"]:].startswith("Clinton once described")


def test_a_contrast_the_outlet_draws_is_its_own():
    # AllSides 6108-right: ", in sharp contrast to the $2.25 trillion desired by President Biden" is the outlet's
    found = claimants(
        "Senate Republicans on Thursday called for spending upward of $568 billion to rebuild the nation’s roads and "
        "bridges, in sharp contrast to the $2.25 trillion desired by President Biden.")
    assert found["upward of $568 billion"] == "Senate Republicans"
    assert found["$2.25 trillion"] == ""


def test_who_gives_or_puts_a_figure_claims_it():
    # AllSides 5856-right: "authorities gave a death toll of 63"; PolNeAR (NYT, 2016-09-16): "... puts the figure at"
    found = claimants(
        "On Friday, authorities gave a death toll of 63 for Rhineland-Palatinate state, where Ahrweiler is located.",
        "The Tax Policy Center at the Urban Institute and Brookings Institution estimates that Mrs. Clinton's tax plan "
        "would raise $1.1 trillion over the next decade; the Center for Federal Tax Policy at the more conservative "
        "Tax Foundation puts the figure at $498 billion.")
    assert found["63"] == "authorities"
    assert "Tax Foundation" in found["$498 billion"]


def test_figures_stated_in_a_poll_named_before_are_the_polls():
    # BASIL 005a2961 (Fox): "In the poll, ..." and "The Republican primary poll was taken ..." go on with the poll
    # named before, whose "survey of Republican primary voters" names whom it asked, not its author
    found = claimants(
        "Trump, who placed second in an NBC/ Wall Street Journal poll of potential 2012 Republican candidates, said "
        "he will decide by June whether to run.",
        "In the poll, former Massachusetts Gov. Mitt Romney leads the would-be group of contenders with 21 percent of "
        "Republican primary voters surveyed followed by Trump and former Arkansas Gov. Mike Huckabee at 17 percent "
        "each. The Republican primary poll was taken as part of a March 31-April 4 survey of 1,000 adults, but the "
        "sample survey of Republican primary voters polled was only 238.",
        "In the poll, former House Speaker Newt Gingrich garnered 11 percent, while former Alaska Gov. Sarah Palin "
        "earned 10 percent support.")
    assert {found[figure] for figure in ("21 percent", "17 percent", "1,000", "238", "11 percent", "10 percent")} \
        == {"Wall Street Journal"}


def test_a_poll_opening_its_sentence_after_an_article_and_adjectives_claims_its_figures():
    # BASIL 005a2961 (Breitbart-like Fox piece): "A national NBC/WSJ poll released yesterday shows ..."
    found = claimants("A national NBC/WSJ poll released yesterday shows Trump tied for 2nd with Mike Huckabee in the "
                      "2012 GOP primary field at 17 percent (Mitt Romney leads the pack at 21 percent).")
    assert found["17 percent"] == found["21 percent"] == "NBC/WSJ"


def test_an_unplaced_speakers_words_go_on_into_later_paragraphs_only_until_another_is_cited():
    # BASIL 450755dd (NYT): "Many said" is not the source of the sign-ups three paragraphs on, after "my colleagues
    # ... report" and "the mayors of Boston and Chicago"
    found = claimants(
        "Many said they showed up because they agreed with the position of Chick-fil-A’s president on same-sex "
        "marriage, while others said they wanted to support freedom of expression for business owners.",
        "As my colleagues Kim Severson and Robbie Brown report from Atlanta, where Chick-fil-A began in the 1940s, "
        "the president, Dan T. Cathy, made comments last month about the biblical arguments against homosexuality. "
        "This prompted calls to boycott Chick-fil-A that were supported by the mayors of Boston and Chicago, along "
        "with plans for a same-sex kiss-in at the restaurants on Friday.",
        "Last weekend, Mr. Huckabee used his television and radio programs, as well as Facebook, to help organize an "
        "appreciation day for Chick-fil-A on Wednesday.",
        "More than 650,000 people signed up to participate, and tens of thousands “liked” photos of packed "
        "restaurants that Mr. Huckabee posted on his Facebook page on Wednesday.")
    assert found["More than 650,000"] == ""


def test_a_participle_or_circumstance_after_a_final_said_is_the_outlets():
    # BASIL 6f95dcb9 (NYT) and 450755dd (Fox): the crowd and the breakfast are the reporter's scene
    found = claimants(
        "Glenn Beck spoke on Saturday. “Hello, my name is the Republican Party and I have a problem!” he declared. "
        "“I’m addicted to spending and big government,” he said, drawing cheers and applause from the thousands of "
        "people packed into the hotel ballroom.",
        "“I mean, I do believe in the traditional values of marriage between a man and a woman,” youth pastor "
        "Stephen Lenahan told Fox News after a leisurely breakfast with three members of his ministry.")
    assert found["thousands of"] == found["three"] == ""


def test_a_figure_in_an_aside_right_after_the_source_describes_the_speaker():
    # BASIL 6f95dcb9 (Fox) and 08bb9bee (HuffPost): an age or a count set off by commas after the source
    found = claimants(
        "\"This is how is America should be,\" said Cynthia Burgiss, 22, a student at the University of Dayton in "
        "Ohio who attended the 9/12 march in D.C. this year.",
        "Other officials in the GOP, including five senior Missouri Republicans, were less forgiving, however, "
        "suggesting that Akin had created an irreversible distraction and could no longer run as a viable "
        "candidate.")
    assert found["22"] == found["five"] == ""
    # what follows the cue is what was said, not an aside
    assert claimants("Mary Smith, an economist at Acme Bank, said 40 plants had closed.")["40"].startswith("Mary Smith")


def test_a_figure_that_opens_the_sources_noun_phrase_is_no_claim_of_the_source():
    # BASIL 08bb9bee (NYT) and 38f7cbb7 (NYT): the source was cut inside the phrase the figure counts
    found = claimants(
        "Romney added his voice after five past and present Missouri Republican senators urged Akin to step aside.",
        "Mr. Issa and all seven Republicans on the Senate Judiciary Committee have asked the Justice Department to "
        "appoint a special prosecutor.")
    assert found["five"] == found["seven"] == ""


def test_a_figure_before_a_comma_and_the_source_of_a_that_clause_is_the_outlets():
    # BASIL ae243a95 (NYT) and 65cb14cb (NYT): what was said starts at "that", after the source
    found = claimants(
        "In a letter signed by the 42 members of the Republican caucus, delivered to the Senate majority leader, "
        "Harry Reid of Nevada, the Republicans informed their Democratic counterparts that they would not go forward.",
        "The former Pennsylvania senator has a 3-year-old daughter, Bella, with a serious chromosomal disorder, and he "
        "said that doctors who detect such a condition before birth typically recommend abortion.")
    assert found["42"] == found["3-year-old"] == ""


def test_a_final_source_followed_by_in_an_e_mail_holds_the_quotation_before_it():
    # BASIL ae243a95 (NYT): "said in an e-mail." ends the sentence like "said in a statement."
    found = claimants(
        "Democrats were hoping to force a more ambitious agenda into the final weeks, including the ratification of "
        "the New Start treaty, a military authorization bill that would repeal the “don’t ask, don’t tell” provision, "
        "the extension of unemployment funds and the Dream Act, an immigration bill.",
        "“If they really cared about creating jobs, they should stop blocking a preservation of unemployment "
        "insurance, which would create or save hundred of thousands of jobs,” Jim Manley, a spokesman for Mr. Reid, "
        "said in an e-mail. “Unfortunately this letter is nothing new. Republicans have simply put in writing their "
        "political strategy which they have pursued over the last two years.”")
    assert found["thousands of"].startswith("Jim Manley")


def test_what_goes_on_after_said_and_occasions_inside_a_quotation_are_still_said():
    # PolNeAR: "said, going on to say that" goes on reporting; debates counted inside a quotation are said
    found = claimants(
        "\"That we do not want to go back to a time when you have Trump, the big debate, I guess of today, what's the "
        "debate, the birther issue again we're bringing that up, is insane,\" Sanders said, going on to say that the "
        "country has spent \"hundreds of years fighting against racism and sexism and all that stuff, to have that "
        "debate again, young people do not want to see that…. They're way beyond that.",
        "“When Hillary Clinton participates in three debates, stands on her feet for 90 minutes in all of those "
        "debates … it will dispel any remaining doubts,” Ed Rendell said.")
    assert found["hundreds of"] == "Sanders" and found["three"] == "Ed Rendell"


@pytest.mark.parametrize(("text", "figure", "claimant"), [
    # PolNeAR dev (NYT): "late August" is when the poll was released, not who found it
    (("A Quinnipiac University poll released in late August found that 74 percent of likely voters said Mr. Trump "
      "should release his tax returns."),
     "74 percent", "Quinnipiac University"),
    # BASIL 6f95dcb9 (Fox): the speaker of an object relative clause claims only its own content
    (("Beck also launched the 9/12 Project, which sets forth nine values and 12 principles that he believes the "
      "country was founded upon."),
     "nine", ""),
    # Seed (CNBC): but an object relative clause that reports the figure it hangs on claims it
    (("South Korean lawmakers said Wednesday that North Korea had sent 3,000 troops to Russia out of a promised 10,000 "
      "to be deployed by December. That is twice the 1,500 that the South Korean intelligence agency had reported "
      "being sent last week."),
     "1,500", "the South Korean intelligence agency"),
    # PolNeAR dev (Politico): the injured are the outlet's count, the mayor only described the explosion
    (("Twenty-nine people were injured tonight in a densely packed Chelsea neighborhood by an explosion that Mayor "
      "Bill de Blasio described as “an intentional act.”"),
     "Twenty-nine", ""),
    # PolNeAR dev (Washington Post): a cue in an "if" clause after the figure is in another clause
    (("A three-judge panel of the U.S. Court of Appeals for the Sixth Circuit overruled a U.S. district court "
      "judge's decision that Husted was not violating any laws with the process he was using to take inactive "
      "voters off the rolls if they did not confirm their status."),
     "three", ""),
    # PolNeAR dev (Washington Post): what a relative clause after a comma adds is the outlet's
    ("Polls show a close contest in the state, where 18 electoral votes are up for grabs.", "18", ""),
    ("Clinton supporters have also questioned the health of Donald Trump, who is 70.", "70", ""),
    # PolNeAR dev (NYT): the crowd is where Obama spoke, in the participle phrase that opens the sentence
    (("Speaking to dignitaries and thousands of people watching from the National Mall, Mr. Obama said the museum "
      "would document the stories of Americans who are often overlooked in history books."),
     "thousands of", ""),
    # PolNeAR dev (UPI via Breitbart): the relative clause describes Diallo, not what Springsteen wrote
    (("“American Skin (41 Shots)” was written by Springsteen after the 1999 shooting death of Guinea immigrant "
      "Amadou Diallo, who was shot at 41 times by four plain-clothes NYPD officers."),
     "four", ""),
    # AllSides 5926-right (holdout-4): the age describes McAfee; the police sources told only of his death
    (("The 75-year-old eccentric tech entrepreneur was arrested in October and was awaiting extradition in the "
      "Barcelona jail when he was found dead by hanging, police sources told El Pais."),
     "75-year-old", ""),
    # PolNeAR dev (Western Journal): Trump claimed a loss on a tax return; the Times wrote what it was
    (("The Times on Saturday wrote that Trump had claimed a loss of $916 million in 1995, which could have allowed "
      "him to avoid paying taxes for the next 18 years."),
     "$916 million", "The Times"),
    # PolNeAR dev (Politico): a House committee's vote is a fact the outlet reports, not a regulator's decision
    (("The House Oversight and Government Reform Committee voted 19-15 along party lines, to send a contempt "
      "resolution to the full House."),
     "19-15", ""),
    # PolNeAR dev (NYT): "rules" is the plural noun, not a ruling of "a set of Clean Air Act"
    (("In 2014, Mr. Obama unveiled the first draft of what would become the Clean Power Plan: a set of Clean Air Act "
      "rules that could lead to the closing of hundreds of coal-fired power plants."),
     "hundreds of", ""),
    # PolNeAR dev (AP via Breitbart): "worries" followed by a verb is a noun, no one worrying
    (("Health worries have dogged 68-year-old Hillary Clinton after she collapsed during a pneumonia spell earlier "
      "this month."),
     "68-year-old", ""),
    # PolNeAR holdout-6 (Politico): a figure in the clause "Though" opens is no part of what the study found
    (("Though his plan would dole out more than $4 trillion in tax cuts, one study found Trump would actually raise "
      "taxes on 8 million low- and middle-income Americans."),
     "more than $4 trillion", ""),
    # AllSides 5972-center (choose): nor one in the clause "Despite" opens, up to the dash before the main clause
    (("Despite a stubbornly high unemployment rate of 6.1% in April — representing 9.8 million people who say they "
      "are actively looking for work — many employers are reporting that they can’t find people to hire."),
     "9.8 million", ""),
    # AllSides 5890-center (holdout-4): but a cue set off by commas after that clause governs the whole sentence
    (("Despite the U.S. being on track to hit 160 million people fully vaccinated in the coming days, Biden said, "
      "millions remain unvaccinated against Covid."),
     "160 million", "Biden"),
])
def test_who_claims_a_figure_in_full_articles(text, figure, claimant):
    assert claimants(text)[figure] == claimant  # "" is the outlet, in its own voice


def test_a_definite_document_is_the_one_named_just_before_not_a_later_one():
    # PolNeAR dev (Washington Post): "The study" is the Reuters survey of the sentence before, not Loyola's study
    found = claimants(
        "The current policy of mandating that inactive voters effectively prove that they still belong on the voter "
        "rolls appears to be helping Republicans in Ohio's largest metropolitan areas, according to a recent Reuters "
        "survey of voter lists. The study found that in the state's three largest counties, which include Cleveland, "
        "Cincinnati and Columbus, voters have been taken off the rolls in Democratic-leaning neighborhoods at about "
        "twice the rate as in GOP-heavy areas.",
        "Republicans have expressed concern that changing the policy could lead to voter fraud. However, documented "
        "instances of fraud are rare. A 2014 study by Loyola Law School professor Justin Levitt found 31 incidents "
        "of voter impersonation out of more than a billion ballots cast.")
    assert found["about twice"] == "Reuters"
    assert "Loyola Law School" in found["31"]


def test_the_writers_first_person_is_the_outlets_voice():
    # PolNeAR dev (NYT column): "I" outside a quotation is the columnist, not the adviser named before
    found = claimants(
        "Mr. McKinley is bearish on the future of student loans and expects them to become generally less available "
        "over time.",
        "If you're in that situation, please read the two guides I wrote in 2014 for people in that spot.")
    assert found["two"] == ""


def test_a_quoted_paragraph_after_a_colon_goes_on_with_its_source():
    # BASIL a28a0329 (HuffPost): the quoted paragraph is what The Washington Post reported
    found = claimants(
        "The Washington Post reported last week that reading the founding document in full appears to be a first in "
        "the chamber’s 221-year history:",
        "“Call it the tea party-ization of Congress. ... These are two standout changes on a long list of new rules "
        "Republicans will institute in the House when they assume the majority on Jan. 5.”")
    assert found["two"] == "The Washington Post"


def test_a_source_after_said_may_open_with_a_number():
    # PolNeAR dev (Western Journal): "9/11 widow Terry Strada" is one noun phrase (the source of the quotation; its
    # "100 percent wrong" is emphatic, no figure: polnear-dev ruling 7)
    text = ("Test headline\n\n“The president’s rationales to veto JASTA don’t hold weight. They are 100 percent wrong,” "
            "said 9/11 widow Terry Strada.")
    articles = pd.DataFrame({"article_id": ["a"], "outlet": ["Test"], "published": ["2016-09-23"], "text": [text]})
    assert "Terry Strada" in research.attributions(research.split_blocks(articles), articles)["source_text"][0]


def test_a_pronoun_refers_to_a_speaker_named_again_by_last_name():
    # PolNeAR dev (Breitbart): "He said:" follows "Trump responded", not the "Clinton talked" before it
    found = claimants(
        "Following Monday’s presidential debate Politifact did a fact-check on Donald Trump’s claim that there have "
        "been “thousands of shootings” in gun-controlled Chicago this year alone.",
        "Trump made this statement during a portion of the debate focused on the racial divide in America. The "
        "transcript of the debate–published by The Washington Post–shows that Clinton talked about criminal justice "
        "reform and passing more gun control. Trump responded by using the example of Chicago to prove that gun "
        "control is not the solution.",
        "He said:",
        "\"We have a situation where we have our inner cities, African- Americans, Hispanics are living in he’ll "
        "because it’s so dangerous. You walk down the street, you get shot.\xa0In Chicago, they’ve had thousands of "
        "shootings, thousands since January 1st.\"")
    assert found["thousands"] == "Donald Trump"  # "thousands since January 1st", in the quoted paragraph


def test_a_quoted_paragraph_goes_on_with_the_source_of_the_paragraph_before():
    # BASIL a28a0329 (HuffPost): the quoted paragraph is Keating's, named in the paragraph before
    found = claimants(
        "According to Peter Keating at Vanity Fair, $1.1 million is the estimated cost of GOP plans to read the "
        "document on the House floor.",
        "“The amount I get is nearly $1.1 million. $1,071,872.87, to be exact, though of course this is more "
        "back-of-the-envelope than exact.”")
    assert "Peter Keating" in found["$1,071,872.87"]


def test_a_polls_findings_go_on_in_the_present():
    # PolNeAR holdout-6-full (Politico): the poll cited in the lede is the source of the present-tense shares after it
    found = claimants(
        "HIllary Clinton and Donald Trump are virtually tied heading into their first debate, according to a new "
        "Washington Post-ABC News national poll.",
        "Among likely voters in a four-way race, 46 percent would choose Clinton and 44 percent would back Trump, "
        "while 5 percent prefer Libertarian nominee Gary Johnson and 1 percent support the Green Party’s Jill Stein.")
    assert "Washington Post-ABC News" in found["46 percent"] and found["5 percent"] == found["46 percent"]


def test_a_report_that_relays_a_persons_words_opens_no_run():
    # Seed 004 (Washington Times): the AP report relays Kirby's words; the next paragraph's 1,500 is not the AP's
    found = claimants(
        "Talking to reporters later in the day at the White House, Biden administration national security spokesman "
        "John Kirby said the U.S. analysts now believe that at least 3,000 North Korean soldiers traveled by ship to "
        "Vladivostok, Russia’s largest Pacific port, in early to mid-October.",
        "“These soldiers then traveled onward to multiple Russian military training sites in eastern Russia, where "
        "they are currently undergoing training,” Mr. Kirby said, according to an Associated Press report.",
        "South Korean intelligence was the first to publicize reports that the Russian navy last week transported "
        "some 1,500 North Korean special warfare troops to Russia.")
    assert "Associated Press" not in found["some 1,500"]


@pytest.mark.parametrize(("paragraphs", "expected"), [
    # a charts source line credits the figures of the paragraph before it: PolNeAR dev (Washington Post): the
    # chart's figures are NATO's, as its source line says
    ((
      "Highest share of defense spending in NATO.",
      ("Only five countries in NATO spend more than the alliance's recommended 2 percent of gross domestic "
       "product on defense. The U.S. spends more than twice as much as all other NATO countries combined."),
      "Source: NATO.",
     ),
     {"five": "NATO", "2 percent": "NATO", "more than twice": "NATO"}),
    # a noun of expectation names no forecaster: PolNeAR dev (USA Today): "expectations" is no forecast verb, so
    # no one before it forecasts the 11 debates
    ((
      ("Presidential candidates generally benefit from lowered debate expectations, yet Donald Trump "
       "continually brags about his prowess in his 11 primary-season debates."),
     ),
     {"11": ""}),
    # an organisation noun after according to is a source: PolNeAR dev (NYT): "the union" is who says so, and the
    # next sentence goes on with what it says
    ((
      ("A few weeks before it filed for bankruptcy, the company, which is based in St. Louis, took steps to "
       "improve its chances in court, according to the union. Patriot created two subsidiaries in New York "
       "City, allowing its case to be heard there."),
     ),
     {"two": "the union"}),
    # a finding goes on into the paragraphs that follow: PolNeAR holdout-6-full (Western Journal): what the center
    # found is the source of the next paragraphs' figures
    ((
      ("In 2013, research conducted by the Center for Media and Public Affairs found PolitiFact consistently "
       "rated Democrats higher in its fact-checking."),
      ("PolitiFact rated 32% of Republican claims as “false” or “pants on fire,” compared to 11% of "
       "Democratic claims – a 3 to 1 margin."),
     ),
     {"32%": "the Center for Media and Public Affairs", "11%": "the Center for Media and Public Affairs"}),
    # members who found ways release no finding: PolNeAR holdout-6-full (NYT): "have found ways" is no finding
    # that the next paragraph's figures go on with
    ((
      ("Companies and individuals complain bitterly that taxes are too high and the rules too complicated, "
       "but many corporations and the wealthiest members of our society have found ways to make the tax code "
       "work for them."),
      "To put that number in context, the 2015 federal budget deficit was $438 billion.",
     ),
     {"$438 billion": ""}),
    # a figure that describes the document is the outlets: AllSides 5812-left (holdout-4): the report named by
    # "according to" is the source, its length the outlet's
    ((
      ("Gov. Andrew M. Cuomo sexually harassed multiple women, including current and former government "
       "workers, breaking state and federal laws and engaging in a pattern of unwanted touching and "
       "inappropriate comments, according to a much anticipated report from the New York State attorney "
       "general, Letitia James, released on Tuesday."),
      ("The 165-page report said that Mr. Cuomo, a third-term Democrat, and his aides cultivated a toxic "
       "work culture in his office that was rife with fear and intimidation."),
     ),
     {"165": ""}),
    # figures cited according to go on into the next paragraph: AllSides 5668-left (choose): the F.B.I.'s figures,
    # cited in the lede, are the source of the next paragraph's
    ((
      ("The United States experienced its biggest one-year increase on record in murders in 2020, according "
       "to new figures released Monday by the F.B.I., with some cities hitting record highs."),
      ("Although major crimes were down overall, an additional 4,901 murders were committed in 2020 compared "
       "with the year before, the largest leap since national records started in 1960."),
     ),
     {"an additional 4,901": "the F.B.I"}),
    # polling is a source named as itself: AllSides 6102-right (holdout-dev): "polling shows" is the source, and
    # its shares go on in the present
    ((
      ("After almost 100 days, polling shows Joe Biden gets a higher approval rating than Donald Trump, but "
       "still one of the lowest at this point in any administration since World War II."),
      ("Biden's 52% approval is much higher than Trump's 42%, but he's also received much more positive "
       "media coverage than Donald Trump."),
     ),
     {"52%": "polling", "42%": "polling"}),
    # federal statistics are not the speaker named before: PolNeAR holdout-6-full (Washington Post): "federal
    # statistics" names its keeper, not Ivanka Trump quoted before
    ((
      ("In a Wall Street Journal essay last week, Ivanka Trump acknowledged their uphill battle. “The number "
       "of households led by single mothers has doubled in the past three decades,” she wrote."),
      ("About 9.9 million single mothers with young children live in the United States, according to federal "
       "statistics."),
     ),
     {"About 9.9 million": "federal statistics"}),
    # records are named as themselves: BASIL 85475456 (NYT, full-dev): "according to records" is the source, not
    # Mr. Blumenthal quoted before
    ((
      ("“We have learned something important since the days that I served in Vietnam,” Mr. Blumenthal said "
       "to the group gathered in Norwalk in March 2008."),
      ("There was one problem: Mr. Blumenthal, a Democrat now running for the United States Senate, never "
       "served in Vietnam. He obtained at least five military deferments from 1965 to 1970 and took repeated "
       "steps that enabled him to avoid going to war, according to records."),
     ),
     {"at least five": "records"}),
])
def test_figures_are_claimed_by_whoever_their_paragraphs_credit(paragraphs, expected):
    found = claimants(*paragraphs)
    assert {figure: found[figure] for figure in expected} == expected  # "" is the outlet


@pytest.mark.parametrize(("text", "figure", "source"), [
    # PolNeAR holdout-6 (Western Journal): the subject of "shows" runs on past a preposition and a participle
    (("The Real Clear Politics average of polls taken over the past two weeks shows Clinton leading Trump 47.3 "
      "percent to 44.4 percent."), "47.3 percent", "Real Clear Politics"),
    # PolNeAR holdout-6 (NYT): and past a passive participle and its agent
    (("An exhaustive  study being released on Tuesday by a group of researchers shows in detail how Fortune 500 "
      "companies have managed to shelter trillions of dollars in profits offshore from being taxed."),
     "trillions of dollars", "study"),
    # PolNeAR holdout-6 (Western Journal): and before a relative clause set off by commas
    (("The USC Dornsife/Los Angeles Times Daybreak tracking poll, which tracks Americans’ support for the presidential "
      "candidates on a daily basis, showed that as of Friday, Trump is leading Clinton 47.1 percent to 41.7 percent."),
     "47.1 percent", "USC Dornsife/Los Angeles Times Daybreak tracking poll"),
])
def test_a_long_subject_read_from_parts_of_speech_claims_what_its_verb_says(text, figure, source):
    assert source in claimants(text)[figure]


def test_a_sentence_that_introduces_someones_words_after_a_colon_names_the_quotation_that_follows():
    # holdout-6-full west-journal_2016-09-26: "made the following comment:" and "this statement by Trump ...:"
    found = claimants(
        "On July 6, 2015, Sanders made the following comment:",
        "“For young people who have graduated high school or dropped out of high school, who are between the ages "
        "of 17 and 20, if they happen to be white, the unemployment rate is 33 percent.  If they are Hispanic, the "
        "unemployment rate is 36 percent.“",
        "The bias begins to show when looking at how the website rated this statement by Trump on June 11:",
        "“If you look at what’s going on in this country, African-American youth is an example: 59 percent "
        "unemployment rate.”")
    assert (found["33 percent"], found["36 percent"], found["59 percent"]) == ("Sanders", "Sanders", "Trump")


# holdout-6-full usa-today_2016-09-16: the analysis named with its author, not the candidates cited before it
VETERANS = (("Presidential candidates Hillary Clinton and Donald Trump cited the figure at last week's "
             "Commander-in-Chief Forum viewed by 14.7 million people, further raising the issue's visibility."),
            ("But a 46-page suicide analysis released by the Department of Veterans Affairs last month reveals just "
             "how swift this current of self-destruction is flowing."),
            ("Veterans in 2014 were killing themselves at three times the rate of civilians and at a quickening pace, "
             "up by a third from 2001 to 2014."))
# holdout-4 5820-right: "released a report", whose ", which was cited by the agency" aside names no speaker
PROVINCETOWN = (("The Centers for Disease Control and Prevention (CDC) released a report Friday detailing a recent "
                 "COVID-19 outbreak in Provincetown, Massachusetts, which was cited by the agency as a contributing "
                 "factor to its recent change in mask guidance."),
                ("Over the July 4 weekend, gatherings in Provincetown contributed to at least 900 cases, and roughly "
                 "75% of those who tested positive in the cluster were vaccinated."))


@pytest.mark.parametrize(("paragraphs", "figure", "claimant"), [
    (VETERANS, "three times", "Department of Veterans Affairs"),
    (PROVINCETOWN, "at least 900", "The Centers for Disease Control and Prevention (CDC)"),
])
def test_a_release_named_with_its_author_goes_on_into_later_paragraphs(paragraphs, figure, claimant):
    assert claimants(*paragraphs)[figure] == claimant


def test_a_quotation_in_two_straight_single_quotes_goes_on_with_its_speaker():
    # PolNeAR train (nyt_2015-11-26): the New York Times copy writes ''...'' at both ends of a quotation
    found = claimants(
        "''Some courses are adapting, others are just not,'' said Paul H. Chipok, a lawyer in Orlando who specializes "
        "in land-use and environmental issues. ''It costs $100,000 a month to operate an 18-hole golf course - mowing "
        "the grass, fertilizing, regular maintenance. And that's not including capital improvements. You need a lot "
        "of green fees to cover that.''")
    assert found["$100,000"].startswith("Paul H. Chipok")


def test_a_release_goes_on_no_further_than_three_paragraphs_after_the_one_that_names_it():
    # PolNeAR train (wash-post_2016-06-14): RealClearPolitics' primary count names no source of the exit-poll shares
    # eight paragraphs down
    found = claimants(
        "As I mentioned above, Trump got more than 13 million votes in the Republican primary process - 13.3 million "
        "to be exact, according to RealClearPolitics.",
        "Now, compare that with how many votes Romney, a.k.a. the choking dog, got in the 2012 general election: 60.9 "
        "million. And Romney lost - convincingly - to President Obama, who got nearly 66 million votes.",
        "Romney's popular vote numbers are no outlier. John McCain got nearly 60 million votes and was crushed by "
        "Obama (69 million votes) in 2008. George W. Bush got 62 million votes in his 2004 reelection win.",
        "It's a reasonable assumption then that Trump will need at least 60 million votes to win this fall - and "
        "almost certainly north of 65 million, given population growth in the country.",
        "That's about five times the number of votes he received in the primary campaign.",
        "But, assuming that what worked to win 13 million votes is a sure-fire recipe for winning five times that "
        "number seems to be a decidedly shaky proposition.",
        "Why? Because we know from recent presidential history that the electorate of a Republican primary is whiter "
        "and older - by a considerable amount - than the general electorate.",
        "Let's, for example, take a look at the swing state of Florida, which also happened to be one of Trump's "
        "strongest states in the primary process.",
        "In the Florida Republican primary in March, 74 percent of voters were 45 or older. Seventy-eight percent were "
        "white, while 16 percent were Latino and 3 percent were black.")
    assert found["13.3 million"] == "RealClearPolitics"
    assert found["74 percent"] == "" and found["Seventy-eight percent"] == ""


def test_a_cue_of_belief_wish_or_act_releases_nothing_the_next_sentence_goes_on_with():
    # PolNeAR train (huff-post_2016-04-27): "declared war" is an act; the next sentence's districts are the outlet's
    found = claimants(
        "The Azerbaijani authorities declared war on Nagorno-Karabakh, leading to a four-year bloody conflict with "
        "more than 30,000 combat and civilian deaths and more than 1 million internally displaced persons until a "
        "ceasefire agreement was signed in 1994. Armenian forces won the war, seizing seven districts between Armenia "
        "and Nagorno-Karabakh to connect the two pieces of land.")
    assert found["seven"] == ""


def test_a_document_that_names_its_author_before_its_noun_is_theirs_not_a_pollster_named_before():
    # PolNeAR train (wash-post_2015-11-08): "a WBUR poll" is WBUR's, not the CNN-ORC survey's two paragraphs up
    found = claimants(
        "He is but a blip in national polls, but in Iowa, a CNN-ORC survey released Friday had him at 4 percent in "
        "the sprawling field.",
        "But beneath them, Kasich, Christie and Bush register more strength in New Hampshire. For instance, a WBUR "
        "poll last week showed Rubio in third at 11 percent, followed closely by Kasich at 10 percent, Christie at 8 "
        "percent and Bush at 7 percent.")
    assert found["11 percent"] == "WBUR" and found["7 percent"] == "WBUR"


def test_a_named_person_who_wants_to_do_something_claims_its_figures():
    # PolNeAR (Breitbart and NYT, 2016): "Clinton wants to" lays out her own plan, over the cue of the sentence before;
    # a plural "want to" of several parties stays the outlet's (BASIL, 2010)
    found = claimants(
        "Under the new program, people would enroll, receive training and then state and local leaders could call on "
        "their help during in natural disasters or emergency situations. Clinton wants to sign up 5 million people, "
        "focusing on people under 30.",
        "Hillary Clinton wants to make in-state tuition for four-year state universities free for families with less "
        "than $125,000 in income, but her plan would require the financial help of states that may not want to chip in.",
        "President Obama and Democratic lawmakers want to extend the cuts to all Americans except those with income "
        "above $250,000, while Republicans want tax cuts extended to Americans at all income levels.")
    assert found["5 million"] == found["under 30"] == "Clinton"
    assert found["less than $125,000"] == "Hillary Clinton"
    assert found["$250,000"] == ""
    # PolNeAR train (HuffPost, 2016): inside a quotation it is the speaker's words, and no plan goes on from it
    quoted = claimants(
        "“[Trump’s] comments were, one, outrageous and dangerous. Ted Cruz wants to ban all abortions in this "
        "country. John Kasich, the supposed moderate in this race, has signed 18 different bills in Ohio to end "
        "access to health care for women.”")
    assert quoted["18"] != "Ted Cruz"


def test_per_or_by_someones_own_admission_credits_its_sentence_only():
    # PolNeAR (NYT and USA Today, 2016): "per the McKinley plan" and "By Trump's own admission" credit what their
    # sentence states, as "according to" does, and nothing the next sentence goes on with
    found = claimants(
        "SAVE A QUARTER Let's say you think an undergraduate degree from a state university will cost $160,000 in 18 "
        "years, including room and board. A quarter of that, per the McKinley plan, is $40,000. To save that much, "
        "you'd need to put aside about $115 each month for 18 years if it earns a 5 percent annual return.",
        "By Trump's own admission, his tax returns in most years are far thicker than his 100-page disclosure report.")
    assert found["A quarter"] == found["$40,000"] == "the McKinley plan"
    assert found["about $115"] == found["5 percent"] == ""
    assert found["100"] == "Trump"  # "100-page"


def test_a_poll_named_with_its_author_in_a_sentence_without_a_cue_is_its_source():
    # PolNeAR train (Breitbart and Western Journal, 2016): "In an ... poll", also at the end of the sentence
    found = claimants(
        "In an NBC News/Wall Street Journal poll released Monday, 50 percent of respondents chose Clinton while 40 "
        "percent chose Trump.",
        "In his highest percentage to date, Donald Trump achieved 45 percent support among Republican voters in a new "
        "Fox News poll released Thursday.")
    assert found["50 percent"] == found["40 percent"] == "NBC News/Wall Street Journal"
    assert found["45 percent"] == "Fox News"
    # PolNeAR train (Washington Post, 2016): the poll's noun capitalised with its name
    found = claimants("President Obama's job approval rating in the latest Washington Post-ABC News Poll stands at a "
                      "robust 53%.")
    assert found["53%"] == "Washington Post-ABC News"


def test_a_source_that_is_no_actor_claims_nothing():
    # PolNeAR train ledes (as a feed cuts them: "335..."): a preposition's phrase, a demonstrative, a dateline or an
    # opening participle is no source
    found = claimants(
        "With his campaign buffeted by criticism and denying claims of plagiarism, 721 delegates cast their votes "
        "for candidates other than the nominee.",
        "That comment was posted from the 335...",
        "BUENA PARK, Calif. - Rallying hundreds of service workers who are struggling to get by, Hillary Clinton tried "
        "here last week to empathize with their frustrations and promised to deliver change.",
        "Arriving upon the scene, police began searching for active shooters, believing there may be as many as "
        "three, but finding only one man.", excerpt=True)
    assert found["721"] == found["335"] == found["hundreds of"] == found["one"] == ""


def test_a_public_bodys_release_goes_on_past_a_forecast_into_the_next_paragraphs():
    # holdout-12 (MarketWatch, 2019-11-13): "the government said" gives out figures (not an opinion), and the economists'
    # forecast between does not end its run; the later month's and the year's figures are still the release's
    found = claimants(
        "The consumer price index jumped 0.4% in October, with energy accounting for more than half the increase, the "
        "government said Wednesday.",
        "Economists polled by MarketWatch had forecast a 0.3% advance.",
        "The increase in the cost of living over the past 12 months edged up to 1.8% from 1.7%, but it’s still well "
        "below last year’s peak of nearly 3%.", excerpt=True)
    assert found["0.4%"] == found["1.8%"] == found["1.7%"] == "the government"
    assert found["0.3%"] == "Economists polled by MarketWatch"
    # the opinion of an unplaced actor still goes on into no later paragraph
    found = claimants("Critics of the plan say it would cost $2 trillion.",
                      "The program covered 40,000 people last year.", excerpt=True)
    assert found["40,000"] == ""


def test_figures_reported_by_authorities_before_a_colon_go_on_into_the_dashed_items():
    # holdout-11 (Associated Press, 2020-02-06): the release is named passively ("figures reported by health
    # authorities"), and the items of the list it introduces open with a dash
    found = claimants(
        "A viral outbreak that began in China has infected more than 31,400 people globally.",
        "The latest figures reported by health authorities as of Friday in Beijing:",
        "— China: 636 deaths and 31,161 confirmed cases on the mainland. In addition, Hong Kong has had 22 cases, "
        "including one death.", excerpt=True)
    assert found["636"] == found["31,161"] == found["22"] == "health authorities"
    assert found["more than 31,400"] == ""
