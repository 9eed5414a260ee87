// SPDX-License-Identifier: GPL-3.0-or-later
#include "DatabaseUrl.h"

#include "domain/Error.h"

#include <QCoreApplication>
#include <QSet>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace tp {

namespace {

// libpq keywords a URL may carry. Anything else is a typo that libpq would
// reject with a less helpful message, so it is refused here by name.
const QSet<QString>& allowedOptions() {
    static const QSet<QString> keys = {
        u"sslmode"_s,
        u"sslrootcert"_s,
        u"sslcert"_s,
        u"sslkey"_s,
        u"sslcrl"_s,
        u"channel_binding"_s,
        u"connect_timeout"_s,
        u"keepalives"_s,
        u"keepalives_idle"_s,
        u"keepalives_interval"_s,
        u"keepalives_count"_s,
        u"tcp_user_timeout"_s,
        u"application_name"_s,
        u"options"_s,
        u"target_session_attrs"_s,
        u"gssencmode"_s,
        u"sslsni"_s,
    };
    return keys;
}

// `message` is a whole sentence ("Database URL: ..."), translated by the caller.
Error configError(const QString& message) {
    return Error(Error::Kind::Config, message);
}

// What to do about special characters: the usual cause of a URL that does not parse.
QString encodingHint() {
    return QCoreApplication::translate(
        "tp::DatabaseUrl", "Characters such as @ : / # ? % or a space in the user name or password "
                           "must be percent-encoded (%40 for @, %23 for #, %2F for /, %3F for ?, "
                           "%25 for %).");
}

// Only a name shaped like a libpq keyword is repeated in a message: anything
// else may be a piece of a password that lost its encoding.
bool looksLikeKeyword(const QString& key) {
    if (key.isEmpty() || key.size() > 30)
        return false;
    for (QChar c : key)
        if (!(c >= u'a' && c <= u'z') && c != u'_')
            return false;
    return true;
}

// QUrl::errorString() quotes the offending character and then every component,
// the password included. Only its fixed leading words are looked at here, to
// name the part that is wrong in a sentence built from known text.
QString invalidUrlReason(const QString& qtError) {
    const QString head = qtError.section(u'(', 0, 0).section(u';', 0, 0).toLower();
    // %1: the advice of encodingHint().
    QString message;
    if (head.contains(u"port"_s))
        message = QCoreApplication::translate(
            "tp::DatabaseUrl", "Database URL: the port is not a number between 1 and 65535. %1");
    else if (head.contains(u"hostname"_s) || head.contains(u"ipv"_s) || head.contains(u"']'"_s))
        message = QCoreApplication::translate(
            "tp::DatabaseUrl", "Database URL: the host name has a character that is not allowed. %1");
    else if (head.contains(u"user name"_s) || head.contains(u"password"_s))
        message = QCoreApplication::translate(
            "tp::DatabaseUrl",
            "Database URL: the user name or password has a character that is not allowed. %1");
    else if (head.contains(u"path"_s))
        message = QCoreApplication::translate("tp::DatabaseUrl",
                                              "Database URL: the database name has a character that is not "
                                              "allowed (a space, for example). %1");
    else if (head.contains(u"query"_s))
        message = QCoreApplication::translate(
            "tp::DatabaseUrl",
            "Database URL: the parameters after '?' have a character that is not allowed. %1");
    else if (head.contains(u"fragment"_s))
        message = QCoreApplication::translate("tp::DatabaseUrl", "Database URL: it contains '#'. %1");
    else
        message = QCoreApplication::translate("tp::DatabaseUrl", "Database URL: it is not a valid URL. %1");
    return message.arg(encodingHint());
}

QString quoteConninfo(const QString& value) {
    QString v = value;
    v.replace(u"\\"_s, u"\\\\"_s);
    v.replace(u"'"_s, u"\\'"_s);
    return u'\'' + v + u'\'';
}

} // namespace

DatabaseUrl DatabaseUrl::sqliteFile(const QString& path) {
    DatabaseUrl u;
    u.dialect = Dialect::Sqlite;
    u.database = path;
    return u;
}

DatabaseUrl DatabaseUrl::parse(const QString& input) {
    const QString text = input.trimmed();
    if (text.isEmpty())
        throw configError(QCoreApplication::translate("tp::DatabaseUrl", "Database URL: it is empty"));
    if (text.size() > 4096)
        throw configError(QCoreApplication::translate("tp::DatabaseUrl", "Database URL: it is too long"));

    const qsizetype colon = text.indexOf(u"://"_s);
    if (colon <= 0)
        throw configError(QCoreApplication::translate(
            "tp::DatabaseUrl", "Database URL: expected a URL starting with postgresql:// or sqlite:///"));
    const QString scheme = text.left(colon).toLower();

    if (scheme == u"sqlite") {
        const QString rest = text.mid(colon + 3);
        if (rest == u":memory:")
            return sqliteFile(rest);
        if (!rest.startsWith(u'/') || rest.size() < 2)
            throw configError(QCoreApplication::translate(
                "tp::DatabaseUrl", "Database URL: a SQLite URL names a file: sqlite:///relative/path or "
                                   "sqlite:////absolute/path"));
        // dj_database_url: everything after "sqlite:///" is the path.
        return sqliteFile(QUrl::fromPercentEncoding(rest.mid(1).toUtf8()));
    }

    if (scheme != u"postgres" && scheme != u"postgresql" && scheme != u"pgsql")
        throw configError(QCoreApplication::translate(
                              "tp::DatabaseUrl",
                              "Database URL: unsupported scheme \"%1\" (use postgresql:// or sqlite:///)")
                              .arg(scheme.left(20)));

    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        throw configError(invalidUrlReason(url.errorString()));
    // '#' starts a fragment, which a database URL never has: it is an unencoded
    // character of the password, and what follows it must not be shown anywhere.
    if (url.hasFragment())
        throw configError(QCoreApplication::translate("tp::DatabaseUrl", "Database URL: it contains '#'. %1")
                              .arg(encodingHint()));

    DatabaseUrl u;
    u.dialect = Dialect::Postgres;
    u.host = url.host(QUrl::FullyDecoded);
    if (u.host.isEmpty())
        throw configError(
            QCoreApplication::translate("tp::DatabaseUrl", "Database URL: the host name is missing"));
    u.port = url.port(5432);
    if (u.port <= 0 || u.port > 65535)
        throw configError(QCoreApplication::translate("tp::DatabaseUrl",
                                                      "Database URL: the port must be between 1 and 65535"));
    u.user = url.userName(QUrl::FullyDecoded);
    u.password = url.password(QUrl::FullyDecoded);
    u.database = url.path(QUrl::FullyDecoded).mid(1);
    if (u.database.isEmpty())
        throw configError(QCoreApplication::translate(
            "tp::DatabaseUrl", "Database URL: the database name is missing (…/dbname after the host)"));
    if (u.database.contains(u'/'))
        throw configError(QCoreApplication::translate(
                              "tp::DatabaseUrl", "Database URL: the database name must not contain '/'. %1")
                              .arg(encodingHint()));
    // An unencoded '/' in a password moves the rest of it into the path: refuse
    // a database name that still holds the '@' that ended the user information.
    if (u.database.contains(u'@'))
        throw configError(QCoreApplication::translate(
                              "tp::DatabaseUrl", "Database URL: the database name must not contain '@'. %1")
                              .arg(encodingHint()));

    const QUrlQuery query(url);
    for (const auto& [key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (!allowedOptions().contains(key))
            throw configError(
                looksLikeKeyword(key)
                    ? QCoreApplication::translate("tp::DatabaseUrl", "Database URL: unknown parameter \"%1\"")
                          .arg(key)
                    : QCoreApplication::translate(
                          "tp::DatabaseUrl", "Database URL: it has a parameter that is not a libpq keyword"));
        u.options.insert(key, value);
    }
    static const QSet<QString> sslModes = {u"disable"_s, u"allow"_s,     u"prefer"_s,
                                           u"require"_s, u"verify-ca"_s, u"verify-full"_s};
    if (u.options.contains(u"sslmode"_s) && !sslModes.contains(u.options.value(u"sslmode"_s)))
        throw configError(QCoreApplication::translate(
            "tp::DatabaseUrl", "Database URL: sslmode must be one of disable, allow, prefer, require, "
                               "verify-ca, verify-full"));
    for (const QString& numeric : {u"connect_timeout"_s, u"keepalives_idle"_s, u"keepalives_interval"_s,
                                   u"keepalives_count"_s, u"tcp_user_timeout"_s}) {
        if (!u.options.contains(numeric))
            continue;
        bool ok = false;
        const int n = u.options.value(numeric).toInt(&ok);
        if (!ok || n < 0)
            throw configError(QCoreApplication::translate(
                                  "tp::DatabaseUrl", "Database URL: %1 must be a whole number of seconds")
                                  .arg(numeric));
    }
    return u;
}

QString DatabaseUrl::redacted() const {
    if (dialect == Dialect::Sqlite)
        return database == u":memory:" ? u"sqlite://:memory:"_s : u"sqlite:///"_s + database;
    QUrl url;
    url.setScheme(u"postgresql"_s);
    url.setHost(host);
    if (port != 5432)
        url.setPort(port);
    url.setUserName(user);
    url.setPath(u'/' + database);
    QUrlQuery q;
    for (auto it = options.begin(); it != options.end(); ++it)
        q.addQueryItem(it.key(), it.value());
    url.setQuery(q);
    // Encoded, so that what is shown or stored parses back (a space in
    // options=-c search_path=… would otherwise make an invalid URL).
    return url.toString(QUrl::FullyEncoded);
}

QString DatabaseUrl::toString() const {
    if (dialect == Dialect::Sqlite || password.isEmpty())
        return redacted();
    QUrl url(redacted());
    url.setPassword(password);
    return url.toString(QUrl::FullyEncoded);
}

QString DatabaseUrl::displayLocation() const {
    if (dialect == Dialect::Sqlite)
        return database;
    return u"%1 / %2"_s.arg(host, database);
}

bool DatabaseUrl::looksPooled() const {
    return dialect == Dialect::Postgres && host.section(u'.', 0, 0).endsWith(u"-pooler"_s);
}

QString DatabaseUrl::libpqOptions() const {
    // Defaults chosen for a serverless database reached over the internet: give a
    // cold Neon compute time to wake, and notice a dead peer within a minute.
    QMap<QString, QString> all = {
        {u"connect_timeout"_s, u"15"_s}, {u"keepalives"_s, u"1"_s},
        {u"keepalives_idle"_s, u"30"_s}, {u"keepalives_interval"_s, u"10"_s},
        {u"keepalives_count"_s, u"3"_s}, {u"application_name"_s, u"tripplanner"_s},
    };
    for (auto it = options.begin(); it != options.end(); ++it)
        all.insert(it.key(), it.value());
    QStringList parts;
    for (auto it = all.begin(); it != all.end(); ++it)
        parts << it.key() + u'=' + quoteConninfo(it.value());
    // QPSQL splits the option string on ';' and joins the pieces with spaces.
    return parts.join(u';');
}

} // namespace tp
