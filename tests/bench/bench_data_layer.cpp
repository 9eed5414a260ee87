// SPDX-License-Identifier: GPL-3.0-or-later
// Data-layer benchmark (issue 2): bulk insert and read of 100,000 messages
// through the repositories, against the same work done by the engines' own
// command-line clients (psql, sqlite3) in the same run, and the number of
// statements it takes to open a trip. Run it with tests/bench/run-benchmarks.sh.
#include "db/Migrator.h"
#include "repo/ConversationRepository.h"
#include "repo/TripRepository.h"
#include "repo/UserRepository.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>

using namespace Qt::StringLiterals;
using namespace tp;

namespace {

QTextStream out(stdout);

QString messageText(int i) {
    static const QStringList words = {u"beach"_s, u"museum"_s, u"budget"_s, u"July"_s,   u"hiking"_s,
                                      u"food"_s,  u"quiet"_s,  u"family"_s, u"Lisbon"_s, u"train"_s};
    QString s = u"Message %1:"_s.arg(i);
    for (int w = 0; w < 14; ++w)
        s += u' ' + words[(i * 7 + w * 3) % words.size()];
    return s;
}

double ms(const QElapsedTimer& t) {
    return double(t.nsecsElapsed()) / 1e6;
}

// The same rows as one script for the engine's own client: one transaction,
// multi-row INSERTs of 500, the same values.
QString baselineScript(Id conversationId, int count, bool postgres) {
    QString sql = u"BEGIN;\n"_s;
    const QDateTime base = QDateTime::currentDateTimeUtc();
    for (int start = 0; start < count; start += 500) {
        sql +=
            u"INSERT INTO destination_search_message (is_user, content, timestamp, conversation_id) VALUES "_s;
        for (int i = start; i < std::min(count, start + 500); ++i) {
            const QString ts = base.addMSecs(i).toString(u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s);
            sql += (i > start ? u","_s : QString()) +
                   u"(%1, '%2', '%3', %4)"_s.arg(postgres ? (i % 2 ? u"true"_s : u"false"_s)
                                                          : (i % 2 ? u"1"_s : u"0"_s),
                                                 messageText(i), ts, QString::number(conversationId));
        }
        sql += u";\n"_s;
    }
    return sql + u"COMMIT;\n"_s;
}

double runClient(const QString& program, const QStringList& args, const QString& stdinFile,
                 const QStringList& env = {}) {
    QProcess p;
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    for (const QString& kv : env)
        e.insert(kv.section(u'=', 0, 0), kv.section(u'=', 1));
    p.setProcessEnvironment(e);
    if (!stdinFile.isEmpty())
        p.setStandardInputFile(stdinFile);
    p.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer t;
    t.start();
    p.start(program, args);
    if (!p.waitForFinished(600'000) || p.exitCode() != 0) {
        out << "  " << program << " failed: " << p.readAllStandardError() << '\n';
        return -1;
    }
    return ms(t);
}

void benchmark(const QString& label, const DatabaseUrl& url, int count) {
    out << "\n== " << label << " (" << url.redacted() << ")\n";
    Database db(url);
    Migrator(db).migrate();
    const User user = UserRepository(db).create(u"bench"_s);
    TripRepository trips(db, user.id);
    ConversationRepository conversations(db, user.id);
    Trip draft;
    draft.title = u"Benchmark trip"_s;
    const Trip trip = trips.create(draft);
    const Trip other = trips.create(draft);
    const Id conversation = conversations.ensureForTrip(trip.id).first.id;
    const Id baselineConversation = conversations.ensureForTrip(other.id).first.id;

    QList<std::pair<bool, QString>> rows;
    rows.reserve(count);
    for (int i = 0; i < count; ++i)
        rows.append({i % 2 == 1, messageText(i)});

    QElapsedTimer t;
    t.start();
    conversations.addMessages(conversation, rows);
    const double insertMs = ms(t);
    t.restart();
    const QList<Message> read = conversations.messages(conversation);
    const double readMs = ms(t);
    if (read.size() != count)
        qFatal("read %lld messages, expected %d", qint64(read.size()), count);

    // The same through the engine's own client.
    QTemporaryDir dir;
    const QString script = dir.filePath(u"insert.sql"_s);
    {
        QFile f(script);
        f.open(QIODevice::WriteOnly);
        f.write(baselineScript(baselineConversation, count, url.dialect == Dialect::Postgres).toUtf8());
    }
    const QString select = u"SELECT is_user, content, timestamp FROM destination_search_message "
                           u"WHERE conversation_id = %1 ORDER BY timestamp, id;"_s.arg(conversation);
    double baseInsertMs, baseReadMs;
    if (url.dialect == Dialect::Postgres) {
        const QStringList env{u"PGPASSWORD="_s + url.password};
        const QStringList conn{
            u"-h"_s,      url.host, u"-p"_s, QString::number(url.port), u"-U"_s, url.user, u"-d"_s,
            url.database, u"-q"_s,  u"-v"_s, u"ON_ERROR_STOP=1"_s};
        baseInsertMs = runClient(u"psql"_s, conn + QStringList{u"-f"_s, script}, {}, env);
        baseReadMs = runClient(u"psql"_s, conn + QStringList{u"-At"_s, u"-c"_s, select}, {}, env);
    } else {
        baseInsertMs = runClient(u"sqlite3"_s, {url.database}, script);
        baseReadMs = runClient(u"sqlite3"_s, {url.database, select}, {});
    }

    out << QString::asprintf("  insert %d messages: data layer %8.1f ms | %-7s %8.1f ms | ratio %.2f\n",
                             count, insertMs, url.dialect == Dialect::Postgres ? "psql" : "sqlite3",
                             baseInsertMs, insertMs / baseInsertMs);
    out << QString::asprintf("  read   %d messages: data layer %8.1f ms | %-7s %8.1f ms | ratio %.2f\n",
                             count, readMs, url.dialect == Dialect::Postgres ? "psql" : "sqlite3", baseReadMs,
                             readMs / baseReadMs);

    const quint64 before = db.statementCount();
    trips.open(trip.id);
    const quint64 full = db.statementCount() - before;
    Trip emptyDraft;
    emptyDraft.title = u"Empty"_s;
    const Trip empty = trips.create(emptyDraft);
    const quint64 before2 = db.statementCount();
    trips.open(empty.id);
    const quint64 none = db.statementCount() - before2;
    out << "  statements to open a trip: " << full << " with " << count << " messages, " << none
        << " with no conversation\n";
    out.flush();
}

} // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    const int count = qEnvironmentVariableIntValue("TP_BENCH_MESSAGES") > 0
                          ? qEnvironmentVariableIntValue("TP_BENCH_MESSAGES")
                          : 100'000;
    QTemporaryDir dir;
    benchmark(u"SQLite"_s, DatabaseUrl::sqliteFile(dir.filePath(u"bench.sqlite3"_s)), count);
    const QString pg = qEnvironmentVariable("TP_BENCH_PG_URL");
    if (!pg.isEmpty())
        benchmark(u"PostgreSQL 15"_s, DatabaseUrl::parse(pg), count);
    else
        out << "\n(PostgreSQL skipped: set TP_BENCH_PG_URL, as tests/bench/run-benchmarks.sh does)\n";
    return 0;
}
