// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliContext.h"

#include "db/Migrator.h"

#include <QCoreApplication>
#include <QElapsedTimer>

using namespace Qt::StringLiterals;

namespace tp::cli {

namespace {
void line(CliContext& ctx, const QString& label, const QString& value) {
    ctx.out << label.leftJustified(12) << value << '\n';
}
} // namespace

int cmdDoctor(CliContext& ctx, const QStringList& args) {
    QCommandLineParser p;
    p.setApplicationDescription(
        u"Check the database: reachability, server, TLS, pooling, schema, latency."_s);
    p.addHelpOption();
    parseOrThrow(p, args, 0, 0);
    int problems = 0;
    line(ctx, u"Database"_s, ctx.url.redacted());
    QElapsedTimer connectTimer;
    connectTimer.start();
    Database* db = nullptr;
    try {
        db = &ctx.rawDatabase();
    } catch (const Error& e) {
        line(ctx, u"Reachable"_s, u"NO: "_s + e.message());
        ctx.out.flush();
        return 1;
    }
    line(ctx, u"Reachable"_s,
         u"yes (connected in %1 ms)"_s.arg(double(connectTimer.nsecsElapsed()) / 1e6, 0, 'f', 1));

    if (db->isPostgres()) {
        const SqlRows v =
            db->query(u"SELECT current_setting('server_version') AS v, "
                      u"COALESCE((SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()), false) AS tls, "
                      u"inet_server_port() AS port"_s);
        const SqlRow& r = v.first();
        line(ctx, u"Server"_s, u"PostgreSQL "_s + col::text(r, "v"));
        line(ctx, u"TLS"_s, col::boolean(r, "tls") ? u"on"_s : u"off"_s);
        const int serverPort = col::integer(r, "port");
        const bool pooled = ctx.url.looksPooled() || (serverPort != 0 && serverPort != ctx.url.port);
        line(ctx, u"Endpoint"_s,
             pooled ? u"pooled (a connection pooler such as PgBouncer or Neon's -pooler endpoint)"_s
                    : u"direct"_s);
    } else {
        const SqlRows v = db->query(u"SELECT sqlite_version() AS v"_s);
        line(ctx, u"Server"_s, u"SQLite "_s + col::text(v.first(), "v") + u" (embedded file)"_s);
        line(ctx, u"TLS"_s, u"not applicable"_s);
        line(ctx, u"Endpoint"_s, u"embedded"_s);
    }

    const SchemaStatus s = Migrator(*db).status();
    if (s.newerThanApp()) {
        ++problems;
        line(ctx, u"Schema"_s,
             u"PROBLEM: version %1 is newer than this app understands (%2); update Trip Planner"_s
                 .arg(s.currentVersion)
                 .arg(s.latestKnownVersion));
    } else if (!s.pending.isEmpty()) {
        ++problems;
        QStringList names;
        for (const Migration& m : s.pending)
            names << m.name;
        line(ctx, u"Schema"_s,
             u"PROBLEM: version %1, %2 pending (%3)%4; run `tripplanner-cli migrate`"_s.arg(s.currentVersion)
                 .arg(s.pending.size())
                 .arg(names.join(u", "_s),
                      s.djangoSchema ? u", tables made by the web app will be adopted"_s : QString()));
    } else {
        line(ctx, u"Schema"_s, u"version %1 (current)"_s.arg(s.currentVersion));
    }

    QList<double> samples;
    for (int i = 0; i < 5; ++i)
        samples << db->ping();
    std::sort(samples.begin(), samples.end());
    line(ctx, u"Latency"_s, u"%1 ms (median of 5 round trips)"_s.arg(samples[2], 0, 'f', 2));
    line(ctx, u"Result"_s,
         problems == 0 ? u"ok"_s : QCoreApplication::translate("tp::cli", "%n problems", nullptr, problems));
    return problems == 0 ? 0 : 1;
}

} // namespace tp::cli
