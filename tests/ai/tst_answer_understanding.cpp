// SPDX-License-Identifier: GPL-3.0-or-later
// What the offline planner understands from answers as people type them:
// varied phrasing, negations, typos, constraints, a few words of other
// languages. Each row is one answer and the whole profile expected from it
// (anything not listed must be unknown), written as canonical() prints it.
#include "ProfileText.h"
#include "conversation/OfflinePlanner.h"
#include "conversation/TravelProfile.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace tp;
using namespace tp::conversation;
using tp::test::canonical;
using tp::test::sorted;

namespace {

struct Row {
    const char* answer;
    const char* expected;
};

// clang-format off
const Row rows[] = {
    // The answers from the report.
    {"Comfort, but not luxury", "avoid=luxury; style=comfort"},
    {"No long flights, we start from Berlin", "from=Berlin; km=4000"},
    {"Hiking, quiet nature, avoid crowds", "tags=mountains,nature; avoid=crowds"},
    // Negations.
    {"No beaches please", "avoid=beach"},
    {"Not too hot", "avoid=heat"},
    {"We don't want cities", "avoid=city"},
    {"Beaches yes, but no nightlife or party towns", "tags=beach; avoid=nightlife"},
    {"We love food and wine but hate crowds", "tags=food; avoid=crowds"},
    {"Something in between, comfortable but nothing fancy", "avoid=luxury; style=comfort"},
    {"Not on a budget, we want to treat ourselves", "avoid=budget"},
    {"Neither beaches nor big cities", "avoid=beach,city"},
    {"Anytime except August", ""},
    {"Not in summer, it's too hot then", "avoid=heat"},
    {"Two adults, no kids", "people=2"},
    {"no cold places, we hate winter", "avoid=cold"},
    {"Mountains, but not skiing", "tags=mountains"},
    {"beaches, not cities", "tags=beach; avoid=city"},
    {"I'd rather not do museums, more into nature", "tags=nature; avoid=culture"},
    {"Museums are not our thing", "avoid=culture"},
    {"Clubbing isn't for us, we prefer quiet evenings", "avoid=crowds,nightlife"},
    {"We're flexible, no preference really", ""},
    {"I don't mind crowds if the food is good", "tags=food"},
    {"Avoid touristy places, we want hidden gems and local food", "tags=food; avoid=crowds"},
    {"No museums, no churches, just sun and sea", "tags=beach; avoid=culture"},
    {"Not too cold, not too hot, spring would be nice", "avoid=cold,heat; months=3,4,5"},
    {"Food, culture, and a bit of nightlife, but not a party island", "tags=culture,food,nightlife; avoid=beach"},
    {"Lisbon-style vibe, not too expensive, about 100 dollars a day", "avoid=luxury; daily=100"},
    {"We'd like a cool climate in summer, Norway maybe", "avoid=heat; months=6,7,8"},
    {"Tight budget, lots of nature and hiking, no big cities", "tags=mountains,nature; avoid=city; style=budget"},
    {"We want warm weather and beaches in December", "tags=beach; avoid=cold; months=12"},
    // Where from, how far, where.
    {"At most 3 hours by train from Munich", "from=Munich; km=390"},
    {"Within Europe please", "in=europe"},
    {"We hate long flights; from Vienna", "from=Vienna; km=4000"},
    {"we live in Hamburg and don't want to fly", "from=Hamburg; km=1200"},
    {"Flying out of London, max 4 hours flight", "from=London; km=2800"},
    {"Starting in Madrid, somewhere in Europe", "from=Madrid; in=europe"},
    {"Somewhere in Southeast Asia, beaches and street food", "tags=beach,food; in=southeast asia"},
    {"South America or Central America, we're adventurous", "in=central america,south america"},
    {"Not too far from Berlin, 5 days", "days=5; from=Berlin; km=1500"},
    {"Short flights only, from Amsterdam", "from=Amsterdam; km=2000"},
    {"within 500 km of Zurich", "from=Zürich; km=500"},
    {"Somewhere we can drive to from Lyon, max 6 hours by car", "from=Lyon; km=480"},
    {"We want to stay in Scandinavia", "in=scandinavia"},
    {"European city break for 4 nights", "tags=city; days=4; in=europe"},
    {"Caribbean islands, all-inclusive, December", "tags=beach; months=12; in=caribbean"},
    {"Can we avoid anything over 8 hours of flying? We're in Milan", "from=Milan; km=6000"},
    {"Our kids are 6 and 9, so nothing too exotic or far", "people=4; family; km=1500"},
    {"ocean views, snorkeling, no long-haul please, starting from Paris", "tags=beach; from=Paris; km=4000"},
    {"Can you keep it under 2 hours of flying from Dublin?", "from=Dublin; km=1200"},
    {"Away from the crowds, far from everything", "avoid=crowds"},
    // Budgets, lengths, people, dates.
    {"I want a beach vacation with my wife. Budget is $3,000. July. 10 days.", "tags=beach; total=3000; days=10; people=2; months=7"},
    {"2 weeks hiking in the mountains, €80 per day, solo", "tags=mountains; daily=86; days=14; people=1"},
    {"Cheap, we're backpackers", "style=budget"},
    {"Luxury all the way, five-star hotels", "style=luxury"},
    {"museums and architecture, maybe some good restaurants", "tags=culture,food"},
    {"We're a family of four with two kids, school holidays in August", "people=4; family; months=8"},
    {"2 adults and 3 children", "people=5; family"},
    {"Me and two friends, late September", "people=3; months=9"},
    {"just the two of us, honeymoon in October", "people=2; months=10"},
    {"A long weekend in May", "days=4; months=5"},
    {"I may go in the spring", "months=3,4,5"},
    {"€2.500 for the whole trip", "total=2700"},
    {"around 150 euros a day per person", "daily=162; each"},
    {"£1,200 each", "total=1524; each"},
    {"Budget is 3000", "total=3000"},
    {"$3k max, no luxury", "avoid=luxury; total=3000"},
    {"Three of us, mid-range hotels, wildlife and safaris", "tags=nature; style=comfort; people=3"},
    {"Beach and city mix, nightlife is a must", "tags=beach,city,nightlife"},
    // Typos.
    {"luxary resort, moutains view", "tags=mountains; style=luxury"},
    {"hikking and nigthlife", "tags=mountains,nightlife"},
    {"beachs and musuems", "tags=beach,culture"},
    {"Febuary or march", "months=2,3"},
    {"no crouds pls, somewhere peacefull", "avoid=crowds"},
    // A few words of other languages.
    {"Playa y comida, en agosto, sin lujo", "tags=beach,food; avoid=luxury; months=8"},
    {"Pas de plage, plutôt la montagne", "tags=mountains; avoid=beach"},
    {"Wandern in den Bergen, keine Städte", "tags=mountains; avoid=city"},
    {"10 días en la playa, 2 personas", "tags=beach; days=10; people=2"},
    {"une semaine à la montagne en hiver", "tags=mountains; days=7; months=1,2,12"},
    {"Wir wohnen in Berlin, kein Fliegen bitte", "from=Berlin; km=1200"},
};
// clang-format on

} // namespace

class TestAnswerUnderstanding : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void answers_data() {
        QTest::addColumn<QString>("answer");
        QTest::addColumn<QString>("expected");
        for (const Row& r : rows)
            QTest::newRow(r.answer) << QString::fromUtf8(r.answer) << QString::fromUtf8(r.expected);
    }
    void answers() {
        QFETCH(QString, answer);
        QFETCH(QString, expected);
        const TravelProfile p = TravelProfile::fromText(answer);
        QCOMPARE(canonical(p), expected);
        // What is learned for later trips reads back as the same profile.
        QCOMPARE(canonical(TravelProfile::fromText(p.summary())), expected);
    }
    void tableIsLargeEnough() { QVERIFY(std::size(rows) >= 60); }

    // Saved preferences fill in only what this trip did not say.
    void thisTripWins() {
        PlannerContext ctx;
        ctx.userInfo = u"Hiking, quiet nature, avoid crowds. September."_s;
        ctx.preferencesText =
            u"We loved Bali, Paris and Rome.\n\n[Learned by the trip planner]\nInterests: beach, city, "
            u"culture, "
            u"food, nightlife\nTravel style: luxury\nStarting from: Berlin\nTravel limit: within about 4000 km"_s;
        const TravelProfile p = OfflinePlanner::profileOf(ctx);
        QCOMPARE(sorted(p.tags), u"mountains,nature"_s);
        QVERIFY(p.avoid.contains(u"crowds"_s));
        QCOMPARE(p.style, u"luxury"_s); // not said on this trip: filled in
        QCOMPARE(p.origin, u"Berlin"_s);
        QVERIFY2(!p.maxTravelKm, "an earlier trip's travel limit does not rule places out now");
        QVERIFY(!OfflinePlanner::interestsFromPreferences(ctx));
        // Nor does a region that limited one earlier trip.
        ctx.preferencesText += u"\nRegion: Europe"_s;
        QVERIFY(TravelProfile::fromText(ctx.preferencesText).regions.contains(u"europe"_s));
        QVERIFY(OfflinePlanner::profileOf(ctx).regions.isEmpty());
        // What this trip avoids never comes back from the preferences.
        ctx.userInfo = u"Comfort, but not luxury, and no beaches"_s;
        const TravelProfile q = OfflinePlanner::profileOf(ctx);
        QCOMPARE(q.style, u"comfort"_s);
        QCOMPARE(sorted(q.tags), u"city,culture,food,nightlife"_s);
        QVERIFY(q.avoid.contains(u"luxury"_s) && q.avoid.contains(u"beach"_s));
        QVERIFY(OfflinePlanner::interestsFromPreferences(ctx));
    }

    void otherOptions_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("asks");
        for (const char* t : {"Can you suggest something different?",
                              "other options",
                              "none of these",
                              "show me more",
                              "anything else?",
                              "Different options please",
                              "What else is there?",
                              "I don't like these",
                              "any other ideas?",
                              "Got anything else?",
                              "more?",
                              "Give me three more",
                              "somewhere else maybe",
                              "Not these, sorry",
                              "Could you recommend other places?",
                              "alternatives?",
                              "otras opciones",
                              "autre chose ?",
                              "andere Vorschläge bitte",
                              "something new"})
            QTest::newRow(t) << QString::fromUtf8(t) << true;
        for (const char* t :
             {"Let's go with Lisbon", "Tell me more about the second one", "What about the weather?", "hmm",
              "Is Crete good in July?", "The first one sounds lovely"})
            QTest::newRow(t) << QString::fromUtf8(t) << false;
    }
    void otherOptions() {
        QFETCH(QString, text);
        QFETCH(bool, asks);
        QCOMPARE(asksForOtherOptions(text), asks);
    }

    void refusalIsNoCommitment() {
        QVERIFY(soundsLikeCommitment(u"Let's go with Lisbon"_s));
        QVERIFY(!soundsLikeCommitment(u"Let's not go with Lisbon"_s));
        QVERIFY(!soundsLikeCommitment(u"I won't choose that one"_s));
    }
};

QTEST_GUILESS_MAIN(TestAnswerUnderstanding)
#include "tst_answer_understanding.moc"
