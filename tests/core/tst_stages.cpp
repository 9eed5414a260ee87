// SPDX-License-Identifier: GPL-3.0-or-later
// The trip statuses and planning stages as enums: the stored strings are the
// seed's, spelt out here so that renaming a value fails; every value survives a
// round trip; what this version does not know parses to nothing; and the map
// between stages and statuses (plan/StageStatus) is checked in full.
#include "domain/Stages.h"
#include "plan/StageStatus.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace tp;

// Failures print the stored value rather than a number (found by argument-dependent lookup).
namespace tp {
char* toString(TripStatus s) {
    return QTest::toString(storedValue(s));
}
char* toString(PlanningStage s) {
    return QTest::toString(storedValue(s));
}
} // namespace tp

namespace {

// The seed's values (api/models.py), in its order.
const QList<std::pair<TripStatus, QString>> kStatuses{
    {TripStatus::Planning, u"planning"_s},
    {TripStatus::AiChatActive, u"ai_chat_active"_s},
    {TripStatus::DestinationsSelected, u"destinations_selected"_s},
    {TripStatus::HotelsSelected, u"hotels_selected"_s},
    {TripStatus::FlightsSelected, u"flights_selected"_s},
    {TripStatus::ActivitiesPlanned, u"activities_planned"_s},
    {TripStatus::ItineraryComplete, u"itinerary_complete"_s},
    {TripStatus::Booked, u"booked"_s},
    {TripStatus::Completed, u"completed"_s},
    {TripStatus::Cancelled, u"cancelled"_s},
};

const QList<std::pair<PlanningStage, QString>> kStages{
    {PlanningStage::Destination, u"destination"_s}, {PlanningStage::Accommodation, u"accommodation"_s},
    {PlanningStage::Flights, u"flights"_s},         {PlanningStage::Activities, u"activities"_s},
    {PlanningStage::Itinerary, u"itinerary"_s},     {PlanningStage::Finalization, u"finalization"_s},
    {PlanningStage::Completed, u"completed"_s},
};

} // namespace

class TestStages : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void statusesAreTheSeeds() {
        QCOMPARE(qsizetype(std::size(trip_status::all)), kStatuses.size());
        for (qsizetype i = 0; i < kStatuses.size(); ++i) {
            const auto& [status, stored] = kStatuses[i];
            QCOMPARE(int(status), int(i)); // the enum's order is the table's, labels included
            QCOMPARE(storedValue(status), stored);
            QCOMPARE(QStringView(trip_status::all[i].value), QStringView(stored));
            QCOMPARE(tripStatusFrom(stored), std::optional(status));
            QCOMPARE(tripStatusFrom(storedValue(status)), std::optional(status));
            QVERIFY(stored.size() <= trip_status::MaxLength);
            for (const auto& [other, otherStored] : kStatuses)
                QCOMPARE(isStatus(stored, other), other == status);
        }
    }

    void stagesAreTheSeeds() {
        QCOMPARE(qsizetype(std::size(planning_stage::all)), kStages.size());
        for (qsizetype i = 0; i < kStages.size(); ++i) {
            const auto& [stage, stored] = kStages[i];
            QCOMPARE(int(stage), int(i));
            QCOMPARE(storedValue(stage), stored);
            QCOMPARE(QStringView(planning_stage::all[i].value), QStringView(stored));
            QCOMPARE(planningStageFrom(stored), std::optional(stage));
            QCOMPARE(planningStageFrom(storedValue(stage)), std::optional(stage));
            for (const auto& [other, otherStored] : kStages)
                QCOMPARE(isStage(stored, other), other == stage);
        }
    }

    void unknownValuesParseToNothing() {
        // A newer web app's values, other spellings, and the other choice lists' values.
        const QStringList unknown{QString(),
                                  u""_s,
                                  u"Planning"_s,
                                  u"planning "_s,
                                  u" booked"_s,
                                  u"done"_s,
                                  u"packing"_s,
                                  u"final_review"_s,
                                  u"Destination"_s,
                                  u"initial"_s,
                                  u"commitment_detected"_s,
                                  u"idea"_s};
        for (const QString& s : unknown) {
            QVERIFY2(!tripStatusFrom(s), qPrintable(s));
            QVERIFY2(!planningStageFrom(s), qPrintable(s));
            QVERIFY(!isStatus(s, TripStatus::Planning));
            QVERIFY(!isStage(s, PlanningStage::Destination));
        }
        // The one value in both lists is each list's own.
        QCOMPARE(tripStatusFrom(u"completed"), std::optional(TripStatus::Completed));
        QCOMPARE(planningStageFrom(u"completed"), std::optional(PlanningStage::Completed));
        // Statuses are not stages and the other way round.
        QVERIFY(!planningStageFrom(u"planning"));
        QVERIFY(!tripStatusFrom(u"destination"));
    }

    void nextAndPrevious() {
        for (qsizetype i = 0; i + 1 < kStages.size(); ++i) {
            QCOMPARE(nextStage(kStages[i].first), kStages[i + 1].first);
            QCOMPARE(previousStage(kStages[i + 1].first), kStages[i].first);
        }
        // Both ends stay where they are.
        QCOMPARE(nextStage(PlanningStage::Completed), PlanningStage::Completed);
        QCOMPARE(previousStage(PlanningStage::Destination), PlanningStage::Destination);
        QCOMPARE(nextStage(PlanningStage::Destination), PlanningStage::Accommodation);
        QCOMPARE(previousStage(PlanningStage::Completed), PlanningStage::Finalization);
    }

    // docs/plan-format.md, "Stages and the trip's status".
    void statusAfterEachStage() {
        using plan::statusAfterCompleting;
        using plan::statusWhileCurrent;
        const QList<std::pair<PlanningStage, std::optional<TripStatus>>> after{
            {PlanningStage::Destination, TripStatus::DestinationsSelected},
            {PlanningStage::Accommodation, TripStatus::HotelsSelected},
            {PlanningStage::Flights, TripStatus::FlightsSelected},
            {PlanningStage::Activities, TripStatus::ActivitiesPlanned},
            {PlanningStage::Itinerary, TripStatus::ItineraryComplete},
            {PlanningStage::Finalization, TripStatus::ItineraryComplete},
            {PlanningStage::Completed, std::nullopt},
        };
        QCOMPARE(after.size(), kStages.size());
        for (const auto& [stage, status] : after) {
            QCOMPARE(statusAfterCompleting(stage, false), status);
            // Everything booked changes only what the final review gives.
            QCOMPARE(statusAfterCompleting(stage, true),
                     stage == PlanningStage::Finalization ? std::optional(TripStatus::Booked) : status);
        }
        // While a stage is current, the status is what the stage before produced.
        QVERIFY(!statusWhileCurrent(PlanningStage::Destination, false));
        QVERIFY(!statusWhileCurrent(PlanningStage::Destination, true));
        for (qsizetype i = 1; i < kStages.size(); ++i) {
            for (const bool booked : {false, true})
                QCOMPARE(statusWhileCurrent(kStages[i].first, booked),
                         statusAfterCompleting(kStages[i - 1].first, booked));
        }
        QCOMPARE(statusWhileCurrent(PlanningStage::Completed, true), std::optional(TripStatus::Booked));
        QCOMPARE(statusWhileCurrent(PlanningStage::Completed, false),
                 std::optional(TripStatus::ItineraryComplete));
    }

    void stageForEachStatus() {
        const QList<std::pair<TripStatus, std::optional<PlanningStage>>> stageOf{
            {TripStatus::Planning, PlanningStage::Destination},
            {TripStatus::AiChatActive, PlanningStage::Destination},
            {TripStatus::DestinationsSelected, PlanningStage::Accommodation},
            {TripStatus::HotelsSelected, PlanningStage::Flights},
            {TripStatus::FlightsSelected, PlanningStage::Activities},
            {TripStatus::ActivitiesPlanned, PlanningStage::Itinerary},
            {TripStatus::ItineraryComplete, PlanningStage::Finalization},
            {TripStatus::Booked, PlanningStage::Completed},
            {TripStatus::Completed, PlanningStage::Completed},
            {TripStatus::Cancelled, std::nullopt},
        };
        QCOMPARE(stageOf.size(), kStatuses.size());
        for (const auto& [status, stage] : stageOf) {
            QCOMPARE(plan::stageForStatus(status), stage);
            // Only Completed and Cancelled are left alone by stage moves.
            QCOMPARE(plan::statusIsFinal(status),
                     status == TripStatus::Completed || status == TripStatus::Cancelled);
        }
        // Both ways agree: the status a stage leaves behind leads back to the stage.
        for (qsizetype i = 1; i + 1 < kStages.size(); ++i) {
            const PlanningStage stage = kStages[i].first;
            QCOMPARE(plan::stageForStatus(*plan::statusWhileCurrent(stage, false)), std::optional(stage));
        }
    }
};

QTEST_GUILESS_MAIN(TestStages)
#include "tst_stages.moc"
