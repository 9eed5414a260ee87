// SPDX-License-Identifier: GPL-3.0-or-later
// Destination search means the same on SQLite and PostgreSQL (word starts,
// case and accents folded, punctuation never syntax), and the catalogue
// recognises one place however the country is spelt.
#include "TestBackends.h"
#include "geo/WorldData.h"
#include "repo/DestinationRepository.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace tp;

namespace {

QStringList names(const QList<Destination>& found) {
    QStringList out;
    for (const Destination& d : found)
        out << d.name;
    out.sort();
    return out;
}

void addPlace(DestinationRepository& repo, const QString& name, const QString& country,
              const QString& description = {}) {
    Destination d;
    d.name = name;
    d.country = country;
    d.description = description;
    repo.create(d);
}

} // namespace

class TestDestinationSearch : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void oneMeaningOnEveryEngine_data() { test::addBackendRows(); }
    void oneMeaningOnEveryEngine() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        auto db = tmp.connectMigrated();
        DestinationRepository repo(*db);
        addPlace(repo, u"São Paulo"_s, u"Brazil"_s, u"The largest city of South America."_s);
        addPlace(repo, u"Lisbon"_s, u"Portugal"_s, u"Hills, trams and pastéis de nata."_s);
        addPlace(repo, u"Zürich"_s, u"Switzerland"_s, u"A lake city."_s);
        addPlace(repo, u"Oregon Coast"_s, u"United States"_s, u"Cliffs OR beaches."_s);
        addPlace(repo, u"Orlando"_s, u"United States"_s, u"Theme parks."_s);
        addPlace(repo, u"Porto"_s, u"Portugal"_s, u"Port wine."_s);

        const QList<std::pair<QString, QStringList>> cases = {
            {u"sao paulo"_s, {u"São Paulo"_s}},
            {u"SÃO PAULO"_s, {u"São Paulo"_s}},
            {u"\"Lisbon"_s, {u"Lisbon"_s}},
            {u"lis"_s, {u"Lisbon"_s}},
            {u"zurich"_s, {u"Zürich"_s}},
            {u"ZÜR"_s, {u"Zürich"_s}},
            {u"pasteis"_s, {u"Lisbon"_s}},
            {u"OR"_s, {u"Oregon Coast"_s, u"Orlando"_s}}, // a word, not an operator
            {u"port"_s, {u"Lisbon"_s, u"Porto"_s}},       // "Portugal", "Port wine"
            {u"port wine"_s, {u"Porto"_s}},               // every word must match
            {u"isbon"_s, {}},                             // word starts, not any substring
            {u"lisbon-portugal"_s, {u"Lisbon"_s}},        // the dash separates words
            {u"%"_s, {}},
            {u"_"_s, {}},
            {u"\"*"_s, {}},
        };
        for (const auto& [query, expected] : cases)
            QVERIFY2(names(repo.search(query)) == expected,
                     qPrintable(u"%1: %2"_s.arg(query, names(repo.search(query)).join(u", "_s))));
    }

    // "Lisbon, PT" from a model is the catalogue's "Lisbon, Portugal", not a second row.
    void samePlaceWhateverTheCountrySpelling_data() { test::addBackendRows(); }
    void samePlaceWhateverTheCountrySpelling() {
        QFETCH(QString, backend);
        test::TempDatabase tmp(backend);
        auto db = tmp.connectMigrated();
        DestinationRepository repo(*db);
        addPlace(repo, u"Lisbon"_s, u"Portugal"_s);
        for (const QString& country : {u"PT"_s, u"PRT"_s, u"portugal"_s, u"Portuguese Republic"_s}) {
            Destination k;
            k.name = u"lisbon"_s;
            k.country = country;
            k.bestTimeToVisit = u"Spring"_s;
            const Destination d = repo.findOrCreate(k, geo::sameCountry);
            QCOMPARE(d.name, u"Lisbon"_s);
            QCOMPARE(d.country, u"Portugal"_s);
        }
        QCOMPARE(repo.count(), 1);
        Destination other;
        other.name = u"Lisbon"_s;
        other.country = u"US"_s; // Lisbon, Maine: another place
        repo.findOrCreate(other, geo::sameCountry);
        QCOMPARE(repo.count(), 2);
    }
};

QTEST_GUILESS_MAIN(TestDestinationSearch)
#include "tst_destination_search.moc"
