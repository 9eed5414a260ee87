// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestBackends.h"

#include "db/Migrator.h"

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace tp::test {

ClusterInfo cluster() {
    QFile f(QStringLiteral(TP_PGCLUSTER_ENV));
    if (!f.open(QIODevice::ReadOnly)) {
        qFatal(
            "The test PostgreSQL server is not running (%s missing). Run the tests with ctest, which starts "
            "it, or start it with tests/support/pgcluster.sh start <build>/pgcluster.",
            TP_PGCLUSTER_ENV);
    }
    ClusterInfo info;
    for (const QByteArray& line : f.readAll().split('\n')) {
        const QString l = QString::fromUtf8(line);
        const QString key = l.section(u'=', 0, 0);
        const QString value = l.section(u'=', 1);
        if (key == u"TP_TEST_PG_URL")
            info.pgUrl = value;
        else if (key == u"TP_TEST_PGBOUNCER_URL")
            info.pgbouncerUrl = value;
        else if (key == u"TP_TEST_PG_ADMIN_URL")
            info.adminUrl = value;
        else if (key == u"TP_TEST_PG_DIR")
            info.dir = value;
    }
    return info;
}

namespace {
void adminExec(const QString& sql) {
    Database admin(DatabaseUrl::parse(cluster().adminUrl));
    admin.execute(sql);
}
} // namespace

TempDatabase::TempDatabase(const QString& backend)
    : m_backend(backend) {
    if (backend == u"sqlite") {
        QTemporaryDir dir;
        dir.setAutoRemove(false);
        m_name = dir.path();
        m_url = DatabaseUrl::sqliteFile(m_name + u"/tripplanner.sqlite3"_s);
        return;
    }
    const ClusterInfo c = cluster();
    m_name = u"tp_test_%1"_s.arg(QRandomGenerator::global()->generate64(), 0, 16);
    adminExec(u"CREATE DATABASE "_s + m_name);
    DatabaseUrl url = DatabaseUrl::parse(backend == u"pgbouncer" ? c.pgbouncerUrl : c.pgUrl);
    url.database = m_name;
    m_url = url;
}

TempDatabase::~TempDatabase() {
    try {
        if (m_backend == u"sqlite")
            QDir(m_name).removeRecursively();
        else
            adminExec(u"DROP DATABASE IF EXISTS "_s + m_name + u" WITH (FORCE)"_s);
    } catch (const std::exception& e) {
        qWarning("could not drop test database: %s", e.what());
    }
}

std::unique_ptr<Database> TempDatabase::connect() const {
    return std::make_unique<Database>(m_url);
}

std::unique_ptr<Database> TempDatabase::connectMigrated() const {
    auto db = connect();
    Migrator(*db).migrate();
    return db;
}

void addBackendRows() {
    QTest::addColumn<QString>("backend");
    for (const char* b : {"sqlite", "postgres", "pgbouncer"})
        QTest::newRow(b) << QString::fromLatin1(b);
}

void addPostgresBackendRows() {
    QTest::addColumn<QString>("backend");
    for (const char* b : {"postgres", "pgbouncer"})
        QTest::newRow(b) << QString::fromLatin1(b);
}

QString backendRow() {
    return QString::fromLatin1(QTest::currentDataTag() ? QTest::currentDataTag() : "sqlite");
}

ProcessResult run(const QString& program, const QStringList& args, const QByteArray& stdinData,
                  const QStringList& extraEnv, int timeoutMs) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString& kv : extraEnv)
        env.insert(kv.section(u'=', 0, 0), kv.section(u'=', 1));
    p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForStarted())
        return {};
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs))
        p.kill();
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

ProcessResult runCli(const QStringList& args, const QByteArray& stdinData, const QStringList& extraEnv) {
    return run(QStringLiteral(TP_CLI_PATH), args, stdinData, extraEnv);
}

} // namespace tp::test
