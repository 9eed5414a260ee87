// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliContext.h"

#include "db/Migrator.h"

#include <QCoreApplication>
#include <QElapsedTimer>

using namespace Qt::StringLiterals;

namespace tp::cli {

namespace {
void line(CliContext& ctx, const QString& label, const QString& value) {
    // A translated label longer than the column still keeps a space before its value.
    ctx.out << QString(label + u' ').leftJustified(12) << value << '\n';
}
} // namespace

int cmdDoctor(CliContext& ctx, const QStringList& args) {
    CliParser p;
    p.setApplicationDescription(QCoreApplication::translate(
        "tp::cli", "Check the database: reachability, server, TLS, pooling, schema, latency."));
    p.addHelpOption();
    parseOrThrow(p, args, 0, 0);
    int problems = 0;
    line(ctx, QCoreApplication::translate("tp::cli", "Database"), ctx.url.redacted());
    QElapsedTimer connectTimer;
    connectTimer.start();
    Database* db = nullptr;
    try {
        db = &ctx.rawDatabase();
    } catch (const Error& e) {
        line(ctx, QCoreApplication::translate("tp::cli", "Reachable"),
             QCoreApplication::translate("tp::cli", "NO: %1").arg(e.message()));
        ctx.out.flush();
        return 1;
    }
    line(ctx, QCoreApplication::translate("tp::cli", "Reachable"),
         QCoreApplication::translate("tp::cli", "yes (connected in %1 ms)")
             .arg(double(connectTimer.nsecsElapsed()) / 1e6, 0, 'f', 1));

    if (db->isPostgres()) {
        const SqlRows v =
            db->query(u"SELECT current_setting('server_version') AS v, "
                      u"COALESCE((SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()), false) AS tls, "
                      u"inet_server_port() AS port"_s);
        const SqlRow& r = v.first();
        line(ctx, QCoreApplication::translate("tp::cli", "Server"), u"PostgreSQL "_s + col::text(r, "v"));
        line(ctx, QCoreApplication::translate("tp::cli", "TLS"),
             col::boolean(r, "tls") ? QCoreApplication::translate("tp::cli", "on")
                                    : QCoreApplication::translate("tp::cli", "off"));
        const int serverPort = col::integer(r, "port");
        const bool pooled = ctx.url.looksPooled() || (serverPort != 0 && serverPort != ctx.url.port);
        line(ctx, QCoreApplication::translate("tp::cli", "Endpoint"),
             pooled
                 ? QCoreApplication::translate(
                       "tp::cli", "pooled (a connection pooler such as PgBouncer or Neon's -pooler endpoint)")
                 : QCoreApplication::translate("tp::cli", "direct"));
    } else {
        const SqlRows v = db->query(u"SELECT sqlite_version() AS v"_s);
        line(ctx, QCoreApplication::translate("tp::cli", "Server"),
             QCoreApplication::translate("tp::cli", "SQLite %1 (embedded file)")
                 .arg(col::text(v.first(), "v")));
        line(ctx, QCoreApplication::translate("tp::cli", "TLS"),
             QCoreApplication::translate("tp::cli", "not applicable"));
        line(ctx, QCoreApplication::translate("tp::cli", "Endpoint"),
             QCoreApplication::translate("tp::cli", "embedded"));
    }

    const SchemaStatus s = Migrator(*db).status();
    if (s.newerThanApp()) {
        ++problems;
        line(
            ctx, QCoreApplication::translate("tp::cli", "Schema"),
            QCoreApplication::translate(
                "tp::cli", "PROBLEM: version %1 is newer than this app understands (%2); update Trip Planner")
                .arg(s.currentVersion)
                .arg(s.latestKnownVersion));
    } else if (!s.pending.isEmpty()) {
        ++problems;
        QStringList names;
        for (const Migration& m : s.pending)
            names << m.name;
        const int pending = int(s.pending.size());
        line(ctx, QCoreApplication::translate("tp::cli", "Schema"),
             (s.djangoSchema
                  ? QCoreApplication::translate("tp::cli",
                                                "PROBLEM: version %1, %n pending (%2), tables made by "
                                                "the web app will be adopted; run `tripplanner-cli migrate`",
                                                nullptr, pending)
                  : QCoreApplication::translate(
                        "tp::cli", "PROBLEM: version %1, %n pending (%2); run `tripplanner-cli migrate`",
                        nullptr, pending))
                 .arg(QString::number(s.currentVersion), names.join(u", "_s)));
    } else {
        line(ctx, QCoreApplication::translate("tp::cli", "Schema"),
             QCoreApplication::translate("tp::cli", "version %1 (current)").arg(s.currentVersion));
    }

    QList<double> samples;
    for (int i = 0; i < 5; ++i)
        samples << db->ping();
    std::sort(samples.begin(), samples.end());
    line(
        ctx, QCoreApplication::translate("tp::cli", "Latency"),
        QCoreApplication::translate("tp::cli", "%1 ms (median of 5 round trips)").arg(samples[2], 0, 'f', 2));
    line(ctx, QCoreApplication::translate("tp::cli", "Result"),
         problems == 0 ? QCoreApplication::translate("tp::cli", "ok")
                       : QCoreApplication::translate("tp::cli", "%n problems", nullptr, problems));
    return problems == 0 ? 0 : 1;
}

} // namespace tp::cli
