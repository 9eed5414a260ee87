// SPDX-License-Identifier: GPL-3.0-or-later
// How many statements a conversation turn sends (issue 14): an answer turn,
// a recommendations turn and a commitment turn, counted on the engine's own
// connection and split into the read before the model call and the write.
// The bounds at the end are the engine's budget; a change that adds a statement
// to a turn fails here and has to say why (docs/benchmarks.md keeps the figures,
// before and after issue 14: 16, 22 and 35 statements on SQLite).
#include "TestBackends.h"
#include "conversation/ConversationEngine.h"
#include "conversation/OfflinePlanner.h"
#include "repo/PreferencesRepository.h"
#include "repo/TripRepository.h"
#include "repo/UserRepository.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace tp;
using namespace tp::conversation;

namespace {

// The offline planner, noting the connection's statement count when a turn
// first calls it: what the turn sent before the model call.
class CountingPlanner : public Planner {
public:
    explicit CountingPlanner(Database& db)
        : m_db(db) {}
    std::optional<quint64> atCall;

    QStringList clarifyingQuestions(const PlannerContext& ctx) override {
        note();
        return m_inner.clarifyingQuestions(ctx);
    }
    DestinationSet destinations(const PlannerContext& ctx) override {
        note();
        return m_inner.destinations(ctx);
    }
    FollowUp followUp(const PlannerContext& ctx, const QString& text) override {
        note();
        return m_inner.followUp(ctx, text);
    }

private:
    void note() {
        if (!atCall)
            atCall = m_db.statementCount();
    }
    Database& m_db;
    OfflinePlanner m_inner;
};

// One turn's statements: before the model call (none for a turn without one) and in the write.
struct Count {
    quint64 beforeCall = 0;
    quint64 write = 0;
    quint64 total() const { return beforeCall + write; }
};

template <class Turn> Count count(Database& db, CountingPlanner& planner, Turn&& turn) {
    planner.atCall.reset();
    const quint64 start = db.statementCount();
    turn();
    const quint64 end = db.statementCount();
    // A turn without a model call (a card chosen) is all "write" here.
    const quint64 call = planner.atCall.value_or(start);
    return {call - start, end - call};
}

QString answerFor(const QString& question) {
    if (question.contains(u"budget"_s))
        return u"Budget is $3000"_s;
    if (question.contains(u"month"_s))
        return u"July"_s;
    if (question.contains(u"days"_s))
        return u"7 days"_s;
    if (question.contains(u"travelling"_s))
        return u"Just the two of us"_s;
    if (question.contains(u"enjoy"_s))
        return u"Beaches and good food"_s;
    return u"Nothing special"_s;
}

// `before`: what the turn cost before issue 14's change, on the same backend, for the log.
void report(const char* turn, const Count& c, quint64 before) {
    qInfo(
        "%s %s turn: %llu statements (%llu before the model call, %llu in the write); before issue 14: %llu",
        qPrintable(test::backendRow()), turn, c.total(), c.beforeCall, c.write, before);
}

} // namespace

class TestTurnStatementCount : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void turns_data() { test::addBackendRows(); }
    void turns() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        auto db = tmp.connectMigrated();
        const User user = UserRepository(*db).create(u"counter"_s);
        Trip draft;
        draft.title = u"Counted"_s;
        const Id tripId = TripRepository(*db, user.id).create(draft).id;
        PreferencesRepository(*db, user.id).get(); // the row a signed-in user has

        CountingPlanner planner(*db);
        ConversationEngine engine(*db, user.id, planner);
        TurnResult r = engine.submit(tripId, u"I want a beach vacation"_s);
        QCOMPARE(r.state.currentStage, u"asking_clarifications"_s);

        // The clarifying answers; the last one makes the recommendations.
        Count recommendations;
        while (r.state.currentStage == u"asking_clarifications"_s) {
            const QString question = r.state.questionQueue.first().toString();
            recommendations = count(*db, planner, [&] { r = engine.submit(tripId, answerFor(question)); });
        }
        QCOMPARE(r.state.currentStage, u"destinations_complete"_s);
        QVERIFY(r.recommendations);
        QVERIFY(recommendations.beforeCall > 0);
        const QString learned = PreferencesRepository(*db, user.id).get().preferencesText;
        QVERIFY2(learned.contains(u"Interests: beach"_s), qPrintable(learned));

        // An answer turn: a question about the recommendations, answered by the model.
        const Count answer =
            count(*db, planner, [&] { r = engine.submit(tripId, u"What about the weather?"_s); });
        QCOMPARE(r.state.currentStage, u"destinations_complete"_s);
        QVERIFY(!r.recommendations);
        QCOMPARE(r.messages.size(), 2);
        QVERIFY(answer.beforeCall > 0);

        // A commitment: a card chosen (no model call).
        const Count commitment = count(*db, planner, [&] { r = engine.choose(tripId, 1); });
        QCOMPARE(r.state.currentStage, u"commitment_detected"_s);
        QVERIFY(r.destination);
        QVERIFY(r.planningSession);
        QCOMPARE(r.trip.destinationId, r.destination->id);
        QCOMPARE(TripRepository(*db, user.id).get(tripId).updatedAt, r.trip.updatedAt);

        // PostgreSQL's BEGIN carries the transaction's time limits: one statement more.
        const quint64 pg = backend == u"sqlite"_s ? 0 : 1;
        report("answer", answer, 16 + pg);
        report("recommendations", recommendations, 22 + pg);
        report("commitment", commitment, 35 + pg);

        // The budget. Before the model call: the trip with its conversation,
        // state and preferences, the last messages, the recommendation sets
        // (one pipelined exchange on PostgreSQL). The write: BEGIN (with its
        // time limits on PostgreSQL: one statement more, the same round trip),
        // the guarded state UPDATE, one INSERT of both messages, COMMIT; a
        // recommendations turn adds the set and the learned preferences; a
        // commitment adds the catalogue's row and its coordinates' source, the
        // trip's guarded UPDATE and the planning session. Nothing is read again.
        const quint64 begin = backend == u"sqlite"_s ? 1 : 2;
        QVERIFY2(answer.beforeCall <= 3, "an answer turn reads more than once before the model call");
        QVERIFY2(answer.write <= begin + 3, "an answer turn's write grew");
        QVERIFY2(recommendations.beforeCall <= 3, "a recommendations turn reads more before the model call");
        QVERIFY2(recommendations.write <= begin + 5, "a recommendations turn's write grew");
        QVERIFY2(commitment.total() <= 3 + begin + 13, "a commitment turn grew");
    }
};

QTEST_GUILESS_MAIN(TestTurnStatementCount)
#include "tst_turn_statement_count.moc"
