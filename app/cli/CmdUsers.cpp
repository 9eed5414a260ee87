// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliContext.h"

#include "domain/JsonCodec.h"
#include "repo/UserRepository.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace tp::cli {

int cmdUsers(CliContext& ctx, const QStringList& allArgs) {
    const QString verb = allArgs.value(0);
    const QStringList args = allArgs.mid(1);
    QCommandLineParser p;
    p.addHelpOption();
    if (verb == u"add") {
        p.setApplicationDescription(
            u"users add NAME [--email EMAIL]: create a user (and its preferences)."_s);
        p.addOption({u"email"_s, u"E-mail address."_s, u"email"_s});
        p.addPositionalArgument(u"name"_s, u"User name (letters, digits, @ . + - _)."_s);
        parseOrThrow(p, args, 1, 1);
        const User u =
            UserRepository(ctx.database()).create(p.positionalArguments().first(), p.value(u"email"_s));
        ctx.out << u"Created user %1 (id %2)."_s.arg(u.username).arg(u.id) << '\n';
        return 0;
    }
    if (verb == u"list") {
        p.setApplicationDescription(u"users list [--json]"_s);
        p.addOption({u"json"_s, u"Print JSON."_s});
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
        ctx.out << formatTable({u"ID"_s, u"USERNAME"_s, u"EMAIL"_s, u"JOINED"_s}, rows);
        return 0;
    }
    if (verb == u"delete") {
        p.setApplicationDescription(u"users delete NAME --yes: delete a user and ALL their data."_s);
        p.addOption({u"yes"_s, u"Confirm: this removes the user's trips, conversations and preferences."_s});
        p.addPositionalArgument(u"name"_s, u"User name."_s);
        parseOrThrow(p, args, 1, 1);
        const QString name = p.positionalArguments().first();
        UserRepository users(ctx.database());
        const auto u = users.findByName(name);
        if (!u)
            throw Error(Error::Kind::NotFound, u"There is no user named \"%1\"."_s.arg(name.left(200)));
        if (!p.isSet(u"yes"_s))
            throw UsageError{u"deleting %1 removes all their data; add --yes to confirm"_s.arg(name)};
        users.remove(u->id);
        ctx.out << u"Deleted user %1 and all their data."_s.arg(name) << '\n';
        return 0;
    }
    throw UsageError{verb.isEmpty()
                         ? u"users needs add, list or delete"_s
                         : u"unknown users command \"%1\" (add, list, delete)"_s.arg(verb.left(40))};
}

} // namespace tp::cli
