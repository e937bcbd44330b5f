// Victims reader: people counted without a number, and words that carry their count.
// Each row is a sentence and the claims it must give (outcome, category, bounds), or
// none at all.
#include <catch2/catch.hpp>

#include <array>
#include <string_view>

#include "extract/extract.hpp"
#include "extract/text.hpp"
#include "extract/victims.hpp"
#include "extract_reader_fixture.hpp"

using namespace reckon;

namespace {

// "outcome category [low,high]" per claim, joined by " | "; "" when there is none.
std::string claims_of(const std::string& text) {
    diagnostics d;
    const auto cs = extract::extract_claims(test::article_of(text, date::of_day(2015, 6, 10)), test::test_registries().ctx, d);
    std::string out;
    for (const auto& c : cs) {
        if (!out.empty()) out += " | ";
        out += std::string(to_string(c.outcome)) + " " + c.category + " [" + (c.low ? std::to_string(*c.low) : "null") + "," +
               (c.high ? std::to_string(*c.high) : "null") + "]";
    }
    return out;
}

struct row {
    const char* sentence;
    const char* expected;
};

void check_rows(const std::vector<row>& rows) {
    for (const auto& r : rows) {
        CAPTURE(r.sentence);
        CHECK(claims_of(r.sentence) == r.expected);
    }
}

}  // namespace

TEST_CASE("victims: one person named as the subject of what happened to them", "[extract][victims]") {
    check_rows({
        {"A man was killed in the shooting.", "killed men [1,1]"},
        {"A woman was shot and killed on Tuesday.", "killed women [1,1]"},
        {"A 17-year-old boy was shot dead outside his home.", "killed children [1,1]"},
        {"A teenager died at the hospital.", "killed people [1,1]"},
        {"The victim died at the hospital.", "killed people [1,1]"},
        {"A child was among the dead.", "killed children [1,1]"},
        {"A teen boy is dead after a shooting.", "killed children [1,1]"},
        {"The 17-year-old was pronounced dead on the sidewalk.", "killed people [1,1]"},
        {"An off-duty police officer was fatally shot.", "killed fighters [1,1]"},  // police are security forces
        {"A man was shot in the leg.", "injured men [1,1]"},
        {"A woman was shot and taken to a hospital in stable condition.", "injured women [1,1]"},
        {"A man was wounded in the attack.", "injured men [1,1]"},
        {"A woman suffered a gunshot wound to the arm.", "injured women [1,1]"},
        {"A man was shot multiple times and later died at the hospital.", "killed men [1,1]"},
        {"A man and a woman were killed.", "killed people [2,2]"},  // one predicate: counted together
    });
}

TEST_CASE("victims: a named person with an age or apposition", "[extract][victims]") {
    check_rows({
        {"John Smith, 23, was shot dead on Main Street.", "killed people [1,1]"},
        {"Marlon Teague, 13, died from a gunshot wound.", "killed people [1,1]"},
        {"Quentin Lee Moss, a 41-year-old man, was shot and killed Sunday.", "killed people [1,1]"},
        {"Smith was pronounced dead at the scene.", "killed people [1,1]"},
        {"A gunman opened fire, killing Noemi Castillo.", "killed people [1,1]"},
        {"Police are investigating the death of Colin Brandt.", "killed people [1,1]"},
        {"John Smith, 23, was arrested on Monday.", ""},
        {"John Smith, 23, was charged with murder.", ""},
    });
}

TEST_CASE("victims: the object of a killing verb", "[extract][victims]") {
    check_rows({
        {"The blast ripped through the market, killing a civilian.", "killed civilians [1,1]"},
        {"Shelling left a child dead.", "killed children [1,1]"},
        {"A gunman shot and killed a teenager.", "killed people [1,1]"},
        {"The shooting wounded a woman.", "injured women [1,1]"},
        {"Detectives are looking into the fatal shooting of a man.", "killed men [1,1]"},
    });
}

TEST_CASE("victims: words that carry their count", "[extract][victims]") {
    check_rows({
        {"Police are investigating a double homicide.", "killed people [2,2]"},
        {"He was convicted of a triple murder.", "killed people [3,3]"},
        {"Officers found the bodies in what they called a murder-suicide.", "killed people [1,1] | killed suspects [1,1]"},
        {"A quadruple shooting was reported.", ""},
    });
}

TEST_CASE("victims: suspects and perpetrators are their own group", "[extract][victims]") {
    check_rows({
        {"The gunman killed himself.", "killed suspects [1,1]"},
        {"The suspect was shot dead by police.", "killed suspects [1,1]"},
        {"Two suspects were shot dead by police.", "killed suspects [2,2]"},
        {"The gunman killed two people.", "killed people [2,2]"},
    });
}

TEST_CASE("victims: people named who are not victims give no figure", "[extract][victims]") {
    check_rows({
        {"A man was arrested in connection with the killing.", ""},
        {"Deputies are searching for a man who ran off after the shooting.", ""},
        {"A man's car was hit by gunfire.", ""},
        {"The victim's family asked for privacy.", ""},
        {"Witnesses heard shots and called police.", ""},
        {"The gunman shot two people.", "injured people [2,2]"},
        {"More than 200 people were killed, the Observatory said.", "killed people [201,null]"},
    });
}

TEST_CASE("victims: shot, and the part of them who died", "[extract][victims]") {
    check_rows({
        {"Four people were shot, one fatally.", "injured people [3,3] | killed people [1,1]"},
        {"Six people were shot at the party, two of them fatally.", "injured people [4,4] | killed people [2,2]"},
        {"A gunman shot four people, killing one.", "injured people [3,3] | killed people [1,1]"},
        {"Six people were shot on Sunday.", "injured people [6,6]"},
        {"Two people were shot and killed.", "killed people [2,2]"},
        {"Two of the wounded later died in hospital.", "killed people [2,2]"},
        {"Three people died of their wounds.", "killed people [3,3]"},
    });
}

TEST_CASE("victims: known misreadings of tolls", "[extract][victims]") {
    check_rows({
        {"Fifty-one dead and over 100 wounded in the blasts.", "killed people [51,51] | injured people [101,null]"},
        {"Seven people were killed and 34 others were wounded.", "killed people [7,7] | injured people [34,34]"},
        {"The toll is higher than the one given by the authorities, who said 12 people were killed.", "killed people [12,12]"},
        {"The air strikes killed 129 loyalists on Sunday.", "killed fighters [129,129]"},
        {"The attack on two villages killed 15 civilians.", "killed civilians [15,15]"},
        {"Shelling hit three houses and killed 4 people.", "killed people [4,4]"},
        {"The army killed 28 and wounded 30 Daesh militants.", "killed fighters [28,28] | injured fighters [30,30]"},
    });
}

TEST_CASE("victims: misreadings found by judging conflicts", "[extract][victims]") {
    check_rows({
        // the subject of an active verb with an object did it: no one-person figure
        {"Shelling has also killed 12 rebel fighters and 40 loyalist troops, the monitor said.",
         "killed fighters [12,12] | killed fighters [40,40]"},
        {"Clashes have killed 25 regime and allied fighters as well as 18 rebels.", "killed fighters [25,25] | killed fighters [18,18]"},
        {"The raid reportedly killed three guards.", "killed fighters [3,3]"},
        {"Smith, who wounded two clerks, was arrested.", "injured people [2,2]"},
        // attackers counted are not victims
        {"Two suicide bombers killed at least nine people at the checkpoint.", "killed people [9,null]"},
        {"Four gunmen wounded six villagers on Friday.", "injured people [6,6]"},
        {"Four gunmen were killed by troops on Friday.", "killed fighters [4,4]"},
        // killed and injured counted together: no figure of either
        {"52 Killed & Injured in Market Blast", ""},
        {"Officials said 30 dead/wounded were taken to the clinic.", ""},
        // a capitalised adjective is no name
        {"The bombing allegedly killing Yemeni civilians drew protests.", ""},
        {"A plan aimed at killing Kurdish autonomy was shelved.", ""},
        {"The blast left at least 14 civilians dead and dozens injured Lebanese media reported.",
         "killed civilians [14,null] | injured people [null,null]"},
        // still a name: with a particle or an apposition after it
        {"Activists reported the killing of Nabil al-Hourani a wanted smuggler.", "killed people [1,1]"},
        {"Officials said troops had killed Kadyrov one of the most wanted commanders.", "killed people [1,1]"},
        // a possessive, not the object: "killing her family"
        {"The strike hit the house killing her family.", ""},
        // nouns joined are both kinds: people
        {"The raid hit the convoy killing scores of medics and civilians.", "killed people [null,null]"},
        // still a name: "pronounced Lewis dead", "killing Lewis as he slept"
        {"Doctors pronounced Okafor dead at the hospital.", "killed people [1,1]"},
        {"The intruder killed Okafor as he slept.", "killed people [1,1]"},
        // men of an armed group are fighters, coordinated past their group
        {"The drone hit a truck killing two men from the Hamza Brigade and four men from the local militia.",
         "killed fighters [2,2] | killed fighters [4,4]"},
        // a part before its open total is open too
        {"Nine children were among at least 40 people killed in the raids.", "killed children [9,null] | killed people [40,null]"},
        // people named in a breakdown do not end it: "among them a child and two women"
        {"Eight civilians died among them a boy and three women and 11 others were wounded.",
         "killed civilians [8,8] | killed women [3,3] | injured civilians [11,11]"},
        // a place between the group and its predicate; struck by gunfire
        {"Three people at the cookout were shot on Saturday.", "injured people [3,3]"},
        {"Two women inside the hall were shot.", "injured women [2,2]"},
        {"A girl was struck by a stray bullet in her bedroom.", "injured children [1,1]"},
        {"Two bystanders were hit by gunfire and later died.", "killed people [2,2]"},
    });
}

TEST_CASE("victims: one number over two groups, and parts after their count", "[extract][victims]") {
    check_rows({
        // two kinds of people under one number are people; a breakdown keeps its first group
        {"Gunmen executed 14 policemen and members of their families.", "killed people [14,14]"},
        {"The shelling killed 9 women and children in the camp.", "killed people [9,9]"},
        {"The army lost 25 troops and militia in the assault.", "killed fighters [25,25]"},
        {"Strikes killed 40 people including 12 women and children.", "killed people [40,40] | killed women [12,12]"},
        // "N of them": a part of the count before it
        {"The toll rose to 64, 20 of them children, the monitor said.", "killed people [64,64] | killed children [20,20]"},
        {"Raids killed at least 31 civilians eight of them children on Monday.",
         "killed civilians [31,null] | killed children [8,null]"},
        // a second count past a place: "and another 17 people in the village"
        {"The raids killed 12 people including four children near the bridge and another 17 people in the village.",
         "killed people [12,12] | killed children [4,4] | killed people [17,17]"},
        {"Shelling killed 5 soldiers in the valley and 20 people fled.", "killed fighters [5,5]"},
        // tolls per place after a total, each with its own place
        {"A total of 30 civilians were killed including 11 in Bayda 9 in Qasr 6 in Tell and 4 in Rumi.",
         "killed civilians [30,30] | killed civilians [11,11] | killed civilians [9,9] | killed civilians [6,6] | killed civilians [4,4]"},
    });
}

TEST_CASE("victims: pronouns as the object of a killing, and the one who killed himself", "[extract][victims]") {
    check_rows({
        {"The rifle went off and hit Marta, killing her.", "killed people [1,1]"},
        {"Witnesses said the man shot and killed him outside the bar.", "killed people [1,1]"},
        {"Her former partner fatally shot her in the driveway.", "killed people [1,1]"},
        {"Deputies said the intruder shot him dead.", "killed people [1,1]"},
        {"Police shot him in the leg.", ""},  // wounded or not: not said as a figure
        {"The police found her phone in the car.", ""},
        // the perpetrator by his own hand, counted once
        {"The man killed his wife and then shot himself dead.", "killed women [1,1] | killed suspects [1,1]"},
        {"The gunman then shot himself dead.", "killed suspects [1,1]"},
        {"A hunter shot himself in the foot.", "injured people [1,1]"},  // hit by his own shot, not killed
    });
}

TEST_CASE("victims: verbs and predicates told at a distance", "[extract][victims]") {
    check_rows({
        {"A jury found him guilty of murdering three men outside a bar.", "killed men [3,3]"},
        {"A 10-year-old boy shot Sunday night during a family party in the park has died, deputies said.",
         "killed children [1,1]"},
        // a participle clause between the subject and its predicate
        {"A 12-year-old boy riding his bike near the school was shot in the arm.", "injured children [1,1]"},
        // recovering: wounded and alive
        {"Ohio man recovering after being shot in the chest", "injured men [1,1]"},
        {"Three teens are recovering after a drive-by shooting.", "injured people [3,3]"},
        // struck by gunfire without an auxiliary, as headlines write it
        {"Girl struck by stray bullet in Dayton", "injured children [1,1]"},
        // shot by one's own hand: the one shot
        {"Deputies said a 4-year-old girl shot herself with a pistol left in the car.", "injured children [1,1]"},
        // brought to a hospital
        {"Officers said 5 people went to the hospital after the gunfire.", "injured people [5,5]"},
        {"Two men were taken into custody.", ""},
        {"Medics said 14 bodies were taken to hospitals in the city.", "killed people [14,14]"},
        // "both" counts two
        {"Both victims were taken to a trauma center.", "injured people [2,2]"},
        {"Both were pronounced dead at the scene.", "killed people [2,2]"},
        {"Both men were arrested on Friday.", ""},
        {"The infant boy and a 30-year-old woman were wounded.", "injured people [2,2]"},
        // the one who shot, with his age in apposition, is no victim
        {"Police said Darnell Price, 31, shot seven people at the party.", "injured people [7,7]"},
        // the subject after a short opening phrase and its comma
        {"Last month, Dana Whitfield died at a hospital after she was shot at a party.", "killed people [1,1]"},
        {"On Sunday, he was shot in the leg.", "injured people [1,1]"},
        {"Two days later, she died of her wounds.", "killed people [1,1]"},
        // found with a wound, found dead
        {"When deputies arrived, they found a woman in her 30s with a gunshot wound.", "injured women [1,1]"},
        {"Officers found Okafor suffering from gunshot wounds.", "injured people [1,1]"},
        // an apposition of one name, and "injury" with its turn for the worse
        {"The third victim, Moreno, sustained a grave injury and was declared dead on Friday.", "killed people [1,1]"},
        // "gunning down"
        {"Prosecutors say the men went on a rampage, gunning down four teenagers.", "killed people [4,4]"},
        // an object right after another shares its verb, over an outcome word further on
        {"The attacker killed a guard and wounded two women and four other civilians before deputies shot him to death.",
         "killed fighters [1,1] | injured women [2,2] | injured civilians [4,4] | killed people [1,1]"},
    });
}

TEST_CASE("victims: headlines drop their articles", "[extract][victims]") {
    // a line without closing punctuation, then the body
    check_rows({
        {"Waverly man killed in hunting accident\nPolice said more.", "killed men [1,1]"},
        {"Teen shot to death in apartment complex\nPolice said more.", "killed people [1,1]"},
        {"17-year-old student dies after shooting\nPolice said more.", "killed children [1,1]"},
        {"Boy Fatally Shot In Apparent Accident\nPolice said more.", "killed children [1,1]"},
        {"Police identify victim killed in shooting\nPolice said more.", "killed people [1,1]"},
        {"Man, woman killed in Miami shooting\nPolice said more.", "killed people [2,2]"},
        {"Pregnant woman shot, unborn baby killed\nPolice said more.", "injured women [1,1] | killed children [1,1]"},
        {"Alex Smith, 24, Fatally Shot in Roxbury\nPolice said more.", "killed people [1,1]"},
        {"Stowe shooting victim, 18, dies\nPolice said more.", "killed people [1,1]"},
        {"Four shot, two dead in shooting\nPolice said more.", "injured people [2,2] | killed people [2,2]"},
        {"4-Year-Old Girl Killed, 3 Adults Injured At Cookout\nPolice said more.", "killed children [1,1] | injured people [3,3]"},
        {"Man arrested in shooting\nPolice said more.", ""},
        {"Teen charged in killing of man\nPolice said more.", "killed men [1,1]"},
    });
}

TEST_CASE("victims: an age before a name or a person noun", "[extract][victims]") {
    check_rows({
        {"A shooting on Thursday killed 24-year-old Alex Smith of Dorchester.", "killed people [1,1]"},
        {"Detectives are looking into the death of 17-year-old Dana Orvell.", "killed children [1,1]"},
        {"The man was charged in the death of his 6-year-old daughter.", "killed children [1,1]"},
        {"A man cried out after learning his son had died.", "killed people [1,1]"},
        {"Police charged 19-year-old Jalen Ortiz with negligent homicide.", ""},
    });
}

TEST_CASE("victims: a place or another person between the subject and its predicate", "[extract][victims]") {
    check_rows({
        {"A 9-month-old baby in Ohio died Sunday after he was shot.", "killed children [1,1]"},
        {"A man, a woman and a child died as a result of suffocation.", "killed people [3,3]"},
        {"The shooting killed Ana Ruiz, 21, and Darnell Price, 22, late Thursday.", "killed people [2,2]"},
        {"Deputies found the 6-year-old girl and her grandfather, 61, dead in the house.", "killed people [2,2]"},
        {"Two boys were wounded and a man was killed.", "injured children [2,2] | killed men [1,1]"},
        {"The gunman and a bystander were killed.", "killed suspects [1,1] | killed people [1,1]"},
        {"A man woman and child died as a result of suffocation.", ""},
        {"A girl child was killed and two others were injured on Sunday.", "killed children [1,1] | injured people [2,2]"},
        {"The mother died shortly after from shock.", "killed women [1,1]"},
    });
}

TEST_CASE("victims: the state of the wounded", "[extract][victims]") {
    check_rows({
        {"The toddler was hospitalized in critical condition.", "injured children [1,1]"},
        {"The child was flown to a trauma center in stable condition.", "injured children [1,1]"},
        {"She is listed in critical but stable condition.", "injured people [1,1]"},
        {"The boy remains hospitalized in stable condition.", "injured children [1,1]"},
        {"He was treated at a clinic for his injury, officials said.", "injured people [1,1]"},
        {"The victim was found wounded in the doorway.", "injured people [1,1]"},
        {"The suspect was taken into custody.", ""},
    });
}

TEST_CASE("victims: local news forms of one victim", "[extract][victims]") {
    check_rows({
        {"A man was charged on Friday in the accidental death of a little girl.", "killed children [1,1]"},
        {"Deputies say the Sunday shooting that left a Huntingdon man dead was an accident.", "killed men [1,1]"},
        {"Deputies say a Jackson County teenager is dead after accidentally shooting himself.", "killed people [1,1]"},
        {"Police say shooting that killed Huntingdon man was accidental\nPolice said more.", "killed men [1,1]"},
        {"Prosecutors charge mother in shooting death of 3-year-old girl\nPolice said more.", "killed children [1,1]"},
        {"Ivan Cole Dead at 25 After Accident\nPolice said more.", "killed people [1,1]"},
        {"Syria Five Civilians Killed in Car Bomb Attack\nPolice said more.", "killed civilians [5,5]"},
        {"Quentin Marsh, who was shot dead at his home, was 19.", "killed people [1,1]"},
        {"Smith was taken to Riverside General Hospital in Riverside, where he was pronounced dead.", "killed people [1,1]"},
        {"6 shot outside Gary home; 2 killed\nPolice said more.", "injured people [4,4] | killed people [2,2]"},
        {"Among the dead was a 15-year-old boy hit by gunfire in the Austin neighborhood.", "killed children [1,1]"},
        {"Four civilians, including a mother and her child, were killed on Saturday.", "killed civilians [4,4]"},
    });
}

TEST_CASE("victims: counted people in hospital", "[extract][victims]") {
    check_rows({
        {"Three people were killed and five others were hospitalized.", "killed people [3,3] | injured people [5,5]"},
        {"Seven young men remained hospitalized Tuesday.", "injured men [7,7]"},
        {"Police say two teenage girls were shot by accident on Friday.", "injured children [2,2]"},
        {"Four people were hospitalized after a shooting at a bar.", "injured people [4,4]"},
    });
}

TEST_CASE("victims: the predicate past an apposition, a parenthesis or a hospital", "[extract][victims]") {
    check_rows({
        {"The victim, Corinne Hale, was pronounced dead at the scene.", "killed people [1,1]"},
        {"The victim (Thomas Earle Jr.) died from his injuries in surgery.", "killed people [1,1]"},
        {"Police said the child, identified as Landry Velasco, had died from his injuries.", "killed children [1,1]"},
        {"The victim was taken to County General where he was pronounced dead.", "killed people [1,1]"},
        {"Homicide detectives are investigating the shooting that left Coleman dead.", "killed people [1,1]"},
        {"Fire department officials pronounced Hollis dead at the scene.", "killed people [1,1]"},
        {"Man Shot, Killed Sitting Inside Parked Vehicle\nPolice said more.", "killed men [1,1]"},
        {"The shooting left Smith unable to walk.", ""},
    });
}

TEST_CASE("victims: ages written without hyphens are one person, never a count", "[extract][victims]") {
    check_rows({
        {"A six year old passenger has been pronounced dead.", "killed people [1,1]"},
        {"14 year old Marcus Delane died after a friend fired the gun.", "killed children [1,1]"},
        {"Police said the 16 year old male had been shot in the torso.", "injured children [1,1]"},
        {"The 19 year-old victim was taken to a hospital, where he died.", "killed people [1,1]"},
        {"Shooting on Elm Street Leaves 15 Year-Old Dead", "killed children [1,1]"},
        {"A 3 month old girl was wounded by a stray bullet.", "injured children [1,1]"},
        {"Local boxer Rey Alvarado dead at 27 after a shooting", "killed people [1,1]"},
        // the age is not a toll, with or without a person read from it
        {"A 22 y/o was shot on Fifth Street.", "injured people [1,1]"},
    });
}

TEST_CASE("victims: a death named by whose it is", "[extract][victims]") {
    check_rows({
        {"Neighbor charged in Pine Hills teen's death", "killed people [1,1]"},
        {"A man was charged in the 15-year-old's shooting death.", "killed children [1,1]"},
        {"Detectives made an arrest in Lorenzo Quill's killing on Monday.", "killed people [1,1]"},
        {"Darius Webb is charged with Tomas Webb' murder.", ""},
        {"Darius Webb is charged with Tomas Wells' murder.", "killed people [1,1]"},
        {"His brother’s fatal shooting shocked the town.", "killed men [1,1]"},
        // whose is the killer, or a place, or no one
        {"The regime's killing of civilians went on.", ""},
        {"The city's murder rate rose last year.", ""},
        {"Lakeview's murder rate rose last year.", ""},
    });
}

TEST_CASE("victims: the nth victim to die counts the dead", "[extract][victims]") {
    check_rows({
        {"Third victim dies after warehouse shooting", "killed people [3,3]"},
        {"A third man died Friday morning.", "killed men [3,3]"},
        {"A fourth person, shot in the stomach on Saturday, has died.", "killed people [4,4]"},
        {"A third person was wounded.", "injured people [1,1]"},
    });
}

TEST_CASE("victims: names read after a clause opens or a verb", "[extract][victims]") {
    check_rows({
        {"Deputies say that Marlowe was killed in an exchange of gunfire.", "killed people [1,1]"},
        {"Medics declared Ortega dead at the scene.", "killed people [1,1]"},
        {"Officers returned fire and fatally wounded Lasko.", "killed people [1,1]"},
        {"The round went through a wall, striking Penner, who died at the scene.", "killed people [1,1]"},
        {"The college said Rhea Dawn Culler, who died Sunday, was a nursing student.", "killed people [1,1]"},
        {"Ferro also died of his injuries.", "killed people [1,1]"},
        {"Police said that Marlowe was arrested.", ""},
        {"The bullet struck Penner in the leg.", ""},
    });
}

TEST_CASE("victims: a shot of one's own that hit a limb or was an accident", "[extract][victims]") {
    check_rows({
        {"Deputies said the hunter accidentally shot himself.", "injured people [1,1]"},
        {"A teenager who was fleeing shot himself in the left leg.", "injured people [1,1]"},
        {"The hunter accidentally shot himself and died at the scene.", "killed people [1,1]"},
        {"The gunman killed two people, then shot himself.", "killed people [2,2]"},
    });
}

TEST_CASE("victims: a person in the apposition of a group is a part of it, not another victim", "[extract][victims]") {
    check_rows({
        {"Three people \xE2\x80\x94 two men and a woman \xE2\x80\x94 were shot.", "injured people [3,3]"},
        {"Two men, a father and his son, were killed.", "killed men [2,2]"},
        // one person and the same one told again
        {"One person, a 40-year-old driver, was found dead.", "killed people [1,1]"},
    });
}

TEST_CASE("victims: a named person the article makes a perpetrator is a suspect", "[extract][victims]") {
    check_rows({
        {"A clerk was shot by gunman Darnell Ostrow at the lounge. Officers then fatally shot Ostrow.",
         "injured people [1,1] | killed suspects [1,1]"},
        {"Police said the shooter, Ray Oakes, opened fire on the crowd. Lina Perez was killed. Ray Oakes was wounded by police.",
         "killed people [1,1] | injured suspects [1,1]"},
        // a relative who shares the surname is no perpetrator
        {"Hawley is accused of killing his sister. Dana Hawley was found dead in the kitchen.", "killed women [1,1] | killed people [1,1]"},
        // the verb "suspect" names no suspect
        {"Detectives suspect Lyle Norris was shot before the fire. Lyle Norris died.", "killed people [1,1]"},
    });
}

TEST_CASE("victims: the object of an active shot, and its shooter", "[extract][victims]") {
    check_rows({
        {"A 7-year-old girl accidentally shot her uncle in the thigh.", "injured men [1,1]"},
        {"A man shot a four-year-old girl and a bystander outside the store.", "injured people [2,2]"},
        {"He shot his wife and then killed himself.", "injured women [1,1] | killed suspects [1,1]"},
        {"Ostrow also shot Dana in the leg.", ""},  // the one who shot is no victim
        {"Child accidentally shot and killed by cousin", "killed children [1,1]"},
        {"A girl accidentally shot and killed a 10-year-old at a party.", "killed people [1,1]"},
        {"His wife, a 30-year-old woman, and his son were wounded.", "injured people [2,2]"},
        {"Deputies found the victim, a six year old girl, fatally wounded.", "killed people [1,1]"},
    });
}

TEST_CASE("groups: a part of a group named after the figure", "[extract][victims][groups]") {
    check_rows({
        {"Police said two of the victims were killed.", "killed people [2,2]"},
        {"Three of the diners were wounded, officials said.", ""},  // no group noun the reader knows: nothing read
        {"Three of the patrons were wounded, officials said.", "injured people [3,3]"},
        {"One of the four men died at the scene.", "killed men [1,1]"},  // the four are the whole, not a count of the dead
        {"Two of the 11 passengers were hospitalized.", "injured people [2,2]"},
        {"Five of those residents were hurt.", "injured people [5,5]"},
    });
}

TEST_CASE("groups: the predicate of a group told after a relative pronoun or in a state", "[extract][victims][groups]") {
    check_rows({
        {"The three people that were shot were taken to a trauma center.", "injured people [3,3]"},
        {"Four were treated and released from Lakeview County Regional Medical Center.", "injured people [4,4]"},
        {"Two were treated and released.", "injured people [2,2]"},
        {"Three women died, and two others remain in serious condition at a clinic.", "killed women [3,3] | injured people [2,2]"},
        {"Three were listed in stable condition on Friday.", "injured people [3,3]"},
        {"Two bodies remain in the morgue.", "killed people [2,2]"},  // the noun says it
    });
}

TEST_CASE("groups: an age between the number and its noun describes each one", "[extract][victims][groups]") {
    check_rows({
        {"Two 16-year-old boys were fatally shot on Monday.", "killed children [2,2]"},
        {"Three 20-year-old men were wounded.", "injured men [3,3]"},
        {"Two 7-month-old infants were hurt in the crash.", "injured children [2,2]"},
    });
}

TEST_CASE("groups: ages told in an aside are no counts", "[extract][victims][groups]") {
    check_rows({
        {"Three other men, two aged 19 and one 20, were also shot but survived.", "injured men [3,3]"},
        {"Four teens, two 15 and one 16, were shot.", "injured people [4,4]"},
        {"The others, ages 14, 16 and 18, were treated for minor injuries and released.", ""},
    });
}

TEST_CASE("groups: a figure coordinated with fighters, suspects or civilians is of them too", "[extract][victims][groups]") {
    check_rows({
        {"Two police officers were killed and four injured.", "killed fighters [2,2] | injured fighters [4,4]"},
        {"Nine soldiers died and 14 were wounded.", "killed fighters [9,9] | injured fighters [14,14]"},
        {"Three civilians were killed and eight injured in the raid.", "killed civilians [3,3] | injured civilians [8,8]"},
        // not every group: the injured need not be children, nor "dozens" a group's count
        {"Two children were killed and five injured.", "killed children [2,2] | injured people [5,5]"},
        {"Two soldiers were killed and dozens more wounded.", "killed fighters [2,2] | injured people [null,null]"},
        // a person named without a number says nothing of the others
        {"A soldier was killed and four injured.", "killed fighters [1,1] | injured people [4,4]"},
    });
}

TEST_CASE("groups: deaths counted as crimes and charges", "[extract][victims][groups]") {
    check_rows({
        {"Four homicides were reported in the county in 36 hours.", "killed people [4,4]"},
        {"He is charged with three counts of first-degree murder.", "killed people [3,3]"},
        {"She faces two counts of manslaughter.", "killed people [2,2]"},
        {"Prosecutors filed two first-degree murder counts against him.", "killed people [2,2]"},
        {"They face four counts of malicious wounding.", "injured people [4,4]"},
        {"He faces one count of attempted murder and two counts of robbery.", ""},
    });
}

TEST_CASE("groups: fatalities as a toll", "[extract][victims][groups]") {
    check_rows({
        {"Fatalities were reported to be at least 100 civilians.", "killed civilians [100,null]"},
        {"Fatalities were put at 12.", "killed people [12,12]"},
        {"The crash brought the number of fatalities to three.", "killed people [3,3]"},
        {"No fatalities were reported among the 40 passengers.", ""},
    });
}

TEST_CASE("groups: the displaced are civilians, and fleeing is no injury", "[extract][victims][groups]") {
    check_rows({
        {"Three internally displaced people were killed in the shelling.", "killed civilians [3,3]"},
        {"Shelling wounded five IDPs near the camp.", "injured civilians [5,5]"},
        {"Some 6,270 people were uprooted and four were injured.", "injured people [4,4]"},
        {"Some 6,270 people fled their homes and four were injured.", "injured people [4,4]"},
        {"About 3,000 people are homeless after the attack, which injured 40.", "injured people [40,40]"},
    });
}

TEST_CASE("groups: wounds suffered, care given, and an aside holding a list", "[extract][victims][groups]") {
    check_rows({
        {"Three of the passengers sustained minor injuries.", "injured people [3,3]"},
        {"Two suffered gunshot wounds to the legs.", "injured people [2,2]"},
        {"Two suffered fatal wounds.", "killed people [2,2]"},
        {"Marwan 12 suffered a leg injury on his way to school.", ""},  // a name and an age, commas lost
        {"Four were taken to Saint Agnes with injuries that are not life-threatening.", "injured people [4,4]"},
        {"Five victims, three teens, and two women, were rushed to a hospital.", "injured people [5,5]"},  // the parts, counted together, are the group told again
    });
}

TEST_CASE("victims: another person is one more", "[extract][victims]") {
    check_rows({
        {"One woman was killed and another woman was shot in the arm.", "killed women [1,1] | injured women [1,1]"},
        {"Another teenager was wounded.", "injured people [1,1]"},
        {"Another 12 people were hurt.", "injured people [12,12]"},
    });
}

TEST_CASE("groups: two groups of people under one predicate are counted together", "[extract][victims][groups]") {
    check_rows({
        {"The gunfire injured two adults and a 9-year-old girl.", "injured people [3,3]"},
        {"Stray rounds wounded three men and two women near the stage.", "injured people [5,5]"},
        {"Officers said two girls and a boy are dead.", "killed children [3,3]"},
        {"Three boys and two girls were shot outside the rink.", "injured children [5,5]"},
        // soldiers and civilians are reconciled apart; parts of a total stay parts
        {"Shelling killed four soldiers and a civilian.", "killed fighters [4,4]"},
        {"Raids killed 14 civilians including two women and a child.", "killed civilians [14,14] | killed women [2,2]"},
        {"Nine children and six women were among those killed.", "killed children [9,9] | killed women [6,6]"},
        // women and children stay apart: the breakdown casualty recorders keep
        {"The strike killed 12 children and seven women in the shelter.", "killed children [12,12] | killed women [7,7]"},
        {"Two women and a child were wounded by the blast.", "injured women [2,2] | injured children [1,1]"},
        // an unborn child is left out of a shooting's toll
        {"The ambush killed four adults and an unborn child.", "killed people [4,4]"},
    });
}

TEST_CASE("victims: the killer who took his own life is a suspect killed", "[extract][victims]") {
    check_rows({
        {"A man shot his 5-year-old daughter and then took his own life.", "injured children [1,1] | killed suspects [1,1]"},
        {"The gunman killed two neighbors before taking his own life.", "killed people [2,2] | killed suspects [1,1]"},
        // the subject counted already is not counted twice
        {"The guard took his own life.", "killed fighters [1,1]"},
        {"She feared for her own life.", ""},
        // "fatally shooting himself" after killing another: the killer, not his victim told again
        {"A man shot and killed his 9-year-old son before fatally shooting himself.", "killed children [1,1] | killed suspects [1,1]"},
    });
}

TEST_CASE("victims: people named one by one are added up", "[extract][victims]") {
    check_rows({
        {"Marta Quell, 31, died at the scene. Officers said Tobias Vrane, 44, was also killed.",
         "killed people [1,1] | killed people [1,1] | killed people [2,2]"},
        // a surname alone is the same person told again; kin with one surname are two
        {"Tobias Vrane, 44, was killed. Vrane died at a hospital.", "killed people [1,1] | killed people [1,1]"},
        {"Lena Orrick, 30, was killed. Her son Pim Orrick, 9, died too.", "killed people [1,1] | killed people [1,1] | killed people [2,2]"},
        // one named, one not: nothing to add up by name
        {"Marta Quell, 31, died at the scene. A man was also killed.", "killed people [1,1] | killed men [1,1]"},
    });
}

TEST_CASE("victims: people named by a noun the lists lacked, a possessive, or words between", "[extract][victims][session9]") {
    check_rows({
        // a lower-case word before a person noun qualifies it
        {"The veteran detective suffered a non life threatening injury.", "injured fighters [1,1]"},
        {"A 16-year-old motel occupant was injured when a pistol discharged.", "injured children [1,1]"},
        {"A fifth shooting victim was shot once in the leg.", "injured people [1,1]"},
        // (a verb is no modifier, nor a possessive pronoun)
        {"A bullet grazed a deputy who was shot.", "injured fighters [1,1]"},
        {"A suicide bomber killed at least 21 people outside a bank.", "killed people [21,null]"},
        // a name's possessive opens a person
        {"Delacroix's wife was shot but survived.", "injured women [1,1]"},
        {"Marchetti's wife, Dana, was shot twice, but survived.", "injured women [1,1]"},
        // a place or party in lower case, a relative clause, a long apposition
        {"Another man in the home was wounded.", "injured men [1,1]"},
        {"A 14-year-old student at a camp for young offenders was injured Friday.", "injured children [1,1]"},
        {"The boy, whose name has not been released, remains hospitalized.", "injured children [1,1]"},
        {"The woman, who is the boy's aunt, was taken to Hillcrest Hospital in Salem.", "injured women [1,1]"},
        {"The second victim, identified by deputies as a courier for a bakery who was dropping off an order, remains in "
         "serious but stable condition.",
         "injured people [1,1]"},
        // an apposition closed before the predicate is the same person, not a list
        {"A third individual, a 19-year-old male, was transported to a hospital.", "injured people [1,1]"},
        {"A man, a woman, and a child were shot.", "injured people [3,3]"},
    });
}

TEST_CASE("victims: care and recovery as news tells it", "[extract][victims][session9]") {
    check_rows({
        {"The victim was treated and released.", "injured people [1,1]"},
        {"The 6-year-old girl is at a local hospital.", "injured children [1,1]"},
        {"The boy was initially taken to Riverside Memorial Hospital in Marion.", "injured children [1,1]"},
        {"The victim was admitted to Lakeview Hospital Friday with a gunshot wound.", "injured people [1,1]"},
        {"Another person was reported to have been injured.", "injured people [1,1]"},
        {"The victim is expected to survive.", "injured people [1,1]"},
        {"One woman has been upgraded to serious condition.", "injured women [1,1]"},
        {"A second man was transported from the scene to County General Hospital.", "injured men [1,1]"},
        {"An accidental shooting sent an 8-year-old boy to the hospital.", "injured children [1,1]"},
        {"A shooting at a bar sent 4 people to the hospital on Sunday.", "injured people [4,4]"},
        {"Five people were brought to the hospital with gunshot wounds.", "injured people [5,5]"},
        {"Another officer shot the dog and a bullet grazed a deputy.", "injured fighters [1,1]"},
        {"The 17-year-old has not been named; he is in critical but stable condition.", "injured people [1,1]"},
        {"Two women are in the hospital after gunfire near the school.", "injured women [2,2]"},
        {"Three people with gunshot wounds have been found in an apartment.", "injured people [3,3]"},
        {"A teen is dead and another is injured following gunfire at a cookout.", "killed people [1,1] | injured people [1,1]"},
        {"One teen is dead, and another seriously injured.", "killed people [1,1] | injured people [1,1]"},
        {"A woman was found with a gunshot wound early Saturday.", "injured women [1,1]"},
        {"He was privately conveyed to Grace Memorial Hospital in critical condition.", "injured people [1,1]"},
        {"The bicyclist sustained injuries.", "injured people [1,1]"},
    });
}

TEST_CASE("victims: the dead told in the sentence after a count of those shot", "[extract][victims][session9]") {
    check_rows({
        {"Two men were shot Sunday night. One died at the hospital.", "injured men [1,1] | killed people [1,1]"},
        {"Three people were shot. Two of them died.", "injured people [1,1] | killed people [2,2]"},
        {"Four people were shot. One of the victims was pronounced dead at the scene.", "injured people [3,3] | killed people [1,1]"},
        // (a count of the wounded is no count of those shot; a count of its own is left alone)
        {"Three people were wounded. One died at the hospital.", "injured people [3,3] | killed people [1,1]"},
        {"Three people were shot. Two were wounded.", "injured people [3,3] | injured people [2,2]"},
    });
}

TEST_CASE("victims: a.m. and p.m. end a sentence unless the time goes on", "[extract][victims][session9]") {
    const auto sentences = [](const std::string& t) {
        std::vector<std::string> out;
        for (const auto& s : extract::split_sentences(t, {0, t.size()})) out.emplace_back(t.substr(s.span.begin, s.span.size()));
        return out;
    };
    CHECK(sentences("Shots rang out at about 2 a.m. Smith was pronounced dead.").size() == 2);
    CHECK(sentences("He was found at 4:30 A.M. Police said he died.").size() == 2);
    CHECK(sentences("The shooting happened at 10 p.m. Tuesday near the park.").size() == 1);
    CHECK(sentences("It began at 9 a.m. EST and ended at noon.").size() == 1);
    CHECK(sentences("The U.S. Attorney said two died.").size() == 1);
    // the victim at the start of the next sentence is read as a subject
    check_rows({{"Shots rang out at about 2 a.m. Smith was pronounced dead at the scene.", "killed people [1,1]"}});
}

TEST_CASE("victims: asides and clauses between a counted group and its predicate", "[extract][victims][session9]") {
    check_rows({
        {"Four other people ranging from their late teens to early 30s were treated at a hospital and released.",
         "injured people [4,4]"},
        {"Three victims, a 22-year-old woman, a 41-year-old man, and a 19-year-old man, were all transported to an area hospital.",
         "injured people [3,3]"},
        // a dash opens an aside: the dead are part of those shot
        {"Six men were shot -- four of them fatally -- Thursday evening.", "injured men [2,2] | killed people [4,4]"},
        {"Six men were shot, two of them fatally.", "injured men [4,4] | killed people [2,2]"},
    });
}

// The readers look words up with the hash a word already carries (word::hash, made when
// the sentence is split), and age phrases value their number word only when an age unit
// follows: both must answer exactly as the plain forms did.
TEST_CASE("speed: a word's own hash finds what its bytes find", "[extract][speed]") {
    static constexpr std::array<std::string_view, 4> listed{"spokesman", "police", "army", "ministry"};
    const extract::word_set from_array(listed);
    const extract::word_set from_list{"spokesman", "police", "army", "ministry"};
    for (const std::string_view w : {"spokesman", "police", "army", "ministry", "army's", "polices", "", "the", "spokesmen"}) {
        CAPTURE(w);
        const bool held = w == "spokesman" || w == "police" || w == "army" || w == "ministry";
        CHECK(from_list.contains(w) == held);
        CHECK(from_list.contains(w, extract::word_hash(w)) == held);
        CHECK(from_array.contains(w, extract::word_hash(w)) == held);
    }
    // the hash words_of gives a word is word_hash of its lower-case form
    const std::string text = "The Army's SPOKESMAN said";
    const auto lower = extract::lower_case_of(text);
    for (const auto& w : extract::words_of(text, {0, text.size()}, lower)) CHECK(w.hash == extract::word_hash(w.lower));
}

TEST_CASE("speed: an age phrase values its number word only before an age unit", "[extract][speed]") {
    const auto end_of = [](std::string_view text) { return extract::age_phrase_end(text, 0, text.size()); };
    constexpr auto none = std::string_view::npos;
    CHECK(end_of("two year old boy") == 12);
    CHECK(end_of("Twelve months old") == 17);
    CHECK(end_of("seventeen-year-old") == 18);
    CHECK(end_of("17 year old") == 11);
    CHECK(end_of("20 y/o") == 6);
    CHECK(end_of("six-yo") == 6);
    // a unit after a word that is no number, a number past 120 or none, no unit, no "old"
    CHECK(end_of("many year old") == none);
    CHECK(end_of("zero year old") == none);
    CHECK(end_of("hundred year old") == 16);
    CHECK(end_of("thousand year old") == none);
    CHECK(end_of("two years ago") == none);
    CHECK(end_of("two men") == none);
    CHECK(end_of("Syrian army") == none);
    CHECK(end_of("1,200 year old") == none);
}
