// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestBackends.h"
#include "db/Migrator.h"
#include "repo/TripRepository.h"
#include "repo/UserRepository.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace tp;

class TestSmoke : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data() { test::addBackendRows(); }
    void roundTrip() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        auto db = tmp.connectMigrated();
        const User u = UserRepository(*db).create(u"alice"_s);
        TripRepository trips(*db, u.id);
        Trip t;
        t.title = u"Lisbon"_s;
        t.budget = Decimal::parse(u"1234.50", 10, 2);
        t.startDate = QDate(2027, 5, 1);
        t.endDate = QDate(2027, 5, 7);
        const Trip saved = trips.create(t);
        QCOMPARE(saved.title, u"Lisbon"_s);
        QCOMPARE(saved.budget->toString(), u"1234.50"_s);
        QCOMPARE(saved.durationDays(), 7);
        QVERIFY(saved.createdAt.isValid());
        QCOMPARE(saved.createdAt.timeSpec(), Qt::UTC);
        QVERIFY(qAbs(saved.createdAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);
    }
};

QTEST_GUILESS_MAIN(TestSmoke)
#include "tst_smoke.moc"
