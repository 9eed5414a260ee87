// SPDX-License-Identifier: GPL-3.0-or-later
// A database the seed's Django app created (tests/django_seed/make_seed_db.py,
// Django itself, with data) is adopted in place by our migrator, and then the
// seed's rules hold at the database level on it. And the other way round: a
// database our migrator created passes Django's own check (check_db_usable.py).
#include "TestBackends.h"
#include "db/Migrator.h"
#include "db/SchemaCatalog.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tp;

namespace {

const QString Bookkeeping = QString::fromLatin1(Migrator::BookkeepingTable);

QString seedScript(const char* name) {
    return QStringLiteral(TP_DJANGO_SEED_DIR) + u'/' + QString::fromLatin1(name);
}

test::ProcessResult runDjango(const char* script, const DatabaseUrl& url) {
    return test::run(u"/usr/bin/python3"_s, {seedScript(script)}, {}, {u"DATABASE_URL="_s + url.toString()},
                     240000);
}

int countRows(Database& db, const QString& table, const QString& where = {}, const SqlParams& params = {}) {
    return col::integer(db.query(u"SELECT count(*) AS n FROM "_s + table +
                                     (where.isEmpty() ? QString() : u" WHERE "_s + where),
                                 params)
                            .first(),
                        "n");
}

QMap<QString, int> allRowCounts(Database& db) {
    QMap<QString, int> out;
    for (const SqlRow& r :
         db.query(u"SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                  u"AND table_type = 'BASE TABLE'"_s)) {
        // The seed's tables; the app's own (tripplanner_*) are counted apart.
        const QString t = col::text(r, "table_name");
        if (!t.startsWith(u"tripplanner_"_s))
            out.insert(t, countRows(db, u'"' + t + u'"'));
    }
    return out;
}

qint64 idOf(Database& db, const QString& sql, const SqlParams& params = {}) {
    const SqlRows r = db.query(sql, params);
    if (r.isEmpty())
        return -1;
    return col::id(r.first(), "id");
}

void expectConflict(Database& db, const QString& sql, const SqlParams& params, const char* what) {
    try {
        db.execute(sql, params);
    } catch (const Error& e) {
        QVERIFY2(e.kind() == Error::Kind::Conflict,
                 qPrintable(u"%1: %2"_s.arg(QString::fromLatin1(what), e.message())));
        return;
    }
    QFAIL(what);
}

} // namespace

class TestDjangoAdoption : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void adoptDjangoDatabase_data() {
        QTest::addColumn<QString>("backend");
        QTest::newRow("postgres") << u"postgres"_s;
        QTest::newRow("pgbouncer") << u"pgbouncer"_s;
    }
    void adoptDjangoDatabase() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        const test::ProcessResult seeded = runDjango("make_seed_db.py", tmp.url());
        QVERIFY2(seeded.exitCode == 0, qPrintable(seeded.err));
        const QJsonObject djangoCounts = QJsonDocument::fromJson(seeded.out.toUtf8()).object();
        QVERIFY2(!djangoCounts.isEmpty(), qPrintable(seeded.out));
        QCOMPARE(djangoCounts.value(u"api_trip"_s).toInt(), 3);

        auto db = tmp.connect();
        const QMap<QString, int> before = allRowCounts(*db);
        for (auto it = djangoCounts.begin(); it != djangoCounts.end(); ++it)
            QCOMPARE(before.value(it.key(), -1), it.value().toInt());

        Migrator migrator(*db);
        const SchemaStatus status = migrator.status();
        QVERIFY(status.djangoSchema);
        QCOMPARE(status.currentVersion, 0);
        QVERIFY(!status.empty);
        const QList<Migration> applied = migrator.migrate();
        QCOMPARE(applied.size(), Migrator::available(Dialect::Postgres).size());

        // Not a row lost or added, in any table; the app's own tables are new and empty.
        QCOMPARE(allRowCounts(*db), before);
        for (const char* own : {"tripplanner_coordinate_source", "tripplanner_geocode_cache"})
            QCOMPARE(countRows(*db, QString::fromLatin1(own)), 0);
        const SqlRows book =
            db->query(u"SELECT version, adopted FROM "_s + Bookkeeping + u" ORDER BY version"_s);
        QCOMPARE(book.size(), applied.size());
        QCOMPARE(col::integer(book[0], "version"), 1);
        QVERIFY2(col::boolean(book[0], "adopted"), "version 1 not recorded as adopted");
        for (int i = 1; i < book.size(); ++i)
            QVERIFY(!col::boolean(book[i], "adopted"));
        QVERIFY(Migrator(*db).status().pending.isEmpty());
        QVERIFY(Migrator(*db).migrate().isEmpty());

        // --- The seed's rules at the database level, with plain SQL. ---
        const qint64 alice = idOf(*db, u"SELECT id FROM auth_user WHERE username = 'alice'"_s);
        const qint64 bob = idOf(*db, u"SELECT id FROM auth_user WHERE username = 'bob'"_s);
        const qint64 beach = idOf(*db, u"SELECT id FROM api_trip WHERE title = 'Summer beach getaway'"_s);
        const qint64 bobTrip = idOf(*db, u"SELECT id FROM api_trip WHERE user_id = :u"_s, {{u"u"_s, bob}});
        const qint64 bali = idOf(*db, u"SELECT id FROM api_destination WHERE name = 'Bali'"_s);
        QVERIFY(alice > 0 && bob > 0 && beach > 0 && bobTrip > 0 && bali > 0);
        const QDateTime now = QDateTime::currentDateTimeUtc();

        // A second active planning session for the beach trip (it has one at "accommodation").
        expectConflict(
            *db,
            u"INSERT INTO api_planningsession (current_stage, is_active, session_data, stages_completed, "
            u"started_at, last_interaction_at, trip_id) VALUES ('destination', true, '{}', '[]', :n, :n, "
            u":t)"_s,
            {{u"n"_s, now}, {u"t"_s, beach}}, "second active planning session accepted");
        // A completed one is fine.
        db->execute(
            u"INSERT INTO api_planningsession (current_stage, is_active, session_data, stages_completed, "
            u"started_at, last_interaction_at, completed_at, trip_id) VALUES ('completed', false, '{}', "
            u"'[]', :n, :n, :n, :t)"_s,
            {{u"n"_s, now}, {u"t"_s, beach}});
        // A second conversation for a trip.
        expectConflict(
            *db, u"INSERT INTO destination_search_tripconversation (created_at, trip_id) VALUES (:n, :t)"_s,
            {{u"n"_s, now}, {u"t"_s, beach}}, "second conversation for a trip accepted");
        // A second state for a conversation.
        const qint64 conv =
            idOf(*db, u"SELECT id FROM destination_search_tripconversation WHERE trip_id = :t"_s,
                 {{u"t"_s, beach}});
        expectConflict(
            *db,
            u"INSERT INTO destination_search_conversationstate (current_stage, user_info, question_queue, "
            u"current_question_index, destinations_text, questions_asked, total_questions, created_at, "
            u"updated_at, conversation_id) VALUES ('initial', '', '[]', 0, '', 0, 0, :n, :n, :c)"_s,
            {{u"n"_s, now}, {u"c"_s, conv}}, "second state for a conversation accepted");
        // A duplicate (name, country) destination.
        expectConflict(*db,
                       u"INSERT INTO api_destination (name, country, created_at, updated_at) "
                       u"VALUES ('Bali', 'Indonesia', :n, :n)"_s,
                       {{u"n"_s, now}}, "duplicate destination accepted");

        // Deleting a destination keeps its trips, with the destination cleared.
        QCOMPARE(db->execute(u"DELETE FROM api_destination WHERE id = :d"_s, {{u"d"_s, bali}}), 1);
        const SqlRows trip =
            db->query(u"SELECT destination_id FROM api_trip WHERE id = :t"_s, {{u"t"_s, beach}});
        QCOMPARE(trip.size(), 1);
        QVERIFY(trip.first().value(u"destination_id"_s).isNull());

        // Deleting a user with plain SQL removes everything of theirs and nothing of bob's.
        const QMap<QString, int> beforeDelete = allRowCounts(*db);
        const int bobRows = countRows(*db, u"api_trip"_s, u"user_id = :u"_s, {{u"u"_s, bob}});
        QCOMPARE(db->execute(u"DELETE FROM auth_user WHERE id = :u"_s, {{u"u"_s, alice}}), 1);
        QCOMPARE(countRows(*db, u"api_trip"_s, u"user_id = :u"_s, {{u"u"_s, alice}}), 0);
        QCOMPARE(countRows(*db, u"api_userpreferences"_s, u"user_id = :u"_s, {{u"u"_s, alice}}), 0);
        QCOMPARE(countRows(*db, u"api_planningsession"_s, u"trip_id = :t"_s, {{u"t"_s, beach}}), 0);
        QCOMPARE(countRows(*db, u"destination_search_tripconversation"_s, u"id = :c"_s, {{u"c"_s, conv}}), 0);
        QCOMPARE(countRows(*db, u"destination_search_message"_s, u"conversation_id = :c"_s, {{u"c"_s, conv}}),
                 0);
        QCOMPARE(countRows(*db, u"destination_search_recommendations"_s, u"conversation_id = :c"_s,
                           {{u"c"_s, conv}}),
                 0);
        QCOMPARE(countRows(*db, u"destination_search_conversationstate"_s, u"conversation_id = :c"_s,
                           {{u"c"_s, conv}}),
                 0);
        // Bob's things are all there.
        QCOMPARE(countRows(*db, u"auth_user"_s), beforeDelete.value(u"auth_user"_s) - 1);
        QCOMPARE(countRows(*db, u"api_trip"_s, u"user_id = :u"_s, {{u"u"_s, bob}}), bobRows);
        QCOMPARE(countRows(*db, u"api_userpreferences"_s, u"user_id = :u"_s, {{u"u"_s, bob}}), 1);
        QCOMPARE(
            countRows(*db, u"destination_search_tripconversation"_s, u"trip_id = :t"_s, {{u"t"_s, bobTrip}}),
            1);
        QCOMPARE(countRows(*db, u"api_destination"_s), beforeDelete.value(u"api_destination"_s));

        // Deleting a trip removes its conversation and everything under it (bob's).
        QCOMPARE(db->execute(u"DELETE FROM api_trip WHERE id = :t"_s, {{u"t"_s, bobTrip}}), 1);
        QCOMPARE(
            countRows(*db, u"destination_search_tripconversation"_s, u"trip_id = :t"_s, {{u"t"_s, bobTrip}}),
            0);
        QCOMPARE(countRows(*db, u"auth_user"_s, u"id = :u"_s, {{u"u"_s, bob}}), 1);

        // And Django can still use the adopted database.
        const test::ProcessResult check = runDjango("check_db_usable.py", tmp.url());
        QVERIFY2(check.exitCode == 0, qPrintable(check.out + check.err));
    }

    // A database created by our migrator is one the Django app can use.
    void djangoCanUseOurDatabase_data() {
        QTest::addColumn<QString>("backend");
        QTest::newRow("postgres") << u"postgres"_s;
        QTest::newRow("pgbouncer") << u"pgbouncer"_s;
    }
    void djangoCanUseOurDatabase() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        {
            auto db = tmp.connectMigrated();
            QVERIFY(Migrator(*db).status().pending.isEmpty());
        }
        const test::ProcessResult check = runDjango("check_db_usable.py", tmp.url());
        QVERIFY2(check.exitCode == 0, qPrintable(check.out + check.err));
        QVERIFY2(check.out.contains(u"PASS"_s), qPrintable(check.out));
        // Django's own migrate has nothing to do on it either.
        auto db = tmp.connect();
        QVERIFY(countRows(*db, u"django_migrations"_s) >= 20);
    }

    // A Django database that lacks a seed table is not adopted: kind Schema, untouched.
    void mismatchedDjangoSchemaRefused() {
        test::TempDatabase tmp(u"postgres"_s);
        const test::ProcessResult seeded = runDjango("make_seed_db.py", tmp.url());
        QVERIFY2(seeded.exitCode == 0, qPrintable(seeded.err));
        auto db = tmp.connect();
        db->execute(u"ALTER TABLE api_trip DROP COLUMN travelers_count"_s);
        const QMap<QString, int> before = allRowCounts(*db);
        try {
            Migrator(*db).migrate();
            QFAIL("a Django schema missing a column was adopted");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), Error::Kind::Schema);
            QVERIFY2(e.message().contains(u"travelers_count"_s), qPrintable(e.message()));
        }
        QCOMPARE(allRowCounts(*db), before);
        QCOMPARE(Migrator(*db).status().currentVersion, 0);
    }
};

QTEST_GUILESS_MAIN(TestDjangoAdoption)
#include "tst_django_adoption.moc"
