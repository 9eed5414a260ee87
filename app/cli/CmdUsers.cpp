// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliContext.h"

#include "domain/JsonCodec.h"
#include "repo/UserRepository.h"

#include <QCoreApplication>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace tp::cli {

int cmdUsers(CliContext& ctx, const QStringList& allArgs) {
    const QString verb = allArgs.value(0);
    const QStringList args = allArgs.mid(1);
    CliParser p;
    p.addHelpOption();
    if (verb == u"add") {
        p.setApplicationDescription(QCoreApplication::translate(
            "tp::cli", "users add NAME [--email EMAIL]: create a user (and its preferences)."));
        p.addOption({u"email"_s, QCoreApplication::translate("tp::cli", "E-mail address."), u"email"_s});
        p.addPositionalArgument(
            u"name"_s, QCoreApplication::translate("tp::cli", "User name (letters, digits, @ . + - _)."));
        parseOrThrow(p, args, 1, 1);
        const User u =
            UserRepository(ctx.database()).create(p.positionalArguments().first(), p.value(u"email"_s));
        ctx.out << QCoreApplication::translate("tp::cli", "Created user %1 (id %2).")
                       .arg(u.username, QString::number(u.id))
                << '\n';
        return 0;
    }
    if (verb == u"list") {
        p.setApplicationDescription(QCoreApplication::translate("tp::cli", "users list [--json]"));
        p.addOption({u"json"_s, QCoreApplication::translate("tp::cli", "Print JSON.")});
        parseOrThrow(p, args, 0, 0);
        const QList<User> users = UserRepository(ctx.database()).list();
        if (p.isSet(u"json"_s)) {
            QJsonArray a;
            for (const User& u : users)
                a.append(json::from(u));
            printJson(ctx, a);
            return 0;
        }
        QList<QStringList> rows;
        for (const User& u : users)
            rows << QStringList{QString::number(u.id), u.username, u.email,
                                u.dateJoined.toLocalTime().toString(u"yyyy-MM-dd"_s)};
        ctx.out << formatTable({QCoreApplication::translate("tp::cli", "ID"),
                                QCoreApplication::translate("tp::cli", "USERNAME"),
                                QCoreApplication::translate("tp::cli", "EMAIL"),
                                QCoreApplication::translate("tp::cli", "JOINED")},
                               rows);
        return 0;
    }
    if (verb == u"delete") {
        p.setApplicationDescription(QCoreApplication::translate(
            "tp::cli", "users delete NAME --yes: delete a user and ALL their data."));
        p.addOption(
            {u"yes"_s,
             QCoreApplication::translate(
                 "tp::cli", "Confirm: this removes the user's trips, conversations and preferences.")});
        p.addPositionalArgument(u"name"_s, QCoreApplication::translate("tp::cli", "User name."));
        parseOrThrow(p, args, 1, 1);
        const QString name = p.positionalArguments().first();
        UserRepository users(ctx.database());
        const auto u = users.findByName(name);
        if (!u)
            throw Error(
                Error::Kind::NotFound,
                QCoreApplication::translate("tp::cli", "There is no user named \"%1\".").arg(name.left(200)));
        if (!p.isSet(u"yes"_s))
            throw UsageError{QCoreApplication::translate(
                                 "tp::cli", "deleting %1 removes all their data; add --yes to confirm")
                                 .arg(name)};
        users.remove(u->id);
        ctx.out << QCoreApplication::translate("tp::cli", "Deleted user %1 and all their data.").arg(name)
                << '\n';
        return 0;
    }
    throw UsageError{
        verb.isEmpty()
            ? QCoreApplication::translate("tp::cli", "users needs add, list or delete")
            : QCoreApplication::translate("tp::cli", "unknown users command \"%1\" (add, list, delete)")
                  .arg(verb.left(40))};
}

} // namespace tp::cli
