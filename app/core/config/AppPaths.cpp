// SPDX-License-Identifier: GPL-3.0-or-later
#include "AppPaths.h"

#include "config/BuildInfo.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace tp {

void setApplicationIdentity() {
    QCoreApplication::setOrganizationName(QString::fromLatin1(OrganizationName));
    QCoreApplication::setApplicationName(QString::fromLatin1(ApplicationName));
    // Both programs' --version, the About box and the User-Agent headers read it.
    QCoreApplication::setApplicationVersion(QString::fromLatin1(build::Version));
}

QString defaultDatabaseFile() {
    // GenericDataLocation + our folder: ~/.local/share/TripPlanner on Linux,
    // %LOCALAPPDATA%\TripPlanner on Windows, ~/Library/Application Support/TripPlanner
    // on macOS (AppDataLocation would nest organisation and application names).
    QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (base.isEmpty())
        base = QDir::homePath();
    return QDir(base).filePath(QString::fromLatin1(ApplicationName) + u"/tripplanner.sqlite3"_s);
}

QString osUserName() {
    for (const char* var : {"USER", "USERNAME", "LOGNAME"}) {
        const QString v = qEnvironmentVariable(var);
        if (!v.isEmpty())
            return v;
    }
#ifdef Q_OS_UNIX
    if (const passwd* pw = getpwuid(getuid()); pw && pw->pw_name && *pw->pw_name)
        return QString::fromLocal8Bit(pw->pw_name);
#endif
    return u"traveller"_s;
}

} // namespace tp
