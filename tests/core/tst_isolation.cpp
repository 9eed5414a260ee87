// SPDX-License-Identifier: GPL-3.0-or-later
// User isolation: every scoped repository method called by user B with user
// A's ids reads nothing and changes nothing (NotFound), alone and inside a
// caller's transaction, checked by re-reading everything as A afterwards.
#include "TestBackends.h"
#include "repo/ConversationRepository.h"
#include "repo/PlanningRepository.h"
#include "repo/PreferencesRepository.h"
#include "repo/TripRepository.h"
#include "repo/UserRepository.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tp;

namespace {

// Everything A owns, as text, read as A.
QString dumpAsOwner(Database& db, Id user, Id tripId, Id conversationId) {
    QStringList out;
    TripRepository trips(db, user);
    for (const Trip& t : trips.list())
        out << u"trip %1 %2 %3 %4 %5 %6"_s.arg(t.id).arg(t.title, t.status, t.description,
                                                         t.budget ? t.budget->toString() : QString(),
                                                         t.updatedAt.toString(Qt::ISODateWithMs));
    ConversationRepository conversations(db, user);
    for (const Message& m : conversations.messages(conversationId))
        out << u"message %1 %2"_s.arg(m.id).arg(m.content);
    for (const Recommendations& r : conversations.recommendationHistory(conversationId))
        out << u"recommendations %1 %2"_s.arg(r.id).arg(
            QString::fromUtf8(QJsonDocument(r.locations).toJson()));
    const auto s = conversations.state(conversationId);
    out << u"state %1 %2 %3"_s.arg(s->currentStage, s->userInfo, s->updatedAt.toString(Qt::ISODateWithMs));
    for (const PlanningSession& p : PlanningRepository(db, user).history(tripId))
        out << u"session %1 %2 %3 %4"_s.arg(p.id).arg(
            p.currentStage, p.stagesCompleted.join(u','),
            QString::fromUtf8(QJsonDocument(p.sessionData).toJson()));
    const UserPreferences pr = PreferencesRepository(db, user).get();
    out << u"preferences %1 %2 %3"_s.arg(pr.preferencesText,
                                         pr.budgetMax ? pr.budgetMax->toString() : QString(),
                                         pr.updatedAt.toString(Qt::ISODateWithMs));
    return out.join(u'\n');
}

} // namespace

class TestIsolation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void otherUsersDataIsInvisible_data() { test::addBackendRows(); }
    void otherUsersDataIsInvisible() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        auto db = tmp.connectMigrated();
        const User a = UserRepository(*db).create(u"alice"_s);
        const User b = UserRepository(*db).create(u"bob"_s);

        // A's data.
        TripRepository aTrips(*db, a.id);
        Trip draft;
        draft.title = u"Alice in Lisbon"_s;
        draft.description = u"private notes"_s;
        draft.budget = Decimal::parse(u"2000.00", 10, 2);
        const Trip aTrip = aTrips.create(draft);
        ConversationRepository aConv(*db, a.id);
        // Lambdas below use the conversation: a variable, since clang 14 cannot capture a structured binding.
        const auto [convRow, state] = aConv.ensureForTrip(aTrip.id);
        const auto& conv = convRow;
        aConv.addMessage(conv.id, true, u"my secret plans"_s);
        aConv.addRecommendations(conv.id, QJsonArray{QJsonObject{{u"name"_s, u"Lisbon"_s}}});
        PlanningRepository aPlanning(*db, a.id);
        const PlanningSession session = aPlanning.start(aTrip.id);
        PreferencesRepository aPrefs(*db, a.id);
        UserPreferences prefs = aPrefs.get();
        prefs.preferencesText = u"alice likes beaches"_s;
        prefs.budgetMax = Decimal::parse(u"5000.00", 10, 2);
        aPrefs.save(prefs);
        // B has a trip of their own, so that "nothing" is not just an empty database.
        TripRepository bTrips(*db, b.id);
        Trip bDraft;
        bDraft.title = u"Bob at home"_s;
        const Trip bTrip = bTrips.create(bDraft);

        const QString before = dumpAsOwner(*db, a.id, aTrip.id, conv.id);
        QVERIFY(before.contains(u"my secret plans"_s));

        QStringList leaks;
        auto expectNotFoundOnce = [&](const QString& what, const std::function<void()>& f) {
            try {
                f();
                leaks << u"%1: succeeded"_s.arg(what);
            } catch (const Error& e) {
                if (e.kind() != Error::Kind::NotFound)
                    leaks << u"%1: %2 instead of not found: %3"_s.arg(what, kindName(e.kind()), e.message());
            }
        };
        // Each call twice: alone, and joined to a caller's transaction that
        // goes on after the error and commits. There the method's own rollback
        // undoes nothing, so a statement that changed A's row and was only
        // caught out by a scoped read after it (a write missing its user
        // filter) leaves the change saved.
        auto expectNotFound = [&](const char* what, const std::function<void()>& f) {
            const QString name = QString::fromLatin1(what);
            expectNotFoundOnce(name, f);
            try {
                db->transaction([&] { expectNotFoundOnce(name + u" (in a caller's transaction)"_s, f); });
            } catch (const Error& e) {
                leaks << u"%1: the caller's transaction failed (%2): %3"_s.arg(name, kindName(e.kind()),
                                                                               e.message());
            }
        };
        auto expectEmpty = [&](const char* what, bool empty) {
            if (!empty)
                leaks << u"%1: returned A's data"_s.arg(QString::fromLatin1(what));
        };

        // TripRepository as B.
        expectEmpty("trips.find", !bTrips.find(aTrip.id).has_value());
        expectNotFound("trips.get", [&] { bTrips.get(aTrip.id); });
        expectNotFound("trips.open", [&] { bTrips.open(aTrip.id); });
        Trip stolen = aTrip;
        stolen.title = u"pwned by bob"_s;
        expectNotFound("trips.update", [&] { bTrips.update(stolen); });
        expectNotFound("trips.remove", [&] { bTrips.remove(aTrip.id); });
        const QList<Trip> bList = bTrips.list();
        expectEmpty("trips.list", bList.size() == 1 && bList.first().id == bTrip.id);
        expectEmpty("trips.count", bTrips.count() == 1);
        TripFilter f;
        f.text = u"Alice"_s;
        expectEmpty("trips.list(filter)", bTrips.list(f).isEmpty() && bTrips.count(f) == 0);

        // ConversationRepository as B.
        ConversationRepository bConv(*db, b.id);
        expectEmpty("conversations.findForTrip", !bConv.findForTrip(aTrip.id).has_value());
        expectNotFound("conversations.ensureForTrip", [&] { bConv.ensureForTrip(aTrip.id); });
        expectEmpty("conversations.messages", bConv.messages(conv.id).isEmpty());
        expectEmpty("conversations.messages(limit)", bConv.messages(conv.id, 10).isEmpty());
        expectEmpty("conversations.messageCount", bConv.messageCount(conv.id) == 0);
        expectEmpty("conversations.state", !bConv.state(conv.id).has_value());
        expectEmpty("conversations.recommendationHistory", bConv.recommendationHistory(conv.id).isEmpty());
        expectNotFound("conversations.addMessage", [&] { bConv.addMessage(conv.id, true, u"injected"_s); });
        expectNotFound("conversations.addRecommendations",
                       [&] { bConv.addRecommendations(conv.id, QJsonArray{u"injected"_s}); });
        ConversationState hijacked = *aConv.state(conv.id);
        hijacked.userInfo = u"bob was here"_s;
        hijacked.currentStage = u"commitment_detected"_s;
        expectNotFound("conversations.saveState", [&] { bConv.saveState(hijacked); });

        // PlanningRepository as B.
        PlanningRepository bPlanning(*db, b.id);
        expectEmpty("planning.active", !bPlanning.active(aTrip.id).has_value());
        expectEmpty("planning.history", bPlanning.history(aTrip.id).isEmpty());
        expectNotFound("planning.start", [&] { bPlanning.start(aTrip.id); });
        expectNotFound("planning.advance", [&] { bPlanning.advance(session.id); });
        expectNotFound("planning.back", [&] { bPlanning.back(session.id); });
        expectNotFound("planning.markStageCompleted",
                       [&] { bPlanning.markStageCompleted(session.id, PlanningStage::Flights); });
        expectNotFound("planning.setSessionData", [&] {
            bPlanning.setSessionData(session.id, QJsonObject{{u"bob"_s, true}});
        });

        // PreferencesRepository as B: B's own row, never A's.
        PreferencesRepository bPrefs(*db, b.id);
        UserPreferences bp = bPrefs.get();
        expectEmpty("preferences.get", bp.userId == b.id && bp.preferencesText.isEmpty() && !bp.budgetMax);
        bp.id = prefs.id; // an id of A's row must not redirect the write
        bp.userId = a.id;
        bp.preferencesText = u"bob overwrote this"_s;
        bPrefs.save(bp);
        expectEmpty("preferences.save", bPrefs.get().preferencesText == u"bob overwrote this"_s);

        // A user id that does not exist sees nothing either.
        TripRepository ghost(*db, 987654);
        expectEmpty("ghost trips.list", ghost.list().isEmpty());
        expectNotFound("ghost trips.get", [&] { ghost.get(aTrip.id); });
        expectNotFound("ghost preferences.get", [&] { PreferencesRepository(*db, 987654).get(); });

        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(u'\n')));
        // Everything of A's is exactly as it was.
        QCOMPARE(dumpAsOwner(*db, a.id, aTrip.id, conv.id), before);
        QCOMPARE(aTrips.count(), 1);
        QCOMPARE(aConv.messageCount(conv.id), 1);
    }
};

QTEST_GUILESS_MAIN(TestIsolation)
#include "tst_isolation.moc"
