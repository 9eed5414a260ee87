// SPDX-License-Identifier: GPL-3.0-or-later
#include "Airports.h"

#include <QFile>
#include <QHash>

using namespace Qt::StringLiterals;

namespace tp::plan {

namespace {
const QHash<QString, Airport>& table() {
    // A function-local static: initialised once, thread-safe (C++11).
    static const QHash<QString, Airport> airports = [] {
        QHash<QString, Airport> out;
        QFile f(u":/airports/airports.tsv"_s);
        if (!f.open(QIODevice::ReadOnly))
            return out;
        const QList<QByteArray> lines = f.readAll().split('\n');
        out.reserve(lines.size());
        for (const QByteArray& line : lines) {
            const QList<QByteArray> c = line.split('\t');
            if (c.size() != 7)
                continue;
            Airport a{QString::fromUtf8(c[0]), QString::fromUtf8(c[1]), QString::fromUtf8(c[2]),
                      QString::fromUtf8(c[3]), c[4].toDouble(),         c[5].toDouble(),
                      QString::fromUtf8(c[6])};
            out.insert(a.iata, a);
        }
        return out;
    }();
    return airports;
}
} // namespace

std::optional<Airport> findAirport(const QString& iataCode) {
    const auto it = table().constFind(iataCode.trimmed().toUpper());
    if (it == table().cend())
        return std::nullopt;
    return *it;
}

int airportCount() {
    return int(table().size());
}

} // namespace tp::plan
