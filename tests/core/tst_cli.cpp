// SPDX-License-Identifier: GPL-3.0-or-later
// tripplanner-cli as a user runs it: real processes against every backend.
#include "TestBackends.h"
#include "db/Migrator.h"
#include "repo/CoordinateSourceRepository.h"
#include "repo/DestinationRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tp;
using test::runCli;

class TestCli : public QObject {
    Q_OBJECT

    QTemporaryDir m_home; // settings and the embedded default live here, never in the real home

    QStringList env(const test::TempDatabase& db) const {
        return {u"DATABASE_URL="_s + db.url().toString(), u"XDG_DATA_HOME="_s + m_home.path() + u"/data"_s,
                u"XDG_CONFIG_HOME="_s + m_home.path() + u"/config"_s};
    }
    QStringList homeOnly() const {
        return {u"DATABASE_URL="_s, u"XDG_DATA_HOME="_s + m_home.path() + u"/data"_s,
                u"XDG_CONFIG_HOME="_s + m_home.path() + u"/config"_s};
    }
    static void expectOneLineError(const test::ProcessResult& r, const QString& needle) {
        QCOMPARE_NE(r.exitCode, 0);
        QVERIFY2(r.err.contains(needle), qPrintable(r.err));
        QCOMPARE(r.err.trimmed().count(u'\n'), 0);
        QVERIFY2(!r.err.contains(u"tp_admin_pw"_s), "a password leaked into an error message");
    }
    static int tripCount(const QStringList& environment, const QString& user) {
        const auto r = runCli({u"trips"_s, u"list"_s, u"--user"_s, user, u"--json"_s}, {}, environment);
        return int(QJsonDocument::fromJson(r.out.toUtf8()).array().size());
    }

private Q_SLOTS:
    void help() {
        const auto r = runCli({u"--help"_s}, {}, homeOnly());
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(u"migrate"_s));
        QCOMPARE(runCli({u"frobnicate"_s}, {}, homeOnly()).exitCode, 2);
        QCOMPARE(runCli({u"trips"_s, u"list"_s, u"--bogus"_s}, {}, homeOnly()).exitCode, 2);
    }

    void embeddedDefaultWithZeroSetup() {
        // No URL anywhere: the embedded file in the app-data folder, a local user.
        const auto add = runCli({u"trips"_s, u"add"_s, u"--title"_s, u"First trip"_s}, {}, homeOnly());
        QCOMPARE(add.exitCode, 0);
        QVERIFY(QFile::exists(m_home.path() + u"/data/TripPlanner/tripplanner.sqlite3"_s));
        const auto list = runCli({u"trips"_s, u"list"_s}, {}, homeOnly());
        QVERIFY2(list.out.contains(u"First trip"_s), qPrintable(list.out));
    }

    void badConnections() {
        expectOneLineError(runCli({u"--database-url"_s, u"postgres://"_s, u"doctor"_s}, {}, homeOnly()),
                           u"host"_s);
        expectOneLineError(runCli({u"--database-url"_s, u"mysql://x/y"_s, u"doctor"_s}, {}, homeOnly()),
                           u"unsupported scheme"_s);
        expectOneLineError(runCli({u"--database-url"_s, u"postgresql://u:secret@localhost/db"_s, u"doctor"_s},
                                  {}, homeOnly()),
                           u"must not contain a password"_s);
        expectOneLineError(runCli({u"trips"_s, u"list"_s}, {},
                                  {u"DATABASE_URL=postgresql://u@127.0.0.1:1/db?connect_timeout=3"_s}),
                           u"Nothing accepted the connection"_s);
        expectOneLineError(
            runCli({u"trips"_s, u"list"_s}, {},
                   {u"DATABASE_URL=postgresql://u@no-such-host.invalid/db?connect_timeout=3"_s}),
            u"could not be found"_s);
        DatabaseUrl wrong = DatabaseUrl::parse(test::cluster().pgUrl);
        wrong.password = u"not-the-password"_s;
        expectOneLineError(runCli({u"trips"_s, u"list"_s}, {}, {u"DATABASE_URL="_s + wrong.toString()}),
                           u"rejected the user name or password"_s);
        DatabaseUrl missing = DatabaseUrl::parse(test::cluster().pgUrl);
        missing.database = u"no_such_database"_s;
        expectOneLineError(runCli({u"trips"_s, u"list"_s}, {}, {u"DATABASE_URL="_s + missing.toString()}),
                           u"no database named"_s);
    }

    void badInputWritesNothing_data() { test::addBackendRows(); }
    void badInputWritesNothing() {
        QFETCH(QString, backend);
        test::TempDatabase db(backend);
        const QStringList e = env(db);
        QCOMPARE(runCli({u"users"_s, u"add"_s, u"alice"_s}, {}, e).exitCode, 0);
        const QString user = u"alice"_s;
        auto add = [&](QStringList extra) {
            return runCli(QStringList{u"trips"_s, u"add"_s, u"--user"_s, user} + extra, {}, e);
        };
        expectOneLineError(add({u"--title"_s, u"x"_s, u"--start"_s, u"2027-02-30"_s}), u"start_date"_s);
        expectOneLineError(
            add({u"--title"_s, u"x"_s, u"--start"_s, u"2027-05-02"_s, u"--end"_s, u"2027-05-01"_s}),
            u"end_date: must not be before the start date"_s);
        expectOneLineError(add({u"--title"_s, u"x"_s, u"--budget"_s, u"12.345"_s}), u"budget"_s);
        expectOneLineError(add({u"--title"_s, u"x"_s, u"--budget"_s, u"100000000"_s}), u"budget"_s);
        expectOneLineError(add({u"--title"_s, u"x"_s, u"--travelers"_s, u"0"_s}), u"travelers_count"_s);
        expectOneLineError(add({u"--title"_s, u"x"_s, u"--status"_s, u"dreaming"_s}), u"status"_s);
        // argv cannot carry 2 MB on Linux (128 KiB per argument): 100 KB shows the same rule.
        expectOneLineError(add({u"--title"_s, QString(100'000, u'a')}), u"title: must be at most 200"_s);
        expectOneLineError(runCli({u"trips"_s, u"list"_s, u"--user"_s, u"nobody"_s}, {}, e),
                           u"no user named"_s);
        expectOneLineError(runCli({u"trips"_s, u"show"_s, u"--user"_s, user, u"999"_s}, {}, e), u"no trip"_s);
        QCOMPARE(tripCount(e, user), 0);
        QCOMPARE(add({u"--title"_s, u"Valid"_s, u"--budget"_s, u"99999999.99"_s}).exitCode, 0);
        QCOMPARE(tripCount(e, user), 1);
    }

    void tripsLifecycle_data() { test::addBackendRows(); }
    void tripsLifecycle() {
        QFETCH(QString, backend);
        test::TempDatabase db(backend);
        const QStringList e = env(db);
        QCOMPARE(runCli({u"users"_s, u"add"_s, u"alice"_s}, {}, e).exitCode, 0);
        QCOMPARE(runCli({u"destinations"_s, u"add"_s, u"--name"_s, u"Bali"_s, u"--country"_s, u"Indonesia"_s,
                         u"--lat"_s, u"-8.409518"_s, u"--lon"_s, u"115.188919"_s},
                        {}, e)
                     .exitCode,
                 0);
        expectOneLineError(
            runCli({u"destinations"_s, u"add"_s, u"--name"_s, u"Bali"_s, u"--country"_s, u"Indonesia"_s}, {},
                   e),
            u"already exists"_s);
        const auto search = runCli({u"destinations"_s, u"search"_s, u"bal"_s, u"--json"_s}, {}, e);
        QCOMPARE(QJsonDocument::fromJson(search.out.toUtf8()).array().size(), 1);
        {
            // Coordinates given on the command line are recorded as typed.
            auto conn = db.connect();
            const auto bali = DestinationRepository(*conn).findByNameCountry(u"Bali"_s, u"Indonesia"_s);
            QVERIFY(bali);
            const auto source = CoordinateSourceRepository(*conn).of(*bali);
            QVERIFY(source && source->origin == CoordinateOrigin::Typed);
        }
        // A stub without coordinates is placed from the offline gazetteer.
        QCOMPARE(
            runCli({u"destinations"_s, u"add"_s, u"--name"_s, u"Sintra"_s, u"--country"_s, u"Portugal"_s}, {},
                   e)
                .exitCode,
            0);
        const auto located = runCli({u"destinations"_s, u"locate"_s}, {}, e);
        QCOMPARE(located.exitCode, 0);
        QVERIFY2(located.out.contains(u"1 of 1 destination without coordinates placed; 0 not found"_s),
                 qPrintable(located.out));
        {
            auto conn = db.connect();
            const auto sintra = DestinationRepository(*conn).findByNameCountry(u"Sintra"_s, u"Portugal"_s);
            QVERIFY(sintra && sintra->hasCoordinates());
            QVERIFY(std::abs(sintra->latitude->toDouble() - 38.8) < 0.1);
            const auto source = CoordinateSourceRepository(*conn).of(*sintra);
            QVERIFY(source && source->origin == CoordinateOrigin::Gazetteer);
        }
        QVERIFY(runCli({u"destinations"_s, u"locate"_s, u"--json"_s}, {}, e).out.contains(u"\"missing\""_s));
        const auto added = runCli({u"trips"_s, u"add"_s, u"--user"_s, u"alice"_s, u"--title"_s, u"Beach"_s,
                                   u"--start"_s, u"2027-07-01"_s, u"--end"_s, u"2027-07-10"_s, u"--json"_s},
                                  {}, e);
        QCOMPARE(added.exitCode, 0);
        const qint64 id = QJsonDocument::fromJson(added.out.toUtf8()).object().value(u"id"_s).toInteger();
        QCOMPARE(runCli({u"trips"_s, u"update"_s, u"--user"_s, u"alice"_s, QString::number(id),
                         u"--destination"_s, u"1"_s, u"--budget"_s, u"3000"_s},
                        {}, e)
                     .exitCode,
                 0);
        const auto shown =
            runCli({u"trips"_s, u"show"_s, u"--user"_s, u"alice"_s, QString::number(id), u"--json"_s}, {}, e);
        const QJsonObject t = QJsonDocument::fromJson(shown.out.toUtf8()).object();
        QCOMPARE(t.value(u"budget"_s).toString(), u"3000.00"_s);
        QCOMPARE(t.value(u"destination"_s).toString(), u"Bali"_s);
        QCOMPARE(t.value(u"duration_days"_s).toInt(), 10);
        const auto filtered = runCli({u"trips"_s, u"list"_s, u"--user"_s, u"alice"_s, u"--from"_s,
                                      u"2027-07-05"_s, u"--to"_s, u"2027-07-06"_s, u"--json"_s},
                                     {}, e);
        QCOMPARE(QJsonDocument::fromJson(filtered.out.toUtf8()).array().size(), 1);
        const auto none = runCli(
            {u"trips"_s, u"list"_s, u"--user"_s, u"alice"_s, u"--from"_s, u"2027-08-01"_s, u"--json"_s}, {},
            e);
        QCOMPARE(QJsonDocument::fromJson(none.out.toUtf8()).array().size(), 0);
        QCOMPARE(
            runCli({u"trips"_s, u"delete"_s, u"--user"_s, u"alice"_s, QString::number(id)}, {}, e).exitCode,
            0);
        QCOMPARE(tripCount(e, u"alice"_s), 0);
        QCOMPARE(runCli({u"users"_s, u"delete"_s, u"alice"_s}, {}, e).exitCode, 2); // needs --yes
        QCOMPARE(runCli({u"users"_s, u"delete"_s, u"alice"_s, u"--yes"_s}, {}, e).exitCode, 0);
    }

    void exportHoldsOneUsersDataOnly_data() { test::addBackendRows(); }
    void exportHoldsOneUsersDataOnly() {
        QFETCH(QString, backend);
        test::TempDatabase db(backend);
        const QStringList e = env(db);
        for (const QString& who : {u"alice"_s, u"bob"_s}) {
            QCOMPARE(runCli({u"users"_s, u"add"_s, who}, {}, e).exitCode, 0);
            QCOMPARE(runCli({u"trips"_s, u"add"_s, u"--user"_s, who, u"--title"_s, who + u"'s secret trip"_s},
                            {}, e)
                         .exitCode,
                     0);
        }
        const auto r = runCli({u"export"_s, u"--user"_s, u"alice"_s}, {}, e);
        QCOMPARE(r.exitCode, 0);
        const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(doc.value(u"user"_s).toObject().value(u"username"_s).toString(), u"alice"_s);
        QCOMPARE(doc.value(u"trips"_s).toArray().size(), 1);
        QVERIFY(r.out.contains(u"alice's secret trip"_s));
        QVERIFY(!r.out.contains(u"bob"_s));
        QVERIFY(!r.out.contains(u"password"_s));
        QVERIFY(!r.out.contains(u"pbkdf2"_s));
    }

    void migrateDryRunChangesNothing_data() { test::addBackendRows(); }
    void migrateDryRunChangesNothing() {
        QFETCH(QString, backend);
        test::TempDatabase db(backend);
        const auto dry = runCli({u"migrate"_s, u"--dry-run"_s}, {}, env(db));
        QCOMPARE(dry.exitCode, 0);
        QVERIFY(dry.out.contains(u"CREATE TABLE"_s));
        QVERIFY(dry.out.contains(u"rolled back"_s));
        auto conn = db.connect();
        const SchemaStatus s = Migrator(*conn).status();
        QCOMPARE(s.currentVersion, 0);
        QVERIFY(s.empty);
        const auto doctorBefore = runCli({u"doctor"_s}, {}, env(db));
        QCOMPARE(doctorBefore.exitCode, 1);
        QVERIFY(doctorBefore.out.contains(u"pending"_s));
        QCOMPARE(runCli({u"migrate"_s}, {}, env(db)).exitCode, 0);
        const auto doctor = runCli({u"doctor"_s}, {}, env(db));
        QCOMPARE(doctor.exitCode, 0);
        QVERIFY2(!doctor.out.contains(u"tp_admin_pw"_s), "doctor printed the password");
        if (backend == u"pgbouncer")
            QVERIFY2(doctor.out.contains(u"pooled"_s), qPrintable(doctor.out));
        if (backend == u"postgres")
            QVERIFY2(doctor.out.contains(u"direct"_s), qPrintable(doctor.out));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
