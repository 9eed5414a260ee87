// SPDX-License-Identifier: GPL-3.0-or-later
// Optimistic concurrency on trips: updated_at is the row's version. An update
// or an undo written over a version someone else has replaced is a Conflict,
// and the other change is kept. On every backend.
#include "TestBackends.h"
#include "repo/TripRepository.h"
#include "repo/UserRepository.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace tp;

class TestTripVersions : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void staleUpdateIsAConflict_data() { test::addBackendRows(); }
    void staleUpdateIsAConflict() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        auto window = tmp.connectMigrated();
        auto planner = tmp.connect();
        const User u = UserRepository(*window).create(u"alice"_s);
        TripRepository mine(*window, u.id);
        TripRepository theirs(*planner, u.id);
        Trip t;
        t.title = u"Lisbon"_s;
        const Trip opened = mine.create(t);

        // Someone else changes the status after the window read the trip.
        Trip other = theirs.get(opened.id);
        other.status = u"ai_chat_active"_s;
        theirs.update(other);

        Trip edit = opened;
        edit.title = u"Lisbon in spring"_s;
        try {
            mine.update(edit);
            QFAIL("a stale update overwrote another change");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::Conflict);
            QVERIFY2(e.message().contains(u"changed elsewhere"_s), qPrintable(e.message()));
        }
        const Trip now = mine.get(opened.id);
        QCOMPARE(now.status, u"ai_chat_active"_s);
        QCOMPARE(now.title, u"Lisbon"_s);

        // With the current version the edit goes through, and gets a new version.
        edit = now;
        edit.title = u"Lisbon in spring"_s;
        const Trip saved = mine.update(edit);
        QCOMPARE(saved.title, u"Lisbon in spring"_s);
        QCOMPARE(saved.status, u"ai_chat_active"_s);
        QVERIFY(saved.updatedAt > now.updatedAt);
        // Two quick updates in the same millisecond still get different versions.
        Trip again = saved;
        again.travelersCount = 3;
        const Trip saved2 = mine.update(again);
        QVERIFY(saved2.updatedAt > saved.updatedAt);
        // A missing trip is still NotFound.
        Trip missing = saved2;
        missing.id = 999999;
        try {
            mine.update(missing);
            QFAIL("no error for a missing trip");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::NotFound);
        }
    }

    // The undo of a title edit must not revert the destination and status
    // the planner committed in between.
    void undoOverAnotherChangeIsAConflict_data() { test::addBackendRows(); }
    void undoOverAnotherChangeIsAConflict() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        auto window = tmp.connectMigrated();
        auto planner = tmp.connect();
        const User u = UserRepository(*window).create(u"alice"_s);
        TripRepository mine(*window, u.id);
        TripRepository theirs(*planner, u.id);
        Trip t;
        t.title = u"Before"_s;
        const Trip before = mine.create(t);
        Trip edited = before;
        edited.title = u"After"_s;
        const Trip after = mine.update(edited);

        Trip other = theirs.get(before.id);
        other.status = u"destinations_selected"_s;
        theirs.update(other);

        Trip undo = before;
        undo.updatedAt = after.updatedAt; // the version the edit left
        try {
            mine.update(undo);
            QFAIL("the undo overwrote the planner's change");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::Conflict);
        }
        const Trip now = mine.get(before.id);
        QCOMPARE(now.status, u"destinations_selected"_s);
        QCOMPARE(now.title, u"After"_s);

        // Without anyone in between, the undo goes through.
        Trip undo2 = before;
        undo2.updatedAt = now.updatedAt;
        QCOMPARE(mine.update(undo2).title, u"Before"_s);
    }

    // A row the web app wrote keeps microseconds; its version still matches.
    void webAppTimestampsMatch() {
        test::TempDatabase tmp(u"postgres"_s);
        auto db = tmp.connectMigrated();
        const User u = UserRepository(*db).create(u"alice"_s);
        TripRepository trips(*db, u.id);
        Trip t;
        t.title = u"Django"_s;
        const Trip created = trips.create(t);
        db->execute(u"UPDATE api_trip SET updated_at = '2026-05-01 10:00:00.123456+00' WHERE id = :id"_s,
                    {{u"id"_s, created.id}});
        Trip read = trips.get(created.id);
        read.title = u"Edited"_s;
        QCOMPARE(trips.update(read).title, u"Edited"_s);
    }
};

QTEST_GUILESS_MAIN(TestTripVersions)
#include "tst_trip_versions.moc"
