// SPDX-License-Identifier: GPL-3.0-or-later
// A database holding a plan is still one the seed's Django app reads: its own
// check (tests/django_seed/check_db_usable.py: migrations, schema, every row
// through the ORM with full_clean, a round trip) passes, and the ORM reads the
// plan in session_data as this app wrote it. PostgreSQL, as the web app runs.
#include "PlanFixtures.h"
#include "TestBackends.h"
#include "repo/PlanRepository.h"
#include "repo/PlanningRepository.h"
#include "repo/TripRepository.h"
#include "repo/UserRepository.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace tp;
using namespace tp::test;

class TestPlanDjango : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void djangoReadsADatabaseWithAPlan() {
        TempDatabase tmp(u"postgres"_s);
        auto db = tmp.connectMigrated();
        const User u = UserRepository(*db).create(u"planner"_s);
        Trip t;
        t.title = u"Sicily"_s;
        const Trip trip = TripRepository(*db, u.id).create(t);
        PlanRepository repo(*db, u.id);
        plan::Plan p;
        p.budget.homeCurrency = u"EUR"_s;
        plan::Stay s = stay(u"stay-1"_s, "2026-06-01", "2026-06-04");
        s.name = u"Hotel “Centrale”"_s;
        s.price = plan::Money{dec("120.00"), u"EUR"_s};
        p.stays << s;
        p.legs << leg(u"leg-1"_s, u"Europe/London"_s, "2026-06-01T07:05", u"Europe/Rome"_s,
                      "2026-06-01T11:10");
        repo.save(repo.load(trip.id), p);
        // A completed session with the plan, and an active one started from it.
        PlanningRepository planning(*db, u.id);
        PlanningSession session = *planning.active(trip.id);
        while (session.currentStage != u"completed")
            session = planning.advance(session.id);
        planning.start(trip.id);

        const QStringList env{u"DATABASE_URL="_s + tmp.url().toString()};
        const QString seed = QStringLiteral(TP_DJANGO_SEED_DIR);
        const ProcessResult check =
            run(u"/usr/bin/python3"_s, {seed + u"/check_db_usable.py"_s}, {}, env, 240000);
        QVERIFY2(check.exitCode == 0, qPrintable(check.out + check.err));

        const QString script =
            u"from api.models import PlanningSession\n"
            u"for s in PlanningSession.objects.filter(trip__title='Sicily').order_by('id'):\n"
            u"    p = s.session_data['plan']\n"
            u"    print(s.current_stage, p['version'], p['stays'][0]['name'], "
            u"p['stays'][0]['price']['amount'],\n"
            u"          p['legs'][0]['from']['zone'], p['legs'][0]['to']['time'])\n"_s;
        const ProcessResult read = run(
            u"/usr/bin/python3"_s, {seed + u"/manage.py"_s, u"shell"_s, u"-c"_s, script}, {}, env, 240000);
        QVERIFY2(read.exitCode == 0, qPrintable(read.err));
        QCOMPARE(read.out.trimmed().split(u'\n'),
                 (QStringList{u"completed 1 Hotel “Centrale” 120.00 Europe/London 11:10"_s,
                              u"destination 1 Hotel “Centrale” 120.00 Europe/London 11:10"_s}));
    }
};

QTEST_GUILESS_MAIN(TestPlanDjango)
#include "tst_plan_django.moc"
