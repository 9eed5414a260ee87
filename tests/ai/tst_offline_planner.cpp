// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversation/Catalogue.h"
#include "conversation/OfflinePlanner.h"
#include "conversation/TravelProfile.h"

#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tp;
using namespace tp::conversation;

class TestOfflinePlanner : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void catalogueIsBundledAndSane() {
        const Catalogue& c = Catalogue::builtin();
        QVERIFY2(c.entries().size() >= 200, qPrintable(QString::number(c.entries().size())));
        QSet<QString> keys;
        const QSet<QString> knownTags = {u"beach"_s, u"mountains"_s, u"city"_s,   u"culture"_s, u"nature"_s,
                                         u"food"_s,  u"nightlife"_s, u"budget"_s, u"luxury"_s};
        for (const CatalogueEntry& e : c.entries()) {
            QVERIFY(!e.name.isEmpty() && !e.country.isEmpty());
            QVERIFY2(!keys.contains(e.name + u'|' + e.country), qPrintable(e.name));
            keys.insert(e.name + u'|' + e.country);
            QVERIFY(e.latitude >= -90 && e.latitude <= 90 && e.longitude >= -180 && e.longitude <= 180);
            QVERIFY(e.dailyCostUsd > 0);
            QVERIFY2(!e.bestMonths().isEmpty(), qPrintable(e.name + u": "_s + e.bestTimeToVisit));
            QVERIFY(!e.tags.isEmpty());
            for (const QString& t : e.tags)
                QVERIFY2(knownTags.contains(t), qPrintable(e.name + u": "_s + t));
        }
        QCOMPARE(c.find(u"maldives"_s)->country, u"Maldives"_s);
        QCOMPARE(c.find(u"Granada"_s, u"Nicaragua"_s)->country, u"Nicaragua"_s);
        QVERIFY(!c.find(u"Atlantis"_s));
    }
    void bestMonths() {
        CatalogueEntry e;
        e.bestTimeToVisit = u"November to February"_s;
        QCOMPARE(e.bestMonths(), (QList<int>{11, 12, 1, 2}));
        e.bestTimeToVisit = u"April to May and September"_s;
        QCOMPARE(e.bestMonths(), (QList<int>{4, 5, 9}));
        e.bestTimeToVisit = u"all year"_s;
        QCOMPARE(e.bestMonths().size(), 12);
    }
    void profile() {
        const TravelProfile p = TravelProfile::fromText(
            u"I want a beach vacation with my wife. Budget is $3,000. July. 10 days. We love food, not seasons."_s);
        QCOMPARE(*p.budgetTotalUsd, 3000.0);
        QCOMPARE(*p.days, 10);
        QCOMPARE(*p.travellers, 2);
        QVERIFY(p.months.contains(7));
        QVERIFY(p.tags.contains(u"beach"_s));
        QVERIFY(p.tags.contains(u"food"_s));
        QCOMPARE(*p.perPersonPerDay(), 150.0);
        const TravelProfile q =
            TravelProfile::fromText(u"2 weeks hiking in the mountains, €80 per day, solo"_s);
        QCOMPARE(*q.days, 14);
        QCOMPARE(*q.travellers, 1);
        QVERIFY(q.tags.contains(u"mountains"_s));
        QVERIFY(!q.tags.contains(u"beach"_s));
        QCOMPARE(qRound(*q.budgetPerDayUsd), 86);
        QVERIFY(TravelProfile::fromText(u"I may go in the season"_s).months.isEmpty());
    }
    void questionsSkipWhatIsKnown() {
        OfflinePlanner planner;
        PlannerContext ctx;
        ctx.userInfo = u"Something nice"_s;
        QCOMPARE(planner.clarifyingQuestions(ctx).size(), 5);
        ctx.userInfo = u"Beach holiday in July for 2 people, 10 days"_s;
        const QStringList qs = planner.clarifyingQuestions(ctx);
        QVERIFY(qs.size() >= 3 && qs.size() <= 5);
        QVERIFY(qs.first().contains(u"budget"_s));
        for (const QString& q : qs)
            QVERIFY2(!q.contains(u"How many days"_s) && !q.contains(u"month"_s), qPrintable(q));
        // Saved preferences inform the questions.
        ctx.preferencesText = u"Budget around $200 per day."_s;
        for (const QString& q : planner.clarifyingQuestions(ctx))
            QVERIFY(!q.contains(u"budget"_s));
    }
    void destinationsMatchAnswers() {
        OfflinePlanner planner;
        PlannerContext ctx;
        ctx.userInfo =
            u"A beach holiday. Budget is $3000. July. 7 days. Just the two of us, we like luxury."_s;
        const DestinationSet s = planner.destinations(ctx);
        QCOMPARE(s.places.size(), 3);
        QSet<QString> countries;
        for (const Recommendation& r : s.places) {
            auto e = Catalogue::builtin().find(r.name, r.country);
            QVERIFY(e);
            QVERIFY2(e->tags.contains(u"beach"_s), qPrintable(r.name));
            QVERIFY2(e->bestMonths().contains(7), qPrintable(r.name));
            QVERIFY(r.latitude && r.longitude && r.dailyCostUsd);
            QVERIFY(!r.description.isEmpty());
            countries.insert(r.country);
        }
        QCOMPARE(countries.size(), 3);
        // Different options exclude what was shown.
        ctx.current = s.places;
        const DestinationSet other = planner.destinations(ctx);
        for (const Recommendation& r : other.places)
            for (const Recommendation& old : s.places)
                QVERIFY(r.name != old.name);
        // Deterministic.
        ctx.current.clear();
        QCOMPARE(planner.destinations(ctx).places[0].name, s.places[0].name);
    }
    void mountainsOnABudget() {
        OfflinePlanner planner;
        PlannerContext ctx;
        ctx.userInfo = u"Hiking in the mountains, cheap, $50 a day, October"_s;
        for (const Recommendation& r : planner.destinations(ctx).places) {
            QVERIFY2(*r.dailyCostUsd <= 62, qPrintable(r.name));
            QVERIFY2(Catalogue::builtin().find(r.name, r.country)->tags.contains(u"mountains"_s),
                     qPrintable(r.name));
        }
    }
    void followUps() {
        OfflinePlanner planner;
        PlannerContext ctx;
        ctx.userInfo = u"beach"_s;
        ctx.current = planner.destinations(ctx).places;
        const QString second = ctx.current[1].name;
        FollowUp f = planner.followUp(ctx, u"Let's go with "_s + second);
        QCOMPARE(f.kind, FollowUp::Kind::Commit);
        QCOMPARE(f.choice, 1);
        QCOMPARE(planner.followUp(ctx, u"I'll take the third one"_s).choice, 2);
        QCOMPARE(planner.followUp(ctx, u"Show me different options please"_s).kind,
                 FollowUp::Kind::MoreOptions);
        f = planner.followUp(ctx, u"Tell me more about "_s + second);
        QCOMPARE(f.kind, FollowUp::Kind::Answer);
        QVERIFY(f.reply.contains(second));
        QCOMPARE(planner.followUp(ctx, u"hmm"_s).kind, FollowUp::Kind::Answer);
    }
};

QTEST_GUILESS_MAIN(TestOfflinePlanner)
#include "tst_offline_planner.moc"
