// SPDX-License-Identifier: GPL-3.0-or-later
// The built-in planner's proposals for the plan's stages (suggest/): a draft
// that covers every day and keeps what the plan holds, stays for the nights
// without one, ideas that follow the user's interests, an exact budget, and
// proposals that break a rule flagged and never accepted.
#include "PlanFixtures.h"
#include "conversation/Catalogue.h"
#include "domain/Error.h"
#include "plan/Budget.h"
#include "plan/ExactMath.h"
#include "plan/Itinerary.h"
#include "plan/PlanCodec.h"
#include "suggest/OfflineSuggestions.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tp;
using namespace tp::test;
using suggest::Proposal;

namespace {

Destination destinationFrom(const conversation::CatalogueEntry& e, const char* costPerDay = nullptr) {
    Destination d;
    d.id = 7;
    d.name = e.name;
    d.country = e.country;
    d.averageCostPerDay =
        costPerDay ? dec(costPerDay) : dec(QByteArray::number(e.dailyCostUsd).constData(), 0);
    d.latitude = dec(QByteArray::number(e.latitude, 'f', 6).constData(), 6, 9);
    d.longitude = dec(QByteArray::number(e.longitude, 'f', 6).constData(), 6, 9);
    return d;
}

suggest::SuggestContext contextFor(const conversation::CatalogueEntry& e, const QDate& first, int days,
                                   int travellers = 2) {
    suggest::SuggestContext c;
    c.destination = destinationFrom(e);
    c.trip.id = 1;
    c.trip.title = u"Trip to "_s + e.name;
    c.trip.destinationId = c.destination->id;
    c.trip.destinationName = e.name;
    c.trip.destinationCountry = e.country;
    c.trip.startDate = first;
    c.trip.endDate = first.addDays(days - 1);
    c.trip.travelersCount = travellers;
    return c;
}

// A dozen places of the catalogue, spread over it (beaches, cities, mountains, far and near).
QList<conversation::CatalogueEntry> dozenPlaces() {
    const auto& all = conversation::Catalogue::builtin().entries();
    QList<conversation::CatalogueEntry> out;
    for (qsizetype i = 0; i < 12; ++i)
        out << all[i * (all.size() / 12)];
    return out;
}

QByteArray json(const plan::Plan& p) {
    return QJsonDocument(plan::planToJson(p)).toJson(QJsonDocument::Compact);
}

bool dayHasPlan(const plan::ItineraryDay& day) {
    using K = plan::ItineraryEntry::Kind;
    for (const plan::ItineraryEntry& e : day.entries)
        if (e.kind == K::Leg || e.kind == K::Arrival || e.kind == K::Departure || e.kind == K::Activity)
            return true;
    return false;
}

} // namespace

class TestSuggestions : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void draftCoversEveryDay_data() {
        QTest::addColumn<int>("placeIndex");
        QTest::addColumn<int>("days");
        QTest::addColumn<bool>("withPlan");
        for (int placeIndex = 0; placeIndex < 12; ++placeIndex)
            for (int days : {2, 3, 5, 7, 10, 14, 21, 30})
                for (bool withPlan : {false, true})
                    QTest::addRow("%d-%dd-%s", placeIndex, days, withPlan ? "plan" : "empty")
                        << placeIndex << days << withPlan;
    }

    // For a dozen destinations and lengths from 2 to 30 days, on an empty plan
    // and on one with flights, two stays, a booked activity and ideas: after
    // accepting the whole draft every day has something on it, nothing
    // overlaps, and what the plan held is unchanged (ideas only get a day).
    void draftCoversEveryDay() {
        QFETCH(int, placeIndex);
        QFETCH(int, days);
        QFETCH(bool, withPlan);
        const conversation::CatalogueEntry e = dozenPlaces().at(placeIndex);
        const QDate first(2027, 5, 3);
        suggest::SuggestContext c = contextFor(e, first, days);
        const QDate last = c.trip.endDate;
        if (withPlan) {
            plan::Leg out =
                leg(u"out"_s, u"Europe/Berlin"_s, "2027-05-03T08:00", u"Europe/Berlin"_s, "2027-05-03T11:00");
            plan::Leg home = leg(u"home"_s, u"Europe/Berlin"_s, "2027-05-03T17:00", u"Europe/Berlin"_s,
                                 "2027-05-03T20:00");
            home.from.date = home.to.date = last;
            c.plan.legs << out << home;
            const QDate middle = first.addDays(days / 2);
            plan::Stay a = stay(u"a"_s, "2027-05-03", "2027-05-03");
            a.checkOut = middle;
            a.place = place(u"Old town"_s);
            plan::Stay b = stay(u"b"_s, "2027-05-03", "2027-05-03");
            b.checkIn = middle;
            b.checkOut = last;
            b.place = place(u"By the sea"_s);
            c.plan.stays << a;
            if (middle < last)
                c.plan.stays << b;
            plan::Activity booked = activity(u"booked"_s, nullptr, "10:00", "12:00");
            booked.date = first.addDays(1);
            c.plan.activities << booked << activity(u"idea1"_s, nullptr) << activity(u"idea2"_s, nullptr)
                              << activity(u"idea3"_s, nullptr);
        }
        const QByteArray before = json(c.plan);
        const suggest::ProposalSet set = suggest::offlineProposals(c, suggest::Stage::Itinerary);
        QCOMPARE(set.source, u"offline"_s);
        if (withPlan && days <= 3) // the flights and the booked activity fill every day already
            QVERIFY(set.proposals.isEmpty() && set.note.contains(u"Every day"_s));
        else
            QVERIFY(!set.proposals.isEmpty());
        for (const Proposal& p : set.proposals) {
            QVERIFY2(p.acceptable(), qPrintable(p.summary + u": "_s + p.problems.value(0).message));
            QVERIFY(p.activity.date >= first && p.activity.date <= last);
            QVERIFY(!p.summary.isEmpty() && !p.reason.isEmpty());
        }
        const plan::Plan accepted = suggest::applyProposals(c.plan, set.proposals);
        QCOMPARE(json(c.plan), before); // the plan given is a value: untouched

        const QList<plan::ItineraryDay> itinerary = plan::buildItinerary(accepted, first, last);
        QCOMPARE(itinerary.size(), days);
        for (const plan::ItineraryDay& day : itinerary) {
            QVERIFY2(dayHasPlan(day), qPrintable(day.date.toString(Qt::ISODate)));
            for (const plan::DayProblem& problem : day.problems)
                QVERIFY2(problem.kind != plan::DayProblem::Kind::Overlap, qPrintable(problem.message));
        }
        // Stays and legs as they were; the booked activity where it was; ideas scheduled once each at most.
        QCOMPARE(json(plan::Plan{1, accepted.stays, accepted.legs, {}, {}, {}}),
                 json(plan::Plan{1, c.plan.stays, c.plan.legs, {}, {}, {}}));
        if (withPlan) {
            QCOMPARE(accepted.activity(u"booked"_s)->date, first.addDays(1));
            QCOMPARE(accepted.activity(u"booked"_s)->start, QTime(10, 0));
            int scheduledIdeas = 0;
            for (const QString& id : {u"idea1"_s, u"idea2"_s, u"idea3"_s})
                scheduledIdeas += accepted.activity(id)->isScheduled() ? 1 : 0;
            // A trip of 10 days or more has free days enough for all three ideas.
            if (days >= 10)
                QCOMPARE(scheduledIdeas, 3);
            QCOMPARE(accepted.activities.size() - c.plan.activities.size(),
                     qsizetype(set.proposals.size() - scheduledIdeas));
        }
        // Asked again on the accepted plan, the draft has nothing to add.
        c.plan = accepted;
        QVERIFY(suggest::offlineProposals(c, suggest::Stage::Itinerary).proposals.isEmpty());
    }

    void draftHasArrivalDepartureAndRestDays() {
        const auto e = *conversation::Catalogue::builtin().find(u"Lisbon"_s);
        suggest::SuggestContext c = contextFor(e, QDate(2027, 9, 1), 10);
        const auto set = suggest::offlineProposals(c, suggest::Stage::Itinerary);
        QCOMPARE(set.proposals.first().activity.category, u"arrival"_s);
        QCOMPARE(set.proposals.last().activity.category, u"departure"_s);
        int rest = 0, explore = 0;
        QSet<QString> titles;
        for (const Proposal& p : set.proposals) {
            rest += p.activity.category == u"rest"_s ? 1 : 0;
            explore += p.activity.category == u"explore"_s ? 1 : 0;
            titles.insert(p.activity.title);
        }
        QCOMPARE(rest, 2); // the 4th and 8th full days
        QCOMPARE(titles.size(), set.proposals.size() - rest + (rest ? 1 : 0) - explore + (explore ? 1 : 0));
        // The free days take the catalogue's ideas for Lisbon (7), two a day, then a day to wander.
        QCOMPARE(set.proposals[1].summary, u"2027-09-02, 10:00–13:00: A walking tour of Lisbon's old town"_s);
        QCOMPARE(set.proposals[2].summary,
                 u"2027-09-02, 15:00–18:00: Markets and neighbourhoods away from the main streets"_s);
        QCOMPARE(explore, 2);
    }

    void draftNeedsDates() {
        const auto e = *conversation::Catalogue::builtin().find(u"Lisbon"_s);
        suggest::SuggestContext c = contextFor(e, QDate(2027, 9, 1), 4);
        c.trip.startDate = {};
        const auto set = suggest::offlineProposals(c, suggest::Stage::Itinerary);
        QVERIFY(set.proposals.isEmpty());
        QVERIFY(set.note.contains(u"dates"_s));
    }

    // Stays for exactly the nights no stay covers, at the destination's centre, with no invented hotel.
    void staysFillTheNightsWithout() {
        const auto e = *conversation::Catalogue::builtin().find(u"Kyoto"_s);
        suggest::SuggestContext c = contextFor(e, QDate(2027, 4, 1), 10); // 9 nights: 1st..10th
        c.plan.stays << stay(u"mid"_s, "2027-04-04", "2027-04-07");
        const auto set = suggest::offlineProposals(c, suggest::Stage::Accommodation);
        QCOMPARE(set.proposals.size(), 2);
        QCOMPARE(set.proposals[0].stay.checkIn, QDate(2027, 4, 1));
        QCOMPARE(set.proposals[0].stay.checkOut, QDate(2027, 4, 4));
        QCOMPARE(set.proposals[1].stay.checkIn, QDate(2027, 4, 7));
        QCOMPARE(set.proposals[1].stay.checkOut, QDate(2027, 4, 10));
        for (const Proposal& p : set.proposals) {
            QVERIFY(p.acceptable());
            QVERIFY(p.stay.place.hasCoordinates());
            QCOMPARE(p.stay.place.latitude, c.destination->latitude);
            QVERIFY(!p.stay.price);
        }
        c.plan = suggest::applyProposals(c.plan, set.proposals);
        const auto again = suggest::offlineProposals(c, suggest::Stage::Accommodation);
        QVERIFY(again.proposals.isEmpty());
        QVERIFY(again.note.contains(u"Every night"_s));
    }

    void ideasFollowInterests() {
        const auto e = *conversation::Catalogue::builtin().find(u"Barcelona"_s);
        QVERIFY(e.tags.contains(u"nightlife"_s) && e.tags.contains(u"food"_s));
        suggest::SuggestContext c = contextFor(e, QDate(2027, 6, 1), 5);
        c.preferences.preferencesText = u"We love good food. No nightlife please."_s;
        const auto set = suggest::offlineProposals(c, suggest::Stage::Activities);
        QVERIFY(set.proposals.size() >= 4);
        QCOMPARE(set.proposals.first().activity.category, u"food"_s);
        QVERIFY(set.proposals.first().reason.contains(u"you said you enjoy"_s));
        for (const Proposal& p : set.proposals) {
            QVERIFY(p.acceptable());
            QVERIFY(p.activity.category != u"evening"_s);
            QVERIFY(!p.activity.isScheduled());
            QVERIFY(!p.activity.place.hasCoordinates()); // no point is invented for an idea
        }
        // Accept two; asked again, those two are not proposed a second time.
        c.plan = suggest::applyProposals(c.plan,
                                         suggest::proposalsAt(set, suggest::chooseProposals(set, u"1,2"_s)));
        const auto again = suggest::offlineProposals(c, suggest::Stage::Activities);
        QCOMPARE(again.proposals.size(), set.proposals.size() - 2);
        for (const Proposal& p : again.proposals)
            QVERIFY(p.activity.title != set.proposals[0].activity.title &&
                    p.activity.title != set.proposals[1].activity.title);
    }

    void budgetIsExact_data() {
        QTest::addColumn<QString>("costPerDay");
        QTest::addColumn<int>("travellers");
        QTest::addColumn<int>("days");
        for (const char* cost : {"87.50", "120.00", "33.33", "350.00"})
            for (int travellers : {1, 2, 5})
                for (int days : {2, 7, 30})
                    QTest::addRow("%s-%dp-%dd", cost, travellers, days)
                        << QString::fromLatin1(cost) << travellers << days;
    }

    // The trip budget proposed is the average cost per day × travellers × days
    // plus what the plan prices, to the cent.
    void budgetIsExact() {
        QFETCH(QString, costPerDay);
        QFETCH(int, travellers);
        QFETCH(int, days);
        const auto e = *conversation::Catalogue::builtin().find(u"Lisbon"_s);
        suggest::SuggestContext c = contextFor(e, QDate(2027, 9, 1), days, travellers);
        c.destination->averageCostPerDay = dec(costPerDay.toLatin1().constData());
        plan::Stay s = stay(u"s"_s, "2027-09-01", "2027-09-02");
        s.price = plan::Money{dec("45.10"), u"EUR"_s};
        s.pricePerNight = true;
        plan::Activity a = activity(u"a"_s, "2027-09-01");
        a.cost = plan::Money{dec("19.99"), u"EUR"_s};
        c.plan.stays << s;
        c.plan.activities << a;
        const auto set = suggest::offlineProposals(c, suggest::Stage::Budget);
        QCOMPARE(set.proposals.size(), 2);
        QCOMPARE(set.proposals[0].kind, Proposal::Kind::HomeCurrency);
        QCOMPARE(set.proposals[0].homeCurrency, u"EUR"_s); // what the plan's prices are in
        QCOMPARE(set.proposals[1].kind, Proposal::Kind::TripBudget);
        const Decimal expected = plan::exact::add(
            plan::exact::multiply(plan::exact::multiply(dec(costPerDay.toLatin1().constData()), travellers),
                                  days),
            dec("65.09"));
        QCOMPARE(set.proposals[1].tripBudget->toString(), expected.toString());
        const plan::Plan accepted = suggest::applyProposals(c.plan, set.proposals);
        QCOMPARE(accepted.budget.homeCurrency, u"EUR"_s);
        QCOMPARE(suggest::tripBudgetOf(set.proposals)->toString(), expected.toString());
        // With that budget set, the budget stage has nothing more to propose.
        c.plan = accepted;
        c.trip.budget = expected;
        QVERIFY(suggest::offlineProposals(c, suggest::Stage::Budget).proposals.isEmpty());
    }

    // The saved budget range is mentioned when the estimate falls outside it.
    void budgetAgainstTheSavedRange() {
        const auto e = *conversation::Catalogue::builtin().find(u"Lisbon"_s);
        suggest::SuggestContext c = contextFor(e, QDate(2027, 9, 1), 7, 2); // 130 × 2 × 7 = 1820.00
        c.plan.budget.homeCurrency = u"USD"_s;
        c.preferences.budgetMax = dec("1500.00");
        auto reason = [&] {
            return suggest::offlineProposals(c, suggest::Stage::Budget).proposals.value(0).reason;
        };
        QVERIFY2(reason().contains(u"more than the 1500.00 your preferences give"_s), qPrintable(reason()));
        c.preferences.budgetMax = dec("2500.00");
        c.preferences.budgetMin = dec("2000.00");
        QVERIFY(reason().contains(u"less than the 2000.00"_s));
        c.preferences.budgetMin = dec("1000.00");
        QVERIFY(!reason().contains(u"your preferences"_s));
    }

    void budgetWithoutCostPerDaySaysSo() {
        const auto e = *conversation::Catalogue::builtin().find(u"Lisbon"_s);
        suggest::SuggestContext c = contextFor(e, QDate(2027, 9, 1), 3);
        c.destination->averageCostPerDay.reset();
        c.plan.budget.homeCurrency = u"EUR"_s;
        const auto set = suggest::offlineProposals(c, suggest::Stage::Budget);
        QVERIFY(set.proposals.isEmpty());
        QVERIFY(set.note.contains(u"average cost per day"_s));
    }

    // What a model might return: a point in the sea or in another country, a
    // date outside the trip, a negative cost, a currency that is not ISO 4217.
    // Each is flagged, and accepting any of them changes nothing.
    void badProposalsAreFlaggedNotStored() {
        const auto e = *conversation::Catalogue::builtin().find(u"Lisbon"_s);
        suggest::SuggestContext c = contextFor(e, QDate(2027, 9, 1), 5);
        c.plan.activities << activity(u"keep"_s, nullptr);
        const QByteArray before = json(c.plan);

        Proposal sea;
        sea.kind = Proposal::Kind::Stay;
        sea.stay = stay(u"s1"_s, "2027-09-01", "2027-09-03");
        sea.stay.place = place(u"Hotel Atlantic"_s, "38.000000", "-14.000000");
        Proposal madrid = sea;
        madrid.stay.id = u"s2"_s;
        madrid.stay.place = place(u"Hotel Sol"_s, "40.416800", "-3.703800");
        Proposal late;
        late.kind = Proposal::Kind::Activity;
        late.activity = activity(u"a1"_s, "2027-09-09");
        Proposal negative;
        negative.kind = Proposal::Kind::Activity;
        negative.activity = activity(u"a2"_s, "2027-09-02");
        negative.activity.cost = plan::Money{dec("-5.00"), u"EUR"_s};
        Proposal notIso = negative;
        notIso.activity.id = u"a3"_s;
        notIso.activity.cost = plan::Money{dec("5.00"), u"EURO"_s};
        Proposal currency;
        currency.kind = Proposal::Kind::HomeCurrency;
        currency.homeCurrency = u"XYZ"_s;
        Proposal fine;
        fine.kind = Proposal::Kind::Activity;
        fine.activity = activity(u"a4"_s, "2027-09-02");
        fine.activity.place = place(u"Belém Tower"_s, "38.691600", "-9.216000");

        QList<Proposal> all{sea, madrid, late, negative, notIso, currency, fine};
        suggest::checkProposals(all, c);
        QVERIFY(all[0].problems.value(0).message.contains(u"sea"_s, Qt::CaseInsensitive));
        QCOMPARE(all[0].problems.value(0).field, u"place"_s);
        QVERIFY(all[1].problems.value(0).message.contains(u"Spain"_s));
        QCOMPARE(all[2].problems.value(0).field, u"date"_s);
        QVERIFY(all[2].problems.value(0).message.contains(u"outside the trip"_s));
        QCOMPARE(all[3].problems.value(0).field, u"cost.amount"_s);
        QCOMPARE(all[4].problems.value(0).field, u"cost.currency"_s);
        QCOMPARE(all[5].problems.value(0).field, u"home_currency"_s);
        QVERIFY2(all[6].acceptable(), qPrintable(all[6].problems.value(0).message));

        for (int i = 0; i < 6; ++i) {
            QVERIFY(!all[i].acceptable());
            QVERIFY_THROWS_EXCEPTION(Error, suggest::applyProposals(c.plan, {fine, all[i]}));
        }
        QCOMPARE(json(c.plan), before);
        const plan::Plan withFine = suggest::applyProposals(c.plan, {all[6]});
        QCOMPARE(withFine.activities.size(), 2);

        // An idea to schedule that is no longer in the plan.
        Proposal gone;
        gone.kind = Proposal::Kind::ScheduleActivity;
        gone.replacesId = u"deleted"_s;
        gone.activity = activity(u"deleted"_s, "2027-09-02");
        QList<Proposal> one{gone};
        suggest::checkProposals(one, c);
        QVERIFY(!one[0].acceptable());
        QVERIFY_THROWS_EXCEPTION(Error, suggest::applyProposals(c.plan, one));
    }

    // Accepted together, proposals must still make a plan: a stay on nights
    // that have one, an idea put on two days, two new activities at one time,
    // a budget the trip cannot hold are refused whole.
    void acceptedTogetherStillAPlan() {
        const auto e = *conversation::Catalogue::builtin().find(u"Lisbon"_s);
        suggest::SuggestContext c = contextFor(e, QDate(2027, 9, 1), 5);
        c.plan.stays << stay(u"booked"_s, "2027-09-01", "2027-09-03");
        c.plan.activities << activity(u"idea"_s, nullptr);
        auto proposal = [](Proposal::Kind kind) {
            Proposal p;
            p.kind = kind;
            return p;
        };
        Proposal second = proposal(Proposal::Kind::Stay);
        second.stay = stay(u"second"_s, "2027-09-02", "2027-09-05");
        Proposal monday = proposal(Proposal::Kind::ScheduleActivity);
        monday.replacesId = u"idea"_s;
        monday.activity = activity(u"idea"_s, "2027-09-02", "10:00", "12:00");
        Proposal tuesday = monday;
        tuesday.activity.date = QDate(2027, 9, 3);
        Proposal a = proposal(Proposal::Kind::Activity);
        a.activity = activity(u"a"_s, "2027-09-04", "10:00", "12:00");
        Proposal b = a;
        b.activity.id = u"b"_s;
        b.activity.start = QTime(11, 0);
        Proposal huge = proposal(Proposal::Kind::TripBudget);
        huge.tripBudget = dec("100000000.00");
        QList<Proposal> all{second, monday, tuesday, a, b, huge};
        suggest::checkProposals(all, c);
        for (int i = 0; i < 5; ++i)
            QVERIFY2(all[i].acceptable(), qPrintable(all[i].summary + all[i].problems.value(0).message));
        QCOMPARE(all[5].problems.value(0).field, u"budget"_s);
        QVERIFY_THROWS_EXCEPTION(Error, suggest::applyProposals(c.plan, {all[0]}));
        QVERIFY_THROWS_EXCEPTION(Error, suggest::applyProposals(c.plan, {all[1], all[2]}));
        QVERIFY_THROWS_EXCEPTION(Error, suggest::applyProposals(c.plan, {all[3], all[4]}));
        QCOMPARE(suggest::applyProposals(c.plan, {all[1], all[3]}).activities.size(), 2);
        try {
            suggest::applyProposals(c.plan, {all[0]});
        } catch (const Error& error) {
            QVERIFY2(error.message().contains(u"both for the night of 2027-09-02"_s),
                     qPrintable(error.message()));
        }
    }

    // A timed activity across town needs time to get there: 12 km at 25 km/h
    // is about 29 minutes, and 10 minutes between them is flagged.
    void travelTimeBetweenPlaces() {
        const auto e = *conversation::Catalogue::builtin().find(u"Lisbon"_s);
        suggest::SuggestContext c = contextFor(e, QDate(2027, 9, 1), 5);
        plan::Activity belem = activity(u"belem"_s, "2027-09-02", "10:00", "12:00");
        belem.title = u"Belém Tower"_s;
        belem.place = place(u"Belém"_s, "38.691600", "-9.216000");
        c.plan.activities << belem;
        Proposal oriente;
        oriente.kind = Proposal::Kind::Activity;
        oriente.activity = activity(u"oriente"_s, "2027-09-02", "12:10", "13:00");
        oriente.activity.place = place(u"Oceanário"_s, "38.763500", "-9.093800");
        Proposal later = oriente;
        later.activity.start = QTime(13, 0);
        later.activity.end = QTime(14, 0);
        Proposal before = oriente;
        before.activity.start = QTime(9, 0);
        before.activity.end = QTime(9, 50);
        QList<Proposal> all{oriente, later, before};
        suggest::checkProposals(all, c);
        QCOMPARE(all[0].problems.value(0).field, u"start"_s);
        QVERIFY2(all[0].problems.value(0).message.startsWith(
                     u"leaves 10 min to cover the 13 km from \"Belém Tower\""_s),
                 qPrintable(all[0].problems.value(0).message));
        QVERIFY2(all[1].acceptable(), qPrintable(all[1].problems.value(0).message));
        QVERIFY(all[2].problems.value(0).message.contains(u"to \"Belém Tower\""_s));
    }

    void choosingByNumber() {
        suggest::ProposalSet set;
        for (int i = 0; i < 4; ++i) {
            Proposal p;
            p.summary = QString::number(i + 1);
            set.proposals << p;
        }
        QCOMPARE(suggest::chooseProposals(set, u"all"_s).size(), 4);
        QCOMPARE(suggest::chooseProposals(set, u"3, 1,3"_s), (QList<qsizetype>{2, 0}));
        const auto chosen = suggest::proposalsAt(set, suggest::chooseProposals(set, u"3, 1,3"_s));
        QCOMPARE(chosen.size(), 2);
        QCOMPARE(chosen[0].summary, u"3"_s);
        QCOMPARE(chosen[1].summary, u"1"_s);
        for (const QString& bad : {u"0"_s, u"5"_s, u"x"_s, u""_s, u"1;2"_s})
            QVERIFY_THROWS_EXCEPTION(Error, suggest::chooseProposals(set, bad));
        // "all" is every proposal that can be accepted; a flagged one asked for by number is named.
        set.proposals[1].problems << FieldError{u"date"_s, u"is outside the trip"_s};
        QCOMPARE(suggest::chooseProposals(set, u"all"_s), (QList<qsizetype>{0, 2, 3}));
        try {
            suggest::chooseProposals(set, u"1,2"_s);
            QFAIL("a flagged proposal was chosen");
        } catch (const Error& e) {
            QCOMPARE(e.fieldErrors().value(0).message,
                     u"proposal 2 cannot be accepted: date is outside the trip"_s);
        }
    }

    void stageNames() {
        for (const QString& n : suggest::stageNames())
            QCOMPARE(suggest::stageName(*suggest::stageFromName(n)), n);
        QCOMPARE(*suggest::stageFromName(u"Accommodation"_s), suggest::Stage::Accommodation);
        QVERIFY(!suggest::stageFromName(u"flights"_s));
    }
};

QTEST_GUILESS_MAIN(TestSuggestions)
#include "tst_suggestions.moc"
