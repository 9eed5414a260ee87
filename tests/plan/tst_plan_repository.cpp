// SPDX-License-Identifier: GPL-3.0-or-later
// The plan in the database, on SQLite, PostgreSQL and PgBouncer: saved into the
// planning session's session_data with its other keys kept, two writers get a
// conflict, it stays with the trip through completed sessions, goes with the
// trip, is in the user's export, and the trip's status follows the stages.
#include "PlanFixtures.h"
#include "TestBackends.h"
#include "plan/PlanCodec.h"
#include "plan/StageStatus.h"
#include "repo/PlanRepository.h"
#include "repo/PlanningRepository.h"
#include "repo/TripRepository.h"
#include "repo/UserExport.h"
#include "repo/UserRepository.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tp;
using namespace tp::test;

namespace {

template <class F> void expectKind(F&& f, Error::Kind kind, const char* what) {
    try {
        f();
    } catch (const Error& e) {
        QVERIFY2(e.kind() == kind, qPrintable(u"%1: %2"_s.arg(QString::fromLatin1(what), e.message())));
        return;
    }
    QFAIL(qPrintable(u"%1: nothing thrown"_s.arg(QString::fromLatin1(what))));
}

plan::Plan samplePlan() {
    plan::Plan p;
    p.budget.homeCurrency = u"EUR"_s;
    plan::Stay s = stay(u"stay-1"_s, "2026-06-01", "2026-06-04");
    s.price = plan::Money{dec("120.00"), u"EUR"_s};
    s.pricePerNight = true;
    p.stays << s;
    p.legs << leg(u"leg-1"_s, u"Europe/London"_s, "2026-06-01T07:05", u"Europe/Rome"_s, "2026-06-01T11:10");
    p.activities << activity(u"act-1"_s, "2026-06-02", "09:30", "11:00") << activity(u"act-2"_s, nullptr);
    return p;
}

int sessionCount(Database& db, Id tripId) {
    return col::integer(
        db.query(u"SELECT count(*) AS n FROM api_planningsession WHERE trip_id = :t"_s, {{u"t"_s, tripId}})
            .first(),
        "n");
}

struct Setup {
    User user;
    Trip trip;
};

Setup setup(Database& db, const QString& name) {
    Setup s;
    s.user = UserRepository(db).create(name);
    Trip t;
    t.title = name + u"'s trip"_s;
    t.status = u"destinations_selected"_s;
    s.trip = TripRepository(db, s.user.id).create(t);
    return s;
}

} // namespace

class TestPlanRepository : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void saveAndLoadKeepsOtherKeys_data() { addBackendRows(); }
    void saveAndLoadKeepsOtherKeys() {
        QFETCH(QString, backend);
        TempDatabase tmp(backend);
        auto db = tmp.connectMigrated();
        const Setup a = setup(*db, u"alice"_s);
        PlanRepository repo(*db, a.user.id);
        PlanDocument doc = repo.load(a.trip.id);
        QCOMPARE(doc.sessionId, Id(0));
        QVERIFY(doc.plan.isEmpty());
        // The first save starts a planning session.
        doc = repo.save(doc, samplePlan());
        QVERIFY(doc.sessionId > 0);
        QCOMPARE(sessionCount(*db, a.trip.id), 1);
        // Another program's keys in session_data, and its own key inside the plan.
        PlanningRepository planning(*db, a.user.id);
        QJsonObject data = planning.active(a.trip.id)->sessionData;
        data[u"selected_hotel_ids"_s] = QJsonArray{1, 5, 8};
        QJsonObject planObject = data[u"plan"_s].toObject();
        planObject[u"x_web_notes"_s] = u"from the web app"_s;
        data[u"plan"_s] = planObject;
        planning.setSessionData(doc.sessionId, data);

        doc = repo.load(a.trip.id);
        QCOMPARE(plan::planToJson(doc.plan).value(u"stays"_s),
                 plan::planToJson(samplePlan()).value(u"stays"_s));
        QCOMPARE(doc.plan.legs.size(), 1);
        QCOMPARE(doc.plan.legs[0].to.place.zone, u"Europe/Rome"_s);
        QCOMPARE(doc.plan.activities.size(), 2);
        plan::Plan edited = doc.plan;
        edited.stays[0].status = u"booked"_s;
        doc = repo.save(doc, edited);
        const QJsonObject stored = planning.active(a.trip.id)->sessionData;
        QCOMPARE(stored.value(u"selected_hotel_ids"_s).toArray(), (QJsonArray{1, 5, 8}));
        QCOMPARE(stored.value(u"plan"_s).toObject().value(u"x_web_notes"_s).toString(),
                 u"from the web app"_s);
        QCOMPARE(repo.load(a.trip.id).plan.stays[0].status, u"booked"_s);

        // An invalid plan is refused before anything is written.
        plan::Plan bad = edited;
        bad.stays[0].checkOut = bad.stays[0].checkIn;
        expectKind([&] { repo.save(doc, bad); }, Error::Kind::Validation, "invalid plan");
        QCOMPARE(repo.load(a.trip.id).plan.stays[0].checkOut, QDate(2026, 6, 4));
    }

    void twoWritersConflict_data() { addBackendRows(); }
    void twoWritersConflict() {
        QFETCH(QString, backend);
        TempDatabase tmp(backend);
        auto first = tmp.connectMigrated();
        auto second = tmp.connect(); // another window: its own connection
        const Setup a = setup(*first, u"alice"_s);
        PlanRepository one(*first, a.user.id), two(*second, a.user.id);
        one.save(one.load(a.trip.id), samplePlan());

        const PlanDocument readByOne = one.load(a.trip.id);
        const PlanDocument readByTwo = two.load(a.trip.id);
        plan::Plan p1 = readByOne.plan, p2 = readByTwo.plan;
        p1.stays[0].name = u"Written by one"_s;
        p2.stays[0].name = u"Written by two"_s;
        one.save(readByOne, p1);
        expectKind([&] { two.save(readByTwo, p2); }, Error::Kind::Conflict, "second writer");
        QCOMPARE(two.load(a.trip.id).plan.stays[0].name, u"Written by one"_s);
        // After a reload the second writer succeeds.
        two.edit(a.trip.id, [](plan::Plan& p) { p.stays[0].name = u"Written by two"_s; });
        QCOMPARE(one.load(a.trip.id).plan.stays[0].name, u"Written by two"_s);

        // The web app touches the session (Django's auto_now writes microseconds).
        const PlanDocument before = one.load(a.trip.id);
        first->execute(u"UPDATE api_planningsession SET last_interaction_at = :t WHERE id = :id"_s,
                       {{u"t"_s, before.version.addSecs(5)}, {u"id"_s, before.sessionId}});
        expectKind([&] { one.save(before, before.plan); }, Error::Kind::Conflict, "web app changed it");

        // A stage move meanwhile is a change too, and it does not overwrite the plan.
        const PlanDocument beforeStage = one.load(a.trip.id);
        PlanningRepository(*second, a.user.id).advance(beforeStage.sessionId);
        expectKind([&] { one.save(beforeStage, samplePlan()); }, Error::Kind::Conflict, "stage moved");
        QCOMPARE(one.load(a.trip.id).plan.stays[0].name, u"Written by two"_s);
    }

    void otherUsersCannotTouchIt_data() { addBackendRows(); }
    void otherUsersCannotTouchIt() {
        QFETCH(QString, backend);
        TempDatabase tmp(backend);
        auto db = tmp.connectMigrated();
        const Setup a = setup(*db, u"alice"_s);
        const Setup b = setup(*db, u"bob"_s);
        const PlanDocument doc =
            PlanRepository(*db, a.user.id).save(PlanRepository(*db, a.user.id).load(a.trip.id), samplePlan());
        PlanRepository bobs(*db, b.user.id);
        expectKind([&] { bobs.load(a.trip.id); }, Error::Kind::NotFound, "bob reads alice's plan");
        // Even with alice's document in hand, bob's write matches no row.
        plan::Plan changed = doc.plan;
        changed.stays.clear();
        expectKind([&] { bobs.save(doc, changed); }, Error::Kind::Conflict, "bob writes alice's plan");
        QCOMPARE(PlanRepository(*db, a.user.id).load(a.trip.id).plan.stays.size(), 1);
    }

    void survivesCompletionAndGoesWithTheTrip_data() { addBackendRows(); }
    void survivesCompletionAndGoesWithTheTrip() {
        QFETCH(QString, backend);
        TempDatabase tmp(backend);
        auto db = tmp.connectMigrated();
        const Setup a = setup(*db, u"alice"_s);
        PlanRepository repo(*db, a.user.id);
        PlanDocument doc = repo.save(repo.load(a.trip.id), samplePlan());
        PlanningRepository planning(*db, a.user.id);
        PlanningSession s = *planning.active(a.trip.id);
        while (s.currentStage != u"completed")
            s = planning.advance(s.id);
        QVERIFY(!planning.active(a.trip.id));
        // Read from the completed session; a new session starts from it.
        QCOMPARE(repo.load(a.trip.id).plan.stays.size(), 1);
        const PlanningSession next = planning.start(a.trip.id);
        QCOMPARE(plan::readPlan(next.sessionData).stays.size(), 1);
        doc = repo.load(a.trip.id);
        QCOMPARE(doc.sessionId, next.id);
        repo.edit(a.trip.id, [](plan::Plan& p) { p.activities << activity(u"act-3"_s, "2026-06-03"); });
        QCOMPARE(repo.load(a.trip.id).plan.activities.size(), 3);
        QCOMPARE(plan::readPlan(planning.history(a.trip.id).last().sessionData).activities.size(), 2);

        // In the user's export.
        const QJsonObject exported = exportUserData(*db, a.user.id);
        const QJsonObject trip = exported[u"trips"_s].toArray()[0].toObject();
        QCOMPARE(trip[u"plan"_s].toObject()[u"activities"_s].toArray().size(), 3);
        QCOMPARE(trip[u"plan"_s].toObject()[u"version"_s].toInt(), plan::FormatVersion);

        // The trip's delete takes the sessions and their plans with it.
        TripRepository(*db, a.user.id).remove(a.trip.id);
        QCOMPARE(sessionCount(*db, a.trip.id), 0);
        expectKind([&] { repo.load(a.trip.id); }, Error::Kind::NotFound, "plan of a deleted trip");
    }

    void mappingBothWays() {
        const QList<PlanningStage> stages{PlanningStage::Accommodation, PlanningStage::Flights,
                                          PlanningStage::Activities, PlanningStage::Itinerary,
                                          PlanningStage::Finalization};
        const QList<TripStatus> statuses{TripStatus::DestinationsSelected, TripStatus::HotelsSelected,
                                         TripStatus::FlightsSelected, TripStatus::ActivitiesPlanned,
                                         TripStatus::ItineraryComplete};
        for (int i = 0; i < stages.size(); ++i) {
            QCOMPARE(plan::statusWhileCurrent(stages[i], false), std::optional(statuses[i]));
            QCOMPARE(plan::stageForStatus(statuses[i]), std::optional(stages[i]));
        }
        QCOMPARE(plan::statusAfterCompleting(PlanningStage::Finalization, true),
                 std::optional(TripStatus::Booked));
        QCOMPARE(plan::statusAfterCompleting(PlanningStage::Finalization, false),
                 std::optional(TripStatus::ItineraryComplete));
        QCOMPARE(plan::stageForStatus(TripStatus::Booked), std::optional(PlanningStage::Completed));
        QCOMPARE(plan::stageForStatus(TripStatus::AiChatActive), std::optional(PlanningStage::Destination));
        QVERIFY(!plan::stageForStatus(TripStatus::Cancelled));
        QVERIFY(!plan::statusWhileCurrent(PlanningStage::Destination, true));
    }

    void statusFollowsStages_data() { addBackendRows(); }
    void statusFollowsStages() {
        QFETCH(QString, backend);
        TempDatabase tmp(backend);
        auto db = tmp.connectMigrated();
        const Setup a = setup(*db, u"alice"_s);
        PlanningRepository planning(*db, a.user.id);
        TripRepository trips(*db, a.user.id);
        PlanningSession s = planning.start(a.trip.id);
        auto status = [&] {
            return trips.get(a.trip.id).status;
        };
        const QStringList expected{u"destinations_selected"_s, u"hotels_selected"_s, u"flights_selected"_s,
                                   u"activities_planned"_s, u"itinerary_complete"_s};
        for (const QString& st : expected) {
            s = planning.advance(s.id);
            QCOMPARE(status(), st);
        }
        // Back a stage at a time, the status follows down.
        s = planning.back(s.id); // itinerary current
        QCOMPARE(status(), u"activities_planned"_s);
        s = planning.back(s.id); // activities current
        QCOMPARE(status(), u"flights_selected"_s);
        s = planning.advance(s.id);
        s = planning.advance(s.id);
        QCOMPARE(s.currentStage, u"finalization"_s);
        // Final review with an unbooked item: not "booked".
        PlanRepository repo(*db, a.user.id);
        repo.save(repo.load(a.trip.id), samplePlan());
        const PlanningSession done = planning.advance(s.id);
        QCOMPARE(done.currentStage, u"completed"_s);
        QCOMPARE(status(), u"itinerary_complete"_s);

        // Everything booked: "booked".
        PlanningSession again = planning.start(a.trip.id);
        repo.edit(a.trip.id, [](plan::Plan& p) {
            for (plan::Stay& x : p.stays)
                x.status = u"booked"_s;
            for (plan::Leg& x : p.legs)
                x.status = u"booked"_s;
            for (plan::Activity& x : p.activities)
                x.status = u"booked"_s;
        });
        while (again.currentStage != u"completed")
            again = planning.advance(again.id);
        QCOMPARE(status(), u"booked"_s);

        // A cancelled trip keeps its status.
        Trip t = trips.get(a.trip.id);
        t.status = u"cancelled"_s;
        trips.update(t);
        PlanningSession third = planning.start(a.trip.id);
        planning.advance(third.id);
        QCOMPARE(status(), u"cancelled"_s);
    }
};

QTEST_GUILESS_MAIN(TestPlanRepository)
#include "tst_plan_repository.moc"
