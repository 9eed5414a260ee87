// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliContext.h"

#include "repo/UserExport.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace tp::cli {

int cmdExport(CliContext& ctx, const QStringList& args) {
    CliParser p;
    p.setApplicationDescription(QCoreApplication::translate(
        "tp::cli", "export --user NAME [--output FILE]: all of one user's data as one JSON document."));
    p.addHelpOption();
    p.addOption({u"user"_s,
                 QCoreApplication::translate("tp::cli", "The user whose data to export (required)."),
                 u"name"_s});
    p.addOption({u"output"_s,
                 QCoreApplication::translate("tp::cli", "Write to this file instead of standard output."),
                 u"file"_s});
    parseOrThrow(p, args, 0, 0);
    if (!p.isSet(u"user"_s))
        throw UsageError{QCoreApplication::translate("tp::cli", "export needs --user NAME")};
    const User user = ctx.user(p.value(u"user"_s));
    const QByteArray data =
        QJsonDocument(exportUserData(ctx.database(), user.id)).toJson(QJsonDocument::Indented);
    if (!p.isSet(u"output"_s)) {
        ctx.out << QString::fromUtf8(data);
        return 0;
    }
    // Written whole or not at all.
    QSaveFile file(p.value(u"output"_s));
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        throw Error(Error::Kind::Config, QCoreApplication::translate("tp::cli", "Cannot write %1: %2")
                                             .arg(p.value(u"output"_s), file.errorString()));
    ctx.out << QCoreApplication::translate("tp::cli", "Exported %1's data to %2.")
                   .arg(user.username, p.value(u"output"_s))
            << '\n';
    return 0;
}

} // namespace tp::cli
