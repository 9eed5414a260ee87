// SPDX-License-Identifier: GPL-3.0-or-later
#include "DatabaseLocation.h"

#include "AppPaths.h"
#include "SecretStore.h"
#include "db/Database.h"
#include "domain/Error.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace tp {

UrlAndPassword splitPasswordFromUrl(const QString& text) {
    const DatabaseUrl url = DatabaseUrl::parse(text);
    if (url.dialect != Dialect::Postgres)
        throw Error(Error::Kind::Config,
                    QCoreApplication::translate("tp::DatabaseLocation",
                                                "Database URL: expected a postgresql:// URL"));
    return {url.redacted(), url.password};
}

QString sourceName(ResolvedDatabaseUrl::Source source) {
    switch (source) {
    case ResolvedDatabaseUrl::Source::CommandLine:
        return u"--database-url"_s;
    case ResolvedDatabaseUrl::Source::Environment:
        return u"DATABASE_URL"_s;
    case ResolvedDatabaseUrl::Source::Settings:
        return u"settings"_s;
    case ResolvedDatabaseUrl::Source::Default:
        return u"default"_s;
    }
    return {};
}

namespace {

void addNote(ResolvedDatabaseUrl& r, const QString& text) {
    r.note = r.note.isEmpty() ? text : r.note + u'\n' + text;
}

} // namespace

void applyKeychainPassword(ResolvedDatabaseUrl& r, const SecretResult& secret, const QString& profile) {
    r.passwordPending = false;
    if (secret.ok())
        r.url.password = secret.value;
    else if (secret.status == SecretResult::Status::NotFound)
        addNote(r, QCoreApplication::translate(
                       "tp::DatabaseLocation",
                       "No database password is stored in the keychain for profile \"%1\".")
                       .arg(profile));
    else
        addNote(r, QCoreApplication::translate("tp::DatabaseLocation",
                                               "The database password could not be read: %1")
                       .arg(secret.message));
}

ResolvedDatabaseUrl resolveDatabaseUrl(const QString& commandLineUrl, const QString& profile,
                                       KeychainPassword password) {
    ResolvedDatabaseUrl r;
    if (!commandLineUrl.trimmed().isEmpty()) {
        r.url = DatabaseUrl::parse(commandLineUrl);
        r.source = ResolvedDatabaseUrl::Source::CommandLine;
        return r;
    }
    const QString env = qEnvironmentVariable("DATABASE_URL");
    if (!env.trimmed().isEmpty()) {
        r.url = DatabaseUrl::parse(env);
        r.source = ResolvedDatabaseUrl::Source::Environment;
        return r;
    }
    const Settings settings(profile);
    const DatabaseSettings db = settings.database();
    // Database settings read from the file but not used: said, not dropped in silence.
    // (Chosen by key, not by the sentences' text, which is translated.)
    r.note = settings.problems(u"database."_s).join(u'\n');
    if (db.mode == DatabaseMode::PostgreSql && !db.postgresUrl.isEmpty()) {
        r.url = DatabaseUrl::parse(db.postgresUrl);
        r.url.password.clear();
        r.source = ResolvedDatabaseUrl::Source::Settings;
        r.passwordPending = true;
        if (password == KeychainPassword::Read) {
            const SecretStore store(profile);
            applyKeychainPassword(r, store.read(store.databasePasswordKey()), profile);
        }
        return r;
    }
    if (!db.embeddedFile.isEmpty()) {
        r.url = DatabaseUrl::sqliteFile(db.embeddedFile);
        r.source = ResolvedDatabaseUrl::Source::Settings;
        return r;
    }
    r.url = DatabaseUrl::sqliteFile(defaultDatabaseFile());
    r.source = ResolvedDatabaseUrl::Source::Default;
    return r;
}

namespace {

Error copyError(const QString& message) {
    return Error(Error::Kind::Config, message);
}

void removeWithCompanions(const QString& file) {
    for (const QString& suffix : {QString(), u"-wal"_s, u"-shm"_s, u"-journal"_s})
        QFile::remove(file + suffix);
}

} // namespace

void copyEmbeddedDatabase(const QString& source, const QString& target) {
    const QString from = QFileInfo(source).absoluteFilePath();
    const QString to = QFileInfo(target).absoluteFilePath();
    if (from == to)
        throw copyError(
            QCoreApplication::translate("tp::DatabaseLocation", "The new location is the current file."));
    if (!QFileInfo::exists(from))
        throw copyError(
            QCoreApplication::translate("tp::DatabaseLocation", "There is no database file at %1.")
                .arg(from));
    if (QFileInfo::exists(to))
        throw copyError(QCoreApplication::translate("tp::DatabaseLocation",
                                                    "A file already exists at %1; choose another name.")
                            .arg(to));
    if (QFileInfo::exists(from + u"-journal"_s))
        throw copyError(QCoreApplication::translate(
            "tp::DatabaseLocation",
            "The database file has an unfinished transaction (a -journal file); open the app "
            "once more and close it, then try again."));
    const QString dir = QFileInfo(to).absolutePath();
    if (!QDir().mkpath(dir))
        throw copyError(
            QCoreApplication::translate("tp::DatabaseLocation", "Cannot create the folder %1.").arg(dir));

    // Copy under a temporary name, companions included, so that SQLite sees
    // the same state (the -wal holds committed pages not yet in the file).
    const QString temp = to + u".partial"_s;
    removeWithCompanions(temp);
    for (const QString& suffix : {QString(), u"-wal"_s}) {
        if (!QFileInfo::exists(from + suffix))
            continue;
        if (!QFile::copy(from + suffix, temp + suffix)) {
            removeWithCompanions(temp);
            throw copyError(
                QCoreApplication::translate("tp::DatabaseLocation",
                                            "Cannot write to %1 (is the disk full or the folder read-only?).")
                    .arg(dir));
        }
    }

    // Open the copy: this folds the -wal into the file and checks it.
    try {
        Database db(DatabaseUrl::sqliteFile(temp));
        const SqlRows rows = db.query(u"PRAGMA integrity_check"_s);
        if (rows.isEmpty() || rows.first().value(0).toString() != u"ok")
            throw copyError(QCoreApplication::translate(
                "tp::DatabaseLocation", "The copy failed its integrity check; the original is unchanged."));
        db.execute(u"PRAGMA wal_checkpoint(TRUNCATE)"_s);
    } catch (const Error& e) {
        removeWithCompanions(temp);
        if (e.kind() == Error::Kind::Config)
            throw;
        throw copyError(
            QCoreApplication::translate("tp::DatabaseLocation",
                                        "The copy could not be opened (%1); the original is unchanged.")
                .arg(e.message()));
    }
    QFile::remove(temp + u"-wal"_s);
    QFile::remove(temp + u"-shm"_s);
    if (!QFile::rename(temp, to)) {
        removeWithCompanions(temp);
        throw copyError(QCoreApplication::translate("tp::DatabaseLocation", "Cannot create %1.").arg(to));
    }
}

} // namespace tp
